"""Tests for the speed side of timeline/pipeline.py: worker processes, batching, the cheap pass."""
from __future__ import annotations

import dataclasses

import pytest

from timeline.model import Article
from timeline.pipeline import (
    CHUNK,
    Options,
    extract_article,
    extract_events,
    may_hold_event,
    read_inputs,
    trigger_forms,
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


@pytest.mark.parametrize("text, expected", [
    ("Trump met South Korean President Lee Jae Myung on Monday.", True),
    ("Russia's foreign ministry condemned the strikes.", True),
    ("The talks are due to resume in Geneva.", True),
    ("He said nothing more.", True),
    ("Photo: Reuters / Kim Hong-Ji", False),
    ("The weather in Seoul was mild.", False),
])
def test_prefilter_finds_paragraphs_with_a_trigger(text, expected):
    assert may_hold_event(text, trigger_forms()) is expected


def test_paragraph_without_trigger_still_feeds_coreference():
    article = Article(id="x", title="t", date="2025-08-26", text=(
        "Kim Jong Un, the North Korean leader, in Pyongyang. A crowd in the square.\n\n"
        "Trump met Kim on Monday."))
    assert not may_hold_event(article.text.split("\n")[0], trigger_forms())
    meeting = [e for e in extract_article(article) if e.type == "meeting"]
    assert meeting and set(meeting[0].actors) == {"Donald Trump", "Kim Jong Un"}
    assert meeting[0].sentence_index == 2
