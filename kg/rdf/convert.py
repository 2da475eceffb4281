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
from operator import attrgetter
from types import SimpleNamespace
from typing import TYPE_CHECKING, NamedTuple, Union

import pyoxigraph as ox
from rdflib import namespace as rdfns

from kg.ids import document_iri, evidence_iri, mention_iri, role_iri, wikidata_iri
from kg.rdf.vocab import ACTOR_CLASS, KG, KIND_CLASS, NIF
from kg.types import Actor, Commitment, Document, Evidence, Mention, Place, Role, Statement

if TYPE_CHECKING:
    import rdflib

    from kg.graph import KnowledgeGraph

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


# --- what each record says: (predicate, object, graph) pairs of its subject ---
#
# One function per kind of record, read by quads() below and by the Turtle
# writer (kg.rdf.turtle), which orders subjects itself.  ``graph`` is "" for
# the default graph or the IRI of the document whose named graph holds the
# triple (evidence and mention links).

Pair = tuple[str, Term, str]

#: The order of Evidence and Mention (their dataclass order), as a C-level key:
#: sorting by it is several times faster than by their generated ``__lt__``.
span_key = attrgetter("document", "sentence", "start", "end", "text")


def span_pairs(base: str, cls: str, span: Evidence | Mention) -> tuple[str, list[Pair]]:
    """The IRI and pairs of an evidence (``cls`` kg:Evidence) or mention node."""
    doc = document_iri(base, span.document)
    iri = (evidence_iri if cls == K.Evidence else mention_iri)(base, span.document, span.start, span.end)
    return iri, [(_TYPE, cls, doc), (_DERIVED, doc, doc), (K.sentenceIndex, _int(span.sentence), doc),
                 (_BEGIN, _int(span.start), doc), (_END, _int(span.end), doc), (_ANCHOR, _str(span.text), doc)]


def evidence_links(base: str, evidence: Iterable[Evidence]) -> list[Pair]:
    """``kg:evidence`` to each passage and ``prov:wasDerivedFrom`` each document once."""
    out: list[Pair] = []
    docs: set[str] = set()
    for ev in sorted(set(evidence), key=span_key):
        doc = document_iri(base, ev.document)
        out.append((K.evidence, evidence_iri(base, ev.document, ev.start, ev.end), doc))
        if doc not in docs:
            docs.add(doc)
            out.append((_DERIVED, doc, doc))
    return out


def mention_links(base: str, mentions: Iterable[Mention], linked: set[str]) -> list[Pair]:
    """``kg:mention`` to each mention not in ``linked`` (which it joins): a
    country that is an actor and a place links its mentions once."""
    out: list[Pair] = []
    for m in sorted(set(mentions), key=span_key):
        iri = mention_iri(base, m.document, m.start, m.end)
        if iri not in linked:
            linked.add(iri)
            out.append((K.mention, iri, document_iri(base, m.document)))
    return out


def document_pairs(d: Document) -> list[Pair]:
    out: list[Pair] = [(_TYPE, K.Document, ""), (_DC["identifier"], _str(d.id), "")]
    if d.title:
        out.append((_DC["title"], _str(d.title), ""))
    if d.date:
        out.append((_DC["date"], date_literal(d.date), ""))
    if d.url:
        url = _url(d.url)
        out.append((_DC["source"], url if url else _str(d.url), ""))
    if d.source:
        out.append((K.sourceFile, _str(str(d.source)), ""))
    return out


def cited_documents(graph: KnowledgeGraph) -> list[str]:
    """Ids of documents that evidence cites but the graph was not given: they
    still get a node, so that every prov:wasDerivedFrom points at a kg:Document."""
    known = {d.id for d in graph.documents()}
    cited = {ev.document for f in [*graph.commitments(), *graph.statements()] for ev in f.evidence}
    cited |= {m.document for r in [*graph.actors(), *graph.places()] for m in r.mentions}
    cited |= {r.evidence.document for a in graph.actors() for r in a.roles if r.evidence}
    return sorted(cited - known)


def cited_document_pairs(doc_id: str) -> list[Pair]:
    return [(_TYPE, K.Document, ""), (_DC["identifier"], _str(doc_id), "")]


def actor_pairs(base: str, a: Actor, linked: set[str]) -> list[Pair]:
    """An actor's own pairs, its role links and its mention links (see :func:`mention_links`)."""
    out: list[Pair] = [(_TYPE, _ACTOR.get(a.type, K.Actor), ""), (_PREF, _str(a.name), "")]
    out.extend((_ALT, _str(alias), "") for alias in _unique(a.aliases) if alias != a.name)
    wd = wikidata_iri(a.wikidata)
    if wd:
        out.append((_SAME, wd, ""))
    out.extend((K.affiliation, aff, "") for aff in _unique(a.affiliations))
    out.extend((K.role, role_iri(base, a.iri, r.name, r.affiliation), "") for r in a.roles)
    out.extend(mention_links(base, a.mentions, linked))
    return out


def role_pairs(base: str, actor: str, role: Role) -> tuple[str, list[Pair]]:
    """The IRI and pairs of a role ``actor`` holds."""
    out: list[Pair] = [(_TYPE, K.Role, ""), (K.roleName, _str(role.name), ""), (K.roleText, _str(role.text), "")]
    if role.affiliation:
        out.append((K.roleAffiliation, role.affiliation, ""))
    if role.evidence:
        out.extend(evidence_links(base, [role.evidence]))
    return role_iri(base, actor, role.name, role.affiliation), out


