"""Tests for timeline/graph.py: the actor graph, its metrics and its GraphML/GEXF/JSON files."""
from __future__ import annotations

import json

import networkx as nx
import pytest

from timeline import graph
from timeline.graph import (
    build_graph,
    event_pairs,
    graph_data,
    graph_metrics,
    plover_sign,
    read_gexf,
    read_graph_json,
    read_graphml,
    with_metrics,
    write_gexf,
    write_graph_exports,
    write_graph_json,
    write_graphml,
)
from timeline.model import ACTOR_KINDS, Event


def ev(id, type, source, target=(), *, plover=None, date=None, date_end=None, kinds=(), countries=(),
       texts=(), **kw):
    actors = list(dict.fromkeys([*source, *target]))
    return Event.from_dict({
        "id": id, "type": type, "plover": plover, "date": date, "date_end": date_end,
        "source": list(source), "target": list(target), "actors": actors,
        "actor_kinds": list(kinds), "actor_countries": list(countries), "actor_texts": list(texts), **kw,
    })


@pytest.fixture
def events():
    return [
        ev("e1", "meeting", ["Donald Trump"], ["Lee Jae Myung"], plover="CONSULT", date="2025-08-25",
           kinds=["person", "person"], countries=["USA", "KOR"], texts=["Trump", "President Lee Jae Myung"]),
        ev("e2", "criticism", ["Donald Trump"], ["South Korea"], plover="ACCUSE", date="2025-08-25",
           kinds=["person", "country"], countries=["USA", "KOR"], texts=["Trump", "South Korea"]),
        ev("e3", "talks", ["Donald Trump", "Lee Jae Myung"], plover="CONSULT", date="2025-08",
           kinds=["person", "person"], countries=["USA", "KOR"], texts=["Donald Trump", "Lee"]),
        ev("e4", "statement", ["Kim Jong Un"], kinds=["person"], countries=["PRK"], texts=["Kim"]),
        ev("e5", "demand", ["United States", "Japan"], ["North Korea"], plover="REQUEST", date="2025-09-01",
           kinds=["country"] * 3, countries=["USA", "JPN", "PRK"], texts=["Washington", "Tokyo", "Pyongyang"],
           sentence="Washington & Tokyo <b>urged</b> Pyongyang to stop."),
        ev("e6", "sanction", ["United States"], ["North Korea"], plover="SANCTION", date="2017", date_end="2021",
           kinds=["country", "country"], countries=["USA", "PRK"], texts=["the United States", "North Korea"]),
        ev("e7", "visit", ["Emmanuel Macron"], ["Japan"], plover="CONSULT", date="2025-09",
           kinds=["person", "country"], countries=["FRA", "JPN"], texts=["Macron", "Japan"]),
    ]


@pytest.fixture
def G(events):
    return build_graph(events)


def test_every_actor_is_a_node_with_a_kind(events, G):
    for e in events:
        for name in e.actors:
            assert name in G
            assert G.nodes[name]["kind"] in ACTOR_KINDS
            assert G.nodes[name]["label"] == name
    assert G.nodes["Donald Trump"]["kind"] == "person"
    assert G.nodes["Donald Trump"]["country"] == "USA"
    assert G.nodes["North Korea"]["kind"] == "country"


def test_every_pair_sharing_an_event_is_linked(events, G):
    for e in events:
        for a in e.actors:
            for b in e.actors:
                if a != b:
                    assert G.has_edge(a, b) or G.has_edge(b, a), (e.id, a, b)
                    link = G.edges[a, b] if G.has_edge(a, b) else G.edges[b, a]
                    assert e.id in link["event_ids"].split(";")


@pytest.mark.parametrize("u, v, present", [
    ("Donald Trump", "Lee Jae Myung", True),   # meeting: mutual
    ("Lee Jae Myung", "Donald Trump", True),
    ("Donald Trump", "South Korea", True),     # criticism: directed
    ("South Korea", "Donald Trump", False),
    ("United States", "North Korea", True),
    ("North Korea", "United States", False),
    ("United States", "Japan", True),          # co-sources of a demand: co-participants
    ("Japan", "United States", True),
    ("Emmanuel Macron", "Japan", True),        # visit: directed
    ("Japan", "Emmanuel Macron", False),
])
def test_edge_directions(G, u, v, present):
    assert G.has_edge(u, v) is present


