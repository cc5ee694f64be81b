"""Tests for timeline.ingest: files, HTML, JSONL, CSV -> Article."""
from __future__ import annotations

import builtins
import logging
import os
import shutil
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline import ingest
from timeline.errors import InputError
from timeline.ingest import parse_date_line, parse_date_value, read_articles, split_text_articles
from timeline.model import Article

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data" / "ingest"
SEED = ROOT / "examples" / "seed_articles.txt"


def read(paths, **kw):
    """Articles and collected errors of `paths`."""
    errors: list[InputError] = []
    arts = list(read_articles([str(p) for p in paths], on_error=errors.append, **kw))
    return arts, errors


# --------------------------------------------------------------------------- seed file

@pytest.fixture(scope="module")
def seed() -> list[Article]:
    arts, errors = read([SEED])
    assert errors == []
    return arts


def test_seed_splits_in_two(seed):
    assert [(a.title, a.date) for a in seed] == [
        ("Trump says he wants to meet North Korea’s Kim again", "2025-08-26"),
        ("Ukraine drops NATO goal as Trump envoy sees progress in peace talks", "2025-12-15"),
    ]
    assert [a.source for a in seed] == [str(SEED)] * 2


@pytest.mark.parametrize("clutter", [
    "Short Url", "Follow", "Updated 26 August 2025", "Updated 15 December 2025",
    "Trump says he wants to meet North Korea’s Kim again",
    "Ukraine drops NATO goal as Trump envoy sees progress in peace talks",
    "‘CRITICAL MOMENT’",
])
def test_seed_body_has_no_clutter_lines(seed, clutter):
    for art in seed:
        assert clutter not in art.text.split("\n")


def test_seed_body_has_no_caption(seed):
    assert "(AFP file photo)" not in seed[0].text
    assert "Panmunjom" not in seed[0].text


@pytest.mark.parametrize("index, first_line, last_line", [
    (0, ("Trump contended that North Korea has been firing fewer rockets since he returned to the "
         "White House on January 20"),
     ("Japan had agreed to compensate comfort women but the deal was criticized by survivors who "
      "questioned Tokyo’s sincerity.")),
    (1, ("The move marks a major shift for Ukraine, which has fought to join NATO as a safeguard "
         "against Russian attacks and has such an aspiration included in its constitution"),
     ("European allies have described this as a “critical moment” that could shape Ukraine’s future, "
      "and sought to shore up Kyiv’s finances by leveraging frozen Russian central bank assets to fund "
      "Kyiv’s military and civilian budget.")),
])
def test_seed_body_bounds(seed, index, first_line, last_line):
    lines = seed[index].text.split("\n")
    assert lines[0] == first_line
    assert lines[-1] == last_line


def test_seed_sentences_kept_verbatim(seed):
    source = SEED.read_text(encoding="utf-8").split("\n")
    for art in seed:
        for line in art.text.split("\n"):
            assert any(line in s for s in source)
        assert all(line == line.strip() and line for line in art.text.split("\n"))
    assert "“Purge or Revolution”" in seed[0].text


def test_ids_are_stable_and_path_independent(seed, tmp_path):
    copy = tmp_path / "other.txt"
    shutil.copy(SEED, copy)
    again, _ = read([copy])
    assert [a.id for a in again] == [a.id for a in seed]
    assert all(len(a.id) == 12 for a in seed)
    assert seed[0].id == ingest.article_id(seed[0].title, seed[0].date, seed[0].text)


# --------------------------------------------------------------------------- date lines

# The date-line forms of the issue, read alone and as the date line of an article.
ISSUE_DATE_LINES = [
    ("Updated 26 August 2025", "2025-08-26"),
    ("Published March 3, 2024", "2024-03-03"),
    ("2024-03-03", "2024-03-03"),
    ("March 3, 2024 10:15 GMT", "2024-03-03"),
    ("Mon 15 Dec 2025 14.02 GMT", "2025-12-15"),
    ("26/08/2025", "2025-08-26"),
]


@pytest.mark.parametrize("line, expected", [
    *ISSUE_DATE_LINES,
    ("26.08.2025", "2025-08-26"),
    ("Published: 2024-03-03T10:15:00Z", "2024-03-03"),
    ("Monday, March 3, 2024 at 10:15 a.m. EST", "2024-03-03"),
    ("First published on Mon 15 Dec 2025 14.02 GMT", "2025-12-15"),
    ("Published 3 March 2024, Updated 4 March 2024", "2024-03-03"),
    ("By Jane Doe | Sept. 3, 2024", "2024-09-03"),
    ("3rd March 2024", "2024-03-03"),
])
def test_date_line_forms(line, expected):
    assert parse_date_line(line) == ingest.DateLine(expected)


