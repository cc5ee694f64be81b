"""Tests for timeline/nlp.py: paragraph offsets, cutting of very long lines, model loading, folding of accents."""
from __future__ import annotations

import pytest

from timeline.errors import ModelError
from timeline.nlp import (
    MAX_PARAGRAPH, doc_text, fold, load_nlp, paragraphs, parse_texts, recognise_entities, span_text, word_keys,
)


@pytest.mark.parametrize("text, expected", [
    ("", []),
    ("\n\n   \n", []),
    ("One.", [(0, "One.")]),
    ("One.\n\n  Two.", [(0, "One."), (8, "Two.")]),
    ("  Indented.  \nNext line.\n", [(2, "Indented."), (14, "Next line.")]),
    ("A.\r\nB.", [(0, "A."), (4, "B.")]),
    ("\tTab start\n", [(1, "Tab start")]),
])
def test_paragraphs(text, expected):
    assert list(paragraphs(text)) == expected


@pytest.mark.parametrize("text", [
    "Headline\n\nUpdated 26 August 2025\n\nFirst paragraph. Second sentence.\n   \n  Last one.  ",
    "x" * 12_000,
    ("Short sentence. " * 1000).strip(),
    "\n".join(["a" * 7000, "", "b. " * 3000, "  c  "]),
])
def test_paragraph_offsets_index_the_text(text):
    items = list(paragraphs(text))
    assert items
    for offset, p in items:
        assert p and text[offset:offset + len(p)] == p
        assert p == p.strip()
        assert len(p) <= MAX_PARAGRAPH
    offsets = [o for o, _ in items]
    assert offsets == sorted(offsets)


def _covers_in_order(text: str, items: list[tuple[int, str]]) -> None:
    """The pieces lie in order, do not overlap, and leave out only whitespace."""
    pos = 0
    for offset, p in items:
        assert offset >= pos
        assert text[pos:offset].strip() == ""
        assert text[offset:offset + len(p)] == p
        pos = offset + len(p)
    assert text[pos:].strip() == ""


@pytest.fixture(scope="module")
def huge_line():
    """About 3 MB with no line break: sentences, then a long run with no sentence break at all."""
    sentences = " ".join(f"Sentence number {i} says that talks went on for {i % 7} hours." for i in range(40_000))
    return sentences + " " + "z" * 1_000_003 + " The end."


def test_a_3mb_line_is_cut_into_bounded_pieces(huge_line):
    assert len(huge_line) >= 3_000_000 and "\n" not in huge_line
    items = list(paragraphs(huge_line))
    assert len(items) >= len(huge_line) // MAX_PARAGRAPH
    assert all(0 < len(p) <= MAX_PARAGRAPH for _, p in items)
    _covers_in_order(huge_line, items)


def test_long_lines_are_cut_after_a_sentence_end():
    text = ("This is a sentence of moderate length. " * 400).strip()
    items = list(paragraphs(text))
    assert len(items) > 1
    assert all(p.endswith(".") for _, p in items)
    _covers_in_order(text, items)


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def test_load_nlp_has_parser_and_ner(nlp):
    assert {"parser", "ner"} <= set(nlp.pipe_names)
    assert nlp.lang == "en"
    assert load_nlp() is nlp  # loaded once


def test_load_nlp_one_model_however_asked(nlp):
    assert load_nlp(None) is nlp and load_nlp("") is nlp


@pytest.mark.parametrize("text", [
    "Donald Trump met Lee Jae Myung in Washington.  They held talks ( and more )  ",
    "Russia's   envoy -- Kim Jong-un's U.S.-led\ttalks. “Quoted,” he said.",
    "   Leading spaces.",
    "José Manuel García-Margallo met Vučić’s envoy in Łódź.",
])
def test_cached_texts_and_keys_are_spacys(nlp, text):
    """doc_text, span_text and word_keys give what spaCy's own attributes give, cheaper."""
    for doc in [parse_texts(nlp, [text])[0], nlp(text)]:
        assert doc_text(doc) == doc.text
        spans = [*doc.sents, doc[0:3], doc[2:len(doc)], doc[1:2]]
        assert [span_text(s) for s in spans] == [s.text for s in spans]
        assert word_keys(doc) == [(t.lemma_.lower(), t.lower_) for t in doc]