def test_edge_attributes(events, G):
    ids = {e.id for e in events}
    for _u, _v, d in G.edges(data=True):
        assert d["kind"] in ("event", "affiliation")
        assert isinstance(d["weight"], int) and d["weight"] >= 1
        named = d["event_ids"].split(";")
        assert set(named) <= ids and len(named) == d["weight"]
        assert isinstance(d["first_date"], str) and isinstance(d["last_date"], str)
        assert -1.0 <= d["balance"] <= 1.0
    tl = G.edges["Donald Trump", "Lee Jae Myung"]
    assert (tl["weight"], tl["types"], tl["event_ids"]) == (2, "meeting:1;talks:1", "e3;e1")
    assert (tl["first_date"], tl["last_date"], tl["balance"]) == ("2025-08", "2025-08-25", 1.0)
    us_nk = G.edges["United States", "North Korea"]
    assert us_nk["types"] == "demand:1;sanction:1"
    assert (us_nk["first_date"], us_nk["last_date"]) == ("2017", "2025-09-01")
    assert us_nk["balance"] == -0.5


@pytest.mark.parametrize("u, v, sign", [
    ("Donald Trump", "Lee Jae Myung", 1),
    ("Donald Trump", "South Korea", -1),
    ("United States", "North Korea", -1),
    ("United States", "Japan", 0),   # joint demand: neither cooperation nor conflict between them
])
def test_balance_sign(G, u, v, sign):
    b = G.edges[u, v]["balance"]
    assert (b > 0) - (b < 0) == sign


def test_plover_sign():
    assert [plover_sign(p) for p in ("AID", "ASSAULT", "REQUEST", None)] == [1, -1, 0, 0]


def test_affiliation_edges(events, G):
    assert G.edges["Donald Trump", "United States"]["kind"] == "affiliation"
    assert G.edges["Lee Jae Myung", "South Korea"]["kind"] == "affiliation"
    assert G.edges["Kim Jong Un", "North Korea"]["kind"] == "affiliation"
    assert G.edges["Kim Jong Un", "North Korea"]["event_ids"] == "e4"
    # no event names France: the node is labelled with its code
    assert G.nodes["FRA"] == {**G.nodes["FRA"], "label": "FRA", "kind": "country", "country": "FRA", "events": 0}
    assert G.edges["Emmanuel Macron", "FRA"]["kind"] == "affiliation"
    people = {n for n, d in G.nodes(data=True) if d["kind"] == "person"}
    for person in people:
        assert any(G.edges[person, v]["kind"] == "affiliation" for v in G.successors(person))
    for u, v, d in G.edges(data=True):
        if d["kind"] == "affiliation":
            assert G.nodes[u]["kind"] == "person" and G.nodes[v]["country"] == G.nodes[u]["country"]


def test_affiliation_to_an_organisation():
    G = build_graph([ev("n1", "statement", ["Mark Rutte", "NATO"], kinds=["person", "organization"],
                        countries=["NATO", "NATO"])])
    assert G.edges["Mark Rutte", "NATO"]["kind"] == "event"  # they share an event: it stays an event edge
    G = build_graph([ev("n1", "statement", ["Mark Rutte"], kinds=["person"], countries=["NATO"])])
    assert G.edges["Mark Rutte", "NATO"]["kind"] == "affiliation"
    assert G.nodes["NATO"]["kind"] == "organization"


def test_node_counts_and_dates(G):
    trump = G.nodes["Donald Trump"]
    assert (trump["events"], trump["first_date"], trump["last_date"]) == (3, "2025-08", "2025-08-25")
    assert G.nodes["Kim Jong Un"]["first_date"] == ""
    assert G.nodes["North Korea"]["last_date"] == "2025-09-01"


