"""Writing the quads of :mod:`kg.rdf.convert` as Turtle, N-Triples, TriG or JSON-LD.

pyoxigraph does the serialising (about 30 times faster than rdflib on a
million triples).  Turtle, TriG and JSON-LD are sorted, so the same graph
always gives the same bytes; N-Triples is streamed in generation order, which
is deterministic too.  Turtle, N-Triples and JSON-LD hold one graph (the union);
TriG keeps each document's evidence in the named graph of that document.

Examples
--------
>>> import tempfile
>>> from pathlib import Path
>>> from kg.graph import KnowledgeGraph
>>> from kg.types import Actor
>>> g = KnowledgeGraph(actors=[Actor("https://kg.example/actor/Kyiv", "Kyiv", "Organization")])
>>> with tempfile.TemporaryDirectory() as tmp:
...     path = write_rdf(g, Path(tmp) / "g.ttl", "turtle")
...     print(path.read_text().splitlines()[-2])
actor:Kyiv a kg:Organization ;
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox

from kg.errors import FormatError
from kg.rdf.convert import Lit, Quad, Term, quads
from kg.rdf.iris import namespaces
from kg.rdf.vocab import PREFIXES

if TYPE_CHECKING:
    from kg.graph import KnowledgeGraph

__all__ = ["RDF_FORMATS", "prefixes", "write_rdf", "sorted_triples", "sorted_quads", "jsonld_context",
           "to_oxigraph"]

#: kg's RDF format names and pyoxigraph's formats for them.
RDF_FORMATS: dict[str, ox.RdfFormat] = {
    "turtle": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "json-ld": ox.RdfFormat.JSON_LD,
    "trig": ox.RdfFormat.TRIG,
}

_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
# Subjects come out in reading order: sources, who, where, what, then the text.
_SUBJECT_RANK = {ns: i for i, ns in enumerate(
    ("document", "actor", "place", "role", "commitment", "statement", "evidence", "mention"))}
_PREDICATE_RANK = {
    _RDF_TYPE: 0,
    "http://www.w3.org/2004/02/skos/core#prefLabel": 1,
    "http://www.w3.org/2004/02/skos/core#altLabel": 2,
}


def prefixes(base: str) -> dict[str, str]:
    """The prefixes of an export: the vocabularies, then one per instance namespace.

    >>> prefixes("https://kg.example/")["commitment"]
    'https://kg.example/commitment/'
    """
    return {**PREFIXES, **namespaces(base)}


def _sort_key(base: str):
    ranks = {f"{base}{name}/": rank for name, rank in _SUBJECT_RANK.items()}
    spans = (f"{base}evidence/", f"{base}mention/")
    other = len(ranks)

    def iri_key(iri: str) -> tuple[str, int, int]:
        # Passages sort by document, then by offset as numbers ("...-510-522"
        # before "...-1802-1807"), so that they read in text order.
        if iri.startswith(spans):
            head, start, end = iri.rsplit("-", 2)
            if start.isdigit() and end.isdigit():
                return head, int(start), int(end)
        return iri, -1, -1

    def key(triple: tuple[str, str, Term]):
        s, p, o = triple
        ns = s[: s.rfind("/") + 1]
        obj = (1, o.value, -1, -1, o.datatype or "") if isinstance(o, Lit) else (0, *iri_key(o), "")
        return ranks.get(ns, other), iri_key(s), _PREDICATE_RANK.get(p, 3), p, obj

    return key


def sorted_triples(graph: KnowledgeGraph) -> list[tuple[str, str, Term]]:
    """The triples of all graphs merged, sorted for readable, stable output."""
    triples = {(s, p, o) for s, p, o, _ in quads(graph)}
    return sorted(triples, key=_sort_key(graph.base_iri))


def sorted_quads(graph: KnowledgeGraph) -> list[Quad]:
    """The quads sorted: the default graph first, then each document's graph."""
    key = _sort_key(graph.base_iri)
    return sorted(quads(graph), key=lambda q: (q[3], key(q[:3])))


def to_oxigraph(rows: Iterable[tuple], quads_: bool = False) -> Iterator[ox.Triple | ox.Quad]:
    """pyoxigraph triples (or quads) for tuples from :mod:`kg.rdf.convert`."""
    nodes: dict[str, ox.NamedNode] = {}

    def node(iri: str) -> ox.NamedNode:
        n = nodes.get(iri)
        if n is None:
            if len(nodes) > 10_000:  # predicates, classes and recent subjects repeat
                nodes.clear()
            n = nodes[iri] = ox.NamedNode(iri)
        return n

    default = ox.DefaultGraph()
    for row in rows:
        s, p, o = row[0], row[1], row[2]
        obj = ox.Literal(o.value, datatype=node(o.datatype) if o.datatype else None) if isinstance(o, Lit) \
            else node(o)
        if quads_:
            g = row[3]
            yield ox.Quad(node(s), node(p), obj, node(g) if g else default)
        else:
            yield ox.Triple(node(s), node(p), obj)


