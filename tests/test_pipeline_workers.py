"""Tests for the speed side of timeline/pipeline.py: worker processes, batching, the recogniser's selection."""
from __future__ import annotations

import dataclasses
import json
import logging

import pytest

from timeline.events import EventExtractor, load_triggers
from timeline.lexicon import load_lexicon
from timeline.model import Article
from timeline.nlp import load_nlp, parse_texts
from timeline import pipeline
from timeline.pipeline import (
    CHUNK,
    Options,
    extract_article,
    extract_events,
    extract_listed,
    list_inputs,
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


@pytest.fixture(scope="module")
def folder(tmp_path_factory, seed_articles):
    """A folder of a text file, a JSONL file with bad records and an article without a date, and a bad file."""
    root = tmp_path_factory.mktemp("inputs")
    records = [{"title": a.title, "date": a.date, "text": a.text} for a in seed_articles]
    lines = [json.dumps(records[0]), '{"broken', json.dumps({**records[1], "date": "someday"}), "[1]"]
    (root / "a.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (root / "b.txt").write_bytes(b"\x00\x01" * 50)
    (root / "c.txt").write_text(f"{seed_articles[0].title}\nUpdated 26 August 2025\n{seed_articles[0].text}\n")
    return root


def _local_run(paths, caplog):
    errors = []
    with caplog.at_level(logging.WARNING, logger="timeline"):
        events = [e.to_dict() for e in extract_events(read_inputs(paths, on_error=errors.append))]
    return events, [str(e) for e in errors], [r.getMessage() for r in caplog.records]


@pytest.mark.parametrize("size", [10, 1000, 10**6])
def test_listed_inputs_read_in_partitions_give_the_events_and_warnings_of_a_local_run(folder, caplog, monkeypatch, size):
    local = _local_run([folder], caplog)
    assert local[0] and len(local[1]) == 3 and local[2]
    caplog.clear()
    monkeypatch.setattr(pipeline, "PARTITION_BYTES", size)
    tasks = []

    def dispatch(partitions, extract):  # runs the tasks here, as a cluster would elsewhere
        for partition in partitions:
            tasks.append(partition)
            yield extract(partition)

    errors = []
    with caplog.at_level(logging.WARNING, logger="timeline"):
        events = [e.to_dict() for events in extract_listed(list_inputs([folder]), Options(), dispatch, errors.append)
                  for e in events]
    # the warnings logged while reading are captured with the task's result, and logged again here
    again = [r.getMessage() for r in caplog.records if r.funcName == "extract_listed"]
    assert (events, [str(e) for e in errors], again) == local
    assert len(tasks) > 3 if size < 10**6 else len(tasks) == 1


def test_an_input_error_comes_back_from_a_worker_whole():
    import pickle

    from timeline.errors import InputError

    error = pickle.loads(pickle.dumps(InputError("empty file", path="s3://b/a.txt", position=3)))
    assert (type(error), str(error), error.path, error.position) == (InputError, "s3://b/a.txt:3: empty file",
                                                                     "s3://b/a.txt", 3)
