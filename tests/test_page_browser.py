"""timeline.render: the HTML page opened in headless Chromium (Debian's /usr/bin/chromium) with Playwright.

How points are counted: the number of drawn marks is the total length of `x` over the
timeline's traces whose `meta.role` is "events" (read from the plotly graph div); span traces
(`meta.role == "span"`) only draw the bars of month/year/range dates and are not counted.
"""
from __future__ import annotations

import base64
import math
import os
from pathlib import Path

import pytest
from test_render import (
    HOSTILE_SENTENCE,
    HOSTILE_TITLE,
    hostile_event,
    sample_events,
    sample_graph,
    summit_events,
)

from timeline.render import render_html
from timeline.render.figures import timeline_figure

CHROMIUM = "/usr/bin/chromium"
pytestmark = pytest.mark.browser

LOCAL = ("file:", "data:", "about:", "blob:")

COUNT_MARKS = """() => document.getElementById('timeline').data
    .filter(t => t.meta && t.meta.role === 'events').reduce((n, t) => n + t.x.length, 0)"""


@pytest.fixture(scope="module")
def browser():
    if not os.path.exists(CHROMIUM):
        pytest.skip(f"{CHROMIUM} is missing (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=[
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        yield b
        b.close()


@pytest.fixture(scope="module")
def page_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("page") / "timeline.html"
    path.write_text(render_html(sample_events() + [hostile_event()], sample_graph(), title="Korea test"),
                    encoding="utf-8")
    return path


class Opened:
    """A page opened from disk, with the requests and console errors it produced."""

    def __init__(self, browser, path: Path, fragment: str = "", **options):
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.page = browser.new_page(**{"viewport": {"width": 1280, "height": 900}, **options})
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.goto(path.as_uri() + fragment)
        self.page.wait_for_selector("body[data-ready='1']", timeout=60_000)

    def marks(self) -> int:
        return self.page.evaluate(COUNT_MARKS)

    def external_requests(self) -> list[str]:
        return [u for u in self.requests if not u.startswith(LOCAL)]


@pytest.fixture
def opened(browser, page_file):
    o = Opened(browser, page_file)
    yield o
    o.page.close()


def dated(events) -> list:
    return [e for e in events if e.date]


ALL = sample_events() + [hostile_event()]


MARK_AT = """(id) => {
    const gd = document.getElementById('timeline'), D = JSON.parse(
        document.getElementById('timeline-data').textContent);
    // the row of the view shown: a real-world event (by its id or one of its mentions') or a mention
    const m = D.events.id.indexOf(id), merged = document.getElementById('f-view').value === 'events';
    const k = !merged ? m : (D.clusters.id.indexOf(id) >= 0 ? D.clusters.id.indexOf(id) : D.events.cl[m]);
    for (const t of gd._fullData) {
        if (!t.meta || t.meta.role !== 'events') continue;
        const j = t.customdata.indexOf(k);
        if (j < 0) continue;
        const xa = gd._fullLayout.xaxis, ya = gd._fullLayout.yaxis, r = gd.getBoundingClientRect();
        const px = xa.d2p(t.x[j]), py = ya.d2p(t.y[j]);
        return {k: k, x: r.left + xa._offset + px, y: r.top + ya._offset + py,
                inView: px >= 0 && px <= xa._length && py >= 0 && py <= ya._length};
    }
    return null;
}"""


def click_event(o: Opened, event_id: str) -> None:
    """Move the mouse onto the timeline mark of an event and click it, as a user would.

    A mark outside the first view (an outlier date) is brought into view with "All dates" first.
    """
    mark = o.page.evaluate(MARK_AT, event_id)
    assert mark, f"no mark for {event_id}"
    if not mark["inView"]:
        o.page.locator("#t-all").click()
        o.page.wait_for_function(f"({MARK_AT})({event_id!r}).inView")
        mark = o.page.evaluate(MARK_AT, event_id)
    if not 0 < mark["y"] < o.page.viewport_size["height"]:  # scroll it into view, as a user would
        o.page.evaluate(f"window.scrollBy(0, {mark['y'] - o.page.viewport_size['height'] / 2})")
        mark = o.page.evaluate(MARK_AT, event_id)
    o.page.mouse.move(mark["x"], mark["y"])
    # plotly reads the hovered point on mouse moves (throttled): click once it is this mark.
    o.page.wait_for_function("""(k) => { const h = document.getElementById('timeline')._hoverdata;
        return h && h.length && h[0].customdata === k; }""", arg=mark["k"])
    # Two clicks within plotly's doubleClickDelay (300 ms, on the page's clock) are a double click.
    o.page.wait_for_function("Date.now() - (document.getElementById('timeline')._mouseDownTime || 0) > 400")
    o.page.mouse.click(mark["x"], mark["y"])


def test_opens_offline_without_errors(opened):
    assert opened.external_requests() == []
    assert opened.errors == []
    assert opened.page.title() == "Korea test"
    assert opened.page.locator("h1").inner_text() == "Korea test"


def test_one_mark_per_dated_event(opened):
    assert opened.marks() == len(dated(ALL)) == 10
    undated = len(ALL) - len(dated(ALL))
    assert f"{undated} of {len(ALL)} events have no date" in opened.page.locator("#undated").inner_text()
    assert opened.page.locator("#events-body tr").count() == len(ALL)  # the table lists every event


def assert_traces_match_python_figure(o: Opened, events) -> None:
    """page.js draws the same traces as figures.timeline_figure (the golden-tested reference)."""
    got = o.page.evaluate("""() => document.getElementById('timeline').data.map(t => ({
        role: t.meta.role, name: t.name, y: t.y, customdata: t.customdata || null,
        hovertext: t.hovertext || null, symbol: t.marker ? t.marker.symbol : null,
        x: t.x.map(v => v === null ? null : new Date(v).toISOString().slice(0, 10))}))""")
    yaxis = o.page.evaluate("() => document.getElementById('timeline').layout.yaxis")
    height = o.page.evaluate("() => document.getElementById('timeline').layout.height")
    fig = timeline_figure(events)
    want = [{"role": t["meta"]["role"], "name": t["name"], "y": t["y"], "customdata": t.get("customdata"),
             "hovertext": t.get("hovertext"), "symbol": t["marker"]["symbol"] if "marker" in t else None,
             "x": t["x"]} for t in fig["data"]]
    assert got == want
    assert yaxis["ticktext"] == fig["layout"]["yaxis"]["ticktext"]
    assert yaxis["tickvals"] == fig["layout"]["yaxis"]["tickvals"]
    assert height == fig["layout"]["height"]


def test_page_traces_match_python_figure(opened):
    assert_traces_match_python_figure(opened, ALL)


def test_click_fills_evidence_panel(opened):
    click_event(opened, "e05")
    panel = opened.page.locator("#evidence-body")
    panel.locator(".ev-title").wait_for()
    assert panel.locator(".ev-title").inner_text() == "Trump meets Lee"
    assert "Trump took to social media to denounce a purge" in panel.locator("blockquote").inner_text()
    assert panel.locator("blockquote mark").inner_text() == "denounce"
    link = panel.locator("a")
    assert link.get_attribute("href") == "https://example.org/news/trump-lee"
    assert "#" in opened.page.url and "ev=e05" in opened.page.url


def test_evidence_highlight_with_non_bmp_text(opened):
    opened.page.locator("#events-body tr", has_text="first visit").click()
    assert opened.page.locator("#evidence-body blockquote mark").inner_text() == "visit"


def test_type_filter_hides_and_fragment_restores(browser, page_file, opened):
    page = opened.page
    page.locator("#f-types input[value='meeting']").uncheck()
    page.wait_for_function(f"({COUNT_MARKS})() === {len([e for e in dated(ALL) if e.type != 'meeting'])}")
    shown = page.evaluate("""() => document.getElementById('timeline').data
        .filter(t => t.meta.role === 'events').map(t => t.name)""")
    assert "meeting" not in shown
    assert page.locator("#events-body tr", has_text="met Kim Jong Un").count() == 0
    url = page.url
    assert "type=" in url and "meeting" not in url.split("#", 1)[1].split("type=", 1)[1].split("&")[0]
    # A link with that fragment restores the view.
    again = Opened(browser, page_file, "#" + url.split("#", 1)[1])
    try:
        assert not again.page.locator("#f-types input[value='meeting']").is_checked()
        assert again.marks() == len([e for e in dated(ALL) if e.type != "meeting"])
    finally:
        again.page.close()


def test_modality_date_and_search_filters(opened):
    page = opened.page
    page.locator("#f-mods input[value='occurred']").uncheck()
    want = len([e for e in dated(ALL) if e.modality != "occurred"])
    page.wait_for_function(f"({COUNT_MARKS})() === {want}")
    page.locator("#f-reset").click()
    page.locator("#f-from").fill("2025-08-25")
    page.locator("#f-to").fill("2025-08-26")
    page.locator("#f-to").dispatch_event("change")
    # Spans overlapping the range count (2025, 2025-08); 2025-08-20..22 and undated events do not.
    page.wait_for_function(f"({COUNT_MARKS})() === 6")
    assert page.locator("#events-body tr").count() == 6
    assert "from=2025-08-25" in page.url and "to=2025-08-26" in page.url
    page.locator("#f-reset").click()
    page.locator("#f-search").fill("purge")
    page.wait_for_function("document.querySelectorAll('#events-body tr').length === 1")
    assert page.evaluate(COUNT_MARKS) == 1


def test_table_sorts(opened):
    page = opened.page
    page.locator("#events-table th[data-key='type'] button").click()
    types = page.locator("#events-body tr td:nth-child(2)").all_inner_texts()
    assert types == sorted(types)
    page.locator("#events-table th[data-key='type'] button").click()
    assert page.locator("#events-body tr td:nth-child(2)").all_inner_texts() == sorted(types, reverse=True)


def test_graph_node_click_filters_timeline(opened):
    page = opened.page
    pos = page.evaluate("""() => {
        const gd = document.getElementById('graph');
        gd.scrollIntoView({block: 'center'});
        const r = gd.getBoundingClientRect();
        const t = gd._fullData.find(t => t.meta && t.meta.role === 'nodes' && t.customdata.includes('Kim Jong Un'));
        const j = t.customdata.indexOf('Kim Jong Un'), xa = gd._fullLayout.xaxis, ya = gd._fullLayout.yaxis;
        return [r.left + xa._offset + xa.d2p(t.x[j]), r.top + ya._offset + ya.d2p(t.y[j])];
    }""")
    page.mouse.move(pos[0], pos[1])
    page.mouse.click(pos[0], pos[1])
    want = len([e for e in dated(ALL) if "Kim Jong Un" in e.actors])
    page.wait_for_function(f"({COUNT_MARKS})() === {want}")
    assert "actor=Kim%20Jong%20Un" in page.url


def test_hostile_article_runs_nothing_and_shows_as_text(opened):
    page = opened.page
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.locator("img").count() == 0  # the <img onerror> never became an element
    click_event(opened, "x01")
    panel = page.locator("#evidence-body")
    panel.locator(".ev-title").wait_for()
    assert panel.locator(".ev-title").inner_text() == HOSTILE_TITLE
    assert panel.locator("blockquote").inner_text() == HOSTILE_SENTENCE
    assert panel.locator("a").count() == 0  # javascript: never becomes a link
    assert page.locator("a[href^='javascript']").count() == 0
    row = page.locator("#events-body tr", has_text="onerror")
    assert HOSTILE_SENTENCE in row.inner_text()
    # Hover over the mark: plotly shows the article text escaped, as text.
    hover = page.locator("#timeline .hoverlayer").text_content()
    assert '<img src=x onerror="window.__pwned=1">' in hover
    assert page.locator("#timeline .hoverlayer a").count() == 0
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert opened.errors == []


def test_screenshot_is_not_blank(browser, opened, tmp_path):
    path = tmp_path / "timeline.png"
    opened.page.screenshot(path=str(path), full_page=True)
    png = base64.b64encode(path.read_bytes()).decode()
    scratch = browser.new_page()
    try:
        colours = scratch.evaluate("""async (b64) => {
            const bytes = Uint8Array.from(atob(b64), c => c.charCodeAt(0));
            const bmp = await createImageBitmap(new Blob([bytes], {type: 'image/png'}));
            const c = new OffscreenCanvas(bmp.width, bmp.height), ctx = c.getContext('2d');
            ctx.drawImage(bmp, 0, 0);
            const d = ctx.getImageData(0, 0, bmp.width, bmp.height).data, seen = new Set();
            for (let i = 0; i < d.length; i += 4 * 7) seen.add((d[i] << 16) | (d[i + 1] << 8) | d[i + 2]);
            return seen.size;
        }""", png)
    finally:
        scratch.close()
    assert colours > 50, f"only {colours} colours in {path}"


def test_large_page_uses_webgl_and_draws_every_event(browser, tmp_path):
    from test_render import make_event

    events = [make_event(f"m{i:05d}", date=f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}",
                         modality=("occurred", "planned")[i % 2]) for i in range(12_000)]
    events.append(hostile_event())
    path = tmp_path / "big.html"
    path.write_text(render_html(events, {"nodes": [], "edges": []}), encoding="utf-8")
    o = Opened(browser, path)
    try:
        assert o.marks() == len(events)
        kinds = o.page.evaluate("() => [...new Set(document.getElementById('timeline').data.map(t => t.type))]")
        assert kinds == ["scattergl"]
        # WebGL mode has no plotly hover text: the page's own tooltip shows the event as text.
        click_event(o, "x01")
        tip = o.page.locator("#tooltip")
        tip.wait_for(state="visible")
        assert '<img src=x onerror="window.__pwned=1">' in tip.text_content()
        assert tip.locator("b").inner_text() == "meeting"
        assert tip.locator("img, a, script").count() == 0
        o.page.locator("#evidence-body .ev-title").wait_for()
        assert o.page.locator("#evidence-body .ev-title").inner_text() == HOSTILE_TITLE
        assert o.page.evaluate("typeof window.__pwned") == "undefined"
        assert o.external_requests() == []
        assert [e for e in o.errors if "GL Driver" not in e] == []
    finally:
        o.page.close()


