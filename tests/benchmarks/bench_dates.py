"""Benchmark of find_dates over the 118 MEANTIME articles.

Run explicitly (pytest skips benchmarks by default):

    .venv/bin/python -m pytest tests/benchmarks/bench_dates.py --benchmark-only

`test_bench_find_dates` measures a pass with warm caches (the usual case when a corpus repeats
expressions); `test_bench_find_dates_cold` clears the resolution caches before every pass.
Divide the reported time by the article count (118) for ms/article.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from timeline import dates

ARTICLES = Path(__file__).resolve().parents[2].parent / "shared" / "eval" / "dates" / "meantime" / "articles.jsonl"


@pytest.fixture(scope="module")
def articles():
    if not ARTICLES.exists():
        pytest.skip(f"{ARTICLES} not found")
    rows = [json.loads(line) for line in ARTICLES.open(encoding="utf-8") if line.strip()]
    dates.find_dates(rows[0]["text"], rows[0]["date"])  # load dateparser's language data once
    dates.resolve_date("7/8/07", None)
    return rows


def _run(articles):
    return sum(len(dates.find_dates(a["text"], a["date"])) for a in articles)


def test_bench_find_dates(benchmark, articles):
    found = benchmark(_run, articles)
    assert found > len(articles)


def test_bench_find_dates_cold(benchmark, articles):
    def cold():
        dates.resolve_date.cache_clear()
        dates._resolve_match.cache_clear()
        return _run(articles)

    found = benchmark(cold)
    assert found > len(articles)
