"""Turtle written straight from the graph's records, in its final order, streamed to disk.

The output is byte for byte what pyoxigraph writes for the sorted triples
(:func:`kg.rdf.formats.grouped`, the order TriG and JSON-LD use too), with a
blank line between subjects; but the triples are never all made, sorted and
handed over at once.  The subjects are listed with their sort keys (one entry
per subject, a fraction of the triples), sorted, and each subject's pairs
(:mod:`kg.rdf.convert`) are made, ordered and written in turn, so that the
memory of writing is the graph plus one subject, and the time a few Python
operations per triple (figures: ``benchmarks/rdf_speed.py``).

Terms are written as pyoxigraph writes them (prefixed names with its
escapes, literal escapes, inline numbers and booleans); anything out of the
ordinary (a local name with characters beyond ASCII letters and digits, a
namespace inside another) is written by pyoxigraph itself, once per IRI.
``tests/test_rdf_turtle.py`` holds the two writers to the same bytes.

>>> import tempfile
>>> from pathlib import Path
>>> from kg.graph import KnowledgeGraph
>>> from kg.types import Actor
>>> g = KnowledgeGraph(actors=[Actor("https://kg.example/actor/Kyiv", "Kyiv", "Organization")])
>>> with tempfile.TemporaryDirectory() as tmp:
...     print(write_turtle(g, Path(tmp) / "g.ttl").read_text().splitlines()[-2:])
['actor:Kyiv a kg:Organization ;', '\\tskos:prefLabel "Kyiv" .']
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox

from kg.rdf import convert as C
from kg.rdf.formats import _Order, prefixes
from kg.ids import document_iri, encode_name, evidence_iri

if TYPE_CHECKING:
    from kg.graph import KnowledgeGraph

__all__ = ["write_turtle", "TurtleTerms"]

_XSD = "http://www.w3.org/2001/XMLSchema#"
_INLINE = {  # datatypes pyoxigraph writes bare when the lexical form allows (oxttl's TurtleTerm)
    _XSD + "integer": re.compile(r"[+-]?[0-9]+"),
    _XSD + "decimal": re.compile(r"[+-]?[0-9]*\.[0-9]+"),
    _XSD + "double": re.compile(r"[+-]?([0-9]+\.[0-9]*|\.[0-9]+|[0-9]+)[eE][+-]?[0-9]+"),
    _XSD + "boolean": re.compile(r"true|false"),
}
_STRING = _XSD + "string"
# Literal escapes: the C0 controls, quote, backslash, DEL and two non-characters.
_ESCAPES = {c: f"\\u{c:04X}" for c in [*range(0x20), 0x7F, 0xFFFE, 0xFFFF]}
_ESCAPES.update({0x08: "\\b", 0x09: "\\t", 0x0A: "\\n", 0x0C: "\\f", 0x0D: "\\r", 0x22: '\\"', 0x5C: "\\\\"})
_NEEDS_ESCAPE = re.compile("[" + "".join(re.escape(chr(c)) for c in _ESCAPES) + "]")
# A local name pyoxigraph writes as it is, but for "%" (written "\%"): ASCII
# letters, digits, "_" and "%", with "-" and "." inside (and "-" at the end).
_PLAIN_LOCAL = re.compile(r"[A-Za-z0-9_%](?:[A-Za-z0-9_%.\-]*[A-Za-z0-9_%\-])?")
_PROBE = ox.NamedNode("urn:kg:probe")


class TurtleTerms:
    """Terms as pyoxigraph's Turtle writer writes them, with ``pfx`` as prefixes."""

    def __init__(self, pfx: dict[str, str]) -> None:
        self.pfx = pfx
        spaces = list(pfx.values())
        # A namespace inside another would make pyoxigraph choose: it is asked.
        self.names = {ns: name for name, ns in pfx.items()
                      if not any(o != ns and ns.startswith(o) for o in spaces)}
        self.cache: dict[str, str] = {}

    def iri(self, iri: str) -> str:
        """An IRI met again and again (entities, classes, documents), checked once."""
        out = self.cache.get(iri)
        if out is None:
            try:
                ox.NamedNode(iri)
            except ValueError as err:
                raise ValueError(f"the graph holds an invalid IRI: {err}") from None
            out = self.cache[iri] = self.minted(iri)
        return out

    def minted(self, iri: str) -> str:
        """An IRI known to be valid (minted by kg.ids), not cached."""
        cut = max(iri.rfind("/"), iri.rfind("#")) + 1
        name = self.names.get(iri[:cut])
        local = iri[cut:]
        if name is not None and _PLAIN_LOCAL.fullmatch(local):
            return f"{name}:{local.replace('%', chr(92) + '%')}" if "%" in local else f"{name}:{local}"
        return self._asked(iri)

    def _asked(self, iri: str) -> str:
        data = ox.serialize([ox.Triple(ox.NamedNode(iri), _PROBE, ox.Literal(""))], format=ox.RdfFormat.TURTLE,
                            prefixes=self.pfx).decode()
        line = data.rstrip("\n").rsplit("\n", 1)[-1]
        return line[: line.rindex(' <urn:kg:probe> "" .')]

    def literal(self, lit: C.Lit) -> str:
        v = lit.value
        dt = lit.datatype
        if dt is not None and dt in _INLINE and _INLINE[dt].fullmatch(v):
            return v
        body = v.translate(_ESCAPES) if _NEEDS_ESCAPE.search(v) else v
        if dt is None or dt == _STRING:
            return f'"{body}"'
        return f'"{body}"^^{self.iri(dt)}'