# -- the page as a report ---------------------------------------------------------------------------

def write_page(tmp_path, events, graph=None, name="page.html") -> Path:
    path = tmp_path / name
    path.write_text(render_html(events, graph or {"nodes": [], "edges": []}, title="Report"), encoding="utf-8")
    return path


def test_evidence_says_how_the_event_was_found(browser, tmp_path):
    from test_render import make_event

    rule = "trigger:triggers.csv:42|role:verb.subject|rewrite:by_phone"
    hostile_rule = "verb+coref|<img src=x onerror=\"window.__pwned=1\">:x"
    events = [make_event("p1", rule=rule, confidence=0.85),
              make_event("p2", rule=hostile_rule, confidence=0.4, date="2025-08-26")]
    o = Opened(browser, write_page(tmp_path, events))
    try:
        click_event(o, "p1")
        panel = o.page.locator("#evidence-body")
        how = panel.locator("dt", has_text="How it was found")
        how.wait_for()
        steps = panel.locator("ol.how li").all_inner_texts()
        assert steps == ["trigger triggers.csv:42", "role verb.subject", "rewrite by_phone"]
        assert panel.locator("ol.how .how-pass").all_inner_texts() == ["trigger", "role", "rewrite"]
        assert panel.locator("dt:text-is('Confidence') + dd").inner_text() == "0.85"
        click_event(o, "p2")
        panel.locator("ol.how li", has_text="verb+coref").wait_for()
        assert panel.locator("ol.how li").all_inner_texts() == [
            "verb+coref", '<img src=x onerror="window.__pwned=1"> x']
        assert panel.locator("dt:text-is('Confidence') + dd").inner_text() == "0.4"
        assert o.page.locator("img").count() == 0
        assert o.page.evaluate("typeof window.__pwned") == "undefined"
        assert o.errors == []
    finally:
        o.page.close()


