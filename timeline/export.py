"""Event files: JSONL and CSV writers and readers, and atomic writes for every output."""
from __future__ import annotations

import calendar
import csv
import datetime
import errno
import glob
import html
import io
import json
import os
import re
import shutil
import tempfile
from array import array
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import fields
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


@contextmanager
def atomic_folder(path: str | os.PathLike, owned: Iterable[str] = ()) -> Iterator[Path]:
    """A temporary folder beside `path` to fill; on success it replaces `path` as a whole, else it goes.

    The new folder takes the place of the old one in one atomic exchange of names (Linux's
    `renameat2`), so that a reader, or a kill at any moment, finds the previous complete set of
    files or the new one, never a mix; entries of the old folder that were not written anew (a
    `.gitkeep`, a file of the user's) are carried over as hard links. The temporary folder of
    a killed run (`.NAME.PID.*.tmp`) is removed by the next run. The files named in `owned` are
    outputs of the caller's: one of them the new set lacks (`events.parquet` of a run that had
    pyarrow) goes rather than stay stale beside the others. Where the exchange cannot be
    made (another system, a mount point, the working directory, a folder holding folders) the
    files are renamed into `path` one by one at the end instead: each whole, the set not.

    Raises:
        OutputError: the folder cannot be made or written.
    """
    target = Path(os.path.realpath(path))
    parent = target.parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        _remove_stale(parent, target.name)
        tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.{os.getpid()}.", suffix=".tmp", dir=parent))
    except OSError as e:
        raise OutputError(f"cannot write: {e.strerror or e}", path=str(path)) from e
    try:
        yield tmp
        _install_folder(tmp, target, frozenset(owned))
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


def _install_folder(tmp: Path, target: Path, owned: frozenset[str] = frozenset()) -> None:
    """Put the filled folder `tmp` in the place of `target` (see `atomic_folder`)."""
    try:
        old = target.stat() if target.is_dir() else None
        os.chmod(tmp, (old.st_mode & 0o7777) if old else 0o777 & ~_umask())
        if old is None:
            os.rename(tmp, target)
        elif _exchangeable(target) and _carry_over(target, tmp, owned) and _exchange(tmp, target):
            shutil.rmtree(tmp, ignore_errors=True)  # the old set, now under the temporary name
        else:
            written = sorted(os.listdir(tmp))
            for entry in written:
                os.replace(tmp / entry, target / entry)
            for name in sorted(owned.difference(written)):
                with suppress(FileNotFoundError):
                    os.unlink(target / name)
            # left: links carried over to the very files they name (renaming one onto the other is a no-op)
            shutil.rmtree(tmp)
    except OSError as e:
        raise OutputError(f"cannot write: {e.strerror or e}", path=str(target)) from e


def _exchangeable(target: Path) -> bool:
    """Whether the folder `target` may be replaced by another (not a mount point, nor the working directory or above it)."""
    cwd = os.path.realpath(os.getcwd())
    if os.path.ismount(target) or cwd == str(target) or cwd.startswith(str(target) + os.sep):
        return False
    with os.scandir(target) as entries:
        return not any(e.is_dir(follow_symlinks=False) for e in entries)


def _carry_over(old: Path, new: Path, owned: frozenset[str] = frozenset()) -> bool:
    """Hard-link the files of `old` that `new` lacks into it (our own stale temporaries and `owned` files left out)."""
    for entry in os.scandir(old):
        if (new / entry.name).exists() or entry.name in owned or (entry.name.startswith(".") and entry.name.endswith(".tmp")):
            continue
        try:
            os.link(entry.path, new / entry.name, follow_symlinks=False)
        except OSError:
            return False
    return True


def _exchange(a: Path, b: Path) -> bool:
    """Swap the names of `a` and `b` in one step (Linux renameat2 RENAME_EXCHANGE); False where impossible."""
    import ctypes

    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (AttributeError, OSError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    if renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0:
        return True
    errno_ = ctypes.get_errno()
    if errno_ in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):
        return False
    raise OSError(errno_, os.strerror(errno_), str(b))


def _remove_stale(parent: Path, name: str) -> None:
    """Remove the temporary folders `.NAME.PID.*.tmp` that runs no longer alive left in `parent`."""
    for entry in parent.glob(f".{glob.escape(name)}.*.tmp"):
        pid = entry.name[len(name) + 2:].split(".", 1)[0]
        if entry.is_dir() and pid.isdigit() and not _alive(int(pid)):
            shutil.rmtree(entry, ignore_errors=True)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_text(path: str | os.PathLike, text: str) -> None:
    """Write `text` to `path` atomically."""
    with atomic_open(path) as f:
        f.write(text)


