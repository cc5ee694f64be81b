"""timeline.render: figures as JSON golden files (pure), and properties of the HTML page.

Golden files live in tests/golden/render_*.json; set UPDATE_GOLDEN=1 to rewrite them.
"""
from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from timeline.model import Event
from timeline.render import render_html
from timeline.render.figures import (
    event_extent,
    graph_figure,
    page_data,
    safe_url,
    sort_events,
    timeline_figure,
    trigger_span,
)
from timeline.render.page import script_json, script_json_parts, write_html

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"

HOSTILE_TITLE = "<script>window.__pwned=1</script>"
HOSTILE_SENTENCE = 'Leaders met <img src=x onerror="window.__pwned=1"> and then </div> talked <b>loudly</b> & long.'
HOSTILE_URL = "javascript:alert(1)"


def make_event(eid: str, **kw) -> Event:
    """An event with sensible defaults; the sentence and offsets are kept consistent."""
    sentence = kw.pop("sentence", f"Officials held talks in event {eid}.")
    trigger = kw.pop("trigger", "talks")
    char_start = kw.pop("char_start", 100)
    pos = sentence.find(trigger)
    d = {
        "id": eid, "type": "talks", "cameo": "046", "plover": "CONSULT", "date": "2025-08-25",
        "date_precision": "day", "date_basis": "text", "modality": "occurred",
        "source": ["United States"], "target": ["South Korea"], "actors": ["United States", "South Korea"],
        "trigger": trigger, "sentence": sentence, "sentence_index": 0, "char_start": char_start,
        "char_end": char_start + len(sentence), "article_id": "a1", "article_title": "Trump meets Lee",
        "article_date": "2025-08-26", "article_source": "examples/seed_articles.txt",
        "article_url": "https://example.org/news/trump-lee", "confidence": 0.8, "rule": "trigger:talks",
        "trigger_start": char_start + pos if pos >= 0 else 0,
        "trigger_end": char_start + pos + len(trigger) if pos >= 0 else 0,
    }
    d.update(kw)
    return Event.from_dict(d)


def sample_events() -> list[Event]:
    """Eleven events: every precision, a range, undated ones, every modality, a non-BMP character."""
    return [
        make_event("e01", date="2025-08-25", date_text="Monday"),
        make_event("e02", type="meeting", trigger="met", sentence="Trump met Kim Jong Un three times.",
                   date="2019", date_precision="year", date_text="2019", source=["Donald Trump"],
                   target=["Kim Jong Un"], actors=["Donald Trump", "Kim Jong Un"], sentence_index=4),
        make_event("e03", type="meeting", trigger="meet", modality="intended",
                   sentence="Trump said he hoped to meet again with Kim, possibly this year.",
                   date="2025", date_precision="year", date_text="this year", source=["Donald Trump"],
                   target=["Kim Jong Un"], actors=["Donald Trump", "Kim Jong Un"], sentence_index=1),
        make_event("e04", type="visit", trigger="visit", modality="planned",
                   sentence="Lee arrived for his long-planned first visit to the White House 🇺🇸.",
                   date="2025-08", date_precision="month", source=["Lee Jae Myung"],
                   target=["United States"], actors=["Lee Jae Myung", "United States"], sentence_index=2),
        make_event("e05", type="criticism", trigger="denounce", modality="occurred",
                   sentence="Trump took to social media to denounce a purge in South Korea.",
                   date="2025-08-25", source=["Donald Trump"], target=["South Korea"],
                   actors=["Donald Trump", "South Korea"], sentence_index=3),
        make_event("e06", type="statement", trigger="said", modality="hypothetical",
                   sentence="The United States could seek to take over base land, he said.",
                   date="2025-08-26", source=["Donald Trump"], target=[], actors=["Donald Trump"]),
        make_event("e07", type="agreement", trigger="agreement", modality="negated",
                   sentence="Their meetings failed to produce a lasting agreement.",
                   date="2017", date_end="2021", date_precision="year", date_text="2017-2021",
                   source=["Donald Trump", "Kim Jong Un"], target=[],
                   actors=["Donald Trump", "Kim Jong Un"], article_id="a2", article_title="Trump and Kim",
                   article_url=None, article_source="https://example.com/kim?x=1&y=2"),
        make_event("e08", type="praise", trigger="praised", sentence="Lee profusely praised Trump.",
                   date="2025-08-25", source=["Lee Jae Myung"], target=["Donald Trump"],
                   actors=["Lee Jae Myung", "Donald Trump"], sentence_index=5),
        make_event("e09", type="talks", trigger="talks", sentence="Talks would take place, he said.",
                   date=None, date_precision="unknown", date_basis="none", modality="planned",
                   source=[], target=[], actors=["Donald Trump"], article_id="a2",
                   article_title="Trump and Kim", article_url=None),
        make_event("e10", type="sanction", trigger="sanctions", sentence="New sanctions hit Pyongyang.",
                   date=None, date_precision="unknown", date_basis="none", source=["United States"],
                   target=["North Korea"], actors=["United States", "North Korea"], article_id="a3",
                   article_title="Sanctions", article_url=None, article_source="data/a3.txt"),
        make_event("e11", type="call", trigger="call", sentence="Xi and Putin held a video call.",
                   date="2025-08-20", date_end="2025-08-22", source=["Xi Jinping"], target=["Vladimir Putin"],
                   actors=["Xi Jinping", "Vladimir Putin"], article_id="a3", article_title="Sanctions",
                   article_url=None, article_source="data/a3.txt"),
    ]


