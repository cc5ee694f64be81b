"""Event files: JSONL and CSV writers and readers, and atomic writes for every output."""
from __future__ import annotations

import csv
import io
import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from .errors import InputError, OutputError
from .model import EVENT_FIELDS, LIST_FIELDS, Event


@contextmanager
def atomic_open(path: str | os.PathLike, mode: str = "w", encoding: str | None = "utf-8"):
    """Open a temporary file beside `path`; on success rename it into place, else remove it.

    An interrupted run therefore leaves the previous file whole, never a partial one.
    """
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as e:
        raise OutputError(f"cannot write: {e.strerror or e}", path=str(path)) from e
    kwargs = {"encoding": encoding, "newline": ""} if "b" not in mode else {}
    try:
        with os.fdopen(fd, mode, **kwargs) as f:
            yield f
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def write_text(path: str | os.PathLike, text: str) -> None:
    """Write `text` to `path` atomically."""
    with atomic_open(path) as f:
        f.write(text)


def event_to_json(event: Event) -> str:
    """One event as one JSON line (keys in contract order)."""
    return json.dumps(event.to_dict(), ensure_ascii=False)


def event_to_row(event: Event) -> dict:
    """One event as a flat CSV row, list fields joined by `;`."""
    d = event.to_dict()
    return {k: (";".join(d[k]) if k in LIST_FIELDS else ("" if d[k] is None else d[k])) for k in EVENT_FIELDS}


def write_events_jsonl(events: Iterable[Event], f) -> int:
    """Write events as JSONL to an open text file; return how many were written."""
    n = 0
    for e in events:
        f.write(event_to_json(e) + "\n")
        n += 1
    return n


def write_events_csv(events: Iterable[Event], f) -> int:
    """Write events as CSV (header row, list fields `;`-joined) to an open text file."""
    w = csv.DictWriter(f, fieldnames=list(EVENT_FIELDS), lineterminator="\n")
    w.writeheader()
    n = 0
    for e in events:
        w.writerow(event_to_row(e))
        n += 1
    return n


def read_events(path: str | os.PathLike) -> Iterator[Event]:
    """Read events back from a JSONL file written by `write_events_jsonl`."""
    try:
        f = open(path, encoding="utf-8")
    except OSError as e:
        raise InputError(f"cannot read: {e.strerror or e}", path=str(path)) from e
    with f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                d = json.loads(line)
            except json.JSONDecodeError as e:
                raise InputError(f"not JSON: {e.msg}", path=str(path), position=n) from e
            if not isinstance(d, dict):
                raise InputError("not a JSON object", path=str(path), position=n)
            yield Event.from_dict(d)


def read_events_csv(path: str | os.PathLike) -> Iterator[Event]:
    """Read events back from a CSV file written by `write_events_csv`."""
    with open(path, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            d = {k: (None if v == "" and k not in LIST_FIELDS else v) for k, v in row.items()}
            for k in ("sentence_index", "char_start", "char_end", "trigger_start", "trigger_end"):
                d[k] = int(d[k] or 0)
            d["confidence"] = float(d["confidence"] or 0)
            yield Event.from_dict(d)


def events_to_csv_text(events: Iterable[Event]) -> str:
    """The CSV form of `events` as a string."""
    buf = io.StringIO()
    write_events_csv(events, buf)
    return buf.getvalue()
