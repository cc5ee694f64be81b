"""Tests for timeline/export.py: the event record's dict, JSONL and CSV forms, and atomic writes.

(actors.csv and TimelineJS are tested in test_export_analysis.py.)
"""
from __future__ import annotations

import csv
import datetime
import io
import json
import os

import pytest

from timeline.errors import InputError, OutputError
from timeline.export import (
    atomic_open,
    event_to_json,
    event_to_row,
    events_to_csv_text,
    read_events,
    read_events_csv,
    sorted_events,
    spool_events,
    write_events_csv,
    write_events_jsonl,
    write_text,
)
from timeline.model import EVENT_FIELDS, LIST_FIELDS, Event

FULL = {
    "id": "e1", "type": "meeting", "cameo": "040", "plover": "CONSULT", "date": "2025-08-25", "date_end": None,
    "date_precision": "day", "date_text": "Monday", "date_basis": "text", "modality": "occurred",
    "source": ["Donald Trump"], "target": ["Lee Jae Myung", "United States"],
    "actors": ["Donald Trump", "Lee Jae Myung", "United States"], "source_countries": ["USA"],
    "target_countries": ["KOR", "USA"], "location": "White House", "trigger": "met",
    "sentence": 'Trump met Lee, saying "a great, great day";\nthen left.', "sentence_index": 3,
    "char_start": 120, "char_end": 175, "article_id": "a1", "article_title": "Trump, Lee meet",
    "article_date": "2025-08-26", "article_source": "examples/seed_articles.txt", "confidence": 0.9,
    "trigger_start": 126, "trigger_end": 129, "rule": "verb", "article_url": "https://example.org/a?b=1",
    "actor_kinds": ["person", "person", "country"], "actor_countries": ["USA", "KOR", "USA"],
    "actor_texts": ["Trump", "Lee", "White House"], "source_basis": "text", "target_basis": "context",
    "goldstein": 1.0, "quad_class": 1, "cluster_id": "c1", "article_outlet": "Example News",
    "source_sectors": ["government"], "target_sectors": ["government", ""], "source_codes": ["USAGOV"],
    "target_codes": ["KORGOV", "USA"],
}


def make_events() -> list[Event]:
    return [
        Event.from_dict(FULL),
        Event.from_dict({**FULL, "id": "e2", "type": "statement", "plover": None, "date": None,
                         "date_precision": "unknown", "date_text": None, "date_basis": "none", "target": [],
                         "target_countries": [], "location": None, "article_date": None, "confidence": 0.5,
                         "article_url": None, "actors": ["Donald Trump"], "actor_kinds": ["person"],
                         "actor_countries": ["USA"], "actor_texts": ["Trump"]}),
        Event.from_dict({**FULL, "id": "e3", "type": "sanction", "date": "2017", "date_end": "2021",
                         "date_precision": "year", "sentence": "Ünïcode — “quotes” 北朝鮮.", "confidence": 1.0}),
        Event.from_dict({**FULL, "id": "e4", "type": "statement", "cameo": "010", "plover": None,
                         "goldstein": 0.0, "quad_class": 1, "source_basis": "", "target_basis": ""}),
        Event.from_dict({**FULL, "id": "e5", "type": "election", "cameo": None, "plover": None,
                         "goldstein": None, "quad_class": None, "date_text": None, "location": None}),
    ]


# --- the dict form ------------------------------------------------------------------------------------

def test_to_dict_has_the_contract_fields_in_order():
    d = Event.from_dict(FULL).to_dict()
    assert list(d) == list(EVENT_FIELDS)
    assert d == FULL


@pytest.mark.parametrize("event", make_events(), ids=lambda e: e.id)
def test_dict_round_trip(event):
    d = event.to_dict()
    assert Event.from_dict(d) == event
    assert Event.from_dict(json.loads(json.dumps(d))) == event
    assert all(isinstance(d[k], list) for k in LIST_FIELDS)
    assert all(isinstance(getattr(event, k), tuple) for k in LIST_FIELDS)


def test_from_dict_defaults():
    e = Event.from_dict({"id": "x", "type": "call"})
    assert (e.modality, e.date, e.date_precision, e.date_basis, e.source, e.confidence) == (
        "occurred", None, "unknown", "none", (), 0.0)