def test_events_without_kinds_still_give_nodes_with_a_kind():
    G = build_graph([ev("x", "agreement", ["A"], ["B"])])
    assert G.nodes["A"]["kind"] == "unknown" and G.has_edge("A", "B") and G.has_edge("B", "A")


def test_event_pairs_single_actor_and_self():
    assert event_pairs(ev("s", "statement", ["A"])) == []
    assert event_pairs(ev("s", "meeting", ["A"], ["A"])) == []


def test_empty_graph(tmp_path):
    G = build_graph([])
    assert len(G) == 0 and graph_metrics(G) == {} and graph_data(G) == {"nodes": [], "edges": []}
    paths = write_graph_exports([], tmp_path)
    assert len(read_graphml(paths[0])) == 0 and len(read_gexf(paths[1])) == 0
    assert len(read_graph_json(paths[2])) == 0


def test_metrics(G):
    m = graph_metrics(G)
    assert set(m) == set(G)
    for d in m.values():
        assert set(d) == {"degree", "weighted_degree", "betweenness", "community"}
        assert isinstance(d["community"], int) and 0.0 <= d["betweenness"] <= 1.0
    assert m["Donald Trump"]["degree"] == 2  # Lee, South Korea (affiliations are left out)
    assert m["Donald Trump"]["weighted_degree"] == 3
    assert m["Japan"]["betweenness"] > 0  # bridges Macron to the rest
    H = with_metrics(G)
    assert H.nodes["Japan"]["community"] == m["Japan"]["community"]
    assert "community" not in G.nodes["Japan"]  # pure: G is not changed


def test_metrics_do_not_depend_on_event_order(events):
    assert graph_metrics(build_graph(events)) == graph_metrics(build_graph(events[::-1]))
    assert graph_data(build_graph(events)) == graph_data(build_graph(events[::-1]))


def test_graph_data(G):
    d = graph_data(G)
    ids = [n["id"] for n in d["nodes"]]
    assert ids == sorted(ids) and set(ids) == set(G)
    pairs = [(e["source"], e["target"]) for e in d["edges"]]
    assert pairs == sorted(pairs) and set(pairs) == set(G.edges)
    for n in d["nodes"]:
        assert {"id", "label", "kind", "country", "events", "x", "y", "first_date", "last_date",
                "degree", "weighted_degree", "betweenness", "community"} <= set(n)
    for e in d["edges"]:
        assert set(e) == {"source", "target", "kind", "weight", "types", "first_date", "last_date",
                          "event_ids", "balance"}
    assert json.dumps(d, sort_keys=True) == json.dumps(graph_data(G), sort_keys=True)


def test_graph_data_large_graph_uses_cheap_deterministic_estimates(monkeypatch):
    monkeypatch.setattr(graph, "SPRING_LAYOUT_MAX_NODES", 50)
    monkeypatch.setattr(graph, "EXACT_BETWEENNESS_MAX_NODES", 20)
    events = [ev(f"e{i}", "meeting", [f"P{i}"], [f"P{i + 1}"]) for i in range(100)]
    G = build_graph(events)
    a, b = graph_data(G), graph_data(build_graph(events[::-1]))
    assert a == b and len(a["nodes"]) == 101
    assert max(n["betweenness"] for n in a["nodes"]) > 0
    radius = {round(n["x"] ** 2 + n["y"] ** 2, 3) for n in a["nodes"]}
    assert radius == {1.0}  # circular layout


def _same(H, G):
    assert set(H.nodes) == set(G.nodes)
    assert set(H.edges) == set(G.edges)
    assert H.is_directed()


def test_graphml_round_trip(G, tmp_path):
    G = with_metrics(G)
    write_graphml(G, tmp_path / "g.graphml")
    H = nx.read_graphml(tmp_path / "g.graphml")
    _same(H, G)
    for n in G:
        assert H.nodes[n] == G.nodes[n]
    for u, v in G.edges:
        assert H.edges[u, v] == G.edges[u, v]
    _same(read_graphml(tmp_path / "g.graphml"), G)


