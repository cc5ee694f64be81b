"""Figure data to one self-contained HTML page: the template, plotly.js inlined once, the data as JSON.

The page loads nothing from the network: plotly.js, the styles, the script and the data are
all inside it, and its Content-Security-Policy forbids any connection. Article strings
travel only inside a `<script type="application/json">` block, with `<`, `>`, `&` and the
line separators escaped, so no headline or sentence can close the block or be read as markup.
"""
from __future__ import annotations

import html
import io
import json
import re
from collections.abc import Iterable, Iterator
from functools import cache, lru_cache
from importlib import resources

from ..model import Event
from .figures import page_data

_PLACEHOLDER = re.compile(r"@@(\w+)@@")
_JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
_JSON_UNSAFE = re.compile("[<>&\u2028\u2029]")


@cache
def _asset(name: str) -> str:
    return resources.files(__package__).joinpath(name).read_text(encoding="utf-8")


#: plotly.js 4.1.1's partial bundle with the only trace types the page draws (scatter,
#: scattergl): a third of the full bundle's size, so the page starts a second sooner.
#: Where it comes from and how to reproduce it: vendor/README.md.
PLOTLY_JS = "vendor/plotly-gl2d-4.1.1.min.js"


@lru_cache(maxsize=1)
def _plotly_js() -> str:
    # Never expected in plotly.js, but it would end the inline <script> early.
    return re.sub(r"</(script)", r"<\\/\1", _asset(PLOTLY_JS), flags=re.IGNORECASE)


def script_json(value: object) -> str:
    """`value` as JSON that is safe inside an HTML `<script>` element: sorted keys, no `<`, `>`, `&`.

    >>> script_json({"b": "</script>", "a": 1})
    '{"a":1,"b":"\\\\u003c/script\\\\u003e"}'
    """
    text = json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False)
    return _JSON_UNSAFE.sub(lambda m: _JSON_ESCAPES[m.group()], text)


def render_html(events: Iterable[Event], graph_data: dict, *, title: str = "Diplomatic event timeline") -> str:
    """Render events and their actor graph as one self-contained interactive HTML page.

    Args:
        events: the events (any order; the page sorts them by date, article, sentence, id).
        graph_data: `{"nodes": [...], "edges": [...]}` as produced by `graph.py`.
        title: the page's `<title>` and heading (escaped).
    Returns:
        The page as a string, the same bytes for the same input.
    """
    buf = io.StringIO()
    write_html(events, graph_data, buf, title=title)
    return buf.getvalue()


def write_html(events: Iterable[Event], graph_data: dict, f, *, title: str = "Diplomatic event timeline") -> None:
    """Write the page of `render_html` into the open text file `f`, in pieces.

    The template's parts, then the data's JSON a column (or a slice of a long column) at a
    time, so the page never exists as one string; an `EventSpool` of events is read in page
    order without being held.
    """
    parts = {
        "title": html.escape(title, quote=True),
        "css": _asset("page.css"),
        "plotlyjs": _plotly_js(),
        "js": _asset("page.js"),
    }
    # One pass over the template, so a placeholder-like string inside the data is never substituted.
    for k, piece in enumerate(_PLACEHOLDER.split(_asset("page.html"))):
        if k % 2 == 0:
            f.write(piece)
        elif piece == "data":
            f.writelines(script_json_parts(page_data(events, graph_data)))
        else:
            f.write(parts[piece])


def script_json_parts(value: object, size: int = 10_000) -> Iterator[str]:
    """`script_json(value)` in pieces: a dict key by key, a list longer than `size` that many items at a time.

    >>> "".join(script_json_parts({"b": ["<", 2, 3], "a": {}}, size=2)) == script_json({"b": ["<", 2, 3], "a": {}})
    True
    """
    if isinstance(value, dict) and all(isinstance(k, str) for k in value):
        yield "{"
        for i, k in enumerate(sorted(value)):
            yield ("," if i else "") + script_json(k) + ":"
            yield from script_json_parts(value[k], size)
        yield "}"
    elif isinstance(value, list) and len(value) > size:
        yield "["
        for i in range(0, len(value), size):
            yield ("," if i else "") + script_json(value[i:i + size])[1:-1]
        yield "]"
    else:
        yield script_json(value)