# Date lines as news sites print them: a section name and a pipe, abbreviated months with a dot,
# ordinal suffixes, times with AM/PM, a time zone in parentheses, labels after a pipe.
SITE_DATE_LINES = [
    ("News | Jan. 21, 2010", "2010-01-21"),
    ("Posted June 12th, 2011 at 5:45 pm (UTC-5)", "2011-06-12"),
    ("October 09, 2020 07:23 AM", "2020-10-09"),
    ("NEWS | SEPT. 12, 2022", "2022-09-12"),
    ("News & Events | Oct. 9, 2020", "2020-10-09"),
    ("Home | World News | Jan. 21, 2010", "2010-01-21"),
    ("Politics · Jan. 21, 2010", "2010-01-21"),
    ("Press Releases | September 21, 2020 09:10 AM", "2020-09-21"),
    ("Jan. 21, 2010 | 3 min read", "2010-01-21"),
    ("Oct 9, 2020 | 07:23 AM (UTC+03:00)", "2020-10-09"),
    ("Posted Sept. 12th, 2022, at 9:10 A.M. (ET)", "2022-09-12"),
    ("Last updated on Sept. 12, 2022 at 11:07 a.m. (CDT)", "2022-09-12"),
    ("Dec. 1st, 2020 7:23AM (UTC)", "2020-12-01"),
    ("Thursday, January 21, 2010 - 5:45pm", "2010-01-21"),
    ("21 Jan. 2010, 14:05 (GMT+1)", "2010-01-21"),
    ("Updated 2:03 PM EST, Tue March 5, 2024", "2024-03-05"),
    ("Updated: June 12th 2011, 05:45 PM IST", "2011-06-12"),
    ("3rd of June, 2011", "2011-06-03"),
]


@pytest.mark.parametrize("line, expected", SITE_DATE_LINES)
def test_site_date_line_forms(line, expected):
    assert parse_date_line(line) == ingest.DateLine(expected)


# Lines of body text holding a date, and pipes without a date: none is a date line.
@pytest.mark.parametrize("line", [
    "ISLAMABAD (Jan. 21, 2010) – The defense secretary arrived in the capital today",
    "MIAMI (Sept. 9, 2022) -- The commander visited Colombia and Brazil this week.",
    "On Jan. 21, 2010 the talks resumed.",
    "He said Jan. 21, 2010 was a turning point.",
    "Jan. 21, 2010: the envoys meet the president in Islamabad",
    "The Sept. 5 - 9 trip aimed to strengthen ties",
    "Iran and the United States agreed on a deal | Jan. 21, 2010",
    "Reporting by Jane Doe | Editing by John Roe",
    "Kenya | talks collapse",
])
def test_body_lines_with_dates_are_not_date_lines(line):
    assert parse_date_line(line) is None


def test_site_date_lines_give_each_article_its_date():
    arts, errors = read([DATA / "section_pipe_style.txt"])
    assert errors == []
    assert [(a.title, a.date) for a in arts] == [
        ("Defense secretary visits Islamabad", "2010-01-21"),
        ("Envoys close on a border deal", "2011-06-12"),
        ("Ministers meet on the Caucasus ceasefire", "2020-10-09"),
    ]
    assert arts[0].text.startswith("ISLAMABAD (Jan. 20, 2010)")  # the body's date is not the date line
    assert "News | Jan. 21, 2010" not in arts[0].text


@pytest.mark.parametrize("line", ["03/04/2025", "12/11/2024"])
def test_ambiguous_numeric_date_line_has_no_date(line):
    assert parse_date_line(line) == ingest.DateLine(None)


@pytest.mark.parametrize("line", [
    "Talks resumed on March 3, 2024 in Geneva",
    "March 2024",
    "Updated 2 hours ago",
    "31 February 2024 was not a day",
    "",
    "x" * 500,
])
def test_not_date_lines(line):
    assert parse_date_line(line) is None


@pytest.mark.parametrize("value, expected", [
    ("2008-03-01T10:00:00Z", "2008-03-01"),
    ("2008-03-01", "2008-03-01"),
    ("20080301", "2008-03-01"),
    ("March 3, 2024", "2024-03-03"),
    ("2008-02-30", None),
    ("next week", None),
])
def test_parse_date_value(value, expected):
    assert parse_date_value(value) == expected