def event_to_json(event: Event) -> str:
    """One event as one JSON line (keys in contract order): the JSON of `event.to_dict()`."""
    # read the fields directly: `to_dict` deep-copies through `asdict`, three times slower
    return json.dumps({k: getattr(event, k) for k in EVENT_FIELDS}, ensure_ascii=False)


#: What a spreadsheet takes for the start of a formula (OWASP's list), and the quote that escapes it.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
CELL_ESCAPE = "'"


def csv_cell(value: object) -> object:
    """A CSV cell that no spreadsheet runs as a formula (the OWASP rule).

    Text starting with = + - @ tab or CR, or with the escaping quote itself, gets a leading
    `'`; numbers pass unchanged. `csv_value` undoes it.

    >>> csv_cell("=1+2"), csv_cell("-2 killed"), csv_cell(-2.0), csv_cell("Paris")
    ("'=1+2", "'-2 killed", -2.0, 'Paris')
    """
    if isinstance(value, str) and value.startswith((*FORMULA_START, CELL_ESCAPE)):
        return CELL_ESCAPE + value
    return value


def csv_value(cell: str) -> str:
    """The text a `csv_cell` was made from.

    >>> csv_value("'=1+2"), csv_value("''Tis"), csv_value("Paris")
    ('=1+2', "'Tis", 'Paris')
    """
    return cell[1:] if cell.startswith(CELL_ESCAPE) else cell


def event_to_row(event: Event) -> dict:
    """One event as a flat CSV row, list fields joined by `;`, text cells through `csv_cell`."""
    row = {}
    for k in EVENT_FIELDS:
        v = getattr(event, k)
        row[k] = csv_cell(";".join(v) if k in LIST_FIELDS else ("" if v is None else v))
    return row


def write_events_jsonl(events: Iterable[Event], f) -> int:
    """Write events as JSONL to an open text file; return how many were written."""
    n = 0
    if isinstance(events, EventSpool):  # its lines are this JSON already
        for line in events.lines():
            f.write(line)
            n += 1
        return n
    for e in events:
        f.write(event_to_json(e) + "\n")
        n += 1
    return n


class _LineFeed:
    """A file for a csv writer whose rows end in "\r\n": written with "\n" instead.

    The csv module quotes a field holding a character of the line terminator only: with "\n"
    alone, a field holding a bare "\r" would go out unquoted and end its row when read back.
    """

    def __init__(self, f):
        self.f = f

    def write(self, row: str) -> int:
        return self.f.write(row[:-2] + "\n" if row.endswith("\r\n") else row)


def csv_writer(f):
    """A csv writer of rows ending in "\n" that quotes every field holding a line break ("\r" too)."""
    return csv.writer(_LineFeed(f), lineterminator="\r\n")


def write_events_csv(events: Iterable[Event], f) -> int:
    """Write events as CSV (header row, list fields `;`-joined, cells through `csv_cell`) to an open text file."""
    w = csv_writer(f)  # the rows of a DictWriter, without its per-row key checks
    w.writerow(EVENT_FIELDS)
    n = 0
    for e in events:
        row = event_to_row(e)
        w.writerow([row[k] for k in EVENT_FIELDS])
        n += 1
    return n


def _raise(error: InputError) -> None:
    raise error


def iter_jsonl(path: str | os.PathLike, on_error: Callable[[InputError], None] | None = None
               ) -> Iterator[tuple[int, dict]]:
    """(line number, object) for each non-blank line of a JSONL file.

    A line that is not UTF-8, not JSON or not an object becomes an InputError naming it, raised
    (or handed to `on_error`, and reading goes on).
    """
    report = on_error or _raise
    try:
        f = open(path, "rb")  # noqa: SIM115 - closed by the `with` below; open errors are ours
    except OSError as e:
        raise InputError(f"cannot read: {e.strerror or e}", path=str(path)) from e
    with f:
        for n, raw in enumerate(f, 1):
            if not raw.strip():
                continue
            try:
                d = json.loads(raw.decode("utf-8"))
            except UnicodeDecodeError as e:
                report(InputError(f"not UTF-8 text ({e.reason})", path=str(path), position=n))
                continue
            except json.JSONDecodeError as e:
                report(InputError(f"not JSON: {e.msg}", path=str(path), position=n))
                continue
            except RecursionError:
                report(InputError("not JSON: nested too deeply", path=str(path), position=n))
                continue
            if not isinstance(d, dict):
                report(InputError("not a JSON object", path=str(path), position=n))
                continue
            yield n, d