def hostile_event() -> Event:
    """An event whose article tries to run script, break out of markup and link to javascript:."""
    return make_event("x01", type="meeting", trigger="met", sentence=HOSTILE_SENTENCE, date="2025-08-27",
                      article_id="evil", article_title=HOSTILE_TITLE, article_url=HOSTILE_URL,
                      article_source=HOSTILE_URL, date_text="</script><script>window.__pwned=1</script>",
                      source=["<b>Evil</b> & Co"], actors=["<b>Evil</b> & Co", "United States"],
                      location="<a href='javascript:alert(1)'>here</a>")


def sample_graph() -> dict:
    """Graph data in the shape graph.py produces, built by hand."""
    def node(name, kind, country, events, x, y, first, last):
        return {"id": name, "label": name, "kind": kind, "country": country, "events": events,
                "x": x, "y": y, "first_date": first, "last_date": last}

    def edge(s, t, weight, types, first, last, ids, kind="event"):
        return {"source": s, "target": t, "kind": kind, "weight": weight, "types": types,
                "first_date": first, "last_date": last, "event_ids": ids, "balance": 0.5}

    return {
        "nodes": [
            node("Donald Trump", "person", "USA", 6, 0.0, 0.1, "2017", "2025-08-26"),
            node("Kim Jong Un", "person", "PRK", 3, -0.8, 0.5, "2017", "2025"),
            node("Lee Jae Myung", "person", "KOR", 2, 0.6, -0.4, "2025-08", "2025-08-25"),
            node("United States", "country", "USA", 3, 0.3, 0.7, "2025-08", "2025-08-25"),
            node("South Korea", "country", "KOR", 2, 0.9, 0.2, "2025-08-25", "2025-08-25"),
            node("North Korea", "country", "PRK", 1, -0.9, -0.3, None, None),
            node("<b>Evil</b> & Co", "group", None, 1, -0.2, -0.9, "2025-08-27", "2025-08-27"),
        ],
        "edges": [
            edge("Donald Trump", "Kim Jong Un", 3, "meeting:2;agreement:1", "2017", "2025", "e02;e03;e07"),
            edge("Lee Jae Myung", "Donald Trump", 1, "praise:1", "2025-08-25", "2025-08-25", "e08"),
            edge("United States", "South Korea", 1, "talks:1", "2025-08-25", "2025-08-25", "e01"),
            edge("Lee Jae Myung", "United States", 1, "visit:1", "2025-08", "2025-08", "e04"),
            edge("Donald Trump", "United States", 1, "", None, None, "", kind="affiliation"),
            edge("<b>Evil</b> & Co", "United States", 1, "meeting:1", "2025-08-27", "2025-08-27", "x01"),
        ],
    }