class _Writer:
    def __init__(self, graph: KnowledgeGraph) -> None:
        self.graph = graph
        self.base = graph.base_iri
        self.pfx = prefixes(self.base)
        self.terms = TurtleTerms(self.pfx)
        self.order = _Order(self.base)
        self.pred_rank: dict[str, tuple] = {}
        self.pred_text: dict[str, str] = {C._TYPE: "a"}
        # Span IRIs are the base and kg's own encoding: valid if the base is.
        self.terms.iri(evidence_iri(self.base, "x", 0, 1))
        self.span_template = self._span_template()

    def _span_template(self) -> str:
        """The text of an evidence or mention node, its predicates in output order."""
        fields = {C._DERIVED: "{doc}", C.K.sentenceIndex: "{sentence}", C._BEGIN: "{start}", C._END: "{end}",
                  C._ANCHOR: "{text}"}
        preds = sorted(fields, key=self.order.predicate)
        body = " ;\n\t".join(f"{self.terms.iri(p)} {fields[p]}" for p in preds)
        return "{subject} a {cls} ;\n\t" + body + " ."

    def subjects(self) -> list[tuple[tuple, str, object]]:
        """(sort key, subject, what it is) for every subject, sorted."""
        g, base, key = self.graph, self.base, self.order.subject
        out: list[tuple[tuple, str, object]] = []
        for d in g.documents():
            iri = document_iri(base, d.id)
            out.append((key(iri), iri, d))
        for doc_id in C.cited_documents(g):
            iri = document_iri(base, doc_id)
            out.append((key(iri), iri, doc_id))
        entities: dict[str, list] = {}
        roles: dict[str, list] = {}
        for a in g.actors():
            entities.setdefault(a.iri, [None, None])[0] = a
            for r in a.roles:
                roles.setdefault(C.role_iri(base, a.iri, r.name, r.affiliation), []).append((a.iri, r))
        for p in g.places():
            entities.setdefault(p.iri, [None, None])[1] = p
        out.extend((key(iri), iri, tuple(pair)) for iri, pair in entities.items())
        out.extend((key(iri), iri, rs) for iri, rs in roles.items())
        out.extend((key(c.iri), c.iri, c) for c in g.commitments())
        out.extend((key(s.iri), s.iri, s) for s in g.statements())
        seen: set[tuple] = set()
        ranks = self.order.ranks
        heads: dict[tuple[str, str], tuple[int, str]] = {}
        for cls, span in C.spans_in_order(g):
            # The IRI kg.ids mints, and the key _Order.subject gives it,
            # without minting and parsing it back for every passage.
            start, end = int(span.start), int(span.end)
            if (cls, span.document, start, end) in seen:
                continue
            seen.add((cls, span.document, start, end))
            rank_head = heads.get((cls, span.document))
            if rank_head is None:
                ns = f"{base}{'evidence' if cls == C.K.Evidence else 'mention'}/"
                rank_head = heads[cls, span.document] = ranks[ns], f"{ns}{encode_name(span.document)}"
            rank, head = rank_head
            out.append(((rank, (head, start, end)), f"{head}-{start}-{end}", (cls, span)))
        out.sort(key=lambda entry: entry[0])
        return out

    def pairs(self, what) -> list[C.Pair]:
        base = self.base
        if isinstance(what, C.Document):
            return C.document_pairs(what)
        if isinstance(what, str):
            return C.cited_document_pairs(what)
        if isinstance(what, C.Commitment):
            return C.commitment_pairs(base, what)
        if isinstance(what, C.Statement):
            return C.statement_pairs(base, what)
        if isinstance(what, list):  # the roles of one IRI
            return [pair for actor, role in what for pair in C.role_pairs(base, actor, role)[1]]
        first, second = what
        linked: set[str] = set()
        out = C.actor_pairs(base, first, linked) if first is not None else []
        if second is not None:
            out += C.place_pairs(base, second, first, linked)
        return out

    def span(self, iri: str, cls: str, span) -> str:
        return self.span_template.format(
            subject=self.terms.minted(iri), cls=self.terms.iri(cls),
            doc=self.terms.iri(document_iri(self.base, span.document)), sentence=int(span.sentence),
            start=int(span.start), end=int(span.end), text=self.terms.literal(C._str(span.text)))

    def block(self, iri: str, pairs: list[C.Pair]) -> str:
        by: dict[str, list[C.Term]] = {}
        for p, o, _ in pairs:
            objs = by.get(p)
            if objs is None:
                by[p] = [o]
            elif o not in objs:
                objs.append(o)
        terms, cache, lit = self.terms, self.terms.cache, self.terms.literal
        parts = []
        if len(by) > 1:
            try:
                preds = sorted(by, key=self.pred_rank.__getitem__)
            except KeyError:  # a predicate not met before: rank it, once
                preds = sorted(by, key=self._rank)
        else:
            preds = by
        for p in preds:
            objs = by[p]
            if len(objs) > 1:
                objs.sort(key=self.order.object)
            texts = [lit(o) if o.__class__ is C.Lit else (cache.get(o) or terms.iri(o)) for o in objs]
            parts.append(f"{self._pred(p)} {' , '.join(texts)}")
        return f"{terms.iri(iri)} " + " ;\n\t".join(parts) + " ."

    def _rank(self, p: str) -> tuple:
        k = self.pred_rank.get(p)
        if k is None:
            k = self.pred_rank[p] = self.order.predicate(p)
        return k

    def _pred(self, p: str) -> str:
        t = self.pred_text.get(p)
        if t is None:
            t = self.pred_text[p] = self.terms.iri(p)
        return t

    def blocks(self) -> Iterator[str]:
        for _, iri, what in self.subjects():
            if what.__class__ is tuple and what[0].__class__ is str:  # an evidence or mention node
                yield self.span(iri, *what)
            else:
                yield self.block(iri, self.pairs(what))


def write_turtle(graph: KnowledgeGraph, path: Path) -> Path:
    """Write ``graph`` to ``path`` as Turtle (see the module docstring)."""
    w = _Writer(graph)
    path = Path(path)
    header = "".join(f"@prefix {name}: <{ns}> .\n" for name, ns in w.pfx.items())
    with path.open("w", encoding="utf-8", newline="\n") as out:
        out.write(header + "\n")
        buffer: list[str] = []
        for i, text in enumerate(w.blocks()):
            buffer.append(f"\n\n{text}" if i else text)
            if len(buffer) >= 4096:
                out.write("".join(buffer))
                buffer.clear()
        out.write("".join(buffer) + "\n")
    return path
