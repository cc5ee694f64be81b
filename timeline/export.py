"""Event files: JSONL and CSV writers and readers, and atomic writes for every output."""
from __future__ import annotations

import csv
import io
import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
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
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; outputs get the usual mode
        with os.fdopen(fd, mode, **kwargs) as f:
            yield f
        os.replace(tmp, path)
    except BaseException:
        with suppress(OSError):
            os.unlink(tmp)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


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


def iter_jsonl(path: str | os.PathLike) -> Iterator[tuple[int, dict]]:
    """(line number, object) for each non-blank line of a JSONL file; InputError names the line."""
    try:
        f = open(path, encoding="utf-8")  # noqa: SIM115 - closed by the `with` below; open errors are ours
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
            yield n, d


def read_events(path: str | os.PathLike) -> Iterator[Event]:
    """Read events back from a JSONL file written by `write_events_jsonl`."""
    for _, d in iter_jsonl(path):
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


def actor_rows(events: Iterable[Event]) -> list[dict]:
    """One summary row per actor of `events`, sorted by name (the rows of actors.csv).

    Each row: `name`, `kind` and `country` (the most frequent across events; kind "unknown"
    when no event says), `aliases` (texts as found, unique, sorted, `|`-joined), `events`,
    `as_source`, `as_target`, `first_date`, `last_date` (ISO at precision, "" if undated) and
    `types` (event counts like "meeting:2;talks:1").

    >>> e = Event.from_dict({"id": "e1", "type": "call", "date": "2025-08", "source": ["A"],
    ...     "actors": ["A"], "actor_kinds": ["person"], "actor_countries": ["USA"], "actor_texts": ["Mr A"]})
    >>> r = actor_rows([e])[0]
    >>> r["name"], r["kind"], r["country"], r["aliases"], r["as_source"], r["types"]
    ('A', 'person', 'USA', 'Mr A', 1, 'call:1')
    """
    from collections import Counter, defaultdict

    from .model import ACTOR_KINDS

    kinds: dict[str, Counter] = defaultdict(Counter)
    countries: dict[str, Counter] = defaultdict(Counter)
    aliases: dict[str, set] = defaultdict(set)
    types: dict[str, Counter] = defaultdict(Counter)
    ids: dict[str, set] = defaultdict(set)
    as_source: Counter = Counter()
    as_target: Counter = Counter()
    starts: dict[str, list] = defaultdict(list)
    ends: dict[str, list] = defaultdict(list)
    for e in events:
        for i, name in enumerate(e.actors):
            if i < len(e.actor_kinds) and e.actor_kinds[i]:
                kinds[name][e.actor_kinds[i]] += 1
            if i < len(e.actor_countries) and e.actor_countries[i]:
                countries[name][e.actor_countries[i]] += 1
            if i < len(e.actor_texts) and e.actor_texts[i]:
                aliases[name].add(e.actor_texts[i])
        for name in dict.fromkeys([*e.actors, *e.source, *e.target]):
            if name in ids and e.id in ids[name]:
                continue
            ids[name].add(e.id)
            types[name][e.type] += 1
            as_source[name] += name in e.source
            as_target[name] += name in e.target
            if e.date:
                starts[name].append(e.date)
                ends[name].append(e.date_end or e.date)
    order = {k: i for i, k in enumerate(ACTOR_KINDS)}

    def most_common(c: Counter, rank) -> str:
        return min(c.items(), key=lambda kv: (-kv[1], rank(kv[0])))[0] if c else ""

    return [
        {
            "name": name,
            "kind": most_common(kinds[name], lambda k: (order.get(k, len(order)), k)) or "unknown",
            "country": most_common(countries[name], lambda c: c),
            "aliases": "|".join(sorted(aliases[name])),
            "events": len(ids[name]),
            "as_source": as_source[name],
            "as_target": as_target[name],
            "first_date": min(starts[name], default=""),
            "last_date": max(ends[name], default=""),
            "types": ";".join(f"{t}:{n}" for t, n in sorted(types[name].items(), key=lambda tn: (-tn[1], tn[0]))),
        }
        for name in sorted(ids)
    ]


def write_actors_csv(events: Iterable[Event], path: str | os.PathLike) -> int:
    """Write actors.csv (one row per actor, see `actor_rows`) to `path` atomically; return the row count."""
    rows = actor_rows(events)
    columns = ["name", "kind", "country", "aliases", "events", "as_source", "as_target",
               "first_date", "last_date", "types"]
    with atomic_open(path) as f:
        w = csv.DictWriter(f, fieldnames=columns, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    return len(rows)


def timelinejs_data(events: Iterable[Event], title: str = "Diplomatic events") -> dict:
    """The events as TimelineJS3 JSON data (https://timeline.knightlab.com/docs/json-format.html).

    One slide per dated event, in date order: `start_date` (and `end_date` for a range) as
    `{"year", "month"?, "day"?}` strings at the event's precision, `text` with a headline
    ("type: actors") and the sentence with its article as HTML (escaped, since TimelineJS renders
    HTML), `group` the event type and `unique_id` the event id. Undated events are left out.

    >>> d = timelinejs_data([Event.from_dict({"id": "e1", "type": "talks", "date": "2025-08-25",
    ...     "actors": ["A", "B"], "sentence": "A & B <met>."})])
    >>> d["events"][0]["start_date"], d["events"][0]["text"]["headline"]
    ({'year': '2025', 'month': '8', 'day': '25'}, 'talks: A, B')
    """
    import html
    import re

    def tl_date(iso: str | None) -> dict | None:
        m = re.fullmatch(r"(-?\d{1,4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?", iso or "")
        if not m:
            return None
        keys = ("year", "month", "day")
        return {k: str(int(v)) for k, v in zip(keys, m.groups()) if v is not None}

    slides = []
    articles = set()
    for e in events:
        start = tl_date(e.date)
        if start is None:
            continue
        articles.add(e.article_id)
        actors = list(dict.fromkeys([*e.actors, *e.source, *e.target]))
        headline = f"{e.type}: {', '.join(actors)}" if actors else e.type
        if e.modality != "occurred":
            headline += f" ({e.modality})"
        body = f"<p>{html.escape(e.sentence)}</p>" if e.sentence else ""
        source = e.article_title or e.article_source
        if source:
            if e.article_url and re.match(r"https?://", e.article_url):
                link = f'<a href="{html.escape(e.article_url)}">{html.escape(source)}</a>'
            else:
                link = html.escape(source)
            body += f"<p>{link}" + (f" ({html.escape(e.article_date)})" if e.article_date else "") + "</p>"
        slide = {"start_date": start}
        end = tl_date(e.date_end)
        if end is not None and e.date_end != e.date:
            slide["end_date"] = end
        slide.update({
            "text": {"headline": html.escape(headline), "text": body},
            "group": e.type,
            "unique_id": e.id,
        })
        slides.append((e.date, e.id, slide))
    slides.sort(key=lambda t: (t[0], t[1]))
    return {
        "title": {"text": {
            "headline": html.escape(title),
            "text": f"<p>{len(slides)} events from {len(articles)} articles</p>",
        }},
        "events": [s for _, _, s in slides],
    }


def write_timelinejs(events: Iterable[Event], path: str | os.PathLike, title: str = "Diplomatic events") -> int:
    """Write `timelinejs_data(events)` as JSON to `path` atomically; return the number of slides."""
    data = timelinejs_data(events, title)
    write_text(path, json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n")
    return len(data["events"])
