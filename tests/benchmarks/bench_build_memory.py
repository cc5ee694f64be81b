"""Benchmark: peak memory and time of writing every `build` output for a large corpus of events.

    .venv/bin/python tests/benchmarks/bench_build_memory.py [--articles N] [--events FILE] [--keep DIR]

Extraction is left out (it streams, and 10,000 articles take twenty minutes): the events of the
articles of examples/ and tests/data/dev_articles.txt (about 29 per article; or of the JSONL
events FILE given with --events) are copied under new event and article ids and titles until
they stand for N articles (default 10,000, about 290,000 events). Then, each in a fresh
process, so that every peak is its own:

* `write_outputs(read_events(PATH), DIR)`: what `timeline build` does after extraction;
* `timeline graph PATH -o DIR`: the graph exports alone.

Prints one line per run: events, wall-clock seconds, and the peak resident memory (ru_maxrss)
of that process in MB. --keep DIR keeps the event file and the outputs there.
"""
from __future__ import annotations

import argparse
import datetime
import hashlib
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SOURCES = [ROOT / "examples", ROOT / "tests" / "data" / "dev_articles.txt"]


def base_events(path: str | None) -> list[dict]:
    """The events to copy: read from `path`, else extracted from SOURCES."""
    if path:
        with open(path, encoding="utf-8") as f:
            return [json.loads(line) for line in f if line.strip()]
    from timeline.pipeline import extract_events, read_inputs

    return [e.to_dict() for e in extract_events(read_inputs(SOURCES))]


def shift(iso: str | None, days: int) -> str | None:
    """An ISO date of any precision moved by `days` (a month or year moves by whole months or years)."""
    if not iso:
        return iso
    if len(iso) == 10:
        return (datetime.date.fromisoformat(iso) + datetime.timedelta(days=days)).isoformat()
    if len(iso) == 7:
        y, m = (int(p) for p in iso.split("-"))
        m0 = y * 12 + m - 1 + days // 30
        return f"{m0 // 12:04d}-{m0 % 12 + 1:02d}"
    return str(int(iso) + days // 365) if iso.isdigit() else iso


def write_corpus(events: list[dict], articles: int, path: Path, day_apart: bool = False) -> int:
    """Write copies of `events` standing for `articles` articles to `path`; return the event count.

    With `day_apart`, each copy's dates move by a day (and its cluster ids are cleared), so that
    copies of one story overlap in time as a real corpus does.
    """
    per_copy = len({e["article_id"] for e in events}) or 1
    n = 0
    with open(path, "w", encoding="utf-8") as f:
        for k in range(-(-articles // per_copy)):
            for e in events:
                copy = {**e, "id": hashlib.sha1(f"{e['id']}|{k}".encode()).hexdigest()[:16],
                        "article_id": f"{e['article_id']}-{k}", "article_title": f"{e['article_title']} ({k})"}
                if day_apart:
                    copy.update(date=shift(e["date"], k), date_end=shift(e["date_end"], k),
                                article_date=shift(e["article_date"], k), cluster_id="")
                f.write(json.dumps(copy, ensure_ascii=False) + "\n")
                n += 1
    return n


def measure(mode: str, events: str, out: str) -> dict:
    """Run one measurement in this process; return its figures."""
    t0 = time.perf_counter()
    if mode == "build":
        from timeline.export import read_events
        from timeline.pipeline import write_outputs

        written = write_outputs(read_events(events), out)
        count = written if isinstance(written, int) else len(written)
    else:
        from click.testing import CliRunner

        from timeline.cli import main

        result = CliRunner().invoke(main, ["graph", events, "-o", out], catch_exceptions=False)
        assert result.exit_code == 0, result.output
        count = None
    return {"mode": mode, "events": count, "seconds": time.perf_counter() - t0,
            "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def run(mode: str, events: Path, out: Path) -> dict:
    proc = subprocess.run([sys.executable, __file__, "--measure", mode, str(events), str(out)],
                          check=True, capture_output=True, text=True)
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--articles", type=int, default=10_000, help="articles the events stand for")
    p.add_argument("--events", help="JSONL events to copy (default: extract them from examples/ and the dev set)")
    p.add_argument("--keep", help="keep the event file and the outputs in this folder")
    p.add_argument("--measure", nargs=3, help=argparse.SUPPRESS)
    args = p.parse_args()
    if args.measure:
        print(json.dumps(measure(*args.measure)))
        return
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(args.keep or tmp)
        work.mkdir(parents=True, exist_ok=True)
        path = work / "events.jsonl"
        n = write_corpus(base_events(args.events), args.articles, path)
        print(f"{args.articles} articles, {n} events, {path.stat().st_size / 2**20:.0f} MB of JSONL")
        for mode, label in (("build", "write_outputs (timeline build)"), ("graph", "timeline graph")):
            r = run(mode, path, work / f"out-{mode}")
            print(f"{label:<32}{r['seconds']:>8.1f} s{r['peak_mb']:>9.0f} MB peak")


if __name__ == "__main__":
    main()