def test_gexf_round_trip_with_dates(G, tmp_path):
    G = with_metrics(G)
    write_gexf(G, tmp_path / "g.gexf")
    text = (tmp_path / "g.gexf").read_text(encoding="utf-8")
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<gexf')
    assert "lastmodifieddate" not in text and 'mode="dynamic"' in text and 'timeformat="date"' in text
    H = nx.read_gexf(tmp_path / "g.gexf")
    _same(H, G)
    trump = H.nodes["Donald Trump"]
    assert (trump["start"], trump["end"]) == ("2025-08-01", "2025-08-25")
    assert (trump["first_date"], trump["kind"], trump["label"]) == ("2025-08", "person", "Donald Trump")
    assert "start" not in H.nodes["Kim Jong Un"]
    e = H.edges["United States", "North Korea"]
    assert (e["start"], e["end"], e["weight"], e["event_ids"]) == ("2017-01-01", "2025-09-01", 2.0, "e6;e5")
    _same(read_gexf(tmp_path / "g.gexf"), G)


def test_node_link_round_trip(G, tmp_path):
    G = with_metrics(G)
    write_graph_json(G, tmp_path / "g.json")
    data = json.loads((tmp_path / "g.json").read_text(encoding="utf-8"))
    H = nx.node_link_graph(data, edges="edges")
    _same(H, G)
    for u, v in G.edges:
        assert H.edges[u, v] == G.edges[u, v]
    R = read_graph_json(tmp_path / "g.json")
    _same(R, G)
    assert dict(R.nodes(data=True)) == dict(G.nodes(data=True))


def test_exports_are_written_and_byte_identical(events, tmp_path):
    a = write_graph_exports(events, tmp_path / "a")
    b = write_graph_exports(iter(events), tmp_path / "b")
    assert [p.name for p in a] == ["graph.graphml", "graph.gexf", "graph.json", "actors.csv", "timelinejs.json"]
    for p, q in zip(a, b):
        assert p.read_bytes() == q.read_bytes(), p.name
    H = read_graphml(a[0])
    assert {"degree", "weighted_degree", "betweenness", "community"} <= set(H.nodes["Japan"])
    assert not list(tmp_path.glob("*/.*.tmp"))


@pytest.mark.parametrize("reader, name, text", [
    (read_graphml, "bad.graphml", "<graphml"),
    (read_gexf, "bad.gexf", "<gexf"),
    (read_graph_json, "bad.json", "{"),
    (read_graph_json, "list.json", "[]"),
])
def test_readers_raise_input_error(tmp_path, reader, name, text):
    from timeline.errors import InputError
    (tmp_path / name).write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match=name):
        reader(tmp_path / name)
    with pytest.raises(InputError):
        reader(tmp_path / "missing")


# -- GraphML and GEXF written one element at a time: networkx's bytes, without its whole tree -------

def networkx_graphml(G: nx.DiGraph) -> str:
    """GraphML as networkx writes it in one piece (the text `graphml_text` must equal)."""
    return graph._XML_DECLARATION + "\n".join(nx.generate_graphml(graph._sorted_copy(G))) + "\n"


def networkx_gexf(G: nx.DiGraph) -> str:
    """GEXF as networkx writes it in one piece, with day dates and without its lastmodifieddate."""
    import re

    H = graph._sorted_copy(G)
    for d in [*(d for _, d in H.nodes(data=True)), *(d for _, _, d in H.edges(data=True))]:
        if d.get("first_date"):
            d["start"] = graph._day_bound(d["first_date"], end=False)
            d["end"] = graph._day_bound(d.get("last_date") or d["first_date"], end=True)
    text = "\n".join(nx.generate_gexf(H))
    return graph._XML_DECLARATION + re.sub(r'\s+lastmodifieddate="[^"]*"', "", text, count=1) + "\n"


