"""fsspec URLs as inputs: `s3://bucket/news/`, `gs://...`, `file:///shared/news/*.jsonl`, `memory://...`.

The only module that imports fsspec (installed with the extra `timeline[dask]`, which needs it
anyway); the core install reads local paths without it. A URL names a file, a folder (read
recursively, as a local folder) or a glob; `find_files` lists what it stands for, names and
sizes only, and `open_file` opens one of them for reading, wherever that runs (a Dask worker).
"""
from __future__ import annotations

import re
from typing import BinaryIO

from .errors import InputError

_URL_RE = re.compile(r"[a-zA-Z][a-zA-Z0-9+.-]*://")


def is_url(path: str) -> bool:
    """Whether an input is an fsspec URL rather than a local path.

    >>> is_url("s3://bucket/news/"), is_url("file:///tmp/a.txt"), is_url("news/a.txt"), is_url("C:\\\\news")
    (True, True, False, False)
    """
    return bool(_URL_RE.match(path))


def _filesystem(url: str):
    """(file system, path within it) for a URL; InputError naming the URL when it cannot be read."""
    try:
        import fsspec
    except ImportError:
        raise InputError("reading a URL needs fsspec: pip install 'timeline[dask]'", path=url) from None
    try:
        return fsspec.core.url_to_fs(url)
    except ImportError as e:  # a known protocol whose package is missing: "Install s3fs to access S3"
        raise InputError(f"cannot read this URL: {str(e).splitlines()[0]}", path=url) from None
    except ValueError as e:  # "Protocol not known: foo"
        raise InputError(f"cannot read this URL: {e}", path=url) from None


def find_files(url: str) -> list[tuple[str, int, str | None]]:
    """The files a URL stands for, in reading order: (file URL, size in bytes, folder URL or None).

    A folder's files (recursively, hidden entries skipped, in the order of a local folder's walk)
    carry that folder's URL; a file, or the files a glob matches, carry None: they are read
    whatever their extension. A folder that a glob matches is read as a folder.

    Raises:
        InputError: when the URL does not exist, its glob matches nothing, fsspec or the package
            of its protocol is missing, or it cannot be listed.
    """
    fs, path = _filesystem(url)
    try:
        if any(c in path for c in "*?["):
            found = [(name, info) for name, info in sorted(fs.glob(path, detail=True).items())
                     if not _hidden(name, path)]
            if not found:
                raise InputError("no file matches this pattern", path=url)
        else:
            if not fs.exists(path):
                raise InputError("no such file or directory", path=url)
            found = [(path, fs.info(path))]
        files: list[tuple[str, int, str | None]] = []
        for name, info in found:
            if info["type"] == "directory":
                files += _folder_files(fs, name)
            else:
                files.append((fs.unstrip_protocol(name), int(info.get("size") or 0), None))
        return files
    except OSError as e:
        raise InputError(f"cannot list: {e.strerror or e}", path=url) from None


def _hidden(name: str, pattern: str) -> bool:
    """Whether a glob's match is hidden: a part starting with "." where the pattern's does not (as a shell's glob)."""
    parts = pattern.split("/")
    return any(p.startswith(".") and not (k < len(parts) and parts[k].startswith("."))
               for k, p in enumerate(name.split("/")))


def _folder_files(fs, root: str) -> list[tuple[str, int, str | None]]:
    """The files under the folder `root` of `fs`, sorted as a local walk, hidden ones skipped."""
    root = root.rstrip("/")
    found = []
    for name, info in fs.find(root, detail=True, withdirs=False).items():
        parts = name[len(root):].strip("/").split("/")
        if info["type"] == "file" and not any(p.startswith(".") for p in parts):
            found.append((parts, name, int(info.get("size") or 0)))
    folder = fs.unstrip_protocol(root)
    return [(fs.unstrip_protocol(name), size, folder) for _, name, size in sorted(found)]


def open_file(url: str) -> BinaryIO:
    """Open the file at a URL for reading bytes.

    Raises:
        InputError: when fsspec or the package of the URL's protocol is missing.
        OSError: when the file cannot be opened.
    """
    fs, path = _filesystem(url)
    return fs.open(path, "rb")
