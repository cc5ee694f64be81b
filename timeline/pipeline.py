"""The order of stages: articles -> parsed paragraphs -> events -> graph and page."""
from __future__ import annotations

import contextlib
import dataclasses
import functools
import itertools
import logging
import multiprocessing
import multiprocessing.connection
import os
import pickle
import signal
import threading
import traceback
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .dates import find_dates, range_parts
from .errors import InputError
from .events import EventExtractor, load_triggers, without_dateline
from .export import (
    atomic_folder,
    atomic_open,
    iso_date_ok,
    parquet_available,
    spool_events,
    write_actor_rows,
    write_datapackage,
    write_events_csv,
    write_events_jsonl,
    write_events_parquet,
    write_timelinejs,
)
from .ingest import InputFile, list_inputs as _list_inputs, read_articles, read_input_file, split_input
from .lexicon import load_lexicon
from .model import Article, Event
from .nlp import load_nlp, paragraphs, parse_texts, recognise_entities
from .sectors import with_sectors
from .syntax import present_timetable

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
# A chunk holds at most this many characters of text (one article longer than that alone), and
# its paragraphs are parsed this many characters at a time: a worker holds the parses of one
# group, whatever the articles' length (one article of 2,000,000 characters took 1.2 GB at once).
CHUNK_CHARS = 1_000_000
PARSE_CHARS = 100_000
# A partition of the inputs, read and extracted by one Dask task, holds at most CHUNK files and
# about this many bytes; a JSONL or CSV file larger than that is cut into spans of its records.
PARTITION_BYTES = 64 * 1024


def extract_article(article: Article, options: Options = Options()) -> list[Event]:
    """Extract the events of one article, in reading order (an `InputError` if that fails)."""
    events = _extract_chunk([article], options)[0]
    if isinstance(events, InputError):
        raise events
    return events


# A dispatcher runs a function over tasks elsewhere (a cluster: `timeline.cluster`) and yields
# the results in the order of the tasks: chunks of articles (`extract_events`), or partitions of
# the input files (`extract_listed`).
Dispatch = Callable[[Iterable, Callable], Iterator]


def extract_events(articles: Iterable[Article], options: Options = Options(),
                   dispatch: Dispatch | None = None,
                   on_error: Callable[[InputError], None] | None = None) -> Iterator[Event]:
    """Extract events from articles; yields them article by article, in input order.

    Articles are read and parsed CHUNK at a time; with `options.workers` > 1 the chunks go
    to that many processes, and the events come back in the same order as with one. A
    `dispatch` (such as an open `timeline.cluster.Cluster`) sends them where it likes instead.
    A chunk whose worker process dies twice is lost: an InputError naming its articles goes
    to `on_error` (else a warning to the log).
    """
    chunks = _chunks(articles, CHUNK)
    first = list(itertools.islice(chunks, 2))
    chunks = itertools.chain(first, chunks)
    if dispatch is not None:
        results = dispatch(chunks, functools.partial(_extract_chunk, options=options))
    elif options.workers > 1 and len(first) > 1:  # starting processes pays only beyond one chunk
        results = _parallel(chunks, options, on_error)
    else:
        results = (_extract_chunk(c, options) for c in chunks)
    for chunk in results:
        for events in chunk:
            if isinstance(events, list):
                yield from events
            elif on_error is not None:
                on_error(events)
            else:
                log.warning("%s", events)


def _chunks(items: Iterable[Article], size: int, chars: int = CHUNK_CHARS) -> Iterator[list[Article]]:
    """Lists of at most `size` articles and about `chars` characters (a longer article alone)."""
    chunk: list[Article] = []
    total = 0
    for article in items:
        if chunk and (len(chunk) >= size or total + len(article.text) > chars):
            yield chunk
            chunk, total = [], 0
        chunk.append(article)
        total += len(article.text)
    if chunk:
        yield chunk


def _groups(items: Iterable[tuple[int, int, str]], chars: int) -> Iterator[list[tuple[int, int, str]]]:
    """(article, offset, paragraph) items in runs of about `chars` characters, in order."""
    group: list[tuple[int, int, str]] = []
    total = 0
    for item in items:
        group.append(item)
        total += len(item[2])
        if total >= chars:
            yield group
            group, total = [], 0
    if group:
        yield group


