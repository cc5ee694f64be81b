"""Benchmark: `extract_events` against a plain spaCy parse of the same texts, and `build` at 1x and 4x.

    python tests/benchmarks/bench_extract.py [--scale N] [--big] [--repeat N] [--baseline DIR]

The corpus repeats the articles of examples/ and tests/data/dev_articles.txt, each copy under
its own id and title, to about 200 articles per unit of --scale. Every measurement runs in a
fresh process (its model loaded before the clock starts), so peak memory figures are separate.
--big also writes 10,000 articles to a JSONL file and runs `timeline build` on it, with one and
two worker processes, reporting the peak memory of the largest process and of all together.
Prints a table; times are wall-clock seconds, and on a busy machine they vary from run to run:
--repeat N runs the plain parse and one-process extraction N times, alternately, and reports the
median of each (and the median of the N ratios), and --baseline DIR also times the extraction of
another checkout of the project (its package imported from DIR) in the same alternation, so that
a change is compared with what it changes in one run.
"""
from __future__ import annotations

import argparse
import contextlib
import dataclasses
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SOURCES = [ROOT / "examples", ROOT / "tests" / "data" / "dev_articles.txt"]


def corpus(n: int) -> list:
    """n articles: the source articles repeated, each copy with its own id and title."""
    from timeline.pipeline import read_inputs

    base = list(read_inputs(SOURCES))
    return [dataclasses.replace(a, id=f"{a.id}-{k}", title=f"{a.title} ({k})")
            for k in range(n // len(base) + 1) for a in base][:n]


def write_jsonl(articles, path: Path) -> None:
    with open(path, "w", encoding="utf-8") as f:
        f.writelines(json.dumps({"id": a.id, "title": a.title, "date": a.date, "text": a.text}) + "\n" for a in articles)


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(mode: str, n: int, workers: int) -> dict:
    """Run one measurement in this process; return its figures."""
    from timeline.nlp import load_nlp
    from timeline.pipeline import Options, build, extract_events

    if mode == "big":
        return big(n, workers)
    articles = corpus(n)
    words = sum(len(a.text.split()) for a in articles)
    nlp = load_nlp()
    list(nlp.pipe(["Warm up the model before the clock starts."]))
    t0, c0 = time.perf_counter(), time.process_time()
    events = 0
    if mode == "plain":
        for _ in nlp.pipe((a.text for a in articles), batch_size=64):
            pass
    elif mode == "extract":
        events = sum(1 for _ in extract_events(articles, Options(workers=workers)))
    elif mode == "build":
        with tempfile.TemporaryDirectory() as tmp:
            src = Path(tmp) / "corpus.jsonl"
            write_jsonl(articles, src)
            del articles
            t0, c0 = time.perf_counter(), time.process_time()
            events = build([src], Path(tmp) / "out", Options(workers=workers))
    return {"mode": mode, "articles": n, "words": words, "workers": workers, "events": events,
            "seconds": time.perf_counter() - t0, "cpu": time.process_time() - c0, "peak_mb": peak_mb()}


def run(mode: str, n: int, workers: int = 1, package_root: str | None = None) -> dict:
    """One measurement in a fresh process; `package_root`: import `timeline` from that checkout."""
    env = dict(os.environ)
    if package_root:
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(Path(package_root).resolve()), env.get("PYTHONPATH")]))
    out = subprocess.run([sys.executable, __file__, "--measure", mode, "-n", str(n), "--workers", str(workers)],
                         check=True, capture_output=True, text=True, env=env)
    return json.loads(out.stdout.strip().splitlines()[-1])


def timed_rows(n: int, repeat: int, baseline: str | None) -> list[dict]:
    """The plain parse, one-process extraction (and the baseline's), run `repeat` times alternately:
    the median figures of each, each with `ratio`, the median of its ratios to the plain parse."""
    kinds = [("plain", None), ("extract", None)] + ([("extract", baseline)] if baseline else [])
    runs: list[list[dict]] = [[] for _ in kinds]
    for _ in range(repeat):
        for k, (mode, root) in enumerate(kinds):
            runs[k].append(run(mode, n, 1, root))
    rows = []
    for (_, root), rs in zip(kinds, runs):
        row = dict(rs[0], seconds=statistics.median(r["seconds"] for r in rs),
                   cpu=statistics.median(r["cpu"] for r in rs), baseline=root)
        row["ratio"] = statistics.median(r["seconds"] / p["seconds"] for r, p in zip(rs, runs[0]))
        rows.append(row)
    return rows