def _readable(data: bytes, pfx: dict[str, str]) -> bytes:
    """pyoxigraph's Turtle/TriG made stable and easier to read.

    Its prefix lines come in hash order, so they are replaced by ``pfx`` in the
    order given.  A blank line after each statement makes each subject a
    paragraph: literals never hold a raw newline (pyoxigraph escapes it), so
    " .\\n" only ever ends a statement.
    """
    end = 0
    while data.startswith(b"@prefix", end):
        end = data.index(b"\n", end) + 1
    header = "".join(f"@prefix {name}: <{ns}> .\n" for name, ns in pfx.items()).encode()
    body = data[end:].replace(b" .\n", b" .\n\n").replace(b"}\n", b"}\n\n").rstrip(b"\n")
    return header + b"\n" + body + b"\n"


def write_rdf(graph: KnowledgeGraph, path: Path, fmt: str) -> Path:
    """Write ``graph`` to ``path`` as "turtle", "nt", "json-ld" or "trig"."""
    if fmt not in RDF_FORMATS:
        raise FormatError(fmt, sorted(RDF_FORMATS))
    path = Path(path)
    pfx = prefixes(graph.base_iri)
    if fmt == "nt":
        # Streamed: quads are generated, converted and written one at a time.
        rows = ((s, p, o) for s, p, o, _ in quads(graph))
        ox.serialize(to_oxigraph(rows), str(path), ox.RdfFormat.N_TRIPLES)
    elif fmt == "turtle":
        data = ox.serialize(to_oxigraph(sorted_triples(graph)), format=ox.RdfFormat.TURTLE, prefixes=pfx)
        path.write_bytes(_readable(data, pfx))
    elif fmt == "trig":
        data = ox.serialize(to_oxigraph(sorted_quads(graph), quads_=True), format=ox.RdfFormat.TRIG,
                            prefixes=pfx)
        path.write_bytes(_readable(data, pfx))
    else:
        with path.open("w", encoding="utf-8") as out:
            json.dump(jsonld_document(graph), out, ensure_ascii=False, indent=1)
            out.write("\n")
    return path


# --- JSON-LD --------------------------------------------------------------


def jsonld_context(base: str) -> dict[str, str]:
    """The JSON-LD context of an export: the prefixes, nothing else, so that
    keys are compact IRIs (``"kg:actor"``, ``"skos:prefLabel"``) that read like
    the Turtle.  ``ontology/context.jsonld`` is this context for the default base.

    >>> jsonld_context("https://kg.example/")["actor"]
    'https://kg.example/actor/'
    """
    return prefixes(base)


def _compactor(context: dict[str, str]):
    # Longest namespace first, so "https://kg.example/actor/" wins over a
    # prefix that is a shorter match.
    spaces = sorted(((ns, name) for name, ns in context.items()), key=lambda x: -len(x[0]))

    def compact(iri: str) -> str:
        for ns, name in spaces:
            if iri.startswith(ns):
                local = iri[len(ns):]
                if local and "/" not in local and "#" not in local and not local.startswith("//"):
                    return f"{name}:{local}"
                break
        return iri

    return compact


def _jsonld_value(o: Term, compact) -> Any:
    if not isinstance(o, Lit):
        return {"@id": compact(o)}
    if o.datatype is None or o.datatype == _XSD_STRING:
        return o.value
    if o.datatype.endswith("#boolean"):
        return o.value == "true"
    if o.datatype.endswith("#integer"):
        return int(o.value)  # JSON numbers without fraction read back as xsd:integer
    return {"@value": o.value, "@type": compact(o.datatype)}


def jsonld_document(graph: KnowledgeGraph) -> dict[str, Any]:
    """The graph as one compact JSON-LD document: the context inline (so that
    it parses offline), then one node object per subject, sorted."""
    context = jsonld_context(graph.base_iri)
    compact = _compactor(context)
    nodes: list[dict[str, Any]] = []
    current: dict[str, Any] | None = None
    for s, p, o in sorted_triples(graph):
        if current is None or current["@id"] != compact(s):
            current = {"@id": compact(s)}
            nodes.append(current)
        if p == _RDF_TYPE and not isinstance(o, Lit):
            key, value = "@type", compact(o)
        else:
            key, value = compact(p), _jsonld_value(o, compact)
        if key in current:
            if not isinstance(current[key], list):
                current[key] = [current[key]]
            current[key].append(value)
        else:
            current[key] = value
    return {"@context": context, "@graph": nodes}