def test_from_dict_splits_a_joined_list_field():
    e = Event.from_dict({"id": "x", "type": "call", "actors": "A;B", "source": ""})
    assert e.actors == ("A", "B") and e.source == ()


# --- JSONL ------------------------------------------------------------------------------------------------

def test_jsonl_round_trip(tmp_path):
    events = make_events()
    path = tmp_path / "events.jsonl"
    with open(path, "w", encoding="utf-8") as f:
        assert write_events_jsonl(events, f) == len(events)
    assert list(read_events(path)) == events
    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(events)
    assert [json.loads(line)["id"] for line in lines] == ["e1", "e2", "e3", "e4", "e5"]
    assert "北朝鮮" in lines[2]  # not \u-escaped
    assert lines[0] == event_to_json(events[0])


def test_read_events_skips_blank_lines(tmp_path):
    path = tmp_path / "events.jsonl"
    path.write_text("\n" + event_to_json(make_events()[0]) + "\n\n", encoding="utf-8")
    assert [e.id for e in read_events(path)] == ["e1"]


@pytest.mark.parametrize("content, position", [
    ('{"id": "e1", "type": "call"}\nnot json\n', 2),
    ('{"id": "e1", "type": "call"}\n\n[1, 2]\n', 3),
])
def test_read_events_names_the_bad_line(tmp_path, content, position):
    path = tmp_path / "events.jsonl"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as e:
        list(read_events(path))
    assert e.value.position == position and str(path) in str(e.value)


def test_read_events_missing_file(tmp_path):
    with pytest.raises(InputError):
        list(read_events(tmp_path / "none.jsonl"))


# --- CSV ----------------------------------------------------------------------------------------------------

def test_csv_round_trip(tmp_path):
    events = make_events()
    path = tmp_path / "events.csv"
    with open(path, "w", encoding="utf-8", newline="") as f:
        assert write_events_csv(events, f) == len(events)
    assert list(read_events_csv(path)) == events


def test_csv_columns_and_joined_lists():
    events = make_events()
    rows = list(csv.DictReader(io.StringIO(events_to_csv_text(events))))
    assert list(rows[0]) == list(EVENT_FIELDS)
    assert rows[0]["actors"] == "Donald Trump;Lee Jae Myung;United States"
    assert rows[0]["target_countries"] == "KOR;USA"
    assert rows[1]["target"] == "" and rows[1]["date"] == "" and rows[1]["plover"] == ""
    assert rows[0]["sentence"] == FULL["sentence"]  # commas, quotes and a newline survive
    for e, r in zip(events, rows):
        assert r == {k: str(v) for k, v in event_to_row(e).items()}
        for k in LIST_FIELDS:
            assert r[k] == ";".join(getattr(e, k))


def test_csv_keeps_codes_as_strings_and_empty_text_as_empty(tmp_path):
    path = tmp_path / "events.csv"
    with atomic_open(path) as f:
        write_events_csv(make_events(), f)
    e4, e5 = list(read_events_csv(path))[3:]
    assert (e4.cameo, e4.goldstein, e4.quad_class, e4.source_basis) == ("010", 0.0, 1, "")
    assert (e5.cameo, e5.goldstein, e5.quad_class, e5.date_text) == (None, None, None, None)


def test_csv_and_jsonl_hold_the_same_events(tmp_path):
    events = make_events()
    jp, cp = tmp_path / "e.jsonl", tmp_path / "e.csv"
    with atomic_open(jp) as f:
        write_events_jsonl(events, f)
    with atomic_open(cp) as f:
        write_events_csv(events, f)
    assert list(read_events(jp)) == list(read_events_csv(cp))


# --- atomic writes ------------------------------------------------------------------------------------------

def test_atomic_open_writes_and_creates_folders(tmp_path):
    path = tmp_path / "a" / "b" / "out.txt"
    write_text(path, "hello\n")
    assert path.read_text(encoding="utf-8") == "hello\n"
    assert os.listdir(path.parent) == ["out.txt"]


def test_atomic_open_binary(tmp_path):
    path = tmp_path / "out.bin"
    with atomic_open(path, "wb", encoding=None) as f:
        f.write(b"\x00\x01")
    assert path.read_bytes() == b"\x00\x01"