def tree_memory_mb(pid: int) -> tuple[float, float]:
    """Memory of a process and all its descendants in MB (from /proc): the sum of their resident
    sets, and the sum of their proportional sets (PSS: a page shared by k processes, such as a
    library's code, counts 1/k in each, so the sum counts it once)."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    rss = pss = 0
    todo = [pid]
    while todo:
        p = todo.pop()
        todo.extend(children.get(p, ()))
        with contextlib.suppress(OSError, StopIteration):  # the process has just ended
            rollup = Path(f"/proc/{p}/smaps_rollup").read_text().splitlines()
            rss += next(int(line.split()[1]) for line in rollup if line.startswith("Rss:"))
            pss += next(int(line.split()[1]) for line in rollup if line.startswith("Pss:"))
    return rss / 1024, pss / 1024


def big(n: int = 10_000, workers: int | None = None) -> dict:
    """`timeline build` on n articles in a child process: time, the peak of its largest process
    and the peak of all its processes together (`tree_memory_mb`, sampled every 0.2 s).

    Run by `run("big", n)`, so that no other child of this process counts in the peak.
    """
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "big.jsonl"
        write_jsonl(corpus(n), src)
        cmd = [str(Path(sys.executable).with_name("timeline")), "build", str(src), "-o", str(Path(tmp) / "out")]
        if workers:
            cmd += ["--workers", str(workers)]
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        rss = pss = 0.0
        while proc.poll() is None:
            r, p = tree_memory_mb(proc.pid)
            rss, pss = max(rss, r), max(pss, p)
            time.sleep(0.2)
        seconds = time.perf_counter() - t0
        if proc.returncode:
            raise SystemExit(f"timeline build failed with status {proc.returncode}")
        with open(Path(tmp) / "out" / "events.jsonl", encoding="utf-8") as f:
            events = sum(1 for _ in f)
    return {"articles": n, "seconds": seconds, "events": events, "workers": workers,
            "peak_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
            "total_rss_mb": rss, "total_pss_mb": pss}


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--scale", type=float, default=1.0, help="corpus size in units of 200 articles")
    p.add_argument("--big", action="store_true", help="also run `timeline build` on 10,000 articles")
    p.add_argument("--repeat", type=int, default=1, help="run the parse and extraction N times, alternately")
    p.add_argument("--baseline", help="also time the extraction of the checkout in this folder")
    p.add_argument("--measure", help=argparse.SUPPRESS)
    p.add_argument("-n", type=int, help=argparse.SUPPRESS)
    p.add_argument("--workers", type=int, default=1, help=argparse.SUPPRESS)
    args = p.parse_args()
    if args.measure:
        print(json.dumps(measure(args.measure, args.n, args.workers)))
        return
    n = max(8, round(200 * args.scale))
    rows = timed_rows(n, max(1, args.repeat), args.baseline)
    two = run("extract", n, 2)
    rows.append(dict(two, ratio=two["seconds"] / rows[0]["seconds"]))
    print(f"corpus: {n} articles, {rows[0]['words']} words" + (f", medians of {args.repeat} runs" if args.repeat > 1 else "")
          + "\n")
    print(f"{'run':<24}{'seconds':>9}{'cpu s':>8}{'articles/s':>12}{'words/s':>10}{'x plain':>9}{'peak MB':>9}")
    for r in rows:
        name = "plain nlp.pipe" if r["mode"] == "plain" else f"extract_events, {r['workers']} proc"
        name = "extract_events, baseline" if r.get("baseline") else name
        print(f"{name:<24}{r['seconds']:>9.1f}{r['cpu']:>8.1f}{r['articles'] / r['seconds']:>12.1f}"
              f"{r['words'] / r['seconds']:>10.0f}{r['ratio']:>9.2f}{r['peak_mb']:>9.0f}")
    if args.baseline:
        print(f"baseline: {args.baseline}")
    print()
    b1, b4 = run("build", n), run("build", 4 * n)
    for r in (b1, b4):
        print(f"{'build, ' + str(r['articles']) + ' articles':<24}{r['seconds']:>9.1f}{r['cpu']:>8.1f}"
              f"{r['articles'] / r['seconds']:>12.1f}{r['words'] / r['seconds']:>10.0f}{'':>9}{r['peak_mb']:>9.0f}")
    print(f"build 4x / 1x time: {b4['seconds'] / b1['seconds']:.2f} (linear: 4)")
    if args.big:
        for workers in (1, 2):
            r = run("big", 10_000, workers)
            print(f"\ntimeline build, {r['articles']} articles, {r['events']} events, --workers {workers}: "
                  f"{r['seconds']:.0f} s, largest process {r['peak_mb']:.0f} MB, "
                  f"all processes together {r['total_pss_mb']:.0f} MB PSS ({r['total_rss_mb']:.0f} MB RSS summed)")


if __name__ == "__main__":
    main()
