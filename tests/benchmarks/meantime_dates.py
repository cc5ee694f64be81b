"""Predict dates for the MEANTIME articles and, when the scorer is there, score them.

    python tests/benchmarks/meantime_dates.py [OUT.jsonl]

Reads ../shared/eval/dates/meantime/articles.jsonl (relative to the repository), writes one
JSONL row per expression found ({article_id, article_title, text, char_start, char_end, date,
date_end, date_precision}) to OUT (default /tmp/d.jsonl), then runs ../shared/eval/score_dates.py
with --details. Exits cleanly with a message when the shared data is absent.
"""
from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

from timeline.dates import find_dates

REPO = Path(__file__).resolve().parents[2]
MEANTIME = REPO.parent / "shared" / "eval" / "dates" / "meantime"
SCORER = REPO.parent / "shared" / "eval" / "score_dates.py"


def main(argv: list[str]) -> int:
    articles_path = MEANTIME / "articles.jsonl"
    if not articles_path.exists():
        print(f"skipped: {articles_path} not found")
        return 0
    out = Path(argv[0]) if argv else Path("/tmp/d.jsonl")
    articles = [json.loads(line) for line in articles_path.open(encoding="utf-8") if line.strip()]
    started = time.perf_counter()
    rows = []
    for article in articles:
        for t in find_dates(article["text"], article["date"]):
            rows.append({"article_id": article["id"], "article_title": article["title"], "text": t.text,
                         "char_start": t.start, "char_end": t.end, "date": t.date, "date_end": t.date_end,
                         "date_precision": t.precision})
    elapsed = time.perf_counter() - started
    with out.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{len(articles)} articles, {len(rows)} expressions, {1000 * elapsed / len(articles):.2f} ms/article "
          f"(cold caches) -> {out}")
    if SCORER.exists():
        return subprocess.call([sys.executable, str(SCORER), str(out), str(MEANTIME / "gold_dates.jsonl"),
                                "--spans", str(MEANTIME / "timex_spans.jsonl"), "--details"])
    print(f"scorer {SCORER} not found; predictions only")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
