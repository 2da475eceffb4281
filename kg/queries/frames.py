"""The graph as pandas DataFrames, for analysis: entities, facts, evidence.

pandas is an optional extra (``pip install kg[pandas]``); without it
:func:`to_frames` raises :class:`MissingExtra` saying so.  One row per record;
list fields (aliases, roles, partners) stay Python lists, and IRIs are kept
next to names so that the frames join on them.

Examples
--------
>>> from kg.graph import KnowledgeGraph
>>> from kg.types import Actor, Commitment, Evidence
>>> g = KnowledgeGraph(actors=[Actor("urn:a", "Ann", "Person")],
...                    commitments=[Commitment("urn:c", "urn:a", "promise", "vote",
...                                            evidence=[Evidence("d", 0, 0, 14, "Ann will vote.")])])
>>> frames = to_frames(g)  # doctest: +SKIP
>>> frames.facts[["actor_name", "kind", "content"]].values.tolist()  # doctest: +SKIP
[['Ann', 'promise', 'vote']]
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NamedTuple

from kg.errors import KgError
from kg.types import Commitment, Statement

if TYPE_CHECKING:
    import pandas

    from kg.graph import KnowledgeGraph

__all__ = ["Frames", "MissingExtra", "to_frames", "ENTITY_COLUMNS", "FACT_COLUMNS", "EVIDENCE_COLUMNS"]

ENTITY_COLUMNS = ["iri", "name", "type", "is_actor", "is_place", "aliases", "roles", "affiliations", "country",
                  "wikidata", "mentions"]
FACT_COLUMNS = ["iri", "fact", "kind", "actor", "actor_name", "target", "target_name", "content", "quote",
                "partners", "modality", "negated", "time", "date", "place", "amount", "reported_by", "cue",
                "audience", "evidence"]
EVIDENCE_COLUMNS = ["fact", "document", "document_date", "sentence", "start", "end", "text"]


class MissingExtra(KgError, ImportError):
    """An optional dependency that a call needs is not installed."""


class Frames(NamedTuple):
    """The three tables: unpack them (``entities, facts, evidence = ...``) or
    use the attributes."""

    entities: pandas.DataFrame
    facts: pandas.DataFrame
    evidence: pandas.DataFrame


def _pandas():
    try:
        import pandas
    except ImportError:
        raise MissingExtra("to_frames() needs pandas: pip install kg[pandas]") from None
    return pandas


def _entities(graph: KnowledgeGraph) -> list[dict[str, Any]]:
    rows = []
    for a in graph.actors():
        place = graph._places.get(a.iri)
        rows.append(dict(iri=a.iri, name=a.name, type=a.type, is_actor=True, is_place=place is not None,
                         aliases=list(a.aliases), roles=[r.text for r in a.roles],
                         affiliations=list(a.affiliations), country=place.country if place else None,
                         wikidata=a.wikidata, mentions=len(a.mentions)))
    for p in graph.places():
        if p.iri not in graph._actors:
            rows.append(dict(iri=p.iri, name=p.name, type=p.type, is_actor=False, is_place=True,
                             aliases=list(p.aliases), roles=[], affiliations=[], country=p.country,
                             wikidata=p.wikidata, mentions=len(p.mentions)))
    return rows


def _fact_row(graph: KnowledgeGraph, f: Commitment | Statement) -> dict[str, Any]:
    if isinstance(f, Commitment):
        return dict(iri=f.iri, fact="commitment", kind=f.kind, actor=f.actor, actor_name=graph.name_of(f.actor),
                    target=f.target, target_name=graph.name_of(f.target), content=f.content, quote=None,
                    partners=list(f.partners), modality=f.modality, negated=f.negated, time=f.time, date=f.date,
                    place=f.place, amount=f.amount, reported_by=f.reported_by, cue=f.cue, audience=None,
                    evidence=len(f.evidence))
    return dict(iri=f.iri, fact="statement", kind="quote" if f.quote else "statement", actor=f.speaker,
                actor_name=graph.name_of(f.speaker), target=None, target_name=None, content=f.content,
                quote=f.quote, partners=[], modality=None, negated=None, time=None, date=f.date, place=None,
                amount=None, reported_by=None, cue=f.cue, audience=f.audience, evidence=len(f.evidence))


def to_frames(graph: KnowledgeGraph) -> Frames:
    """``entities`` (actors and places, one row each), ``facts`` (commitments
    and statements: ``fact`` says which, ``kind`` is the commitment kind or
    "statement"/"quote") and ``evidence`` (one row per fact and passage)."""
    pd = _pandas()
    facts = [*graph.commitments(), *graph.statements()]
    evidence = []
    for f in facts:
        for ev in sorted(set(f.evidence)):
            doc = graph.document(ev.document)
            evidence.append(dict(fact=f.iri, document=ev.document, document_date=doc.date if doc else None,
                                 sentence=ev.sentence, start=ev.start, end=ev.end, text=ev.text))
    return Frames(pd.DataFrame(_entities(graph), columns=ENTITY_COLUMNS),
                  pd.DataFrame([_fact_row(graph, f) for f in facts], columns=FACT_COLUMNS),
                  pd.DataFrame(evidence, columns=EVIDENCE_COLUMNS))
