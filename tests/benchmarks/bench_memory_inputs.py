"""Benchmark: peak memory for the largest inputs the reader accepts (issue 19: under 1 GB).

    .venv/bin/python tests/benchmarks/bench_memory_inputs.py [--records N] [--articles N] [--only NAME]

Each run is a fresh process, so that every peak (ru_maxrss, MB) is its own:

* `article`: one article of 2,000,000 characters (the reader's maximum) in one JSONL record,
  one paragraph without a line break (the worst case for the parser), extracted in-process
  (`--workers 1`: the extraction runs where it is measured);
* `article-workers`: the same through `timeline build --workers 2`, the peak of the largest
  worker reported beside the driver's;
* `records-jsonl`, `records-csv`: N records (default 200,000, about 200 MB) read by
  `read_inputs` (every article built, nothing extracted): the reader streams;
* `long-run`: N articles (default 2,000) extracted in one process: resident memory after the
  first and the last chunk (a worker's growth over a long run).

Prints one line per run: the run, its size, seconds and peak MB.
"""
from __future__ import annotations

import argparse
import csv
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "examples" / "seed_articles.txt"


def seed_text() -> str:
    from timeline.ingest import read_articles

    return " ".join(a.text.replace("\n", " ") for a in read_articles([SEED]))


def write_article(path: Path, chars: int = 2_000_000) -> None:
    text = seed_text()
    body = (text + " ") * (chars // (len(text) + 1) + 1)
    record = {"title": "Long", "date": "2025-08-26", "text": body[:chars]}
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")


def write_records(path: Path, n: int) -> None:
    text = seed_text()[:900]
    if path.suffix == ".csv":
        with open(path, "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f)
            w.writerow(["id", "title", "date", "text"])
            for i in range(n):
                w.writerow([f"r{i}", f"Record {i}", "2025-08-26", text])
        return
    with open(path, "w", encoding="utf-8") as f:
        for i in range(n):
            f.write(json.dumps({"id": f"r{i}", "title": f"Record {i}", "date": "2025-08-26", "text": text}) + "\n")


def rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def measure(mode: str, path: str, n: int) -> dict:
    """One run in this process."""
    from timeline.pipeline import CHUNK, Options, extract_events, read_inputs

    t0 = time.perf_counter()
    extra = {}
    if mode == "article":
        size = sum(1 for _ in extract_events(read_inputs([path]), Options(workers=1)))
        size = f"{size} events"
    elif mode.startswith("records"):
        size = f"{sum(1 for _ in read_inputs([path]))} articles"
    else:  # long-run
        from timeline.ingest import read_articles
        from timeline.model import Article

        [base] = list(read_articles([SEED]))[:1]
        arts = (Article(id=f"a{i}", title=base.title, text=base.text, date=base.date, source="x")
                for i in range(n))
        for _ in extract_events(arts, Options(workers=1)):
            pass
        extra = {"rss_first_chunk_mb": round(_samples[0], 1), "rss_last_chunk_mb": round(_samples[-1], 1),
                 "chunks": len(_samples), "chunk": CHUNK}
        size = f"{n} articles"
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"run": mode, "size": size, "seconds": round(time.perf_counter() - t0, 1), "peak_mb": round(peak, 1),
            **extra}


_samples: list[float] = []


def _sample_chunks() -> None:
    """Record the resident memory after each chunk the pipeline extracts."""
    from timeline import pipeline

    real = pipeline._extract_chunk

    def wrapped(*args, **kwargs):
        out = real(*args, **kwargs)
        _samples.append(rss_mb())
        return out

    pipeline._extract_chunk = wrapped


def workers_run(path: Path, out: Path) -> dict:
    """`timeline build --workers 2` of `path`: the driver's and the largest worker's peak."""
    t0 = time.perf_counter()
    code = ("import resource, runpy, sys;"
            "sys.argv = ['timeline', 'build', sys.argv[1], '-o', sys.argv[2], '--workers', '2'];"
            "import timeline.cli as c\n"
            "try:\n c.main()\n"
            "except SystemExit: pass\n"
            "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,"
            " resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)")
    proc = subprocess.run([sys.executable, "-c", code, str(path), str(out)], capture_output=True, text=True,
                          check=True)
    driver, child = (float(x) for x in proc.stdout.split()[-2:])
    return {"run": "article-workers", "size": "2,000,000 chars", "seconds": round(time.perf_counter() - t0, 1),
            "peak_mb": round(driver, 1), "largest_worker_peak_mb": round(child, 1)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--records", type=int, default=200_000)
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--only", help="one run: article, article-workers, records-jsonl, records-csv, long-run")
    ap.add_argument("--measure", nargs=3, metavar=("MODE", "PATH", "N"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.measure:
        mode, path, n = args.measure
        if mode == "long-run":
            _sample_chunks()
        print(json.dumps(measure(mode, path, int(n))))
        return
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        runs = [r for r in ("article", "article-workers", "records-jsonl", "records-csv", "long-run")
                if args.only in (None, r)]
        for run in runs:
            if run.startswith("article"):
                path = tmp / "article.jsonl"
                if not path.exists():
                    write_article(path)
                n = 1
            elif run.startswith("records"):
                path = tmp / ("records.csv" if run == "records-csv" else "records.jsonl")
                write_records(path, args.records)
                n = args.records
            else:
                path, n = tmp / "none", args.articles
            if run == "article-workers":
                result = workers_run(path, tmp / "out")
            else:
                proc = subprocess.run([sys.executable, __file__, "--measure", run, str(path), str(n)],
                                      check=True, capture_output=True, text=True)
                result = json.loads(proc.stdout.splitlines()[-1])
            if run.startswith("records"):
                result["file_mb"] = round(path.stat().st_size / 2**20, 1)
            print(json.dumps(result), flush=True)


if __name__ == "__main__":
    main()
