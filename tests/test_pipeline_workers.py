"""Tests for the speed side of timeline/pipeline.py: worker processes, batching, the recogniser's selection."""
from __future__ import annotations

import dataclasses

import pytest

from timeline.events import EventExtractor, load_triggers
from timeline.lexicon import load_lexicon
from timeline.model import Article
from timeline.nlp import load_nlp, parse_texts
from timeline.pipeline import (
    CHUNK,
    Options,
    extract_article,
    extract_events,
    read_inputs,
)


@pytest.fixture(scope="module")
def corpus(examples_dir, data_dir):
    """Enough articles for several chunks, so that two workers both get work."""
    base = list(read_inputs([examples_dir, data_dir / "dev_articles.txt"]))
    copies = -(-2 * CHUNK // len(base)) + 1
    return [dataclasses.replace(a, id=f"{a.id}-{k}") for k in range(copies) for a in base]


def test_two_workers_give_the_same_events_as_one(corpus):
    one = [e.to_dict() for e in extract_events(corpus, Options(workers=1))]
    two = [e.to_dict() for e in extract_events(corpus, Options(workers=2))]
    assert one and one == two


def test_batched_extraction_equals_article_by_article(seed_articles):
    batched = [e.to_dict() for e in extract_events(seed_articles)]
    single = [e.to_dict() for a in seed_articles for e in extract_article(a)]
    assert batched == single


def test_paragraph_the_recogniser_skips_still_feeds_coreference():
    article = Article(id="x", title="t", date="2025-08-26", text=(
        "Kim Jong Un, the North Korean leader, in Pyongyang. A crowd in the square.\n\n"
        "Trump met Kim on Monday."))
    extractor = EventExtractor(article, load_lexicon(), load_triggers())
    first = parse_texts(load_nlp(), [article.text.split("\n")[0]])[0]
    assert not any(extractor.needs_entities(s, 0) for s in first.sents)
    meeting = [e for e in extract_article(article) if e.type == "meeting"]
    assert meeting and set(meeting[0].actors) == {"Donald Trump", "Kim Jong Un"}
    assert meeting[0].sentence_index == 2
