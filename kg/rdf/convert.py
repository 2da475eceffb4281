"""A :class:`~kg.graph.KnowledgeGraph` as RDF quads in the kg ontology.

:func:`quads` yields plain tuples ``(subject, predicate, object, graph)``:
IRIs are ``str``, literals are :class:`Lit`, and ``graph`` is ``""`` for the
default graph (entities and facts) or a document's IRI for the named graph that
holds that document's evidence and mentions.  Every writer (rdflib, pyoxigraph,
JSON-LD) starts from these tuples, so all formats say the same thing.

The tuples come out in a deterministic order and without duplicates, so that
N-Triples can be streamed straight to disk.

Examples
--------
>>> from kg.graph import KnowledgeGraph
>>> from kg.types import Actor, Commitment, Evidence
>>> ev = Evidence("d1", 0, 0, 24, "Alia Noor vowed to vote.")
>>> g = KnowledgeGraph(actors=[Actor("https://kg.example/actor/Alia_Noor", "Alia Noor", "Person")],
...                    commitments=[Commitment("https://kg.example/commitment/1", "https://kg.example/actor/Alia_Noor",
...                                            "promise", "vote", evidence=[ev])])
>>> ds = to_rdf(g)
>>> sorted((str(named.identifier).rsplit("/", 1)[-1], len(named)) for named in ds.graphs())
[('d1', 8), ('urn:x-rdflib:default', 9)]
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from types import SimpleNamespace
from typing import TYPE_CHECKING, NamedTuple, Union

import pyoxigraph as ox
from rdflib import namespace as rdfns

from kg.rdf.iris import document_iri, evidence_iri, mention_iri, role_iri, wikidata_iri
from kg.rdf.vocab import ACTOR_CLASS, KG, KIND_CLASS, NIF

if TYPE_CHECKING:
    import rdflib

    from kg.graph import KnowledgeGraph
    from kg.types import Evidence, Mention

__all__ = ["Lit", "Quad", "quads", "to_rdf", "date_literal", "clean_text"]


class Lit(NamedTuple):
    """A literal: its lexical form and datatype IRI (None for xsd:string)."""

    value: str
    datatype: str | None = None


Term = Union[str, Lit]
Quad = tuple[str, str, Term, str]

# Plain strings, not URIRefs: they are hashed and compared millions of times,
# and an rdflib URIRef never equals the str of the same IRI.
K = SimpleNamespace(**{name: str(KG[name]) for name in KG.__annotations__})
_KIND = {kind: str(cls) for kind, cls in KIND_CLASS.items()}
_ACTOR = {t: str(cls) for t, cls in ACTOR_CLASS.items()}
_BEGIN, _END, _ANCHOR = str(NIF.beginIndex), str(NIF.endIndex), str(NIF.anchorOf)
_TYPE, _PREF, _ALT = str(rdfns.RDF.type), str(rdfns.SKOS.prefLabel), str(rdfns.SKOS.altLabel)
_SAME, _DERIVED = str(rdfns.OWL.sameAs), str(rdfns.PROV.wasDerivedFrom)
_DC = {name: str(rdfns.DCTERMS[name]) for name in ("identifier", "title", "date", "source")}
_XSD = {name: str(rdfns.XSD[name]) for name in ("integer", "boolean", "date", "gYearMonth", "gYear")}
_INT, _BOOL = _XSD["integer"], _XSD["boolean"]
_TRUE, _FALSE = Lit("true", _BOOL), Lit("false", _BOOL)

_DATE = re.compile(r"^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$")
_YEAR_MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
_YEAR = re.compile(r"^\d{4}$")


def clean_text(text: str) -> str:
    """``text`` made encodable: lone surrogates (never valid Unicode) become U+FFFD.

    >>> clean_text("ok"), clean_text("a\\ud800b")
    ('ok', 'a�b')
    """
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return "".join("\ufffd" if 0xD800 <= ord(c) <= 0xDFFF else c for c in text)


def _str(text: str) -> Lit:
    return Lit(clean_text(text))


def _int(n: int) -> Lit:
    return Lit(str(int(n)), _INT)


def date_literal(value: str) -> Lit:
    """The best-typed literal for an ISO date or period.

    >>> date_literal("2025-03-06").datatype.rsplit("#")[1], date_literal("2025-03").datatype.rsplit("#")[1]
    ('date', 'gYearMonth')
    >>> date_literal("2025-W11")
    Lit(value='2025-W11', datatype=None)
    """
    value = value.strip()
    if _DATE.match(value):
        return Lit(value, _XSD["date"])
    if _YEAR_MONTH.match(value):
        return Lit(value, _XSD["gYearMonth"])
    if _YEAR.match(value):
        return Lit(value, _XSD["gYear"])
    return _str(value)


def _unique(items: Iterable) -> list:
    return list(dict.fromkeys(items))


class _Spans:
    """Evidence and mention nodes, each written once although many facts share one."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.seen: set[str] = set()
        self.links: set[tuple[str, str]] = set()

    def node(self, iri: str, cls: str, span: Evidence | Mention, doc: str) -> Iterator[Quad]:
        if iri in self.seen:
            return
        self.seen.add(iri)
        yield iri, _TYPE, cls, doc
        yield iri, _DERIVED, doc, doc
        yield iri, K.sentenceIndex, _int(span.sentence), doc
        yield iri, _BEGIN, _int(span.start), doc
        yield iri, _END, _int(span.end), doc
        yield iri, _ANCHOR, _str(span.text), doc

    def evidence(self, subject: str, evidence: Iterable[Evidence]) -> Iterator[Quad]:
        """``subject kg:evidence ev`` (and ``prov:wasDerivedFrom`` each document once)."""
        docs: set[str] = set()
        for ev in sorted(set(evidence)):
            doc = document_iri(self.base, ev.document)
            iri = evidence_iri(self.base, ev.document, ev.start, ev.end)
            yield from self.node(iri, K.Evidence, ev, doc)
            yield subject, K.evidence, iri, doc
            if doc not in docs:
                docs.add(doc)
                yield subject, _DERIVED, doc, doc

    def mentions(self, subject: str, mentions: Iterable[Mention]) -> Iterator[Quad]:
        """``subject kg:mention m`` for each mention, in its document's graph."""
        for m in sorted(set(mentions)):
            doc = document_iri(self.base, m.document)
            iri = mention_iri(self.base, m.document, m.start, m.end)
            if (subject, iri) in self.links:  # a country that is also a place: listed twice
                continue
            self.links.add((subject, iri))
            yield subject, K.mention, iri, doc
            yield from self.node(iri, K.Mention, m, doc)


