/* The page's behaviour: draws the timeline, the graph and the table from the embedded data,
   filters them, and keeps the filter in the URL fragment.
   Article strings are inserted only as text (textContent / text nodes), never as HTML; in
   plotly hover text they are escaped (& < >) so plotly's mini-HTML cannot be injected.
   The timeline traces follow the same rules as timeline/render/figures.py:timeline_figure. */
(function () {
  "use strict";
  performance.mark("script-start");
  var D = JSON.parse(document.getElementById("timeline-data").textContent);
  performance.mark("data-parsed");
  var S = D.styles, DAY = 86400000, PAGE = 50;
  /* Two views of the same reports: one row per real-world event (a cluster of reports, the
     default) or one per mention. E and N are the rows of the view in use; everything that
     draws, filters or sorts reads them. A real-world event's row is its lead report's, with the
     date of its best-dated report, its type and modality (figures.py:cluster_columns). */
  var M = D.events, K = D.clusters, NK = K.id.length, members = clusterMembers(), C = clusterColumns();
  var views = {events: {E: C, N: NK, hover: new Array(NK), hay: null, built: 0},
               mentions: {E: M, N: D.n, hover: new Array(D.n), hay: null, built: 0}};
  var V, E, N;
  useView("events");
  /* WebGL canvases at the screen's pixel ratio, not plotly's default of 2: on a screen of ratio 1
     a quarter of the pixels to allocate, draw and composite, and the same picture. */
  /* No control that can send the data off the machine: the modebar's buttons are listed, not
     subtracted from plotly's defaults (plotly.js 4 adds "Share chart..." to Plotly Cloud unless
     told not to), and there is no server to send to. "Download plot as a PNG" stays. */
  var config = {displaylogo: false, responsive: true, scrollZoom: false,
                showSendToCloud: false, plotlyServerURL: "",
                modeBarButtons: [["toImage"], ["zoom2d", "pan2d", "zoomIn2d", "zoomOut2d", "autoScale2d", "resetScale2d"]],
                plotGlPixelRatio: Math.max(1, Math.min(2, window.devicePixelRatio || 1))};
  var state = defaults();
  var table = {key: "date", dir: 1, page: 0, rows: [], print: false};
  var timeline = {all: false, idx: []};  // all dates in view, or where they are dense; the events drawn
  var selected = -1, drawn = false;
  /* WebGL mode (many events): no prebuilt hover strings; a small DOM tooltip shows the event. */
  var GL = D.timeline.trace_type === "scattergl", MK = D.timeline.marker;

  function $(id) { return document.getElementById(id); }
  function dv(column, i, X) { return D.dicts[column][(X || E)[column][i]]; }
  function useView(name) { V = views[name]; E = V.E; N = V.N; }
  function merged() { return E === C; }
  function clusterMembers() {
    var out = [], k;
    for (k = 0; k < NK; k++) out.push([]);
    for (k = 0; k < D.n; k++) out[M.cl[k]].push(k);
    return out;
  }
  function clusterColumns() {
    var cols = Object.keys(M), out = {}, WHEN = {date: 1, date_end: 1, x0: 1, x1: 1, xm: 1, basis: 1, date_text: 1};
    cols.forEach(function (c) { out[c] = new Array(NK); });
    for (var k = 0; k < NK; k++) {
      var lead = K.lead[k], when = K.dated[k];
      for (var j = 0; j < cols.length; j++) out[cols[j]][k] = M[cols[j]][WHEN[cols[j]] ? when : lead];
      out.type[k] = K.type[k]; out.mod[k] = K.mod[k]; out.id[k] = K.id[k]; out.cl[k] = k;
    }
    return out;
  }
  /* The real-world event of a row, and how many mentions, articles and outlets report it. */
  function clusterOf(i) { return merged() ? i : M.cl[i]; }
  function reports(i) { var k = clusterOf(i); return [members[k].length, K.arts[k], K.sites[k]]; }
  function plural(n, one, many) { return n + " " + (n === 1 ? one : many); }
  function reportsLabel(i) {
    var r = reports(i);
    return plural(r[1], "article", "articles") + " from " + plural(r[2], "source", "sources") +
      " (" + plural(r[0], "mention", "mentions") + ")";
  }
  /* A merged mark grows with the articles that report it (1, 2, 4, 8 articles: 1, 1.5, 2, 2.5 times). */
  function markSize(i) { return MK.size * Math.min(2.5, 1 + 0.5 * Math.log2(K.arts[i])); }
  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (cls) node.className = cls;
    return node;
  }
  function defaults() {
    return {types: null, mods: null, actor: -1, from: null, to: null, q: "", lanes: "actor", ev: null, view: "events"};
  }

  /* -- text helpers, mirrors of figures.py -- */
  function esc(s) {
    return s ? String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;") : "";
  }
  /* Lengths count code points, as Python does; most text has no surrogate pair (fast path). */
  var PAIR = /[\uD800-\uDBFF][\uDC00-\uDFFF]/g;
  function cpLen(s) { return s.length - (s.match(PAIR) || []).length; }
  function wrap(text) {
    var pairs = /[\uD800-\uDBFF]/.test(text), len = pairs ? cpLen : function (w) { return w.length; };
    if (len(text) > S.hover_max) {
      text = (pairs ? Array.from(text).slice(0, S.hover_max).join("") : text.slice(0, S.hover_max)) + "\u2026";
    }
    var lines = [], line = "", words = text.split(" ");
    for (var k = 0; k < words.length; k++) {
      var w = words[k];
      if (line && len(line) + 1 + len(w) > S.hover_width) { lines.push(line); line = w; }
      else line = line ? line + " " + w : w;
    }
    lines.push(line);
    return lines;
  }
  function dateLabel(i, X) {
    X = X || E;
    if (!X.date[i]) return "undated";
    return X.date_end[i] ? X.date[i] + " \u2013 " + X.date_end[i] : X.date[i];
  }
  /* "A, B \u2192 C": sources, then the other parties; `notes` adds "(from context)" after a
     party the event took from its article's context, not from its sentence. */
  function actorsLabel(i, X, notes) {
    X = X || E;
    var a = X.act[i], ns = X.ns[i], src = [], oth = [], ctx = notes ? X.ctx[i] : [];
    for (var k = 0; k < a.length; k++) {
      (k < ns ? src : oth).push(D.actors[a[k]] + (ctx.indexOf(k) >= 0 ? " (from context)" : ""));
    }
    if (src.length && oth.length) return src.join(", ") + " \u2192 " + oth.join(", ");
    return (src.length ? src : oth).join(", ");
  }
  function hoverText(i) {
    if (V.hover[i] !== undefined) return V.hover[i];
    var mod = D.modalities[E.mod[i]];
    var head = "<b>" + esc(D.types[E.type[i]]) + "</b>" + (mod !== "occurred" ? " (" + esc(mod) + ")" : "");
    var when = esc(dateLabel(i));
    if (dv("date_text", i)) when = "\u201c" + esc(dv("date_text", i)) + "\u201d \u2192 " + when;
    var lines = [head, when, esc(actorsLabel(i))];
    if (merged() && members[i].length > 1) lines.splice(1, 0, "<i>reported by " + esc(reportsLabel(i)) + "</i>");
    var w = wrap(E.sentence[i] || "");
    for (var k = 0; k < w.length; k++) lines.push(esc(w[k]));
    return (V.hover[i] = lines.join("<br>"));
  }
  function safeUrl(u) {
    if (!u) return null;
    try {
      var url = new URL(u);
      return (url.protocol === "http:" || url.protocol === "https:") ? url.href : null;
    } catch (e) { return null; }
  }
  function isoDay(day) { return new Date(day * DAY).toISOString().slice(0, 10); }
  function dayOf(iso) {
    var t = Date.parse(iso + "T00:00:00Z");
    return isNaN(t) ? null : Math.floor(t / DAY);
  }

  /* -- filtering -- */
  /* The searchable text of each event, built in slices after the first draw (or at once when needed). */
  /* A real-world event is found by the words of any of its reports. */
  function mentionHay(k) {
    var a = M.act[k], names = [];
    for (var j = 0; j < a.length; j++) names.push(D.actors[a[j]]);
    return [M.sentence[k], D.articles.title[M.art[k]], names.join(" "), dv("trigger", k, M), D.types[M.type[k]],
            dv("date_text", k, M) || "", dv("loc", k, M) || "", M.id[k]].join("\n").toLowerCase();
  }
  function buildHaystack(limit) {
    if (!V.hay) V.hay = new Array(N);
    var stop = Math.min(N, limit);
    for (var k = V.built; k < stop; k++) {
      V.hay[k] = merged() ? members[k].map(mentionHay).join("\n") + "\n" + E.id[k].toLowerCase() : mentionHay(k);
    }
    V.built = Math.max(V.built, stop);
  }
  function search(i) {
    if (V.built < N) buildHaystack(N);
    return V.hay[i].indexOf(state.q) >= 0;
  }
  function passes(i) {
    if (state.types && !state.types.has(D.types[E.type[i]])) return false;
    if (state.mods && !state.mods.has(D.modalities[E.mod[i]])) return false;
    if (state.actor >= 0 && E.act[i].indexOf(state.actor) < 0 && E.lane[i] !== state.actor) return false;
    if (state.from !== null || state.to !== null) {
      if (E.x0[i] === null) return false;
      var end = E.x1[i] === null ? E.x0[i] + 1 : E.x1[i];
      if (state.from !== null && end <= state.from) return false;
      if (state.to !== null && E.x0[i] > state.to) return false;
    }
    if (state.q && !search(i)) return false;
    return true;
  }
  function filtered() {
    var out = [];
    for (var i = 0; i < N; i++) if (passes(i)) out.push(i);
    return out;
  }

  /* -- the timeline -- */
  /* Lanes: the lane of an event (actor index or type index), and the lanes present, in order. */
  function laneKey(i) { return state.lanes === "type" ? E.type[i] : E.lane[i]; }
  function lanesOf(idx) {
    var present = {}, order = state.lanes === "type" ? D.types.map(function (t, k) { return k; }) : D.timeline.lanes.actor;
    for (var k = 0; k < idx.length; k++) if (E.xm[idx[k]] !== null) present[laneKey(idx[k])] = true;
    return order.filter(function (key) { return present[key]; });
  }
  /* Marks of one lane and one day spread out, none under another (figures.py:stack_marks, the
     same numbers): STEP apart, a lane as tall as its tallest stack, first in page order on top. */
  var STEP = 0.5;
  function stackMarks(idx, lanes) {
    var pos = {}, height = [], count = new Map(), seen = new Map(), keys = new Float64Array(idx.length);
    var y = new Float64Array(N), centres = [], top = -0.5, size = 0, k, i, n, key;
    for (k = 0; k < lanes.length; k++) { pos[lanes[k]] = k; height.push(1); }
    for (k = 0; k < idx.length; k++) {
      i = idx[k];
      if (E.xm[i] === null) continue;
      keys[k] = key = pos[laneKey(i)] * 1e7 + (E.xm[i] + 5e6);  // days of years 0-9999 fit in 5e6
      n = (count.get(key) || 0) + 1;
      count.set(key, n);
      if (n * STEP > height[pos[laneKey(i)]]) height[pos[laneKey(i)]] = n * STEP;
    }
    for (k = 0; k < lanes.length; k++) { centres.push(top + height[k] / 2); top += height[k]; size += height[k]; }
    for (k = 0; k < idx.length; k++) {
      i = idx[k];
      if (E.xm[i] === null) continue;
      key = keys[k];
      n = seen.get(key) || 0;
      seen.set(key, n + 1);
      y[i] = centres[pos[laneKey(i)]] + (n - (count.get(key) - 1) / 2) * STEP;
    }
    return {y: y, centres: centres, size: size};
  }
  function timelineTraces(idx, stack) {
    var byType = [], t, k, m, i, traces = [], kind = D.timeline.trace_type, Y = stack.y;
    var badges = {x: [], y: [], text: [], customdata: [], size: []}, sized = merged();
    for (k = 0; k < idx.length; k++) {
      i = idx[k];
      if (E.xm[i] === null) continue;
      t = E.type[i];
      (byType[t] = byType[t] || []).push(i);
    }
    for (t = 0; t < D.types.length; t++) {
      var rows = byType[t];
      if (!rows) continue;
      var name = esc(D.types[t]), color = S.colors[t], sx = [], sy = [], byMod = [];
      for (k = 0; k < rows.length; k++) {
        i = rows[k];
        (byMod[E.mod[i]] = byMod[E.mod[i]] || []).push(i);
        if (E.x1[i] !== null) {
          sx.push(E.x0[i] * DAY, E.x1[i] * DAY, null);
          sy.push(Y[i], Y[i], null);
        }
      }
      if (sx.length) {
        traces.push({hoverinfo: "skip", legendgroup: D.types[t], line: {color: color, width: MK.span_width},
                     meta: {role: "span"}, mode: "lines", name: name, opacity: 0.45,
                     showlegend: false, type: kind, x: sx, y: sy});
      }
      var first = true;
      for (m = 0; m < D.modalities.length; m++) {
        var group = byMod[m];
        if (!group) continue;
        var n = group.length, x = new Array(n), y = new Array(n), text = GL ? null : new Array(n), ms = S.modality[m];
        var size = MK.size, sizes = null;
        for (k = 0; k < n; k++) {
          i = group[k];
          x[k] = E.xm[i] * DAY; y[k] = Y[i];
          if (text) text[k] = hoverText(i);
          if (sized && K.arts[i] > 1) {
            sizes = sizes || group.map(function () { return MK.size; });
            sizes[k] = markSize(i);
            badges.x.push(x[k]); badges.y.push(y[k]); badges.text.push(String(K.arts[i]));
            badges.customdata.push(i); badges.size.push(sizes[k]);
          }
        }
        var trace = {customdata: group, hoverinfo: GL ? "none" : "text", legendgroup: D.types[t],
                     marker: {color: color, line: {color: color, width: MK.line_width}, opacity: ms[1], size: sizes || size,
                              symbol: S.symbols[t] + ms[0]},
                     meta: {modality: D.modalities[m], role: "events"}, mode: "markers", name: name,
                     showlegend: first, type: kind, x: x, y: y};
        if (text) trace.hovertext = text;
        traces.push(trace);
        first = false;
      }
    }
    /* The number of articles right of each mark they share (not in WebGL mode: text costs there);
       invisible marks of the same size put the number beside the mark, not on it. */
    if (badges.x.length && !GL) {
      traces.push({customdata: badges.customdata, hoverinfo: "skip", marker: {opacity: 0, size: badges.size},
                   meta: {role: "badges"}, mode: "markers+text", name: "articles", showlegend: false,
                   text: badges.text, textfont: {color: "#1b1f24", size: 11}, textposition: "middle right",
                   type: "scatter", x: badges.x, y: badges.y});
    }
    return traces;
  }
  /* -- the x range: first where the events are dense, all dates one click away -- */
  /* The same range as figures.py:focus_range: 5th to 95th percentile of the marks, padded. */
  function focusRange(idx) {
    var n = 0, marks = new Int32Array(idx.length);
    for (var k = 0; k < idx.length; k++) if (E.xm[idx[k]] !== null) marks[n++] = E.xm[idx[k]];
    if (!n) return null;
    marks = marks.subarray(0, n).sort();
    var j = Math.floor((n - 1) / 20), lo = marks[j], hi = marks[n - 1 - j];
    var pad = Math.max(1, Math.floor((hi - lo) / 20)), outside = 0;
    for (k = 0; k < n; k++) if (marks[k] < lo - pad || marks[k] > hi + pad) outside++;
    return {lo: lo - pad, hi: hi + pad, outside: outside};
  }
  /* Plotly aims at a tick every 80 px or so (5 to 10 of them); where that would be finer than
     a day (a few days in view), one tick a day: never "23:59:59.999" between two marks. */
  function tickStep(spanMs, plotWidth) {
    var ticks = Math.min(9, Math.max(4, plotWidth / 80)) + 1;
    return spanMs / ticks < DAY ? DAY : null;
  }
  function setTicks(xaxis, step) {
    if (step) { xaxis.dtick = step; xaxis.tick0 = "1970-01-01"; }
    else { delete xaxis.dtick; delete xaxis.tick0; }
  }
  /* After a zoom, a pan or a redraw: the tick step of the range in view. */
  function fixTicks() {
    var gd = $("timeline"), ax = gd._fullLayout && gd._fullLayout.xaxis;
    if (!ax || !ax.range || !ax._length) return;
    var step = tickStep(Math.abs(ax.r2l(ax.range[1]) - ax.r2l(ax.range[0])), ax._length);
    if ((gd.layout.xaxis.dtick || null) === step) return;
    Plotly.relayout(gd, {"xaxis.dtick": step, "xaxis.tick0": step ? "1970-01-01" : null});
  }
  function viewButton(focus) {
    var button = $("t-all");
    button.hidden = !focus || (!focus.outside && !timeline.all);
    button.textContent = timeline.all ? "Dense dates only" :
      "All dates (" + (focus ? focus.outside : 0) + " more " + (focus && focus.outside === 1 ? "event" : "events") + ")";
    button.setAttribute("aria-pressed", timeline.all ? "true" : "false");
  }

  var measureCanvas = null;
  function timelineLayout(lanes, idx, stack, entries) {
    var layout = JSON.parse(JSON.stringify(D.timeline.layout[state.lanes]));
    var names = state.lanes === "type" ? D.types : D.actors;
    layout.yaxis.ticktext = lanes.map(function (k) { return esc(names[k]); });
    layout.yaxis.tickvals = stack.centres;
    /* As figures.py:timeline_height: room for every legend entry, so that none is scrolled out of sight;
       on a phone the legend is under the plot, about two entries a row. */
    var lanesHeight = Math.min(1400, Math.round(26 * stack.size) + 140);
    layout.height = PHONE.matches ? Math.max(360, lanesHeight) + S.legend[1] * Math.ceil(entries / 2) + 40 :
      Math.max(360, lanesHeight, S.legend[0] + S.legend[1] * entries);
    if (GL && lanes.length) {
      /* Plotly's automargin measures every lane label in the DOM, seconds for hundreds of
         lanes: measure them once on a canvas and set the left margin instead. */
      var ctx = (measureCanvas = measureCanvas || document.createElement("canvas")).getContext("2d"), widest = 0;
      ctx.font = "12px 'Open Sans', verdana, arial, sans-serif";
      for (var k = 0; k < lanes.length; k++) widest = Math.max(widest, ctx.measureText(names[lanes[k]]).width);
      layout.yaxis.automargin = false;
      layout.margin.l = Math.ceil(Math.min(widest, 400)) + 40;
    }
    var focus = focusRange(idx), width = Math.max(200, $("timeline").clientWidth - 320);
    if (focus && !timeline.all) {
      layout.xaxis.autorange = false;
      layout.xaxis.range = [isoDay(focus.lo), isoDay(focus.hi)];
      setTicks(layout.xaxis, tickStep((focus.hi - focus.lo) * DAY, width));
    } else {
      layout.xaxis.autorange = true;
    }
    viewButton(focus);
    phoneLegend(layout);
    if (!lanes.length) {
      layout.annotations = [{text: "No dated event matches the filters", showarrow: false,
                             xref: "paper", yref: "paper", x: 0.5, y: 0.5}];
    }
    return layout;
  }
  function drawTimeline(idx) {
    var gd = $("timeline");
    var lanes = lanesOf(idx);
    timeline.idx = idx;
    var stack = stackMarks(idx, lanes);
    var traces = timelineTraces(idx, stack), entries = traces.filter(function (t) { return t.showlegend; }).length;
    var p = Plotly.react(gd, traces, timelineLayout(lanes, idx, stack, entries), config).then(function () {
      fixTicks();
      return gd;
    });
    if (!drawn) {
      drawn = true;
      gd.on("plotly_relayout", function (ev) {
        for (var key in ev) if (/^xaxis\.(range|autorange)/.test(key)) { fixTicks(); return; }
      });
      gd.on("plotly_click", function (ev) {
        var pt = ev && ev.points && ev.points[0];
        if (pt && pt.data && pt.data.meta && pt.data.meta.role === "events") {
          showEvidence(pt.customdata);
          nearTap(ev.event);
        }
      });
      if (GL) {
        gd.on("plotly_hover", function (ev) {
          var pt = ev && ev.points && ev.points[0];
          if (pt && pt.data && pt.data.meta && pt.data.meta.role === "events") showTooltip(pt.customdata, ev.event);
        });
        gd.on("plotly_unhover", hideTooltip);
      }
    }
    return p;
  }

  /* -- the tooltip of WebGL mode: the same lines as hoverText, as text nodes -- */
  function showTooltip(i, mouse) {
    if (typeof i !== "number" || i < 0 || i >= N) return;
    var tip = $("tooltip"), mod = D.modalities[E.mod[i]];
    tip.textContent = "";
    var head = el("div");
    head.appendChild(el("b", D.types[E.type[i]]));
    if (mod !== "occurred") head.appendChild(document.createTextNode(" (" + mod + ")"));
    tip.appendChild(head);
    var when = dateLabel(i);
    if (dv("date_text", i)) when = "\u201c" + dv("date_text", i) + "\u201d \u2192 " + when;
    tip.appendChild(el("div", when));
    if (merged() && members[i].length > 1) tip.appendChild(el("div", "reported by " + reportsLabel(i)));
    tip.appendChild(el("div", actorsLabel(i)));
    var w = wrap(E.sentence[i] || "");
    for (var k = 0; k < w.length; k++) tip.appendChild(el("div", w[k]));
    tip.hidden = false;
    var x = mouse && typeof mouse.clientX === "number" ? mouse.clientX : 0;
    var y = mouse && typeof mouse.clientY === "number" ? mouse.clientY : 0;
    var r = tip.getBoundingClientRect();
    tip.style.left = Math.max(0, Math.min(x + 14, window.innerWidth - r.width - 8)) + "px";
    tip.style.top = Math.max(0, y + 14 + r.height > window.innerHeight ? y - r.height - 10 : y + 14) + "px";
  }
  function hideTooltip() { $("tooltip").hidden = true; }

  /* -- the evidence panel -- */
  function row(dl, label, value) {
    if (value === null || value === undefined || value === "") return;
    dl.appendChild(el("dt", label));
    var dd = el("dd");
    if (value instanceof Node) dd.appendChild(value); else dd.textContent = String(value);
    dl.appendChild(dd);
  }
  /* The rule ids that made an event ("trigger:triggers.csv:42|role:verb.subject|..."), one step
     of a list each, the pass in bold; as text nodes, so a rule id is never read as markup. */
  function provenance(rule) {
    if (!rule) return null;
    var list = el("ol", null, "how");
    String(rule).split("|").forEach(function (step) {
      if (!step) return;
      var li = el("li"), colon = step.indexOf(":");
      if (colon > 0) {
        li.appendChild(el("span", step.slice(0, colon), "how-pass"));
        li.appendChild(document.createTextNode(" " + step.slice(colon + 1)));
      } else {
        li.textContent = step;
      }
      list.appendChild(li);
    });
    return list;
  }
  /* A row's evidence: a mention's article, sentence and provenance; for a real-world event
     reported more than once, what the reports agree on and then every report. */
  function showEvidence(i) {
    if (typeof i !== "number" || i < 0 || i >= N) return;
    selected = i;
    var body = $("evidence-body");
    body.textContent = "";
    if (merged() && members[i].length > 1) showReports(body, i);
    else showMention(body, merged() ? members[i][0] : i);
    state.ev = E.id[i];
    writeFragment();
  }
  function sourceLink(a) {
    var url = safeUrl(D.articles.url[a]);
    if (!url) return D.articles.source[a];
    var link = el("a", url);
    link.href = url; link.rel = "noopener noreferrer external"; link.target = "_blank";
    return link;
  }
  function quoteOf(m) {
    var quote = el("blockquote"), s = M.sentence[m] || "", ts = M.ts[m], te = M.te[m];
    if (ts >= 0 && te > ts && te <= s.length) {
      quote.appendChild(document.createTextNode(s.slice(0, ts)));
      quote.appendChild(el("mark", s.slice(ts, te)));
      quote.appendChild(document.createTextNode(s.slice(te)));
    } else {
      quote.textContent = s;
    }
    return quote;
  }
  function typeLabel(i, X) {
    var mod = D.modalities[X.mod[i]];
    return D.types[X.type[i]] + (mod !== "occurred" ? " (" + mod + ")" : "");
  }
  function dateDetail(i, X) {
    return dateLabel(i, X) + (dv("date_text", i, X) ? " from \u201c" + dv("date_text", i, X) + "\u201d" : "") +
      (dv("basis", i, X) && dv("basis", i, X) !== "none" ? " (" + dv("basis", i, X) + ")" : "");
  }
  function showMention(body, m) {
    var a = M.art[m];
    body.appendChild(el("p", D.articles.title[a] || "(untitled article)", "ev-title"));
    var dl = el("dl");
    row(dl, "Published", D.articles.date[a] || "unknown");
    row(dl, "Outlet", D.articles.outlet[a]);
    row(dl, "Source", sourceLink(a));
    body.appendChild(dl);
    body.appendChild(quoteOf(m));
    var dl2 = el("dl");
    row(dl2, "Event", typeLabel(m, M));
    row(dl2, "Date", dateDetail(m, M));
    row(dl2, "Actors", actorsLabel(m, M, true));
    row(dl2, "Where", dv("loc", m, M));
    row(dl2, "Trigger", dv("trigger", m, M));
    row(dl2, "How it was found", provenance(dv("rule", m, M)));
    row(dl2, "Confidence", M.conf[m]);
    row(dl2, "CAMEO", dv("cameo", m, M) + (dv("plover", m, M) ? " / PLOVER " + dv("plover", m, M) : ""));
    row(dl2, "Reported by", merged() || members[M.cl[m]].length < 2 ? null : reportsLabel(m));
    row(dl2, "Event id", M.id[m]);
    body.appendChild(dl2);
  }
  function showReports(body, k) {
    body.appendChild(el("p", typeLabel(k, C) + ", " + dateLabel(k, C), "ev-head"));
    body.appendChild(el("p", "Reported by " + reportsLabel(k) + ".", "ev-count"));
    var dl = el("dl");
    row(dl, "Date", dateDetail(k, C));
    row(dl, "Actors", actorsLabel(k, C, true));
    row(dl, "Where", dv("loc", k, C));
    row(dl, "CAMEO", dv("cameo", k, C) + (dv("plover", k, C) ? " / PLOVER " + dv("plover", k, C) : ""));
    row(dl, "Event id", C.id[k]);
    body.appendChild(dl);
    body.appendChild(el("h3", "Reports", "ev-reports"));
    var list = el("ol", null, "reports");
    members[k].slice().sort(function (x, y) {
      var dx = D.articles.date[M.art[x]] || "\uffff", dy = D.articles.date[M.art[y]] || "\uffff";
      return dx < dy ? -1 : dx > dy ? 1 : x - y;
    }).forEach(function (m) {
      var a = M.art[m], li = el("li", null, "report");
      li.dataset.id = M.id[m];
      li.appendChild(el("p", D.articles.title[a] || "(untitled article)", "ev-title"));
      li.appendChild(el("p", [D.articles.outlet[a] || D.articles.source[a] || "unknown source",
                              "published " + (D.articles.date[a] || "on an unknown date")].join(" \u00b7 "), "report-meta"));
      li.appendChild(quoteOf(m));
      var dl2 = el("dl");
      if (M.type[m] !== C.type[k] || M.mod[m] !== C.mod[k]) row(dl2, "Told as", typeLabel(m, M));
      row(dl2, "Date", dateDetail(m, M));
      row(dl2, "Actors", actorsLabel(m, M, true));
      row(dl2, "How it was found", provenance(dv("rule", m, M)));
      row(dl2, "Source", sourceLink(a));
      row(dl2, "Event id", M.id[m]);
      li.appendChild(dl2);
      list.appendChild(li);
    });
    body.appendChild(list);
  }

  /* On a phone the evidence opens as a sheet over the bottom of the screen, just below what was
     tapped: the page scrolls, if need be, so that the tapped mark or row stays in sight above it. */
  var PHONE = window.matchMedia ? window.matchMedia("(max-width: 640px)") : {matches: false};
  function nearTap(ev) {
    if (!PHONE.matches) return;
    var panel = $("evidence");
    panel.classList.add("sheet");
    panel.scrollTop = 0;
    /* The sheet says all the hover box would, which on a narrow screen would cover the marks. */
    if (Plotly.Fx && Plotly.Fx.unhover) setTimeout(function () { Plotly.Fx.unhover($("timeline")); }, 0);
    var y = ev && typeof ev.clientY === "number" ? ev.clientY : null;
    var free = window.innerHeight - panel.getBoundingClientRect().height;  // the screen above the sheet
    if (y !== null && (y > free - 24 || y < 0)) window.scrollBy(0, y - Math.max(24, free * 0.6));
  }
  /* On a phone the legend goes under the plot, in rows, and the plot keeps the screen's width. */
  function phoneLegend(layout) {
    if (!PHONE.matches) return layout;
    layout.legend.orientation = "h";
    layout.legend.x = 0; layout.legend.xanchor = "left";
    layout.legend.y = -0.12; layout.legend.yanchor = "top";
    return layout;
  }
  function closeSheet() { $("evidence").classList.remove("sheet"); }

  /* -- the table -- */
  var sortKeys = {
    date: function (i) { return E.x0[i] === null ? Infinity : E.x0[i]; },
    type: function (i) { return D.types[E.type[i]]; },
    mod: function (i) { return E.mod[i]; },
    actors: function (i) { return actorsLabel(i).toLowerCase(); },
    sentence: function (i) { return (E.sentence[i] || "").toLowerCase(); },
    article: function (i) { return (D.articles.title[E.art[i]] || "").toLowerCase(); },
    mentions: function (i) { return reports(i)[0]; },
    articles: function (i) { return reports(i)[1]; },
    sources: function (i) { return reports(i)[2]; }
  };
  function sortRows(idx) {
    var key = sortKeys[table.key], dir = table.dir;
    var keys = new Array(N);
    for (var k = 0; k < idx.length; k++) keys[idx[k]] = key(idx[k]);
    return idx.slice().sort(function (a, b) {
      var x = keys[a], y = keys[b];
      if (x < y) return -dir;
      if (x > y) return dir;
      return a - b;
    });
  }
  function drawTable() {
    var body = $("events-body"), rows = table.rows, pages = Math.max(1, Math.ceil(rows.length / PAGE));
    table.page = Math.min(table.page, pages - 1);
    var frag = document.createDocumentFragment();
    var first = table.print ? 0 : table.page * PAGE, stop = table.print ? rows.length : Math.min(rows.length, (table.page + 1) * PAGE);
    for (var k = first; k < stop; k++) {
      var i = rows[k], tr = el("tr");
      tr.dataset.index = String(i);
      if (i === selected) tr.className = "selected";
      var mod = D.modalities[E.mod[i]];
      tr.appendChild(el("td", dateLabel(i), "date"));
      tr.appendChild(el("td", D.types[E.type[i]]));
      tr.appendChild(el("td", mod));
      tr.appendChild(el("td", actorsLabel(i)));
      tr.appendChild(el("td", E.sentence[i], "sentence"));
      tr.appendChild(el("td", D.articles.title[E.art[i]]));
      var counts = reports(i);
      ["mentions", "articles", "sources"].forEach(function (what, j) {
        var td = el("td", counts[j], "reports");
        td.dataset.label = what;
        tr.appendChild(td);
      });
      frag.appendChild(tr);
    }
    body.textContent = "";
    body.appendChild(frag);
    $("p-info").textContent = rows.length ? "rows " + (table.page * PAGE + 1) + "\u2013" +
      Math.min(rows.length, (table.page + 1) * PAGE) + " of " + rows.length + " (page " + (table.page + 1) +
      " of " + pages + ")" : "no event matches the filters";
    $("p-prev").disabled = table.page === 0;
    $("p-next").disabled = table.page >= pages - 1;
    var ths = document.querySelectorAll("#events-table th");
    for (k = 0; k < ths.length; k++) {
      ths[k].setAttribute("aria-sort", ths[k].dataset.key === table.key ? (table.dir > 0 ? "ascending" : "descending") : "none");
    }
  }

  /* -- the URL fragment -- */
  function writeFragment() {
    var parts = [];
    function add(k, v) { parts.push(k + "=" + encodeURIComponent(v)); }
    if (state.view !== "events") add("view", state.view);
    if (state.lanes !== "actor") add("lanes", state.lanes);
    if (state.types) add("type", Array.from(state.types).sort().join(","));
    if (state.mods) add("mod", Array.from(state.mods).sort().join(","));
    if (state.actor >= 0) add("actor", D.actors[state.actor]);
    if (state.from !== null) add("from", isoDay(state.from));
    if (state.to !== null) add("to", isoDay(state.to));
    if (state.q) add("q", state.q);
    if (state.ev) add("ev", state.ev);
    var frag = parts.length ? "#" + parts.join("&") : "";
    if (frag === location.hash || (!frag && !location.hash)) return;
    try { history.replaceState(null, "", frag || location.pathname + location.search); }
    catch (e) { location.hash = frag; }
  }
  function readFragment() {
    var s = defaults(), h = location.hash.replace(/^#/, "");
    h.split("&").forEach(function (part) {
      if (!part) return;
      var eq = part.indexOf("="), k = eq < 0 ? part : part.slice(0, eq), v = "";
      try { v = decodeURIComponent(eq < 0 ? "" : part.slice(eq + 1)); } catch (e) { return; }
      if (k === "view" && v === "mentions") s.view = v;
      else if (k === "lanes" && (v === "actor" || v === "type")) s.lanes = v;
      else if (k === "type") s.types = new Set(v.split(",").filter(function (t) { return D.types.indexOf(t) >= 0; }));
      else if (k === "mod") s.mods = new Set(v.split(",").filter(function (m) { return D.modalities.indexOf(m) >= 0; }));
      else if (k === "actor") s.actor = D.actors.indexOf(v);
      else if (k === "from") s.from = dayOf(v);
      else if (k === "to") s.to = dayOf(v);
      else if (k === "q") s.q = v.toLowerCase();
      else if (k === "ev") s.ev = v;
    });
    state = s;
  }

  /* -- controls -- */
  function checkboxes(box, names, colors) {
    names.forEach(function (name, k) {
      var label = el("label"), cb = el("input");
      cb.type = "checkbox"; cb.value = name; cb.checked = true;
      label.appendChild(cb);
      if (colors) { var sw = el("span", null, "swatch"); sw.style.background = colors[k]; label.appendChild(sw); }
      label.appendChild(document.createTextNode(" " + name));
      box.appendChild(label);
    });
  }
  function checked(box) {
    var all = box.querySelectorAll("input"), on = [];
    for (var k = 0; k < all.length; k++) if (all[k].checked) on.push(all[k].value);
    return on.length === all.length ? null : new Set(on);
  }
  function syncControls() {
    $("f-search").value = state.q;
    $("f-actor").value = state.actor >= 0 ? String(state.actor) : "";
    $("f-from").value = state.from !== null ? isoDay(state.from) : "";
    $("f-to").value = state.to !== null ? isoDay(state.to) : "";
    $("f-lanes").value = state.lanes;
    $("f-view").value = state.view;
    [["f-types", state.types], ["f-mods", state.mods]].forEach(function (pair) {
      var all = $(pair[0]).querySelectorAll("input");
      for (var k = 0; k < all.length; k++) all[k].checked = !pair[1] || pair[1].has(all[k].value);
    });
  }
  function readControls() {
    state.q = $("f-search").value.trim().toLowerCase();
    var a = $("f-actor").value;
    state.actor = a === "" ? -1 : parseInt(a, 10);
    state.from = $("f-from").value ? dayOf($("f-from").value) : null;
    state.to = $("f-to").value ? dayOf($("f-to").value) : null;
    state.lanes = $("f-lanes").value === "type" ? "type" : "actor";
    state.view = $("f-view").value === "mentions" ? "mentions" : "events";
    state.types = checked($("f-types"));
    state.mods = checked($("f-mods"));
  }

  function summary(idx) {
    var dated = 0, undated = 0, k;
    for (k = 0; k < idx.length; k++) if (E.xm[idx[k]] !== null) dated++;
    for (k = 0; k < N; k++) if (E.xm[k] === null) undated++;
    var what = merged() ? plural(NK, "real-world event", "real-world events") + " (" + plural(D.n, "mention", "mentions") + ")" :
      plural(D.n, "mention", "mentions") + " of " + plural(NK, "real-world event", "real-world events");
    $("summary").textContent = what + " from " + plural(D.articles.id.length, "article", "articles") + "; " +
      (idx.length === N ? "all shown" : idx.length + " match the filters") + " (" + dated + " on the timeline).";
    $("undated").textContent = undated ?
      undated + " of " + N + " events have no date: they are listed in the table, not on the timeline." : "";
  }
  /* Switching views keeps the chosen event: a mention's real-world event, or a real-world event's lead report. */
  function switchView(name) {
    if (views[name] === V) return;
    var before = selected >= 0 ? selected : -1, wasMerged = merged();
    useView(name);
    selected = -1;
    if (before >= 0) state.ev = E.id[wasMerged ? K.lead[before] : M.cl[before]];
  }

  function update(fromControls) {
    if (fromControls) readControls();
    switchView(state.view);
    var idx = filtered();
    writeFragment();
    summary(idx);
    table.rows = sortRows(idx);
    table.page = 0;
    drawTable();
    return drawTimeline(idx);
  }

  /* Resolves after the browser has painted a frame (two animation frames), or after 1 s
     when the page is hidden and animation frames do not run. */
  function afterPaint() {
    return new Promise(function (resolve) {
      var done = false, finish = function () { if (!done) { done = true; resolve(); } };
      requestAnimationFrame(function () { requestAnimationFrame(function () { setTimeout(finish, 0); }); });
      setTimeout(finish, 1000);
    });
  }
  /* Builds the search text in slices of 5,000 events between other work, so a first search is quick. */
  function idleHaystack() {
    if (V.built >= N) return;
    buildHaystack(V.built + 5000);
    setTimeout(idleHaystack, 0);
  }

  function init() {
    var actorSel = $("f-actor");
    D.actors.forEach(function (name, k) {
      var opt = el("option", name); opt.value = String(k); actorSel.appendChild(opt);
    });
    checkboxes($("f-types"), D.types, S.colors);
    checkboxes($("f-mods"), D.modalities.filter(function (m, k) { return E.mod.indexOf(k) >= 0 || k < 5; }));
    var timer = null;
    $("f-search").addEventListener("input", function () {
      clearTimeout(timer); timer = setTimeout(function () { update(true); }, 250);
    });
    ["f-actor", "f-from", "f-to", "f-lanes", "f-types", "f-mods"].forEach(function (id) {
      $(id).addEventListener("change", function () { update(true); });
    });
    $("f-view").addEventListener("change", function () { update(true); restoreEvidence(); });
    $("f-reset").addEventListener("click", function () { state = defaults(); syncControls(); update(false); });
    $("ev-close").addEventListener("click", closeSheet);
    $("t-all").addEventListener("click", function () { timeline.all = !timeline.all; drawTimeline(timeline.idx); });
    $("p-prev").addEventListener("click", function () { table.page--; drawTable(); });
    $("p-next").addEventListener("click", function () { table.page++; drawTable(); });
    document.querySelector("#events-table thead").addEventListener("click", function (ev) {
      var th = ev.target.closest("th");
      if (!th) return;
      if (table.key === th.dataset.key) table.dir = -table.dir; else { table.key = th.dataset.key; table.dir = 1; }
      table.rows = sortRows(table.rows);
      table.page = 0;
      drawTable();
    });
    $("events-body").addEventListener("click", function (ev) {
      var tr = ev.target.closest("tr");
      if (tr) { showEvidence(parseInt(tr.dataset.index, 10)); drawTable(); nearTap(ev); }
    });
    window.addEventListener("hashchange", function () {
      readFragment(); syncControls(); update(false); restoreEvidence();
    });
    watchPrint();
    readFragment();
    useView(state.view);
    syncControls();
    /* The timeline first; the table, the evidence, the graph and the search text after it is painted. */
    var idx = filtered(), LOADING = "loading the table\u2026";
    writeFragment();
    summary(idx);
    $("p-info").textContent = LOADING;
    Promise.resolve(drawTimeline(idx)).then(function () {
      performance.mark("first-draw");
      window.__timelineFirstDraw = performance.now();
      return afterPaint();
    }).then(function () {
      performance.mark("first-paint");
      if ($("p-info").textContent === LOADING) {  // no filter change has drawn it meanwhile
        table.rows = sortRows(idx);
        table.page = 0;
        drawTable();
      }
      restoreEvidence();
      performance.mark("table");
      return afterPaint();
    }).then(function () {
      return Plotly.newPlot($("graph"), D.graph.data, phoneLegend(D.graph.layout), config);
    }).then(function () {
      $("graph").on("plotly_click", function (ev) {
        var pt = ev && ev.points && ev.points[0];
        if (!pt || !pt.data.meta || pt.data.meta.role !== "nodes") return;
        var k = D.actors.indexOf(pt.customdata);
        if (k < 0) return;
        state.actor = k; syncControls(); update(false);
        $("timeline-section").scrollIntoView({behavior: "smooth"});
      });
      return afterPaint();
    }).then(function () {
      performance.mark("ready");
      document.body.dataset.ready = "1";
      idleHaystack();
    });
  }
  /* -- printing: every row of the table, the plots at the width of an A4 page (print CSS does the rest) -- */
  var PRINT_WIDTH = 680;  // CSS px: A4's 210 mm less 2 x 12 mm margins is 703 px
  function preparePrint(on) {
    if (table.print === on) return;
    table.print = on;
    drawTable();
    ["timeline", "graph"].forEach(function (id) {
      var gd = $(id);
      if (gd.data) Plotly.relayout(gd, {width: on ? PRINT_WIDTH : null, autosize: !on});
    });
  }
  function watchPrint() {
    window.addEventListener("beforeprint", function () { preparePrint(true); });
    window.addEventListener("afterprint", function () { preparePrint(false); });
    var print = window.matchMedia && window.matchMedia("print");
    if (print && print.addEventListener) print.addEventListener("change", function (ev) { preparePrint(ev.matches); });
  }
  function restoreEvidence() {
    if (!state.ev) return;
    var k = E.id.indexOf(state.ev);
    if (k < 0 && merged()) k = (k = M.id.indexOf(state.ev)) >= 0 ? M.cl[k] : -1;  // a mention: its event
    else if (k < 0) k = (k = K.id.indexOf(state.ev)) >= 0 ? K.lead[k] : -1;  // an event: its lead report
    if (k >= 0) showEvidence(k);
  }

  init();
})();