def check_golden(name: str, value: object) -> None:
    path = GOLDEN / f"render_{name}.json"
    text = json.dumps(value, sort_keys=True, indent=1, ensure_ascii=False) + "\n"
    if UPDATE or not path.exists():
        if not UPDATE:
            pytest.fail(f"{path} is missing; run with UPDATE_GOLDEN=1 to create it")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return
    assert text == path.read_text(encoding="utf-8"), f"{path.name} differs (UPDATE_GOLDEN=1 rewrites it)"


# -- figures: golden files --------------------------------------------------------------------

@pytest.mark.parametrize("lanes", ["actor", "type"])
def test_timeline_figure_golden(lanes):
    check_golden(f"timeline_{lanes}", timeline_figure(sample_events() + [hostile_event()], lanes=lanes))


def test_graph_figure_golden():
    check_golden("graph", graph_figure(sample_graph()))


def test_page_data_golden():
    check_golden("page_data", page_data(sample_events() + [hostile_event()], sample_graph()))


# -- figures: properties ----------------------------------------------------------------------

def count_marks(fig: dict) -> int:
    """Drawn points: the markers of the `events` traces (span traces are lines only)."""
    return sum(len(t["x"]) for t in fig["data"] if t["meta"]["role"] == "events")


def test_one_mark_per_dated_event():
    events = sample_events()
    dated = [e for e in events if e.date]
    for lanes in ("actor", "type"):
        fig = timeline_figure(events, lanes=lanes)
        assert count_marks(fig) == len(dated)
        ids = sorted(i for t in fig["data"] if t["meta"]["role"] == "events" for i in t["customdata"])
        assert ids == list(range(len(dated)))  # dated events come first in page order


def test_figures_are_pure_and_independent_of_input_order():
    events = sample_events()
    a = json.dumps(timeline_figure(events), sort_keys=True)
    b = json.dumps(timeline_figure(list(reversed(events))), sort_keys=True)
    assert a == b
    assert json.dumps(graph_figure(sample_graph()), sort_keys=True) == json.dumps(
        graph_figure({"nodes": sample_graph()["nodes"][::-1], "edges": sample_graph()["edges"][::-1]}),
        sort_keys=True)


@pytest.mark.parametrize("date, date_end, expected", [
    ("2025-08-25", None, ("2025-08-25", None, "2025-08-25")),
    ("2025-08", None, ("2025-08-01", "2025-09-01", "2025-08-16")),
    ("2025-12", None, ("2025-12-01", "2026-01-01", "2025-12-16")),
    ("2019", None, ("2019-01-01", "2020-01-01", "2019-07-02")),
    ("2017", "2021", ("2017-01-01", "2022-01-01", "2019-07-03")),
    ("2025-08-20", "2025-08-22", ("2025-08-20", "2025-08-23", "2025-08-21")),
    (None, None, None),
    ("someday", None, None),
    ("2025-02-30", None, None),
])
def test_event_extent(date, date_end, expected):
    from timeline.render.figures import day_to_iso

    ext = event_extent(make_event("e", date=date, date_end=date_end))
    if expected is None:
        assert ext is None
    else:
        assert tuple(day_to_iso(d) if d is not None else None for d in ext) == expected


def test_spans_for_coarse_dates_points_for_days():
    fig = timeline_figure(sample_events(), lanes="type")
    spans = [t for t in fig["data"] if t["meta"]["role"] == "span"]
    span_segments = sum(t["x"].count(None) for t in spans)
    coarse = [e for e in sample_events() if e.date and (len(e.date) < 10 or e.date_end)]
    assert span_segments == len(coarse) == 5


