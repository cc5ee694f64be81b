"""Files, HTML, JSONL and CSV -> `Article`: the first stage of the pipeline.

`read_articles` walks files and folders and dispatches each file on its extension:

- `.txt`, `.text`, `.md` and files without extension: plain text copied from news sites,
  split into articles by `split_text_articles`;
- `.html`, `.htm`: one article per saved web page, read by trafilatura (`webpage.py`): main
  text, title, publication date (htmldate), URL and site name (the article's outlet);
- `.jsonl`, `.ndjson`: one JSON object per line with `title`, `date`, `text` and optional
  `id`, `url`;
- `.csv`: a header row with `title,date,text[,id,url]` and one article per row.

An input is a local path or an fsspec URL (`s3://bucket/news/`, `file:///shared/*.jsonl`, read
through `storage.py`), of a file, a folder or a glob. `list_inputs` lists the files to read
(names and sizes) and `read_input_file` reads one, possibly only a span of a JSONL or CSV
file's records: a Dask worker reads its share of the inputs that way.

Bad files and records become `InputError`s handed to `on_error`, so one broken record does not
stop a batch. Articles without a publication date are kept and logged as warnings.
"""
from __future__ import annotations

import codecs
import csv
import hashlib
import io
import json
import logging
import os
import re
import stat
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date as _date
from pathlib import Path, PurePosixPath
from typing import BinaryIO
from urllib.parse import urlsplit

from .errors import InputError
from .model import Article
from .storage import find_files, is_url, open_file
from .webpage import WebPage, read_webpage

__all__ = ["InputFile", "list_inputs", "parse_date_line", "parse_date_value", "read_articles", "read_input_file",
           "split_input", "split_text_articles"]

logger = logging.getLogger(__name__)

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ""})
HTML_SUFFIXES = frozenset({".html", ".htm"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
CSV_SUFFIXES = frozenset({".csv"})

#: Longest article body kept, in characters; longer bodies are cut and a warning is logged.
MAX_ARTICLE_CHARS = 2_000_000
#: Text and HTML files larger than this are refused rather than read into memory (JSONL and CSV
#: files are read one record at a time, whatever their size).
MAX_FILE_BYTES = 32 * 1024 * 1024
#: Lines longer than this are never headlines, date lines or clutter (keeps regexes cheap).
MAX_SHORT_LINE = 300
#: CSV fields may hold whole articles; the csv module's default limit (128 KiB) is too small.
CSV_FIELD_LIMIT = 16 * 1024 * 1024

ErrorHandler = Callable[[InputError], None]


# --------------------------------------------------------------------------- dates

_MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9,
    "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}
_MONTH = (r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
          r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_WEEKDAY = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday)?\.?"
_ORD = r"(?:st|nd|rd|th)?"
_DATE_FORMS = (
    # 26 August 2025, 26th Aug. 2025, 26 August, 2025, 3rd of June, 2011
    rf"(?P<d1>\d{{1,2}}){_ORD}(?:\s+of)?\s+{_MONTH.replace('mon>', 'm1>')},?\s+(?P<y1>\d{{4}})",
    # March 3, 2024 / Mar. 3rd 2024
    rf"{_MONTH.replace('mon>', 'm2>')}\s+(?P<d2>\d{{1,2}}){_ORD},?\s+(?P<y2>\d{{4}})",
    # 2024-03-03, 2024/03/03, 2024-03-03T10:15:00Z
    r"(?P<y3>\d{4})[-/](?P<m3>\d{1,2})[-/](?P<d3>\d{1,2})(?=$|[^\d])",
    # 26/08/2025 or 08/26/2025: only when unambiguous (one part > 12)
    r"(?P<a4>\d{1,2})/(?P<b4>\d{1,2})/(?P<y4>\d{4})",
    # 26.08.2025: the dotted form is day-first by convention
    r"(?P<d5>\d{1,2})\.(?P<m5>\d{1,2})\.(?P<y5>\d{4})",
)
_DATE_RE = re.compile("|".join(f"(?:{f})" for f in _DATE_FORMS), re.IGNORECASE)
# A site's section name, or a "3 min read", set off from the date by a pipe or a bullet: at most
# four words, so that a sentence is never one.
_LABEL = r"[^\W_][\w&'’.-]*(?:[ \t]+[\w&'’.-]+){0,3}"
_LABEL_SEP = r"[ \t]*[|•·][ \t]*"
_TIME = r"\d{1,2}[:.]\d\d(?:[ \t]*[ap]\.?m\.?)?"
_DATE_PREFIX_RE = re.compile(
    r"^(?:by\s+[^|•·,]{1,60}?\s*[|•·,]\s*)?"  # a byline glued to the date: "By Jane Doe | ..."
    rf"(?:{_LABEL}{_LABEL_SEP}){{0,3}}"  # section names: "News | ", "World · Europe · "
    r"(?:(?:last\s+|first\s+)?(?:updated|published|posted|modified|released|date|dated)"
    r"(?:\s+(?:on|at))?\s*:?\s*)?"
    rf"(?:{_TIME}(?:\s+[a-z]{{1,5}})?,?\s+)?"  # a time before the date: "Updated 2:03 PM EST, Tue March 5, 2024"
    rf"(?:{_WEEKDAY},?\s+)?(?:the\s+)?",
    re.IGNORECASE,
)
_LABEL_SPLIT_RE = re.compile(_LABEL_SEP)
_LABEL_RE = re.compile(_LABEL)
# What may follow the date on a date line: a time, a zone, another "Updated <date>" part.
_DATE_TAIL_WORDS = re.compile(
    r"\b(?:at|on|am|pm|updated|published|posted|modified|last|first|local|time|ago|about"
    r"|seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?"
    r"|gmt|utc|bst|cet|cest|eet|eest|msk|est|edt|cst|cdt|mst|mdt|pst|pdt|et|pt|ist|jst|kst|aest"
    r"|hkt|sgt|wib|ast|z)\b|\b[ap]\.m\.|(?<=\d)[ap]\.?m\b\.?|\bT(?=\d)|\d+Z\b"
    + rf"|\b{_WEEKDAY}|\b{_MONTH.replace('(?P<mon>', '(?:')}" + r"|\d+|[^\w\s]+|\s+",
    re.IGNORECASE,
)


def _ymd(y: int, m: int, d: int) -> str | None:
    try:
        return _date(y, m, d).isoformat()
    except ValueError:
        return None


def _match_to_iso(m: re.Match[str]) -> str | None:
    """The ISO day of a `_DATE_RE` match, or None when invalid or ambiguous."""
    g = m.groupdict()
    if g["y1"]:
        return _ymd(int(g["y1"]), _MONTHS[g["m1"].lower().rstrip(".")], int(g["d1"]))
    if g["y2"]:
        return _ymd(int(g["y2"]), _MONTHS[g["m2"].lower().rstrip(".")], int(g["d2"]))
    if g["y3"]:
        return _ymd(int(g["y3"]), int(g["m3"]), int(g["d3"]))
    if g["y4"]:
        a, b = int(g["a4"]), int(g["b4"])
        if a > 12 >= b:
            return _ymd(int(g["y4"]), b, a)
        if b > 12 >= a:
            return _ymd(int(g["y4"]), a, b)
        return None  # 03/04/2025: day-first or month-first, cannot tell
    return _ymd(int(g["y5"]), int(g["m5"]), int(g["d5"]))


@dataclass(frozen=True, slots=True)
class DateLine:
    """A line that is a publication-date line; `date` is None when its date is ambiguous."""

    date: str | None


def parse_date_line(line: str) -> DateLine | None:
    """Recognise a publication-date line ("Updated 26 August 2025") and parse its date.

    A date line holds a date, optionally preceded by a short byline or section name set off by
    a pipe ("News | "), a word like "Updated"/"Published", a time or a weekday, and followed
    only by a time, a time zone or another such part, or by short labels after a pipe
    ("| 3 min read").

    >>> parse_date_line("Updated 26 August 2025")
    DateLine(date='2025-08-26')
    >>> parse_date_line("News | Jan. 21, 2010"), parse_date_line("Posted June 12th, 2011 at 5:45 pm (UTC-5)")
    (DateLine(date='2010-01-21'), DateLine(date='2011-06-12'))
    >>> parse_date_line("Mon 15 Dec 2025 14.02 GMT")
    DateLine(date='2025-12-15')
    >>> parse_date_line("26/08/2025"), parse_date_line("03/04/2025")
    (DateLine(date='2025-08-26'), DateLine(date=None))
    >>> parse_date_line("Talks resumed on March 3, 2024 in Geneva") is None
    True
    """
    line = line.strip()
    if not line or len(line) > 120:
        return None
    prefix = _DATE_PREFIX_RE.match(line)
    start = prefix.end() if prefix else 0
    m = _DATE_RE.match(line, start)
    if m is None:
        return None
    tail, *labels = _LABEL_SPLIT_RE.split(line[m.end():])
    if _DATE_TAIL_WORDS.sub("", tail).strip():
        return None
    if not all(_LABEL_RE.fullmatch(label) or not _DATE_TAIL_WORDS.sub("", label).strip() for label in labels):
        return None
    return DateLine(_match_to_iso(m))


_ISO_DAY_RE = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})(?:$|[T\s_]|[^\d])")


