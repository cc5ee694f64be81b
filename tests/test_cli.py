"""Tests for timeline/cli.py: every command, the output files, exit status, determinism, atomic writes."""
from __future__ import annotations

import csv
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

from timeline.cli import main
from timeline.export import atomic_open

ROOT = Path(__file__).resolve().parent.parent

OUTPUT_FILES = (
    "timeline.html", "events.jsonl", "events.csv", "graph.graphml", "graph.gexf", "graph.json",
    "actors.csv", "timelinejs.json",
)

# The event record of EVENTS.md: field -> accepted JSON types ("list" means a list of str).
SPEC_FIELDS = {
    "id": (str,), "type": (str,), "cameo": (str, type(None)), "plover": (str, type(None)),
    "date": (str, type(None)), "date_end": (str, type(None)), "date_precision": (str,),
    "date_text": (str, type(None)), "date_basis": (str,), "modality": (str,),
    "source": "list", "target": "list", "actors": "list", "source_countries": "list",
    "target_countries": "list", "location": (str, type(None)), "trigger": (str,), "sentence": (str,),
    "sentence_index": (int,), "char_start": (int,), "char_end": (int,), "article_id": (str,),
    "article_title": (str,), "article_date": (str, type(None)), "article_source": (str,),
    "confidence": (float,),
}
SPEC_TYPES = {
    "meeting", "talks", "visit", "call", "offer", "statement", "praise", "agreement", "demand",
    "criticism", "rejection", "threat", "sanction", "aid", "military", "cooperation", "retreat",
    "protest", "coercion", "election",
}
SPEC_MODALITIES = {"occurred", "planned", "intended", "hypothetical", "negated"}
SPEC_PRECISIONS = {"day", "month", "year", "unknown"}
SPEC_BASES = {"text", "context", "publication", "none"}
PLOVER = {
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
    "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
}
DATE_FORMAT = {
    "day": r"\d{4}-\d{2}-\d{2}",
    "month": r"\d{4}-\d{2}",
    "year": r"\d{4}",
}
LIST_COLUMNS = ("source", "target", "actors", "source_countries", "target_countries")

ARTICLE = {
    "title": "Leaders meet at the White House",
    "text": ("US President Donald Trump met South Korean President Lee Jae Myung at the White House on Monday. "
             "Trump said he hoped to meet North Korean leader Kim Jong Un this year."),
}

GOLD = [
    {"article": ARTICLE["title"], "evidence": "Donald Trump met South Korean President Lee Jae Myung",
     "type": ["meeting"], "actors": ["Donald Trump", "Lee Jae Myung"], "date": "2025-08-25",
     "date_end": None, "date_precision": "day", "modality": ["occurred"], "optional": False},
]


