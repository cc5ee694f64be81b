"""Issue 19, "nothing lost, whatever the input": every hostile or careless input, generated here.

Each case: the bad record or file is skipped with one warning naming it, every good article's
events are written, no traceback, and the exit status says what happened (0 all used, 1 some
skipped, 2 usage error or a skip with --strict). Kills (of a build, of its workers) run in
subprocesses; a `sitecustomize` put on their PYTHONPATH kills the process at a chosen point.
"""
from __future__ import annotations

import csv
import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from timeline.cli import main
from timeline.export import iso_date_ok, read_events

ROOT = Path(__file__).resolve().parent.parent
GOOD = {"title": "Macron meets Modi", "date": "2025-01-02", "text": "Emmanuel Macron met Narendra Modi in Paris on Monday."}


def invoke(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def jsonl(path: Path, rows: list) -> Path:
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in rows), encoding="utf-8")
    return path


def events_of(out: Path) -> list[dict]:
    return [json.loads(line) for line in (out / "events.jsonl").read_text(encoding="utf-8").splitlines()]


def no_traceback(result) -> None:
    assert "Traceback" not in result.output + result.stderr


@pytest.fixture(scope="module")
def reference(tmp_path_factory) -> list[dict]:
    """The events of GOOD alone."""
    tmp = tmp_path_factory.mktemp("ref")
    result = invoke("extract", jsonl(tmp / "good.jsonl", [GOOD]), "--workers", "1")
    assert result.exit_code == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


def same_events(got: list[dict], want: list[dict]) -> bool:
    keep = ("type", "sentence", "source", "target", "date")
    return {json.dumps([e[k] for k in keep]) for e in want} <= {json.dumps([e[k] for k in keep]) for e in got}


# -- 1. lone surrogates: scraped JSON, a file name not in UTF-8 -----------------------------------

def test_lone_surrogate_in_a_record_costs_nothing(tmp_path, reference):
    src = tmp_path / "in"
    src.mkdir()
    bad = '{"title": "Half \\ud83d", "date": "2025-01-02", "text": "Emmanuel Macron met Olaf Scholz \\ud800 in Berlin."}'
    jsonl(src / "a.jsonl", [bad, GOOD])
    (src / os.fsdecode(b"caf\xe9.txt")).write_text("Modi visits Paris\n2 January 2025\n\nNarendra Modi visited Paris.\n",
                                                   encoding="utf-8")
    result = invoke("build", src, "-o", tmp_path / "out", "--workers", "1")
    no_traceback(result)
    assert result.exit_code == 0, result.stderr
    assert "invalid Unicode" in result.stderr
    got = events_of(tmp_path / "out")
    assert same_events(got, reference)
    assert any("caf\\xe9.txt" in e["article_source"] for e in got)
    for p in (tmp_path / "out").iterdir():
        if p.suffix == ".parquet":  # binary: its strings are UTF-8 if pyarrow reads them back
            __import__("pyarrow.parquet").parquet.read_table(p).validate(full=True)
            continue
        p.read_bytes().decode("utf-8")  # every output is UTF-8


# -- 2. extreme publication dates; every date written is ISO with 4 digits -----------------------

