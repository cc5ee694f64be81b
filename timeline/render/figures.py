"""Events to figure data: plotly figure dicts and the page's compact data. Pure functions.

Everything here is deterministic and JSON-serialisable, so it can be compared with golden
files. The page's JavaScript (`page.js`) draws the timeline from `page_data` with the same
rules as `timeline_figure` (colours, symbols, lanes, spans, hover text); the browser tests
check that both give the same traces.

How an event is drawn on the timeline (one mark per dated event):

* day precision without an end date: a marker on that day;
* month or year precision, or a range (`date_end`): a horizontal line from the first day of
  the period to the first day after its end, in a "span" trace of the same event type, plus
  one marker at the middle of the span (the marker carries the hover and the click);
* no date: no mark; the event is listed in the table and counted as undated.

So the number of drawn points is the total length of the traces whose `meta.role` is
`"events"`; span traces (`meta.role == "span"`) draw lines only and are not counted.

Above WEBGL_THRESHOLD dated events the traces are `scattergl`, with smaller marks
(MARK_STYLE) and no prebuilt hover strings (`hoverinfo: "none"`): the page builds a small
text-only tooltip for the hovered event from `customdata` instead.
"""
from __future__ import annotations

import datetime as _dt
import math
from collections import Counter
from collections.abc import Iterable, Sequence
from urllib.parse import urlsplit

from ..export import sorted_events
from ..model import MODALITIES, Event
from ..rules import event_types

#: Above this many dated events the timeline uses WebGL (`scattergl`) traces.
WEBGL_THRESHOLD = 10_000
#: Marks and bars: (marker size, marker outline width, span line width) for SVG and for WebGL.
#: Smaller in WebGL mode: with that many events marks overlap anyway, and a software-rendered
#: WebGL canvas costs time in proportion to the pixels of every mark.
MARK_STYLE = {"scatter": (10, 1.5, 3), "scattergl": (5, 1, 2)}
#: Above this many edges the graph draws its links with WebGL.
GRAPH_WEBGL_EDGES = 2_000
#: Only the actors with the most events carry a name on the graph; the others show it on hover.
GRAPH_LABELS = 12
#: Where on a one-way link its arrowhead sits, from the source (0) to the target (1).
ARROW_AT = 0.6

NO_ACTOR = "(no actor)"
LANE_MODES = ("actor", "type")

#: How modality changes a mark: (symbol suffix, opacity, description for the legend).
MODALITY_STYLES = {
    "occurred": ("", 1.0, "filled"),
    "planned": ("-open", 1.0, "open"),
    "intended": ("-open-dot", 1.0, "open with a dot"),
    "hypothetical": ("", 0.35, "faded"),
    "negated": ("-open", 0.35, "faded and open"),
}
KIND_COLORS = {"person": "#1f77b4", "country": "#d62728", "organization": "#2ca02c", "group": "#ff7f0e"}
OTHER_COLOR = "#7f7f7f"

#: The timeline's legend: px for its title and the plot's margins, and px an entry (plotly's
#: legend entry for a mark of MARK_STYLE's size, 10 px, is 29 px tall).
LEGEND_BASE, LEGEND_ENTRY = 110, 29

HOVER_WIDTH = 80  # characters per hover line
HOVER_MAX = 400  # characters of the sentence shown in the hover box

_EPOCH = _dt.date(1970, 1, 1).toordinal()


# -- small pure helpers -------------------------------------------------------------------

