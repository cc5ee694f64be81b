"""Benchmark: a page of 100,000 synthetic events, its size and its time to first draw in Chromium.

Run: .venv/bin/python tests/benchmarks/bench_page.py [N] [REPEAT]
Prints the page size in MB, the time to render it in Python, and (in headless Chromium, the
median of REPEAT page loads) the seconds from navigation start to the page's performance marks:
first draw (the first timeline Plotly promise resolved), first paint, fully ready (table and
graph drawn); then the time one search takes. Target: first draw under 5 s.
"""
from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from timeline.model import EVENT_TYPES, MODALITIES, Event
from timeline.render import render_html

WORDS = ["the", "minister", "said", "talks", "would", "continue", "next", "week", "after", "officials", "met", "in", "the", "capital", "to", "discuss", "sanctions", "aid", "and", "a", "ceasefire", "proposal", "while", "critics", "warned", "of", "consequences"]


def synthetic_events(n: int, seed: int = 7) -> list[Event]:
    """`n` deterministic random events over 300 actors and n/20 articles, all precisions."""
    rng = random.Random(seed)
    actors = [f"Actor {i:03d}" for i in range(300)]
    events = []
    for i in range(n):
        y, m, d = rng.randint(2000, 2025), rng.randint(1, 12), rng.randint(1, 28)
        r = rng.random()
        if r < 0.7:
            date, prec, end = f"{y}-{m:02d}-{d:02d}", "day", None
        elif r < 0.85:
            date, prec, end = f"{y}-{m:02d}", "month", None
        elif r < 0.95:
            date, prec, end = f"{y}", "year", None
        elif r < 0.98:
            date, prec, end = f"{y}", "year", f"{min(2025, y + rng.randint(1, 4))}"
        else:
            date, prec, end = None, "unknown", None
        src, tgt = rng.sample(actors, 2)
        words = [rng.choice(WORDS) for _ in range(rng.randint(12, 35))]
        trig = rng.randrange(len(words))
        sentence = " ".join(words).capitalize() + "."
        tstart = len(" ".join(words[:trig])) + (1 if trig else 0)
        art = i // 20
        events.append(Event.from_dict({
            "id": f"ev{i:06d}", "type": rng.choice(EVENT_TYPES), "date": date, "date_end": end,
            "date_precision": prec, "date_text": date, "modality": rng.choice(MODALITIES),
            "source": [src], "target": [tgt], "actors": [src, tgt], "trigger": words[trig],
            "sentence": sentence, "sentence_index": i % 20, "char_start": 0, "char_end": len(sentence),
            "trigger_start": tstart, "trigger_end": tstart + len(words[trig]),
            "article_id": f"a{art:05d}", "article_title": f"Headline number {art} about diplomacy",
            "article_date": "2025-08-26", "article_source": f"https://news.example.org/a/{art}",
            "confidence": 0.7, "rule": "synthetic",
        }))
    return events


def synthetic_graph(events: list[Event]) -> dict:
    """A graph in graph.py's shape, built directly from the synthetic events."""
    import math
    from collections import Counter

    counts = Counter(a for e in events for a in e.actors)
    names = sorted(counts)
    nodes = [{"id": a, "label": a, "kind": "country", "country": None, "events": counts[a],
              "x": math.cos(2 * math.pi * k / len(names)), "y": math.sin(2 * math.pi * k / len(names)),
              "first_date": None, "last_date": None} for k, a in enumerate(names)]
    pairs = Counter((e.source[0], e.target[0]) for e in events)
    edges = [{"source": s, "target": t, "kind": "event", "weight": w, "types": f"meeting:{w}",
              "first_date": None, "last_date": None, "event_ids": "", "balance": 0.0}
             for (s, t), w in sorted(pairs.items()) if w >= 3]
    return {"nodes": nodes, "edges": edges}


MARKS = ("script-start", "data-parsed", "first-draw", "first-paint", "table", "ready")


def browser_seconds(path: Path, n: int) -> dict:
    """Open the page in headless Chromium (software WebGL: --disable-gpu) and time it.

    Returns seconds from navigation start to each `performance.mark` of page.js (MARKS:
    "first-draw" when the first timeline Plotly promise resolves, "first-paint" after the
    browser has painted that frame, "ready" when the table and the graph are drawn too), the
    marks drawn on the timeline, and the seconds a search takes to filter the table and redraw
    the timeline.
    """
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=[
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(path.as_uri(), timeout=300_000)
        page.wait_for_selector("body[data-ready='1']", timeout=300_000)
        out = page.evaluate("""(names) => Object.fromEntries(names.map(n => {
            const m = performance.getEntriesByName(n, 'mark')[0];
            return [n, m ? m.startTime / 1000 : null]; }))""", list(MARKS))
        out["marks drawn"] = page.evaluate("""() => document.getElementById('timeline').data
            .filter(t => t.meta.role === 'events').reduce((n, t) => n + t.x.length, 0)""")
        t = time.perf_counter()
        page.evaluate("""() => { const s = document.getElementById('f-search');
            s.value = 'ceasefire proposal'; s.dispatchEvent(new Event('input')); }""")
        page.wait_for_function(f"document.getElementById('p-info').textContent.indexOf('of {n} (') < 0 && "
                               "!document.getElementById('p-info').textContent.startsWith('loading')",
                               timeout=300_000)
        page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
        out["search"] = time.perf_counter() - t - 0.25  # minus the input's 250 ms debounce
        browser.close()
    return out


def load_average() -> str:
    """The 1, 5 and 15 minute load averages: timings on a shared 2-core machine mean little without them."""
    with open("/proc/loadavg") as f:
        return " ".join(f.read().split()[:3])


def main(n: int = 100_000, repeat: int = 3) -> None:
    load_before = load_average()
    events = synthetic_events(n)
    graph = synthetic_graph(events)
    t0 = time.perf_counter()
    html = render_html(events, graph, title=f"Benchmark: {n} synthetic events")
    render_s = time.perf_counter() - t0
    runs = []
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "timeline.html"
        path.write_text(html, encoding="utf-8")
        size_mb = path.stat().st_size / 1e6
        for _ in range(repeat):
            runs.append(browser_seconds(path, n))
            print("run:", {k: round(v, 2) if isinstance(v, float) else v for k, v in runs[-1].items()},
                  flush=True)
    med = {k: statistics.median(r[k] for r in runs) for k in (*MARKS, "search")}
    dated = sum(1 for e in events if e.date)
    load = f"{load_before} at the start, {load_average()} at the end"
    print(f"events: {n} ({dated} dated), graph: {len(graph['nodes'])} nodes, {len(graph['edges'])} edges")
    print(f"page size: {size_mb:.1f} MB; render_html: {render_s:.1f} s")
    print(f"median of {repeat} runs, seconds after navigation start (load average {load}):")
    print(f"  plotly.js and page script loaded {med['script-start']:.2f}, data parsed {med['data-parsed']:.2f}")
    print(f"  first draw {med['first-draw']:.2f}, first paint {med['first-paint']:.2f}, "
          f"table {med['table']:.2f}, fully ready (graph drawn) {med['ready']:.2f}")
    print(f"  marks drawn: {runs[0]['marks drawn']}")
    print(f"search 'ceasefire proposal' (filter + table + timeline redraw): {med['search']:.2f} s")
    print("target first draw < 5 s:", "met" if med["first-draw"] < 5 else "NOT met")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000, int(sys.argv[2]) if len(sys.argv) > 2 else 3)
