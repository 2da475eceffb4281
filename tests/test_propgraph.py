"""Property-graph exports: GraphML, GEXF and Neo4j CSV, from the same small graph."""

from __future__ import annotations

import csv
import xml.etree.ElementTree as ET

import networkx as nx
import pytest
from tests.test_rdf import HOSTILE, make_graph

from kg.errors import FormatError
from kg.export import write
from kg.propgraph import flat_graph, write_property_graph
from kg.rdf import actor_iri
from kg.types import Actor

B = "https://kg.example/"


@pytest.fixture(scope="module")
def graph():
    g = make_graph()
    # a control character XML 1.0 cannot hold, in an alias
    g._actors[actor_iri(B, "Mike Waltz")].aliases.append("Waltz\x0b\x01")
    return g


def test_flat_graph_has_scalar_attributes_only(graph):
    flat = flat_graph(graph)
    nx_graph = graph.to_networkx()
    assert flat.number_of_nodes() == nx_graph.number_of_nodes()
    assert flat.number_of_edges() == nx_graph.number_of_edges()
    for _, data in [*flat.nodes(data=True), *((None, d) for *_, d in flat.edges(data=True))]:
        for value in data.values():
            assert isinstance(value, (str, int, float, bool)), value
    trump = flat.nodes[actor_iri(B, "Donald Trump")]
    assert trump["aliases"] == "Trump" and trump["roles"] == "President" and trump["kind"] == "Person"
    assert flat.nodes[actor_iri(B, "Mike Waltz")]["aliases"] == "Waltz | Waltz"  # control chars dropped


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_xml_formats_read_back(graph, tmp_path, fmt):
    path = write(graph, tmp_path / f"graph.{fmt}")
    ET.parse(path)  # well-formed XML despite quotes, <script> and control characters
    back = nx.read_graphml(path) if fmt == "graphml" else nx.read_gexf(path)
    assert back.number_of_nodes() == graph.to_networkx().number_of_nodes()
    assert back.number_of_edges() == graph.to_networkx().number_of_edges()
    node = back.nodes[actor_iri(B, HOSTILE)]
    assert node["label"] == HOSTILE
    relations = {d["relation"] for *_, d in back.edges(data=True)}
    assert {"committer", "addressee", "speaker", "role", "located_in", "partner", "reported"} <= relations


def test_csv_is_ready_for_neo4j_import(graph, tmp_path):
    paths = write_property_graph(graph, tmp_path / "graph.csv", "csv")
    assert [p.name for p in paths] == ["graph.nodes.csv", "graph.edges.csv"]
    with paths[0].open(newline="", encoding="utf-8") as f:
        nodes = list(csv.DictReader(f))
    with paths[1].open(newline="", encoding="utf-8") as f:
        edges = list(csv.DictReader(f))
    header = list(nodes[0])
    assert header[:3] == ["iri:ID", ":LABEL", "label"]
    assert "mentions:int" in header and "negated:boolean" in header and "aliases:string[]" in header
    by_iri = {n["iri:ID"]: n for n in nodes}
    assert by_iri[actor_iri(B, "Ukraine")][":LABEL"] == "Actor|Country|Place"
    assert by_iri[actor_iri(B, "United States")]["aliases:string[]"] == "US|U.S.|United States"
    labels = {n[":LABEL"] for n in nodes}
    assert {"Commitment|Demand", "Commitment|Refusal", "Statement", "Place", "Actor|Person"} <= labels
    assert "\n" not in by_iri[actor_iri(B, HOSTILE)]["label"]  # one record a line
    assert len(edges) == graph.to_networkx().number_of_edges()
    assert {e[":TYPE"] for e in edges} >= {"COMMITTER", "ADDRESSEE", "SPEAKER", "ROLE"}
    ids = set(by_iri)
    assert all(e[":START_ID"] in ids and e[":END_ID"] in ids for e in edges)


def test_dangling_edge_targets_still_become_nodes(tmp_path):
    from kg.graph import KnowledgeGraph

    g = KnowledgeGraph(actors=[Actor(B + "actor/A", "A", "Person", affiliations=[B + "actor/Gone"])])
    flat = flat_graph(g)
    assert flat.nodes[B + "actor/Gone"]["kind"] == "Unknown"
    write_property_graph(g, tmp_path / "g.gexf", "gexf")
    assert nx.read_gexf(tmp_path / "g.gexf").number_of_nodes() == 2


def test_unknown_key_is_a_format_error(graph, tmp_path):
    with pytest.raises(FormatError):
        write_property_graph(graph, tmp_path / "g.dot", "dot")
