"""Events -> a networkx graph of actors, its metrics, and its GraphML / GEXF / node-link files.

The only module that imports networkx. The graph is derived, never stored: every function
here takes events or a graph and returns a new value.

Shape of the graph (`build_graph`): an `nx.DiGraph`, one node per actor (keyed by canonical
name), one edge per ordered pair of actors that share at least one event. Edge attributes
aggregate those events; `event_ids` leads back to them. Lists are `;`-joined strings and
missing dates are `""` everywhere, so the same attributes survive GraphML, GEXF and JSON.
"""
from __future__ import annotations

import calendar
import json
import logging
import os
import re
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path

import networkx as nx
from networkx.algorithms.community import greedy_modularity_communities

from .errors import InputError
from .export import ActorTally, EventSpool, atomic_open, spool_events, write_actor_rows, write_text, write_timelinejs
from .model import Event
from .rules import event_types

logger = logging.getLogger(__name__)

#: Event types whose participants act together: an edge goes both ways.
MUTUAL_TYPES = frozenset(name for name, policy in event_types().items() if policy.mutual)

#: PLOVER categories on the cooperation (+1) and conflict (-1) sides; REQUEST and none are 0.
COOPERATIVE_PLOVER = frozenset({"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"})
CONFLICTUAL_PLOVER = frozenset({
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
})

#: Above this many nodes the spring layout is too slow; a circular layout is used instead.
SPRING_LAYOUT_MAX_NODES = 2000
#: Above this many nodes betweenness is estimated from this many seeded sample sources.
EXACT_BETWEENNESS_MAX_NODES = 1000

_XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n'
_GEXF_META_DATE = re.compile(r'\s+lastmodifieddate="[^"]*"')


def plover_sign(plover: str | None) -> int:
    """The cooperation (+1) / conflict (-1) / neutral (0) sign of a PLOVER category.

    >>> plover_sign("CONSULT"), plover_sign("ACCUSE"), plover_sign("REQUEST"), plover_sign(None)
    (1, -1, 0, 0)
    """
    if plover in COOPERATIVE_PLOVER:
        return 1
    if plover in CONFLICTUAL_PLOVER:
        return -1
    return 0


def event_pairs(event: Event) -> list[tuple[str, str, bool]]:
    """The ordered actor pairs an event links, each with whether it is an interaction.

    Sources link to targets (both ways for a mutual type). Actors on the same side (co-sources,
    co-targets, or all actors of an event without both sides) link both ways as co-participants:
    an interaction only for a mutual type, since "A and B criticised C" is no conflict of A and B.

    >>> e = Event.from_dict({"id": "e", "type": "criticism", "source": ["A", "B"], "target": ["C"],
    ...                      "actors": ["A", "B", "C"]})
    >>> event_pairs(e)
    [('A', 'C', True), ('B', 'C', True), ('A', 'B', False), ('B', 'A', False)]
    """
    mutual = event.type in MUTUAL_TYPES
    pairs: dict[tuple[str, str], bool] = {}
    for s in event.source:
        for t in event.target:
            if s != t:
                pairs[(s, t)] = True
                if mutual:
                    pairs[(t, s)] = True
    actors = _event_actors(event)
    for i, a in enumerate(actors):
        for b in actors[i + 1:]:
            if (a, b) not in pairs and (b, a) not in pairs:
                pairs[(a, b)] = pairs[(b, a)] = mutual
    return [(u, v, interaction) for (u, v), interaction in pairs.items()]


def build_graph(events: Iterable[Event]) -> nx.DiGraph:
    """Build the actor graph of `events`.

    Args:
        events: extracted events (any iterable; read once).

    Returns:
        A `DiGraph` with a node per actor (`label`, `kind`, `country`, `events`, `first_date`,
        `last_date`) and an edge per ordered pair of actors sharing an event (`kind` "event",
        `weight` (real-world events: distinct `cluster_id`s, an event without one counting alone),
        `types` like "meeting:2;talks:1" (real-world events by type), `first_date`, `last_date`, `event_ids`,
        `balance`). A person with a country code also gets an edge of `kind` "affiliation" to
        the node of that country (or organisation); when the person also has events with that
        node, the edge stays `kind` "event". Nodes and edges are in sorted order.

    >>> G = build_graph([Event.from_dict({"id": "e1", "type": "meeting", "date": "2025-08-25",
    ...     "source": ["Donald Trump"], "target": ["Lee Jae Myung"],
    ...     "actors": ["Donald Trump", "Lee Jae Myung"], "plover": "CONSULT"})])
    >>> sorted(G.edges), G.edges["Donald Trump", "Lee Jae Myung"]["types"]
    ([('Donald Trump', 'Lee Jae Myung'), ('Lee Jae Myung', 'Donald Trump')], 'meeting:1')
    """
    return build_graph_with_actors(events)[0]