X_TICKS = "() => [...document.querySelectorAll('#timeline .xtick text')].map(t => t.textContent)"


def test_first_view_is_where_events_are_dense_and_all_dates_one_click_away(browser, tmp_path):
    from test_render import make_event

    events = [make_event(f"d{i:02d}", date=f"2025-08-{1 + i % 28:02d}") for i in range(40)]
    events += [make_event("old", date="1994-03-05"), make_event("far", date="2031")]
    o = Opened(browser, write_page(tmp_path, events))
    try:
        want = timeline_figure(events)["layout"]["xaxis"]["range"]
        assert want == ["2025-07-31", "2025-08-28"]  # 5th to 95th percentile (Aug 1 to 27), a day each side
        assert o.page.evaluate("() => document.getElementById('timeline').layout.xaxis.range") == want
        assert not o.page.evaluate(f"({MARK_AT})('old').inView")
        assert o.page.evaluate(f"({MARK_AT})('d05').inView")
        button = o.page.locator("#t-all")
        assert button.is_visible() and button.inner_text() == "All dates (2 more events)"
        button.click()
        o.page.wait_for_function(f"({MARK_AT})('old').inView && ({MARK_AT})('far').inView")
        assert button.inner_text() == "Dense dates only"
        button.click()
        o.page.wait_for_function(f"!({MARK_AT})('old').inView")
        assert o.page.evaluate("() => document.getElementById('timeline').layout.xaxis.range") == want
    finally:
        o.page.close()