def test_webgl_above_threshold():
    from timeline.render import figures

    small = timeline_figure(sample_events())
    assert {t["type"] for t in small["data"]} == {"scatter"}
    many = [make_event(f"m{i:05d}", date="2025-08-25") for i in range(figures.WEBGL_THRESHOLD + 1)]
    big = timeline_figure(many)
    assert {t["type"] for t in big["data"]} == {"scattergl"}
    assert count_marks(big) == len(many)


def test_hover_text_escapes_article_strings():
    fig = timeline_figure([hostile_event()])
    text = fig["data"][0]["hovertext"][0]
    assert "<img" not in text and "</div>" not in text and "<b>Evil" not in text
    assert "&lt;img src=x onerror=" in text and "&amp;" in text
    tags = set(re.findall(r"<(/?\w+)", text))
    assert tags <= {"b", "/b", "br"}  # only our own markup
    gtexts = [h for t in graph_figure(sample_graph())["data"] for h in t.get("hovertext", []) + t.get("text", [])]
    assert not any("<b>Evil" in h for h in gtexts)


@pytest.mark.parametrize("url, ok", [
    ("https://example.org/a", True), ("http://example.org", True), ("HTTPS://EXAMPLE.ORG/", True),
    ("javascript:alert(1)", False), (" javascript:alert(1)", False), ("JaVaScRiPt:alert(1)", False),
    ("data:text/html,<script>", False), ("file:///etc/passwd", False), ("//example.org", False),
    ("https://exa mple.org", False), ("http:\n//x", False), ("vbscript:x", False), (None, False), ("", False),
])
def test_safe_url(url, ok):
    assert safe_url(url) == (url if ok else None)


def test_trigger_span_in_utf16_units():
    e = make_event("e", sentence="🇺🇸 Lee and Trump held talks.", trigger="talks")
    start, end = trigger_span(e)
    assert "🇺🇸 Lee and Trump held talks.".encode("utf-16-le")[2 * start:2 * end].decode("utf-16-le") == "talks"
    assert trigger_span(make_event("e", trigger="absent")) == (-1, -1)


def test_page_data_is_columnar_and_complete():
    events = sample_events()
    d = page_data(events, sample_graph())
    assert d["n"] == len(events) and d["undated"] == 2
    assert all(len(col) == len(events) for col in d["events"].values())
    assert d["events"]["id"] == [e.id for e in sort_events(events)]
    urls = d["articles"]["url"]
    assert urls == ["https://example.com/kim?x=1&y=2", "https://example.org/news/trump-lee", None]


# -- the page: properties ---------------------------------------------------------------------

@pytest.fixture(scope="module")
def page() -> str:
    return render_html(sample_events() + [hostile_event()], sample_graph(), title="Korea <test> & co")


def test_page_is_deterministic(page):
    again = render_html(list(reversed(sample_events())) + [hostile_event()], sample_graph(), title="Korea <test> & co")
    assert again == page


def test_page_structure(page):
    assert page.startswith("<!DOCTYPE html>")
    assert '<html lang="en">' in page
    assert "<title>Korea &lt;test&gt; &amp; co</title>" in page
    assert page.count("<h1>") == 1 and page.count("<h2") >= 4
    assert "Content-Security-Policy" in page and "connect-src 'none'" in page and "default-src 'none'" in page
    for div in ('id="timeline"', 'id="graph"', 'id="events-table"', 'id="evidence"', 'id="timeline-data"'):
        assert page.count(div) == 1


def test_plotly_js_inlined_once(page):
    assert len(re.findall(r"\* plotly\.js \(gl2d - minified\) v\d+\.\d+\.\d+", page)) == 1
    assert len(re.findall(r"<script\b", page)) == 3
    assert "Plotly.newPlot" in page