def build_graph_with_actors(events: Iterable[Event]) -> tuple[nx.DiGraph, list[dict]]:
    """The graph of `build_graph` and the `actor_rows` (of actors.csv) of `events`, read once for both."""
    tally = ActorTally()
    # per edge, event id -> (its `info`, whether an interaction); the last event of an id wins
    edge_events: dict[tuple[str, str], dict[str, tuple[tuple, bool]]] = defaultdict(dict)
    affiliations: dict[tuple[str, str], dict[str, tuple]] = defaultdict(dict)
    code_names: dict[str, Counter] = defaultdict(Counter)
    shared: dict[str, str] = {}  # one copy of each date, type and PLOVER string
    n = 0
    for e in events:
        n += 1
        tally.add(e)
        # (date, date_end, type, plover, id, real-world event): what an edge needs of an event, not the event itself
        info = tuple(None if x is None else shared.setdefault(x, x)
                     for x in (e.date, e.date_end, e.type, e.plover)) + (e.id, e.cluster_id or e.id)
        for u, v, interaction in event_pairs(e):
            edge_events[(u, v)][e.id] = (info, interaction)
        for name, kind, code in zip(e.actors, e.actor_kinds, e.actor_countries):
            if kind == "person" and code:
                affiliations[(name, code)][e.id] = info
            if code and kind in ("country", "organization"):
                # a country actor is a better home for a code than an organisation
                code_names[code][(kind != "country", name)] += 1
    actor_rows = tally.rows()
    rows = {row["name"]: row for row in actor_rows}

    G = nx.DiGraph()
    for name in sorted(rows):
        G.add_node(name, **_node_attrs(name, rows[name]))

    by_code = {
        code: min(c.items(), key=lambda kv: (kv[0][0], -kv[1], kv[0][1]))[0][1]
        for code, c in code_names.items()
    }
    for (person, code), infos in sorted(affiliations.items()):
        place = by_code.get(code, code)
        if place == person:
            continue
        if place not in G:
            G.add_node(place, **_node_attrs(place, {
                "kind": "country" if re.fullmatch(r"[A-Z]{3}", code) else "organization",
                "country": code, "events": 0, "first_date": "", "last_date": "",
            }))
        if (person, place) not in edge_events:
            G.add_edge(person, place, **_edge_attrs("affiliation", list(infos.values()), []))

    for (u, v), pairs in edge_events.items():
        signed = [info for info, interaction in pairs.values() if interaction]
        G.add_edge(u, v, **_edge_attrs("event", [info for info, _ in pairs.values()], signed))
    G = _sorted_copy(G)
    logger.debug("graph: %d events, %d nodes, %d edges", n, len(G), G.size())
    return G, actor_rows


def graph_metrics(G: nx.DiGraph) -> dict[str, dict]:
    """Degree, weighted degree, betweenness and community of every node of `G`.

    Computed on the undirected view of the event edges (affiliation edges left out): `degree`
    counts distinct partners, `weighted_degree` the events shared with them, `betweenness` is
    normalised (6 digits; estimated from a fixed sample of sources above
    `EXACT_BETWEENNESS_MAX_NODES` nodes) and `community` numbers the greedy-modularity
    communities in the order of their sorted member names.

    Args:
        G: a graph from `build_graph`.

    Returns:
        `{node: {"degree", "weighted_degree", "betweenness", "community"}}`.
    """
    U = _event_view(G)
    if len(U) > EXACT_BETWEENNESS_MAX_NODES:
        # exact betweenness is O(nodes * edges): estimate it from a seeded, hence fixed, sample
        betweenness = nx.betweenness_centrality(U, k=EXACT_BETWEENNESS_MAX_NODES, seed=42)
    else:
        betweenness = nx.betweenness_centrality(U)
    groups = greedy_modularity_communities(U, weight="weight") if U.number_of_edges() else [{n} for n in U]
    community = {}
    for i, members in enumerate(sorted(sorted(map(str, g)) for g in groups)):
        for m in members:
            community[m] = i
    return {
        n: {
            "degree": int(U.degree(n)),
            "weighted_degree": int(U.degree(n, weight="weight")),
            "betweenness": round(float(betweenness.get(n, 0.0)), 6) + 0.0,
            "community": community[str(n)],
        }
        for n in sorted(U)
    }