def escape_text(s: str | None) -> str:
    """Escape `&`, `<` and `>` so plotly shows a string as text, never as its mini-HTML.

    >>> escape_text('<b onmouseover="x">A & B</b>')
    '&lt;b onmouseover="x"&gt;A &amp; B&lt;/b&gt;'
    """
    if not s:
        return ""
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def safe_url(url: str | None) -> str | None:
    """Return `url` if it is an absolute http(s) URL without spaces or control characters.

    >>> safe_url("https://example.org/a?b=1"), safe_url("javascript:alert(1)"), safe_url("/tmp/a.txt")
    ('https://example.org/a?b=1', None, None)
    """
    if not url or not isinstance(url, str):
        return None
    if any(ord(c) <= 32 or ord(c) == 127 for c in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url


def _parse_period(value: str | None) -> tuple[_dt.date, _dt.date] | None:
    """First day of an ISO date at its precision and the first day after its period."""
    if not value or not isinstance(value, str):
        return None
    try:
        parts = [int(p) for p in value.split("-")]
        if len(parts) == 1:
            return _dt.date(parts[0], 1, 1), _dt.date(parts[0] + 1, 1, 1)
        if len(parts) == 2:
            y, m = parts
            start = _dt.date(y, m, 1)
            return start, (_dt.date(y + 1, 1, 1) if m == 12 else _dt.date(y, m + 1, 1))
        if len(parts) == 3:
            start = _dt.date(*parts)
            return start, start + _dt.timedelta(days=1)
    except (ValueError, OverflowError):
        return None
    return None


def event_extent(event: Event) -> tuple[int, int | None, int] | None:
    """Where an event goes on the time axis, in days since 1970-01-01: (start, end, mark).

    `end` is None for a point (a single day); otherwise the span is [start, end) and
    `mark` is its middle day. None when the event has no usable date.

    >>> e = Event.from_dict({"id": "e", "type": "meeting", "date": "2025-06", "date_precision": "month"})
    >>> [str(_dt.date.fromordinal(d + _EPOCH)) for d in event_extent(e)]
    ['2025-06-01', '2025-07-01', '2025-06-16']
    """
    first = _parse_period(event.date)
    if first is None:
        return None
    start, end = first
    if event.date_end:
        last = _parse_period(event.date_end)
        if last is not None and last[1] > end:
            end = last[1]
    s, e = start.toordinal() - _EPOCH, end.toordinal() - _EPOCH
    if e - s <= 1:
        return s, None, s
    return s, e, s + (e - s) // 2


def day_to_iso(day: int) -> str:
    """Days since 1970-01-01 as an ISO date.

    >>> day_to_iso(0)
    '1970-01-01'
    """
    return _dt.date.fromordinal(day + _EPOCH).isoformat()


def page_order(event: Event) -> tuple:
    """The sort key of page order: dated first by date, then article, sentence and id."""
    ext = event_extent(event)
    return (ext is None, ext[0] if ext else 0, event.date or "", event.article_id, event.sentence_index, event.id)


def sort_events(events: Iterable[Event]) -> list[Event]:
    """Events in page order: dated first by date, then article, sentence and id."""
    return sorted(events, key=page_order)


def type_order(types: Iterable[str]) -> list[str]:
    """Known event types in the order of event_types.csv (the legend's), then unknown ones alphabetically.

    >>> type_order(["zeta", "talks", "meeting"])
    ['meeting', 'talks', 'zeta']
    """
    present = set(types)
    table = event_types()
    return [t for t in table if t in present] + sorted(present - set(table))


def type_style(event_type: str) -> tuple[str, str]:
    """(colour, symbol) of an event type, from its row of event_types.csv; unknown types share a grey circle.

    >>> type_style("meeting"), type_style("no such type")
    (('#2E91E5', 'circle'), ('#7f7f7f', 'circle'))
    """
    row = event_types().get(event_type)
    return (row.color, row.symbol) if row is not None else (OTHER_COLOR, "circle")


def modality_style(modality: str) -> tuple[str, float]:
    """(symbol suffix, opacity) for a modality; unknown modalities look like `occurred`."""
    suffix, opacity, _ = MODALITY_STYLES.get(modality, MODALITY_STYLES["occurred"])
    return suffix, opacity


def event_lane(event: Event) -> str:
    """The actor lane of an event: its first source actor, else its first actor."""
    if event.source:
        return event.source[0]
    if event.actors:
        return event.actors[0]
    return NO_ACTOR


def lane_order(events: Sequence[Event], lanes: str) -> list[str]:
    """All lanes: actors by number of events (most first, then by name), or event types."""
    if lanes == "type":
        return type_order(e.type for e in events)
    return by_count(Counter(event_lane(e) for e in events))


def by_count(counts: Counter) -> list[str]:
    """The keys of `counts`, most first, ties by name."""
    return sorted(counts, key=lambda a: (-counts[a], a))


def date_label(event: Event) -> str:
    """The date as the page shows it: ISO at its precision, a range as `start – end`."""
    if not event.date:
        return "undated"
    if event.date_end:
        return f"{event.date} – {event.date_end}"
    return event.date


def _split_sources(event: Event) -> tuple[list[str], list[str]]:
    sources = [a for a in event.actors if a in set(event.source)]
    others = [a for a in event.actors if a not in set(event.source)]
    return sources, others


def actors_label(event: Event) -> str:
    """`A, B → C, D`: the source actors, then the other participants."""
    sources, others = _split_sources(event)
    if sources and others:
        return f"{', '.join(sources)} → {', '.join(others)}"
    return ", ".join(sources or others)


def wrap_text(text: str, width: int = HOVER_WIDTH, limit: int = HOVER_MAX) -> list[str]:
    """Cut `text` to `limit` characters (adding `…`) and wrap it at spaces into lines.

    >>> wrap_text("aa bb cc", width=5)
    ['aa bb', 'cc']
    """
    if len(text) > limit:
        text = text[:limit] + "…"
    lines: list[str] = []
    line = ""
    for word in text.split(" "):
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    lines.append(line)
    return lines


def hover_text(event: Event) -> str:
    """The hover box of a timeline mark: type, modality, date as written, actors, sentence."""
    head = f"<b>{escape_text(event.type)}</b>"
    if event.modality != "occurred":
        head += f" ({escape_text(event.modality)})"
    when = escape_text(date_label(event))
    if event.date_text:
        when = f"“{escape_text(event.date_text)}” → {when}"
    lines = [head, when, escape_text(actors_label(event))]
    lines += [escape_text(line) for line in wrap_text(event.sentence)]
    return "<br>".join(lines)


def _utf16_len(s: str) -> int:
    return len(s.encode("utf-16-le")) // 2


def trigger_span(event: Event) -> tuple[int, int]:
    """Offsets of the trigger inside the sentence, in UTF-16 code units (JavaScript's), or (-1, -1).

    Uses the event's trigger offsets when they point at the trigger, else the first
    case-insensitive occurrence of the trigger in the sentence.

    >>> e = Event.from_dict({"id": "e", "type": "talks", "sentence": "They held talks.", "trigger": "talks"})
    >>> trigger_span(e)
    (10, 15)
    """
    s = event.sentence
    start = event.trigger_start - event.char_start
    end = event.trigger_end - event.char_start
    if not (0 <= start < end <= len(s)) or (event.trigger and s[start:end].lower() != event.trigger.lower()):
        if not event.trigger:
            return -1, -1
        start = s.lower().find(event.trigger.lower())
        if start < 0:
            return -1, -1
        end = start + len(event.trigger)
    return _utf16_len(s[:start]), _utf16_len(s[:end])


# -- figures -------------------------------------------------------------------------------

def timeline_height(size: float, legend_entries: int = 0) -> int:
    """The timeline's height in px: 26 px a lane unit, and room for every entry of the legend.

    Plotly's legend scrolls, hiding entries, where the plot is shorter than it: 20 types of
    event in a single lane would show only ten of them.

    >>> timeline_height(3), timeline_height(3, legend_entries=20), timeline_height(100)
    (360, 690, 1400)
    """
    return max(360, min(1400, round(26 * size) + 140), LEGEND_BASE + LEGEND_ENTRY * legend_entries)


def timeline_layout(lanes: str, categories: Sequence[str], centres: Sequence[float] | None = None,
                    size: float | None = None, legend_entries: int = 0) -> dict:
    """The timeline's plotly layout for the given lane mode and (escaped) lane names, top to bottom.

    Lanes are numbers on a linear y axis labelled by `ticktext`: numbers are much faster than
    category strings for plotly with 100,000 points. `centres` and `size` are those of
    `stack_marks` (by default a lane is one unit, the k-th centred on k); the plot is tall
    enough for `legend_entries` (`timeline_height`).
    """
    if lanes not in LANE_MODES:
        raise ValueError(f"lanes must be one of {LANE_MODES}, not {lanes!r}")
    if centres is None:
        centres = range(len(categories))
    return {
        "dragmode": "zoom",
        "height": timeline_height(len(categories) if size is None else size, legend_entries),
        "hoverlabel": {"align": "left", "namelength": -1},
        "hovermode": "closest",
        "legend": {"itemclick": "toggle", "title": {"text": "Event type"}},
        "margin": {"b": 50, "l": 10, "r": 10, "t": 30},
        "showlegend": True,
        "uirevision": "timeline",
        "xaxis": {"automargin": True, "showgrid": True, "title": {"text": "Date"}, "type": "date"},
        "yaxis": {
            "autorange": "reversed",
            "automargin": True,
            # "allow": plotly does not measure every label to hide those past the plot.
            "ticklabeloverflow": "allow",
            "tickmode": "array",
            "ticktext": list(categories),
            "tickvals": list(centres),
            "title": {"text": "Actor" if lanes == "actor" else "Event type"},
            "type": "linear",
            "zeroline": False,
        },
    }


#: Marks of one lane and one day stand this far apart, in lanes (a multiple of 1/4, so every
#: position is exact in binary and page.js computes the very same numbers).
STACK_STEP = 0.5


def stack_marks(marks: Sequence[tuple[int, int]], lanes: int) -> tuple[list[float], list[float], float]:
    """Spread the marks of one lane and one day so that none hides another.

    Args:
        marks: (lane index, day) of each mark, in page order.
        lanes: the number of lanes.
    Returns:
        (y of each mark, centre of each lane, height of all lanes). A lane is as tall as its
        tallest stack (STACK_STEP a mark, one at least); a stack is centred on its lane, its
        first mark in page order on top. Without stacks the k-th lane is centred on k.

    >>> stack_marks([(0, 5), (0, 5), (1, 5), (0, 6), (0, 5)], 2)
    ([-0.25, 0.25, 1.5, 0.25, 0.75], [0.25, 1.5], 2.5)
    """
    count = Counter(marks)
    height = [1.0] * lanes
    for (lane, _), n in count.items():
        height[lane] = max(height[lane], n * STACK_STEP)
    centres, top = [], -0.5
    for h in height:
        centres.append(top + h / 2)
        top += h
    seen: Counter = Counter()
    ys = []
    for key in marks:
        ys.append(centres[key[0]] + (seen[key] - (count[key] - 1) / 2) * STACK_STEP)
        seen[key] += 1
    return [_plain(y) for y in ys], [_plain(c) for c in centres], _plain(sum(height))


def _plain(x: float) -> float:
    """A whole number as an int, so JSON writes `2`, as JavaScript does, not `2.0`."""
    return int(x) if float(x).is_integer() else x


#: A dated event on the timeline: (its index in page order, the event, its `event_extent`).
_Dated = tuple[int, Event, tuple[int, int | None, int]]


def dated_events(events: Iterable[Event]) -> list[_Dated]:
    """The dated events in page order, each with its index in page order and its extent."""
    with_extent = ((i, e, event_extent(e)) for i, e in enumerate(sort_events(events)))
    return [(i, e, ext) for i, e, ext in with_extent if ext is not None]


def trace_kind(dated: int) -> str:
    """The timeline's trace type for that many dated events.

    >>> trace_kind(10), trace_kind(WEBGL_THRESHOLD + 1)
    ('scatter', 'scattergl')
    """
    return "scattergl" if dated > WEBGL_THRESHOLD else "scatter"


def focus_range(marks: Sequence[int]) -> tuple[int, int] | None:
    """The timeline's first x range, in days: where the marks are dense, padded; None without marks.

    From the 5th to the 95th percentile of the marks (by rank), padded on each side by a
    twentieth of that width and at least a day, so a few far outliers (a treaty of 1994 in
    a month of news) do not squeeze every other mark into one spot; the page's "all dates"
    button shows them. page.js computes the same range for the filtered events.

    >>> focus_range([100] + [5000 + d for d in range(40)] + [9000])
    (5000, 5039)
    >>> focus_range([7, 7, 7])
    (6, 8)
    """
    if not marks:
        return None
    ordered = sorted(marks)
    k = (len(ordered) - 1) // 20
    low, high = ordered[k], ordered[len(ordered) - 1 - k]
    pad = max(1, (high - low) // 20)
    return low - pad, high + pad


def timeline_figure(events: Sequence[Event], lanes: str = "actor") -> dict:
    """The timeline as a plotly figure dict: x is the date, one lane per actor or event type.

    Args:
        events: the events to draw (any order; undated ones are skipped).
        lanes: "actor" (an event sits in the lane of its first source actor, else its
            first actor) or "type".
    Returns:
        {"data": [...], "layout": {...}}. For each event type: a span trace (lines, if the
        type has coarse or ranged dates), then one events trace per modality (markers; the
        symbol and opacity show the modality; `customdata` is the event's index in
        `sort_events(events)`). `y` is the lane's index in `layout.yaxis.ticktext`. In WebGL
        mode the events traces carry no `hovertext` (`hoverinfo` is "none"). The x axis
        starts on `focus_range` of the marks.
    """
    dated = dated_events(events)
    trace_type = trace_kind(len(dated))
    names = lane_order([e for _, e, _ in dated], lanes)
    position = {name: k for k, name in enumerate(names)}
    lane = (lambda e: e.type) if lanes == "type" else event_lane
    ys, centres, size = stack_marks([(position[lane(e)], ext[2]) for _, e, ext in dated], len(names))
    y_of = {i: y for (i, _, _), y in zip(dated, ys)}
    modalities = list(MODALITIES) + sorted({e.modality for _, e, _ in dated} - set(MODALITIES))
    data: list[dict] = []
    types = type_order(e.type for _, e, _ in dated)
    for etype in types:
        rows = [row for row in dated if row[1].type == etype]
        data += _type_traces(etype, rows, modalities, y_of, trace_type)
    layout = timeline_layout(lanes, [escape_text(n) for n in names], centres, size, len(types))
    focus = focus_range([mark for _, _, (_, _, mark) in dated])
    if focus is not None:
        layout["xaxis"]["range"] = [day_to_iso(focus[0]), day_to_iso(focus[1])]
    return {"data": data, "layout": layout}


def _type_traces(etype: str, rows: list[_Dated], modalities: list[str],
                 y_of: dict[int, float], trace_type: str) -> list[dict]:
    """One event type's traces: its span trace (if it has spans), then an events trace per modality."""
    traces = []
    span = _span_trace(etype, rows, y_of, trace_type)
    if span is not None:
        traces.append(span)
    first = True
    for modality in modalities:
        group = [row for row in rows if row[1].modality == modality]
        if group:
            traces.append(_events_trace(etype, modality, group, y_of, trace_type, first))
            first = False
    return traces


def _span_trace(etype: str, rows: list[_Dated], y_of: dict[int, float], trace_type: str) -> dict | None:
    """The bars of an event type's coarse or ranged dates, one segment each, at the height of
    their marks; None if it has none."""
    span_x: list[str | None] = []
    span_y: list[float | None] = []
    for i, _, (start, end, _) in rows:
        if end is not None:
            span_x += [day_to_iso(start), day_to_iso(end), None]
            span_y += [y_of[i], y_of[i], None]
    if not span_x:
        return None
    return {
        "hoverinfo": "skip", "legendgroup": etype,
        "line": {"color": type_style(etype)[0], "width": MARK_STYLE[trace_type][2]},
        "meta": {"role": "span"}, "mode": "lines", "name": escape_text(etype), "opacity": 0.45,
        "showlegend": False, "type": trace_type, "x": span_x, "y": span_y,
    }


def _events_trace(etype: str, modality: str, group: list[_Dated], y_of: dict[int, float],
                  trace_type: str, showlegend: bool) -> dict:
    """The marks of the events of one type and one modality."""
    color, symbol = type_style(etype)
    size, outline, _ = MARK_STYLE[trace_type]
    suffix, opacity = modality_style(modality)
    trace = {
        "customdata": [i for i, _, _ in group],
        "hoverinfo": "text",
        "legendgroup": etype,
        "marker": {"color": color, "line": {"color": color, "width": outline}, "opacity": opacity,
                   "size": size, "symbol": symbol + suffix},
        "meta": {"modality": modality, "role": "events"},
        "mode": "markers",
        "name": escape_text(etype),
        "showlegend": showlegend,
        "type": trace_type,
        "x": [day_to_iso(mark) for _, _, (_, _, mark) in group],
        "y": [y_of[i] for i, _, _ in group],
    }
    if trace_type == "scatter":
        trace["hovertext"] = [hover_text(e) for _, e, _ in group]
    else:  # the page shows its own tooltip (hover_text's lines, as text) from customdata
        trace["hoverinfo"] = "none"
    return trace


def _parse_types(types: str | None) -> list[tuple[str, int]]:
    """`"meeting:2;talks:1"` as [("meeting", 2), ("talks", 1)]; malformed parts count 1."""
    out = []
    for part in (types or "").split(";"):
        if not part:
            continue
        name, _, n = part.rpartition(":")
        if not name:
            name, n = n, "1"
        try:
            out.append((name, int(n)))
        except ValueError:
            out.append((part, 1))
    return out


def _types_label(counts: Iterable[tuple[str, int]]) -> str:
    return ", ".join(f"{t} {n}" for t, n in counts)


def _dates_label(first: str | None, last: str | None) -> str:
    if not first and not last:
        return "undated"
    if first == last or not last:
        return str(first)
    if not first:
        return str(last)
    return f"{first} – {last}"


def edge_width(weight: float) -> float:
    """Line width of an edge: 1 for one event, growing with the logarithm of the weight.

    >>> edge_width(1), edge_width(4), edge_width(10_000)
    (1.0, 4.0, 9.0)
    """
    w = max(1.0, float(weight or 1))
    return min(9.0, round((1.0 + 1.5 * math.log2(w)) * 2) / 2)


def node_size(events: int, most: int) -> float:
    """Marker size of a node: 8 px for none, up to 40 px for the actor with the most events."""
    if most <= 0:
        return 8.0
    return round(8.0 + 32.0 * math.sqrt(max(0, events) / most), 2)


def graph_figure(graph_data: dict) -> dict:
    """The actor graph as a plotly figure dict from `graph.py`'s node/edge data.

    Args:
        graph_data: {"nodes": [...], "edges": [...]} with positions `x`, `y` on nodes.
    Returns:
        A figure with edge traces (one per kind and width; affiliations dashed), an
        invisible edge-midpoint trace for edge hover, and one node trace per actor kind
        (`customdata` is the actor name, used to filter the timeline on click).
    """
    nodes = sorted(graph_data.get("nodes", []), key=lambda n: str(n["id"]))
    pos = spread_positions(node_positions(nodes))
    edges = sorted(
        (e for e in graph_data.get("edges", []) if str(e["source"]) in pos and str(e["target"]) in pos),
        key=lambda e: (str(e["source"]), str(e["target"]), str(e.get("kind", "")), str(e.get("types", ""))),
    )
    edge_trace = "scattergl" if len(edges) > GRAPH_WEBGL_EDGES else "scatter"
    data = _edge_traces(edges, pos, edge_trace)
    arrows = _arrow_trace(edges, pos) if edge_trace == "scatter" else None
    if arrows is not None:
        data.append(arrows)
    if edges:
        data.append(_edge_hover_trace(edges, pos, edge_trace))
    data += _node_traces(nodes, pos, _node_type_counts(pos, edges))
    layout = {
        "dragmode": "pan", "height": 560, "hovermode": "closest",
        "legend": {"title": {"text": "Actor kind"}},
        "margin": {"b": 10, "l": 10, "r": 10, "t": 30}, "showlegend": True,
        "xaxis": {"showgrid": False, "showticklabels": False, "zeroline": False},
        "yaxis": {"showgrid": False, "showticklabels": False, "zeroline": False},
    }
    return {"data": data, "layout": layout}


def spread_positions(pos: dict[str, tuple[float, float]]) -> dict[str, tuple[float, float]]:
    """Positions stretched over [-1, 1] on each axis, half by value and half by rank.

    A spring layout leaves a tight cluster and a few far nodes: by rank, the cluster spreads
    over the width and the height of the plot, while the order of the nodes on each axis stays.

    >>> spread_positions({"a": (0.0, 0.0), "b": (0.1, 0.1), "c": (10.0, 0.2)})
    {'a': (-1.0, -1.0), 'b': (-0.49, 0.0), 'c': (1.0, 1.0)}
    """
    names = list(pos)
    axes = [_spread([pos[n][axis] for n in names]) for axis in (0, 1)]
    return {n: (axes[0][k], axes[1][k]) for k, n in enumerate(names)}


def _spread(values: list[float]) -> list[float]:
    low, high = min(values, default=0.0), max(values, default=0.0)
    ranks = {v: k for k, v in enumerate(sorted(set(values)))}
    last = max(1, len(ranks) - 1)
    return [round((((v - low) / (high - low) if high > low else 0.5) + ranks[v] / last) - 1, 6) for v in values]


def _arrow_trace(edges: Sequence[dict], pos: dict) -> dict | None:
    """Arrowheads on the links that go one way (event links without a link back), ARROW_AT along.

    Each arrow is a pair of points, the source then the arrowhead: with `angleref: "previous"`
    plotly turns the arrow symbol along the link. None when no link goes one way.
    """
    both = {(str(e["source"]), str(e["target"])) for e in edges if e.get("kind", "event") == "event"}
    xs: list[float | None] = []
    ys: list[float | None] = []
    sizes: list[float] = []
    for e in edges:
        s, t = str(e["source"]), str(e["target"])
        if e.get("kind", "event") != "event" or (t, s) in both or s == t:
            continue
        (x0, y0), (x1, y1) = pos[s], pos[t]
        xs += [x0, round(x0 + ARROW_AT * (x1 - x0), 6), None]
        ys += [y0, round(y0 + ARROW_AT * (y1 - y0), 6), None]
        sizes += [0, 10 + edge_width(e.get("weight", 1)), 0]
    if not xs:
        return None
    return {
        "hoverinfo": "skip", "legendgroup": "links",
        "marker": {"angleref": "previous", "color": "#5b6b7b", "size": sizes, "symbol": "arrow"},
        "meta": {"role": "arrows"}, "mode": "markers", "name": "direction", "showlegend": False,
        "type": "scatter", "x": xs, "y": ys,
    }


def node_positions(nodes: Sequence[dict]) -> dict[str, tuple[float, float]]:
    """Each node's (x, y), rounded; a node without a position goes on the unit circle by its rank.

    >>> node_positions([{"id": "a", "x": 0.12345678, "y": 1}, {"id": "b"}])
    {'a': (0.123457, 1.0), 'b': (-1.0, 0.0)}
    """
    pos = {}
    for k, n in enumerate(nodes):
        x, y = n.get("x"), n.get("y")
        if not isinstance(x, (int, float)) or not isinstance(y, (int, float)):
            angle = 2 * math.pi * k / max(1, len(nodes))
            x, y = math.cos(angle), math.sin(angle)
        pos[str(n["id"])] = (round(float(x), 6), round(float(y), 6))
    return pos


def _node_type_counts(pos: dict, edges: Sequence[dict]) -> dict[str, Counter]:
    """For each node, the event types of its event links, counted."""
    node_types: dict[str, Counter] = {k: Counter() for k in pos}
    for e in edges:
        if e.get("kind", "event") == "event":
            for t, n in _parse_types(e.get("types")):
                node_types[str(e["source"])][t] += n
                node_types[str(e["target"])][t] += n
    return node_types


def _edge_traces(edges: Sequence[dict], pos: dict, trace_type: str) -> list[dict]:
    """The links as lines: one trace per kind and line width; affiliations dotted and lighter."""
    groups: dict[tuple[str, float], list[dict]] = {}
    for e in edges:
        groups.setdefault((str(e.get("kind", "event")), edge_width(e.get("weight", 1))), []).append(e)
    data = []
    for (kind, width), group in sorted(groups.items()):
        xs: list[float | None] = []
        ys: list[float | None] = []
        for e in group:
            (x0, y0), (x1, y1) = pos[str(e["source"])], pos[str(e["target"])]
            xs += [x0, x1, None]
            ys += [y0, y1, None]
        data.append({
            "hoverinfo": "skip", "legendgroup": "links",
            "line": {"color": "#9aa5b1" if kind == "affiliation" else "#5b6b7b", "width": width,
                     "dash": "dot" if kind == "affiliation" else "solid"},
            "meta": {"role": "edges"}, "mode": "lines", "name": f"{kind} links", "opacity": 0.7,
            "showlegend": False, "type": trace_type, "x": xs, "y": ys,
        })
    return data


def _edge_hover_text(e: dict) -> str:
    """The hover box of a link: its two actors, then its events by type and their dates."""
    head = f"<b>{escape_text(str(e['source']))} — {escape_text(str(e['target']))}</b>"
    if e.get("kind", "event") == "affiliation":
        return f"{head}<br>affiliation"
    weight = int(e.get("weight", 0) or 0)
    lines = [head, f"{weight} events: {escape_text(_types_label(_parse_types(e.get('types'))))}",
             escape_text(_dates_label(e.get("first_date"), e.get("last_date")))]
    return "<br>".join(lines)


def _edge_hover_trace(edges: Sequence[dict], pos: dict, trace_type: str) -> dict:
    """Invisible marks at the middle of each link, carrying the link's hover box."""
    def middle(e: dict, axis: int) -> float:
        return round((pos[str(e["source"])][axis] + pos[str(e["target"])][axis]) / 2, 6)

    return {
        "hoverinfo": "text", "hovertext": [_edge_hover_text(e) for e in edges],
        "marker": {"color": "rgba(0,0,0,0)", "size": 10}, "meta": {"role": "edge-hover"},
        "mode": "markers", "name": "links", "showlegend": False, "type": trace_type,
        "x": [middle(e, 0) for e in edges], "y": [middle(e, 1) for e in edges],
    }


def _node_events(n: dict) -> int:
    return int(n.get("events", 0) or 0)


def _node_kind(n: dict) -> str:
    return str(n.get("kind") or "other")


def _node_hover_text(n: dict, types: Counter) -> str:
    """The hover box of a node: name, kind and country, events and dates, the types on its links."""
    kind = _node_kind(n)
    head = f"<b>{escape_text(str(n.get('label') or n['id']))}</b> ({escape_text(kind)}"
    head += f", {escape_text(str(n['country']))})" if n.get("country") else ")"
    dates = escape_text(_dates_label(n.get("first_date"), n.get("last_date")))
    lines = [head, f"{_node_events(n)} events, {dates}"]
    if types:
        lines.append("on its links: " + escape_text(_types_label(sorted(types.items(), key=lambda kv: (-kv[1], kv[0])))))
    lines.append("click: show this actor on the timeline")
    return "<br>".join(lines)


def _node_traces(nodes: Sequence[dict], pos: dict, node_types: dict[str, Counter]) -> list[dict]:
    """One trace of nodes per actor kind; the GRAPH_LABELS nodes with the most events carry a label."""
    most = max((_node_events(n) for n in nodes), default=0)
    labelled = {str(n["id"]) for n in sorted(nodes, key=lambda n: (-_node_events(n), str(n["id"])))[:GRAPH_LABELS]}
    kinds = sorted({_node_kind(n) for n in nodes},
                   key=lambda k: (list(KIND_COLORS).index(k) if k in KIND_COLORS else len(KIND_COLORS), k))
    data = []
    for kind in kinds:
        group = [n for n in nodes if _node_kind(n) == kind]
        data.append({
            "customdata": [str(n["id"]) for n in group],
            "hoverinfo": "text", "hovertext": [_node_hover_text(n, node_types[str(n["id"])]) for n in group],
            "marker": {"color": KIND_COLORS.get(kind, OTHER_COLOR), "line": {"color": "#ffffff", "width": 1},
                       "size": [node_size(_node_events(n), most) for n in group]},
            "meta": {"role": "nodes"}, "mode": "markers+text", "name": kind,
            "text": [escape_text(str(n.get("label") or n["id"])) if str(n["id"]) in labelled else ""
                     for n in group],
            "textfont": {"size": 11}, "textposition": "top center", "type": "scatter",
            "x": [pos[str(n["id"])][0] for n in group], "y": [pos[str(n["id"])][1] for n in group],
        })
    return data


# -- the page's data -----------------------------------------------------------------------

#: Columns with few distinct values, stored as indices into a list of values (`dicts`).
DICT_COLUMNS = ("basis", "cameo", "date_text", "loc", "plover", "rule", "trigger")


def page_data(events: Iterable[Event], graph_data: dict) -> dict:
    """Everything the page's JavaScript needs, compact: one array per column, not a dict per event.

    Strings are raw (the page inserts them as text nodes and escapes hover text itself);
    actors, articles, types and modalities are indices into lists, and so are the columns
    of DICT_COLUMNS (into `dicts[column]`). Days are counted from 1970-01-01; `x1` is null
    for a point; `ts`/`te` are the trigger's UTF-16 offsets in the sentence (-1 if unknown).

    Real-world events (`clusters`, see `cluster_columns`): the events that share a `cluster_id`
    report one happening (an event without one is its own); `events.cl` is each event's cluster.
    `events.ctx` lists the positions in `act` of the parties read from the article's context,
    not from the sentence (`source_basis`/`target_basis` "context").

    The events are read once, in page order (an `EventSpool` is re-ordered, not held); types,
    modalities and actors are numbered as first seen, then renumbered in their final order.
    """
    columns = PageColumns()
    for e in sorted_events(events, page_order):
        columns.add(e)
    types = type_order(columns.types)
    modalities = list(MODALITIES) + sorted(set(columns.modalities) - set(MODALITIES))
    actor_names = sorted(columns.actors)
    columns.renumber(types, modalities, actor_names)
    actor_index = {a: i for i, a in enumerate(actor_names)}
    trace_type = trace_kind(columns.dated)
    return {
        "actors": actor_names,
        "articles": columns.articles,
        "clusters": cluster_columns(columns, modalities),
        "dicts": columns.dicts,
        "events": columns.cols,
        "graph": graph_figure(graph_data),
        "modalities": modalities,
        "n": columns.n,
        "styles": page_styles(types, modalities),
        "timeline": {
            "lanes": {"actor": [actor_index[a] for a in by_count(columns.lanes)]},
            "layout": {mode: timeline_layout(mode, []) for mode in LANE_MODES},
            "marker": dict(zip(("size", "line_width", "span_width"), MARK_STYLE[trace_type])),
            "trace_type": trace_type,
        },
        "types": types,
        "undated": columns.n - columns.dated,
    }


def page_styles(types: Sequence[str], modalities: Sequence[str]) -> dict:
    """The page's drawing rules: colours and symbols by type index, mark style by modality index."""
    return {
        "colors": [type_style(t)[0] for t in types],
        "hover_max": HOVER_MAX,
        "hover_width": HOVER_WIDTH,
        "legend": [LEGEND_BASE, LEGEND_ENTRY],
        "modality": [list(modality_style(m)) for m in modalities],
        "symbols": [type_style(t)[1] for t in types],
    }


#: The event columns of `page_data` besides DICT_COLUMNS.
EVENT_COLUMNS = ("id", "type", "mod", "date", "date_end", "x0", "x1", "xm", "lane", "act", "ns", "ctx", "ts", "te",
                 "sentence", "art", "conf", "cl")

#: Ranks of date bases and precisions: which report's date a real-world event takes (as merge.merged_row).
BASIS_RANK = {"text": 0, "context": 1, "publication": 2, "none": 3}
PRECISION_RANK = {"day": 0, "month": 1, "year": 2, "unknown": 3}


def article_site(e: Event) -> str:
    """The outlet or site of an event's article: `article_outlet`, else its URL's host, else the source's prefix.

    As merge's outlets (`num_sources`), except that a source that is a URL gives its host.

    >>> article_site(Event.from_dict({"id": "e", "type": "talks", "article_url": "https://www.bbc.co.uk/news/1"}))
    'bbc.co.uk'
    """
    if e.article_outlet:
        return e.article_outlet
    for url in (e.article_url, safe_url(e.article_source)):
        host = urlsplit(url).hostname if url else None
        if host:
            return host.removeprefix("www.")
    return e.article_source.split(":", 1)[0] if e.article_source else ""


def context_parties(e: Event, acting: Sequence[str]) -> list[int]:
    """Positions in `acting` of the parties the event took from its article's context, not its sentence.

    >>> e = Event.from_dict({"id": "e", "type": "talks", "source": ["A"], "target": ["B"], "actors": ["A", "B"],
    ...                      "source_basis": "text", "target_basis": "context"})
    >>> context_parties(e, ["A", "B"])
    [1]
    """
    inferred = set(e.source) if e.source_basis == "context" else set()
    if e.target_basis == "context":
        inferred |= set(e.target)
    return [k for k, a in enumerate(acting) if a in inferred]


class PageColumns:
    """The columns of `page_data`, filled one event at a time in page order.

    Types, modalities and actors are numbered as first seen (`add`), then renumbered in
    their final order once every event is in (`renumber`).
    """

    def __init__(self) -> None:
        self.n = self.dated = 0
        self.types: dict[str, int] = {}
        self.modalities: dict[str, int] = {}
        self.actors: dict[str, int] = {}
        self.lanes: Counter = Counter()  # lanes of dated events
        self.articles: dict[str, list] = {"id": [], "title": [], "date": [], "url": [], "source": [], "outlet": []}
        self.dicts: dict[str, list] = {k: [] for k in DICT_COLUMNS}
        self.cols: dict[str, list] = {k: [] for k in (*EVENT_COLUMNS, *DICT_COLUMNS)}
        self._article_keys: dict[str, int] = {}
        self._dict_index: dict[str, dict] = {k: {} for k in DICT_COLUMNS}
        self._strings: dict[str, str] = {}  # one copy of each date string
        self.clusters: dict[str, int] = {}  # cluster id -> number, as first seen
        self.cluster_ids: list[str] = []
        self.facts: list[tuple] = []  # per event, what choosing its cluster's type, date and evidence needs

    def add(self, e: Event) -> None:
        """Append one event to every column."""
        self.n += 1
        ext = event_extent(e)
        sources, others = _split_sources(e)
        lane = event_lane(e)
        if ext is not None:
            self.dated += 1
            self.lanes[lane] += 1
        ts, te = trigger_span(e)
        row = {
            "id": e.id, "type": _number(self.types, e.type), "mod": _number(self.modalities, e.modality),
            "date": self._shared(e.date), "date_end": self._shared(e.date_end),
            "x0": ext[0] if ext else None, "x1": ext[1] if ext else None, "xm": ext[2] if ext else None,
            "lane": _number(self.actors, lane), "act": [_number(self.actors, a) for a in sources + others],
            "ns": len(sources), "ctx": context_parties(e, sources + others), "ts": ts, "te": te,
            "sentence": e.sentence, "art": self._article(e), "conf": round(float(e.confidence or 0.0), 3),
            "cl": self._cluster(e.cluster_id or e.id),
        }
        self.facts.append((e.date, e.date_end, e.date_basis, e.date_precision, bool(e.source and e.target),
                           e.confidence or 0.0, e.article_date or "9999", e.id))
        for column in EVENT_COLUMNS:
            self.cols[column].append(row[column])
        for column, value in (("basis", e.date_basis), ("cameo", e.cameo), ("date_text", e.date_text),
                              ("loc", e.location), ("plover", e.plover), ("rule", e.rule),
                              ("trigger", e.trigger)):
            self._put(column, value)

    def renumber(self, types: list[str], modalities: list[str], actors: list[str]) -> None:
        """Turn first-seen numbers into indices of the final lists of types, modalities and actors."""
        for column, seen, final in (("type", self.types, types), ("mod", self.modalities, modalities),
                                    ("lane", self.actors, actors)):
            renumber = _renumbering(seen, final)
            self.cols[column] = [renumber[i] for i in self.cols[column]]
        renumber = _renumbering(self.actors, actors)
        for act in self.cols["act"]:
            act[:] = [renumber[i] for i in act]

    def _cluster(self, cid: str) -> int:
        if cid not in self.clusters:
            self.clusters[cid] = len(self.cluster_ids)
            self.cluster_ids.append(cid)
        return self.clusters[cid]

    def _article(self, e: Event) -> int:
        key = e.article_id or f"{e.article_title}\x00{e.article_source}"
        if key not in self._article_keys:
            self._article_keys[key] = len(self.articles["id"])
            for column, value in (("id", e.article_id), ("title", e.article_title), ("date", e.article_date),
                                  ("url", safe_url(e.article_url) or safe_url(e.article_source)),
                                  ("source", e.article_source), ("outlet", article_site(e))):
                self.articles[column].append(value)
        return self._article_keys[key]

    def _put(self, column: str, value: object) -> None:
        index = self._dict_index[column]
        if value not in index:
            index[value] = len(self.dicts[column])
            self.dicts[column].append(value)
        self.cols[column].append(index[value])

    def _shared(self, value: str | None) -> str | None:
        return value if value is None else self._strings.setdefault(value, value)


def _number(seen: dict[str, int], value: str) -> int:
    """The number of `value` in `seen`, the next one if it is new."""
    return seen.setdefault(value, len(seen))


def _renumbering(seen: dict[str, int], final: list[str]) -> list[int]:
    """For each number given in `seen` (first-seen order), the value's index in `final`."""
    index = {v: i for i, v in enumerate(final)}
    renumber = [0] * len(seen)
    for value, i in seen.items():
        renumber[i] = index[value]
    return renumber


def cluster_columns(columns: PageColumns, modalities: Sequence[str]) -> dict[str, list]:
    """The real-world events of the page: one row per cluster of events, in page order of their mark.

    Chosen as `merge.merged_row` chooses them: `type` the type most reports give (ties in legend
    order), `mod` what happened before what was planned, `dated` the report whose date is best
    (read in the text, the most precise), `lead` the report that best tells the event (of that
    type, naming both sides, dated in its text, confident, early). `id` is the cluster id (an
    event's own id if it has none); `arts` and `sites` count its articles and outlets. Numbers
    are indices: `type` into `types`, `mod` into `modalities`, `lead`/`dated` into the events.
    Renumbers the events' `cl` column to this order.
    """
    cols, facts = columns.cols, columns.facts
    members: list[list[int]] = [[] for _ in columns.cluster_ids]
    for i, c in enumerate(cols["cl"]):
        members[c].append(i)
    rows = [_cluster_row(m, cols, facts, modalities) for m in members]
    order = sorted(range(len(rows)), key=lambda c: _cluster_order(rows[c], members[c][0], cols))
    rank = [0] * len(order)
    for new, c in enumerate(order):
        rank[c] = new
    cols["cl"] = [rank[c] for c in cols["cl"]]
    out: dict[str, list] = {k: [] for k in ("id", "type", "mod", "lead", "dated", "arts", "sites")}
    for c in order:
        row = {"id": columns.cluster_ids[c], **rows[c]}
        row["arts"] = len({cols["art"][i] for i in members[c]})
        row["sites"] = len({columns.articles["outlet"][cols["art"][i]] for i in members[c]} - {""})
        for k in out:
            out[k].append(row[k])
    return out


def _cluster_row(members: list[int], cols: dict[str, list], facts: list[tuple], modalities: Sequence[str]) -> dict:
    """The type, modality, best-dated report and lead report of one cluster (see `cluster_columns`)."""
    types = Counter(cols["type"][i] for i in members)
    etype = min(types, key=lambda t: (-types[t], t))
    told = Counter(facts[i][:2] for i in members if facts[i][0])

    def date_rank(i: int) -> tuple:
        date, _, basis, precision = facts[i][:4]
        return (date is None or basis in ("publication", "none"), PRECISION_RANK.get(precision, 3),
                BASIS_RANK.get(basis, 3), -told[facts[i][:2]], date or "", facts[i][7])

    def lead_rank(i: int) -> tuple:
        _, _, basis, _, both, confidence, published, eid = facts[i]
        return (cols["type"][i] != etype, not both, BASIS_RANK.get(basis, 3), -confidence, published, eid)

    lead = min(members, key=lead_rank)
    present = {modalities[cols["mod"][i]] for i in members}
    modality = next((m for m in MODALITIES if m in present), modalities[cols["mod"][lead]])
    return {"type": etype, "mod": list(modalities).index(modality), "lead": lead, "dated": min(members, key=date_rank)}


def _cluster_order(row: dict, first: int, cols: dict[str, list]) -> tuple:
    """Page order of a real-world event: dated first by its mark's start, date, then its first report."""
    x0 = cols["x0"][row["dated"]]
    return (x0 is None, x0 or 0, cols["date"][row["dated"]] or "", first)