def test_plotly_js_is_vendored_with_its_licence_and_source():
    from importlib import resources

    from timeline.render.page import PLOTLY_JS

    render = resources.files("timeline.render")
    version = re.search(r"-(\d+\.\d+\.\d+)\.min\.js$", PLOTLY_JS).group(1)
    bundle = render.joinpath(PLOTLY_JS).read_text(encoding="utf-8")
    assert bundle.startswith(f"/**\n* plotly.js (gl2d - minified) v{version}\n")
    assert "MIT License" in render.joinpath("vendor", "LICENSE-plotly.js.txt").read_text(encoding="utf-8")
    assert f"npm pack plotly.js@{version}" in render.joinpath("vendor", "README.md").read_text(encoding="utf-8")


def test_figures_follow_the_schema_of_the_vendored_plotly_js():
    """The Python plotly package validates figures against its plotly.js schema: the same version."""
    import plotly.graph_objects as go
    from plotly.offline import get_plotlyjs_version

    from timeline.render.page import PLOTLY_JS

    assert PLOTLY_JS.endswith(f"-{get_plotlyjs_version()}.min.js")
    for lanes in ("actor", "type"):
        go.Figure(timeline_figure(sample_events() + [hostile_event()], lanes=lanes))  # raises on a bad attribute
    go.Figure(graph_figure(sample_graph()))
    with pytest.raises(ValueError):
        go.Figure({"data": [{"type": "scatter", "no_such_attribute": 1}]})


def test_no_external_resources(page):
    # Attributes that load something: src, href on link, and CSS url(...) with a scheme.
    assert not re.search(r"""<(script|img|iframe|link|source|video|audio)\b[^>]*\b(src|href)\s*=\s*["']?(https?:)?//""",
                         page, re.IGNORECASE)
    assert not re.search(r"url\(\s*['\"]?(https?:)?//", page, re.IGNORECASE)


def test_hostile_strings_only_inside_json(page):
    start = page.index('<script type="application/json" id="timeline-data">')
    end = page.index("</script>", start)
    blob = page[start:end]
    assert "</script" not in blob[10:] and "<img" not in blob and "</div>" not in blob
    assert "\\u003cscript\\u003ewindow.__pwned=1\\u003c/script\\u003e" in blob
    assert "__pwned" not in page[:start] and "__pwned" not in page[end:]
    data = json.loads(blob[blob.index(">") + 1:])
    assert HOSTILE_TITLE in data["articles"]["title"]
    assert HOSTILE_SENTENCE in data["events"]["sentence"]


def test_javascript_url_dropped(page):
    assert not re.search(r"<a\b[^>]*href\s*=\s*[\"']?\s*javascript:", page, re.IGNORECASE)
    blob = page.split('id="timeline-data">', 1)[1].split("</script>", 1)[0]
    urls = json.loads(blob)["articles"]["url"]
    assert all(u is None or u.startswith(("http://", "https://")) for u in urls)
    data = page_data([hostile_event()], {"nodes": [], "edges": []})
    assert data["articles"]["url"] == [None]  # the source stays as text, never as a link


def test_script_json_escapes():
    out = script_json({"s": "</script><!-- \u2028\u2029 & >"})
    assert "<" not in out and ">" not in out and "&" not in out and "\u2028" not in out and "\u2029" not in out
    assert json.loads(out) == {"s": "</script><!-- \u2028\u2029 & >"}


def test_empty_input_renders():
    page = render_html([], {"nodes": [], "edges": []})
    assert "<title>Diplomatic event timeline</title>" in page
    assert timeline_figure([])["data"] == []


# -- the page written in pieces ---------------------------------------------------------------------

def test_script_json_parts_join_to_script_json():
    data = page_data(sample_events() + [hostile_event()], sample_graph())
    for size in (1, 2, 10_000):
        assert "".join(script_json_parts(data, size)) == script_json(data)
    assert len(list(script_json_parts(data, 1))) > len(list(script_json_parts(data)))


