"""How actors are connected: neighbours and the shortest chain of facts.

Both work on the undirected view of :meth:`KnowledgeGraph.to_networkx`, where
facts are nodes of their own: two actors are one fact apart when one demanded
something of the other, when one reported the other's promise, when they
agreed together.  Direct links (a role held in a country, an affiliation, a
city in its country) join entities without a fact.

Examples
--------
>>> from kg.graph import KnowledgeGraph
>>> from kg.types import Actor, Commitment, Evidence
>>> ev = Evidence("d", 0, 0, 30, "Noor urged Sylvania to sign it.")
>>> g = KnowledgeGraph(actors=[Actor("urn:noor", "Alia Noor", "Person"), Actor("urn:syl", "Sylvania", "Country")],
...                    commitments=[Commitment("urn:c", "urn:noor", "demand", "sign it", target="urn:syl",
...                                            evidence=[ev])])
>>> p = shortest_path(g, "urn:noor", "urn:syl")
>>> print(p)
Alia Noor (committer) -> demand: sign it -> (addressee) Sylvania
>>> [r.name for r in neighbors(g, "urn:syl", "demand")]
['Alia Noor']
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import networkx as nx

from kg.types import COMMITMENT_KINDS, Actor, Commitment, Evidence, Place, Statement

if TYPE_CHECKING:
    from kg.graph import KnowledgeGraph

__all__ = ["Hop", "Path", "RELATIONS", "neighbors", "shortest_path"]

_FACTS = ("Commitment", "Statement")
# to_networkx names the place of a commitment "located_in", like a city's
# country; a path says "place" so that the two read differently.
_PART = {"located_in": "place"}
_DIRECT = ("role", "affiliation", "located_in")
_PARTS = ("committer", "partner", "addressee", "reported", "place", "speaker")

#: The relation names :func:`neighbors` accepts.
RELATIONS: tuple[str, ...] = (*COMMITMENT_KINDS, *_DIRECT, *_PARTS)


@dataclass(frozen=True)
class Hop:
    """One link of a path: entity ``source`` to entity ``target``.

    ``relation`` is the fact's kind ("demand") or a direct relation ("role",
    "affiliation", "located_in"); ``parts`` says how source and target take
    part in the fact ("reported", "committer"); ``evidence`` is the text behind
    the link.
    """

    source: str
    target: str
    relation: str
    fact: Commitment | Statement | None = None
    parts: tuple[str, str] = ("", "")
    evidence: tuple[Evidence, ...] = ()


@dataclass
class Path:
    """A chain of hops from one entity to another; iterate it for the hops."""

    hops: list[Hop]
    names: dict[str, str] = field(default_factory=dict, repr=False, compare=False)

    @property
    def entities(self) -> list[str]:
        """The IRIs of the actors and places along the path, both ends included."""
        return [self.hops[0].source, *(h.target for h in self.hops)] if self.hops else []

    @property
    def facts(self) -> list[Commitment | Statement]:
        """The facts along the path, in order."""
        return [h.fact for h in self.hops if h.fact is not None]

    @property
    def evidence(self) -> list[Evidence]:
        """Every passage behind the path's hops, in path order, once each."""
        return list(dict.fromkeys(ev for h in self.hops for ev in h.evidence))

    def __len__(self) -> int:
        return len(self.hops)

    def __iter__(self) -> Iterator[Hop]:
        return iter(self.hops)

    def __str__(self) -> str:
        name = lambda iri: self.names.get(iri, iri)  # noqa: E731
        lines = []
        for h in self.hops:
            if h.fact is None:
                lines.append(f"{name(h.source)} -> {h.relation} -> {name(h.target)}")
            else:
                lines.append(f"{name(h.source)} ({h.parts[0]}) -> {h.fact} -> ({h.parts[1]}) {name(h.target)}")
        return "\n".join(lines)


def _undirected(graph: KnowledgeGraph) -> nx.MultiGraph:
    return graph._view().to_undirected(as_view=True)


def _relations(g: nx.MultiDiGraph, u: str, v: str) -> list[str]:
    """The relations of the edges between u and v, whichever way they point."""
    data = [*(g.get_edge_data(u, v) or {}).values(), *(g.get_edge_data(v, u) or {}).values()]
    return [d.get("relation", "") for d in data]