def with_metrics(G: nx.DiGraph) -> nx.DiGraph:
    """A copy of `G` with the `graph_metrics` of each node added as node attributes."""
    H = G.copy()
    for n, m in graph_metrics(G).items():
        H.nodes[n].update(m)
    return H


def graph_layout(G: nx.DiGraph) -> dict[str, tuple[float, float]]:
    """Deterministic 2-D positions of the nodes of `G`, rounded to 4 digits.

    A seeded spring layout, or a circular one above `SPRING_LAYOUT_MAX_NODES` nodes.
    """
    H = _sorted_copy(G)
    pos = nx.circular_layout(H) if len(H) > SPRING_LAYOUT_MAX_NODES else nx.spring_layout(H, seed=42)
    return {n: (round(float(x), 4) + 0.0, round(float(y), 4) + 0.0) for n, (x, y) in pos.items()}


def graph_data(G: nx.DiGraph) -> dict:
    """The plain-dict form of `G` for the HTML renderer: nodes with positions and metrics, edges.

    Returns:
        `{"nodes": [{"id", "label", "kind", "country", "events", "x", "y", "first_date",
        "last_date", "degree", "weighted_degree", "betweenness", "community"}], "edges":
        [{"source", "target", "kind", "weight", "types", "first_date", "last_date",
        "event_ids", "balance"}]}`, nodes sorted by id and edges by (source, target).
    """
    metrics = graph_metrics(G)
    pos = graph_layout(G)
    nodes = []
    for n in sorted(G):
        d = G.nodes[n]
        x, y = pos[n]
        nodes.append({
            "id": n, "label": d.get("label", n), "kind": d.get("kind", ""),
            "country": d.get("country", ""), "events": d.get("events", 0), "x": x, "y": y,
            "first_date": d.get("first_date", ""), "last_date": d.get("last_date", ""),
            **metrics[n],
        })
    edges = []
    for u, v in sorted(G.edges):
        d = G.edges[u, v]
        edges.append({
            "source": u, "target": v, "kind": d.get("kind", "event"), "weight": d.get("weight", 1),
            "types": d.get("types", ""), "first_date": d.get("first_date", ""),
            "last_date": d.get("last_date", ""), "event_ids": d.get("event_ids", ""),
            "balance": d.get("balance", 0.0),
        })
    return {"nodes": nodes, "edges": edges}


def graphml_text(G: nx.DiGraph) -> str:
    """`G` as GraphML text (nodes and edges in sorted order)."""
    return _XML_DECLARATION + "\n".join(nx.generate_graphml(_sorted_copy(G))) + "\n"


def write_graphml(G: nx.DiGraph, path: str | os.PathLike) -> None:
    """Write `G` as GraphML to `path`, atomically.

    The text is made whole: its size follows the graph (actors and pairs), not the events;
    10,000 articles' graph costs networkx's writer about 16 MB.
    """
    write_text(path, graphml_text(G))


def read_graphml(path: str | os.PathLike) -> nx.DiGraph:
    """Read a graph written by `write_graphml`."""
    return _read_xml_graph(nx.read_graphml, path, "GraphML")