def place_pairs(base: str, p: Place, actor: Actor | None, linked: set[str]) -> list[Pair]:
    """A place's pairs; a country used as a place is one node with its actor,
    so the place adds only what the actor record does not say."""
    s = p.iri
    out: list[Pair] = [(_TYPE, K.Place, "")]
    if p.type == "Country" and (actor is None or actor.type != "Country"):
        out.append((_TYPE, K.Country, ""))
    if actor is None:
        out.append((_PREF, _str(p.name), ""))
        names = {p.name}
    else:
        names = {actor.name, *actor.aliases}
    out.extend((_ALT, _str(alias), "") for alias in _unique([p.name, *p.aliases]) if alias not in names)
    wd = wikidata_iri(p.wikidata)
    if wd and (actor is None or wikidata_iri(actor.wikidata) != wd):
        out.append((_SAME, wd, ""))
    if p.country and p.country != s:
        out.append((K.locatedIn, p.country, ""))
    out.extend(mention_links(base, p.mentions, linked))
    return out


def commitment_pairs(base: str, c: Commitment) -> list[Pair]:
    out: list[Pair] = [(_TYPE, K.Commitment, "")]
    if c.kind in _KIND:
        out.append((_TYPE, _KIND[c.kind], ""))
    out += [(K.actor, c.actor, ""), (K.content, _str(c.content), "")]
    if c.target:
        out.append((K.target, c.target, ""))
    out.extend((K.partner, partner, "") for partner in _unique(c.partners))
    if c.modality:
        out.append((K.modality, _str(c.modality), ""))
    out.append((K.negated, _TRUE if c.negated else _FALSE, ""))
    if c.time:
        out.append((K.time, _str(c.time), ""))
    if c.date:
        out.append((K.date, date_literal(c.date), ""))
    if c.place:
        out.append((K.place, c.place, ""))
    if c.amount:
        out.append((K.amount, _str(c.amount), ""))
    if c.reported_by:
        out.append((K.reportedBy, c.reported_by, ""))
    if c.cue:
        out.append((K.cue, _str(c.cue), ""))
    out.extend(evidence_links(base, c.evidence))
    return out


def statement_pairs(base: str, st: Statement) -> list[Pair]:
    out: list[Pair] = [(_TYPE, K.Statement, ""), (K.speaker, st.speaker, ""), (K.content, _str(st.content), ""),
                       (K.quote, _TRUE if st.quote else _FALSE, "")]
    if st.cue:
        out.append((K.cue, _str(st.cue), ""))
    if st.audience:
        out.append((K.audience, _str(st.audience), ""))
    if st.date:
        out.append((K.date, date_literal(st.date), ""))
    out.extend(evidence_links(base, st.evidence))
    return out


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


def spans_in_order(graph: KnowledgeGraph) -> Iterator[tuple[str, Evidence | Mention]]:
    """(class, span) of every evidence and mention node, in the order quads()
    first meets them: a passage cited twice is one node, with the first
    citation's sentence and text."""
    for a in graph.actors():
        for r in a.roles:
            if r.evidence:
                yield K.Evidence, r.evidence
        for m in sorted(set(a.mentions), key=span_key):
            yield K.Mention, m
    for p in graph.places():
        for m in sorted(set(p.mentions), key=span_key):
            yield K.Mention, m
    for f in [*graph.commitments(), *graph.statements()]:
        for ev in sorted(set(f.evidence), key=span_key):
            yield K.Evidence, ev


def quads(graph: KnowledgeGraph) -> Iterator[Quad]:
    """Every quad of ``graph``, deterministic and free of duplicates.

    Documents first, then actors (each followed by its roles), places,
    commitments and statements, each in the graph's own order; then the
    evidence and mention nodes, each once.
    """
    base = graph.base_iri

    def rows(s: str, pairs: list[Pair]) -> Iterator[Quad]:
        for p, o, g in pairs:
            yield s, p, o, g

    for d in graph.documents():
        yield from rows(document_iri(base, d.id), document_pairs(d))
    for doc_id in cited_documents(graph):
        yield from rows(document_iri(base, doc_id), cited_document_pairs(doc_id))
    actors = {a.iri: a for a in graph.actors()}
    linked: dict[str, set[str]] = {}
    for a in actors.values():
        yield from rows(a.iri, actor_pairs(base, a, linked.setdefault(a.iri, set())))
        for role in a.roles:
            yield from rows(*role_pairs(base, a.iri, role))
    for p in graph.places():
        yield from rows(p.iri, place_pairs(base, p, actors.get(p.iri), linked.setdefault(p.iri, set())))
    for c in graph.commitments():
        yield from rows(c.iri, commitment_pairs(base, c))
    for st in graph.statements():
        yield from rows(st.iri, statement_pairs(base, st))
    seen: set[str] = set()
    for cls, span in spans_in_order(graph):
        iri, pairs = span_pairs(base, cls, span)
        if iri not in seen:
            seen.add(iri)
            yield from rows(iri, pairs)


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