@pytest.mark.parametrize("date_line, expected", [*ISSUE_DATE_LINES, ("03/04/2025", None)])
def test_date_line_in_article(date_line, expected):
    text = f"Envoys meet in Geneva\n{date_line}\nShare\n\nThe envoys met on Sunday.\nThey will meet again."
    [art] = split_text_articles(text, "x.txt")
    assert (art.title, art.date, art.text) == (
        "Envoys meet in Geneva", expected, "The envoys met on Sunday.\nThey will meet again.")


# --------------------------------------------------------------------------- text splitting

def test_other_page_shape_splits():
    arts, errors = read([DATA / "guardian_style.txt"])
    assert errors == []
    assert [(a.title, a.date) for a in arts] == [
        ("Ministers agree new sanctions package against Moscow", "2025-12-15"),
        ("Japan and South Korea hold first summit in years", "2024-03-03"),
    ]
    assert "World" not in arts[0].text.split("\n")
    assert "Share" not in arts[0].text
    assert "Reporting by" not in arts[0].text
    assert arts[1].text.startswith("The leaders of Japan")
    assert "Advertisement" not in arts[1].text


def test_no_date_line_single_article(caplog):
    with caplog.at_level(logging.WARNING, logger="timeline.ingest"):
        arts, errors = read([DATA / "no_date.txt"])
    assert errors == []
    [art] = arts
    assert art.title == "Envoy heads to Cairo for ceasefire talks"
    assert art.date is None
    assert art.text.split("\n") == [
        "The US envoy left for Cairo on Tuesday to join talks on a ceasefire.",
        "He is expected to meet Egyptian officials.",
    ]
    assert "no publication date" in caplog.text


def test_default_date_fills_missing():
    arts, _ = read([DATA / "no_date.txt", SEED], date="2020-01-02")
    assert [a.date for a in arts] == ["2020-01-02", "2025-08-26", "2025-12-15"]


@pytest.mark.parametrize("caption", [
    "The two leaders at the summit. (AFP file photo)",
    "Delegates arrive in Doha. (Reuters)",
    "Protesters outside the embassy. (AP Photo/Jane Doe)",
    "The minister speaks in Ankara. Photo: Anadolu Agency",
])
def test_captions_dropped(caption):
    text = f"Minister visits Ankara\n{caption}\nUpdated 1 May 2024\n\nThe minister visited Ankara."
    [art] = split_text_articles(text, "x.txt")
    assert art.text == "The minister visited Ankara."


@pytest.mark.parametrize("text, titles, dates", [
    # a date line above the headline: one article, dated
    ("26 August 2025\nTrump meets Lee\nThe two leaders met on Monday.", ["Trump meets Lee"], ["2025-08-26"]),
    # prose before the first headline is an article of its own
    (("Earlier story\nThe ministers met in Rome on Friday and agreed on a plan for the talks.\n\n"
      "Envoys meet in Geneva\nUpdated 1 May 2024\nThe envoys met."),
     ["Earlier story", "Envoys meet in Geneva"], [None, "2024-05-01"]),
    # navigation before the first headline is dropped
    ("Home\nWorld\n\nEnvoys meet in Geneva\nUpdated 1 May 2024\nThe envoys met.",
     ["Envoys meet in Geneva"], ["2024-05-01"]),
    # a date inside a body paragraph does not split
    ("Envoys meet in Geneva\nUpdated 1 May 2024\nThe envoys met.\nThey last met on March 3, 2024 in Bern.",
     ["Envoys meet in Geneva"], ["2024-05-01"]),
    # three articles, each headline + date line
    (("A first headline here\n2024-01-01\nBody one.\n\nA second headline here\n2024-01-02\nBody two.\n"
      "A third headline here\nPublished January 3, 2024\nBody three."),
     ["A first headline here", "A second headline here", "A third headline here"],
     ["2024-01-01", "2024-01-02", "2024-01-03"]),
])
def test_split_rule(text, titles, dates):
    arts = split_text_articles(text, "x.txt")
    assert [a.title for a in arts] == titles
    assert [a.date for a in arts] == dates


def test_bullets_stripped():
    text = "Summit ends\n2024-05-01\n  • Leaders agreed on trade\n- Next summit in June\nThe summit ended."
    [art] = split_text_articles(text, "x.txt")
    assert art.text.split("\n") == ["Leaders agreed on trade", "Next summit in June", "The summit ended."]


# --------------------------------------------------------------------------- HTML

