"""The `timeline` command: a thin layer over the library API.

Exit status: 0 when every input was used, 1 when some input was skipped (each named in a
one-line warning on stderr) or there was no input at all, 2 for a usage error such as a path
that does not exist (and for a skipped input with --strict).
"""
from __future__ import annotations

import contextlib
import itertools
import json
import logging
import os
import re
import sys
import time
from pathlib import Path

import click

from . import pipeline
from .errors import InputError, TimelineError
from .export import atomic_open, read_events, write_events_csv, write_events_jsonl

EXIT_SKIPPED = 1
EXIT_USAGE = 2


class _Run:
    """What a command run collects for its exit status: the inputs it skipped."""

    def __init__(self, strict: bool):
        self.strict = strict
        self.skipped = 0

    def on_error(self, error: InputError) -> None:
        self.skipped += 1
        click.echo(one_line(f"warning: skipped {error}"), err=True)

    def finish(self) -> None:
        if self.skipped:
            click.echo(f"{self.skipped} input(s) skipped", err=True)
            sys.exit(EXIT_USAGE if self.strict else EXIT_SKIPPED)

    def articles(self, inputs: tuple[str, ...], options: pipeline.Options):
        """The articles of `inputs`; none at all is an error (exit 1, or 2 with --strict and a skip)."""
        articles = _guard(lambda: pipeline.read_inputs(inputs, options, self.on_error))
        first = _guard(lambda: next(articles, None))
        if first is None:
            what = f" ({self.skipped} input(s) skipped)" if self.skipped else ""
            click.echo(one_line(f"error: no article found in {', '.join(inputs)}{what}"), err=True)
            sys.exit(EXIT_USAGE if self.strict and self.skipped else EXIT_SKIPPED)
        return itertools.chain([first], articles)

    def source(self, inputs: tuple[str, ...], options: pipeline.Options, dask_address: str | None):
        """What `events` reads: the articles of a local run, or the listed input files of a Dask run."""
        if dask_address is None:
            return self.articles(inputs, options)
        return _guard(lambda: pipeline.list_inputs(inputs, options))

    def events(self, inputs: tuple[str, ...], source, options: pipeline.Options, dispatch):
        """The events of `source`, extracted here or, with a `dispatch`, read and extracted on the cluster."""
        if dispatch is None:
            return pipeline.extract_events(_progress(source, "articles"), options, None, self.on_error)
        per_article = pipeline.extract_listed(source, options, dispatch, self.on_error)
        first = next(per_article, None)
        if first is None:  # as in a local run, before any output is written
            what = f" ({self.skipped} input(s) skipped)" if self.skipped else ""
            click.echo(one_line(f"error: no article found in {', '.join(inputs)}{what}"), err=True)
            sys.exit(EXIT_USAGE if self.strict and self.skipped else EXIT_SKIPPED)
        return itertools.chain.from_iterable(itertools.chain([first], per_article))


_CONTROL_RE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def one_line(text: str) -> str:
    """`text` as one printable line: control characters (a newline in a file name) escaped.

    >>> print(one_line("warning: a\\nwarning: forged.txt: b"))
    warning: a\\nwarning: forged.txt: b
    """
    text = text.encode("utf-8", "backslashreplace").decode("utf-8")  # lone surrogates
    return _CONTROL_RE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


class _StderrHandler(logging.Handler):
    def emit(self, record: logging.LogRecord) -> None:
        click.echo(one_line(f"{record.levelname.lower()}: {record.getMessage()}"), err=True)


def _check_paths(paths: tuple[str, ...]) -> None:
    from .storage import is_url

    missing = [p for p in paths if not is_url(p) and not Path(p).exists()]
    if missing:
        _fail(f"no such file or folder: {missing[0]}")


def _fail(message: str) -> None:
    """A usage error: one line on stderr, exit status 2."""
    click.echo(one_line(f"error: {message}"), err=True)
    sys.exit(EXIT_USAGE)