def gexf_text(G: nx.DiGraph) -> str:
    """`G` as GEXF 1.2 text for Gephi, with `start`/`end` dates on nodes and edges that have them.

    Dates are widened to whole days (`2025-08` starts on 2025-08-01 and ends on 2025-08-31) as
    GEXF's date time format requires; `first_date`/`last_date` keep their own precision. The
    `lastmodifieddate` networkx stamps into the header is left out, so output is reproducible.
    """
    H = _sorted_copy(G)
    for d in [*(d for _, d in H.nodes(data=True)), *(d for _, _, d in H.edges(data=True))]:
        if d.get("first_date"):
            d["start"] = _day_bound(d["first_date"], end=False)
            d["end"] = _day_bound(d.get("last_date") or d["first_date"], end=True)
    text = "\n".join(nx.generate_gexf(H))
    return _XML_DECLARATION + _GEXF_META_DATE.sub("", text, count=1) + "\n"


def write_gexf(G: nx.DiGraph, path: str | os.PathLike) -> None:
    """Write `G` as GEXF (see `gexf_text`) to `path`, atomically (made whole, as `write_graphml`)."""
    write_text(path, gexf_text(G))


def read_gexf(path: str | os.PathLike) -> nx.DiGraph:
    """Read a graph written by `write_gexf` (its `start`/`end` dates come back as attributes)."""
    return _read_xml_graph(nx.read_gexf, path, "GEXF")


def _read_xml_graph(reader, path: str | os.PathLike, what: str) -> nx.DiGraph:
    """Read with a networkx XML reader; its failures become InputError naming the file."""
    try:
        return reader(path)
    except (OSError, ET.ParseError, nx.NetworkXError) as e:
        raise InputError(f"not a {what} graph: {e}", path=str(path)) from e


def graph_json_text(G: nx.DiGraph) -> str:
    """`G` as node-link JSON (keys sorted, edges under `"edges"`)."""
    data = _node_link_data(_sorted_copy(G))
    return json.dumps(data, sort_keys=True, indent=1, ensure_ascii=False) + "\n"


def write_graph_json(G: nx.DiGraph, path: str | os.PathLike) -> None:
    """Write `G` as node-link JSON (see `graph_json_text`) to `path`, atomically, in pieces."""
    with atomic_open(path) as f:
        json.dump(_node_link_data(_sorted_copy(G)), f, sort_keys=True, indent=1, ensure_ascii=False)
        f.write("\n")


def read_graph_json(path: str | os.PathLike) -> nx.DiGraph:
    """Read a graph written by `write_graph_json`."""
    try:
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
    except OSError as e:
        raise InputError(f"cannot read: {e.strerror or e}", path=str(path)) from e
    except json.JSONDecodeError as e:
        raise InputError(f"not JSON: {e.msg}", path=str(path), position=e.lineno) from e
    if not isinstance(data, dict) or "nodes" not in data:
        raise InputError("not a node-link graph", path=str(path))
    try:
        return _node_link_graph(data)
    except (KeyError, TypeError, nx.NetworkXError) as e:
        raise InputError(f"not a node-link graph: {e}", path=str(path)) from e


def write_graph_exports(events: Iterable[Event], out_dir: str | os.PathLike) -> list[Path]:
    """Write the analysis exports of `events` into `out_dir`.

    Args:
        events: extracted events (read once; parked in a temporary file in `out_dir` unless
            they come as an `EventSpool`, so they are never all in memory).
        out_dir: the directory to write to (created if missing).

    Returns:
        The paths written: graph.graphml, graph.gexf, graph.json (each graph with its metrics
        as node attributes), actors.csv and timelinejs.json.
    """
    out = Path(out_dir)
    if not isinstance(events, EventSpool):
        with spool_events(events, out) as spool:
            return write_graph_exports(spool, out)
    paths = [out / name for name in (
        "graph.graphml", "graph.gexf", "graph.json", "actors.csv", "timelinejs.json",
    )]
    G, actor_rows = build_graph_with_actors(events)
    write_graph_files(with_metrics(G), out)
    write_actor_rows(actor_rows, paths[3])
    write_timelinejs(events, paths[4])
    return paths


def write_graph_files(G: nx.DiGraph, out_dir: str | os.PathLike) -> list[Path]:
    """Write `G` as graph.graphml, graph.gexf and graph.json into `out_dir`; return their paths."""
    out = Path(out_dir)
    paths = [out / "graph.graphml", out / "graph.gexf", out / "graph.json"]
    write_graphml(G, paths[0])
    write_gexf(G, paths[1])
    write_graph_json(G, paths[2])
    return paths