@pytest.mark.parametrize("name, title, date, url, lines", [
    ("meta_article.html", 'Leaders meet in Geneva for "frank" talks', "2024-03-03",
     "https://news.example.com/2024/03/03/geneva",
     ["GENEVA: The presidents of Ruritania and Freedonia met on Sunday & agreed to resume talks.",
      "“It was a frank exchange,” a spokesman said.",
      "Talks will continue on Monday."]),
    ("jsonld_article.html", "Minister visits Tokyo", "2023-11-20", "https://daily.example.org/tokyo",
     ["TOKYO: The foreign minister arrived in Tokyo on Monday for a three-day visit.",
      "She is expected to meet the prime minister and sign a trade agreement."]),
    ("jsonld_list.html", "Summit ends", "2021-03-03", None,
     ["The summit ended with a joint declaration on Friday."]),
    ("time_article.html", "Ceasefire talks stall", "2022-05-17", None,
     ["Negotiators failed to agree on a ceasefire on Tuesday after two days of talks.",
      "The mediators said they would return next week."]),
    ("unclosed.html", "Unclosed tags everywhere", None, None,
     ["The envoy arrived in Cairo on Monday.", "He met the foreign minister and the president.",
      "Officials said the talks would continue."]),
])
def test_html(name, title, date, url, lines):
    arts, errors = read([DATA / name])
    assert errors == []
    [art] = arts
    assert (art.title, art.date, art.url) == (title, date, url)
    assert art.text.split("\n") == lines
    assert art.source == str(DATA / name)


@pytest.mark.parametrize("boilerplate", [
    "Top stories menu", "World", "Advertisement", "Related:", "Copyright", "By Staff Writer",
    "(Reuters)", "not text", "color: red",
])
def test_html_boilerplate_removed(boilerplate):
    [art], _ = read([DATA / "meta_article.html"])
    assert boilerplate not in art.text


# --------------------------------------------------------------------------- JSONL and CSV

def test_jsonl_records(caplog):
    with caplog.at_level(logging.WARNING, logger="timeline.ingest"):
        arts, errors = read([DATA / "records.jsonl"])
    path = str(DATA / "records.jsonl")
    assert [(a.id, a.title, a.date, a.source, a.url) for a in arts] == [
        ("a1", "Talks resume", "2008-03-01", f"{path}:1", "https://example.com/a1"),
        (arts[1].id, "Envoy visits", "2008-03-02", f"{path}:2", None),
        (arts[2].id, "Strange date", None, f"{path}:7", None),
        (arts[3].id, "No date at all", None, f"{path}:8", None),
    ]
    assert arts[1].text == "The envoy visited the capital.\nHe left on Sunday."
    assert arts[1].id == ingest.article_id("Envoy visits", "2008-03-02", arts[1].text)
    assert [(e.path, e.position) for e in errors] == [(path, 3), (path, 4), (path, 5), (path, 6)]
    reasons = [e.reason for e in errors]
    assert reasons[0].startswith("invalid JSON")
    assert reasons[1].startswith("not a JSON object")
    assert reasons[2:4] == ["missing or empty 'text'"] * 2
    # an unusable date is no skipped input: the article is kept without a date, with a warning
    assert f"{path}:7: unusable date 'next week', article kept without a date" in caplog.text
    assert str(errors[0]).startswith(f"{path}:3: invalid JSON")


def test_csv_records(caplog):
    with caplog.at_level(logging.WARNING, logger="timeline.ingest"):
        arts, errors = read([DATA / "records.csv"])
    path = str(DATA / "records.csv")
    assert [(a.id, a.title, a.date, a.source, a.url) for a in arts] == [
        ("c1", "Talks resume", "2008-03-01", f"{path}:1", "https://example.com/c1"),
        (arts[1].id, "Envoy visits", "2008-03-02", f"{path}:2", "http://example.com/c2"),
        (arts[2].id, "Strange date", None, f"{path}:3", None),
    ]
    assert arts[1].text == "The envoy visited the capital.\nHe left on Sunday."
    assert [str(e) for e in errors] == [f"{path}:6: record 4: missing or empty 'text'"]
    assert f"{path}:5: record 3: unusable date 'someday', article kept without a date" in caplog.text


def test_same_record_same_id_in_jsonl_and_csv():
    j, _ = read([DATA / "records.jsonl"])
    c, _ = read([DATA / "records.csv"])
    assert j[1].id == c[1].id


# --------------------------------------------------------------------------- bad input

GOOD = "Envoy visits Cairo\nUpdated 1 May 2024\n\nThe envoy visited Cairo on Monday.\n"


