"""Tests for the analysis exports of timeline/export.py: actors.csv and TimelineJS JSON."""
from __future__ import annotations

import csv
import json

import pytest

from timeline.export import actor_rows, timelinejs_data, write_actors_csv, write_timelinejs
from timeline.model import Event


def ev(id, type, source, target=(), **kw):
    return Event.from_dict({"id": id, "type": type, "source": list(source), "target": list(target),
                            "actors": list(dict.fromkeys([*source, *target])), **kw})


@pytest.fixture
def events():
    return [
        ev("e1", "meeting", ["Donald Trump"], ["Lee Jae Myung"], date="2025-08-25", plover="CONSULT",
           actor_kinds=["person", "person"], actor_countries=["USA", "KOR"],
           actor_texts=["US President Donald Trump", "Lee"], sentence="Trump met Lee.",
           article_title="Trump & Lee", article_url="https://example.org/a?x=1&y=2", article_date="2025-08-26"),
        ev("e2", "criticism", ["Donald Trump"], ["South Korea"], date="2025-08",
           actor_kinds=["person", "country"], actor_countries=["USA", "KOR"], actor_texts=["Trump", "Seoul"],
           sentence='Trump denounced a "<script>alert(1)</script>" purge & more.', modality="occurred"),
        ev("e3", "meeting", ["Donald Trump"], ["Kim Jong Un"], date=None,
           actor_kinds=["person", "person"], actor_countries=["USA", "PRK"], actor_texts=["Trump", "Kim"],
           sentence="Trump hoped to meet Kim.", modality="intended"),
        ev("e4", "sanction", ["United States"], ["North Korea"], date="2017", date_end="2021",
           actor_kinds=["country", "country"], actor_countries=["USA", "PRK"],
           actor_texts=["Washington", "Pyongyang"], sentence="Sanctions ran 2017-2021."),
    ]


def test_actor_rows(events):
    rows = {r["name"]: r for r in actor_rows(events)}
    assert list(rows) == sorted(rows)
    trump = rows["Donald Trump"]
    assert trump == {
        "name": "Donald Trump", "kind": "person", "country": "USA",
        "aliases": "Trump|US President Donald Trump", "events": 3, "as_source": 3, "as_target": 0,
        "first_date": "2025-08", "last_date": "2025-08-25", "types": "meeting:2;criticism:1",
    }
    assert rows["North Korea"]["last_date"] == "2021"
    assert rows["Kim Jong Un"]["first_date"] == "" and rows["Kim Jong Un"]["as_target"] == 1


def test_actor_rows_without_extension_fields():
    (row,) = actor_rows([ev("x", "statement", ["Somebody"])])
    assert (row["kind"], row["country"], row["aliases"], row["events"]) == ("unknown", "", "", 1)


def test_write_actors_csv(events, tmp_path):
    n = write_actors_csv(events, tmp_path / "actors.csv")
    with open(tmp_path / "actors.csv", encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert n == len(rows) == 6
    assert list(rows[0]) == ["name", "kind", "country", "aliases", "events", "as_source", "as_target",
                             "first_date", "last_date", "types"]
    assert {r["name"] for r in rows} == {a for e in events for a in e.actors}
    assert all(r["kind"] for r in rows)
    before = (tmp_path / "actors.csv").read_bytes()
    write_actors_csv(events, tmp_path / "actors.csv")
    assert (tmp_path / "actors.csv").read_bytes() == before


def _check_timelinejs(data):
    """The structure TimelineJS3 requires (timeline.knightlab.com/docs/json-format.html)."""
    assert isinstance(data, dict) and isinstance(data["events"], list)
    if "title" in data:
        assert "text" in data["title"] or "media" in data["title"]
    ids = set()
    for slide in data["events"]:
        year = slide["start_date"]["year"]
        assert isinstance(year, (str, int)) and str(year).lstrip("-").isdigit()
        for key in ("start_date", "end_date"):
            if key in slide:
                assert set(slide[key]) <= {"year", "month", "day", "hour", "minute", "second",
                                           "millisecond", "display_date"}
                assert "year" in slide[key]
        assert ("text" in slide and ({"headline", "text"} & set(slide["text"]))) or "media" in slide
        assert slide["unique_id"] not in ids
        ids.add(slide["unique_id"])


def test_timelinejs_structure(events):
    data = timelinejs_data(events)
    _check_timelinejs(data)
    slides = {s["unique_id"]: s for s in data["events"]}
    assert set(slides) == {"e1", "e2", "e4"}  # the undated e3 is left out
    assert [s["unique_id"] for s in data["events"]] == ["e4", "e2", "e1"]  # date order
    assert slides["e1"]["start_date"] == {"year": "2025", "month": "8", "day": "25"}
    assert slides["e2"]["start_date"] == {"year": "2025", "month": "8"}
    assert slides["e4"]["start_date"] == {"year": "2017"} and slides["e4"]["end_date"] == {"year": "2021"}
    assert "end_date" not in slides["e1"]
    assert slides["e1"]["group"] == "meeting"
    assert slides["e1"]["text"]["headline"] == "meeting: Donald Trump, Lee Jae Myung"


def test_timelinejs_escapes_html(events):
    data = timelinejs_data(events)
    slides = {s["unique_id"]: s for s in data["events"]}
    text = slides["e2"]["text"]["text"]
    assert "<script>" not in text and "&lt;script&gt;" in text and "&amp; more" in text
    e1 = slides["e1"]["text"]["text"]
    assert 'href="https://example.org/a?x=1&amp;y=2"' in e1 and "Trump &amp; Lee" in e1


def test_timelinejs_modality_in_headline():
    data = timelinejs_data([ev("p", "meeting", ["A"], ["B"], date="2026", modality="planned")])
    assert data["events"][0]["text"] == {"headline": "meeting: A, B (planned)", "text": ""}


def test_timelinejs_empty():
    data = timelinejs_data([])
    _check_timelinejs(data)
    assert data["events"] == []


def test_write_timelinejs(events, tmp_path):
    n = write_timelinejs(events, tmp_path / "timelinejs.json")
    data = json.loads((tmp_path / "timelinejs.json").read_text(encoding="utf-8"))
    _check_timelinejs(data)
    assert n == len(data["events"]) == 3


@pytest.mark.parametrize("which", ["events", "reversed", "empty", "spool"])
def test_write_timelinejs_is_the_json_of_timelinejs_data(events, tmp_path, which):
    from timeline.export import spool_events

    expected = json.dumps(timelinejs_data(events if which != "empty" else [], "A & B"),
                          ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    path = tmp_path / "tl.json"
    if which == "spool":
        with spool_events(events, tmp_path / "spool") as spool:
            n = write_timelinejs(spool, path, "A & B")
    else:
        n = write_timelinejs({"events": events, "reversed": events[::-1], "empty": []}[which], path, "A & B")
    assert path.read_text(encoding="utf-8") == expected
    assert n == len(json.loads(expected)["events"])
