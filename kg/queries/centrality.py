"""Who matters in the story: actors ranked by a networkx centrality.

The measure runs on the undirected, simple view of
:meth:`KnowledgeGraph.to_networkx`, where an actor's edges go to the facts it
takes part in (as committer, addressee, reporter, speaker...) and to the
places and organisations it is linked with.  ``degree`` (the default) and
``betweenness`` are pure Python; ``pagerank`` needs scipy, which kg does not
depend on, so it is opt-in.

Examples
--------
>>> from kg.graph import KnowledgeGraph
>>> from kg.types import Actor, Commitment
>>> g = KnowledgeGraph(actors=[Actor("urn:a", "Ann", "Person"), Actor("urn:b", "Bo", "Person")],
...                    commitments=[Commitment("urn:c1", "urn:a", "demand", "x", target="urn:b"),
...                                 Commitment("urn:c2", "urn:a", "promise", "y")])
>>> [(a.name, round(score, 2)) for a, score in central_actors(g, 2)]
[('Ann', 0.67), ('Bo', 0.33)]
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import networkx as nx

from kg.types import Actor

if TYPE_CHECKING:
    from kg.graph import KnowledgeGraph

__all__ = ["MEASURES", "central_actors"]

#: The centrality measures :func:`central_actors` knows.
MEASURES: tuple[str, ...] = ("degree", "betweenness", "pagerank")


def central_actors(graph: KnowledgeGraph, n: int | None = 10, measure: str = "degree") -> list[tuple[Actor, float]]:
    """The ``n`` most central actors with their scores, best first (ties by name)."""
    if measure not in MEASURES:
        raise ValueError(f"unknown measure {measure!r}; choose from: {', '.join(MEASURES)}")
    simple = nx.Graph(graph._view().to_undirected(as_view=True))
    if measure == "degree":
        scores = nx.degree_centrality(simple)
    elif measure == "betweenness":
        scores = nx.betweenness_centrality(simple)
    else:
        try:
            import scipy  # noqa: F401  (networkx's pagerank is written with it)
        except ImportError:
            raise ImportError("centrality 'pagerank' needs scipy (pip install scipy); "
                              "'degree' and 'betweenness' do not") from None
        scores = nx.pagerank(simple)
    ranked = sorted(((a, scores.get(a.iri, 0.0)) for a in graph.actors()), key=lambda t: (-t[1], t[0].name.lower()))
    return ranked if n is None else ranked[:n]