def parse_date_value(value: str) -> str | None:
    """Parse a date field (ISO day, ISO datetime or a written date) to YYYY-MM-DD, else None.

    >>> parse_date_value("2008-03-01T10:00:00Z"), parse_date_value("March 3, 2024")
    ('2008-03-01', '2024-03-03')
    >>> parse_date_value("soon") is None
    True
    """
    value = value.strip()
    if not value or len(value) > 120:
        return None
    m = _ISO_DAY_RE.match(value)
    if m:
        return _ymd(int(m[1]), int(m[2]), int(m[3]))
    if re.fullmatch(r"\d{8}", value):
        return _ymd(int(value[:4]), int(value[4:6]), int(value[6:]))
    found = parse_date_line(value)
    if found is not None:
        return found.date
    m2 = _DATE_RE.search(value)
    return _match_to_iso(m2) if m2 else None


# --------------------------------------------------------------------------- helpers

def article_id(title: str, date: str | None, text: str) -> str:
    """The stable id of an article without one: first 12 hex digits of a SHA-1.

    >>> article_id("T", "2024-03-03", "Body.")
    '30bbb05bef94'
    """
    digest = hashlib.sha1(f"{title}\n{date or ''}\n{text}".encode("utf-8", "surrogatepass"))
    return digest.hexdigest()[:12]


def _clean_url(url: object) -> str | None:
    if isinstance(url, str) and re.match(r"https?://\S", url.strip(), re.IGNORECASE):
        return url.strip()
    return None