def _documents(graph: KnowledgeGraph) -> Iterator[Quad]:
    base = graph.base_iri
    known = set()
    for d in graph.documents():
        known.add(d.id)
        iri = document_iri(base, d.id)
        yield iri, _TYPE, K.Document, ""
        yield iri, _DC["identifier"], _str(d.id), ""
        if d.title:
            yield iri, _DC["title"], _str(d.title), ""
        if d.date:
            yield iri, _DC["date"], date_literal(d.date), ""
        if d.url:
            url = _url(d.url)
            yield iri, _DC["source"], url if url else _str(d.url), ""
        if d.source:
            yield iri, K.sourceFile, _str(str(d.source)), ""
    # Evidence may cite a document the graph was not given: it still gets a node,
    # so that every prov:wasDerivedFrom points at a kg:Document.
    cited = {ev.document for f in [*graph.commitments(), *graph.statements()] for ev in f.evidence}
    cited |= {m.document for r in [*graph.actors(), *graph.places()] for m in r.mentions}
    cited |= {r.evidence.document for a in graph.actors() for r in a.roles if r.evidence}
    for doc_id in sorted(cited - known):
        iri = document_iri(base, doc_id)
        yield iri, _TYPE, K.Document, ""
        yield iri, _DC["identifier"], _str(doc_id), ""


_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:\S")
_NOT_IN_IRI = re.compile(r'[\x00-\x20<>"{}|\\^`\x7f]')


def _url(url: str) -> str | None:
    """``url`` as an IRI, with the characters IRIs forbid (spaces, quotes,
    angle brackets, controls) percent-encoded; None if it has no scheme, and
    then it is kept as a literal.

    >>> _url("https://news.example/a b"), _url("news.example/a")
    ('https://news.example/a%20b', None)
    """
    url = clean_text(url.strip())
    if not _SCHEME.match(url):
        return None
    iri = _NOT_IN_IRI.sub(lambda m: "".join(f"%{b:02X}" for b in m.group().encode()), url)
    try:
        ox.NamedNode(iri)  # the strict IRI parser every writer goes through
    except ValueError:
        return None
    return iri


def _actors(graph: KnowledgeGraph, spans: _Spans) -> Iterator[Quad]:
    base = graph.base_iri
    for a in graph.actors():
        s = a.iri
        yield s, _TYPE, _ACTOR.get(a.type, K.Actor), ""
        yield s, _PREF, _str(a.name), ""
        for alias in _unique(a.aliases):
            if alias != a.name:
                yield s, _ALT, _str(alias), ""
        wd = wikidata_iri(a.wikidata)
        if wd:
            yield s, _SAME, wd, ""
        for aff in _unique(a.affiliations):
            yield s, K.affiliation, aff, ""
        for role in a.roles:
            r = role_iri(base, s, role.name, role.affiliation)
            yield s, K.role, r, ""
            yield r, _TYPE, K.Role, ""
            yield r, K.roleName, _str(role.name), ""
            yield r, K.roleText, _str(role.text), ""
            if role.affiliation:
                yield r, K.roleAffiliation, role.affiliation, ""
            if role.evidence:
                yield from spans.evidence(r, [role.evidence])
        yield from spans.mentions(s, a.mentions)