def test_write_html_writes_the_page_of_render_html(page):
    import io

    buf = io.StringIO()
    write_html(sample_events() + [hostile_event()], sample_graph(), buf, title="Korea <test> & co")
    assert buf.getvalue() == page


def test_page_data_reads_a_spool_in_page_order(tmp_path):
    from timeline.export import spool_events

    events = sample_events() + [hostile_event()]
    with spool_events(reversed(events), tmp_path) as spool:
        assert page_data(spool, sample_graph()) == page_data(events, sample_graph())


# -- the graph: legible ---------------------------------------------------------------------------

def test_graph_labels_only_the_largest_nodes():
    from timeline.render.figures import GRAPH_LABELS

    nodes = [{"id": f"actor {k:02d}", "kind": "person", "events": k, "x": k / 10, "y": (k % 5) / 10}
             for k in range(1, 21)]
    fig = graph_figure({"nodes": nodes, "edges": []})
    labelled = [n for t in fig["data"] if t["meta"]["role"] == "nodes" for n, text in zip(t["customdata"], t["text"])
                if text]
    assert sorted(labelled) == [f"actor {k:02d}" for k in range(21 - GRAPH_LABELS, 21)]
    assert all("actor" in h for t in fig["data"] if t["meta"]["role"] == "nodes" for h in t["hovertext"])


def test_graph_arrows_on_one_way_links_only():
    fig = graph_figure(sample_graph())
    arrows = [t for t in fig["data"] if t["meta"]["role"] == "arrows"]
    assert len(arrows) == 1 and arrows[0]["marker"]["angleref"] == "previous"
    one_way = [e for e in sample_graph()["edges"] if e["kind"] == "event"]
    assert sum(1 for s in arrows[0]["marker"]["size"] if s) == len(one_way) == 5
    mutual = sample_graph()
    mutual["edges"].append({**mutual["edges"][0], "source": "Kim Jong Un", "target": "Donald Trump"})
    arrows = [t for t in graph_figure(mutual)["data"] if t["meta"]["role"] == "arrows"][0]
    assert sum(1 for s in arrows["marker"]["size"] if s) == 4  # Trump <-> Kim goes both ways: no arrow


def test_graph_uses_the_width():
    layout = graph_figure(sample_graph())["layout"]
    assert "scaleanchor" not in layout["yaxis"]
    xs = [x for t in graph_figure(sample_graph())["data"] if t["meta"]["role"] == "nodes" for x in t["x"]]
    assert min(xs) == -1.0 and max(xs) == 1.0


# -- colours and symbols: from data/event_types.csv -----------------------------------------------

def test_type_style_and_order_come_from_the_event_types_table(monkeypatch):
    from timeline.render import figures
    from timeline.rules import EventType, event_types

    table = event_types()
    assert [figures.type_style(t) for t in table] == [(r.color, r.symbol) for r in table.values()]
    assert figures.type_order(reversed(list(table))) == list(table)
    assert not hasattr(figures, "TYPE_COLORS") and not hasattr(figures, "TYPE_SYMBOLS")
    # a row of the table is the whole story: a new type, first in the table, is first in the legend
    row = EventType("summit", frozenset(), "", "#123456", "star")
    monkeypatch.setattr(figures, "event_types", lambda: {"summit": row, **table})
    assert figures.type_style("summit") == ("#123456", "star")
    assert figures.type_order(["talks", "summit"]) == ["summit", "talks"]


# -- real-world events: reports merged by cluster_id ------------------------------------------------