def _write(tmp_path: Path, name: str, content: bytes) -> Path:
    p = tmp_path / name
    p.write_bytes(content)
    return p


@pytest.mark.parametrize("name, content, reason", [
    ("empty.txt", b"", "empty file"),
    ("blank.txt", b"  \n\t\n  \n", "empty file"),
    ("nbsp.txt", "\u00a0\n \u00a0\n".encode(), "empty file"),
    ("empty.jsonl", b"\n\n", "empty file"),
    ("binary.txt", bytes(range(256)) * 8, "binary data, not text"),
    ("nul.html", b"<p>text\x00with nul</p>", "binary data, not text"),
    ("title_only.txt", b"Just a headline\n", "no body text"),
    ("nohtml.html", b"<html><script>var a = 1;</script></html>", "no article text"),
    ("noheader.csv", b"a,b\n1,2\n", "no 'text' column"),
])
def test_bad_file_reported_once_and_good_file_kept(tmp_path, name, content, reason):
    bad = _write(tmp_path, name, content)
    good = _write(tmp_path, "zz_good.txt", GOOD.encode())
    arts, errors = read([bad, good])
    assert [a.title for a in arts] == ["Envoy visits Cairo"]
    assert len(errors) == 1
    assert errors[0].path == str(bad)
    assert reason in str(errors[0])
    assert str(bad) in str(errors[0])


@pytest.mark.parametrize("name, errors_expected, articles_expected", [
    ("broken_quote.csv", 1, 2),
])
def test_broken_files_keep_what_they_can(name, errors_expected, articles_expected):
    arts, errors = read([DATA / name, DATA / "no_date.txt"])
    assert len(errors) == errors_expected
    assert errors[0].path == str(DATA / name)
    assert len(arts) == articles_expected + 1
    assert arts[-1].title == "Envoy heads to Cairo for ceasefire talks"


def test_broken_quote_reports_line():
    arts, [err] = read([DATA / "broken_quote.csv"])
    assert [a.title for a in arts] == ["First", "Second"]
    assert err.position == 4
    assert "broken CSV" in err.reason


def test_broken_html_is_read_whole():
    # lxml recovers from the bogus declaration that stopped the standard library's parser
    [art], errors = read([DATA / "broken.html"])
    assert errors == [] and art.title == "Broken page"
    assert art.text.split("\n") == ["The envoy arrived in Cairo on Monday.",
                                     "He met the foreign minister and the president.", "This part is lost."]


@pytest.mark.parametrize("name, outlet", [
    ("site_name.html", "Example Times"),  # og:site_name
    ("jsonld_article.html", "The Daily Example"),  # the JSON-LD WebSite's name
    ("meta_article.html", "news.example.com"),  # the canonical URL's host
    ("time_article.html", ""),
])
def test_html_outlet(name, outlet):
    [art], errors = read([DATA / name])
    assert errors == [] and art.outlet == outlet


def test_site_name_page():
    [art], _ = read([DATA / "site_name.html"])
    assert (art.title, art.date, art.url) == ("Envoys agree to meet again", "2025-08-26",
                                              "https://www.example-times.com/world/envoys")
    assert art.text.startswith("BRUSSELS: Envoys of the two countries agreed on Tuesday")
    assert "Sign up for our newsletter" not in art.text and "More from World" not in art.text


def test_outlet_of_records(tmp_path):
    p = _write(tmp_path, "r.jsonl", b'{"title": "A", "text": "Body one.", "outlet": " Daily  News "}\n'
                                    b'{"title": "B", "text": "Body two.", "url": "https://www.example.net/b"}\n'
                                    b'{"title": "C", "text": "Body three."}\n')
    arts, errors = read([p])
    assert errors == [] and [a.outlet for a in arts] == ["Daily News", "example.net", ""]


def test_html_is_read_offline(monkeypatch):
    import socket

    def refuse(*args, **kwargs):
        raise AssertionError("the HTML reader tried to open a network connection")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    arts, errors = read(sorted(DATA.glob("*.html")))
    assert errors == [] and len(arts) == len(list(DATA.glob("*.html")))


SHARED_HTML = ROOT.parent / "shared" / "eval" / "html"


