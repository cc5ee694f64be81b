"""Tests for timeline/pipeline.py: articles to events, offsets, order, dates, and the gold-scored quality floor."""
from __future__ import annotations

import json
import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline.export import parquet_available, write_events_parquet
from timeline.evaluate import load_gold, score_events
from timeline.model import Article, Event
from timeline.pipeline import (
    Options,
    article_dates,
    extract_article,
    extract_events,
    read_inputs,
    sort_events,
)

# The quality floor on examples/ against tests/data/seed_gold.jsonl (a verbatim copy of
# ../shared/gold/seed_events.jsonl): the figures measured when this test was written, rounded
# down. Raise them as extraction improves; they must never drop silently (STYLE.md rule 20).
# Target: 0.80 / 0.85 / 0.85. (0.86 -> 0.83 on purpose: "major Western powers" is now the West, an
# actor of its own, where the gold names NATO, the United States and Europe. 0.85 -> 0.84 on purpose:
# "Trump had sent his envoys" is now a visit (triggers.csv "send envoy"), which the seed gold does not
# code; the trigger gained on the written sets. 0.84 -> 0.83 on purpose: "comfort women who were forced into
# sexual slavery" is now a coercion (triggers.csv "force", from CAMEO.2.0 IMPEL) with a party from context,
# which the seed gold does not code; the row gained on the written sets, 5 of its 6 events there right.)
FLOOR_F1 = 0.83
FLOOR_DATE = 0.97
FLOOR_MODALITY = 0.93

TEXT = ("US President Donald Trump met South Korean President Lee Jae Myung at the White House on Monday. "
        "Trump said he hoped to meet North Korean leader Kim Jong Un this year.")


@pytest.fixture(scope="module")
def by_id(seed_articles):
    return {a.id: a for a in seed_articles}


def test_seed_file_splits_into_two_dated_articles(seed_articles):
    assert [a.date for a in seed_articles] == ["2025-08-26", "2025-12-15"]
    assert [a.title for a in seed_articles] == [
        "Trump says he wants to meet North Korea’s Kim again",
        "Ukraine drops NATO goal as Trump envoy sees progress in peace talks",
    ]
    assert len({a.id for a in seed_articles}) == 2
    assert all(a.text and a.title not in a.text.splitlines()[:1] for a in seed_articles)


def test_events_for_both_articles(seed_articles, seed_events):
    counts = {a.id: sum(e.article_id == a.id for e in seed_events) for a in seed_articles}
    assert all(n >= 5 for n in counts.values()), counts
    assert {e.article_id for e in seed_events} == set(counts)


def test_event_provenance_matches_its_article(seed_events, by_id):
    for e in seed_events:
        a = by_id[e.article_id]
        assert (e.article_title, e.article_date, e.article_source) == (a.title, a.date, a.source)


def test_sentence_offsets_point_at_the_sentence(seed_events, by_id):
    for e in seed_events:
        text = by_id[e.article_id].text
        assert e.sentence and text[e.char_start:e.char_end] == e.sentence, e.id


def test_trigger_offsets_point_at_the_trigger(seed_events, by_id):
    for e in seed_events:
        text = by_id[e.article_id].text
        assert text[e.trigger_start:e.trigger_end] == e.trigger, (e.id, e.trigger)
        assert e.char_start <= e.trigger_start < e.trigger_end <= e.char_end, e.id


def test_sentence_indexes_follow_reading_order(seed_events):
    for article_id in {e.article_id for e in seed_events}:
        events = [e for e in seed_events if e.article_id == article_id]
        pairs = sorted({(e.sentence_index, e.char_start) for e in events})
        assert [s for _, s in pairs] == sorted(s for _, s in pairs)
        # one sentence index, one sentence
        assert len({i for i, _ in pairs}) == len(pairs)


def test_event_ids_are_unique_and_stable(seed_articles, seed_events):
    ids = [e.id for e in seed_events]
    assert len(ids) == len(set(ids))
    again = list(extract_events(seed_articles))
    assert [e.id for e in again] == ids
    assert again == seed_events