def test_no_all_dates_button_without_outliers(opened):
    assert not opened.page.locator("#t-all").is_visible() or "more" in opened.page.locator("#t-all").inner_text()
    assert opened.page.evaluate("() => document.getElementById('timeline').layout.xaxis.range") == \
        timeline_figure(ALL)["layout"]["xaxis"]["range"]


def test_ticks_never_finer_than_a_day(browser, tmp_path):
    from test_render import make_event

    events = [make_event("s1", date="2025-08-25"), make_event("s2", date="2025-08-25", source=["Japan"]),
              make_event("s3", date="2025-08-25", source=["China"], type="meeting", trigger="held")]
    o = Opened(browser, write_page(tmp_path, events))
    try:
        ticks = o.page.evaluate(X_TICKS)
        assert ticks and not any(":" in t for t in ticks), ticks
        assert any("Aug 25" in t for t in ticks)
        # Zoomed into a few hours, and out to a fortnight: still no time of day on any tick.
        for lo, hi in (("2025-08-24 22:00", "2025-08-25 03:00"), ("2025-08-20", "2025-09-03")):
            o.page.evaluate(f"""() => Plotly.relayout('timeline', {{'xaxis.range': ['{lo}', '{hi}']}})""")
            o.page.wait_for_timeout(200)
            ticks = o.page.evaluate(X_TICKS)
            assert not any(":" in t for t in ticks), (lo, hi, ticks)
        # Zoomed out to years, plotly's own steps come back.
        o.page.evaluate("() => Plotly.relayout('timeline', {'xaxis.range': ['2015-01-01', '2026-01-01']})")
        o.page.wait_for_function("document.getElementById('timeline').layout.xaxis.dtick === undefined")
        assert any(t.startswith("20") for t in o.page.evaluate(X_TICKS))
    finally:
        o.page.close()


