"""The knowledge graph: resolved actors, places and facts, and the queries on them.

A :class:`KnowledgeGraph` is what :func:`kg.build` returns.  It holds typed
records (see :mod:`kg.types`) keyed by IRI; :meth:`KnowledgeGraph.to_networkx`
and :meth:`KnowledgeGraph.to_rdf` are views of the same data.

Examples
--------
>>> from kg.types import Actor, Commitment, Evidence
>>> ev = Evidence("doc1", 0, 0, 24, "Alia Noor vowed to vote.")
>>> g = KnowledgeGraph(actors=[Actor("urn:a", "Alia Noor", "Person", aliases=["Noor"])],
...                    commitments=[Commitment("urn:c", "urn:a", "promise", "vote", evidence=[ev])])
>>> g.find("noor").name
'Alia Noor'
>>> [c.kind for c in g.commitments()]
['promise']
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

import networkx as nx

from kg.types import Actor, Commitment, Document, Place, Statement

__all__ = ["KnowledgeGraph", "normalize_name"]

_THE = re.compile(r"^the\s+", re.I)
_PUNCT = re.compile(r"[^\w\s.]")


def normalize_name(name: str) -> str:
    """Fold a name for look-ups: lower case, straight quotes, no leading "the",
    no punctuation but ".", single spaces, no possessive "'s".

    >>> normalize_name("  The  United States’ ")
    'united states'
    """
    s = name.replace("’", "'").replace("‘", "'").strip().lower()
    s = re.sub(r"'s?$", "", s)
    s = _THE.sub("", s)
    s = _PUNCT.sub("", s)
    return " ".join(s.split())


class KnowledgeGraph:
    """Actors, places, commitments and statements with their evidence."""

    def __init__(
        self,
        actors: Iterable[Actor] = (),
        places: Iterable[Place] = (),
        commitments: Iterable[Commitment] = (),
        statements: Iterable[Statement] = (),
        documents: Iterable[Document] = (),
        base_iri: str | None = None,
    ) -> None:
        from kg.config import DEFAULT_BASE_IRI

        self.base_iri = base_iri or DEFAULT_BASE_IRI
        self._actors = {a.iri: a for a in actors}
        self._places = {p.iri: p for p in places}
        self._commitments = {c.iri: c for c in commitments}
        self._statements = {s.iri: s for s in statements}
        self._documents = {d.id: d for d in documents}
        self.stats: dict[str, float] = {}
        self._index: dict[str, list[str]] | None = None

    # --- records ---------------------------------------------------------
    def actors(self, type: str | None = None) -> list[Actor]:
        """All actors, by name; ``type`` filters (Person, Organization, Country, Group)."""
        out = sorted(self._actors.values(), key=lambda a: (a.name.lower(), a.iri))
        return [a for a in out if type is None or a.type == type]

    def places(self) -> list[Place]:
        """All places, by name (countries used as locations included)."""
        return sorted(self._places.values(), key=lambda p: (p.name.lower(), p.iri))

    def commitments(self, kind: str | None = None) -> list[Commitment]:
        """All commitments in document order; ``kind`` filters."""
        out = sorted(self._commitments.values(), key=_fact_order)
        return [c for c in out if kind is None or c.kind == kind]

    def statements(self) -> list[Statement]:
        """All statements in document order."""
        return sorted(self._statements.values(), key=_fact_order)

    def documents(self) -> list[Document]:
        """The source documents, in the order they were read."""
        return list(self._documents.values())

    def get(self, iri: str) -> Actor | Place | Commitment | Statement | None:
        """The record with this IRI, whatever its kind."""
        for table in (self._actors, self._places, self._commitments, self._statements):
            if iri in table:
                return table[iri]
        return None

    def name_of(self, iri: str | None) -> str | None:
        """The display name of the actor or place ``iri``, or None."""
        if iri is None:
            return None
        rec = self._actors.get(iri) or self._places.get(iri)
        return rec.name if rec is not None else None

    # --- look-up ---------------------------------------------------------
    def find(self, name: str) -> Actor | Place | None:
        """Alias-aware, case-insensitive look-up; actors before places.

        A name shared by several actors (two people with one surname) finds
        none of them rather than a wrong one.
        """
        index = self._name_index()
        hits = index.get(normalize_name(name), [])
        actors = [i for i in hits if i in self._actors]
        if len(actors) == 1:
            return self._actors[actors[0]]
        if actors:
            return None
        places = [i for i in hits if i in self._places]
        return self._places[places[0]] if len(places) == 1 else None

    def _name_index(self) -> dict[str, list[str]]:
        if self._index is None:
            index: dict[str, list[str]] = {}
            for rec in [*self._actors.values(), *self._places.values()]:
                for n in {normalize_name(x) for x in [rec.name, *rec.aliases]}:
                    if n and rec.iri not in index.setdefault(n, []):
                        index[n].append(rec.iri)
            self._index = index
        return self._index

    # --- views -----------------------------------------------------------
    def to_networkx(self) -> nx.MultiDiGraph:
        """A networkx MultiDiGraph: one node per actor, place, commitment and
        statement (attribute ``kind``), edges typed by ``relation``."""
        g = nx.MultiDiGraph()
        for a in self.actors():
            g.add_node(a.iri, kind=a.type, label=a.name, aliases=list(a.aliases),
                       roles=[r.text for r in a.roles], mentions=len(a.mentions))
            for r in a.roles:
                if r.affiliation:
                    g.add_edge(a.iri, r.affiliation, relation="role", label=r.text)
            for aff in a.affiliations:
                if not any(r.affiliation == aff for r in a.roles):
                    g.add_edge(a.iri, aff, relation="affiliation")
        for p in self.places():
            if p.iri in g:
                g.nodes[p.iri]["is_place"] = True
            else:
                g.add_node(p.iri, kind="Place", label=p.name, aliases=list(p.aliases),
                           mentions=len(p.mentions))
            if p.country and p.country != p.iri:
                g.add_edge(p.iri, p.country, relation="located_in")
        for c in self.commitments():
            g.add_node(c.iri, kind="Commitment", commitment_kind=c.kind, label=c.content,
                       modality=c.modality, negated=c.negated, time=c.time, date=c.date,
                       evidence=[e.text for e in c.evidence])
            g.add_edge(c.actor, c.iri, relation="committer")
            for p in c.partners:
                g.add_edge(p, c.iri, relation="partner")
            if c.target:
                g.add_edge(c.iri, c.target, relation="addressee")
            if c.place:
                g.add_edge(c.iri, c.place, relation="located_in")
            if c.reported_by:
                g.add_edge(c.reported_by, c.iri, relation="reported")
        for s in self.statements():
            g.add_node(s.iri, kind="Statement", label=s.content, quote=s.quote,
                       evidence=[e.text for e in s.evidence])
            g.add_edge(s.speaker, s.iri, relation="speaker")
        return g

    def to_rdf(self):
        """An rdflib Dataset in the project's ontology (see :mod:`kg.rdf`)."""
        from kg.rdf import to_rdf

        return to_rdf(self)

    def write(self, path: str | Path, format: str | None = None) -> Path:
        """Write the graph to ``path``; the format comes from the suffix
        (``.ttl``, ``.nt``, ``.jsonld``, ``.trig``, ``.html``...) unless given."""
        from kg.export import write

        return write(self, Path(path), format)

    def __repr__(self) -> str:
        return (f"<KnowledgeGraph: {len(self._actors)} actors, {len(self._places)} places, "
                f"{len(self._commitments)} commitments, {len(self._statements)} statements, "
                f"{len(self._documents)} documents>")


def _fact_order(fact: Commitment | Statement):
    ev = min(fact.evidence) if fact.evidence else None
    return (ev.document, ev.start) if ev else ("", 0), fact.iri