def read_events(path: str | os.PathLike, on_error: Callable[[InputError], None] | None = None) -> Iterator[Event]:
    """Read events back from a JSONL file (`write_events_jsonl`), or a CSV one (`write_events_csv`) by its extension.

    A line that is no event record (not JSON, a field of the wrong type, a date that is not
    ISO) raises an InputError naming it; with `on_error` it is handed there and skipped.
    """
    if Path(path).suffix.lower() == ".csv":
        yield from read_events_csv(path)
        return
    report = on_error or _raise
    for n, d in iter_jsonl(path, on_error):
        problem = event_record_problem(d)
        if problem:
            report(InputError(f"not an event record: {problem}", path=str(path), position=n))
            continue
        yield Event.from_dict({k: v for k, v in d.items() if v is not None or k in NULLABLE_FIELDS})


_ISO_DATE_RE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def iso_date_ok(value: str) -> bool:
    """Whether `value` is an ISO date at some precision with a 4-digit year from 0001 (YYYY, YYYY-MM, YYYY-MM-DD).

    >>> iso_date_ok("2025"), iso_date_ok("2025-02-28"), iso_date_ok("-002"), iso_date_ok("10000-01"), iso_date_ok("0000")
    (True, True, False, False, False)
    """
    m = _ISO_DATE_RE.fullmatch(value)
    if not m:
        return False
    try:
        datetime.date(int(m[1]), int(m[2] or 1), int(m[3] or 1))
    except ValueError:
        return False
    return True


def event_record_problem(d: dict) -> str | None:
    """What makes a dict no event record (a field of the wrong type, a date that is not ISO), or None.

    >>> event_record_problem({"id": "e1", "type": "call", "actors": 5})
    "'actors' must be a list of strings, not int"
    """
    for k in ("id", "type"):
        if not isinstance(d.get(k), str):
            return f"{k!r} must be a string, not {type(d.get(k)).__name__}"
    for k, v in d.items():
        if v is None or k not in _FIELD_TYPES:
            continue
        if k in LIST_FIELDS:
            ok = isinstance(v, str) or isinstance(v, list) and all(isinstance(x, str) for x in v)
            want = "a list of strings"
        elif k in INT_FIELDS:
            ok, want = isinstance(v, int) and not isinstance(v, bool), "an integer"
        elif k in FLOAT_FIELDS:
            ok, want = isinstance(v, (int, float)) and not isinstance(v, bool), "a number"
        else:
            ok, want = isinstance(v, str), "a string"
        if not ok:
            return f"{k!r} must be {want}, not {type(v).__name__}"
    for k in ("date", "date_end", "article_date"):
        if d.get(k) and not iso_date_ok(d[k]):
            return f"{k!r} is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD): {d[k][:40]!r}"
    return None


#: Fields that are null (an empty CSV cell) when unknown; every other text field is "" when empty.
NULLABLE_FIELDS = ("cameo", "plover", "date", "date_end", "date_text", "location", "article_date",
                   "article_url", "goldstein", "quad_class")
INT_FIELDS = ("sentence_index", "char_start", "char_end", "trigger_start", "trigger_end", "quad_class")
FLOAT_FIELDS = ("confidence", "goldstein")
_FIELD_TYPES = frozenset(EVENT_FIELDS)


def read_events_csv(path: str | os.PathLike) -> Iterator[Event]:
    """Read events back from a CSV file written by `write_events_csv` (every cell typed back)."""
    try:
        f = open(path, encoding="utf-8", newline="")  # noqa: SIM115 - closed by the `with` below
    except OSError as e:
        raise InputError(f"cannot read: {e.strerror or e}", path=str(path)) from e
    with f:
        reader = csv.DictReader(f)
        try:
            for row in reader:
                yield Event.from_dict({k: _typed_cell(k, v) for k, v in row.items() if isinstance(k, str)})
        except (csv.Error, UnicodeDecodeError, ValueError) as e:
            raise InputError(f"not an events CSV row: {e}", path=str(path), position=reader.line_num) from e