@pytest.mark.skipif(not (SHARED_HTML / "pages.jsonl").exists(), reason="../shared/eval/html is not here")
def test_html_reader_quality_floor():
    """The evaluation pages: >= 93% of main-text passages found, >= 90% of boilerplate kept out."""
    import subprocess
    import sys

    scorer = SHARED_HTML.parent / "score_html.py"
    result = subprocess.run([sys.executable, str(scorer), str(SHARED_HTML), "--min-found", "0.93",
                             "--min-absent", "0.90"], capture_output=True, text=True, timeout=600, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_cp1252_decoded_with_warning(tmp_path, caplog):
    p = _write(tmp_path, "win.txt", "Caf\u00e9 talks \u2013 \u201cfrank\u201d\n2024-03-03\n"
                                    "Ministers met at a caf\u00e9 \u2013 \u201cfrank\u201d talks.\n"
                                    .encode("cp1252"))
    with caplog.at_level(logging.WARNING, logger="timeline.ingest"):
        [art], errors = read([p])
    assert errors == []
    assert art.title == "Caf\u00e9 talks \u2013 \u201cfrank\u201d"
    assert art.text == "Ministers met at a caf\u00e9 \u2013 \u201cfrank\u201d talks."
    assert "cp1252" in caplog.text and str(p) in caplog.text


@pytest.mark.parametrize("encoding", ["utf-16", "utf-8-sig"])
def test_bom_encodings(tmp_path, encoding):
    p = _write(tmp_path, "bom.txt", GOOD.encode(encoding))
    [art], errors = read([p])
    assert errors == [] and art.title == "Envoy visits Cairo" and art.date == "2024-05-01"


def test_huge_single_line_file(tmp_path, caplog):
    p = _write(tmp_path, "huge.txt", ("The talks went on. " * 160_000).encode())  # ~3 MB, one line
    t0 = time.monotonic()
    with caplog.at_level(logging.WARNING, logger="timeline.ingest"):
        [art], errors = read([p])
    assert time.monotonic() - t0 < 20
    assert errors == []
    assert len(art.text) <= ingest.MAX_ARTICLE_CHARS
    assert len(art.title) <= 130
    assert "cut to" in caplog.text


@pytest.mark.parametrize("name, content", [
    ("huge.html", b"<p>" + b"word " * 600_000 + b"</p>"),
    ("huge.jsonl", b'{"title": "t", "text": "' + b"word " * 600_000 + b'"}\n'),
    ("huge.csv", b"title,text\nt," + b"word " * 600_000 + b"\n"),
    # html.parser is quadratic on markup that never closes; these must stay fast
    ("unclosed_comments.html", b"<p>word word.</p>" + b"<!--" * 200_000),
    ("unclosed_tags.html", b"<p>word word.</p>" + b"<!x" * 200_000),
])
def test_huge_records(tmp_path, name, content):
    t0 = time.monotonic()
    [art], errors = read([_write(tmp_path, name, content)])
    assert time.monotonic() - t0 < 20
    assert errors == [] and art.text.startswith("word word")


def test_unreadable_file(tmp_path, monkeypatch):
    bad = _write(tmp_path, "locked.txt", GOOD.encode())
    good = _write(tmp_path, "open.txt", GOOD.encode())
    real_open = builtins.open

    def fake_open(file, *args, **kwargs):
        if str(file) == str(bad):
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(ingest, "open", fake_open, raising=False)
    arts, errors = read([tmp_path])
    assert [a.source for a in arts] == [str(good)]
    [err] = errors
    assert err.path == str(bad) and "Permission denied" in err.reason


def test_symlink_loop_in_folder(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.txt").write_text(GOOD)
    os.symlink(tmp_path, tmp_path / "a" / "loop")
    arts, errors = read([tmp_path])
    assert len(arts) == 1
    [err] = errors
    assert err.path == str(tmp_path / "a" / "loop") and "symlink loop" in err.reason


def test_folder_read_recursively_sorted_and_filtered(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text(GOOD.replace("Cairo", "Rome"))
    (tmp_path / "1.md").write_text(GOOD)
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4 \x00\x01")
    (tmp_path / ".hidden.txt").write_text(GOOD)
    arts, errors = read([tmp_path])
    assert [a.title for a in arts] == ["Envoy visits Cairo", "Envoy visits Rome"]
    [err] = errors  # the unsupported file is named, not silently left out
    assert err.path == str(tmp_path) and "unsupported" in err.reason and "notes.pdf" in err.reason


def test_unknown_extension_given_explicitly_read_as_text(tmp_path):
    [art], errors = read([_write(tmp_path, "page.log", GOOD.encode())])
    assert errors == [] and art.title == "Envoy visits Cairo"


def test_missing_path_raises_at_once(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_articles([tmp_path / "nope.txt"], on_error=lambda e: None)


def test_invalid_default_date_raises():
    with pytest.raises(InputError, match="invalid date"):
        read_articles([SEED], date="26/08/2025")


def test_without_on_error_the_first_error_is_raised(tmp_path):
    bad = _write(tmp_path, "empty.txt", b"")
    with pytest.raises(InputError, match="empty file"):
        list(read_articles([bad]))


# --------------------------------------------------------------------------- property

@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=2000), suffix=st.sampled_from([".txt", ".jsonl", ".csv", ".html"]))
def test_arbitrary_bytes_never_crash(tmp_path, data, suffix):
    p = tmp_path / f"fuzz{suffix}"
    p.write_bytes(data)
    errors: list[InputError] = []
    for art in read_articles([p], on_error=errors.append):
        assert isinstance(art.title, str) and isinstance(art.text, str)
        assert art.date is None or parse_date_value(art.date) == art.date
    assert all(isinstance(e, InputError) for e in errors)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(max_size=1500), suffix=st.sampled_from([".txt", ".jsonl", ".csv", ".html"]))
def test_arbitrary_text_never_crash(tmp_path, text, suffix):
    p = tmp_path / f"fuzz{suffix}"
    p.write_bytes(text.encode("utf-8", "surrogatepass"))
    errors: list[InputError] = []
    for art in read_articles([p], on_error=errors.append):
        assert isinstance(art.title, str) and isinstance(art.text, str)


# --------------------------------------------------------------------------- hostile records (issue 19)

def test_lone_surrogate_in_a_record_is_replaced_and_the_batch_kept(tmp_path, caplog):
    p = tmp_path / "scraped.jsonl"
    p.write_text('{"title": "Half \\ud83d emoji", "date": "2025-01-02", "text": "Macron met Modi \\ud800."}\n'
                 '{"title": "Good", "date": "2025-01-02", "text": "Macron met Modi."}\n', encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="timeline.ingest"):
        arts, errors = read([p])
    assert errors == [] and [a.title for a in arts] == ["Half \ufffd emoji", "Good"]
    assert arts[0].text == "Macron met Modi \ufffd."
    for a in arts:
        (a.title + a.text + a.source).encode("utf-8")  # every output can be written as UTF-8
    assert f"{p}:1: invalid Unicode" in caplog.text


def test_file_name_not_in_utf8_gives_a_writable_source(tmp_path):
    name = os.fsdecode(b"caf\xe9.txt")  # a Latin-1 name: a surrogate in Python's str
    (tmp_path / name).write_bytes(GOOD.encode())
    [art], errors = read([tmp_path])
    assert errors == []
    assert art.source == str(tmp_path / "caf\\xe9.txt")
    art.source.encode("utf-8")


@pytest.mark.parametrize("date", ["0001-01-01", "9999-12-31", "1799-12-31", "0000-00-00T00:00:00"])
def test_publication_date_out_of_range_keeps_the_article_undated(tmp_path, caplog, date):
    p = tmp_path / "a.jsonl"
    p.write_text(f'{{"title": "T", "date": "{date}", "text": "Macron met Modi on December 30."}}\n', encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="timeline.ingest"):
        [art], errors = read([p])
    assert errors == [] and art.date is None
    assert "article kept without a date" in caplog.text


def test_date_line_out_of_range_keeps_the_article_undated(tmp_path, caplog):
    p = _write(tmp_path, "old.txt", b"Envoy visits Cairo\nUpdated 1 January 0001\n\nThe envoy visited Cairo.\n")
    with caplog.at_level(logging.WARNING, logger="timeline.ingest"):
        [art], errors = read([p])
    assert errors == [] and art.date is None and "out of range" in caplog.text


@pytest.mark.parametrize("raw, expected", [
    ('"yesterday"', None), ('"2025-02-30"', None), ("20250826", "2025-08-26"), ('"20250826"', "2025-08-26"),
    ("[2025]", None), ("true", None),
])
def test_record_date_the_reader_cannot_use_is_no_skip(tmp_path, caplog, raw, expected):
    p = tmp_path / "a.jsonl"
    p.write_text(f'{{"title": "T", "date": {raw}, "text": "Macron met Modi."}}\n', encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="timeline.ingest"):
        [art], errors = read([p])
    assert errors == [] and art.date == expected
    assert ("kept without a date" in caplog.text) == (expected is None)


def test_default_date_out_of_range_raises():
    with pytest.raises(InputError, match="out of range"):
        read_articles([SEED], date="0001-01-01")


def test_nul_byte_in_one_csv_cell_skips_that_record_only(tmp_path):
    p = _write(tmp_path, "nul.csv", b"title,date,text\nA,2025-01-02,Macron met Modi.\n"
                                    b"B,2025-01-02,Bad \x00 cell.\nC,2025-01-02,Modi met Macron.\n")
    arts, errors = read([p])
    assert [a.title for a in arts] == ["A", "C"]
    [err] = errors
    assert (err.path, err.position) == (str(p), "3: record 2") and "NUL" in err.reason


@pytest.mark.parametrize("name, content", [
    ("u16.csv", "title,date,text\nA,2025-01-02,Macron met Modi.\n"),
    ("u16.jsonl", '{"title": "A", "date": "2025-01-02", "text": "Macron met Modi."}\n'),
    ("u16.txt", "A\n2 January 2025\n\nMacron met Modi.\n"),
])
@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_text(tmp_path, name, content, encoding):
    [art], errors = read([_write(tmp_path, name, content.encode(encoding))])
    assert errors == [] and (art.title, art.date, art.text) == ("A", "2025-01-02", "Macron met Modi.")


def test_overlong_record_line_skipped_and_the_rest_read(tmp_path, monkeypatch):
    monkeypatch.setattr(ingest, "MAX_RECORD_BYTES", 1000)
    p = tmp_path / "a.jsonl"
    p.write_text('{"title": "A", "text": "' + "word " * 500 + '"}\n{"title": "B", "text": "Macron met Modi."}\n',
                 encoding="utf-8")
    [art], [err] = read([p])
    assert art.title == "B" and err.position == 1 and "longer than" in err.reason


def test_records_are_streamed_not_read_whole(tmp_path, monkeypatch):
    """A JSONL or CSV file is never read in one piece (memory holds one record)."""
    p = tmp_path / "many.jsonl"
    p.write_text("".join(f'{{"title": "T{i}", "text": "Macron met Modi."}}\n' for i in range(3000)), encoding="utf-8")
    sizes = []
    real_open = builtins.open

    class Spy:
        def __init__(self, f):
            self.f = f

        def __getattr__(self, name):
            return getattr(self.f, name)

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.f.close()

        def read(self, n=-1):
            sizes.append(n)
            return self.f.read(n)

    monkeypatch.setattr(ingest, "open", lambda *a, **k: Spy(real_open(*a, **k)), raising=False)
    arts, errors = read([p])
    assert len(arts) == 3000 and errors == []
    assert all(0 <= n <= 65536 for n in sizes)


def test_empty_folder_gives_no_article_and_no_error(tmp_path):
    assert read([tmp_path]) == ([], [])


# --------------------------------------------------------------------------- spans of a record file

SPAN_JSONL = (b'{"title": "One", "date": "2024-03-01", "text": "First body."}\n\n'
              b'{"title": "Broken\n'
              b'{"title": "Two", "date": "2024-03-02", "text": "Caf\xe9 in cp1252."}\n'
              b'{"title": "Three", "date": "someday", "text": "Third body."}\n'
              b'{"title": "Four", "date": "2024-03-04", "text": "Caf\xe9 again."}\n')
SPAN_CSV = (b'title,date,text\n'
            b'One,2024-03-01,"First body,\non two lines."\n\n'
            b'Two,2024-03-02,\n'
            b'Three,someday,Caf\xe9 third body.\n'
            b'Four,2024-03-04,"Unclosed\n')


@pytest.mark.parametrize("name, data", [("a.jsonl", SPAN_JSONL), ("a.csv", SPAN_CSV), ("a.jsonl", b"")])
@pytest.mark.parametrize("size", [1, 7, 40, 100])
def test_spans_of_a_record_file_read_as_the_whole_file(tmp_path, caplog, name, data, size):
    path = _write(tmp_path, name, data)
    file = ingest.InputFile(str(path), len(data))

    def run(files):
        caplog.clear()
        errors: list[InputError] = []
        with caplog.at_level(logging.WARNING, logger="timeline"):
            arts = [a for f in files for a in ingest.read_input_file(f, None, errors.append)]
        return arts, [str(e) for e in errors], [r.getMessage() for r in caplog.records]

    whole = run([file])
    arts, errors, warnings = whole
    assert (len(arts) >= 2 and errors and warnings) if data else (errors and not arts)
    spans = ingest.split_input(file, size)
    assert len(spans) == max(1, -(-len(data) // size))
    assert run(spans) == whole
