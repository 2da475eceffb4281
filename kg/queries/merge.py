"""Adding articles to a graph that exists: :meth:`KnowledgeGraph.merge`.

A graph made by :func:`kg.build` keeps the per-document records of the map
(:class:`~kg.types.DocumentFacts`) on disk (:mod:`kg.resolve.records`).
Merging two such graphs re-runs the reduce (:class:`~kg.resolve.corpus.Merger`)
over the records of both, this graph's first, streamed from their files:
exactly what a build of all the articles at once (in that order) does, so the
result is the same graph, byte for byte once written; only spaCy is not run
again.  The reduce runs over the whole graph: adding one article to a large
graph costs a reduce of everything, never a parse.

A graph read back from an export (:func:`kg.load`) has no such records; it is
merged record by record instead: actors and places by IRI with the reduce's
own rule for two records of one entity (:func:`kg.resolve.merging.merge_entity`),
commitments and statements by the reduce's rules for one fact (same actor,
kind and target with overlapping content, or the same passage), their
evidence pooled.  What the records alone can tell (a surname in one batch
that is a full name of the other) is not redone.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import replace
from itertools import chain
from typing import TYPE_CHECKING

from kg.errors import InputError
from kg.resolve.merging import merge_entity
from kg.types import Actor, Commitment, DocumentFacts, Place, Statement

if TYPE_CHECKING:
    from kg.graph import KnowledgeGraph

__all__ = ["merge_into", "replay"]


def replay(records: Iterable[DocumentFacts], base_iri: str) -> KnowledgeGraph:
    """The graph of ``records`` (per-document records, streamed), reduced as a build does."""
    from kg.resolve.corpus import Merger

    merger = Merger(base_iri)
    for facts in records:
        merger.add(facts)
    graph = merger.graph()
    graph._records = merger.records
    return graph


def _check(graph: KnowledgeGraph, other: KnowledgeGraph) -> None:
    if other.base_iri != graph.base_iri:
        raise ValueError(f"cannot merge graphs with different base IRIs ({graph.base_iri} and {other.base_iri})")
    for doc in other.documents():
        mine = graph.document(doc.id)
        # A loaded graph has no texts: then the id alone says it is the same article.
        if mine is not None and mine.text and doc.text and mine.text != doc.text:
            raise InputError(f"document '{doc.id}' is in both graphs with different texts; "
                             "give one of them another id")


def merge_into(graph: KnowledgeGraph, other: KnowledgeGraph) -> KnowledgeGraph:
    """Add ``other`` to ``graph`` in place and return ``graph``.

    A document already in ``graph`` (same id, same text) is not added twice.
    """
    if other is graph:
        return graph
    _check(graph, other)
    seconds = graph.stats.get("seconds", 0.0) + other.stats.get("seconds", 0.0)
    if graph._records is not None and other._records is not None:
        known = {d.id for d in graph.documents()}
        merged = replay(chain(graph._records, (r for r in other._records if r.document.id not in known)),
                        graph.base_iri)
    else:
        merged = _merge_records(graph, other)
    graph._absorb(merged)
    if seconds:
        graph.stats["seconds"] = seconds
    return graph


# --- record by record, for graphs without per-document records ---------------


def _extend(items: list, more) -> None:
    items.extend(x for x in more if x not in items)


def _merge_actor(a: Actor, b: Actor) -> Actor:
    a = replace(a, aliases=list(a.aliases), roles=list(a.roles), affiliations=list(a.affiliations),
                mentions=list(a.mentions))
    merge_entity(a, b)
    a.mentions = sorted(set(a.mentions))
    return a


def _merge_place(a: Place, b: Place) -> Place:
    a = replace(a, aliases=list(a.aliases), mentions=list(a.mentions))
    merge_entity(a, b)
    a.mentions = sorted(set(a.mentions))
    return a


def _merge_table(mine: dict, theirs: dict, merge) -> list:
    out = dict(mine)
    for iri, rec in theirs.items():
        out[iri] = merge(out[iri], rec) if iri in out else rec
    return list(out.values())


def _merge_facts(graph: KnowledgeGraph, other: KnowledgeGraph) -> tuple[list[Commitment], list[Statement]]:
    # The reduce's own measure (kg.resolve.duplicates), so that both merges agree.
    from kg.resolve.duplicates import NearDuplicates

    groups: dict[tuple, NearDuplicates[Commitment]] = defaultdict(lambda: NearDuplicates(0.6))
    commitments: list[Commitment] = []
    for c in [*graph.commitments(), *other.commitments()]:
        c = replace(c, evidence=list(c.evidence), partners=list(c.partners))
        same = groups[(c.actor, c.kind, c.target)]
        where = tuple((e.document, e.start) for e in c.evidence)  # the same passage
        twin = same.find(c.content, keys=where)
        if twin is None:
            same.add(c.content, c, keys=where)
            commitments.append(c)
            continue
        _extend(twin.evidence, c.evidence)
        same.add_keys(twin, where)
        _extend(twin.partners, c.partners)
        twin.time, twin.date = twin.time or c.time, twin.date or c.date
        twin.place, twin.amount = twin.place or c.place, twin.amount or c.amount
    by_speaker: dict[tuple[str, bool], NearDuplicates[Statement]] = defaultdict(lambda: NearDuplicates(0.8))
    statements: list[Statement] = []
    for s in [*graph.statements(), *other.statements()]:
        s = replace(s, evidence=list(s.evidence))
        said = by_speaker[(s.speaker, s.quote)]
        twin = said.find(s.content)
        if twin is None:
            said.add(s.content, s)
            statements.append(s)
        else:
            _extend(twin.evidence, s.evidence)
    return commitments, statements


def _merge_records(graph: KnowledgeGraph, other: KnowledgeGraph) -> KnowledgeGraph:
    from kg.graph import KnowledgeGraph

    actors = _merge_table(graph._actors, other._actors, _merge_actor)
    places = _merge_table(graph._places, other._places, _merge_place)
    # A country that is an actor and a place is one entity: one set of mentions.
    by_iri = {a.iri: a for a in actors}
    places = [replace(p, mentions=list(by_iri[p.iri].mentions)) if p.iri in by_iri else p for p in places]
    commitments, statements = _merge_facts(graph, other)
    documents = {d.id: d for d in graph.documents()}
    for d in other.documents():
        documents.setdefault(d.id, d)
    merged = KnowledgeGraph(actors, places, commitments, statements, documents.values(), base_iri=graph.base_iri)
    for key in ("documents", "sentences", "words"):
        if key in graph.stats and key in other.stats:
            merged.stats[key] = graph.stats[key] + other.stats[key]
    merged.stats["documents"] = len(documents)
    return merged