def _typed_cell(name: str, value: str | None) -> object:
    """A CSV cell as the record's type: codes stay strings, empty cells null or "" as the field wants."""
    value = csv_value(value or "")
    if name in LIST_FIELDS:
        return value
    if value == "":
        return None if name in NULLABLE_FIELDS else 0 if name in INT_FIELDS or name in FLOAT_FIELDS else ""
    if name in INT_FIELDS:
        return int(value)
    return float(value) if name in FLOAT_FIELDS else value


def date_span(date: str | None, date_end: str | None = None) -> tuple[str | None, str | None]:
    """The first and last day (ISO) that a date at its precision covers, through `date_end` if given.

    >>> date_span("2025-06"), date_span("2017", "2021"), date_span("2024-02-29"), date_span(None)
    (('2025-06-01', '2025-06-30'), ('2017-01-01', '2021-12-31'), ('2024-02-29', '2024-02-29'), (None, None))
    """
    first, own_last = _day_bounds(date)
    last = _day_bounds(date_end)[1] if date_end else own_last
    return (first, last) if first and last and first <= last else (first, own_last)


def _day_bounds(iso: str | None) -> tuple[str | None, str | None]:
    m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", iso or "")
    if not m:
        return None, None
    y, mo, d = int(m[1]), int(m[2] or 0), int(m[3] or 0)
    try:
        if d:
            day = datetime.date(y, mo, d).isoformat()
            return day, day
        if mo:
            return datetime.date(y, mo, 1).isoformat(), datetime.date(y, mo, calendar.monthrange(y, mo)[1]).isoformat()
        return datetime.date(y, 1, 1).isoformat(), datetime.date(y, 12, 31).isoformat()
    except ValueError:
        return None, None


def events_frame(path: str | os.PathLike):
    """The events of a JSONL or CSV file (by its extension) as a pandas DataFrame with typed columns.

    Needs pandas (`pip install 'timeline[pandas]'`). Columns: every field of the record in
    order, then `date_start` and `date_stop`, the first and last day its date covers at its
    precision (datetimes, NaT when undated). Codes and dates stay strings ("010", "2025-06"),
    empty text is "" (never a NaN float), list fields hold Python lists, offsets are int64,
    `confidence` and `goldstein` floats and `quad_class` a nullable integer ("Int64").

    Raises:
        ModuleNotFoundError: pandas is not installed.
        InputError: the file cannot be read.
    """
    try:
        import pandas as pd
    except ModuleNotFoundError as e:
        raise ModuleNotFoundError("timeline.events_frame needs pandas: pip install 'timeline[pandas]'",
                                  name="pandas") from e
    reader = read_events_csv if Path(path).suffix.lower() == ".csv" else read_events
    values: dict[str, list] = {k: [] for k in EVENT_FIELDS}
    for e in reader(path):
        for k, column in values.items():
            column.append(getattr(e, k))
    columns = {k: _frame_column(pd, k, v) for k, v in values.items()}
    spans = [date_span(d or None, end or None) for d, end in zip(values["date"], values["date_end"])]
    for name, i in (("date_start", 0), ("date_stop", 1)):
        columns[name] = pd.to_datetime(pd.Series([s[i] for s in spans], dtype=object), format="%Y-%m-%d")
    return pd.DataFrame(columns)


def _frame_column(pd, name: str, values: list):
    if name in LIST_FIELDS:
        return pd.Series([list(v) for v in values], dtype=object)
    if name == "quad_class":
        return pd.Series(values, dtype="Int64")
    if name in INT_FIELDS:
        return pd.Series(values, dtype="int64")
    if name in FLOAT_FIELDS:
        return pd.Series([float("nan") if v is None else v for v in values], dtype="float64")
    return pd.Series(["" if v is None else v for v in values], dtype=str)


#: The fields of `Event` in the order of its constructor's arguments, each with whether it is a list.
_EVENT_INIT_ORDER = tuple((f.name, f.name in LIST_FIELDS) for f in fields(Event))