def _title_from_text(text: str, limit: int = 120) -> str:
    """A stand-in title: the first line of `text`, cut at a word boundary."""
    first = next((ln.strip() for ln in text.split("\n") if ln.strip()), "")
    if len(first) <= limit:
        return first
    cut = first[:limit]
    space = cut.rfind(" ")
    return (cut[:space] if space > limit // 2 else cut).rstrip() + "…"


def _cap_text(text: str, source: str) -> str:
    if len(text) <= MAX_ARTICLE_CHARS:
        return text
    cut = text[:MAX_ARTICLE_CHARS]
    # end at a line or word boundary when one is close, never mid-sentence if avoidable
    for sep in ("\n", " "):
        pos = cut.rfind(sep, MAX_ARTICLE_CHARS - 10_000)
        if pos > 0:
            cut = cut[:pos]
            break
    logger.warning("%s: article text longer than %d characters, cut to %d",
                   source, MAX_ARTICLE_CHARS, len(cut))
    return cut


#: The first year a publication date may have; the last is ten years after the current one.
FIRST_YEAR = 1800


def date_in_range(iso: str) -> bool:
    """Whether an ISO day is a plausible publication date: from 1800 to ten years ahead.

    A CMS's null date ("0001-01-01") or a far-future placeholder ("9999-12-31") is no date,
    and resolving "next week" against it would leave the calendar.

    >>> date_in_range("2025-08-26"), date_in_range("0001-01-01"), date_in_range("9999-12-31")
    (True, False, False)
    """
    return FIRST_YEAR <= int(iso[:4]) <= _date.today().year + 10


def _make_article(*, title: str, text: str, date: str | None, source: str,
                  url: str | None = None, id_: str | None = None,
                  default_date: str | None = None, outlet: str = "", date_note: str | None = None) -> Article:
    """An article; `date_note` says why a date given with it could not be used ("where: what")."""
    text = _cap_text(text, source)
    title, text = _valid_unicode(title, source, "title"), _valid_unicode(text, source, "text")
    if date is not None and not date_in_range(date):
        date_note = f"{source}: publication date {date} out of range ({FIRST_YEAR} to {_date.today().year + 10})"
        date = None
    if date_note and date is None:
        # the article is kept: a warning, not a skipped input
        kept = f"the default date {default_date} used" if default_date else "article kept without a date"
        logger.warning("%s, %s", date_note, kept)
    elif date is None and default_date is None:
        logger.warning("%s: no publication date for article %r", source, title[:80])
    aid = id_ if id_ else article_id(title, date, text)
    url = _clean_url(url)
    return Article(id=aid, title=title, text=text, date=date or default_date, source=source,
                   url=url, outlet=" ".join(outlet.split()) or _domain(url))


_SURROGATE_RE = re.compile("[\ud800-\udfff]")


def _valid_unicode(value: str, source: str, what: str) -> str:
    """`value` with lone surrogates (half an emoji in scraped JSON, a file name not in UTF-8)
    replaced by U+FFFD, so that every output can be written as UTF-8."""
    if not _SURROGATE_RE.search(value):
        return value
    logger.warning("%s: invalid Unicode (a lone surrogate) in the %s replaced by U+FFFD", source, what)
    return _SURROGATE_RE.sub("\ufffd", value)


def display_path(path: str) -> str:
    """A path as text that can be written as UTF-8: bytes of a name not in UTF-8 as `\\xNN`.

    >>> display_path("caf\\udce9.txt")
    'caf\\\\xe9.txt'
    """
    if not _SURROGATE_RE.search(path):
        return path
    try:
        return os.fsencode(path).decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:  # a surrogate that no file-system byte stands for
        return path.encode("utf-8", "backslashreplace").decode("utf-8")


def _domain(url: str | None) -> str:
    """The host of a URL without "www.", "" for none.

    >>> _domain("https://www.example.org/a"), _domain(None)
    ('example.org', '')
    """
    host = (urlsplit(url).hostname or "") if url else ""
    return host.removeprefix("www.")


# --------------------------------------------------------------------------- decoding

_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ufffd]")
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)


def _decode(data: bytes, path: str) -> str:
    """Decode file bytes to text; raise InputError for binary or empty data."""
    if not data.strip():
        raise InputError("empty file", path=path)
    text: str | None = None
    encoding = ""
    if data.startswith(codecs.BOM_UTF8):
        pass  # utf-8-sig below
    else:
        for bom, enc in _BOMS:
            if data.startswith(bom):
                try:
                    text, encoding = data.decode(enc), enc
                except UnicodeDecodeError:
                    raise InputError("binary data, not text", path=path) from None
                break
    if text is None and (utf16 := _utf16_without_bom(data[:65536])):
        try:
            text, encoding = data.decode(utf16), utf16
        except UnicodeDecodeError:
            raise InputError("binary data, not text", path=path) from None
    if text is None:
        if b"\x00" in data:
            raise InputError("binary data, not text", path=path)
        for enc in ("utf-8-sig", "cp1252", "latin-1"):
            try:
                text, encoding = data.decode(enc), enc
                break
            except UnicodeDecodeError:
                continue
    assert text is not None  # latin-1 decodes any bytes
    sample = text[:65536]
    if len(_CONTROL_RE.findall(sample)) > 0.05 * len(sample):
        raise InputError("binary data, not text", path=path)
    if encoding != "utf-8-sig":
        logger.warning("%s: not UTF-8, decoded as %s", path, encoding)
    if not text.strip():
        raise InputError("empty file", path=path)
    return text.replace("\r\n", "\n").replace("\r", "\n")


# --------------------------------------------------------------------------- plain text

_CLUTTER_EXACT = frozenset(s.casefold() for s in (
    "short url", "follow", "following", "share", "shares", "share this", "share this article",
    "share article", "share on facebook", "share on twitter", "share on x", "share on whatsapp",
    "share on linkedin", "share via email", "advertisement", "advert", "ad", "sponsored",
    "read more", "read more:", "more", "see more", "show more", "load more", "comments",
    "comment", "print", "email", "e-mail", "save", "saved", "bookmark", "listen",
    "listen to this article", "copy link", "link copied", "skip to content", "skip to main content",
    "related", "related articles", "related stories", "related content", "subscribe", "sign up",
    "sign in", "log in", "newsletter", "tweet", "facebook", "twitter", "x", "whatsapp", "linkedin",
    "reddit", "telegram", "pinterest", "font size", "text size", "most read", "most popular",
    "trending", "topics", "tags", "menu", "home", "back to top", "top of page", "close",
    "video", "watch", "play", "image", "photo", "gallery", "open image in gallery",
    "explore more on these topics", "reuse this content", "view comments", "jump to comments",
    "this article is more than 1 year old", "this article is more than 2 years old",
    "updated", "published", "fact checked", "opinion", "analysis", "live", "breaking",
    "breaking news", "exclusive", "toggle caption", "hide caption", "enlarge this image",
    "getty images", "afp", "reuters", "ap", "ap photo", "afp via getty images",
))
_CLUTTER_RE = re.compile(
    r"^(?:"
    r"by\s+\S.{0,80}"                                   # byline
    r"|(?:reporting|additional reporting|writing|editing|compiled|translated) by\b.*"
    r"|(?:image|media|video) (?:source|caption|copyright)\b.*"
    r"|(?:photo|image|picture|credit|source|caption)s?\s*:.*"
    r"|(?:©|\(c\)|copyright\b).*"
    r"|\d+\s*(?:min|mins|minute|minutes)\s+read"
    r"|read (?:more|also|next)\s*[:|»>].*"
    r"|(?:also read|see also|related)\s*:.*"
    r"|\d+\s+(?:comments?|shares?)"
    r"|(?:updated|posted|published)\s+\d+\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?)\s+ago"
    r"|\d+\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?)\s+ago"
    r")$",
    re.IGNORECASE,
)
_AGENCIES = r"AFP|AP|Reuters|Getty(?: Images)?|EPA|EPA-EFE|Xinhua|Bloomberg|Anadolu|SPA|WAM|Yonhap|KCNA|TASS"
_CAPTION_RE = re.compile(
    r"(?:\((?:[^()]{0,120}?\b(?:[Pp]hotos?|[Ff]ile|[Ii]mage|[Pp]icture|[Pp]ic)\b[^()]{0,120}"
    rf"|(?:{_AGENCIES})(?:/[^()]{{0,80}})?)\)"
    r"|\b(?:Photo|Photograph|Image|Picture|Credit)s?\s*:\s*[^.()]{1,80})\s*$"
)
_BULLET_RE = re.compile(r"^(?:[•●▪◦·‣∙]|[-*–](?=\s))\s*")
_SENT_END = (".", ",", ";", ":")


