"""Writing the quads of :mod:`kg.rdf.convert` as Turtle, N-Triples, TriG or JSON-LD.

pyoxigraph parses the generated N-Triples (checking every IRI) and does the
serialising, several times faster than rdflib and in a fraction of its memory
(figures: ``benchmarks/results/rdf_speed.json``); Turtle is written straight
from the records in the same order (:mod:`kg.rdf.turtle`).  Turtle, TriG and JSON-LD
are sorted, so the same graph always gives the same bytes; N-Triples is
streamed in generation order, which is deterministic too.  Turtle, N-Triples and JSON-LD hold one graph (the union);
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

import io
import json
from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox

from kg.errors import FormatError
from kg.rdf.convert import Lit, Term, quads
from kg.ids import namespaces
from kg.rdf.vocab import PREFIXES

if TYPE_CHECKING:
    from kg.graph import KnowledgeGraph

__all__ = [
    "RDF_FORMATS",
    "prefixes",
    "write_rdf",
    "grouped",
    "sorted_triples",
    "sorted_turtle",
    "nt_lines",
    "to_oxigraph",
    "jsonld_context",
    "jsonld_document",
]

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


class _Order:
    """Sort keys for readable output: subjects by kind then IRI, ``rdf:type``
    and labels first, passages by document and then by offset as numbers
    ("...-510-522" before "...-1802-1807"), so that they read in text order."""

    def __init__(self, base: str) -> None:
        self.ranks = {f"{base}{name}/": rank for name, rank in _SUBJECT_RANK.items()}  # namespace -> rank
        self.spans = (f"{base}evidence/", f"{base}mention/")

    def iri(self, iri: str) -> tuple[str, int, int]:
        if iri.startswith(self.spans):
            head, start, end = iri.rsplit("-", 2)
            if start.isdigit() and end.isdigit():
                return head, int(start), int(end)
        return iri, -1, -1

    def subject(self, s: str) -> tuple:
        return self.ranks.get(s[: s.rfind("/") + 1], len(self.ranks)), self.iri(s)

    def object(self, o: Term) -> tuple:
        return (1, o.value, -1, -1, o.datatype or "") if isinstance(o, Lit) else (0, *self.iri(o), "")

    @staticmethod
    def predicate(p: str) -> tuple[int, str]:
        return _PREDICATE_RANK.get(p, 3), p

    def pair(self, po: tuple[str, Term]) -> tuple:
        p, o = po
        return _PREDICATE_RANK.get(p, 3), p, self.object(o)


Group = tuple[str, str, list[tuple[str, Term]]]


def grouped(graph: KnowledgeGraph, named_graphs: bool = False) -> list[Group]:
    """``(graph, subject, [(predicate, object)...])`` sorted for output, duplicates
    dropped; with ``named_graphs=False`` all graphs are merged (``graph`` is "").

    Grouping by subject first means each subject's sort key is computed once.
    """
    by: dict[tuple[str, str], set[tuple[str, Term]]] = {}
    for s, p, o, g in quads(graph):
        by.setdefault((g if named_graphs else "", s), set()).add((p, o))
    order = _Order(graph.base_iri)
    keys = sorted(by, key=lambda gs: (gs[0], order.subject(gs[1])))
    return [(g, s, sorted(by[g, s], key=order.pair)) for g, s in keys]


def sorted_triples(graph: KnowledgeGraph) -> list[tuple[str, str, Term]]:
    """The triples of all graphs merged, sorted for readable, stable output."""
    return [(s, p, o) for _, s, pairs in grouped(graph) for p, o in pairs]


def _nt_object(o: Term) -> str:
    if not isinstance(o, Lit):
        return f"<{o}>"
    v = o.value
    # N-Triples allows every character in a literal but these four.
    if '"' in v or "\\" in v or "\n" in v or "\r" in v:
        v = v.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
    return f'"{v}"^^<{o.datatype}>' if o.datatype else f'"{v}"'


def nt_lines(rows: Iterable[tuple]) -> Iterator[str]:
    """N-Triples lines (N-Quads when a row has a graph) for rows of
    :func:`kg.rdf.convert.quads`.

    >>> list(nt_lines([("urn:s", "urn:p", Lit('say "hi"'), "")]))
    ['<urn:s> <urn:p> "say \\\\"hi\\\\"" .\\n']
    """
    for row in rows:
        g = row[3] if len(row) > 3 else ""
        if g:
            yield f"<{row[0]}> <{row[1]}> {_nt_object(row[2])} <{g}> .\n"
        else:
            yield f"<{row[0]}> <{row[1]}> {_nt_object(row[2])} .\n"


class _Reader(io.RawIOBase):
    """A binary stream over generated text, so that pyoxigraph parses it as it
    is produced instead of from one big string."""

    def __init__(self, lines: Iterator[str]) -> None:
        self.lines = lines
        self.buffer = b""

    def readable(self) -> bool:
        return True

    def readinto(self, target) -> int:
        while len(self.buffer) < len(target):
            chunk = "".join(islice(self.lines, 4096))
            if not chunk:
                break
            self.buffer += chunk.encode("utf-8")
        n = min(len(target), len(self.buffer))
        target[:n] = self.buffer[:n]
        self.buffer = self.buffer[n:]
        return n


#: Characters of a literal built as a term rather than parsed: pyoxigraph's
#: parser holds at most 16 MB in one token, and a character may take 4 bytes.
BIG_LITERAL = 1_000_000
_CHUNK = 50_000  # rows parsed at once: streamed, with room to step around a big literal


def to_oxigraph(rows: Iterable[tuple], quads_: bool = False) -> Iterator[ox.Triple] | Iterator[ox.Quad]:
    """pyoxigraph triples (or quads) for rows of :func:`kg.rdf.convert.quads`.

    The rows are written as N-Triples / N-Quads and parsed back by pyoxigraph:
    its parser builds terms several times faster than constructing each one
    from Python, and checks every IRI on the way.  A row with a literal of
    more than :data:`BIG_LITERAL` characters is built term by term instead.

    >>> from kg.rdf.convert import Lit
    >>> [str(t) for t in to_oxigraph([("urn:s", "urn:p", Lit("x"), "urn:g")], quads_=True)]
    ['<urn:s> <urn:p> "x" <urn:g>']
    >>> [len(t.object.value) for t in to_oxigraph([("urn:s", "urn:p", Lit("x" * 20_000_000), "")])]
    [20000000]
    """
    rows = iter(rows)
    while chunk := list(islice(rows, _CHUNK)):
        start = 0
        for i, row in enumerate(chunk):
            if isinstance(row[2], Lit) and len(row[2].value) > BIG_LITERAL:
                yield from _parsed(chunk[start:i], quads_)
                yield _built(row, quads_)
                start = i + 1
        yield from _parsed(chunk[start:], quads_)


def _parsed(rows: list[tuple], quads_: bool) -> Iterator[ox.Triple] | Iterator[ox.Quad]:
    if not rows:
        return iter(())
    if quads_:
        return ox.parse(io.BufferedReader(_Reader(nt_lines(rows))), format=ox.RdfFormat.N_QUADS)
    triples = ((r[0], r[1], r[2]) for r in rows)
    parsed = ox.parse(io.BufferedReader(_Reader(nt_lines(triples))), format=ox.RdfFormat.N_TRIPLES)
    return (q.triple for q in parsed)


def _built(row: tuple, quads_: bool) -> ox.Triple | ox.Quad:
    """The term-by-term triple (or quad) of one row."""
    o = row[2]
    if isinstance(o, Lit):
        obj = ox.Literal(o.value, datatype=ox.NamedNode(o.datatype)) if o.datatype else ox.Literal(o.value)
    else:
        obj = ox.NamedNode(o)
    s, p = ox.NamedNode(row[0]), ox.NamedNode(row[1])
    if not quads_:
        return ox.Triple(s, p, obj)
    g = row[3] if len(row) > 3 else ""
    return ox.Quad(s, p, obj, ox.NamedNode(g) if g else ox.DefaultGraph())


def _pretty(groups: list[Group], fmt: ox.RdfFormat, pfx: dict[str, str]) -> bytes:
    """Turtle or TriG of ``groups`` (already sorted) through pyoxigraph, which
    keeps the order it is given and abbreviates repeated subjects."""
    rows = ((s, p, o, g) for g, s, pairs in groups for p, o in pairs)
    try:
        return ox.serialize(to_oxigraph(rows, quads_=fmt == ox.RdfFormat.TRIG), format=fmt, prefixes=pfx)
    except SyntaxError as err:  # an IRI minted outside kg.ids
        raise ValueError(f"the graph holds an invalid IRI: {err}") from err


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


def sorted_turtle(graph: KnowledgeGraph) -> bytes:
    """The Turtle of ``graph`` made the general way: every triple, sorted
    (:func:`grouped`), serialised by pyoxigraph.  :mod:`kg.rdf.turtle` writes
    these bytes faster and streamed; this is what it is checked against."""
    pfx = prefixes(graph.base_iri)
    return _readable(_pretty(grouped(graph), ox.RdfFormat.TURTLE, pfx), pfx)


def write_rdf(graph: KnowledgeGraph, path: Path, fmt: str) -> Path:
    """Write ``graph`` to ``path`` as "turtle", "nt", "json-ld" or "trig"."""
    if fmt not in RDF_FORMATS:
        raise FormatError(fmt, sorted(RDF_FORMATS))
    path = Path(path)
    pfx = prefixes(graph.base_iri)
    if fmt == "nt":
        # Streamed in generation order (deterministic, free of duplicates);
        # going through pyoxigraph checks every IRI and literal on the way.
        rows = ((s, p, o) for s, p, o, _ in quads(graph))
        try:
            ox.serialize(to_oxigraph(rows), str(path), ox.RdfFormat.N_TRIPLES)
        except SyntaxError as err:  # an IRI minted outside kg.ids
            raise ValueError(f"the graph holds an invalid IRI: {err}") from err
    elif fmt == "turtle":
        from kg.rdf.turtle import write_turtle  # the bytes of sorted_turtle(), streamed

        write_turtle(graph, path)
    elif fmt == "trig":
        data = _pretty(grouped(graph, named_graphs=True), RDF_FORMATS[fmt], pfx)
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
    checked: set[str] = set()

    def compact(iri: str) -> str:
        if iri not in checked:  # the same check pyoxigraph makes for the other formats
            try:
                ox.NamedNode(iri)
            except ValueError as err:
                raise ValueError(f"the graph holds an invalid IRI: {err}") from err
            checked.add(iri)
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
    for _, s, pairs in grouped(graph):
        current: dict[str, Any] = {"@id": compact(s)}
        nodes.append(current)
        for p, o in pairs:
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
