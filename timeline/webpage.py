"""Saved web pages -> main text and metadata, through trafilatura (htmldate for the date).

The one module that imports trafilatura. It reads the page as given and never fetches
anything: no URL is handed to trafilatura, and htmldate only reads the parsed page.
`ingest.py` turns a `WebPage` into an `Article`.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import date as _date

import trafilatura
from lxml.etree import LxmlError
from trafilatura.settings import use_config

__all__ = ["WebPage", "read_webpage"]

logger = logging.getLogger(__name__)

#: Main text shorter than this makes trafilatura try its fallbacks (its own default, 250).
MIN_EXTRACTED = 250


@dataclass(frozen=True, slots=True)
class WebPage:
    """What a saved page holds: its main text (paragraphs on lines) and its metadata."""

    text: str
    title: str | None = None
    date: str | None = None  # publication date, YYYY-MM-DD
    url: str | None = None
    site: str | None = None  # og:site_name, the publisher's name, else the URL's domain


def _config(min_extracted: int):
    config = use_config()
    config.set("DEFAULT", "min_extracted_size", str(min_extracted))
    return config


_CONFIGS = {n: _config(n) for n in (MIN_EXTRACTED, 0)}


def _extract(data: bytes, min_extracted: int):
    return trafilatura.bare_extraction(
        data, with_metadata=True, include_comments=False, include_images=False, include_links=False,
        config=_CONFIGS[min_extracted],
        date_extraction_params={"original_date": True, "extensive_search": True,
                                "max_date": _date.today().isoformat()},
    )


def read_webpage(data: bytes) -> WebPage | None:
    """The main text and metadata of a saved page (its bytes: trafilatura detects the encoding).

    None when the page has no main text. A page whose main text is short is read again with
    no minimum size: trafilatura's fallbacks, made for long pages, would otherwise take the
    whole page, navigation and all, as its text.
    """
    data = _as_document(_close_title(data))
    try:
        doc = _extract(data, MIN_EXTRACTED)
        if doc is None or len(doc.text or "") < 2 * MIN_EXTRACTED:
            doc = _extract(data, 0) or doc
    except (LxmlError, ValueError) as e:  # lxml refuses a few documents outright
        logger.debug("trafilatura could not read the page: %s", e)
        return None
    if doc is None or not (doc.text or "").strip():
        return None
    return WebPage(text=doc.text, title=doc.title or None, date=doc.date or None, url=doc.url or None,
                   site=doc.sitename or doc.hostname or None)


def _as_document(data: bytes) -> bytes:
    """The page as a whole document: trafilatura refuses a fragment without "html" near its start."""
    if b"html" in data[:64].lower() or data.startswith((b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")):
        return data
    return b"<html><body>" + data + b"</body></html>"


_TITLE_OPEN = re.compile(rb"<title\b[^>]*>", re.IGNORECASE)


def _close_title(data: bytes) -> bytes:
    """Close a <title> left open: lxml would read the rest of the page as the title."""
    m = _TITLE_OPEN.search(data, 0, 1 << 16)
    if m is None or re.search(rb"</title", data[m.end():], re.IGNORECASE):
        return data
    end = data.find(b"<", m.end())
    end = len(data) if end < 0 else end
    return data[:end] + b"</title>" + data[end:]