def test_sort_events_is_deterministic(seed_events):
    ordered = sort_events(seed_events)
    assert sorted(e.id for e in ordered) == sorted(e.id for e in seed_events)
    for seed in range(3):
        shuffled = list(seed_events)
        random.Random(seed).shuffle(shuffled)
        assert sort_events(shuffled) == ordered


def test_sort_events_is_chronological_with_undated_last(seed_events):
    ordered = sort_events(seed_events)
    dated = [e.date for e in ordered if e.date]
    assert dated == sorted(dated)
    first_undated = next((i for i, e in enumerate(ordered) if e.date is None), len(ordered))
    assert all(e.date is None for e in ordered[first_undated:])


def test_article_dates_offsets_index_the_text(seed_articles):
    for a in seed_articles:
        records = article_dates(a)
        assert records, a.title
        for r in records:
            assert a.text[r["char_start"]:r["char_end"]] == r["text"]
            assert r["article_id"] == a.id and r["article_title"] == a.title
            assert r["date_precision"] in ("day", "month", "year", "unknown")


def test_article_dates_write_a_range_of_days_as_two_expressions():
    """TimeML writes "Jan. 26-27" as "Jan. 26" and "27"; a range of years stays one expression."""
    text = "The FOMC next meets Jan. 26-27. Talks were held on 9-11 March. From 1990-1995 he ruled."
    rows = article_dates(Article(id="a1", title="t", text=text, date="2015-12-16"))
    assert [(r["text"], r["date"], r["date_end"]) for r in rows] == [
        ("Jan. 26", "2016-01-26", None), ("27", "2016-01-27", None), ("9", "2015-03-09", None),
        ("11 March", "2015-03-11", None), ("1990-1995", "1990", "1995")]
    assert all(text[r["char_start"]:r["char_end"]] == r["text"] for r in rows)


def test_article_dates_resolve_against_the_publication_date():
    a = Article(id="a1", title="t", text=TEXT, date="2025-08-26")
    assert [(r["text"], r["date"], r["date_precision"]) for r in article_dates(a)] == [
        ("Monday", "2025-08-25", "day"), ("this year", "2025", "year"),
    ]


def test_extract_article_small():
    a = Article(id="a1", title="Leaders meet", text=TEXT, date="2025-08-26", source="test")
    events = extract_article(a)
    meeting = [e for e in events if e.type == "meeting" and e.trigger == "met"]
    assert len(meeting) == 1
    m = meeting[0]
    assert m.date == "2025-08-25" and m.date_basis == "text" and m.modality == "occurred"
    assert m.source == ("Donald Trump",) and "Lee Jae Myung" in m.target
    assert m.sentence == TEXT[: TEXT.index("Monday.") + len("Monday.")]
    hoped = [e for e in events if e.type == "meeting" and e.modality == "intended"]
    assert hoped and "Kim Jong Un" in hoped[0].actors


def test_options_date_fills_missing_dates(tmp_path):
    src = tmp_path / "a.jsonl"
    src.write_text(json.dumps({"title": "Leaders meet", "text": TEXT}) + "\n", encoding="utf-8")
    [undated] = list(read_inputs([src]))
    assert undated.date is None
    [dated] = list(read_inputs([src], Options(date="2025-08-26")))
    assert dated.date == "2025-08-26"
    events = list(extract_events([dated], Options(date="2025-08-26")))
    assert events and {e.article_date for e in events} == {"2025-08-26"}
    assert "2025-08-25" in {e.date for e in events}


def test_options_date_keeps_an_article_date(tmp_path):
    src = tmp_path / "a.jsonl"
    src.write_text(json.dumps({"title": "t", "date": "2024-03-03", "text": TEXT}) + "\n", encoding="utf-8")
    [a] = list(read_inputs([src], Options(date="2025-08-26")))
    assert a.date == "2024-03-03"


def test_read_inputs_reports_bad_files(tmp_path, examples_dir):
    (tmp_path / "a.txt").write_text((examples_dir / "seed_articles.txt").read_text(encoding="utf-8"),
                                    encoding="utf-8")
    (tmp_path / "b.txt").write_text("", encoding="utf-8")
    errors = []
    articles = list(read_inputs([tmp_path], on_error=errors.append))
    assert len(articles) == 2
    assert len(errors) == 1 and "b.txt" in str(errors[0])