MODEBAR = """() => [...document.querySelectorAll('.js-plotly-plot')].map(gd => ({
    id: gd.id, context: {send: gd._context.showSendToCloud, server: gd._context.plotlyServerURL},
    buttons: [...gd.querySelectorAll('.modebar-btn')].map(b => [b.getAttribute('data-title'),
        b.getAttribute('data-val'), b.getAttribute('href'), b.textContent])}))"""
MODEBAR_ALLOWED = {"Download plot as a PNG", "Zoom", "Pan", "Zoom in", "Zoom out", "Autoscale", "Reset axes"}


def test_no_control_sends_data_off_the_machine(opened):
    plots = opened.page.evaluate(MODEBAR)
    assert sorted(p["id"] for p in plots) == ["graph", "timeline"]
    for plot in plots:
        titles = [b[0] for b in plot["buttons"]]
        assert "Download plot as a PNG" in titles, plot["id"]
        assert set(titles) <= MODEBAR_ALLOWED, (plot["id"], titles)
        for title, _, href, text in plot["buttons"]:
            words = f"{title} {text}".lower()
            assert not any(w in words for w in ("share", "cloud", "chart studio", "edit", "json")), title
            assert not href
        assert plot["context"] == {"send": False, "server": ""}
    assert opened.page.locator("a[href^='http']:not(#evidence-body a)").count() == 0


MARK_PIXELS = """() => {
    const gd = document.getElementById('timeline'), xa = gd._fullLayout.xaxis, ya = gd._fullLayout.yaxis, out = [];
    for (const t of gd._fullData) {
        if (!t.meta || t.meta.role !== 'events') continue;
        t.x.forEach((x, j) => out.push([t.customdata[j], xa.d2p(x), ya.d2p(t.y[j])]));
    }
    return out;
}"""


def test_every_event_of_a_lane_and_day_is_reachable(browser, tmp_path):
    from test_render import make_event

    kinds = [("talks", "talks"), ("meeting", "met"), ("meeting", "met"), ("visit", "visit"),
             ("criticism", "denounce"), ("statement", "said"), ("praise", "praised")]
    events = [make_event(f"s{k}", type=t, trigger=w, sentence=f"Officials {w} in event s{k}.", date="2025-08-25")
              for k, (t, w) in enumerate(kinds)]
    events += [make_event("m1", date="2025-08"), make_event("m2", date="2025-08"),  # two month bars
               make_event("o1", date="2025-08-25", source=["Japan"])]
    o = Opened(browser, write_page(tmp_path, events))
    try:
        assert_traces_match_python_figure(o, events)
        marks = o.page.evaluate(MARK_PIXELS)
        assert len(marks) == len(events)
        size = 10  # MARK_STYLE["scatter"]: no two mark centres closer than a mark
        for a in range(len(marks)):
            for b in range(a + 1, len(marks)):
                dist = ((marks[a][1] - marks[b][1]) ** 2 + (marks[a][2] - marks[b][2]) ** 2) ** 0.5
                assert dist >= size, (marks[a], marks[b])
        for e in events:
            click_event(o, e.id)
            o.page.wait_for_function(f"location.hash.endsWith('ev={e.id}')")
            assert o.page.locator("#evidence-body blockquote").inner_text() == e.sentence
        assert o.errors == []
    finally:
        o.page.close()


