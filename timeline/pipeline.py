"""The order of stages: articles -> parsed paragraphs -> events -> graph and page."""
from __future__ import annotations

import functools
import itertools
import logging
import multiprocessing
import os
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from .dates import find_dates
from .errors import InputError
from .events import EventExtractor, load_triggers
from .export import (
    atomic_open,
    spool_events,
    write_actor_rows,
    write_datapackage,
    write_events_csv,
    write_events_jsonl,
    write_timelinejs,
)
from .ingest import read_articles
from .lexicon import load_lexicon
from .model import Article, Event
from .nlp import load_nlp, paragraphs, parse_texts, recognise_entities

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Options:
    """Run options, passed explicitly to every stage that needs one."""

    actors_file: str | None = None  # a user actor lexicon merged over the shipped one
    date: str | None = None  # publication date for articles that carry none
    workers: int = 1
    model: str | None = None  # spaCy model package; default: the first installed


# Articles parsed together in one `nlp.pipe` run, and sent to a worker as one task: large
# enough for spaCy to batch well, small enough that memory stays flat over a long input.
CHUNK = 32


def extract_article(article: Article, options: Options = Options()) -> list[Event]:
    """Extract the events of one article, in reading order."""
    return _extract_chunk([article], options)[0]


# A dispatcher runs the chunk extractor over chunks elsewhere (a cluster: `timeline.cluster`)
# and yields the results in the order of the chunks.
Dispatch = Callable[[Iterable[list[Article]], Callable[[list[Article]], list[list[Event]]]],
                    Iterator[list[list[Event]]]]


def extract_events(articles: Iterable[Article], options: Options = Options(),
                   dispatch: Dispatch | None = None) -> Iterator[Event]:
    """Extract events from articles; yields them article by article, in input order.

    Articles are read and parsed CHUNK at a time; with `options.workers` > 1 the chunks go
    to that many processes, and the events come back in the same order as with one. A
    `dispatch` (such as an open `timeline.cluster.Cluster`) sends them where it likes instead.
    """
    chunks = _chunks(articles, CHUNK)
    first = list(itertools.islice(chunks, 2))
    chunks = itertools.chain(first, chunks)
    if dispatch is not None:
        results = dispatch(chunks, functools.partial(_extract_chunk, options=options))
    elif options.workers > 1 and len(first) > 1:  # starting processes pays only beyond one chunk
        results = _parallel(chunks, options)
    else:
        results = (_extract_chunk(c, options) for c in chunks)
    for chunk in results:
        for events in chunk:
            yield from events


def _chunks(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    it = iter(items)
    while chunk := list(itertools.islice(it, size)):
        yield chunk


def _extract_chunk(articles: list[Article], options: Options) -> list[list[Event]]:
    """The events of each article of a chunk, its paragraphs parsed in one batch.

    The entity recogniser then reads only the sentences that need it (see
    `EventExtractor.needs_entities`): in a paragraph without an event, known names still
    feed coreference.
    """
    nlp = load_nlp(options.model)
    lexicon, triggers = load_lexicon(options.actors_file), load_triggers()
    items = [(k, offset, text) for k, a in enumerate(articles) for offset, text in paragraphs(a.text)]
    docs = parse_texts(nlp, [t for _, _, t in items])
    extractors = [EventExtractor(a, lexicon, triggers) for a in articles]
    recognise_entities(nlp, [s for (k, offset, _), doc in zip(items, docs) for s in doc.sents
                             if extractors[k].needs_entities(s, offset)])
    out: list[list[Event]] = [[] for _ in articles]
    for (k, offset, _), doc in zip(items, docs):
        out[k].extend(extractors[k].paragraph(doc, offset))
    return [extractor.finish(events) for extractor, events in zip(extractors, out)]


def _parallel(chunks: Iterable[list[Article]], options: Options) -> Iterator[list[list[Event]]]:
    """Chunks' results from `options.workers` processes, in input order, a few chunks ahead."""
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(options.workers, mp_context=context, initializer=_start_worker,
                             initargs=(options, os.getpid())) as pool:
        pending: deque = deque()
        for chunk in chunks:
            pending.append(pool.submit(_extract_chunk, chunk, options))
            if len(pending) >= 2 * options.workers:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()


def _start_worker(options: Options, parent: int) -> None:
    """Load the model and lexicons once per worker process, which ends when its parent does."""
    threading.Thread(target=_exit_with_parent, args=(parent,), daemon=True).start()
    load_nlp(options.model)
    load_lexicon(options.actors_file)
    load_triggers()


def _exit_with_parent(parent: int) -> None:
    # A worker waits on a queue whose writing end it holds itself: when the parent is killed
    # (SIGKILL leaves it no time to stop its pool) nothing else would ever end the worker.
    while os.getppid() == parent:
        time.sleep(1.0)
    os._exit(1)


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


def event_order(event: Event) -> tuple:
    """The sort key of `sort_events`: undated last, then date, article, position, type and id."""
    e = event
    return (e.date is None, e.date or "", e.article_id, e.char_start, e.trigger_start, e.type, e.id)


def sort_events(events: Iterable[Event]) -> list[Event]:
    """Events in a stable chronological order (undated last), ties by article and position."""
    return sorted(events, key=event_order)


def write_events(events: Iterable[Event], path: str | Path, fmt: str = "jsonl") -> int:
    """Write events to `path` atomically as JSONL or CSV; return how many were written."""
    with atomic_open(path) as f:
        return write_events_csv(events, f) if fmt == "csv" else write_events_jsonl(events, f)


def build(paths: Iterable[str | Path], out_dir: str | Path, options: Options = Options(),
          on_error: Callable[[InputError], None] | None = None, dispatch: Dispatch | None = None) -> int:
    """Run the whole job: events, graph exports and the HTML page under `out_dir`; return the event count."""
    return write_outputs(extract_events(read_inputs(paths, options, on_error), options, dispatch), out_dir)


def write_outputs(events: Iterable[Event], out_dir: str | Path) -> int:
    """Write events (sorted), merged events, the graph exports, datapackage.json and the HTML page under `out_dir`; return the event count.

    The events are read once, parked in a temporary file in `out_dir` (`spool_events`, removed
    afterwards) and read back, in the order each output needs, by one output at a time: memory
    holds the sort keys, the graph and the page's columns, never all the events.
    """
    from .graph import build_graph_with_actors, graph_data, with_metrics, write_graph_files
    from .merge import assign_clusters, write_merged_events
    from .render import write_html

    out = Path(out_dir)
    # clustering reads every event first: a first spool, then the events with their cluster ids
    with spool_events(events, out) as mentions, spool_events(assign_clusters(mentions), out, key=event_order) as spool:
        write_events(spool, out / "events.jsonl")
        write_events(spool, out / "events.csv", "csv")
        write_merged_events(spool, out / "merged_events.jsonl", out / "merged_events.csv")
        G, actor_rows = build_graph_with_actors(spool)
        write_graph_files(with_metrics(G), out)
        write_actor_rows(actor_rows, out / "actors.csv")
        write_datapackage(out)
        write_timelinejs(spool, out / "timelinejs.json")
        with atomic_open(out / "timeline.html") as f:
            write_html(spool, graph_data(G), f)
        return len(spool)
