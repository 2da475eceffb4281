"""The knowledge graph: resolved actors, places and facts, and the queries on them.

A :class:`KnowledgeGraph` is what :func:`kg.build` and :func:`kg.load` return.
It holds typed records (see :mod:`kg.types`) keyed by IRI;
:meth:`KnowledgeGraph.to_networkx` and :meth:`KnowledgeGraph.to_rdf` are views
of the same data.  The questions readers ask are one method each (``find``,
``search``, ``commitments``, ``statements``, ``quotes``, ``neighbors``,
``path``, ``central_actors``, ``timeline``, ``sources``, ``sparql``,
``to_frames``); the algorithms live in :mod:`kg.queries`, and
``docs/api.md`` shows each on the example articles.

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
from operator import attrgetter
from pathlib import Path
from typing import TYPE_CHECKING

from kg.queries.dates import DateLike, bound, fact_range, overlaps
from kg.queries.lookup import Ref, UnknownEntity
from kg.types import Actor, Commitment, Document, Place, Statement

if TYPE_CHECKING:
    import networkx as nx
    import pyoxigraph

    from kg.queries import Dated, Frames, Path as FactPath, Source
    from kg.resolve.records import RecordFile
    from kg.rdf.sparql import QueryResult

__all__ = ["KnowledgeGraph", "normalize_name", "UnknownEntity"]

_THE = re.compile(r"^the\s+", re.I)
_PUNCT = re.compile(r"[^\w\s.]")


_GENERATIONS = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv", "v"})


def family_name(name: str) -> str:
    """The family name of a person's (normalised) full name: its last word,
    past a generational suffix.

    >>> family_name("robert k. lane iii")
    'lane'
    """
    words = name.split()
    while len(words) > 1 and words[-1].lower() in _GENERATIONS:
        words = words[:-1]
    return words[-1] if words else ""


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
        self._index: dict[str, list[str]] | None = None  # folded names and aliases -> IRIs
        self._short: dict[str, list[str]] | None = None  # surnames and short names -> IRIs
        # The per-document records of the build, on disk, when the graph was
        # built (not loaded): merge() re-runs the reduce over them, see kg.queries.merge.
        self._records: RecordFile | None = None
        self._nx: nx.MultiDiGraph | None = None  # cached views, dropped by merge()
        self._store: pyoxigraph.Store | None = None
        self._ordered: dict[str, tuple] = {}  # records in reading order, by table, dropped by merge()

    # --- records ---------------------------------------------------------
    def actors(self, type: str | None = None) -> list[Actor]:
        """All actors, by name; ``type`` filters (Person, Organization, Country, Group)."""
        out = list(self._in_order("actors"))
        return [a for a in out if type is None or a.type == type]

    def places(self) -> list[Place]:
        """All places, by name (countries used as locations included)."""
        return sorted(self._places.values(), key=lambda p: (p.name.lower(), p.iri))

    def commitments(self, kind: str | None = None, *, by: Ref | None = None, to: Ref | None = None,
                    since: DateLike | None = None, until: DateLike | None = None) -> list[Commitment]:
        """Commitments in document order, filtered.

        Parameters
        ----------
        kind : str, optional
            "promise", "demand", "proposal", "expectation", "agreement" or "refusal".
        by, to : str or Actor, optional
            Who commits (as committer or partner) and to whom it is addressed:
            a name, alias, role ("the national security adviser"), IRI or record.
            An unknown name raises :class:`UnknownEntity`.
        since, until : str or datetime.date, optional
            ISO dates (YYYY-MM-DD, YYYY-MM, YYYY, YYYY-Www), inclusive; compared
            with the commitment's resolved ``date`` or, without one, with the
            date of the articles it was read in.  Undated commitments are left out.

        Examples
        --------
        >>> from kg.types import Actor, Commitment
        >>> g = KnowledgeGraph(actors=[Actor("urn:a", "Ann", "Person"), Actor("urn:b", "Bo", "Person")],
        ...                    commitments=[Commitment("urn:c", "urn:a", "demand", "pay", target="urn:b",
        ...                                            date="2025-03")])
        >>> [c.content for c in g.commitments("demand", by="ann", to="Bo", since="2025-03-31")]
        ['pay']
        >>> g.commitments(until="2025-02-28")
        []
        """
        out = list(self._in_order("commitments"))
        if kind is not None:
            kind = kind.lower()
            out = [c for c in out if c.kind == kind]
        if by is not None:
            who = self.entity(by).iri
            out = [c for c in out if c.actor == who or who in c.partners]
        if to is not None:
            whom = self.entity(to).iri
            out = [c for c in out if c.target == whom]
        return self._dated(out, since, until)

    def statements(self, by: Ref | None = None, *, quote: bool | None = None, since: DateLike | None = None,
                   until: DateLike | None = None) -> list[Statement]:
        """Statements in document order: who said what.

        ``by`` is the speaker (a name, alias, role, IRI or record); ``quote``
        keeps direct quotes (True) or reported speech (False); ``since`` and
        ``until`` work as in :meth:`commitments`.
        """
        out = list(self._in_order("statements"))
        if by is not None:
            who = self.entity(by).iri
            out = [s for s in out if s.speaker == who]
        if quote is not None:
            out = [s for s in out if s.quote == quote]
        return self._dated(out, since, until)

    def quotes(self, by: Ref | None = None, *, since: DateLike | None = None,
               until: DateLike | None = None) -> list[Statement]:
        """Direct quotes (statements with ``quote=True``) in document order, by ``by`` if given."""
        return self.statements(by, quote=True, since=since, until=until)

    def _dated(self, facts: list, since: DateLike | None, until: DateLike | None) -> list:
        if since is None and until is None:
            return facts
        first, last = bound(since), bound(until, end=True)
        return [f for f in facts if overlaps((fact_range(self, f) or (None, False))[0], first, last)]

    def documents(self) -> list[Document]:
        """The source documents, in the order they were read."""
        return list(self._documents.values())

    def document(self, id: str) -> Document | None:
        """The source document with this id, or None."""
        return self._documents.get(id)

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
        """The actor or place ``name`` names, or None; any case, "the" or not.

        Tried in turn, the first that fits anything deciding: an actor's name
        or alias, a place's, then a short form, a person's surname ("Vell" for
        Tomas Vell) or an organisation's short name (its first word, its
        initials, its name without "Inc." or "plc"); see :mod:`kg.queries.lookup`.
        A name that fits several (two people with one surname) finds none of
        them rather than a wrong one; :meth:`entity` says which.

        >>> from kg.types import Actor
        >>> g = KnowledgeGraph(actors=[Actor("urn:t", "Tomas Vell", "Person"),
        ...                            Actor("urn:h", "Harrow Grain Board", "Organization")])
        >>> g.find("VELL").name, g.find("Harrow").name, g.find("the H.G.B.").name
        ('Tomas Vell', 'Harrow Grain Board', 'Harrow Grain Board')
        """
        from kg.queries.lookup import candidates

        hits = candidates(self, name)
        return hits[0] if len(hits) == 1 else None

    def entity(self, ref: Ref) -> Actor | Place:
        """The one actor or place ``ref`` names: a record, an IRI, a name or
        alias (as :meth:`find`), or a role ("the national security adviser").

        Raises :class:`UnknownEntity` (a :class:`LookupError`) when it names
        none, with near names as suggestions, or several ("'Vell' is
        ambiguous: Rina Vell (Person), Tomas Vell (Person)", the records in
        its ``candidates``).
        """
        from kg.queries.lookup import entity

        return entity(self, ref)

    def search(self, text: str, limit: int | None = 10) -> list[Actor | Place]:
        """Actors and places whose name, alias or role is like ``text``
        (misspelt, partial), best match first; at most ``limit``.

        >>> from kg.types import Actor
        >>> g = KnowledgeGraph(actors=[Actor("urn:z", "Volodymyr Zelenskyy", "Person")])
        >>> [a.name for a in g.search("zelensky")]
        ['Volodymyr Zelenskyy']
        """
        from kg.queries.lookup import search

        return search(self, text, limit)

    def _name_index(self) -> dict[str, list[str]]:
        if self._index is None:
            index: dict[str, list[str]] = {}
            for rec in [*self._actors.values(), *self._places.values()]:
                for n in {normalize_name(x) for x in [rec.name, *rec.aliases]}:
                    if n and rec.iri not in index.setdefault(n, []):
                        index[n].append(rec.iri)
            self._index = index
        return self._index

    def _short_index(self) -> dict[str, list[str]]:
        if self._short is None:
            from kg.queries.lookup import short_index

            self._short = short_index(self._actors.values())
        return self._short

    # --- questions -------------------------------------------------------
    def neighbors(self, entity: Ref, relation: str | None = None) -> list[Actor | Place]:
        """The actors and places one fact or one direct link away from ``entity``, by name.

        ``relation`` keeps one kind of link: a commitment kind ("demand"), a
        part in a fact ("addressee", "reported", "partner", "committer",
        "place") or a direct link ("role", "affiliation", "located_in").
        """
        from kg.queries.path import neighbors

        return neighbors(self, self.entity(entity).iri, relation)

    def path(self, a: Ref, b: Ref) -> FactPath | None:
        """The shortest chain of facts between two actors (or places), with
        the evidence of each link; None when nothing connects them.

        The chain runs over the undirected view of :meth:`to_networkx`: a
        :class:`kg.queries.Path` of hops, each with its fact and evidence.
        """
        from kg.queries.path import shortest_path

        return shortest_path(self, self.entity(a).iri, self.entity(b).iri)

    def central_actors(self, n: int | None = 10, measure: str = "degree") -> list[tuple[Actor, float]]:
        """The ``n`` most central actors with their scores, best first.

        ``measure`` is "degree" (default) or "betweenness", which need nothing
        beyond networkx, or "pagerank", which needs scipy.
        """
        from kg.queries.centrality import central_actors

        return central_actors(self, n, measure)

    def timeline(self, by: Ref | None = None, *, since: DateLike | None = None, until: DateLike | None = None,
                 documents: bool = True) -> list[Dated]:
        """Dated commitments and statements (of ``by``, if given) in date order.

        A fact is dated by its own resolved date or, if ``documents`` and it
        has none, by its articles' date (``Dated.from_document``).
        """
        from kg.queries.timeline import timeline

        facts = [*self.commitments(by=by), *self.statements(by)]
        return timeline(self, sorted(facts, key=_fact_order), bound(since), bound(until, end=True), documents)

    def sources(self, fact: Commitment | Statement | str) -> list[Source]:
        """The documents and sentences behind ``fact`` (a record or its IRI)."""
        from kg.queries.sources import sources

        return sources(self, fact)

    def sparql(self, query: str) -> QueryResult:
        """Run a SPARQL query over this graph as RDF (the triples of :meth:`to_rdf`)
        in an embedded Oxigraph store, the same engine as ``kg query``.

        The vocabulary prefixes (kg, skos, prov, dcterms, nif...) are predeclared.
        Returns a :class:`kg.rdf.sparql.QueryResult`: ``variables`` and ``rows``
        of pyoxigraph terms (``.value``) for SELECT, ``boolean`` for ASK.
        """
        from kg.rdf.sparql import run_query

        if self._store is None:
            import pyoxigraph as ox

            from kg.rdf.convert import quads
            from kg.rdf.formats import to_oxigraph

            store = ox.Store()
            store.bulk_extend(to_oxigraph(quads(self), quads_=True))
            self._store = store
        return run_query(self._store, query)

    def to_frames(self) -> Frames:
        """pandas DataFrames ``entities``, ``facts`` and ``evidence`` (a named
        tuple); needs the ``pandas`` extra (``pip install kg[pandas]``)."""
        from kg.queries.frames import to_frames

        return to_frames(self)

    # --- growing ---------------------------------------------------------
    def merge(self, other: KnowledgeGraph) -> KnowledgeGraph:
        """Add the articles of ``other`` to this graph, in place; returns self.

        Two built graphs merge into exactly the graph a build of all their
        articles would give (the reduce is re-run, spaCy is not); a graph read
        by :func:`kg.load` is merged record by record (see :mod:`kg.queries.merge`).
        """
        from kg.queries.merge import merge_into

        return merge_into(self, other)

    def _absorb(self, other: KnowledgeGraph) -> None:
        """Take over ``other``'s records (the result of a merge) and drop caches."""
        self._actors, self._places = other._actors, other._places
        self._commitments, self._statements = other._commitments, other._statements
        self._documents, self._records = other._documents, other._records
        self.stats.update(other.stats)
        self._index = self._short = self._nx = self._store = None
        self._ordered = {}

    def _in_order(self, table: str) -> tuple:
        """The records of ``table`` in their reading order, sorted once (exports ask many times)."""
        out = self._ordered.get(table)
        if out is None:
            if table == "actors":
                out = tuple(sorted(self._actors.values(), key=lambda a: (a.name.lower(), a.iri)))
            else:
                out = tuple(sorted(getattr(self, f"_{table}").values(), key=_fact_order))
            self._ordered[table] = out
        return out

    # --- views -----------------------------------------------------------
    def _view(self) -> nx.MultiDiGraph:
        """:meth:`to_networkx`, built once for the queries (never handed out:
        callers of to_networkx may change their copy)."""
        if self._nx is None:
            self._nx = self.to_networkx()
        return self._nx

    def to_networkx(self) -> nx.MultiDiGraph:
        """A networkx MultiDiGraph: one node per actor, place, commitment and
        statement (attribute ``kind``), edges typed by ``relation``."""
        import networkx as nx  # on demand: a build does not need it, and it costs start-up time

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

    def __getstate__(self) -> dict:
        # The caches are views of the records (and an Oxigraph store does not
        # pickle): a copy or a pickle rebuilds them on first use.
        return {**self.__dict__, "_index": None, "_short": None, "_nx": None, "_store": None}

    def __repr__(self) -> str:
        return (f"<KnowledgeGraph: {len(self._actors)} actors, {len(self._places)} places, "
                f"{len(self._commitments)} commitments, {len(self._statements)} statements, "
                f"{len(self._documents)} documents>")


_SPAN_ORDER = attrgetter("document", "sentence", "start", "end", "text")  # Evidence's own order, at C speed


def _fact_order(fact: Commitment | Statement):
    ev = min(fact.evidence, key=_SPAN_ORDER) if fact.evidence else None
    return (ev.document, ev.start) if ev else ("", 0), fact.iri
