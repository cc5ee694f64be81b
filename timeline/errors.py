"""The project's exceptions: one base class, one subclass per stage."""
from __future__ import annotations


class TimelineError(Exception):
    """Base class of every error the library raises on purpose."""

    def __init__(self, message: str, *, path: str | None = None, position: str | int | None = None):
        self.path = path
        self.position = position
        self.reason = message
        where = path or ""
        if path and position not in (None, ""):
            where = f"{path}:{position}"
        super().__init__(f"{where}: {message}" if where else message)

    def __reduce__(self):
        # sent back from a Dask worker whole: its class, path and position, not only its text
        return _rebuild, (type(self), self.reason, self.path, self.position)


def _rebuild(cls: type[TimelineError], message: str, path: str | None, position: str | int | None) -> TimelineError:
    return cls(message, path=path, position=position)


class InputError(TimelineError):
    """Raised when an input file or record cannot be read as an article."""


class LexiconError(TimelineError):
    """Raised when a lexicon data file (shipped or user-supplied) is malformed."""


class ModelError(TimelineError):
    """Raised when the spaCy English model cannot be loaded."""


class OutputError(TimelineError):
    """Raised when an output file cannot be written."""