def _places(graph: KnowledgeGraph, spans: _Spans) -> Iterator[Quad]:
    actors = {a.iri: a for a in graph.actors()}
    for p in graph.places():
        s = p.iri
        actor = actors.get(s)
        yield s, _TYPE, K.Place, ""
        if p.type == "Country" and (actor is None or actor.type != "Country"):
            yield s, _TYPE, K.Country, ""
        # A country used as a place is one node: its actor record names it, the
        # place record only adds names the actor does not have.
        if actor is None:
            yield s, _PREF, _str(p.name), ""
            names = {p.name}
        else:
            names = {actor.name, *actor.aliases}
        for alias in _unique([p.name, *p.aliases]):
            if alias not in names:
                yield s, _ALT, _str(alias), ""
        wd = wikidata_iri(p.wikidata)
        if wd and (actor is None or wikidata_iri(actor.wikidata) != wd):
            yield s, _SAME, wd, ""
        if p.country and p.country != s:
            yield s, K.locatedIn, p.country, ""
        yield from spans.mentions(s, p.mentions)


def _commitments(graph: KnowledgeGraph, spans: _Spans) -> Iterator[Quad]:
    for c in graph.commitments():
        s = c.iri
        yield s, _TYPE, K.Commitment, ""
        if c.kind in _KIND:
            yield s, _TYPE, _KIND[c.kind], ""
        yield s, K.actor, c.actor, ""
        yield s, K.content, _str(c.content), ""
        if c.target:
            yield s, K.target, c.target, ""
        for partner in _unique(c.partners):
            yield s, K.partner, partner, ""
        if c.modality:
            yield s, K.modality, _str(c.modality), ""
        yield s, K.negated, _TRUE if c.negated else _FALSE, ""
        if c.time:
            yield s, K.time, _str(c.time), ""
        if c.date:
            yield s, K.date, date_literal(c.date), ""
        if c.place:
            yield s, K.place, c.place, ""
        if c.amount:
            yield s, K.amount, _str(c.amount), ""
        if c.reported_by:
            yield s, K.reportedBy, c.reported_by, ""
        if c.cue:
            yield s, K.cue, _str(c.cue), ""
        yield from spans.evidence(s, c.evidence)


def _statements(graph: KnowledgeGraph, spans: _Spans) -> Iterator[Quad]:
    for st in graph.statements():
        s = st.iri
        yield s, _TYPE, K.Statement, ""
        yield s, K.speaker, st.speaker, ""
        yield s, K.content, _str(st.content), ""
        yield s, K.quote, _TRUE if st.quote else _FALSE, ""
        if st.cue:
            yield s, K.cue, _str(st.cue), ""
        if st.audience:
            yield s, K.audience, _str(st.audience), ""
        if st.date:
            yield s, K.date, date_literal(st.date), ""
        yield from spans.evidence(s, st.evidence)


def quads(graph: KnowledgeGraph) -> Iterator[Quad]:
    """Every quad of ``graph``, deterministic and free of duplicates.

    Documents first, then actors, places, commitments and statements, each in
    the graph's own order; evidence and mentions follow the record they belong to.
    """
    spans = _Spans(graph.base_iri)
    yield from _documents(graph)
    yield from _actors(graph, spans)
    yield from _places(graph, spans)
    yield from _commitments(graph, spans)
    yield from _statements(graph, spans)


def to_rdf(graph: KnowledgeGraph) -> rdflib.Dataset:
    """``graph`` as an rdflib Dataset: entities and facts in the default graph,
    each document's evidence and mentions in a named graph called by the
    document's IRI.  Prefixes are bound."""
    from rdflib import Dataset, Literal, URIRef

    from kg.rdf.formats import prefixes

    ds = Dataset()
    for name, ns in prefixes(graph.base_iri).items():
        ds.bind(name, ns, replace=True)
    graphs: dict[str, rdflib.Graph] = {"": ds.default_graph}
    dtypes: dict[str | None, URIRef | None] = {None: None}

    def term(t: Term):
        if isinstance(t, Lit):
            if t.datatype not in dtypes:
                dtypes[t.datatype] = URIRef(t.datatype)
            return Literal(t.value, datatype=dtypes[t.datatype])
        return URIRef(t)

    def rows():
        for s, p, o, g in quads(graph):
            if g not in graphs:
                graphs[g] = ds.graph(URIRef(g))
            yield URIRef(s), URIRef(p), term(o), graphs[g]

    ds.addN(rows())
    return ds