def test_quality_floor(seed_events, data_dir):
    figures = score_events([e.to_dict() for e in seed_events], load_gold(data_dir / "seed_gold.jsonl"))
    report = {k: v for k, v in figures.items() if not k.startswith("_")}
    assert figures["event_f1"] >= FLOOR_F1, report
    assert figures["date_strict"] >= FLOOR_DATE, report
    assert figures["modality_acc"] >= FLOOR_MODALITY, report


# Held-out sets written for this project (tests/data/dev_README.md): news the rules were not
# written from, and one-sentence events of all 16 PLOVER categories. Floors at the measured figures.
FLOOR_DEV_F1 = 0.77
FLOOR_PLOVER_RECALL = 0.93
# Real news (tests/data/news_dev/README.md: 20 VOA and U.S. government articles, gold annotated
# before any extraction ran). Floors at the measured figures, rounded down; the target
# is F1 0.65 and strict dates 0.85.
FLOOR_NEWS_F1 = 0.75
FLOOR_NEWS_DATE = 0.89
# Sets of VOA-style articles written and annotated by reading for this project (tests/data/dev*/
# README.md): dev2, dev4, dev5, dev6, dev10, dev11, dev13, dev15, dev17, dev19, dev21, dev23, dev25, dev28, dev30, dev35,
# dev37, dev41, dev42 and dev45 to dev66 were worked on by classes of misses after their first runs; dev3, dev7, dev8,
# dev9, dev12, dev14, dev16, dev18, dev20, dev22, dev24, dev26, dev27, dev29, dev31, dev32, dev33, dev34, dev36, dev38,
# dev39, dev40, dev43 and dev44 are test sets nobody looked into.
# Floors at the measured figures, rounded down (docs/quality.md gives each set's history). Lowered on purpose in
# the twenty-second round, by one event each: dev15 0.52 -> 0.51 (fighting with no side named is between the
# sides of the last clash), dev43 0.51 -> 0.50 (a courtesy title is no part of a name) and dev36 0.54 -> 0.53
# (flags burned are a protest); the three changes gained on the other sets' mean. Lowered on purpose in the
# twenty-third round, by one to three events each: dev2, dev6, dev7, dev14, dev25, dev27, dev44 and dev52 (mostly
# people addressed by a noun of agents, taken as written where the article's party was right); the round's
# changes raised 28 sets and the means of the test sets and of the worked sets (docs/quality.md).
# Lowered on purpose in the twenty-fourth round, by one event each: dev12, dev20 and dev32 (test sets; "his country"
# is the speaker's state, which raised five other test sets), dev30 ("the two sides" as the story's two main parties
# only where each is named twice) and dev42 (a verb in -ing misparsed as an adjective); the round's changes raised
# the worked sets' mean and left the test sets' mean where it was (docs/quality.md).
# Lowered on purpose in the twenty-fifth round, by one event: dev40 (a test set; the organisation an official
# serves is no target of theirs, which raised five other test sets).
# Lowered on purpose in the twenty-sixth round: dev8 (a test set, by two events: what is closed may be the subject
# of a passive, and signing an instrument is no agreement) and dev65 (by one: "the border along the Drina would be
# closed" is aimed at the river); the round's changes raised the test sets' and the worked sets' means.
# dev61 ... dev63 were written in the twenty-third round and run first at its end; dev64 ... dev66 in the
# twenty-fourth, dev67 ... dev69 in the twenty-fifth, dev70 ... dev72 in the twenty-sixth, likewise.
FLOOR_SET_F1 = {"dev2": 0.72, "dev3": 0.67, "dev4": 0.66, "dev5": 0.74, "dev6": 0.67, "dev7": 0.63, "dev8": 0.66,
                "dev9": 0.63, "dev10": 0.65, "dev11": 0.56, "dev12": 0.61, "dev13": 0.72, "dev14": 0.60,
                "dev15": 0.51, "dev16": 0.54, "dev17": 0.66, "dev18": 0.62, "dev19": 0.60, "dev20": 0.52,
                "dev21": 0.62, "dev22": 0.59, "dev23": 0.57, "dev24": 0.50, "dev25": 0.58, "dev26": 0.65,
                "dev27": 0.54, "dev28": 0.59, "dev29": 0.52, "dev30": 0.57, "dev31": 0.56, "dev32": 0.48,
                "dev33": 0.59, "dev34": 0.51, "dev35": 0.49, "dev36": 0.53, "dev37": 0.61, "dev38": 0.52,
                "dev39": 0.57, "dev40": 0.58, "dev41": 0.58, "dev42": 0.53, "dev43": 0.51, "dev44": 0.58,
                "dev45": 0.54, "dev46": 0.50, "dev47": 0.57, "dev48": 0.51, "dev49": 0.65, "dev50": 0.50,
                "dev51": 0.50, "dev52": 0.63, "dev53": 0.54, "dev54": 0.55, "dev55": 0.48, "dev56": 0.65,
                "dev57": 0.59, "dev58": 0.58, "dev59": 0.49, "dev60": 0.54, "dev61": 0.51, "dev62": 0.53,
                "dev63": 0.55, "dev64": 0.52, "dev65": 0.49, "dev66": 0.54,
                "dev67": 0.62, "dev68": 0.48, "dev69": 0.54, "dev70": 0.52, "dev71": 0.51, "dev72": 0.51}