def odd_graph() -> nx.DiGraph:
    """Markup, non-ASCII and line breaks in names and values, graph attributes, a bare node."""
    G = nx.DiGraph(name="odd", note="a <note>")
    G.add_node("A & <B>", label="A & <B>", kind="person", events=2, first_date="2024-02", last_date="2024-03")
    G.add_node("Zoë\r\nx\u2028y", weight=1.5, flag=True)
    G.add_node("bare")
    G.add_edge("A & <B>", "Zoë\r\nx\u2028y", kind="event", weight=2, types="talks:2", first_date="2024",
               event_ids="e1;e2", balance=0.5)
    G.add_edge("bare", "A & <B>")
    return G


@pytest.mark.parametrize("which", ["metrics", "odd", "empty"])
def test_graphml_and_gexf_are_networkx_bytes(events, tmp_path, which):
    G = {"metrics": lambda: with_metrics(build_graph(events)), "odd": odd_graph, "empty": nx.DiGraph}[which]()
    write_graphml(G, tmp_path / "g.graphml")
    write_gexf(G, tmp_path / "g.gexf")
    assert (tmp_path / "g.graphml").read_text(encoding="utf-8") == networkx_graphml(G)
    assert (tmp_path / "g.gexf").read_text(encoding="utf-8") == networkx_gexf(G)
    H = read_graphml(tmp_path / "g.graphml")
    assert sorted(H.nodes) == sorted(G.nodes) and sorted(H.edges) == sorted(G.edges)
    assert sorted(read_gexf(tmp_path / "g.gexf").nodes) == sorted(G.nodes)


def test_graph_json_file_is_the_text(events, tmp_path):
    G = with_metrics(build_graph(events))
    write_graph_json(G, tmp_path / "g.json")
    assert (tmp_path / "g.json").read_text(encoding="utf-8") == graph.graph_json_text(G)


def test_build_graph_reads_events_once_and_the_last_event_of_an_id_wins():
    first = ev("x", "meeting", ["A"], ["B"], date="2025-01", plover="CONSULT")
    last = ev("x", "criticism", ["A"], ["B"], date="2025-02", plover="ACCUSE")
    G = build_graph(iter([first, last]))
    assert G.edges["A", "B"]["weight"] == 1
    assert (G.edges["A", "B"]["types"], G.edges["A", "B"]["first_date"]) == ("criticism:1", "2025-02")
    assert G.edges["A", "B"]["balance"] == -1.0
    assert G.nodes["A"]["events"] == 1 and G.nodes["A"]["first_date"] == "2025-01"  # actors.csv: the first counts


def test_graph_exports_from_a_generator_leave_no_spool(events, tmp_path):
    a = write_graph_exports(events, tmp_path / "a")
    b = write_graph_exports((e for e in events), tmp_path / "b")
    assert [p.read_bytes() for p in a] == [p.read_bytes() for p in b]
    assert sorted(p.name for p in (tmp_path / "b").iterdir()) == sorted(p.name for p in b)


def test_build_graph_with_actors_gives_the_graph_and_the_actor_rows(events):
    from timeline.export import actor_rows

    G, rows = graph.build_graph_with_actors(iter(events))
    assert rows == actor_rows(events)
    assert graph_data(G) == graph_data(build_graph(events))


def test_edge_weight_counts_real_world_events_not_reports():
    # five reports of one meeting (one cluster: one told it as talks) and a second meeting the next day
    reports = [ev(f"m{k}", "talks" if k == 4 else "meeting", ["China"], ["Russia"], date="2025-05-08",
                  cluster_id="c-beijing") for k in range(5)]
    other = ev("m9", "meeting", ["China"], ["Russia"], date="2025-05-09", cluster_id="c-next-day")
    alone = ev("m10", "meeting", ["China"], ["Russia"], date="2025-06-01")  # no cluster: its own event
    G = build_graph([*reports, other, alone])
    edge = G.edges["China", "Russia"]
    assert edge["weight"] == 3
    assert edge["types"] == "meeting:3"  # each real-world event as most of its reports tell it
    assert sorted(edge["event_ids"].split(";")) == sorted(e.id for e in [*reports, other, alone])  # every report kept
    assert graph_data(G)["edges"][0]["weight"] == 3
