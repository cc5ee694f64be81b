"""Tests for timeline/storage.py: fsspec URLs (`memory://`, `file://`) read as local paths are."""
from __future__ import annotations

import glob
import json
import shutil
import sys
import uuid
from pathlib import Path

import pytest
from click.testing import CliRunner

fsspec = pytest.importorskip("fsspec")

from timeline.cli import main  # noqa: E402
from timeline.errors import InputError  # noqa: E402
from timeline.ingest import read_articles  # noqa: E402
from timeline.pipeline import extract_events, read_inputs  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data" / "ingest"


@pytest.fixture
def news(tmp_path, seed_articles) -> Path:
    """A local folder of every kind of input, one unsupported file, a hidden one and a bad one."""
    root = tmp_path / "news"
    (root / "sub").mkdir(parents=True)
    shutil.copy(ROOT / "examples" / "seed_articles.txt", root / "a_seed.txt")
    shutil.copy(DATA / "records.jsonl", root / "b_records.jsonl")
    shutil.copy(DATA / "records.csv", root / "sub" / "c_records.csv")
    shutil.copy(DATA / "meta_article.html", root / "sub" / "d_page.html")
    (root / "e_report.pdf").write_bytes(b"%PDF-1.4")
    (root / ".hidden.txt").write_text("Hidden\nUpdated 3 March 2024\nNot read.")
    (root / "f_bad.txt").write_bytes(b"\x00\x01\x02" * 100)
    (root / "g_seed.jsonl").write_text("".join(json.dumps({"title": a.title, "date": a.date, "text": a.text}) + "\n"
                                               for a in seed_articles), encoding="utf-8")
    return root


@pytest.fixture(params=["file", "memory"])
def url_of(request, news):
    """A function from a local path under `news` to its URL: `file://` the path, or `memory://` a copy."""
    if request.param == "file":
        yield lambda p: f"file://{p}"
        return
    fs = fsspec.filesystem("memory")
    base = f"/{uuid.uuid4().hex}"
    for p in news.rglob("*"):
        if p.is_file():
            fs.pipe_file(f"{base}/{p.relative_to(news.parent)}", p.read_bytes())
    yield lambda p: f"memory://{base}/{Path(p).relative_to(news.parent)}"
    fs.rm(base, recursive=True)


def read(paths):
    errors: list[InputError] = []
    return list(read_articles(paths, on_error=errors.append)), [str(e) for e in errors]


@pytest.mark.parametrize("form", ["folder", "glob", "file"])
def test_a_url_is_read_as_its_local_path(news, url_of, form):
    local, url = {
        "folder": ([str(news)], [url_of(news)]),
        "glob": (sorted(glob.glob(f"{news}/*.*")), [url_of(news) + "/*.*"]),
        "file": ([str(news / "b_records.jsonl")], [url_of(news / "b_records.jsonl")]),
    }[form]
    arts, errors = read(local)
    url_arts, url_errors = read(url)
    assert len(arts) > 2
    prefix, url_prefix = str(news), url_of(news)
    assert [a.source.replace(prefix, url_prefix) for a in arts] == [a.source for a in url_arts]
    assert [(a.id, a.title, a.date, a.text, a.url, a.outlet) for a in arts] == \
        [(a.id, a.title, a.date, a.text, a.url, a.outlet) for a in url_arts]
    assert [e.replace(prefix, url_prefix) for e in errors] == url_errors


def test_a_bad_file_among_url_inputs_is_skipped_with_an_error_naming_it(news, url_of):
    _, errors = read([url_of(news)])
    assert f"{url_of(news / 'f_bad.txt')}: binary data, not text" in errors
    assert f"{url_of(news)}: 1 file(s) of an unsupported type (.pdf): e_report.pdf" in errors
    assert not any("hidden" in e for e in errors)


def test_a_url_gives_the_events_of_its_local_path(news, url_of):
    local = [e.to_dict() for e in extract_events(read_inputs([news / "g_seed.jsonl"]))]
    remote = [e.to_dict() for e in extract_events(read_inputs([url_of(news / "g_seed.jsonl")]))]
    assert local
    assert [e.pop("article_source").replace(str(news), url_of(news)) for e in local] == \
        [e.pop("article_source") for e in remote]
    assert local == remote


@pytest.mark.parametrize("url, message", [
    ("memory:///no/such/news.jsonl", "memory:///no/such/news.jsonl: no such file or directory"),
    ("memory:///no/such/*.jsonl", "memory:///no/such/*.jsonl: no file matches this pattern"),
    ("nosuchfs://bucket/news/", "nosuchfs://bucket/news/: cannot read this URL: Protocol not known: nosuchfs"),
])
def test_a_url_that_cannot_be_read_is_a_clear_error_at_once(url, message):
    with pytest.raises(InputError) as e:
        read_articles([url], on_error=lambda e: None)
    assert str(e.value) == message
    result = CliRunner().invoke(main, ["extract", url], catch_exceptions=False)
    assert (result.exit_code, result.stderr) == (2, f"error: {message}\n")


def test_a_url_without_fsspec_is_a_clear_error(monkeypatch):
    monkeypatch.setitem(sys.modules, "fsspec", None)  # import fsspec raises ImportError
    with pytest.raises(InputError, match=r"^s3://bucket/news/: reading a URL needs fsspec: pip install"):
        read_articles(["s3://bucket/news/"])