def test_graph_is_legible(opened):
    page = opened.page
    page.locator("#graph").scroll_into_view_if_needed()
    got = page.evaluate(r"""() => {
        const gd = document.getElementById('graph'), size = gd._fullLayout._size;
        const xa = gd._fullLayout.xaxis, ya = gd._fullLayout.yaxis;
        const xs = gd._fullData.filter(t => t.meta.role === 'nodes').flatMap(t => t.x.map(x => xa.d2p(x)));
        const layer = [...gd.querySelectorAll('.scatterlayer .trace')]
            .filter(t => t.__data__[0].trace.meta.role === 'arrows');
        const cosines = [];
        for (const p of layer.length ? layer[0].querySelectorAll('.point') : []) {
            const d = p.__data__, pts = (p.getAttribute('d') || '').match(/-?[\d.]+(e-?\d+)?/g).map(Number);
            if (pts.length < 6) continue;  // the invisible point at the source
            // The arrowhead's tip is its point; its base points back to the source (the previous point).
            const bx = (pts[2] + pts[4]) / 2, by = (pts[3] + pts[5]) / 2, t = d.trace || layer[0].__data__[0].trace;
            const i = d.i, sx = xa.d2p(t.x[i - 1]) - xa.d2p(t.x[i]), sy = ya.d2p(t.y[i - 1]) - ya.d2p(t.y[i]);
            cosines.push((bx * sx + by * sy) / Math.hypot(bx, by) / Math.hypot(sx, sy));
        }
        return {width: size.w, spread: Math.max(...xs) - Math.min(...xs), arrows: layer.length, cosines: cosines,
                labels: [...gd.querySelectorAll('.textpoint text')].map(t => t.textContent).filter(Boolean)};
    }""")
    assert got["spread"] > 0.8 * got["width"], got  # the nodes use the plot's width
    assert got["arrows"] == 1 and len(got["cosines"]) == 5, got  # five one-way links
    assert all(c > 0.99 for c in got["cosines"]), got  # each arrow points from its source to its target
    assert "Donald Trump" in got["labels"]


A4_CSS_PX = (round((210 - 24) / 25.4 * 96), round((297 - 24) / 25.4 * 96))  # page less the 12 mm margins


def test_print_is_a_report(browser, tmp_path):
    from test_render import make_event

    events = [make_event(f"r{i:03d}", date=f"2025-{1 + i % 12:02d}-{1 + i % 28:02d}") for i in range(120)]
    o = Opened(browser, write_page(tmp_path, events, sample_graph()))
    page = o.page
    try:
        assert page.locator("#events-body tr").count() == 50  # on screen, a page of the table
        page.pdf(path=str(tmp_path / "report.pdf"), format="A4")  # beforeprint and afterprint run
        assert (tmp_path / "report.pdf").read_bytes().startswith(b"%PDF")
        page.emulate_media(media="print")
        page.wait_for_function("document.querySelectorAll('#events-body tr').length === 120")
        shown = page.evaluate("""() => ['#filters', '#t-all', '.pager', '.modebar-container', '#evidence']
            .map(s => [...document.querySelectorAll(s)].some(e => e.offsetParent !== null))""")
        assert shown == [False] * 5  # no controls; no evidence panel while no event is chosen
        sizes = page.evaluate("""() => ['timeline', 'graph'].map(id => [
            document.querySelector('#' + id + ' .main-svg').getBoundingClientRect().width,
            getComputedStyle(document.getElementById(id)).breakInside])""")
        assert all(w <= A4_CSS_PX[0] and brk == "avoid" for w, brk in sizes), sizes
        graph = page.evaluate("""() => { const s = document.getElementById('graph-section');
            return [s.getBoundingClientRect().height, getComputedStyle(s).breakInside]; }""")
        assert graph[0] <= A4_CSS_PX[1] and graph[1] == "avoid", graph  # fits a page, never split
        page.emulate_media(media="screen")
        page.wait_for_function("document.querySelectorAll('#events-body tr').length === 50")
        assert page.locator("#filters").is_visible()
        assert o.errors == []
    finally:
        page.close()


PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True, "device_scale_factor": 2}