def test_quality_floor_on_real_news(data_dir):
    events = list(extract_events(read_inputs([data_dir / "news_dev" / "articles.jsonl"])))
    figures = score_events([e.to_dict() for e in events], load_gold(data_dir / "news_dev" / "events.jsonl"))
    report = {k: v for k, v in figures.items() if not k.startswith("_")}
    assert figures["event_f1"] >= FLOOR_NEWS_F1, report
    assert figures["date_strict"] >= FLOOR_NEWS_DATE, report


@pytest.mark.parametrize("name", sorted(FLOOR_SET_F1))
def test_quality_floor_on_written_news(data_dir, name):
    events = list(extract_events(read_inputs([data_dir / name / "articles.jsonl"])))
    figures = score_events([e.to_dict() for e in events], load_gold(data_dir / name / "events.jsonl"))
    assert figures["event_f1"] >= FLOOR_SET_F1[name], {k: v for k, v in figures.items() if not k.startswith("_")}


def test_quality_floor_on_held_out_news(data_dir):
    events = list(extract_events(read_inputs([data_dir / "dev_articles.txt"])))
    figures = score_events([e.to_dict() for e in events], load_gold(data_dir / "dev_gold.jsonl"))
    assert figures["event_f1"] >= FLOOR_DEV_F1, {k: v for k, v in figures.items() if not k.startswith("_")}


def test_plover_category_recall_on_held_out_sentences(data_dir):
    events = list(extract_events(read_inputs([data_dir / "plover_articles.jsonl"])))
    gold = [json.loads(line) for line in (data_dir / "plover_gold.jsonl").read_text(encoding="utf-8").splitlines()]
    found: dict[str, set] = {}
    for e in events:
        found.setdefault(e.article_id, set()).add(e.plover)
    recall = sum(g["plover"] in found.get(g["id"], set()) for g in gold) / len(gold)
    assert recall >= FLOOR_PLOVER_RECALL


# -- properties: whatever the text, events point at their own sentence and trigger ------------
FRAGMENTS = [
    "Macron met Modi in Paris on Tuesday.", "Putin said Ukraine must withdraw.", "“We will retaliate,” he said.",
    "Beijing accused Washington of lying", "  ", "\n", "\n\n", "Kyiv", "Hamas's October 7, 2023 attack on Israel",
    "talks", "😀", "<script>alert(1)</script>", "the US leader", "they agreed", "é", ",", "—", "Mr.", "1994",
]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=12), st.sampled_from([" ", "", "\n", ". "]))
def test_events_point_at_their_sentence_and_trigger(parts, glue):
    text = glue.join(parts)
    for e in extract_article(Article(id="p", title="p", text=text, date="2025-03-12")):
        assert text[e.char_start:e.char_end] == e.sentence
        assert text[e.trigger_start:e.trigger_end] == e.trigger
        assert e.char_start <= e.trigger_start < e.trigger_end <= e.char_end