def _options(date, actors, workers=1, dask_address=None) -> pipeline.Options:
    """Options from the command line; `workers=None` means one process per core."""
    if date:
        from .ingest import FIRST_YEAR, date_in_range

        try:
            import datetime

            datetime.date.fromisoformat(date)
        except ValueError:
            _fail(f"--date must be YYYY-MM-DD, not {date!r}")
        if not date_in_range(date):
            _fail(f"--date must be from {FIRST_YEAR} to ten years ahead, not {date}")
    if workers is None:
        workers = os.cpu_count() or 1
    if workers < 1:
        _fail(f"--workers must be at least 1, not {workers}")
    if actors and dask_address:  # the workers read it too, at the same path: not relative to our folder
        actors = os.path.abspath(actors)
    return pipeline.Options(actors_file=actors, date=date, workers=workers)


def _progress(items, label: str):
    """The items, counted on a progress line on stderr when stderr is a terminal.

    A run on a Dask cluster shows its own line instead (`_ClusterProgress`).
    """
    if not sys.stderr.isatty():
        yield from items
        return
    with click.progressbar(items, label=label, file=sys.stderr, show_pos=True) as bar:
        yield from bar


class _ClusterProgress:
    """Partitions done / submitted so far and articles per second, on one line of stderr."""

    def __init__(self) -> None:
        self.start = time.monotonic()
        self.shown = False

    def __call__(self, done: int, submitted: int, articles: int) -> None:
        rate = articles / max(time.monotonic() - self.start, 1e-6)
        click.echo(f"\rpartitions {done}/{submitted}, {articles} articles, {rate:.1f} articles/s", err=True, nl=False)
        self.shown = True


@contextlib.contextmanager
def _dispatcher(address: str | None, options: pipeline.Options):
    """None for a local run; else an open connection to the Dask cluster at `address` (closed after)."""
    if address is None:
        yield None
        return
    progress = _ClusterProgress() if sys.stderr.isatty() else None

    def connect():
        from . import cluster

        return cluster.connect(address, options.workers, options, progress)

    try:
        with _guard(connect) as dispatch:
            yield dispatch
    finally:
        if progress is not None and progress.shown:
            click.echo("", err=True)


dask_option = click.option(
    "--dask", "dask_address", metavar="ADDRESS",
    help="Extract on a Dask cluster: a scheduler (tcp://host:8786), or 'local' for a LocalCluster of --workers processes.")

common_inputs = [
    click.argument("inputs", nargs=-1, required=True, type=click.Path()),
    click.option("--date", help="Publication date (YYYY-MM-DD) for articles that give none."),
    click.option("--actors", type=click.Path(exists=True, dir_okay=False), help="Your own actor CSV, merged over the shipped lexicon."),
    click.option("--strict", is_flag=True, help="Treat any skipped input as an error (exit 2)."),
]


def with_inputs(f):
    for deco in reversed(common_inputs):
        f = deco(f)
    return f


@click.group()
@click.version_option(package_name="timeline")
def main() -> None:
    """Diplomatic event timelines from news articles."""
    logger = logging.getLogger("timeline")
    if not logger.handlers:
        logger.addHandler(_StderrHandler())
        logger.setLevel(logging.WARNING)
        logger.propagate = False


@main.command()
@with_inputs
@click.option("-o", "--output", "out_dir", default="output", show_default=True, type=click.Path(file_okay=False))
@click.option("--workers", type=int, default=None, help="Processes to use (default: the number of cores).")
@dask_option
def build(inputs, date, actors, strict, out_dir, workers, dask_address):
    """Build events, graph exports and timeline.html from INPUTS into a folder."""
    _check_paths(inputs)
    run = _Run(strict)
    options = _options(date, actors, workers, dask_address)
    source = run.source(inputs, options, dask_address)
    with _dispatcher(dask_address, options) as dispatch:
        count = _guard(lambda: pipeline.write_outputs(run.events(inputs, source, options, dispatch), out_dir))
    click.echo(f"{count} events written to {Path(out_dir)}/", err=True)
    run.finish()


@main.command()
@with_inputs
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write to FILE instead of stdout.")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "parquet"]), default="jsonl", show_default=True,
              help="parquet needs -o FILE and pyarrow (pip install 'timeline[parquet]').")