def test_phone_no_sideways_scroll_and_evidence_by_the_tapped_mark(browser, page_file):
    o = Opened(browser, page_file, **PHONE)
    page = o.page
    try:
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        assert page.evaluate("""() => [...document.querySelectorAll('body *')]
            .filter(e => e.getBoundingClientRect().right > 391 && !e.closest('.plot')).map(e => e.tagName)""") == []
        mark = page.evaluate(MARK_AT, "e05")
        page.evaluate(f"window.scrollBy(0, {mark['y'] - 700})")  # the mark low on the screen
        mark = page.evaluate(MARK_AT, "e05")
        page.touchscreen.tap(mark["x"], mark["y"])
        page.wait_for_function("location.hash.endsWith('ev=e05')")
        sheet = page.evaluate("""() => { const r = document.getElementById('evidence').getBoundingClientRect();
            return [r.top, r.bottom, document.getElementById('evidence').className]; }""")
        mark = page.evaluate(MARK_AT, "e05")
        assert sheet[2] == "sheet" and sheet[1] <= 844 + 1 and sheet[0] >= 844 * 0.5, sheet
        assert 0 < mark["y"] < sheet[0], (mark, sheet)  # the mark stays in sight, just above its evidence
        assert sheet[0] - mark["y"] < 844 * 0.5, (mark, sheet)
        assert "denounce a purge" in page.locator("#evidence blockquote").inner_text()
        page.locator("#ev-close").tap()
        assert page.evaluate("document.getElementById('evidence').className") == ""
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        assert o.errors == []
    finally:
        page.close()


LEGEND = """() => {
    const gd = document.getElementById('timeline'), bg = gd.querySelector('.legend .bg').getBoundingClientRect();
    const svg = gd.querySelector('.main-svg').getBoundingClientRect();
    const items = [...gd.querySelectorAll('.legend .traces')].map(t => {
        const r = t.getBoundingClientRect();
        return {name: t.textContent, visible: r.height > 0 && r.top >= bg.top - 1 && r.bottom <= bg.bottom + 1 &&
                r.top >= svg.top && r.bottom <= svg.bottom && r.left >= svg.left && r.right <= svg.right + 1};
    });
    const bar = gd.querySelector('.legend .scrollbar');
    return {items: items, scrollbar: bar ? bar.getBoundingClientRect().height : 0};
}"""


@pytest.mark.parametrize("device", ["desktop", "phone"])
def test_legend_of_many_types_hides_none(browser, tmp_path, device):
    from test_render import make_event

    from timeline.model import EVENT_TYPES

    events = [make_event(f"t{k:02d}", type=t, date=f"2025-08-{1 + k:02d}") for k, t in enumerate(EVENT_TYPES)]
    assert len(events) >= 14
    o = Opened(browser, write_page(tmp_path, events), **(PHONE if device == "phone" else {}))
    try:
        if device == "desktop":
            assert_traces_match_python_figure(o, events)
        o.page.locator("#timeline").scroll_into_view_if_needed()
        legend = o.page.evaluate(LEGEND)
        assert sorted(i["name"] for i in legend["items"]) == sorted(EVENT_TYPES)
        assert [i["name"] for i in legend["items"] if not i["visible"]] == []
        assert legend["scrollbar"] == 0
    finally:
        o.page.close()


# -- real-world events: one mark for the reports of one event, every report in the evidence --------