def _is_clutter(line: str) -> bool:
    if len(line) > MAX_SHORT_LINE:
        return False
    return line.casefold().strip(" .:|»›>") in _CLUTTER_EXACT or bool(_CLUTTER_RE.match(line))


def _is_caption(line: str) -> bool:
    tail = line[-260:]
    return bool(_CAPTION_RE.search(tail))


def _is_section_header(line: str) -> bool:
    """A short all-capitals line such as "‘CRITICAL MOMENT’" that heads a section."""
    if len(line) > 80 or not any(c.isalpha() for c in line):
        return False
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 3 and all(c.isupper() for c in letters)


def _date_line(line: str) -> DateLine | None:
    return parse_date_line(line) if len(line) <= 120 else None


def _is_skippable(line: str) -> bool:
    """Lines that sit between a headline and its date line without being either."""
    return not line or _is_clutter(line) or _is_caption(line) or _date_line(line) is not None


def _is_headline_like(line: str) -> bool:
    return bool(line) and len(line) <= MAX_SHORT_LINE and not line.endswith(_SENT_END)


def _same_text(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


#: How many non-blank lines a date line may sit below its headline.
HEADER_WINDOW = 6
#: How many headline-like lines (headline, standfirst, byline) may stack above a date line.
HEADER_STACK = 3


def _find_headline(lines: list[str], d: int, floor: int) -> int | None:
    """The index of the headline above the date line at `d`, not above index `floor`."""
    stack: list[int] = []
    seen = 0
    i = d - 1
    while i >= max(floor, d - 10 * HEADER_WINDOW) and seen < HEADER_WINDOW:
        line = lines[i]
        if line:
            seen += 1
            if not _is_skippable(line):
                if not _is_headline_like(line):
                    break
                stack.append(i)
                if len(stack) >= HEADER_STACK:
                    break
        i -= 1
    if not stack:
        return None
    # earliest stacked line with at least three words; short ones above it are navigation
    for idx in reversed(stack):
        if len(lines[idx].split()) >= 3:
            return idx
    return stack[0]


def _has_prose(lines: list[str]) -> bool:
    return any(len(ln) >= 60 and ln.rstrip("”’\"')").endswith((".", "!", "?")) for ln in lines)


def split_text_articles(text: str, source: str) -> list[Article]:
    """Split plain text copied from news pages into articles.

    The splitting rule: an article starts at a headline, that is a line that is not clutter,
    not a photo caption, at most 300 characters long and not ending in ``. , ; :``, which is
    followed within six non-blank lines by a publication-date line (`parse_date_line`), with
    only blank lines, clutter ("Short Url", "Follow", "Share", bylines...), photo captions,
    other date lines or up to two more headline-like lines (standfirst, byline) between them.
    Of a stack of headline-like lines the earliest with three words or more is the headline.
    Text before the first headline is dropped when it holds no prose (site navigation);
    a text without any date line is one article whose title is its first non-empty line.

    Inside an article the title is the headline, the date is that of its first dated date
    line; clutter, captions, date lines, all-capitals section headers and the headline
    repeated under the date line are left out; bullet markers are stripped; the remaining
    lines, stripped of surrounding whitespace, are joined by "\\n" as the body.
    Returned articles have ids and sources but no default date (see `read_articles`).

    >>> arts = split_text_articles("Talks resume\\nUpdated 3 March 2024\\nShare\\nThey met.", "x.txt")
    >>> [(a.title, a.date, a.text) for a in arts]
    [('Talks resume', '2024-03-03', 'They met.')]
    """
    return [a for a, _ in _split_text(text, source, None)]


def _split_text(text: str, source: str, default_date: str | None) -> list[tuple[Article | None, str]]:
    """Articles of a text, or (None, reason) for a segment that yields no article."""
    lines = [ln.strip() for ln in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    starts: list[int] = []
    date_at: dict[int, int] = {}  # headline index -> index of its date line
    floor = 0
    for d, line in enumerate(lines):
        if not line or len(line) > 120 or _date_line(line) is None:
            continue
        h = _find_headline(lines, d, floor)
        if h is None or (starts and h <= starts[-1]):
            continue
        starts.append(h)
        date_at[h] = d
        floor = d + 1
    first = next((i for i, ln in enumerate(lines) if ln and not _is_skippable(ln)), None)
    if first is None:
        return [(None, "no article text")]
    if not starts:
        # no headline above a date line: one article; a date line above its title still counts
        dates = [found.date for ln in lines[:first] if (found := _date_line(ln)) and found.date]
        art = _text_article(lines[first:], 0, source, 1, 1, default_date, dates[0] if dates else None)
        return [art]
    if first < starts[0]:
        if _has_prose(lines[first:starts[0]]):
            starts.insert(0, first)
        else:
            logger.debug("%s: %d lines before the first headline dropped", source, starts[0] - first)
    bounds = list(zip(starts, starts[1:] + [len(lines)]))
    out: list[tuple[Article | None, str]] = []
    for n, (a, b) in enumerate(bounds, 1):
        header_end = date_at[a] - a if a in date_at else 0
        out.append(_text_article(lines[a:b], header_end, source, n, len(bounds), default_date))
    return out


def _text_article(lines: list[str], header_end: int, source: str, n: int, total: int,
                  default_date: str | None, date: str | None = None) -> tuple[Article | None, str]:
    """One article from its lines; `lines[header_end]` is its date line (0: none known)."""
    head = lines[0]
    body_lines = lines[1:]
    if len(head) > MAX_SHORT_LINE:
        title = _title_from_text(head)
        body_lines = lines
    else:
        title = head
    body: list[str] = []
    in_header = True  # until the first body line after the date line
    offset = len(lines) - len(body_lines)
    for k, line in enumerate(body_lines, offset):
        if not line:
            continue
        if len(line) <= 120:
            found = _date_line(line)
            if found is not None:
                if date is None and (in_header or not body):
                    date = found.date
                continue
        if _is_clutter(line) or _is_caption(line):
            continue
        if in_header and _same_text(line, title):
            continue
        if _is_section_header(line) and line != title:
            continue
        body.append(_BULLET_RE.sub("", line))
        in_header = in_header and k < header_end
    label = f"article {n}" if total > 1 else "article"
    if not body:
        return None, f"{label} {title[:60]!r}: no body text below the headline"
    return _make_article(title=title, text="\n".join(body), date=date, source=source,
                         default_date=default_date), ""


# --------------------------------------------------------------------------- HTML

def _html_problem(data: bytes) -> str | None:
    """Why the bytes of an .html file are no page (empty, binary), else None."""
    if not data.strip():
        return "empty file"
    if data.startswith(tuple(bom for bom, _ in _BOMS)):
        return None
    sample = data[:65536]
    # control bytes only: the bytes of a page in another encoding (GBK, cp1252) are no sign of binary data
    if b"\x00" in sample or len(_BINARY_RE.findall(sample)) > 0.05 * len(sample):
        return "binary data, not text"
    return None


_BINARY_RE = re.compile(rb"[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f\x7f]")


def _html_lines(page: WebPage) -> list[str]:
    """The body lines of a page's main text: clutter, captions and a repeated headline left out.

    trafilatura keeps short lines of small pages ("Advertisement", "By Staff Writer") and the
    page's own headline; the checks of the plain-text reader drop them.
    """
    title = (page.title or "").casefold()
    lines: list[str] = []
    for raw in page.text.split("\n"):
        line = " ".join(raw.split()).removeprefix("| ").removesuffix(" |")  # a table row: "| cell | cell |"
        if not line or _is_clutter(line) or _is_caption(line):
            continue
        if not lines and title and _is_headline_like(line) and title.startswith(line.casefold()):
            continue  # the headline (or its short form) above the body
        lines.append(line)
    return lines


def _read_html(data: bytes, path: str, default_date: str | None, on_error: ErrorHandler) -> Iterator[Article]:
    """One article from a saved web page: main text, title, date, URL and site by trafilatura."""
    problem = _html_problem(data)
    if problem is not None:
        on_error(InputError(problem, path=path))
        return
    page = read_webpage(data)
    body = _html_lines(page) if page is not None else []
    if page is None or not body:
        on_error(InputError("no article text found in the HTML page", path=path))
        return
    text = "\n".join(body)
    date = parse_date_value(page.date) if page.date else None
    yield _make_article(title=page.title or _title_from_text(text), text=text, date=date, source=path,
                        url=page.url, outlet=page.site or "", default_date=default_date)


# --------------------------------------------------------------------------- JSONL / CSV

def _record_article(rec: dict[str, object], path: str, n: int, where: int | str,
                    default_date: str | None, on_error: ErrorHandler) -> Article | None:
    """An article from a JSONL/CSV record; reports bad fields through `on_error`."""
    text = rec.get("text")
    if not isinstance(text, str) or not text.strip():
        on_error(InputError("missing or empty 'text'", path=path, position=where))
        return None
    if any(isinstance(v, str) and "\x00" in v for v in rec.values()):
        on_error(InputError("NUL byte in the record (corrupt or binary data)", path=path, position=where))
        return None
    title_v = rec.get("title")
    title = " ".join(str(title_v).split()) if title_v not in (None, "") else _title_from_text(text)
    raw_date = rec.get("date")
    date: str | None = None
    unusable = None
    if raw_date not in (None, ""):
        if isinstance(raw_date, int) and not isinstance(raw_date, bool):  # 20250826 as a JSON number
            raw_date = str(raw_date)
        date = parse_date_value(raw_date) if isinstance(raw_date, str) else None
        if date is None:
            unusable = f"unusable date {str(raw_date)[:60]!r}"
    id_v = rec.get("id")
    id_ = str(id_v).strip() if id_v not in (None, "") and not isinstance(id_v, (dict, list)) else None
    outlet = rec.get("outlet")
    return _make_article(title=title, text=text, date=date, source=f"{path}:{n}", url=rec.get("url"),
                         id_=id_ or None, default_date=default_date, outlet=outlet if isinstance(outlet, str) else "",
                         date_note=unusable and f"{path}:{where}: {unusable}")


def _read_jsonl(lines: Iterable[tuple[int, str]], path: str, default_date: str | None,
                on_error: ErrorHandler, span: _Span) -> Iterator[Article]:
    n = 0
    for lineno, line in lines:
        if not line.strip():
            continue
        n += 1
        if not span.owns(span.line_start):  # another span's record: counted, not parsed
            if span.past(span.line_start):
                return
            continue
        try:
            rec = json.loads(line)
        except ValueError as e:
            on_error(InputError(f"invalid JSON: {e}", path=path, position=lineno))
            continue
        except RecursionError:
            on_error(InputError("invalid JSON: nested too deeply", path=path, position=lineno))
            continue
        if not isinstance(rec, dict):
            on_error(InputError(f"not a JSON object but {type(rec).__name__}", path=path, position=lineno))
            continue
        art = _record_article(rec, path, n, lineno, default_date, on_error)
        if art is not None:
            yield art


def _read_csv(lines: Iterable[tuple[int, str]], path: str, default_date: str | None,
              on_error: ErrorHandler, span: _Span) -> Iterator[Article]:
    if csv.field_size_limit() < CSV_FIELD_LIMIT:
        csv.field_size_limit(CSV_FIELD_LIMIT)
    # strict: an unclosed quote is an error instead of a field that swallows the rest of the file
    reader = csv.reader((line for _, line in lines), strict=True)
    try:
        header = next(reader, None)
    except csv.Error as e:
        if span.start == 0:  # the header is the first span's
            on_error(InputError(f"unreadable CSV header: {e}", path=path, position=1))
        return
    names = [h.strip().lstrip("\ufeff").lower() for h in header or []]
    if "text" not in names:
        if span.start == 0:
                on_error(InputError("CSV header has no 'text' column (expected title,date,text[,id,url])",
                                    path=path, position=1))
        return
    n = 0
    while True:
        start_line, at = reader.line_num + 1, span.offset  # the reader reads no line ahead
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as e:
            if span.owns(at):
                on_error(InputError(f"record {n + 1}: broken CSV ({e}); rest of the file skipped",
                                    path=path, position=start_line))
            return
        if not any(cell.strip() for cell in row):
            continue
        n += 1
        if not span.owns(at):
            if span.past(at):
                return
            continue
        rec = {name: value for name, value in zip(names, row)}
        art = _record_article(rec, path, n, f"{start_line}: record {n}", default_date, on_error)
        if art is not None:
            yield art


@dataclass(slots=True)
class _Span:
    """The records of a JSONL or CSV file that one reader owns, those whose first line starts at
    an offset in [start, end) (None: the end of the file), and where the reading has got to.

    Every span reads the file from its start: the line and record numbers in sources and
    messages are those of the whole file, and each record or error is reported by one span.
    Offsets are bytes, or characters in a file decoded as a whole (UTF-16, a UTF-8 BOM).
    """

    start: int = 0
    end: int | None = None
    offset: int = 0  # where the next line starts
    line_start: int = 0  # where the line last read starts
    seen: bool = False  # a non-blank line was read

    def owns(self, at: int) -> bool:
        return self.start <= at and not self.past(at)

    def past(self, at: int) -> bool:
        return self.end is not None and at >= self.end


def _read_records(opener: Callable[[], BinaryIO], name: str, suffix: str, default_date: str | None,
                  on_error: ErrorHandler, span: _Span) -> Iterator[Article]:
    """The articles of a JSONL or CSV file (of its `span`), read record by record: memory holds one record."""
    try:
        fh = opener()
    except OSError as e:
        on_error(InputError(f"cannot read: {e.strerror or e}", path=name))
        return
    with fh:
        head = fh.read(65536)
        encoding, problem = _sniff(head)
        if problem is not None:
            if span.start == 0:
                on_error(InputError(problem, path=name))
            return
        fh.seek(0)
        lines = _record_lines(fh, encoding, name, on_error, span)
        reader = _read_jsonl if suffix in JSONL_SUFFIXES else _read_csv
        yield from reader(lines, name, default_date, on_error, span)
        if not span.seen and span.start == 0:
            on_error(InputError("empty file", path=name))


def _sniff(head: bytes) -> tuple[str | None, str | None]:
    """(encoding, problem) of a file from its first bytes: a BOM's or UTF-16's encoding, else
    None (UTF-8, line by line, cp1252 where a line is not); the problem is binary data."""
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig", None
    for bom, enc in _BOMS:
        if head.startswith(bom):
            return enc, None
    utf16 = _utf16_without_bom(head)
    if utf16:
        return utf16, None
    # one NUL in a record is that record's problem; many control bytes are a binary file's
    if len(_BINARY_RE.findall(head)) > 0.05 * len(head):
        return None, "binary data, not text"
    return None, None


def _utf16_without_bom(head: bytes) -> str | None:
    """"utf-16-le" or "utf-16-be" when the bytes look like mostly-ASCII UTF-16 text without a BOM."""
    half = len(head) // 2
    if half < 2:
        return None
    even, odd = head[0:2 * half:2].count(0), head[1:2 * half:2].count(0)
    for enc, zeros, other in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if zeros > 0.4 * half and other < 0.02 * half:
            try:
                head[:2 * half].decode(enc)
            except UnicodeDecodeError:
                continue  # cut in the middle of a surrogate pair, or not UTF-16
            return enc
    return None


#: A JSONL line or CSV line longer than this is skipped (an article holds at most MAX_ARTICLE_CHARS).
MAX_RECORD_BYTES = 32 * 1024 * 1024


def _record_lines(fh, encoding: str | None, path: str, on_error: ErrorHandler,
                  span: _Span) -> Iterator[tuple[int, str]]:
    """(line number, line with its ending) of a binary file; sets `span.seen` at a non-blank line.

    Without an `encoding` each line is UTF-8, else cp1252 (latin-1 if that fails too) with one
    warning for the file; a line longer than MAX_RECORD_BYTES is reported and read past. Both
    are reported only by the span that owns the line; `span.line_start` is the line's offset.
    """
    stream = io.TextIOWrapper(fh, encoding=encoding, errors="replace", newline="") if encoding else fh
    warned = False
    lineno = 0
    while raw := stream.readline(MAX_RECORD_BYTES + 1):
        lineno += 1
        span.line_start, span.offset = span.offset, span.offset + len(raw)
        if len(raw) > MAX_RECORD_BYTES and raw[-1:] not in ("\n", b"\n"):
            while more := stream.readline(1 << 20):
                span.offset += len(more)
                if more[-1:] in ("\n", b"\n"):
                    break
            if span.owns(span.line_start):
                on_error(InputError(f"line longer than {MAX_RECORD_BYTES} bytes, skipped", path=path,
                                    position=lineno))
            yield lineno, "\n"
            continue
        if isinstance(raw, bytes):
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError:
                enc = "cp1252"
                try:
                    line = raw.decode(enc)
                except UnicodeDecodeError:
                    enc, line = "latin-1", raw.decode("latin-1")
                if not warned and span.owns(span.line_start):  # the file's first such line only
                    logger.warning("%s:%d: not UTF-8, decoded as %s", path, lineno, enc)
                warned = True
            if lineno == 1:
                line = line.removeprefix("\ufeff")
        else:
            line = raw
        span.seen = span.seen or bool(line.strip())
        yield lineno, line


# --------------------------------------------------------------------------- files and folders

def _read_text_file(text: str, path: str, default_date: str | None, on_error: ErrorHandler) -> Iterator[Article]:
    for art, reason in _split_text(text, path, default_date):
        if art is None:
            on_error(InputError(reason, path=path))
        else:
            yield art


#: The extensions read in a folder; a file given by name is read whatever its extension.
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | CSV_SUFFIXES


@dataclass(frozen=True, slots=True)
class InputFile:
    """A file to read, a local path or an fsspec URL, and its size in bytes (0: unknown).

    For a JSONL or CSV file, `start` and `end` may restrict it to the records whose first line
    starts at an offset in [start, end) (`end` None: to the end of the file); see `split_input`.
    """

    path: str
    size: int = 0
    start: int = 0
    end: int | None = None


def split_input(file: InputFile, size: int) -> list[InputFile]:
    """A JSONL or CSV file cut into spans of about `size` bytes; any other file whole.

    >>> [(f.start, f.end) for f in split_input(InputFile("a.jsonl", 250), 100)]
    [(0, 100), (100, 200), (200, None)]
    >>> split_input(InputFile("a.html", 250), 100) == [InputFile("a.html", 250)]
    True
    """
    if file.size <= size or _suffix(file.path) not in JSONL_SUFFIXES | CSV_SUFFIXES:
        return [file]
    starts = range(0, file.size, size)
    return [InputFile(file.path, file.size, s, s + size if s + size < file.size else None) for s in starts]


def _suffix(path: str) -> str:
    return (PurePosixPath(urlsplit(path).path) if is_url(path) else Path(path)).suffix.lower()


def read_input_file(file: InputFile, date: str | None = None,
                    on_error: ErrorHandler | None = None) -> Iterator[Article]:
    """Read the articles of one file listed by `list_inputs` (a local path or a URL).

    Args:
        file: the file, or a span of a JSONL or CSV file's records (`split_input`).
        date: YYYY-MM-DD given to articles without a publication date.
        on_error: receives an `InputError` for each bad file or record; None: raise it.

    Returns:
        An iterator of the file's `Article`s, in order.
    """
    if is_url(file.path):
        return _read_url(file, date, on_error or _raise)
    return _read_file(file.path, date, on_error or _raise, _Span(file.start, file.end))


def _read_url(file: InputFile, default_date: str | None, on_error: ErrorHandler) -> Iterator[Article]:
    """The articles of a file at an fsspec URL (`source` is the URL), as `_read_file` of a local one."""
    url, suffix = file.path, _suffix(file.path)
    try:
        if suffix in JSONL_SUFFIXES or suffix in CSV_SUFFIXES:
            yield from _read_records(lambda: open_file(url), url, suffix, default_date, on_error,
                                     _Span(file.start, file.end))
            return
        if file.size > MAX_FILE_BYTES:
            on_error(InputError(f"file too large ({file.size} bytes, limit {MAX_FILE_BYTES})", path=url))
            return
        with open_file(url) as fh:
            data = fh.read(MAX_FILE_BYTES + 1)
    except OSError as e:
        on_error(InputError(f"cannot read: {e.strerror or e}", path=url))
        return
    except InputError as e:  # no fsspec, or no package for the protocol, where this runs (a worker)
        on_error(e)
        return
    yield from _read_data(data, url, suffix, default_date, on_error)


def _read_file(path: str, default_date: str | None, on_error: ErrorHandler,
               span: _Span | None = None) -> Iterator[Article]:
    name = display_path(path)  # the name in sources and messages
    suffix = Path(path).suffix.lower()
    try:
        st = os.stat(path)
        if stat.S_ISDIR(st.st_mode):
            raise IsADirectoryError(21, "is a directory")
        if not stat.S_ISREG(st.st_mode):
            on_error(InputError("not a regular file", path=name))
            return
        if suffix in JSONL_SUFFIXES or suffix in CSV_SUFFIXES:
            # closed by _read_records; open errors are its to report
            yield from _read_records(lambda: open(path, "rb"), name, suffix, default_date, on_error,  # noqa: SIM115
                                     span or _Span())
            return
        if st.st_size > MAX_FILE_BYTES:
            on_error(InputError(f"file too large ({st.st_size} bytes, limit {MAX_FILE_BYTES})", path=name))
            return
        with open(path, "rb") as fh:
            data = fh.read(MAX_FILE_BYTES + 1)
    except OSError as e:
        on_error(InputError(f"cannot read: {e.strerror or e}", path=name))
        return
    yield from _read_data(data, name, suffix, default_date, on_error)


def _read_data(data: bytes, name: str, suffix: str, default_date: str | None,
               on_error: ErrorHandler) -> Iterator[Article]:
    """The articles of the bytes of a text or HTML file."""
    if suffix in HTML_SUFFIXES:  # trafilatura reads the bytes: it finds the page's encoding itself
        yield from _read_html(data, name, default_date, on_error)
        return
    try:
        text = _decode(data, name)
    except InputError as e:
        on_error(e)
        return
    yield from _read_text_file(text, name, default_date, on_error)


def _walk(root: str, seen: set[str], ancestors: tuple[str, ...],
          unsupported: list[str]) -> Iterator[InputFile | InputError]:
    """Files under `root` in sorted order, and the errors of listing them in their place;
    symlinked directories are read once, loops reported.

    Files of an extension no reader takes (.docx, .pdf) are added to `unsupported`.
    """
    try:
        real = os.path.realpath(root)
        entries = sorted(os.scandir(root), key=lambda e: e.name)
    except OSError as e:
        yield InputError(f"cannot list directory: {e.strerror or e}", path=display_path(root))
        return
    seen.add(real)
    ancestors = (*ancestors, real)
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = os.path.join(root, entry.name)
        try:
            is_dir = entry.is_dir()  # follows symlinks
            is_file = entry.is_file()
        except OSError as e:
            yield InputError(f"cannot read: {e.strerror or e}", path=display_path(path))
            continue
        if is_dir:
            target = os.path.realpath(path)
            if target in ancestors:
                yield InputError("symlink loop, directory skipped", path=display_path(path))
            elif target in seen:
                logger.warning("%s: directory already read through another path, skipped", display_path(path))
            else:
                yield from _walk(path, seen, ancestors, unsupported)
        elif is_file:
            if Path(entry.name).suffix.lower() in SUFFIXES:
                yield InputFile(path, _size(path))
            else:
                unsupported.append(path)
        elif entry.is_symlink():
            yield InputError("broken symbolic link", path=display_path(path))


def _size(path: str) -> int:
    """The size of a local file, 0 when it cannot be known (its reader reports why)."""
    try:
        return os.stat(path).st_size
    except OSError:
        return 0


def _unsupported_error(root: str, files: list[str], shown: int = 5) -> InputError:
    """One error listing the unsupported files found under the folder `root`."""
    names = [display_path(os.path.relpath(f, root)) for f in files]
    more = f" and {len(names) - shown} more" if len(names) > shown else ""
    kinds = ", ".join(sorted({_suffix(f) or "(none)" for f in files}))
    return InputError(f"{len(names)} file(s) of an unsupported type ({kinds}): "
                      f"{', '.join(names[:shown])}{more}", path=display_path(root))


def _raise(error: InputError) -> None:
    raise error


def read_articles(paths: Iterable[str | Path], *, date: str | None = None,
                  on_error: ErrorHandler | None = None) -> Iterator[Article]:
    """Read articles from files, folders and globs (text, HTML, JSONL, CSV), local or fsspec URLs.

    Args:
        paths: files and folders; folders are read recursively in sorted order (hidden
            entries skipped; files of unknown extensions skipped and listed in one error per
            folder), files given explicitly are read whatever their extension (unknown ones
            as text). JSONL and CSV files are read one record at a time. A URL
            (`s3://bucket/news/`, `file:///data/*.jsonl`) may name a file, a folder or a glob,
            read the same way with fsspec; its articles' `source` is the file's URL.
        date: YYYY-MM-DD given to articles without a publication date.
        on_error: receives an `InputError` for each bad file or record, and reading goes on;
            when None the first such error is raised.

    Returns:
        An iterator of `Article`s in input order.

    Raises:
        InputError: at once, when a path does not exist, a URL cannot be listed (or fsspec is
            missing) or `date` is not YYYY-MM-DD; later, for bad input when `on_error` is None.
    """
    return _read_listed(list_inputs(paths, date=date), date, on_error or _raise)


def _read_listed(entries: Iterable[InputFile | InputError], date: str | None,
                 on_error: ErrorHandler) -> Iterator[Article]:
    for entry in entries:
        if isinstance(entry, InputError):
            on_error(entry)
        else:
            yield from read_input_file(entry, date, on_error)


def list_inputs(paths: Iterable[str | Path], *, date: str | None = None) -> Iterator[InputFile | InputError]:
    """The files to read for `paths` (see `read_articles`), in reading order, with their sizes.

    Listing errors (a folder that cannot be listed, files of unsupported types) come as
    `InputError`s in their place. Local folders are walked as the iterator is consumed; URLs
    are listed at once.

    Raises:
        InputError: at once, when a path does not exist, a URL cannot be listed (or fsspec is
            missing) or `date` is not YYYY-MM-DD.
    """
    items = [str(p) for p in paths]
    urls = {}
    for p in items:
        if is_url(p):
            urls[p] = find_files(p)
        elif not os.path.lexists(p):
            raise InputError("no such file or directory", path=p)
    if date is not None and (not re.fullmatch(r"\d{4}-\d{2}-\d{2}", date) or parse_date_value(date) != date):
        raise InputError(f"invalid date {date!r}, expected YYYY-MM-DD")
    if date is not None and not date_in_range(date):
        raise InputError(f"date {date} out of range ({FIRST_YEAR} to {_date.today().year + 10})")
    return _list_all(items, urls)


def _list_all(items: list[str], urls: dict[str, list[tuple[str, int, str | None]]]) -> Iterator[InputFile | InputError]:
    seen: set[str] = set()
    for p in items:
        if p in urls:
            yield from _list_url(urls[p])
        elif os.path.isdir(p):
            if os.path.realpath(p) in seen:
                logger.warning("%s: directory already read, skipped", p)
                continue
            unsupported: list[str] = []
            yield from _walk(p, seen, (), unsupported)
            if unsupported:
                yield _unsupported_error(p, unsupported)
        else:
            yield InputFile(p, _size(p))


def _list_url(files: list[tuple[str, int, str | None]]) -> Iterator[InputFile | InputError]:
    """The files of one URL; those of unsupported types in its folders, in one error per folder."""
    unsupported: dict[str, list[str]] = {}
    for url, size, folder in files:
        if folder is None or _suffix(url) in SUFFIXES:
            yield InputFile(url, size)
        else:
            unsupported.setdefault(folder, []).append(url)
    for folder, names in unsupported.items():
        yield _unsupported_error(folder, names)