@pytest.mark.parametrize("error", [ValueError, KeyboardInterrupt])
def test_atomic_open_keeps_the_old_file_on_error(tmp_path, error):
    path = tmp_path / "events.jsonl"
    write_text(path, "old\n")
    with pytest.raises(error), atomic_open(path) as f:
        f.write("new, partial\n" * 1000)
        f.flush()
        assert path.read_text(encoding="utf-8") == "old\n"  # nothing visible during the write
        raise error("stop")
    assert path.read_text(encoding="utf-8") == "old\n"
    assert os.listdir(tmp_path) == ["events.jsonl"]


def test_atomic_open_no_file_on_first_write_error(tmp_path):
    with pytest.raises(RuntimeError), atomic_open(tmp_path / "new.csv") as f:
        f.write("x")
        raise RuntimeError
    assert os.listdir(tmp_path) == []


def test_atomic_open_unwritable_folder_is_an_output_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(OutputError) as e, atomic_open(blocker / "out.txt") as f:
        f.write("x")
    assert "out.txt" in str(e.value)


def test_atomic_open_file_mode_follows_the_umask(tmp_path):
    """An output file gets the permissions a plain open() would give, not mkstemp's 0600."""
    old = os.umask(0o022)
    try:
        write_text(tmp_path / "atomic.txt", "x")
        with open(tmp_path / "plain.txt", "w") as f:
            f.write("x")
    finally:
        os.umask(old)
    assert oct((tmp_path / "atomic.txt").stat().st_mode & 0o777) == oct((tmp_path / "plain.txt").stat().st_mode & 0o777)


# --- event spools: events parked in a temporary file, read back in any order -------------------------

def spool_input() -> list[Event]:
    """make_events() twice, the copies from another file: equal sort keys, different events."""
    return make_events() + [Event.from_dict({**e.to_dict(), "article_source": "copy.txt"}) for e in make_events()]


@pytest.mark.parametrize("exchange", [True, False])
def test_atomic_folder_carries_over_the_users_files_not_its_own_outputs(tmp_path, monkeypatch, exchange):
    from timeline import export

    if not exchange:  # another system: files renamed one by one
        monkeypatch.setattr(export, "_exchange", lambda a, b: False)
    out = tmp_path / "out"
    out.mkdir()
    for name in ("events.parquet", "notes.txt", "events.csv"):
        (out / name).write_text("old", encoding="utf-8")
    with export.atomic_folder(out, owned=("events.parquet",)) as tmp:
        (tmp / "events.csv").write_text("new", encoding="utf-8")
    assert sorted(p.name for p in out.iterdir()) == ["events.csv", "notes.txt"]
    assert (out / "events.csv").read_text(encoding="utf-8") == "new"
    assert [p.name for p in tmp_path.iterdir()] == ["out"]


@pytest.mark.parametrize("event", make_events(), ids=lambda e: e.id)
def test_event_to_json_and_row_are_those_of_to_dict(event):
    d = event.to_dict()
    assert event_to_json(event) == json.dumps(d, ensure_ascii=False)
    assert event_to_row(event) == {k: (";".join(d[k]) if k in LIST_FIELDS else "" if d[k] is None else d[k])
                                   for k in EVENT_FIELDS}


def test_spool_reads_back_sorted_and_keeps_ties_in_input_order(tmp_path):
    events = spool_input()
    key = lambda e: e.date or ""  # noqa: E731 - ties on purpose
    with spool_events(iter(events), tmp_path, key=key) as spool:
        assert len(spool) == len(events)
        assert list(spool) == sorted(events, key=key)
        assert list(spool) == sorted(events, key=key)  # a spool is read again, not used up
        assert list(spool.lines()) == [event_to_json(e) + "\n" for e in sorted(events, key=key)]
        by_type = spool.sorted_by(lambda e: e.type)
        assert list(by_type) == sorted(sorted(events, key=key), key=lambda e: e.type)
        assert list(sorted_events(spool, lambda e: e.id)) == sorted(sorted(events, key=key), key=lambda e: e.id)
    assert sorted_events(events, lambda e: e.id) == sorted(events, key=lambda e: e.id)