def _extract_chunk(articles: list[Article], options: Options) -> list[list[Event] | InputError]:
    """The events of each article of a chunk, its paragraphs parsed PARSE_CHARS characters at a time.

    The entity recogniser then reads only the sentences that need it (see
    `EventExtractor.needs_entities`): in a paragraph without an event, known names still
    feed coreference. The parses live in spaCy's memory zone, so the words they add to the
    vocabulary go with them and a worker stays flat over a long run. An article whose
    extraction raises (a bug its text sets off) costs only itself: an `InputError` naming it
    stands in its place.
    """
    nlp = load_nlp(options.model)
    lexicon, triggers = load_lexicon(options.actors_file), load_triggers()
    zone = nlp.memory_zone() if hasattr(nlp, "memory_zone") else contextlib.nullcontext()
    with zone:
        extractors = [EventExtractor(a, lexicon, triggers) for a in articles]
        out: list[list[Event] | InputError] = [[] for _ in articles]
        items = ((k, offset, without_dateline(text) if n == 0 else text) for k, a in enumerate(articles)
                 for n, (offset, text) in enumerate(paragraphs(a.text)))
        for group in _groups(items, PARSE_CHARS):
            docs = parse_texts(nlp, [t for _, _, t in group])
            recognise_entities(nlp, [s for (k, offset, _), doc in zip(group, docs) for s in doc.sents
                                     if extractors[k].needs_entities(s, offset)])
            for (k, offset, _), doc in zip(group, docs):
                if isinstance(events := out[k], list):
                    out[k] = _guarded(articles[k], _read_paragraph, extractors[k], events, doc, offset)
            del docs
        for k, events in enumerate(out):
            if isinstance(events, list):
                out[k] = _guarded(articles[k], _finished, extractors[k], events, lexicon)
        return out


def _read_paragraph(extractor: EventExtractor, events: list[Event], doc, offset: int) -> list[Event]:
    events.extend(extractor.paragraph(doc, offset))
    return events


def _finished(extractor: EventExtractor, events: list[Event], lexicon) -> list[Event]:
    return [with_sectors(_checked_dates(e), lexicon) for e in extractor.finish(events)]


def _guarded(article: Article, step: Callable[..., list[Event]], *args) -> list[Event] | InputError:
    """One step of one article's extraction, or the error that names the article if it raised."""
    try:
        return step(*args)
    except Exception as exc:  # noqa: BLE001 - a bug set off by hostile text must not cost the batch
        log.debug("extraction of %s failed", article.id, exc_info=True)
        return InputError(f"article {article.id!r} skipped, its extraction failed: {type(exc).__name__}: {exc}",
                          path=article.source or None)


def _checked_dates(event: Event) -> Event:
    """The event without a date that is not ISO with a 4-digit year ("3000 years ago" is "-975")."""
    if event.date_end and not iso_date_ok(event.date_end):
        event = dataclasses.replace(event, date_end=None)
    if event.date and not iso_date_ok(event.date):
        log.debug("%s: date %r of event %s dropped", event.article_source, event.date, event.id)
        event = dataclasses.replace(event, date=None, date_end=None, date_precision="unknown", date_text=None,
                                    date_basis="none")
    return event


def _parallel(chunks: Iterable[list[Article]], options: Options,
              on_error: Callable[[InputError], None] | None = None) -> Iterator[list[list[Event]]]:
    """Chunks' results from `options.workers` processes, in input order, a few chunks ahead.

    A worker that dies (the kernel's OOM killer, a SIGKILL) is replaced, and its chunk is tried
    once more in the fresh worker; a chunk that kills its second worker too gives no events, and
    an InputError naming its articles goes to `on_error` (else to the log). An error raised in a
    worker is raised here. No standard pool is used: `ProcessPoolExecutor` loses the whole run
    to a dead worker (BrokenProcessPool), and with some Pythons (Debian's 3.11.2) hangs for ever.
    """
    context = multiprocessing.get_context("spawn")
    pool = _Pool(context, options)
    source = enumerate(chunks)
    exhausted, next_out = False, 0
    try:
        while True:
            while not exhausted and len(pool.tasks) + len(pool.done) < 2 * options.workers:
                item = next(source, None)
                if item is None:
                    exhausted = True
                else:
                    pool.add(*item)
            while next_out in pool.done:
                yield pool.done.pop(next_out)
                next_out += 1
            if exhausted and not pool.tasks and not pool.done:
                return
            for chunk in pool.step():
                _report_lost_chunk(chunk, on_error)
    finally:
        pool.close()


