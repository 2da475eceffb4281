"""Writing a graph to disk: one entry point, the format chosen by suffix or name.

RDF formats go through :mod:`kg.rdf`, the HTML view through :mod:`kg.html`,
and the property-graph formats (GraphML, GEXF, CSV) through networkx.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from kg.config import FORMATS
from kg.errors import FormatError

if TYPE_CHECKING:
    from kg.graph import KnowledgeGraph

__all__ = ["write", "format_for"]


def format_for(path: Path, format: str | None = None) -> str:
    """The format key (a key of :data:`kg.config.FORMATS`) for ``path``."""
    key = (format or path.suffix.lstrip(".")).lower()
    aliases = {"turtle": "ttl", "ntriples": "nt", "n-triples": "nt", "json-ld": "jsonld", "htm": "html"}
    key = aliases.get(key, key)
    if key not in FORMATS:
        raise FormatError(key or str(path), sorted(FORMATS))
    return key


def write(graph: KnowledgeGraph, path: Path, format: str | None = None) -> Path:
    """Write ``graph`` to ``path`` in ``format`` (default: from the suffix)."""
    key = format_for(path, format)
    path.parent.mkdir(parents=True, exist_ok=True)
    if key == "html":
        from kg.html import write_html

        write_html(graph, path)
    elif key in ("graphml", "gexf", "csv"):
        from kg.propgraph import write_property_graph

        write_property_graph(graph, path, key)
    else:
        from kg.rdf import write_rdf

        write_rdf(graph, path, FORMATS[key])
    return path