def test_one_mark_per_real_world_event_and_every_report_in_the_evidence(browser, tmp_path):
    events = summit_events()
    o = Opened(browser, write_page(tmp_path, events))
    try:
        assert o.errors == [] and o.marks() == 3  # the summit (4 mentions, 3 articles), a later meeting, one more
        assert o.page.locator("#summary").inner_text().startswith("3 real-world events (6 mentions) from 5 articles")
        summit = o.page.evaluate("""() => { const t = document.getElementById('timeline').data;
            const e = t.filter(x => x.meta.role === 'events' && x.customdata.includes(0))[0];
            const b = t.filter(x => x.meta.role === 'badges')[0];
            return {size: e.marker.size, badges: b.text, hover: e.hovertext[e.customdata.indexOf(0)]}; }""")
        # larger by the articles that report it (1 + log2(3) / 2 times), with "3" by it
        assert summit["size"][0] == pytest.approx(10 * (1 + math.log2(3) / 2)) and summit["badges"] == ["3"]
        assert "reported by 3 articles from 3 sources (4 mentions)" in summit["hover"]
        badge = o.page.evaluate("""() => document.getElementById('timeline').data
            .filter(t => t.meta.role === 'badges')[0]""")
        assert badge["textposition"] == "middle right" and badge["hoverinfo"] == "skip"  # beside the mark, not on it
        assert badge["marker"]["opacity"] == 0 and badge["marker"]["size"] == summit["size"][:1]
        click_event(o, "c-summit")
        panel = o.page.locator("#evidence-body")
        assert panel.locator(".ev-count").inner_text() == "Reported by 3 articles from 3 sources (4 mentions)."
        reports = panel.locator("li.report")
        assert reports.count() == 4
        # by publication date: Reuters' two mentions, AP a day later, TASS two days later
        assert [reports.nth(k).get_attribute("data-id") for k in range(4)] == ["s1", "s2", "s3", "s4"]
        first, late = reports.nth(0).inner_text(), reports.nth(2).inner_text()
        assert "Xi and Putin meet" in first and "reuters.com · published 2025-05-08" in first
        assert "Xi met Putin in Beijing on Thursday." in first and "triggers.csv:12" in first
        assert "Beijing talks" in late and "apnews.com · published 2025-05-09" in late and "talks" in late
        assert "China → Russia (from context)" in late  # AP's sentence names no Russian
        assert "TASS · published 2025-05-10" in reports.nth(3).inner_text()
        assert reports.nth(0).locator("blockquote mark").inner_text() == "met"
        assert o.page.locator("#events-body tr").count() == 3
        cells = o.page.locator("#events-body tr").first.locator("td.reports").all_inner_texts()
        assert cells == ["4", "3", "3"]  # mentions, articles, sources
        assert "ev=c-summit" in o.page.url

        # the toggle: each mention its own mark, as before merging; the chosen event stays chosen
        o.page.select_option("#f-view", "mentions")
        o.page.wait_for_function("document.getElementById('timeline').data.filter("
                                 "t => t.meta.role === 'events').reduce((n, t) => n + t.x.length, 0) === 6")
        assert "view=mentions" in o.page.url and "ev=s1" in o.page.url
        assert o.page.locator("#events-body tr").count() == 6
        assert o.page.evaluate("document.getElementById('timeline').data.every(t => t.meta.role !== 'badges')")
        assert panel.locator(".ev-title").inner_text() == "Xi and Putin meet"
        assert panel.locator("dt:text-is('Reported by') + dd").inner_text() == \
            "3 articles from 3 sources (4 mentions)"
        assert_traces_match_python_figure(o, events)  # the mention view is timeline_figure's
        o.page.select_option("#f-view", "events")
        o.page.wait_for_function("document.getElementById('timeline').data.filter("
                                 "t => t.meta.role === 'events').reduce((n, t) => n + t.x.length, 0) === 3")
        assert "view=" not in o.page.url and "ev=c-summit" in o.page.url
        assert panel.locator("li.report").count() == 4
        assert o.errors == []
    finally:
        o.page.close()


def test_mentions_view_restored_from_the_fragment(browser, tmp_path):
    path = write_page(tmp_path, summit_events())
    o = Opened(browser, path, "#view=mentions&ev=s3")
    try:
        assert o.marks() == 6 and o.page.locator("#f-view").input_value() == "mentions"
        assert "Beijing talks" in o.page.locator("#evidence-body .ev-title").inner_text()
    finally:
        o.page.close()


def test_search_finds_a_real_world_event_by_any_of_its_reports(browser, tmp_path):
    o = Opened(browser, write_page(tmp_path, summit_events()))
    try:
        o.page.fill("#f-search", "kremlin said")  # only the TASS report says it
        o.page.wait_for_function("document.querySelectorAll('#events-body tr').length === 1")
        assert o.page.locator("#events-body td.reports").first.inner_text() == "4"
    finally:
        o.page.close()


@pytest.mark.parametrize("view", ["events", "mentions"])
def test_evidence_says_which_party_came_from_context(browser, tmp_path, view):
    from test_render import make_event

    events = [make_event("k1", source=["China"], target=["Russia"], actors=["China", "Russia"],
                         source_basis="text", target_basis="context"),
              make_event("k2", date="2025-08-27", source=["Japan"], target=["South Korea"],
                         actors=["Japan", "South Korea"], source_basis="context", target_basis="text")]
    o = Opened(browser, write_page(tmp_path, events), "" if view == "events" else "#view=mentions")
    try:
        actors = o.page.locator("#evidence-body dt:text-is('Actors') + dd")
        click_event(o, "k1")
        assert actors.inner_text() == "China → Russia (from context)"
        click_event(o, "k2")
        assert actors.inner_text() == "Japan (from context) → South Korea"
        assert o.page.locator("#events-body tr").first.locator("td").nth(3).inner_text() == "China → Russia"
    finally:
        o.page.close()