def _report_lost_chunk(chunk: list[Article], on_error: Callable[[InputError], None] | None) -> None:
    shown = ", ".join(f"{a.id} ({a.source})" for a in chunk[:5])
    more = f" and {len(chunk) - 5} more" if len(chunk) > 5 else ""
    error = InputError(f"{len(chunk)} article(s), their worker died twice (killed, or out of memory): "
                       f"{shown}{more}")
    if on_error is None:
        log.warning("%s", error)
    else:
        on_error(error)


class _Pool:
    """Worker processes, the chunks they are given (`tasks`) and the results back (`done`), by chunk number."""

    def __init__(self, context, options: Options):
        self.context, self.options = context, options
        self.workers: list[_Worker] = []
        self.waiting: deque[int] = deque()  # chunk numbers without a worker; a retry goes first
        self.tasks: dict[int, list[Article]] = {}
        self.tries: dict[int, int] = {}
        self.done: dict[int, list[list[Event]]] = {}

    def add(self, seq: int, chunk: list[Article]) -> None:
        self.tasks[seq] = chunk
        self.waiting.append(seq)

    def step(self) -> list[list[Article]]:
        """Give waiting chunks to idle (or new) workers, wait for one to finish or die; return the chunks lost."""
        lost: list[list[Article]] = []
        while self.waiting and len(self.workers) < self.options.workers:
            self.workers.append(_Worker(self.context, self.options))  # all start loading the model at once
        for w in list(self.workers):
            if w.task is None and self.waiting:
                seq = self.waiting.popleft()
                if not w.send(seq, self.tasks[seq]):
                    lost += self._died(w)
        busy = [w for w in self.workers if w.task is not None]
        if not busy:  # every send found its worker dead: the chunks wait for fresh ones
            return lost
        ready = multiprocessing.connection.wait([w.conn for w in busy] + [w.process.sentinel for w in busy])
        for w in busy:
            if w.conn in ready or w.process.sentinel in ready:
                reply = w.receive()
                if reply is None:
                    lost += self._died(w)
                elif reply[0] == "error":
                    raise reply[1]
                else:
                    seq, result = reply[1]
                    self.done[seq] = result
                    del self.tasks[seq]
                    w.task = None
        return lost

    def _died(self, worker: _Worker) -> list[list[Article]]:
        """Forget a dead worker; its chunk waits for a fresh one, or is lost at its second death."""
        self.workers.remove(worker)
        worker.close(kill=True)
        seq = worker.task
        if seq is None:
            return []
        self.tries[seq] = self.tries.get(seq, 0) + 1
        if self.tries[seq] < 2:
            log.debug("worker %s died on chunk %d; retried in a fresh worker", worker.process.pid, seq)
            self.waiting.appendleft(seq)
            return []
        chunk = self.tasks.pop(seq)
        self.done[seq] = [[] for _ in chunk]
        return [chunk]

    def close(self) -> None:
        for w in self.workers:
            w.close()
        self.workers = []