class EventSpool:
    """Events parked as JSON lines in a temporary file, read back one at a time in a set order.

    Memory holds two integers per event (where its line starts, its place in the order), so
    a pass over a spool never holds all its events. Made by `spool_events`; iterate it as
    often as needed, and re-order it with `sorted_by`.
    """

    def __init__(self, file, starts: array, order: array):
        self._file = file  # unbuffered binary: every read is one line
        self._starts = starts  # line k is bytes starts[k]:starts[k + 1]
        self._order = order

    def __len__(self) -> int:
        return len(self._order)

    def lines(self) -> Iterator[str]:
        """The events as JSONL lines (`event_to_json` and a newline), in order."""
        f, starts = self._file, self._starts
        for k in self._order:
            f.seek(starts[k])
            yield f.read(starts[k + 1] - starts[k]).decode("utf-8")

    def __iter__(self) -> Iterator[Event]:
        for line in self.lines():
            d = json.loads(line)
            # every field is there (`event_to_json` wrote it): positional, twice as fast as `from_dict`
            yield Event(*[tuple(d[k]) if is_list else d[k] for k, is_list in _EVENT_INIT_ORDER])

    def sorted_by(self, key: Callable[[Event], object]) -> EventSpool:
        """The same events ordered by `key`; ties keep this spool's order, as with `sorted`."""
        keys = [key(e) for e in self]
        order = array("q", (self._order[k] for k in sorted(range(len(keys)), key=keys.__getitem__)))
        return EventSpool(self._file, self._starts, order)


@contextmanager
def spool_events(events: Iterable[Event], directory: str | os.PathLike | None = None,
                 key: Callable[[Event], object] | None = None) -> Iterator[EventSpool]:
    """Write `events` to a temporary file and yield them as an `EventSpool`, sorted by `key` if given.

    The file (`.events.*.spool.tmp` in `directory`, default the system's temporary folder) is
    removed on exit, error or not; on POSIX it is unlinked as soon as it is open, so not even
    a killed run leaves it behind. Only the sort keys are held while spooling.
    """
    try:
        if directory is not None:
            Path(directory).mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".events.", suffix=".spool.tmp", dir=directory)
    except OSError as e:
        raise OutputError(f"cannot write: {e.strerror or e}", path=str(directory or tempfile.gettempdir())) from e
    f = open(fd, "w+b", buffering=0)  # noqa: SIM115 - closed in the `finally` below
    try:
        with suppress(OSError):  # Windows cannot remove an open file: done in the `finally`
            os.unlink(tmp)
        starts, keys, chunk, size = array("q", [0]), [], [], 0
        for e in events:
            line = (event_to_json(e) + "\n").encode("utf-8")
            starts.append(starts[-1] + len(line))
            chunk.append(line)
            size += len(line)
            if size > 1 << 20:
                _write_all(f, b"".join(chunk))
                chunk, size = [], 0
            if key is not None:
                keys.append(key(e))
        _write_all(f, b"".join(chunk))
        n = len(starts) - 1
        order = array("q", sorted(range(n), key=keys.__getitem__) if key is not None else range(n))
        del keys
        yield EventSpool(f, starts, order)
    finally:
        f.close()
        with suppress(OSError):
            os.unlink(tmp)


def _write_all(f, data: bytes) -> None:
    view = memoryview(data)
    while view:  # an unbuffered write may take only part
        view = view[f.write(view):]


def sorted_events(events: Iterable[Event], key: Callable[[Event], object]) -> Iterable[Event]:
    """`sorted(events, key=key)`, except that a spool is re-ordered in place of being read into memory."""
    return events.sorted_by(key) if isinstance(events, EventSpool) else sorted(events, key=key)


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
    tally = ActorTally()
    for e in events:
        tally.add(e)
    return tally.rows()


class ActorTally:
    """The counts behind `actor_rows`, added one event at a time (so the events need not be held)."""

    def __init__(self) -> None:
        self.kinds: dict[str, Counter] = defaultdict(Counter)
        self.countries: dict[str, Counter] = defaultdict(Counter)
        self.aliases: dict[str, set] = defaultdict(set)
        self.types: dict[str, Counter] = defaultdict(Counter)
        self.ids: dict[str, set] = defaultdict(set)
        self.as_source: Counter = Counter()
        self.as_target: Counter = Counter()
        self.first: dict[str, str] = {}
        self.last: dict[str, str] = {}

    def add(self, e: Event) -> None:
        """Count one event."""
        for i, name in enumerate(e.actors):
            if i < len(e.actor_kinds) and e.actor_kinds[i]:
                self.kinds[name][e.actor_kinds[i]] += 1
            if i < len(e.actor_countries) and e.actor_countries[i]:
                self.countries[name][e.actor_countries[i]] += 1
            if i < len(e.actor_texts) and e.actor_texts[i]:
                self.aliases[name].add(e.actor_texts[i])
        for name in dict.fromkeys([*e.actors, *e.source, *e.target]):
            if name in self.ids and e.id in self.ids[name]:
                continue
            self.ids[name].add(e.id)
            self.types[name][e.type] += 1
            self.as_source[name] += name in e.source
            self.as_target[name] += name in e.target
            if e.date:
                end = e.date_end or e.date
                self.first[name] = min(self.first.get(name, e.date), e.date)
                self.last[name] = max(self.last.get(name, end), end)

    def rows(self) -> list[dict]:
        """The rows of `actor_rows` for the events counted so far."""
        from .model import ACTOR_KINDS

        order = {k: i for i, k in enumerate(ACTOR_KINDS)}

        def most_common(c: Counter, rank) -> str:
            return min(c.items(), key=lambda kv: (-kv[1], rank(kv[0])))[0] if c else ""

        return [
            {
                "name": name,
                "kind": most_common(self.kinds[name], lambda k: (order.get(k, len(order)), k)) or "unknown",
                "country": most_common(self.countries[name], lambda c: c),
                "aliases": "|".join(sorted(self.aliases[name])),
                "events": len(self.ids[name]),
                "as_source": self.as_source[name],
                "as_target": self.as_target[name],
                "first_date": self.first.get(name, ""),
                "last_date": self.last.get(name, ""),
                "types": ";".join(f"{t}:{n}" for t, n in sorted(self.types[name].items(), key=lambda tn: (-tn[1], tn[0]))),
            }
            for name in sorted(self.ids)
        ]