# -- write_outputs: every output from a spool, as the in-memory functions make them --------------------

OUTPUTS = ["actors.csv", "datapackage.json", "events.csv", "events.jsonl", "graph.gexf", "graph.graphml",
           "graph.json", "merged_events.csv", "merged_events.jsonl", "timeline.html", "timelinejs.json"]
if parquet_available():  # an optional extra
    OUTPUTS = sorted([*OUTPUTS, "events.parquet"])


def outputs_in_memory(events: list, out) -> dict[str, bytes]:
    """The bytes of each output, from the events held in a list (the reference)."""
    from timeline.export import datapackage, events_to_csv_text, timelinejs_data, write_actors_csv
    from timeline.graph import build_graph, gexf_text, graph_data, graph_json_text, graphml_text, with_metrics
    from timeline.merge import assign_clusters, write_merged_events
    from timeline.render import render_html

    ordered = sort_events(list(assign_clusters(events)))
    G = build_graph(ordered)
    write_actors_csv(ordered, out / "actors.csv")
    write_merged_events(ordered, out / "merged_events.jsonl", out / "merged_events.csv")
    texts = {
        "events.jsonl": "".join(json.dumps(e.to_dict(), ensure_ascii=False) + "\n" for e in ordered),
        "events.csv": events_to_csv_text(ordered),
        "datapackage.json": json.dumps(datapackage(), ensure_ascii=False, indent=1, sort_keys=True) + "\n",
        "graph.graphml": graphml_text(with_metrics(G)),
        "graph.gexf": gexf_text(with_metrics(G)),
        "graph.json": graph_json_text(with_metrics(G)),
        "timelinejs.json": json.dumps(timelinejs_data(ordered), ensure_ascii=False, indent=1, sort_keys=True) + "\n",
        "timeline.html": render_html(ordered, graph_data(G)),
    }
    written = ["actors.csv", "merged_events.csv", "merged_events.jsonl"]
    if parquet_available():
        write_events_parquet(ordered, out / "events.parquet")
        written.append("events.parquet")
    files = {name: (out / name).read_bytes() for name in written}
    return {**files, **{k: v.encode() for k, v in texts.items()}}


def test_write_outputs_matches_the_in_memory_outputs(seed_events, tmp_path):
    from timeline.pipeline import write_outputs

    events = list(seed_events)
    random.Random(1).shuffle(events)
    # the same events again from another file: same ids and sort keys, so ties must keep input order
    events += [Event.from_dict({**e.to_dict(), "article_source": "copy.txt"}) for e in events[:10]]
    assert write_outputs((e for e in events), tmp_path / "out") == len(events)
    expected = outputs_in_memory(events, tmp_path / "ref")
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == OUTPUTS  # no spool left
    for name in OUTPUTS:
        assert (tmp_path / "out" / name).read_bytes() == expected[name], name
    lines = (tmp_path / "out" / "events.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["id"] for line in lines] == [e.id for e in sort_events(events)]


def test_write_outputs_failing_leaves_no_spool(seed_events, tmp_path, monkeypatch):
    import timeline.render
    from timeline.pipeline import write_outputs

    def boom(*a, **kw):
        raise RuntimeError("render failed")

    monkeypatch.setattr(timeline.render, "write_html", boom)
    out = tmp_path / "out"
    out.mkdir()
    (out / "events.jsonl").write_text("the previous set\n", encoding="utf-8")
    with pytest.raises(RuntimeError, match="render failed"):
        write_outputs(iter(seed_events), out)
    # the set is replaced as a whole or not at all: the previous one stays, no temporary is left
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]
    assert sorted(p.name for p in out.iterdir()) == ["events.jsonl"]
    assert (out / "events.jsonl").read_text(encoding="utf-8") == "the previous set\n"
