"""The order of stages: articles -> parsed paragraphs -> events -> graph and page."""
from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .dates import find_dates
from .errors import InputError
from .events import EventExtractor, load_triggers
from .export import atomic_open, write_events_csv, write_events_jsonl, write_text
from .ingest import read_articles
from .lexicon import load_lexicon
from .model import Article, Event
from .nlp import load_nlp, paragraphs, parse_paragraphs

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Options:
    """Run options, passed explicitly to every stage that needs one."""

    actors_file: str | None = None  # a user actor lexicon merged over the shipped one
    date: str | None = None  # publication date for articles that carry none
    workers: int = 1
    model: str | None = None  # spaCy model package; default: the first installed


def extract_article(article: Article, options: Options = Options()) -> list[Event]:
    """Extract the events of one article, in reading order."""
    nlp = load_nlp(options.model)
    extractor = EventExtractor(article, load_lexicon(options.actors_file), load_triggers())
    events: list[Event] = []
    for offset, doc in parse_paragraphs(nlp, paragraphs(article.text)):
        events.extend(extractor.paragraph(doc, offset))
    return events


def extract_events(articles: Iterable[Article], options: Options = Options()) -> Iterator[Event]:
    """Extract events from articles; yields them article by article, in input order."""
    for article in articles:
        yield from extract_article(article, options)


def read_inputs(paths: Iterable[str | Path], options: Options = Options(),
                on_error: Callable[[InputError], None] | None = None) -> Iterator[Article]:
    """Read articles from files and folders (see `timeline.ingest.read_articles`)."""
    return read_articles(paths, date=options.date, on_error=on_error)


def article_dates(article: Article) -> list[dict]:
    """Every temporal expression of an article as the records of `timeline dates`."""
    return [
        {"article_id": article.id, "article_title": article.title, "text": t.text, "char_start": t.start,
         "char_end": t.end, "date": t.date, "date_end": t.date_end, "date_precision": t.precision}
        for t in find_dates(article.text, article.date)
    ]


def sort_events(events: Iterable[Event]) -> list[Event]:
    """Events in a stable chronological order (undated last), ties by article and position."""
    return sorted(events, key=lambda e: (e.date is None, e.date or "", e.article_id, e.char_start, e.trigger_start, e.type, e.id))


def write_events(events: Iterable[Event], path: str | Path, fmt: str = "jsonl") -> int:
    """Write events to `path` atomically as JSONL or CSV; return how many were written."""
    with atomic_open(path) as f:
        return write_events_csv(events, f) if fmt == "csv" else write_events_jsonl(events, f)


def build(paths: Iterable[str | Path], out_dir: str | Path, options: Options = Options(),
          on_error: Callable[[InputError], None] | None = None) -> list[Event]:
    """Run the whole job: events, graph exports and the HTML page under `out_dir`."""
    from .graph import build_graph, graph_data, write_graph_exports
    from .render import render_html

    out = Path(out_dir)
    events = sort_events(extract_events(read_inputs(paths, options, on_error), options))
    write_events(events, out / "events.jsonl")
    write_events(events, out / "events.csv", "csv")
    write_graph_exports(events, out)
    write_text(out / "timeline.html", render_html(events, graph_data(build_graph(events))))
    return events