def test_extreme_dates_keep_the_article_undated_and_every_date_is_iso(tmp_path):
    rows = [{**GOOD, "title": "Null date", "date": "0001-01-01", "text": "Macron met Modi on December 30."},
            {**GOOD, "title": "Far future", "date": "9999-12-31", "text": "Macron will meet Modi next week."},
            {**GOOD, "title": "Ancient", "text": "Macron met Modi, whose city was founded 3000 years ago."},
            {**GOOD, "title": "Unusable", "date": "yesterday"}, GOOD]
    result = invoke("build", jsonl(tmp_path / "a.jsonl", rows), "-o", tmp_path / "out", "--workers", "1", "--strict")
    no_traceback(result)
    assert result.exit_code == 0, result.stderr  # kept without a date: a warning, not a skip
    assert result.stderr.count("kept without a date") == 3 and "skipped" not in result.stderr
    out = tmp_path / "out"
    dates = []
    for e in events_of(out):
        dates += [e["date"], e["date_end"], e["article_date"]]
    with open(out / "actors.csv", encoding="utf-8", newline="") as f:
        dates += [row[k] for row in csv.DictReader(f) for k in ("first_date", "last_date")]
    for line in (out / "merged_events.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        dates += [row.get(k) for k in ("date", "date_end", "first_article_date", "last_article_date")]
    assert all(iso_date_ok(d) for d in dates if d), [d for d in dates if d and not iso_date_ok(d)]
    text = (out / "graph.json").read_text(encoding="utf-8") + (out / "timelinejs.json").read_text(encoding="utf-8")
    assert not re.search(r'"-\d|"\d{5}|"0000', text)


def test_default_date_out_of_range_is_a_usage_error(tmp_path):
    result = invoke("extract", jsonl(tmp_path / "a.jsonl", [GOOD]), "--date", "0001-01-01")
    assert result.exit_code == 2 and "--date" in result.stderr
    no_traceback(result)


# -- 3. dead workers --------------------------------------------------------------------------------

SITE = '''
import os, signal
def _hook():
    import timeline.pipeline as p
    point = os.environ.get("TIMELINE_TEST_KILL_AT", "")
    real = p._extract_chunk
    def chunk(articles, options):
        if "POISON" in "".join(a.text for a in articles) and os.environ.get("TIMELINE_TEST_POISON"):
            os.kill(os.getpid(), signal.SIGKILL)
        if point == "extraction" and any("Chunk two" in a.title for a in articles):
            os.kill(os.getpid(), signal.SIGKILL)
        return real(articles, options)
    p._extract_chunk = chunk
    import timeline.export as x, timeline.graph as g, timeline.merge as m, timeline.render as r
    for module, name in ((p, "write_events"), (m, "write_merged_events"), (g, "write_graph_files"),
                         (p, "write_actor_rows"), (p, "write_datapackage"), (p, "write_timelinejs"),
                         (r, "write_html"), (x, "_install_folder")):
        def killer(*a, _f=getattr(module, name), _n=name, **k):
            if point == _n:
                os.kill(os.getpid(), signal.SIGKILL)
            return _f(*a, **k)
        setattr(module, name, killer)
if os.environ.get("TIMELINE_TEST_KILL_AT") or os.environ.get("TIMELINE_TEST_POISON"):
    _hook()
'''


def run_build(tmp_path: Path, src: Path, out: Path, *extra: str, env: dict | None = None, timeout: float = 600):
    site = tmp_path / "site"
    site.mkdir(exist_ok=True)
    (site / "sitecustomize.py").write_text(SITE, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": f"{site}{os.pathsep}{ROOT}", **(env or {})}
    return subprocess.run([sys.executable, "-m", "timeline", "build", str(src), "-o", str(out), *extra],
                          capture_output=True, text=True, env=env, timeout=timeout, check=False)


def corpus(path: Path, n: int = 70, poison: int | None = None) -> Path:
    rows = []
    for i in range(n):
        title = f"Chunk {'two' if 32 <= i < 64 else 'one'} article {i}"
        text = GOOD["text"] + (" POISON" if i == poison else "")
        rows.append({"id": f"a{i:03}", "title": title, "date": "2025-01-02", "text": text})
    return jsonl(path, rows)


def test_a_chunk_that_kills_its_worker_twice_is_named_and_skipped(tmp_path):
    src = corpus(tmp_path / "a.jsonl", poison=40)
    t0 = time.monotonic()
    result = run_build(tmp_path, src, tmp_path / "out", "--workers", "2", env={"TIMELINE_TEST_POISON": "1"})
    assert time.monotonic() - t0 < 600  # never a hang
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    [warning] = [line for line in result.stderr.splitlines() if "worker died twice" in line]
    assert "a032" in warning and "32 article(s)" in warning
    ids = {e["article_id"] for e in events_of(tmp_path / "out")}
    assert ids == {f"a{i:03}" for i in range(70) if not 32 <= i < 64}


def test_a_worker_killed_mid_run_has_its_chunk_retried(tmp_path, worker_pids):
    src = corpus(tmp_path / "a.jsonl", n=300)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-m", "timeline", "build", str(src), "-o", str(tmp_path / "out"),
                             "--workers", "2"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    killed = None
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and proc.poll() is None and killed is None:
        if len(worker_pids(proc.pid)) == 2:
            time.sleep(1.5)  # loading the model, or at work on its first chunk
            for pid in worker_pids(proc.pid):  # one still alive then: a chunk may end, and its worker go, in 1.5 s
                try:
                    os.kill(pid, signal.SIGKILL)
                    killed = pid
                    break
                except ProcessLookupError:
                    continue
        time.sleep(0.05)
    _, stderr = proc.communicate(timeout=600)
    assert killed is not None
    assert proc.returncode == 0, stderr
    assert "Traceback" not in stderr
    assert {e["article_id"] for e in events_of(tmp_path / "out")} == {f"a{i:03}" for i in range(300)}


# -- 4. malformed event and gold files -------------------------------------------------------------

def test_graph_and_evaluate_skip_malformed_event_lines(tmp_path, reference):
    good = json.dumps(reference[0])
    bad = [json.dumps({**reference[0], "actors": 5}), "[" * 50_000 + "]" * 50_000,
           json.dumps({**reference[0], "date": "-002"})]
    path = tmp_path / "events.jsonl"
    path.write_bytes("\n".join([good, *bad, good]).encode() + b"\n" + '{"id": "caf\xe9"}\n'.encode("latin-1"))
    result = invoke("graph", path, "-o", tmp_path / "out")
    no_traceback(result)
    assert result.exit_code == 1
    assert [int(m) for m in re.findall(r"events\.jsonl:(\d+):", result.stderr)] == [2, 3, 4, 6]
    assert {p.name for p in (tmp_path / "out").iterdir()} >= {"graph.json", "graph.graphml", "graph.gexf"}
    gold = jsonl(tmp_path / "gold.jsonl", [{"article": reference[0]["article_title"], "evidence": "met",
                                            "type": "meeting", "actors": ["Macron", "Modi"], "optional": "false"}])
    result = invoke("evaluate", path, gold, "--json")
    no_traceback(result)
    assert result.exit_code == 1
    assert json.loads(result.stdout.splitlines()[-1])["gold_events"] == 1  # "false" is not optional


@pytest.mark.parametrize("row, reason", [
    ({"article": "A", "evidence": "e", "type": "meeting", "actors": 5}, "'actors' must be a list"),
    ({"article": "A", "evidence": "e", "type": "meeting", "actors": ["X"], "optional": "maybe"}, "'optional'"),
    ({"article": ["A"], "evidence": "e", "type": "meeting", "actors": ["X"]}, "'article' must be a string"),
])
def test_malformed_gold_is_one_clear_error(tmp_path, reference, row, reason):
    events = jsonl(tmp_path / "events.jsonl", reference)
    result = invoke("evaluate", events, jsonl(tmp_path / "gold.jsonl", [row]))
    no_traceback(result)
    assert result.exit_code == 2 and "gold.jsonl:1" in result.stderr and reason in result.stderr


# -- 5. user actor files ----------------------------------------------------------------------------

HEADER = "name,kind,country,aliases,demonyms,title,valid_from,valid_to\n"


@pytest.mark.parametrize("row, reason", [
    ("Zorro Vega,person,FRA,the,,,,\n", "alias 'the' is a common word"),
    ("Zorro Vega,person,FRA,a,,,,\n", "alias 'a' is"),
    ("Zorro Vega,person,FRA,.,,,,\n", "alias '.' has no letter or digit"),
    ("Zorro Vega,person,FRA," + "x" * 140_000 + ",,,,\n", "actors.csv"),
])
def test_bad_actor_files_are_refused_clearly(tmp_path, row, reason):
    actors = tmp_path / "actors.csv"
    actors.write_text(HEADER + row, encoding="utf-8")
    result = invoke("extract", jsonl(tmp_path / "a.jsonl", [GOOD]), "--actors", actors)
    no_traceback(result)
    assert result.exit_code == 2 and reason in result.stderr


# -- the output set as a whole --------------------------------------------------------------------

KILL_POINTS = ["extraction", "write_events", "write_merged_events", "write_graph_files", "write_actor_rows",
               "write_datapackage", "write_timelinejs", "write_html", "_install_folder"]


@pytest.fixture(scope="module")
def previous_set(tmp_path_factory) -> tuple[Path, Path, dict[str, bytes]]:
    """A corpus and a complete build of its first version: (corpus, build, its files)."""
    tmp = tmp_path_factory.mktemp("set")
    src = corpus(tmp / "a.jsonl", n=40)
    out = tmp / "out"
    result = invoke("build", src, "-o", out, "--workers", "1")
    assert result.exit_code == 0, result.stderr
    (out / ".gitkeep").write_bytes(b"")
    return src, out, {p.name: p.read_bytes() for p in out.iterdir()}


@pytest.mark.parametrize("point", KILL_POINTS)
def test_a_killed_build_leaves_the_previous_set_and_no_temporary(tmp_path, previous_set, point):
    src, first, files = previous_set
    out = tmp_path / "out"
    out.mkdir()
    for name, data in files.items():
        (out / name).write_bytes(data)
    changed = tmp_path / "b.jsonl"
    changed.write_text(src.read_text(encoding="utf-8").replace("Paris", "Lyon"), encoding="utf-8")
    result = run_build(tmp_path, changed, out, "--workers", "1", env={"TIMELINE_TEST_KILL_AT": point})
    assert result.returncode == -signal.SIGKILL, result.stderr
    assert {p.name: p.read_bytes() for p in out.iterdir()} == files  # the previous set, whole
    # the next build replaces it, and removes what the killed one left beside it
    result = run_build(tmp_path, changed, out, "--workers", "1")
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.jsonl", "out", "site"]
    assert sorted(p.name for p in out.iterdir()) == sorted(files)  # .gitkeep carried over
    assert "Lyon" in (out / "events.jsonl").read_text(encoding="utf-8")


# -- CSV formulas -----------------------------------------------------------------------------------

def test_csv_outputs_neutralise_formulas_and_read_back(tmp_path):
    row = {**GOOD, "title": '=HYPERLINK("http://evil.example","x")', "outlet": "@evil"}
    out = tmp_path / "out"
    result = invoke("build", jsonl(tmp_path / "a.jsonl", [row]), "-o", out, "--workers", "1")
    assert result.exit_code == 0, result.stderr
    with open(out / "events.csv", encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert rows and all(r["article_title"].startswith("'=") and r["article_outlet"] == "'@evil" for r in rows)
    assert list(read_events(out / "events.csv")) == list(read_events(out / "events.jsonl"))


# -- memory: bounded parses, streamed records -------------------------------------------------------

def test_a_long_article_is_parsed_in_bounded_pieces(monkeypatch):
    from timeline import pipeline
    from timeline.model import Article

    sizes = []
    real = pipeline.parse_texts

    def spy(nlp, texts, *a, **k):
        sizes.append(sum(map(len, texts)))
        return real(nlp, texts, *a, **k)

    monkeypatch.setattr(pipeline, "parse_texts", spy)
    monkeypatch.setattr(pipeline, "PARSE_CHARS", 2000)
    text = "Emmanuel Macron met Narendra Modi in Paris on Monday. " * 200  # one 11,000-character paragraph
    art = Article(id="a", title="t", text=text, date="2025-01-02")
    events = pipeline.extract_article(art)
    assert events and len(sizes) == 3 and max(sizes) <= 2000 + 5000  # pieces of at most nlp.MAX_PARAGRAPH


def test_chunks_are_bounded_in_characters():
    from timeline.model import Article
    from timeline.pipeline import _chunks

    arts = [Article(id=str(i), title="t", text="x" * n, date=None) for i, n in enumerate([600, 600, 2000, 10, 10])]
    assert [[a.id for a in c] for c in _chunks(arts, 32, chars=1000)] == [["0"], ["1"], ["2"], ["3", "4"]]


# -- folders: unsupported files, nothing at all, forged warnings, odd encodings ---------------------

def test_unsupported_files_are_listed_in_one_warning(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    jsonl(src / "a.jsonl", [GOOD])
    for name in ("report.docx", "scan.pdf", "sheet.xlsx"):
        (src / name).write_bytes(b"PK\x03\x04")
    result = invoke("build", src, "-o", tmp_path / "out", "--workers", "1")
    assert result.exit_code == 1
    [line] = [line for line in result.stderr.splitlines() if "unsupported type" in line]
    assert all(n in line for n in ("report.docx", "scan.pdf", "sheet.xlsx"))
    assert invoke("build", src, "-o", tmp_path / "out2", "--workers", "1", "--strict").exit_code == 2


@pytest.mark.parametrize("command", ["build", "extract", "dates"])
def test_no_input_at_all_is_an_error(tmp_path, command):
    empty = tmp_path / "empty"
    empty.mkdir()
    out = tmp_path / "out"
    result = invoke(command, empty, "-o", out / "x.jsonl" if command != "build" else out)
    no_traceback(result)
    assert result.exit_code == 1 and "no article found" in result.stderr
    assert not out.exists()


def test_a_file_name_with_a_newline_forges_no_warning(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    jsonl(src / "a.jsonl", [GOOD])
    (src / "b\nwarning: all is fine.txt").write_bytes(b"")
    result = invoke("build", src, "-o", tmp_path / "out", "--workers", "1")
    assert result.exit_code == 1
    assert not any(line.startswith("warning: all is fine") for line in result.stderr.splitlines())
    assert "b\\nwarning: all is fine.txt: empty file" in result.stderr


def test_nul_byte_and_utf16_without_bom(tmp_path, reference):
    src = tmp_path / "in"
    src.mkdir()
    (src / "nul.csv").write_bytes(b"title,date,text\nBad,2025-01-02,Bad \x00 cell.\n"
                                  + f"Good,2025-01-02,{GOOD['text']}\n".encode())
    (src / "u16.jsonl").write_bytes((json.dumps(GOOD) + "\n").encode("utf-16-le"))
    result = invoke("build", src, "-o", tmp_path / "out", "--workers", "1")
    assert result.exit_code == 1  # the NUL record only
    assert "nul.csv:2: record 1: NUL byte" in result.stderr
    sources = {e["article_source"].rsplit("/", 1)[-1] for e in events_of(tmp_path / "out")}
    assert sources == {"nul.csv:2", "u16.jsonl:1"}


def test_an_article_whose_extraction_fails_costs_only_itself(tmp_path, reference, monkeypatch):
    from timeline.events import EventExtractor

    real = EventExtractor.paragraph

    def fragile(self, doc, offset):
        if "Kaboom" in doc.text:
            raise KeyError("a bug this text sets off")
        return real(self, doc, offset)

    monkeypatch.setattr(EventExtractor, "paragraph", fragile)
    bad = {"id": "bad-1", "title": "t", "date": "2025-01-02", "text": "Kaboom met Modi in Paris."}
    src = jsonl(tmp_path / "in.jsonl", [bad, GOOD])
    result = invoke("extract", src, "--workers", "1")
    assert result.exit_code == 1
    no_traceback(result)
    warnings = [line for line in result.stderr.splitlines() if line.startswith("warning:")]
    assert len(warnings) == 1 and "bad-1" in warnings[0] and "KeyError" in warnings[0] and "in.jsonl" in warnings[0]
    assert same_events([json.loads(line) for line in result.stdout.splitlines()], reference)