def test_spool_writes_jsonl_as_the_events_give_it(tmp_path):
    events = spool_input()
    with spool_events(events, tmp_path) as spool:
        a, b = io.StringIO(), io.StringIO()
        assert write_events_jsonl(spool, a) == write_events_jsonl(events, b) == len(events)
        assert a.getvalue() == b.getvalue()
        assert [e.article_source for e in spool] == [e.article_source for e in events]


def test_spool_file_is_removed_after_use_and_after_errors(tmp_path):
    with spool_events(make_events(), tmp_path) as spool:
        assert len(list(spool)) == len(make_events())
    assert list(tmp_path.iterdir()) == []

    with pytest.raises(RuntimeError), spool_events(make_events(), tmp_path) as spool:
        next(iter(spool))
        raise RuntimeError("a writer failed")
    assert list(tmp_path.iterdir()) == []

    def failing():
        yield from make_events()
        raise RuntimeError("extraction failed")

    with pytest.raises(RuntimeError, match="extraction"), spool_events(failing(), tmp_path):
        pass
    assert list(tmp_path.iterdir()) == []


def test_spool_in_an_unwritable_place_is_an_output_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(OutputError), spool_events(make_events(), blocker / "sub"):
        pass


# --- the data package ------------------------------------------------------------------------------------

def write_tables(directory):
    """events.csv, actors.csv and datapackage.json of `make_events()` in `directory`."""
    from timeline.export import write_actors_csv, write_datapackage

    with atomic_open(directory / "events.csv") as f:
        write_events_csv(make_events(), f)
    write_actors_csv(make_events(), directory / "actors.csv")
    return write_datapackage(directory)


def test_datapackage_declares_every_column_of_both_tables(tmp_path):
    from timeline.export import ACTOR_COLUMNS

    d = json.loads(write_tables(tmp_path).read_text(encoding="utf-8"))
    events, actors = d["resources"]
    assert [f["name"] for f in events["schema"]["fields"]] == list(EVENT_FIELDS)
    assert [f["name"] for f in actors["schema"]["fields"]] == list(ACTOR_COLUMNS)
    with open(tmp_path / "actors.csv", encoding="utf-8") as f:
        assert next(csv.reader(f)) == list(ACTOR_COLUMNS)
    types = {f["name"]: f for f in events["schema"]["fields"]}
    assert types["cameo"]["type"] == "string" and types["quad_class"]["type"] == "integer"
    assert types["date"] == {"name": "date", "type": "string", "constraints": {"pattern": r"\d{4}(-\d{2}(-\d{2})?)?"}}
    assert all(types[k]["type"] == "list" and types[k]["delimiter"] == ";" for k in LIST_FIELDS)
    assert {f["type"] for f in events["schema"]["fields"]} <= {"string", "integer", "number", "date", "list"}


def test_datapackage_is_written_atomically_and_deterministically(tmp_path):
    path = write_tables(tmp_path)
    first = path.read_bytes()
    write_tables(tmp_path)
    assert path.read_bytes() == first
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_frictionless_validates_the_data_package(tmp_path):
    frictionless = pytest.importorskip("frictionless")
    path = write_tables(tmp_path)
    report = frictionless.validate(str(path))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    package = frictionless.Package(str(path))
    rows = package.get_resource("events").read_rows()
    assert [r["cameo"] for r in rows] == ["040", "040", "040", "010", None]
    assert rows[0]["actors"] == ["Donald Trump", "Lee Jae Myung", "United States"]
    assert rows[2]["date"] == "2017" and rows[3]["quad_class"] == 1
    # a code that is no CAMEO code breaks the schema
    bad = tmp_path / "events.csv"
    bad.write_text(bad.read_text(encoding="utf-8").replace(",010,", ",10a,"), encoding="utf-8")
    assert not frictionless.validate(str(path)).valid


def test_pandas_reads_the_csv_with_the_package_types(tmp_path):
    pd = pytest.importorskip("pandas")
    d = json.loads(write_tables(tmp_path).read_text(encoding="utf-8"))
    fields = d["resources"][0]["schema"]["fields"]
    dtypes = {f["name"]: str for f in fields if f["type"] in ("string", "list", "date")}
    df = pd.read_csv(tmp_path / "events.csv", dtype=dtypes, keep_default_na=False)
    assert list(df["cameo"]) == ["040", "040", "040", "010", ""]
    assert list(df["date"]) == ["2025-08-25", "", "2017", "2025-08-25", "2025-08-25"]