@click.option("--workers", type=int, default=None, help="Processes to use (default: the number of cores).")
@dask_option
def extract(inputs, date, actors, strict, output, fmt, workers, dask_address):
    """Extract events from INPUTS (JSONL on stdout by default)."""
    _check_paths(inputs)
    if fmt == "parquet":
        _check_parquet(output)
    run = _Run(strict)
    options = _options(date, actors, workers, dask_address)
    source = run.source(inputs, options, dask_address)

    def go(dispatch):
        from .merge import assign_clusters

        # input order (articles as read, events in reading order); the events wait in a temporary
        # file until all are read and merged (their cluster_id): memory stays flat
        events = assign_clusters(run.events(inputs, source, options, dispatch))
        if output:
            return pipeline.write_events(events, output, fmt)
        out = sys.stdout
        return write_events_csv(events, out) if fmt == "csv" else write_events_jsonl(events, out)

    with _dispatcher(dask_address, options) as dispatch:
        _guard(lambda: go(dispatch))
    run.finish()


@main.command()
@with_inputs
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write to FILE instead of stdout.")
def dates(inputs, date, actors, strict, output):
    """List every temporal expression of INPUTS with its resolved date (JSONL)."""
    _check_paths(inputs)
    run = _Run(strict)
    options = _options(date, actors)

    found = run.articles(inputs, options)

    def go():
        rows = (r for a in found for r in pipeline.article_dates(a))
        lines = (json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
        if output:
            with atomic_open(output) as f:
                f.writelines(lines)
        else:
            sys.stdout.writelines(lines)

    _guard(go)
    run.finish()


@main.command()
@click.argument("events_file", type=click.Path(exists=True, dir_okay=False))
@click.option("-o", "--output", "out_dir", default="output", show_default=True, type=click.Path(file_okay=False))
def graph(events_file, out_dir):
    """Rebuild the graph exports from an events JSONL file (filter events first if you like)."""
    from .graph import write_graph_exports

    run = _Run(strict=False)
    paths = _guard(lambda: write_graph_exports(read_events(events_file, run.on_error), out_dir))
    for p in paths:
        click.echo(str(p), err=True)
    run.finish()


@main.command()
@click.argument("events_file", type=click.Path(exists=True, dir_okay=False))
@click.option("-o", "--output", "out_dir", default="output", show_default=True, type=click.Path(file_okay=False))
def merge(events_file, out_dir):
    """Merge the events of EVENTS_FILE (filtered or corrected if you like) into real-world events."""
    from .merge import merge_event_files

    count, merged = _guard(lambda: merge_event_files(events_file, out_dir))
    click.echo(f"{count} events, {merged} real-world events written to {Path(out_dir)}/", err=True)


@main.command()
@click.argument("events_file", type=click.Path(exists=True, dir_okay=False))
@click.argument("gold_file", type=click.Path(exists=True, dir_okay=False))
@click.option("--details", is_flag=True, help="List missed events, false positives and wrong dates.")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as one JSON object.")
def evaluate(events_file, gold_file, details, as_json):
    """Score EVENTS_FILE against your own GOLD_FILE annotations (see README)."""
    from .evaluate import format_details, format_figures, load_gold, score_events

    run = _Run(strict=False)
    result = _guard(lambda: score_events([e.to_dict() for e in read_events(events_file, run.on_error)],
                                         load_gold(gold_file)))
    if details:
        for line in format_details(result):
            click.echo(line)
    figures = {k: v for k, v in result.items() if not k.startswith("_")}
    click.echo(json.dumps(figures) if as_json else format_figures(figures))
    run.finish()


def _check_parquet(output: str | None) -> None:
    """A usage error unless Parquet can be written: a binary file needs -o, and pyarrow."""
    from .export import parquet_available

    if not output:
        _fail("--format parquet needs -o FILE")
    if not parquet_available():
        _fail("--format parquet needs pyarrow: pip install 'timeline[parquet]'")


def _guard(call):
    """Run a library call; a TimelineError becomes a one-line message and exit status 2."""
    try:
        return call()
    except TimelineError as e:
        _fail(str(e))