def _is_fact(g: nx.MultiDiGraph, node: str) -> bool:
    return g.nodes[node].get("kind") in _FACTS


def _record(graph: KnowledgeGraph, iri: str) -> Actor | Place | None:
    return graph._actors.get(iri) or graph._places.get(iri)


def _hop(graph: KnowledgeGraph, g: nx.MultiDiGraph, a: str, b: str, fact: str | None) -> Hop:
    if fact is None:
        rel = _relations(g, a, b)[0]
        actor = graph._actors.get(a) or graph._actors.get(b)
        evidence = tuple(r.evidence for r in (actor.roles if actor else [])
                         if rel == "role" and r.evidence and r.affiliation in (a, b))
        return Hop(a, b, rel, evidence=evidence)
    rec = graph.get(fact)
    parts = (_PART.get(p, p) for p in (_relations(g, a, fact)[0], _relations(g, b, fact)[0]))
    relation = rec.kind if isinstance(rec, Commitment) else "statement"
    return Hop(a, b, relation, rec, tuple(parts), tuple(sorted(set(rec.evidence))))


def _costs(g: nx.MultiDiGraph):
    """The weight of an edge of the undirected view, for the shortest path.

    Every hop from one entity to the next costs 2: through a fact (two edges
    of 1) or over a direct link (one edge of 2).  Reaching a fact through its
    place costs 2, not 1, so that "both happened in Kyiv" is the last way to
    connect two actors rather than the first.
    """
    def cost(u: str, v: str, edges: dict) -> float:
        if _is_fact(g, u) or _is_fact(g, v):
            return min(2.0 if d.get("relation") == "located_in" else 1.0 for d in edges.values())
        return 2.0

    return cost


def shortest_path(graph: KnowledgeGraph, a: str, b: str) -> Path | None:
    """The shortest chain of facts and direct links from entity ``a`` to ``b``
    (IRIs), or None when nothing connects them.  Ties go to the chain found
    first in the graph's own order, so the answer is stable."""
    g = graph._view()
    try:
        nodes = nx.shortest_path(_undirected(graph), a, b, weight=_costs(g))
    except (nx.NetworkXNoPath, nx.NodeNotFound):
        return None
    hops, i = [], 0
    while i < len(nodes) - 1:
        if _is_fact(g, nodes[i + 1]):
            hops.append(_hop(graph, g, nodes[i], nodes[i + 2], nodes[i + 1]))
            i += 2
        else:
            hops.append(_hop(graph, g, nodes[i], nodes[i + 1], None))
            i += 1
    names = {n: graph.name_of(n) or n for n in nodes if not _is_fact(g, n)}
    return Path(hops, names)


def neighbors(graph: KnowledgeGraph, iri: str, relation: str | None = None) -> list[Actor | Place]:
    """The actors and places one fact or one direct link away from ``iri``, by name.

    ``relation`` keeps the links of one kind: a commitment kind ("demand"), a
    direct relation ("role", "affiliation", "located_in") or the part the
    neighbour or ``iri`` plays in the fact ("addressee", "reported"...).
    """
    if relation is not None and relation not in RELATIONS:
        raise ValueError(f"unknown relation {relation!r}; choose from: {', '.join(RELATIONS)}")
    g = graph._view()
    u = _undirected(graph)
    if iri not in u:
        return []
    found: dict[str, Actor | Place] = {}
    for m in u.neighbors(iri):
        if _is_fact(g, m):
            kind = g.nodes[m].get("commitment_kind", "statement")
            own = {_PART.get(r, r) for r in _relations(g, iri, m)}
            for x in u.neighbors(m):
                if x == iri or _is_fact(g, x):
                    continue
                theirs = {_PART.get(r, r) for r in _relations(g, x, m)}
                if theirs == {"place"} and relation not in (None, "place"):
                    continue  # where a demand was made is not whom it was made of
                if relation is None or relation == kind or relation in own | theirs:
                    if (rec := _record(graph, x)) is not None:
                        found[x] = rec
        elif relation is None or relation in _relations(g, iri, m):
            if (rec := _record(graph, m)) is not None:
                found[m] = rec
    return sorted(found.values(), key=lambda r: (r.name.lower(), r.iri))