# --- the pandas frame ------------------------------------------------------------------------------------

@pytest.mark.parametrize("date, end, span", [
    ("2025-08-25", None, ("2025-08-25", "2025-08-25")),
    ("2025-06", None, ("2025-06-01", "2025-06-30")),
    ("2024-02", None, ("2024-02-01", "2024-02-29")),
    ("1994", None, ("1994-01-01", "1994-12-31")),
    ("2017", "2021", ("2017-01-01", "2021-12-31")),
    ("2025-06", "2025-08-03", ("2025-06-01", "2025-08-03")),
    ("2021", "2017", ("2021-01-01", "2021-12-31")),  # a backwards range: the date alone
    (None, None, (None, None)),
    ("2025-13", None, (None, None)),
])
def test_date_span(date, end, span):
    from timeline.export import date_span

    assert date_span(date, end) == span


@pytest.mark.parametrize("suffix", [".jsonl", ".csv"])
def test_events_frame_types(tmp_path, suffix):
    pd = pytest.importorskip("pandas")
    from timeline import events_frame

    path = tmp_path / f"events{suffix}"
    with atomic_open(path) as f:
        (write_events_csv if suffix == ".csv" else write_events_jsonl)(make_events(), f)
    df = events_frame(path)
    assert list(df.columns) == [*EVENT_FIELDS, "date_start", "date_stop"]
    assert list(df["cameo"]) == ["040", "040", "040", "010", ""]
    assert list(df["date"]) == ["2025-08-25", "", "2017", "2025-08-25", "2025-08-25"]
    assert list(df["date_end"]) == ["", "", "2021", "", ""]
    assert df["date_start"].dtype.kind == "M" and df["date_stop"].dtype.kind == "M"
    assert df["date_start"][2] == pd.Timestamp("2017-01-01") and df["date_stop"][2] == pd.Timestamp("2021-12-31")
    assert pd.isna(df["date_start"][1])
    assert df["actors"][0] == ["Donald Trump", "Lee Jae Myung", "United States"] and df["target"][1] == []
    assert df["confidence"].dtype == "float64" and df["char_start"].dtype == "int64"
    assert str(df["quad_class"].dtype) == "Int64" and pd.isna(df["quad_class"][4])
    for column in ("plover", "date_text", "location", "article_url", "article_date", "source_basis"):
        assert all(isinstance(v, str) for v in df[column]), column  # "" for empty, never NaN
    assert (df[df["cameo"] == "010"]["type"] == "statement").all()


def test_events_frame_without_pandas_says_what_to_install(tmp_path, monkeypatch):
    import sys

    from timeline import events_frame

    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ModuleNotFoundError, match=r"timeline\[pandas\]"):
        events_frame(tmp_path / "events.jsonl")


# --- Parquet ---------------------------------------------------------------------------------------------

def test_parquet_columns_are_those_of_the_csv_typed_by_its_schema(tmp_path):
    pa = pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    from timeline.export import PARQUET_COLUMNS, datapackage, write_events_parquet

    path = tmp_path / "events.parquet"
    assert write_events_parquet(make_events(), path) == 5
    table = pq.read_table(path)
    fields = datapackage()["resources"][0]["schema"]["fields"]
    assert table.column_names == [f["name"] for f in fields] + ["date_start", "date_stop"] == list(PARQUET_COLUMNS)
    types = {f["name"]: f["type"] for f in fields}
    for name in EVENT_FIELDS:
        want = {"string": pa.string(), "integer": pa.int64(), "number": pa.float64(), "date": pa.date32(),
                "list": pa.list_(pa.string())}[types[name]]
        assert table.schema.field(name).type == want, name
    assert table.schema.field("date_start").type == pa.date32() == table.schema.field("date_stop").type
    rows = table.to_pylist()
    assert [r["cameo"] for r in rows] == ["040", "040", "040", "010", None]
    assert rows[0]["actors"] == ["Donald Trump", "Lee Jae Myung", "United States"] and rows[1]["target"] == []
    assert rows[2]["date"] == "2017" and rows[2]["date_start"] == datetime.date(2017, 1, 1)
    assert rows[2]["date_stop"] == datetime.date(2021, 12, 31) and rows[1]["date_start"] is None
    assert rows[0]["article_date"] == datetime.date(2025, 8, 26) and rows[1]["article_date"] is None
    assert [r["quad_class"] for r in rows] == [1, 1, 1, 1, None] and rows[4]["goldstein"] is None
    assert rows[1]["plover"] is None and rows[0]["rule"] == "verb" and rows[3]["source_basis"] == ""


