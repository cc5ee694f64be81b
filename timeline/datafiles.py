"""One loader for every data file of `timeline/data/` (and for users' own CSV lexicons).

A data file is a CSV with a fixed header. `read_table` checks the header, the number of
fields, the required columns and each value's allowed set or pattern, and fails at load time
with `LexiconError("file:line: what is wrong")`. Each row comes with its line number, so that
the rules built from it can name their provenance (`triggers.csv:42`).

>>> rows = read_text("a,b\\n1,x\\n", "demo.csv", ("a", "b"), required=("a",))
>>> rows[0].line, rows[0]["b"]
(2, 'x')
"""
from __future__ import annotations

import csv
import functools
import io
import re
from collections.abc import Callable, Iterable
from importlib import resources

from .errors import LexiconError


class Row(dict):
    """A row of a data file: its values by column, its file name and its line number."""

    __slots__ = ("file", "line")

    def __init__(self, values: dict[str, str], file: str, line: int):
        super().__init__(values)
        self.file = file
        self.line = line

    @property
    def ref(self) -> str:
        """The provenance id of the row: `file:line`."""
        return f"{self.file}:{self.line}"


Check = Callable[[str], str | None]  # a value -> None when fine, else what is wrong


def one_of(values: Iterable[str], allow_empty: bool = False) -> Check:
    """A check that a value is one of `values`."""
    allowed = frozenset(values)

    def check(v: str) -> str | None:
        if (allow_empty and not v) or v in allowed:
            return None
        return f"{v!r} is not one of {', '.join(sorted(allowed))}"
    return check


def matches(pattern: str, what: str, allow_empty: bool = True) -> Check:
    """A check that a value matches a regular expression (a whole-value match)."""
    rx = re.compile(pattern)

    def check(v: str) -> str | None:
        if (allow_empty and not v) or rx.fullmatch(v):
            return None
        return f"{v!r} is not {what}"
    return check


def read_text(text: str, path: str, columns: tuple[str, ...], *, required: tuple[str, ...] = (),
              checks: dict[str, Check] | None = None, optional: tuple[str, ...] = ()) -> list[Row]:
    """Rows of a CSV text whose header is `columns` (in order; `optional` columns may be absent).

    Raises `LexiconError` naming `path` and the line for a bad header, a row with the wrong
    number of fields, an empty required value or a value a check refuses.
    """
    reader = csv.reader(io.StringIO(text))
    header = next(reader, None)
    if header is None:
        raise LexiconError("empty file", path=path, position=1)
    header = [h.strip().lstrip("\ufeff") for h in header]
    expected = tuple(c for c in columns if c in header or c not in optional)
    if tuple(header) != expected:
        raise LexiconError(f"header must be {','.join(columns)}, not {','.join(header)}", path=path, position=1)
    out: list[Row] = []
    line = reader.line_num
    for record in reader:
        start, line = line + 1, reader.line_num
        if not any(f.strip() for f in record):
            continue
        if len(record) != len(header):
            raise LexiconError(f"expected {len(header)} fields, found {len(record)}", path=path, position=start)
        values = {c: v.strip() for c, v in zip(header, record)}
        for c in optional:
            values.setdefault(c, "")
        for c in required:
            if not values[c]:
                raise LexiconError(f"empty {c}", path=path, position=start)
        for c, check in (checks or {}).items():
            problem = check(values[c])
            if problem:
                raise LexiconError(f"{c}: {problem}", path=path, position=start)
        out.append(Row(values, path, start))
    return out


def data_text(name: str) -> str:
    """The text of a shipped data file."""
    return resources.files("timeline.data").joinpath(name).read_text(encoding="utf-8")


@functools.cache
def _cached(name: str, columns: tuple[str, ...], required: tuple[str, ...], optional: tuple[str, ...],
            checks: tuple) -> tuple[Row, ...]:
    return tuple(read_text(data_text(name), name, columns, required=required, checks=dict(checks),
                           optional=optional))


def read_table(name: str, columns: tuple[str, ...], *, required: tuple[str, ...] = (),
               checks: dict[str, Check] | None = None, optional: tuple[str, ...] = ()) -> tuple[Row, ...]:
    """The checked rows of the shipped data file `name` (cached)."""
    return _cached(name, columns, required, optional, tuple(sorted((checks or {}).items())))