def _event_actors(event: Event) -> list[str]:
    """Every actor of an event once, in the order `actors`, `source`, `target`."""
    return list(dict.fromkeys([*event.actors, *event.source, *event.target]))


def _node_attrs(name: str, row: dict) -> dict:
    return {
        "label": name, "kind": row["kind"], "country": row["country"], "events": int(row["events"]),
        "first_date": row["first_date"], "last_date": row["last_date"],
    }


def _edge_attrs(kind: str, events: list[tuple], signed: list[tuple]) -> dict:
    """Aggregate attributes of an edge from its events as (date, date_end, type, plover, id, cluster) tuples
    (`signed`: those counted in `balance`).

    `weight` and `types` count real-world events (distinct clusters: five articles' reports of one
    meeting weigh 1), each of the type most of its reports on this edge give it; `event_ids` keeps
    every report.
    """
    events = sorted(events, key=lambda e: (e[0] is None, e[0] or "", e[4]))
    starts = [e[0] for e in events if e[0]]
    ends = [e[1] or e[0] for e in events if e[0]]
    types = Counter(_cluster_types(events).values()) if kind == "event" else Counter()
    balance = sum(plover_sign(e[3]) for e in signed) / len(signed) if signed else 0.0
    return {
        "kind": kind,
        "weight": len({e[5] for e in events}),
        "types": ";".join(f"{t}:{n}" for t, n in sorted(types.items(), key=lambda tn: (-tn[1], tn[0]))),
        "first_date": min(starts, default=""),
        "last_date": max(ends, default=""),
        "event_ids": ";".join(e[4] for e in events),
        "balance": round(float(balance), 3) + 0.0,
    }


def _cluster_types(events: list[tuple]) -> dict[str, str]:
    """The type of each real-world event of an edge: the one most of its reports give, ties by name."""
    counts: dict[str, Counter] = defaultdict(Counter)
    for e in events:
        counts[e[5]][e[2]] += 1
    return {c: min(n, key=lambda t: (-n[t], t)) for c, n in counts.items()}


def _event_view(G: nx.DiGraph) -> nx.Graph:
    """Undirected graph of the event edges; an edge's weight is the number of distinct events."""
    U = nx.Graph()
    U.add_nodes_from(sorted(G))
    ids: dict[tuple[str, str], set[str]] = defaultdict(set)
    for u, v, d in G.edges(data=True):
        if d.get("kind", "event") == "event":
            key = (u, v) if u <= v else (v, u)
            ids[key].update(i for i in str(d.get("event_ids", "")).split(";") if i)
    for (u, v), s in sorted(ids.items()):
        U.add_edge(u, v, weight=max(len(s), 1))
    return U


def _sorted_copy(G: nx.DiGraph) -> nx.DiGraph:
    """A copy of `G` with nodes and edges inserted in sorted order, for reproducible output."""
    H = G.__class__()
    H.graph.update(G.graph)
    for n in sorted(G):
        H.add_node(n, **G.nodes[n])
    for u, v in sorted(G.edges):
        H.add_edge(u, v, **G.edges[u, v])
    return H


def _day_bound(date: str, *, end: bool) -> str:
    """The first (or last) day of an ISO date at its precision.

    >>> _day_bound("2024", end=True), _day_bound("2024-02", end=True), _day_bound("2024-02", end=False)
    ('2024-12-31', '2024-02-29', '2024-02-01')
    """
    parts = date.split("-")
    if len(parts) == 1:
        return f"{parts[0]}-12-31" if end else f"{parts[0]}-01-01"
    if len(parts) == 2:
        last = calendar.monthrange(int(parts[0]), int(parts[1]))[1] if end else 1
        return f"{parts[0]}-{parts[1]}-{last:02d}"
    return date


def _node_link_data(G: nx.DiGraph) -> dict:
    try:
        return nx.node_link_data(G, edges="edges")
    except TypeError:  # networkx < 3.4 names the keyword `link`
        return nx.node_link_data(G, link="edges")


def _node_link_graph(data: dict) -> nx.DiGraph:
    try:
        return nx.node_link_graph(data, directed=True, multigraph=False, edges="edges")
    except TypeError:  # networkx < 3.4
        return nx.node_link_graph(data, directed=True, multigraph=False, link="edges")