def test_pandas_reads_the_parquet_typed(tmp_path):
    pd = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    from timeline.export import write_events_parquet

    path = tmp_path / "events.parquet"
    write_events_parquet(make_events(), path)
    df = pd.read_parquet(path, dtype_backend="numpy_nullable")
    assert list(df["cameo"].fillna("")) == ["040", "040", "040", "010", ""]
    assert str(df["quad_class"].dtype) == "Int64" and pd.isna(df["quad_class"][4])
    assert df["confidence"].dtype.kind == "f" and df["char_start"].dtype.kind == "i"
    assert list(df["actors"][0]) == ["Donald Trump", "Lee Jae Myung", "United States"]
    plain = pd.read_parquet(path)
    assert plain["date_start"][2] == datetime.date(2017, 1, 1) and plain["cameo"][3] == "010"


def test_parquet_is_written_atomically_and_byte_identically(tmp_path):
    pytest.importorskip("pyarrow")
    from timeline.export import write_events_parquet

    path = tmp_path / "events.parquet"
    write_events_parquet(make_events(), path)
    first = path.read_bytes()
    write_events_parquet(make_events(), path)
    assert path.read_bytes() == first
    with pytest.raises(RuntimeError):
        write_events_parquet((e if e.id != "e3" else _raise_runtime() for e in make_events()), path)
    assert path.read_bytes() == first
    assert [p.name for p in tmp_path.iterdir()] == ["events.parquet"]


def test_parquet_of_many_events_in_row_groups_and_of_none(tmp_path, monkeypatch):
    pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    from timeline import export

    monkeypatch.setattr(export, "PARQUET_ROW_GROUP", 2)
    assert export.write_events_parquet(make_events(), tmp_path / "a.parquet") == 5
    assert pq.ParquetFile(tmp_path / "a.parquet").metadata.num_row_groups == 3
    assert pq.read_table(tmp_path / "a.parquet").column("id").to_pylist() == ["e1", "e2", "e3", "e4", "e5"]
    assert export.write_events_parquet([], tmp_path / "none.parquet") == 0
    assert pq.read_table(tmp_path / "none.parquet").num_rows == 0


def test_parquet_without_pyarrow_says_what_to_install(tmp_path, monkeypatch):
    import sys

    from timeline.export import write_events_parquet

    monkeypatch.setitem(sys.modules, "pyarrow", None)
    with pytest.raises(ModuleNotFoundError, match=r"timeline\[parquet\]"):
        write_events_parquet(make_events(), tmp_path / "events.parquet")
    assert not list(tmp_path.iterdir())


def _raise_runtime():
    raise RuntimeError("interrupted")


# --- the field dictionary ------------------------------------------------------------------------------

DOCS = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "docs", "EVENTS.md")


def docs_section(heading: str) -> str:
    with open(DOCS, encoding="utf-8") as f:
        text = f.read()
    start = text.index(f"\n## {heading}")
    end = text.find("\n## ", start + 1)
    return text[start:end if end >= 0 else len(text)]


def test_docs_describe_every_event_field_in_order():
    import re

    rows = re.findall(r"^\| `(\w+)` \| ([^|]+) \|", docs_section("events.jsonl / events.csv"), re.M)
    assert [name for name, _ in rows] == list(EVENT_FIELDS)
    assert all(kind.strip() for _, kind in rows)


def test_docs_describe_every_column_of_the_other_files():
    import re

    from timeline.export import ACTOR_COLUMNS
    from timeline.graph import build_graph, with_metrics
    from timeline.merge import MERGED_FIELDS

    actors = re.findall(r"^\| `(\w+)` \|", docs_section("actors.csv"), re.M)
    assert actors == list(ACTOR_COLUMNS)
    merged = docs_section("merged_events.jsonl / merged_events.csv")
    assert [k for k in MERGED_FIELDS if f"`{k}`" not in merged] == []
    G = with_metrics(build_graph(make_events()))
    graph = docs_section("graph.graphml, graph.gexf, graph.json")
    attributes = {k for _, d in G.nodes(data=True) for k in d} | {k for *_, d in G.edges(data=True) for k in d}
    assert sorted(k for k in attributes if f"`{k}`" not in graph) == []