def write_actors_csv(events: Iterable[Event], path: str | os.PathLike) -> int:
    """Write actors.csv (one row per actor, see `actor_rows`) to `path` atomically; return the row count."""
    return write_actor_rows(actor_rows(events), path)


def write_actor_rows(rows: list[dict], path: str | os.PathLike) -> int:
    """Write rows of `actor_rows` as actors.csv to `path` atomically; return the row count."""
    with atomic_open(path) as f:
        w = csv.DictWriter(_LineFeed(f), fieldnames=ACTOR_COLUMNS, lineterminator="\r\n")
        w.writeheader()
        w.writerows({k: csv_cell(v) for k, v in row.items()} for row in rows)
    return len(rows)


#: The columns of actors.csv, in order.
ACTOR_COLUMNS = ("name", "kind", "country", "aliases", "events", "as_source", "as_target",
                 "first_date", "last_date", "types")

# -- the data package: Frictionless Table Schemas of events.csv and actors.csv -------------------

#: An ISO date at its precision: YYYY, YYYY-MM or YYYY-MM-DD.
ISO_PARTIAL_DATE = r"\d{4}(-\d{2}(-\d{2})?)?"
_CAMEO = {"pattern": r"\d{2,4}"}
_PARTIAL_DATE = {"pattern": ISO_PARTIAL_DATE}
_OFFSET = {"minimum": 0}


def _list(delimiter: str = ";") -> dict:
    return {"type": "list", "delimiter": delimiter, "itemType": "string"}


def _enum(values) -> dict:
    return {"enum": list(values)}


def _event_schema_fields() -> dict[str, tuple[str | dict, dict]]:
    """Event field -> (Table Schema type, or a dict of type properties; constraints)."""
    from .model import DATE_BASES, EVENT_TYPES, MODALITIES, PRECISIONS

    text = ("string", {})
    return {
        "id": ("string", {"required": True, "unique": True}), "type": ("string", _enum(EVENT_TYPES)),
        "cameo": ("string", _CAMEO), "plover": text, "date": ("string", _PARTIAL_DATE),
        "date_end": ("string", _PARTIAL_DATE), "date_precision": ("string", _enum(PRECISIONS)),
        "date_text": text, "date_basis": ("string", _enum(DATE_BASES)), "modality": ("string", _enum(MODALITIES)),
        **{k: (_list(), {}) for k in LIST_FIELDS}, "location": text, "trigger": text, "sentence": text,
        **{k: ("integer", _OFFSET) for k in ("sentence_index", "char_start", "char_end", "trigger_start", "trigger_end")},
        "article_id": text, "article_title": text, "article_date": ("date", {}), "article_source": text,
        "confidence": ("number", {"minimum": 0, "maximum": 1}), "rule": text, "article_url": text,
        "source_basis": ("string", _enum(("text", "context"))), "target_basis": ("string", _enum(("text", "context"))),
        "goldstein": ("number", {"minimum": -10, "maximum": 10}), "quad_class": ("integer", _enum((1, 2, 3, 4))),
        "cluster_id": text, "article_outlet": text,
    }