def test_load_nlp_unknown_model():
    with pytest.raises(ModelError) as e:
        load_nlp("no_such_model_xyz")
    assert "no_such_model_xyz" in str(e.value)
    assert "\n" not in str(e.value)


def test_parse_texts_keeps_order_and_leaves_entities_to_recognise_entities(nlp):
    text = "Headline\n\nDonald Trump met Lee Jae Myung in Washington. They held talks.\n  Kim Yo Jong stayed home."
    items = list(paragraphs(text))
    docs = parse_texts(nlp, [t for _, t in items])
    assert [d.text for d in docs] == [t for _, t in items]
    sentences = [offset + s.start_char for (offset, _), d in zip(items, docs) for s in d.sents]
    assert [text[s:].split("\n")[0][:8] for s in sentences] == ["Headline", "Donald T", "They hel", "Kim Yo J"]
    assert all(list(d.ents) == [] for d in docs) and docs[1][0].dep_  # parsed, no entities yet
    first = next(iter(docs[1].sents))
    recognise_entities(nlp, [first])
    assert {e.text: e.label_ for e in docs[1].ents} == {"Donald Trump": "PERSON", "Lee Jae Myung": "PERSON",
                                                       "Washington": "GPE"}
    assert list(docs[2].ents) == []  # not asked for: not read
    recognise_entities(nlp, list(docs[2].sents))
    assert [e.label_ for e in docs[2].ents] == ["PERSON"]


def test_fold_keeps_length_and_plain_text():
    text = "José García-Margallo, Akıncı, Vučić, Łódź, “Lula’s” offer; Straße, 東京"
    assert fold(text) == "Jose Garcia-Margallo, Akinci, Vucic, Lodz, \"Lula's\" offer; Straße, 東京"
    assert len(fold(text)) == len(text)
    plain = "Plain ASCII text."
    assert fold(plain) is plain


def test_fold_puts_the_comma_of_a_short_inner_quotation_outside_it():
    text = 'Ikimi rejected it as "illegal," denied the charge. "We are ready," he said, and called it “a farce,” too.'
    folded = fold(text)
    assert folded == 'Ikimi rejected it as "illegal", denied the charge. "We are ready," he said, and called it "a farce", too.'
    assert len(folded) == len(text)


def test_a_verb_after_a_short_inner_quotation_is_no_reporting_verb(nlp):
    """ '... as "illegal," denied that': the model read "rejected" as a clause of "denied" (said)."""
    text = 'Nigerian Foreign Minister Tom Ikimi rejected the suspension as "illegal," denied that the trial was unfair.'
    doc = parse_texts(nlp, [text])[0]
    assert doc.text == text and [t.text for t in doc][10:13] == ["illegal", ",", '"']
    assert next(t for t in doc if t.text == "rejected").dep_ == "ROOT"


def test_accented_names_parse_as_their_plain_spelling_on_the_original_words(nlp):
    """The parse of a text with accented names is that of its folded copy, on the original words."""
    text = "Spain's Foreign Minister José Manuel García-Margallo summoned Argentina's ambassador on Monday."
    doc = parse_texts(nlp, [text])[0]
    plain = nlp(fold(text))
    assert doc.text == text and [t.text for t in doc][4:8] == ["José", "Manuel", "García", "-"]
    assert [(t.dep_, t.head.i, t.tag_) for t in doc] == [(t.dep_, t.head.i, t.tag_) for t in plain]
    assert next(t for t in doc if t.text == "summoned").dep_ == "ROOT"
    assert [s.text for s in doc.sents] == [text]
    recognise_entities(nlp, list(doc.sents))
    assert "José Manuel García-Margallo" in {e.text for e in doc.ents}