class _Worker:
    """One worker process, the pipe to it, and the number of the chunk it works on (None: idle)."""

    def __init__(self, context, options: Options):
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_work, args=(child, options, os.getpid()), daemon=True)
        self.process.start()
        child.close()
        self.task: int | None = None

    def send(self, seq: int, chunk: list[Article]) -> bool:
        """Give the worker a chunk; False when it is dead."""
        self.task = seq
        try:
            self.conn.send((seq, chunk))
        except OSError:  # a broken pipe: it died
            return False
        return True

    def receive(self) -> tuple | None:
        """The worker's reply, None when it died without one."""
        try:
            if self.conn.poll():
                return self.conn.recv()
        except (EOFError, OSError):
            pass
        return None

    def close(self, kill: bool = False) -> None:
        if not kill:
            with contextlib.suppress(OSError):
                self.conn.send(None)
            self.process.join(5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join(5)
        self.conn.close()


def _work(conn, options: Options, parent: int) -> None:
    """A worker process: load the model, then extract each chunk received until None."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle: it stops us
    try:
        _start_worker(options, parent)
        while (task := conn.recv()) is not None:
            seq, chunk = task
            conn.send(("done", (seq, _extract_chunk(chunk, options))))
    except EOFError:  # the parent is gone
        return
    except Exception as e:  # noqa: BLE001 - a process's top level: the parent raises it again
        conn.send(("error", _portable(e)))


def _portable(error: Exception) -> Exception:
    """`error` if it survives pickling, else a RuntimeError carrying its traceback."""
    try:
        pickle.loads(pickle.dumps(error))
    except Exception:  # noqa: BLE001 - any failure to pickle means: send the text instead
        return RuntimeError("in a worker process:\n" + "".join(traceback.format_exception(error)))
    return error


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


def list_inputs(paths: Iterable[str | Path], options: Options = Options()) -> Iterator[InputFile | InputError]:
    """The files to read for `paths`, with their sizes (see `timeline.ingest.list_inputs`).

    Raises:
        InputError: at once, when a path does not exist or a URL cannot be listed.
    """
    return _list_inputs(paths, date=options.date)


def partition_inputs(entries: Iterable[InputFile | InputError], size: int | None = None,
                     files: int = CHUNK) -> Iterator[list[InputFile | InputError]]:
    """Listed inputs in runs of at most `files` files and about `size` bytes, in order.

    A JSONL or CSV file larger than `size` is cut into spans of its records (`ingest.split_input`),
    so that one large file spreads over the workers; a larger text or HTML file is alone. The
    errors of the listing stay in their place. `size` defaults to PARTITION_BYTES.
    """
    size = size or PARTITION_BYTES
    part: list[InputFile | InputError] = []
    total = 0
    for entry in entries:
        for piece in split_input(entry, size) if isinstance(entry, InputFile) else [entry]:
            length = _length(piece)
            if part and (len(part) >= files or total + length > size):
                yield part
                part, total = [], 0
            part.append(piece)
            total += length
    if part:
        yield part


def _length(entry: InputFile | InputError) -> int:
    if isinstance(entry, InputError):
        return 0
    return (entry.size if entry.end is None else entry.end) - entry.start


@dataclass(frozen=True, slots=True)
class LogNote:
    """A message logged where a partition was read (a Dask worker), to be logged again by the driver."""

    logger: str
    level: int
    message: str


# What `extract_partition` returns, in input order: the errors of bad inputs, the messages logged,
# and the events of each article (a list).
PartitionItem = InputError | LogNote | list[Event]


def extract_partition(partition: list[InputFile | InputError], options: Options = Options()) -> list[PartitionItem]:
    """Read the files of a partition and extract their events, where this runs (a Dask worker).

    Args:
        partition: files (or spans of files) and listing errors, from `partition_inputs`.
        options: the run's options.

    Returns:
        In input order: an `InputError` for each bad file or record, a `LogNote` for each
        warning logged while reading, and the list of events of each article read.
    """
    items: list[InputError | LogNote | Article] = []
    articles: list[Article] = []
    with _notes_to(items):
        for entry in partition:
            if isinstance(entry, InputError):
                items.append(entry)
                continue
            for article in read_input_file(entry, options.date, items.append):
                items.append(article)
                articles.append(article)
        events = iter([e for chunk in _chunks(articles, CHUNK) for e in _extract_chunk(chunk, options)])
    return [next(events) if isinstance(item, Article) else item for item in items]


class _Notes(logging.Handler):
    """Warnings of this package logged by this thread, appended to a list as `LogNote`s."""

    def __init__(self, items: list):
        super().__init__(logging.WARNING)
        self.items, self.thread = items, threading.get_ident()

    def emit(self, record: logging.LogRecord) -> None:
        if record.thread == self.thread:
            self.items.append(LogNote(record.name, record.levelno, record.getMessage()))


@contextlib.contextmanager
def _notes_to(items: list) -> Iterator[None]:
    handler, package = _Notes(items), logging.getLogger(__name__.partition(".")[0])
    package.addHandler(handler)
    try:
        yield
    finally:
        package.removeHandler(handler)


def extract_listed(entries: Iterable[InputFile | InputError], options: Options, dispatch: Dispatch,
                   on_error: Callable[[InputError], None] | None = None) -> Iterator[list[Event]]:
    """The events of each article of listed inputs, read and extracted by `dispatch`, in input order.

    The inputs go out in partitions (`partition_inputs`), each read and extracted where
    `dispatch` runs it (`extract_partition` on a Dask worker: the inputs must be readable
    there). Errors of bad inputs go to `on_error` (None: raised) and warnings to the log, here,
    in input order.
    """
    partitions = partition_inputs(entries)
    for result in dispatch(partitions, functools.partial(extract_partition, options=options)):
        for item in result:
            if isinstance(item, list):
                yield item
            elif isinstance(item, LogNote):
                logging.getLogger(item.logger).log(item.level, "%s", item.message)
            elif on_error is None:
                raise item
            else:
                on_error(item)


def article_dates(article: Article) -> list[dict]:
    """Every temporal expression of an article as the records of `timeline dates`.

    A date that is not ISO with a 4-digit year ("3000 years ago") is left out (null). A range of
    days is two expressions, as TimeML writes it ("Jan. 26-27": "Jan. 26" and "27").
    """
    rows = []
    found = find_dates(article.text, article.date, present_timetable(load_nlp()))
    for t in (part for timex in found for part in range_parts(timex)):
        ok = all(not d or iso_date_ok(d) for d in (t.date, t.date_end))
        rows.append({"article_id": article.id, "article_title": article.title, "text": t.text, "char_start": t.start,
                     "char_end": t.end, "date": t.date if ok else None, "date_end": t.date_end if ok else None,
                     "date_precision": t.precision if ok else "unknown"})
    return rows


def event_order(event: Event) -> tuple:
    """The sort key of `sort_events`: undated last, then date, article, position, type and id."""
    e = event
    return (e.date is None, e.date or "", e.article_id, e.char_start, e.trigger_start, e.type, e.id)


def sort_events(events: Iterable[Event]) -> list[Event]:
    """Events in a stable chronological order (undated last), ties by article and position."""
    return sorted(events, key=event_order)


def write_events(events: Iterable[Event], path: str | Path, fmt: str = "jsonl") -> int:
    """Write events to `path` atomically as JSONL, CSV or Parquet (which needs pyarrow); return how many were written."""
    if fmt == "parquet":
        return write_events_parquet(events, path)
    with atomic_open(path) as f:
        return write_events_csv(events, f) if fmt == "csv" else write_events_jsonl(events, f)


def build(paths: Iterable[str | Path], out_dir: str | Path, options: Options = Options(),
          on_error: Callable[[InputError], None] | None = None, dispatch: Dispatch | None = None) -> int:
    """Run the whole job: events, graph exports and the HTML page under `out_dir`; return the event count.

    With a `dispatch` (an open `timeline.cluster.Cluster`) the inputs are only listed here, and
    read and extracted where it runs (`extract_listed`).
    """
    if dispatch is not None:
        events = itertools.chain.from_iterable(extract_listed(list_inputs(paths, options), options, dispatch, on_error))
    else:
        events = extract_events(read_inputs(paths, options, on_error), options, None, on_error)
    return write_outputs(events, out_dir)


def write_outputs(events: Iterable[Event], out_dir: str | Path) -> int:
    """Write events (sorted), merged events, the graph exports, datapackage.json and the HTML page under `out_dir`; return the event count.

    events.parquet is written too when pyarrow is installed (and a stale one removed when not).

    The events are read once, parked in a temporary file (`spool_events`, removed afterwards)
    and read back, in the order each output needs, by one output at a time: memory holds the
    sort keys, the graph and the page's columns, never all the events. The files are written
    into a temporary folder beside `out_dir` that then replaces it as a whole
    (`export.atomic_folder`): an interrupted build leaves the previous set of outputs.
    """
    with atomic_folder(out_dir, owned=("events.parquet",)) as out:
        return _write_output_files(events, out)


def _write_output_files(events: Iterable[Event], out: Path) -> int:
    """Every output file of `write_outputs` in the folder `out`; return the event count."""
    from .graph import build_graph_with_actors, graph_data, with_metrics, write_graph_files
    from .merge import assign_clusters, write_merged_events
    from .render import write_html

    # clustering reads every event first: a first spool, then the events with their cluster ids
    with spool_events(events, out) as mentions, spool_events(assign_clusters(mentions), out, key=event_order) as spool:
        write_events(spool, out / "events.jsonl")
        write_events(spool, out / "events.csv", "csv")
        if parquet_available():  # an optional extra: without pyarrow, no events.parquet
            write_events(spool, out / "events.parquet", "parquet")
        write_merged_events(spool, out / "merged_events.jsonl", out / "merged_events.csv")
        G, actor_rows = build_graph_with_actors(spool)
        write_graph_files(with_metrics(G), out)
        write_actor_rows(actor_rows, out / "actors.csv")
        write_datapackage(out)
        write_timelinejs(spool, out / "timelinejs.json")
        with atomic_open(out / "timeline.html") as f:
            write_html(spool, graph_data(G), f)
        return len(spool)