def _actor_schema_fields() -> dict[str, tuple[str | dict, dict]]:
    from .model import ACTOR_KINDS

    count = ("integer", {"minimum": 0})
    return {
        "name": ("string", {"required": True, "unique": True}), "kind": ("string", _enum((*ACTOR_KINDS, "unknown"))),
        "country": ("string", {}), "aliases": (_list("|"), {}), "events": count, "as_source": count,
        "as_target": count, "first_date": ("string", _PARTIAL_DATE), "last_date": ("string", _PARTIAL_DATE),
        "types": (_list(";"), {}),
    }


def _table_schema(columns: tuple[str, ...], specs: dict, key: str) -> dict:
    fields_ = []
    for name in columns:
        kind, constraints = specs[name]
        field = {"name": name, **({"type": kind} if isinstance(kind, str) else kind)}
        if constraints:
            field["constraints"] = constraints
        fields_.append(field)
    return {"fields": fields_, "missingValues": [""], "primaryKey": [key]}


def datapackage() -> dict:
    """The Frictionless Data Package descriptor of a build's CSV tables (datapackage.json).

    Every column of events.csv and actors.csv with its Table Schema type: codes are strings
    (CAMEO "010" is not 10), dates of varying precision are strings with their pattern (the
    article's date is a `date`), list columns are `list`s with their delimiter (`;`, `|` for
    aliases), offsets integers, scores numbers. An empty cell is a missing value.

    >>> d = datapackage()
    >>> [r["path"] for r in d["resources"]], d["resources"][0]["schema"]["fields"][2]
    (['events.csv', 'actors.csv'], {'name': 'cameo', 'type': 'string', 'constraints': {'pattern': '\\\\d{2,4}'}})
    """
    dialect = {"delimiter": ",", "doubleQuote": True, "header": True, "lineTerminator": "\n", "quoteChar": '"'}
    tables = (("events", EVENT_FIELDS, _event_schema_fields(), "id",
               "one row per extracted event; docs/EVENTS.md describes every column"),
              ("actors", ACTOR_COLUMNS, _actor_schema_fields(), "name", "one row per actor of the events"))
    return {
        "name": "timeline",
        "profile": "tabular-data-package",
        "resources": [
            {"name": name, "path": f"{name}.csv", "profile": "tabular-data-resource", "format": "csv",
             "mediatype": "text/csv", "encoding": "utf-8", "description": about, "dialect": dialect,
             "schema": _table_schema(columns, specs, key)}
            for name, columns, specs, key, about in tables
        ],
    }


def write_datapackage(out_dir: str | os.PathLike) -> Path:
    """Write `datapackage()` as `out_dir`/datapackage.json atomically (keys sorted); return its path."""
    path = Path(out_dir) / "datapackage.json"
    write_text(path, json.dumps(datapackage(), ensure_ascii=False, indent=1, sort_keys=True) + "\n")
    return path


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
    articles: set[str] = set()
    slides = list(_slides(events, articles))
    return {"title": _timelinejs_title(title, len(slides), len(articles)), "events": slides}


def write_timelinejs(events: Iterable[Event], path: str | os.PathLike, title: str = "Diplomatic events") -> int:
    """Write `timelinejs_data(events)` as JSON to `path` atomically; return the number of slides.

    The slides are written one at a time (keys sorted, indent 1): the same bytes as the whole
    dict through `json.dumps`, without holding it.
    """
    articles: set[str] = set()
    n = 0
    with atomic_open(path) as f:
        f.write('{\n "events": [')
        for slide in _slides(events, articles):
            f.write(",\n  " if n else "\n  ")
            f.write(json.dumps(slide, ensure_ascii=False, indent=1, sort_keys=True).replace("\n", "\n  "))
            n += 1
        f.write("\n ],\n" if n else "],\n")
        head = json.dumps(_timelinejs_title(title, n, len(articles)), ensure_ascii=False, indent=1, sort_keys=True)
        f.write(' "title": ' + head.replace("\n", "\n ") + "\n}\n")
    return n


def _timelinejs_title(title: str, slides: int, articles: int) -> dict:
    return {"text": {"headline": html.escape(title), "text": f"<p>{slides} events from {articles} articles</p>"}}


def _slides(events: Iterable[Event], articles: set[str]) -> Iterator[dict]:
    """The TimelineJS slides of the dated events, by (date, id); adds their articles to `articles`."""
    for e in sorted_events(events, lambda e: (e.date or "", e.id)):
        start = _tl_date(e.date)
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
        end = _tl_date(e.date_end)
        if end is not None and e.date_end != e.date:
            slide["end_date"] = end
        slide.update({
            "text": {"headline": html.escape(headline), "text": body},
            "group": e.type,
            "unique_id": e.id,
        })
        yield slide