def summit_events() -> list[Event]:
    """One summit told by three outlets in four mentions (one of them as talks, one a day late in
    its date), a second meeting of the same parties a week later, and an event without a cluster."""
    common = {"source": ["China"], "target": ["Russia"], "actors": ["China", "Russia"], "cluster_id": "c-summit"}
    return [
        make_event("s1", type="meeting", trigger="met", sentence="Xi met Putin in Beijing on Thursday.",
                   date="2025-05-08", date_text="Thursday", article_id="a1", article_title="Xi and Putin meet",
                   article_date="2025-05-08", article_url="https://www.reuters.com/world/xi-putin",
                   rule="trigger:triggers.csv:12|role:verb.subject", **common),
        make_event("s2", type="meeting", trigger="meeting", sentence="The meeting lasted three hours.",
                   date="2025-05-08", date_basis="context", article_id="a1", article_title="Xi and Putin meet",
                   article_date="2025-05-08", article_url="https://www.reuters.com/world/xi-putin", sentence_index=3,
                   rule="trigger:triggers.csv:14|remention", **common),
        make_event("s3", type="talks", trigger="talks", sentence="Chinese and Russian leaders held talks in Beijing.",
                   date="2025-05-09", date_basis="publication", article_id="a2", article_title="Beijing talks",
                   article_date="2025-05-09", article_url="https://apnews.com/article/beijing", confidence=0.6,
                   rule="trigger:triggers.csv:30", target_basis="context", **common),
        make_event("s4", type="meeting", trigger="met", sentence="Putin met Xi on Thursday, the Kremlin said.",
                   date="2025-05-08", article_id="a3", article_title="Kremlin on the summit",
                   article_date="2025-05-10", article_outlet="TASS", article_url="https://tass.com/politics/1",
                   rule="trigger:triggers.csv:12", **common),
        make_event("s5", type="meeting", trigger="met", sentence="Xi met Putin again a week later.",
                   date="2025-05-15", article_id="a4", article_title="Again", article_date="2025-05-15",
                   source=["China"], target=["Russia"], actors=["China", "Russia"], cluster_id="c-later"),
        make_event("s6", date="2025-05-20", article_id="a5", article_title="Unclustered", article_date="2025-05-20"),
    ]


def test_page_data_merges_reports_of_one_event():
    d = page_data(summit_events(), sample_graph())
    K, E = d["clusters"], d["events"]
    assert K["id"] == ["c-summit", "c-later", "s6"]  # in date order; an event without a cluster is its own
    assert [E["id"][i] for i in range(d["n"]) if E["cl"][i] == 0] == ["s1", "s2", "s4", "s3"]
    assert K["arts"] == [3, 1, 1] and K["sites"] == [3, 1, 1]  # reuters.com, apnews.com, TASS
    assert d["types"][K["type"][0]] == "meeting"  # as most reports tell it
    assert E["id"][K["lead"][0]] == "s1" and E["date"][K["dated"][0]] == "2025-05-08"
    assert d["articles"]["outlet"] == ["reuters.com", "TASS", "apnews.com", "example.org", "example.org"]


def test_page_clusters_choose_as_merged_events_do():
    from timeline.merge import merged_row

    events = summit_events()
    d = page_data(events, sample_graph())
    K, E = d["clusters"], d["events"]
    for k, cid in enumerate(K["id"]):
        mentions = [e for e in events if (e.cluster_id or e.id) == cid]
        row = merged_row(mentions)
        assert (d["types"][K["type"][k]], d["modalities"][K["mod"][k]]) == (row["type"], row["modality"])
        assert E["date"][K["dated"][k]] == row["date"] and E["id"][K["lead"][k]] == row["evidence_id"]
        assert (K["arts"][k], K["sites"][k]) == (row["num_articles"], row["num_sources"])


@pytest.mark.parametrize("source_basis, target_basis, expected", [
    ("text", "text", []), ("context", "text", [0]), ("text", "context", [1]), ("context", "context", [0, 1]),
    ("", "", []),
])
def test_parties_from_context_are_marked(source_basis, target_basis, expected):
    e = make_event("c1", source_basis=source_basis, target_basis=target_basis)
    d = page_data([e], sample_graph())
    assert [d["actors"][a] for a in d["events"]["act"][0]] == ["United States", "South Korea"]
    assert d["events"]["ctx"] == [expected]
