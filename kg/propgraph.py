"""The graph for property-graph tools: GraphML, GEXF (Gephi) and Neo4j CSV.

All three start from :meth:`KnowledgeGraph.to_networkx`.  GraphML and GEXF
take only scalar attributes, so lists are joined with `` | `` and missing
values left out; characters XML 1.0 forbids are dropped.

The CSV export writes two files next to ``path``: ``<stem>.nodes.csv`` and
``<stem>.edges.csv``, with headers in the format of ``neo4j-admin database
import``::

    neo4j-admin database import full --array-delimiter="|" \\
        --nodes=graph.nodes.csv --relationships=graph.edges.csv

Examples
--------
>>> import tempfile
>>> from pathlib import Path
>>> from kg.graph import KnowledgeGraph
>>> from kg.types import Actor
>>> g = KnowledgeGraph(actors=[Actor("https://kg.example/actor/X", "X", "Person", aliases=["Mr X", "X."])])
>>> with tempfile.TemporaryDirectory() as tmp:
...     paths = write_property_graph(g, Path(tmp) / "graph.csv", "csv")
...     print([p.name for p in paths])
...     print(paths[0].read_text().splitlines()[:2])
['graph.nodes.csv', 'graph.edges.csv']
['iri:ID,:LABEL,label,aliases:string[],mentions:int,roles:string[]', 'https://kg.example/actor/X,Actor|Person,X,Mr X|X.,0,']
"""

from __future__ import annotations

import csv
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

import networkx as nx

from kg.errors import FormatError

if TYPE_CHECKING:
    from kg.graph import KnowledgeGraph

__all__ = ["write_property_graph", "flat_graph", "PROPERTY_GRAPH_FORMATS"]

PROPERTY_GRAPH_FORMATS = ("graphml", "gexf", "csv")

#: Joins list attributes in GraphML/GEXF and Neo4j array columns.
LIST_SEPARATOR = "|"

_XML_BAD = re.compile("[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_ACTOR_KINDS = {"Person", "Organization", "Country", "Group"}


def _xml_text(value: str) -> str:
    return _XML_BAD.sub("", value)


def _scalar(value: Any) -> Any:
    if isinstance(value, (list, tuple, set)):
        return _xml_text(f" {LIST_SEPARATOR} ".join(str(v) for v in value))
    if isinstance(value, str):
        return _xml_text(value)
    return value


def flat_graph(graph: KnowledgeGraph) -> nx.MultiDiGraph:
    """``graph.to_networkx()`` with scalar attributes only (lists joined, None dropped).

    Nodes an edge points at but the graph does not describe get ``kind="Unknown"``.
    """
    g = graph.to_networkx()
    flat = nx.MultiDiGraph()
    for node, data in g.nodes(data=True):
        attrs = {k: _scalar(v) for k, v in data.items() if v is not None}
        attrs.setdefault("kind", "Unknown")
        attrs.setdefault("label", node)
        flat.add_node(_xml_text(node), **attrs)
    for u, v, key, data in g.edges(keys=True, data=True):
        flat.add_edge(_xml_text(u), _xml_text(v), key=key,
                      **{k: _scalar(x) for k, x in data.items() if x is not None})
    return flat


def _labels(data: dict[str, Any]) -> str:
    kind = data.get("kind", "Unknown")
    if kind in _ACTOR_KINDS:
        labels = ["Actor", kind] + (["Place"] if data.get("is_place") else [])
    elif kind == "Commitment" and data.get("commitment_kind"):
        labels = ["Commitment", str(data["commitment_kind"]).capitalize()]
    else:
        labels = [kind]
    return LIST_SEPARATOR.join(labels)


def _neo4j_type(values: list[Any]) -> str:
    present = [v for v in values if v is not None]
    if present and all(isinstance(v, bool) for v in present):
        return "boolean"
    if present and all(isinstance(v, int) and not isinstance(v, bool) for v in present):
        return "int"
    if any(isinstance(v, (list, tuple, set)) for v in present):
        return "string[]"
    return "string"


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple, set)):
        # The array delimiter cannot be escaped in neo4j-admin CSV.
        return LIST_SEPARATOR.join(_cell(v).replace(LIST_SEPARATOR, "¦") for v in value)
    return " ".join(str(value).split()) if isinstance(value, str) else str(value)


def _write_csv(graph: KnowledgeGraph, path: Path) -> list[Path]:
    g = graph.to_networkx()
    stem = path.name[: -len(path.suffix)] if path.suffix else path.name
    nodes_path, edges_path = path.with_name(f"{stem}.nodes.csv"), path.with_name(f"{stem}.edges.csv")

    # The name first, then the other properties alphabetically.
    node_keys = sorted({k for _, d in g.nodes(data=True) for k in d} - {"kind"}, key=lambda k: (k != "label", k))
    node_types = {k: _neo4j_type([d.get(k) for _, d in g.nodes(data=True)]) for k in node_keys}
    with nodes_path.open("w", newline="", encoding="utf-8") as out:
        w = csv.writer(out)
        w.writerow(["iri:ID", ":LABEL", *(k if node_types[k] == "string" else f"{k}:{node_types[k]}"
                                           for k in node_keys)])
        for node, data in g.nodes(data=True):
            w.writerow([node, _labels(data), *(_cell(data.get(k)) for k in node_keys)])

    edge_keys = sorted({k for *_, d in g.edges(data=True) for k in d} - {"relation"})
    with edges_path.open("w", newline="", encoding="utf-8") as out:
        w = csv.writer(out)
        w.writerow([":START_ID", ":END_ID", ":TYPE", *edge_keys])
        for u, v, data in g.edges(data=True):
            rel = str(data.get("relation", "related")).upper()
            w.writerow([u, v, rel, *(_cell(data.get(k)) for k in edge_keys)])
    return [nodes_path, edges_path]


def write_property_graph(graph: KnowledgeGraph, path: Path, key: str) -> list[Path]:
    """Write ``graph`` as GraphML, GEXF or Neo4j CSV; return the files written.

    Parameters
    ----------
    graph
        The knowledge graph.
    path
        The target file; for "csv", the two files are named after its stem.
    key
        "graphml", "gexf" or "csv".
    """
    path = Path(path)
    if key == "graphml":
        nx.write_graphml(flat_graph(graph), path, named_key_ids=True)
    elif key == "gexf":
        nx.write_gexf(flat_graph(graph), path)
    elif key == "csv":
        return _write_csv(graph, path)
    else:
        raise FormatError(key, list(PROPERTY_GRAPH_FORMATS))
    return [path]