def _tl_date(iso: str | None) -> dict | None:
    m = re.fullmatch(r"(-?\d{1,4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?", iso or "")
    if not m:
        return None
    keys = ("year", "month", "day")
    return {k: str(int(v)) for k, v in zip(keys, m.groups()) if v is not None}


# -- Parquet: the columns of events.csv, typed by its Table Schema -------------------------------

#: The columns of events.parquet: those of events.csv, then the first and last day each date covers.
PARQUET_COLUMNS = (*EVENT_FIELDS, "date_start", "date_stop")
#: Events per row group: fixed, so that the same events always give the same bytes.
PARQUET_ROW_GROUP = 10_000


def parquet_available() -> bool:
    """Whether pyarrow, which `write_events_parquet` needs, is installed."""
    try:
        _pyarrow()
    except ModuleNotFoundError:
        return False
    return True


def _pyarrow():
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ModuleNotFoundError as e:
        raise ModuleNotFoundError("Parquet output needs pyarrow: pip install 'timeline[parquet]'",
                                  name="pyarrow") from e
    return pa, pq


def parquet_schema():
    """The Arrow schema of events.parquet, from the Table Schema of events.csv (`datapackage`).

    Strings stay strings (CAMEO "010", partial dates "2025-06"), lists are list<string>,
    integers int64, numbers float64, `article_date` and `date_start`/`date_stop` date32. Only
    the fields that the JSON record may leave null are nullable (`cameo`, `goldstein`, `quad_class`...).
    """
    pa, _ = _pyarrow()
    kinds = {"string": pa.string(), "integer": pa.int64(), "number": pa.float64(), "date": pa.date32(),
             "list": pa.list_(pa.string())}
    specs = {name: kind if isinstance(kind, str) else kind["type"] for name, (kind, _) in _event_schema_fields().items()}
    specs.update(date_start="date", date_stop="date")
    nullable = {*NULLABLE_FIELDS, "date_start", "date_stop"}
    return pa.schema([pa.field(name, kinds[specs[name]], nullable=name in nullable) for name in PARQUET_COLUMNS])


def write_events_parquet(events: Iterable[Event], path: str | os.PathLike) -> int:
    """Write events to `path` as Parquet (`parquet_schema`) atomically; return how many were written.

    Written PARQUET_ROW_GROUP events at a time (memory stays flat), with no timestamp: the same
    events give the same bytes. Needs pyarrow (`pip install 'timeline[parquet]'`).

    Raises:
        ModuleNotFoundError: pyarrow is not installed.
        OutputError: the file cannot be written.
    """
    pa, pq = _pyarrow()
    schema = parquet_schema()
    n = 0
    batch: list[Event] = []
    with atomic_open(path, "wb") as f, pq.ParquetWriter(f, schema, compression="zstd") as writer:
        for e in events:
            batch.append(e)
            if len(batch) == PARQUET_ROW_GROUP:
                writer.write_table(_parquet_table(pa, schema, batch))
                n, batch = n + len(batch), []
        if batch:
            writer.write_table(_parquet_table(pa, schema, batch))
            n += len(batch)
    return n


def _parquet_table(pa, schema, events: list[Event]):
    """One row group of events.parquet."""
    columns = {k: [_parquet_value(k, getattr(e, k)) for e in events] for k in EVENT_FIELDS}
    spans = [date_span(e.date, e.date_end) for e in events]
    for name, i in (("date_start", 0), ("date_stop", 1)):
        columns[name] = [_iso_day(s[i]) for s in spans]
    return pa.table({k: pa.array(columns[k], type=schema.field(k).type) for k in PARQUET_COLUMNS}, schema=schema)


def _parquet_value(name: str, value: object) -> object:
    if name in LIST_FIELDS:
        return list(value)
    if name == "article_date":
        return _iso_day(value)
    if value is None and name not in NULLABLE_FIELDS:
        return 0 if name in INT_FIELDS or name in FLOAT_FIELDS else ""
    return value


def _iso_day(value: object) -> datetime.date | None:
    """A full ISO date as a date; None for none or a partial one."""
    try:
        return datetime.date.fromisoformat(value) if isinstance(value, str) and len(value) == 10 else None
    except ValueError:
        return None