def test_readme_points_to_the_field_dictionary_and_cites_only_files_of_the_repository():
    import re

    root = os.path.dirname(os.path.dirname(DOCS))
    with open(os.path.join(root, "README.md"), encoding="utf-8") as f:
        readme = f.read()
    assert "docs/EVENTS.md" in readme
    assert "../shared" not in readme
    for target in re.findall(r"\]\(([^)#:]+)\)", readme):  # relative markdown links
        assert os.path.exists(os.path.join(root, target)), target


# -- spreadsheet formulas and malformed event files (issue 19) -----------------------------------

FORMULAS = ["=HYPERLINK(\"http://evil.example\",\"click\")", "=cmd|' /C calc'!A0", "+1+2", "-2+3", "@SUM(A1:A9)",
            "\tx", "\rx", "'quoted already", "=", "plain text"]


@pytest.mark.parametrize("text", FORMULAS)
def test_csv_cells_never_start_a_formula_and_round_trip(tmp_path, text):
    e = Event.from_dict({**FULL, "article_title": text, "sentence": text, "source": [text, "B"],
                         "actors": [text], "goldstein": -2.0})
    path = tmp_path / "events.csv"
    with open(path, "w", encoding="utf-8", newline="") as f:
        write_events_csv([e], f)
    with open(path, encoding="utf-8", newline="") as f:
        row = next(csv.DictReader(f))
    for k in ("article_title", "sentence", "source", "actors"):
        assert not row[k].startswith(("=", "+", "-", "@", "\t", "\r")), (k, row[k])
    assert row["goldstein"] == "-2.0"  # a number is no formula: left as it is
    assert list(read_events(path)) == [e]  # timeline.read_events reads the CSV back exactly


def test_actors_csv_cells_never_start_a_formula(tmp_path):
    from timeline.export import write_actors_csv

    e = Event.from_dict({**FULL, "actors": ["=1+1"], "actor_texts": ["@x"], "actor_kinds": ["person"],
                         "actor_countries": [""], "source": ["=1+1"], "target": []})
    write_actors_csv([e], tmp_path / "actors.csv")
    with open(tmp_path / "actors.csv", encoding="utf-8", newline="") as f:
        [row] = list(csv.DictReader(f))
    assert (row["name"], row["aliases"]) == ("'=1+1", "'@x")


@pytest.mark.parametrize("line, reason", [
    ('{"id": "e1", "type": "call", "actors": 5}', "'actors' must be a list of strings"),
    ('{"id": "e1", "type": "call", "source": [["A"]]}', "'source' must be a list of strings"),
    ('{"id": "e1", "type": "call", "char_start": "12"}', "'char_start' must be an integer"),
    ('{"id": 7, "type": "call"}', "'id' must be a string"),
    ('{"id": "e1", "type": "call", "sentence": {"a": 1}}', "'sentence' must be a string"),
    ('{"id": "e1", "type": "call", "date": "-002"}', "not an ISO date"),
    ('{"id": "e1", "type": "call", "date": "10000-01"}', "not an ISO date"),
    ('[' * 100_000 + ']' * 100_000, "nested too deeply"),
    ('{"id": "e1", "type": "call", "sentence": "caf\xe9"}', "not UTF-8"),
])
def test_malformed_event_lines_are_named_and_skippable(tmp_path, line, reason):
    path = tmp_path / "events.jsonl"
    good = event_to_json(Event.from_dict(FULL))
    path.write_bytes((good + "\n" + line + "\n" + good + "\n").encode("latin-1" if "\xe9" in line else "utf-8"))
    with pytest.raises(InputError) as info:
        list(read_events(path))
    assert info.value.position == 2 and reason in str(info.value)
    errors: list[InputError] = []
    assert len(list(read_events(path, on_error=errors.append))) == 2
    assert [e.position for e in errors] == [2]
