"""Benchmark: extraction on a Dask LocalCluster against the local `--workers` path, same corpus.

    python tests/benchmarks/bench_dask.py [--articles N] [--workers 1,2,4] [--repeat R]

For each number of worker processes, the same JSONL file of articles is read and extracted twice:
with `Options(workers=N)` (worker processes, one process when N is 1) and on a LocalCluster of
N one-thread workers (`timeline.cluster`), which read the file themselves. Each run is a fresh process and is timed end to end,
from before the pool or the cluster starts (its workers load the model inside the clock) to the
last event; the cluster's start-up is also reported on its own. Prints articles per second and
the ratio Dask / local (1.00: no overhead); with --repeat R the best of R runs is kept.
The corpus is that of bench_extract.py (examples/ and the dev articles repeated under new ids).
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_extract import corpus  # noqa: E402


def measure(mode: str, workers: int, n: int) -> dict:
    """One run in this process: articles per second of extraction in `mode` (local or dask).

    The corpus is one JSONL file: read here for a local run, read by the workers on the cluster
    (in spans of its records, as `timeline build --dask` does).
    """
    import tempfile

    from timeline.pipeline import Options, extract_events, extract_listed, list_inputs, read_inputs

    options = Options(workers=workers)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "corpus.jsonl"
        path.write_text("".join(json.dumps({"id": a.id, "title": a.title, "date": a.date, "text": a.text}) + "\n"
                                for a in corpus(n)), encoding="utf-8")
        start = time.perf_counter()
        if mode == "local":
            events = sum(1 for _ in extract_events(read_inputs([path], options), options))
            started = 0.0
        else:
            from timeline import cluster

            with cluster.connect("local", workers, options) as dispatch:
                started = time.perf_counter() - start
                events = sum(len(e) for e in extract_listed(list_inputs([path], options), options, dispatch))
        seconds = time.perf_counter() - start
    return {"mode": mode, "workers": workers, "articles": n, "events": events, "seconds": seconds,
            "start_seconds": started, "rate": n / seconds}


def run_fresh(mode: str, workers: int, n: int) -> dict:
    out = subprocess.run([sys.executable, __file__, "--one", mode, str(workers), str(n)],
                         check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--workers", default="1,2,4")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--one", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        mode, workers, n = args.one
        print(json.dumps(measure(mode, int(workers), int(n))))
        return
    print(f"{args.articles} articles, {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at the start")
    print("| worker processes | local: articles/s | Dask LocalCluster: articles/s | cluster start s | Dask / local |")
    print("|---:|---:|---:|---:|---:|")
    for workers in (int(w) for w in args.workers.split(",")):
        best = {}
        for mode in ("local", "dask"):
            runs = [run_fresh(mode, workers, args.articles) for _ in range(args.repeat)]
            best[mode] = max(runs, key=lambda r: r["rate"])
        assert best["local"]["events"] == best["dask"]["events"], best
        local, dask = best["local"], best["dask"]
        print(f"| {workers} | {local['rate']:.2f} | {dask['rate']:.2f} | {dask['start_seconds']:.1f} "
              f"| {dask['rate'] / local['rate']:.2f} |", flush=True)
    print(f"load average {os.getloadavg()[0]:.1f} at the end")


if __name__ == "__main__":
    main()