def write_jsonl(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def invoke(*args: str):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture(scope="module")
def built(tmp_path_factory, examples_dir):
    """One `timeline build examples/ -o DIR` run: (result, DIR)."""
    out = tmp_path_factory.mktemp("build") / "out"
    result = invoke("build", examples_dir, "-o", out)
    return result, out


@pytest.fixture(scope="module")
def rows(built):
    _, out = built
    return [json.loads(line) for line in (out / "events.jsonl").read_text(encoding="utf-8").splitlines()]


# --- build ---------------------------------------------------------------------------------------

def test_build_exits_0_and_writes_every_output(built):
    result, out = built
    assert result.exit_code == 0, result.stderr
    for name in OUTPUT_FILES:
        assert (out / name).is_file(), name
        assert (out / name).stat().st_size > 0, name
    assert not [p.name for p in out.iterdir() if p.name.endswith(".tmp")]


def test_build_reports_event_count(built, rows):
    result, _ = built
    assert f"{len(rows)} events written" in result.stderr


def test_build_events_jsonl_and_csv_hold_the_same_events(built, rows):
    _, out = built
    assert rows
    with open(out / "events.csv", encoding="utf-8", newline="") as f:
        csv_rows = list(csv.DictReader(f))
    assert [r["id"] for r in csv_rows] == [r["id"] for r in rows]
    for j, c in zip(rows, csv_rows):
        for field in LIST_COLUMNS:
            assert c[field] == ";".join(j[field]), (j["id"], field)
        for field in ("type", "trigger", "sentence", "article_id", "modality", "date_precision"):
            assert c[field] == j[field], (j["id"], field)
        assert c["date"] == (j["date"] or "")
        assert int(c["char_start"]) == j["char_start"] and int(c["char_end"]) == j["char_end"]


def test_build_ids_are_unique(rows):
    ids = [r["id"] for r in rows]
    assert len(ids) == len(set(ids))


def test_build_every_event_has_every_spec_field(rows):
    for r in rows:
        missing = [k for k in SPEC_FIELDS if k not in r]
        assert not missing, (r["id"], missing)


@pytest.mark.parametrize("field", list(SPEC_FIELDS))
def test_build_field_json_type(rows, field):
    want = SPEC_FIELDS[field]
    for r in rows:
        v = r[field]
        if want == "list":
            assert isinstance(v, list) and all(isinstance(x, str) and x for x in v), (r["id"], field, v)
        else:
            assert isinstance(v, want) and not isinstance(v, bool), (r["id"], field, v)


@pytest.mark.parametrize("field, vocabulary", [
    ("type", SPEC_TYPES),
    ("modality", SPEC_MODALITIES),
    ("date_precision", SPEC_PRECISIONS),
    ("date_basis", SPEC_BASES),
    ("plover", PLOVER | {None}),
])
def test_build_field_vocabulary(rows, field, vocabulary):
    bad = sorted({r[field] for r in rows if r[field] not in vocabulary}, key=str)
    assert not bad


def test_build_dates_match_their_precision(rows):
    for r in rows:
        if r["date_precision"] == "unknown":
            assert r["date"] is None and r["date_end"] is None, r["id"]
        else:
            assert re.fullmatch(DATE_FORMAT[r["date_precision"]], r["date"]), (r["id"], r["date"])
        if r["date_end"] is not None:
            assert re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", r["date_end"]), r["id"]
            assert r["date_end"] >= r["date"], r["id"]
        if r["article_date"] is not None:
            assert re.fullmatch(DATE_FORMAT["day"], r["article_date"]), r["id"]
        if r["date_basis"] == "none":
            assert r["date"] is None, r["id"]
        if r["date_basis"] == "publication":
            assert r["date"] == r["article_date"], r["id"]


def test_build_record_invariants(rows):
    for r in rows:
        # CAMEO has no code for elections: null (docs/EVENTS.md), a string of 2-4 digits otherwise
        assert (r["cameo"] is None) == (r["type"] == "election"), (r["id"], r["cameo"])
        assert r["cameo"] is None or re.fullmatch(r"\d{2,4}", r["cameo"]), (r["id"], r["cameo"])
        assert 0.0 <= r["confidence"] <= 1.0, r["id"]
        assert r["sentence_index"] >= 0
        assert r["char_end"] - r["char_start"] == len(r["sentence"]), r["id"]
        assert r["trigger"], r["id"]
        # actors: all participants, sources first, no duplicates
        assert len(r["actors"]) == len(set(r["actors"])), r["id"]
        assert r["actors"][: len(r["source"])] == r["source"], r["id"]
        assert set(r["source"]) | set(r["target"]) <= set(r["actors"]), r["id"]
        for c in r["source_countries"] + r["target_countries"]:
            assert re.fullmatch(r"[A-Z]{2,4}", c), (r["id"], c)


def test_build_graphml_loads_with_networkx(built, rows):
    _, out = built
    G = nx.read_graphml(out / "graph.graphml")
    assert G.number_of_nodes() > 0 and G.number_of_edges() > 0
    actors = {a for r in rows for a in r["actors"]}
    labels = {G.nodes[n].get("label", n) for n in G.nodes}
    assert labels <= actors | set(G.nodes)
    assert "Donald Trump" in labels


def test_build_other_exports_parse(built):
    _, out = built
    assert nx.read_gexf(out / "graph.gexf").number_of_nodes() > 0
    assert json.loads((out / "graph.json").read_text(encoding="utf-8"))
    tl = json.loads((out / "timelinejs.json").read_text(encoding="utf-8"))
    assert tl["events"]
    with open(out / "actors.csv", encoding="utf-8", newline="") as f:
        actors = list(csv.DictReader(f))
    assert "Donald Trump" in {a["name"] for a in actors}


def test_build_html_is_self_contained(built):
    _, out = built
    html = (out / "timeline.html").read_text(encoding="utf-8")
    # The markup outside the inline scripts loads nothing from the network. (plotly.js itself
    # holds link strings such as t.href="https://plotly.com/", which are not resource loads.)
    markup = re.sub(r"(<script\b[^>]*>).*?(</script>)", r"\1\2", html, flags=re.DOTALL | re.IGNORECASE)
    assert len(markup) < len(html) // 10
    assert 'src="http' not in markup and 'href="http' not in markup
    assert not re.search(r"""\b(src|href)\s*=\s*["']?\s*(https?:)?//""", markup, re.IGNORECASE)
    assert not re.search(r"<script\b[^>]*\bsrc\s*=", markup, re.IGNORECASE)
    assert not re.search(r"@import|url\(\s*[\"']?(https?:)?//", markup, re.IGNORECASE)
    # plotly.js inlined exactly once: its banner comment ("plotly.js (gl2d - minified) v4.1.1") appears once
    assert len(re.findall(r"\* plotly\.js (?:\([\w -]+\) )?v\d+\.\d+\.\d+", html)) == 1
    assert html.rstrip().endswith("</html>")


# --- extract, dates, graph, evaluate -------------------------------------------------------------

def test_extract_to_stdout_is_jsonl(tmp_path):
    src = write_jsonl(tmp_path / "a.jsonl", [{**ARTICLE, "date": "2025-08-26"}])
    result = invoke("extract", src)
    assert result.exit_code == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert rows
    assert {r["article_title"] for r in rows} == {ARTICLE["title"]}
    meeting = [r for r in rows if r["type"] == "meeting" and r["trigger"] == "met"]
    assert meeting and meeting[0]["date"] == "2025-08-25"
    assert {"Donald Trump", "Lee Jae Myung"} <= set(meeting[0]["actors"])


def test_extract_to_csv_file(tmp_path):
    src = write_jsonl(tmp_path / "a.jsonl", [{**ARTICLE, "date": "2025-08-26"}])
    out = tmp_path / "sub" / "events.csv"
    result = invoke("extract", src, "-o", out, "--format", "csv")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    with open(out, encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        rows = list(reader)
    assert list(reader.fieldnames[: len(SPEC_FIELDS)]) == list(SPEC_FIELDS)
    assert rows
    as_jsonl = [json.loads(line) for line in invoke("extract", src).stdout.splitlines()]
    assert [r["id"] for r in rows] == [r["id"] for r in as_jsonl]
    assert all(r["actors"] == ";".join(j["actors"]) for r, j in zip(rows, as_jsonl))


def test_dates_offsets_index_the_text(tmp_path):
    src = write_jsonl(tmp_path / "a.jsonl", [{**ARTICLE, "date": "2025-08-26"}])
    result = invoke("dates", src)
    assert result.exit_code == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert {r["text"]: r["date"] for r in rows} == {"Monday": "2025-08-25", "this year": "2025"}
    for r in rows:
        assert ARTICLE["text"][r["char_start"]:r["char_end"]] == r["text"]
        assert r["article_title"] == ARTICLE["title"]


def test_dates_to_file(tmp_path):
    src = write_jsonl(tmp_path / "a.jsonl", [{**ARTICLE, "date": "2025-08-26"}])
    out = tmp_path / "dates.jsonl"
    result = invoke("dates", src, "-o", out)
    assert result.exit_code == 0 and result.stdout == ""
    assert [json.loads(line)["text"] for line in out.read_text(encoding="utf-8").splitlines()] == ["Monday", "this year"]


def test_graph_rebuilds_the_exports(built, tmp_path):
    _, out = built
    result = invoke("graph", out / "events.jsonl", "-o", tmp_path / "g")
    assert result.exit_code == 0, result.stderr
    for name in ("graph.graphml", "graph.gexf", "graph.json", "actors.csv", "timelinejs.json"):
        assert (tmp_path / "g" / name).read_bytes() == (out / name).read_bytes(), name
        assert name in result.stderr


def test_graph_from_filtered_events(built, rows, tmp_path):
    keep = [r for r in rows if r["type"] == "meeting"]
    src = write_jsonl(tmp_path / "meetings.jsonl", keep)
    result = invoke("graph", src, "-o", tmp_path / "g")
    assert result.exit_code == 0, result.stderr
    G = nx.read_graphml(tmp_path / "g" / "graph.graphml")
    kept_actors = {a for r in keep for a in r["actors"]}
    # nodes with events are the kept events' actors (the others are affiliation targets)
    assert {n for n in G.nodes if G.nodes[n]["events"] > 0} == kept_actors
    event_ids = {i for _, _, d in G.edges(data=True) if d["kind"] == "event" for i in d["event_ids"].split(";")}
    assert event_ids and event_ids <= {r["id"] for r in keep}


@pytest.fixture
def scored(tmp_path):
    src = write_jsonl(tmp_path / "a.jsonl", [{**ARTICLE, "date": "2025-08-26"}])
    events = tmp_path / "events.jsonl"
    assert invoke("extract", src, "-o", events).exit_code == 0
    return events, write_jsonl(tmp_path / "gold.jsonl", GOLD)


def test_evaluate_prints_the_figures_line(scored):
    events, gold = scored
    result = invoke("evaluate", events, gold)
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 1
    figures = dict(kv.split("=", 1) for kv in lines[0].split())
    assert figures["gold_events"] == "1" and figures["true_positives"] == "1"
    assert figures["recall"] == "1.0" and figures["date_strict"] == "1.0"


def test_evaluate_json(scored):
    events, gold = scored
    result = invoke("evaluate", events, gold, "--json")
    assert result.exit_code == 0, result.stderr
    figures = json.loads(result.stdout)
    assert figures["true_positives"] == 1 and figures["recall"] == 1.0
    assert {"precision", "event_f1", "date_strict", "date_lenient", "modality_acc"} <= set(figures)
    assert not [k for k in figures if k.startswith("_")]


def test_evaluate_details_lists_misses(scored, tmp_path):
    events, _ = scored
    gold = write_jsonl(tmp_path / "gold2.jsonl", [{**GOLD[0], "evidence": "a sentence nobody wrote"}])
    result = invoke("evaluate", events, gold, "--details")
    assert result.exit_code == 0
    assert any(line.startswith("MISSED") and "a sentence nobody wrote" in line for line in result.stdout.splitlines())


def test_evaluate_bad_gold_is_a_one_line_error(scored, tmp_path):
    events, _ = scored
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"article": "x"}\n', encoding="utf-8")
    result = invoke("evaluate", events, bad)
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert str(bad) in result.stderr and len(result.stderr.strip().splitlines()) == 1


# --- exit status ---------------------------------------------------------------------------------

@pytest.fixture
def folder_with_empty_file(tmp_path, examples_dir):
    d = tmp_path / "in"
    d.mkdir()
    shutil.copy(examples_dir / "seed_articles.txt", d / "good.txt")
    (d / "empty.txt").write_text("", encoding="utf-8")
    return d


def test_skipped_input_exits_1_and_keeps_the_good_events(folder_with_empty_file, tmp_path):
    out = tmp_path / "out"
    result = invoke("build", folder_with_empty_file, "-o", out)
    assert result.exit_code == 1
    warnings = [line for line in result.stderr.splitlines() if "empty.txt" in line]
    assert len(warnings) == 1
    assert "good.txt" not in result.stderr
    rows = [json.loads(line) for line in (out / "events.jsonl").read_text(encoding="utf-8").splitlines()]
    assert rows and {r["article_source"] for r in rows} == {str(folder_with_empty_file / "good.txt")}
    assert (out / "timeline.html").is_file()


def test_strict_makes_a_skipped_input_exit_2(folder_with_empty_file, tmp_path):
    result = invoke("build", folder_with_empty_file, "-o", tmp_path / "out", "--strict")
    assert result.exit_code == 2
    assert "empty.txt" in result.stderr


@pytest.mark.parametrize("command", ["build", "extract", "dates"])
def test_missing_path_is_a_usage_error(command, tmp_path):
    missing = tmp_path / "no-such-folder"
    result = invoke(command, missing, *(["-o", tmp_path / "out"] if command == "build" else []))
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert result.stderr.splitlines() == [f"error: no such file or folder: {missing}"]
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("date", ["2025-13-01", "26/08/2025", "yesterday", "2025-8-26x"])
def test_bad_date_is_a_usage_error(date, examples_dir, tmp_path):
    result = invoke("build", examples_dir, "-o", tmp_path / "out", "--date", date)
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert "--date" in result.stderr
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("command", ["graph", "evaluate"])
def test_missing_events_file_is_a_usage_error(command, tmp_path):
    args = [tmp_path / "none.jsonl"] + ([tmp_path / "gold.jsonl"] if command == "evaluate" else [])
    result = invoke(command, *args)
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def test_date_option_dates_an_undated_article(tmp_path):
    src = write_jsonl(tmp_path / "a.jsonl", [ARTICLE])
    undated = [json.loads(line) for line in invoke("extract", src).stdout.splitlines()]
    assert undated and {r["article_date"] for r in undated} == {None}
    result = invoke("extract", src, "--date", "2025-01-02")
    assert result.exit_code == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert rows and {r["article_date"] for r in rows} == {"2025-01-02"}
    # "this year" now resolves against the given date
    assert "2025" in {r["date"] for r in rows}


def test_date_option_does_not_override_an_article_date(tmp_path):
    src = write_jsonl(tmp_path / "a.jsonl", [{**ARTICLE, "date": "2025-08-26"}])
    rows = [json.loads(line) for line in invoke("extract", src, "--date", "2025-01-02").stdout.splitlines()]
    assert rows and {r["article_date"] for r in rows} == {"2025-08-26"}


# --- Parquet ------------------------------------------------------------------------------------

def test_build_writes_events_parquet(built, rows):
    pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    _, out = built
    table = pq.read_table(out / "events.parquet")
    assert table.column("id").to_pylist() == [r["id"] for r in rows]
    assert table.column("cameo").to_pylist() == [r["cameo"] for r in rows]
    assert table.column("actors").to_pylist() == [r["actors"] for r in rows]


def test_extract_to_parquet_file(tmp_path):
    pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    src = write_jsonl(tmp_path / "a.jsonl", [{**ARTICLE, "date": "2025-08-26"}])
    out = tmp_path / "sub" / "events.parquet"
    result = invoke("extract", src, "-o", out, "--format", "parquet")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    as_jsonl = [json.loads(line) for line in invoke("extract", src).stdout.splitlines()]
    table = pq.read_table(out)
    assert as_jsonl and table.column("id").to_pylist() == [r["id"] for r in as_jsonl]
    assert table.column("date_start").type == "date32[day]"
    first = out.read_bytes()
    assert invoke("extract", src, "-o", out, "--format", "parquet").exit_code == 0
    assert out.read_bytes() == first
    assert [p.name for p in out.parent.iterdir()] == ["events.parquet"]


def test_extract_parquet_needs_an_output_file(tmp_path):
    src = write_jsonl(tmp_path / "a.jsonl", [{**ARTICLE, "date": "2025-08-26"}])
    result = invoke("extract", src, "--format", "parquet")
    assert result.exit_code == 2 and "needs -o FILE" in result.stderr


def test_extract_parquet_without_pyarrow_is_a_usage_error(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    src = write_jsonl(tmp_path / "a.jsonl", [{**ARTICLE, "date": "2025-08-26"}])
    result = invoke("extract", src, "-o", tmp_path / "e.parquet", "--format", "parquet")
    assert result.exit_code == 2 and "timeline[parquet]" in result.stderr
    assert not (tmp_path / "e.parquet").exists()


def test_build_without_pyarrow_skips_parquet_and_drops_a_stale_one(tmp_path, monkeypatch):
    src = write_jsonl(tmp_path / "a.jsonl", [{**ARTICLE, "date": "2025-08-26"}])
    out = tmp_path / "out"
    out.mkdir()
    (out / "events.parquet").write_bytes(b"stale")
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    result = invoke("build", src, "-o", out)
    assert result.exit_code == 0, result.stderr
    assert not (out / "events.parquet").exists()
    assert (out / "notes.txt").read_text(encoding="utf-8") == "mine" and (out / "events.csv").is_file()


# --- determinism and atomic writes ---------------------------------------------------------------

def test_two_builds_give_byte_identical_files(built, examples_dir, tmp_path):
    _, first = built
    second = tmp_path / "second"
    assert invoke("build", examples_dir, "-o", second).exit_code == 0
    names = sorted(p.name for p in first.iterdir())
    assert names == sorted(p.name for p in second.iterdir())
    assert set(OUTPUT_FILES) <= set(names)
    for name in names:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name


class Interrupted(Exception):
    pass


@pytest.mark.parametrize("error", [Interrupted, KeyboardInterrupt])
def test_atomic_open_interrupted_write_keeps_the_old_file(tmp_path, error):
    path = tmp_path / "events.jsonl"
    with atomic_open(path) as f:
        f.write("first version\n" * 100)
    with pytest.raises(error), atomic_open(path) as f:
        f.write("second version\n" * 10_000)
        f.flush()
        raise error()
    assert path.read_text(encoding="utf-8") == "first version\n" * 100
    assert [p.name for p in tmp_path.iterdir()] == ["events.jsonl"]


def test_build_interrupted_after_events_leaves_no_partial_page(monkeypatch, examples_dir, tmp_path):
    """`build` is interrupted while rendering: the previous set of outputs stays whole, no temp file stays."""
    import timeline.render

    def boom(*a, **kw):
        raise KeyboardInterrupt

    monkeypatch.setattr(timeline.render, "write_html", boom)
    out = tmp_path / "out"
    out.mkdir()
    (out / "events.jsonl").write_text("{}\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(examples_dir), "-o", str(out)])
    assert result.exit_code != 0  # click turns the interrupt into "Aborted!"
    assert [p.name for p in tmp_path.iterdir()] == ["out"]  # no temporary beside it either
    assert [p.name for p in out.iterdir()] == ["events.jsonl"]
    assert (out / "events.jsonl").read_text(encoding="utf-8") == "{}\n"


def _check_complete(path: Path) -> None:
    """Parse an output file fully; raise if it is partial."""
    name = path.name
    text = path.read_text(encoding="utf-8")
    if name == "events.jsonl":
        assert text.endswith("\n")
        for line in text.splitlines():
            assert set(SPEC_FIELDS) <= set(json.loads(line))
    elif name.endswith(".csv"):
        assert text.endswith("\n")
        with open(path, encoding="utf-8", newline="") as f:
            reader = csv.DictReader(f)
            for row in reader:
                assert None not in row and None not in row.values(), row
    elif name == "graph.graphml":
        nx.read_graphml(path)
    elif name == "graph.gexf":
        nx.read_gexf(path)
    elif name.endswith(".json"):
        json.loads(text)
    elif name == "timeline.html":
        assert text.rstrip().endswith("</html>")


def _start_build(tmp_path, examples_dir) -> tuple[subprocess.Popen, Path]:
    """`timeline build` of 40 articles (two chunks, so two workers) in a child process."""
    src = tmp_path / "in"
    src.mkdir()
    for i in range(20):
        shutil.copy(examples_dir / "seed_articles.txt", src / f"copy{i:02}.txt")
    out = tmp_path / "out"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-m", "timeline", "build", str(src), "-o", str(out), "--workers", "2"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    return proc, out


def test_killed_build_leaves_no_worker_behind(tmp_path, examples_dir, worker_pids):
    proc, _ = _start_build(tmp_path, examples_dir)
    workers: list[int] = []
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and proc.poll() is None and len(workers) < 2:
            workers = worker_pids(proc.pid)
            time.sleep(0.01)
        assert len(workers) == 2
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.kill()
        proc.wait()
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and any(Path(f"/proc/{p}").exists() for p in workers):
        time.sleep(0.1)
    assert not [p for p in workers if Path(f"/proc/{p}").exists()]


def test_killed_build_leaves_no_partial_output(tmp_path, examples_dir):
    proc, out = _start_build(tmp_path, examples_dir)
    try:
        # Kill as soon as the first file (often a temporary one) appears, or after a while.
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and proc.poll() is None:
            if out.is_dir() and any(out.iterdir()):
                break
            time.sleep(0.01)
        time.sleep(0.05)
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait()
    # the output folder is there whole or not at all: its files are written beside it, then swapped in
    present = sorted(out.iterdir()) if out.is_dir() else []
    assert not present or {*OUTPUT_FILES} <= {p.name for p in present}
    for p in present:
        assert not p.name.endswith(".tmp"), p.name
        if p.name in OUTPUT_FILES:
            _check_complete(p)
    # only the killed build's temporary folder may stay beside it (the next build removes it)
    assert all(p.name in ("in", "out") or re.fullmatch(r"\.out\.\d+\.\w+\.tmp", p.name) for p in tmp_path.iterdir())


# -- a folder of bad inputs beside good ones (issue: bad input never costs the batch) -------------
BAD_INPUTS = {
    "empty.txt": b"",
    "blank.txt": b"  \n\t \n",
    "binary.txt": bytes(range(256)) * 40,
    "broken.jsonl": b'{"title": "A", "date": "2025-01-02", "text": "Macron met Modi."}\nnot json\n[1, 2]\n'
                    b'{"title": "B", "date": "2025-01-02"}\n',
    "baddate.jsonl": b'{"title": "C", "date": "someday", "text": "Macron met Modi in Paris."}\n',
    "broken.csv": b'title,date,text\nD,2025-01-02,"Macron met Modi.\n',
    "broken.html": b"<html><head><title>E</title></head><body><p>Unclosed <b>bold <![CDATA[ x",
}
NAMED_IN_STDERR = ["empty.txt", "blank.txt", "binary.txt", "broken.jsonl", "baddate.jsonl", "broken.csv",
                   "missing-target.txt", "loop"]


@pytest.fixture(scope="module")
def bad_folder(tmp_path_factory, examples_dir):
    folder = tmp_path_factory.mktemp("bad")
    shutil.copy(examples_dir / "seed_articles.txt", folder / "seed_articles.txt")
    for name, data in BAD_INPUTS.items():
        (folder / name).write_bytes(data)
    (folder / "legacy.txt").write_bytes("Caf\xe9 talks\n\n2025-01-02\n\nMacron met Modi in Paris.\n".encode("cp1252"))
    (folder / "nodate.txt").write_text("A headline\n\nMacron met Modi in Paris.\n", encoding="utf-8")
    (folder / "long.txt").write_text("Macron met Modi in Paris " * 8000, encoding="utf-8")  # one 200 KB line
    (folder / "missing-target.txt").symlink_to(folder / "does-not-exist.txt")  # unreadable
    (folder / "loop").mkdir()
    (folder / "loop" / "again").symlink_to(folder / "loop", target_is_directory=True)
    return folder


def test_bad_inputs_are_skipped_and_named_without_costing_the_batch(bad_folder, built, tmp_path):
    out = tmp_path / "out"
    result = invoke("build", bad_folder, "-o", out)
    assert result.exit_code == 1, result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    for name in NAMED_IN_STDERR:
        assert any(name in line for line in result.stderr.splitlines()), f"{name} not named:\n{result.stderr}"
    # every event of the good articles is still there
    good = {json.loads(line)["id"] for line in (built[1] / "events.jsonl").read_text(encoding="utf-8").splitlines()}
    got = {json.loads(line)["id"] for line in (out / "events.jsonl").read_text(encoding="utf-8").splitlines()}
    assert good <= got
    # the readable odd files still gave articles: legacy encoding, no date, one long line
    titles = {json.loads(line)["article_title"] for line in (out / "events.jsonl").read_text(encoding="utf-8").splitlines()}
    assert {"Café talks", "A headline"} <= titles


def test_bad_inputs_with_strict_exit_2(bad_folder, tmp_path):
    result = invoke("build", bad_folder, "-o", tmp_path / "out", "--strict")
    assert result.exit_code == 2
    assert "Traceback" not in result.stderr


def test_progress_passes_items_through_and_draws_only_on_a_terminal(monkeypatch, capsys):
    from timeline import cli

    monkeypatch.setattr(cli.sys.stderr, "isatty", lambda: False)
    assert list(cli._progress(iter([1, 2, 3]), "articles")) == [1, 2, 3]
    assert capsys.readouterr().err == ""
    monkeypatch.setattr(cli.sys.stderr, "isatty", lambda: True)
    assert list(cli._progress(iter([1, 2, 3]), "articles")) == [1, 2, 3]
    assert "articles" in capsys.readouterr().err


def test_user_actor_file_is_merged_over_the_lexicon(tmp_path):
    actors = tmp_path / "actors.csv"
    actors.write_text("name,kind,country,aliases,demonyms,title,valid_from,valid_to\n"
                      "Zorro Vega,person,FRA,Vega,,Envoy,2020-01-01,\n", encoding="utf-8")
    articles = write_jsonl(tmp_path / "a.jsonl", [{"id": "a1", "title": "T", "date": "2025-03-12",
                                                  "text": "Vega met Narendra Modi in Delhi on Monday."}])
    result = invoke("extract", articles, "--actors", actors)
    assert result.exit_code == 0, result.stderr
    events = [json.loads(line) for line in result.stdout.splitlines()]
    meeting = next(e for e in events if e["type"] == "meeting")
    assert "Zorro Vega" in meeting["source"] and "FRA" in meeting["source_countries"]
