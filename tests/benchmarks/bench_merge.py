"""Benchmark: what merging adds to `timeline build` for the events of 10,000 articles.

    .venv/bin/python tests/benchmarks/bench_merge.py [--articles N] [--events FILE] [--sample N]

The events of examples/ and tests/data/dev_articles.txt (or of the JSONL events FILE) are copied
under new event and article ids until they stand for N articles (default 10,000), each copy's
dates shifted by a day per copy, so that stories overlap in time as a real corpus does (and the
copies of one story a day apart may merge). Then, in this process:

* extraction: seconds per article on `--sample` articles of the sources (default 40), times N:
  what `build` spends before writing anything;
* merging: `cluster_ids` over all the events, and `write_merged_events` (merged_events.jsonl/.csv);
* the share of both in the whole `build` time (extraction plus writing; the writing figure is
  `bench_build_memory.py`'s, passed with --write-seconds, else measured here without merging).

Prints one line per figure, and the peak resident memory of clustering.
"""
from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SOURCES = [ROOT / "examples", ROOT / "tests" / "data" / "dev_articles.txt"]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_build_memory import write_corpus  # noqa: E402  (the same synthetic corpus)


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--articles", type=int, default=10_000)
    p.add_argument("--events", help="JSONL events to copy (default: extract them from the sources)")
    p.add_argument("--sample", type=int, default=40, help="articles whose extraction is timed")
    p.add_argument("--write-seconds", type=float, help="write_outputs seconds without merging, if measured elsewhere")
    args = p.parse_args()

    from timeline.export import read_events
    from timeline.merge import cluster_ids, write_merged_events
    from timeline.pipeline import extract_events, read_inputs, write_outputs

    articles = list(read_inputs(SOURCES))[: args.sample]
    t0 = time.perf_counter()
    base = [e.to_dict() for e in extract_events(articles)]
    per_article = (time.perf_counter() - t0) / max(len(articles), 1)
    if args.events:
        with open(args.events, encoding="utf-8") as f:
            base = [json.loads(line) for line in f if line.strip()]
    extraction = per_article * args.articles
    print(f"extraction: {per_article:.3f} s per article ({len(articles)} timed), {extraction:.0f} s for {args.articles}")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "events.jsonl"
        n = write_corpus(base, args.articles, path, day_apart=True)
        events = list(read_events(path))
        t0 = time.perf_counter()
        ids = cluster_ids(events)
        clustering = time.perf_counter() - t0
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"cluster_ids: {n} events -> {len(set(ids))} real-world events in {clustering:.1f} s "
              f"(peak {peak:.0f} MB in this process)")
        from dataclasses import replace

        clustered = [replace(e, cluster_id=c) for e, c in zip(events, ids, strict=True)]
        del events
        t0 = time.perf_counter()
        write_merged_events(clustered, Path(tmp) / "merged_events.jsonl", Path(tmp) / "merged_events.csv")
        writing = time.perf_counter() - t0
        print(f"write_merged_events: {writing:.1f} s")
        del clustered
        if args.write_seconds is None:
            t0 = time.perf_counter()
            write_outputs(read_events(path), Path(tmp) / "out")  # merging included: subtract ours below
            args.write_seconds = time.perf_counter() - t0 - clustering - writing
        merging = clustering + writing
        total = extraction + args.write_seconds
        print(f"build without merging ~ {total:.0f} s (extraction {extraction:.0f} + writing {args.write_seconds:.0f}); "
              f"merging adds {merging:.1f} s = {100 * merging / total:.1f}%")


if __name__ == "__main__":
    main()
