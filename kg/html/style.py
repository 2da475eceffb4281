"""How each class of node looks: colour, shape and legend label, in one table.

A node's *class* is its actor type (``Person``...), ``Place``, the kind of a
commitment (``promise``...), ``Statement``, or ``Other`` for a node the graph
only references (an affiliation with no record of its own).  The page draws
nodes through vis-network *groups*, one per class, so the style lives here
once instead of on every node.

Examples
--------
>>> CLASSES["promise"].shape, CLASSES["promise"].section
('diamond', 'Commitments')
>>> vis_groups(["Person"])["Person"]["shape"]
'dot'
>>> node_size(0), node_size(15) > node_size(3), node_size(10**6)
(12.0, True, 42.0)
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from kg.types import ACTOR_TYPES, COMMITMENT_KINDS

__all__ = ["NodeClass", "CLASSES", "EDGE_LABELS", "node_size", "vis_groups", "legend"]


@dataclass(frozen=True)
class NodeClass:
    """The look of one class of node, and where it sits in the legend."""

    key: str
    label: str
    section: str
    shape: str  # a vis-network shape whose label sits outside, so size shows
    color: str


def _classes() -> dict[str, NodeClass]:
    # Tableau-10 style colours: distinct, colour-blind friendlier than defaults,
    # and dark enough for a white label halo to stay readable.
    actor = {"Person": ("dot", "#4e79a7"), "Organization": ("square", "#f28e2b"),
             "Country": ("hexagon", "#e15759"), "Group": ("triangle", "#76b7b2")}
    kinds = {"promise": "#edc948", "demand": "#b07aa1", "proposal": "#ff9da7",
             "expectation": "#9c755f", "agreement": "#59a14f", "refusal": "#7f7f7f"}
    out = {t: NodeClass(t, t, "Actors", *actor[t]) for t in ACTOR_TYPES}
    out["Place"] = NodeClass("Place", "Place", "Places", "triangleDown", "#8cd17d")
    for k in COMMITMENT_KINDS:
        out[k] = NodeClass(k, k.capitalize(), "Commitments", "diamond", kinds[k])
    out["Statement"] = NodeClass("Statement", "Statement", "Statements", "star", "#86bcb6")
    out["Other"] = NodeClass("Other", "Other", "Other", "dot", "#c7c7c7")
    return out


#: Every class of node, in legend order.
CLASSES: dict[str, NodeClass] = _classes()

#: How an edge's ``relation`` (see :meth:`kg.graph.KnowledgeGraph.to_networkx`) reads.
EDGE_LABELS: dict[str, str] = {
    "committer": "committer",
    "partner": "partner",
    "addressee": "addressee",
    "located_in": "located in",
    "reported": "reported",
    "speaker": "speaker",
    "role": "role",
    "affiliation": "affiliation",
}


def node_size(mentions: int) -> float:
    """The drawn radius of an actor or place mentioned ``mentions`` times.

    Logarithmic, so that the one head of state mentioned 300 times does not
    dwarf everyone else, and capped so that labels stay near their node.
    """
    return float(min(42.0, 12.0 + 6.0 * math.log2(1 + max(0, mentions))))


def vis_groups(keys) -> dict[str, dict]:
    """vis-network ``groups`` options for the classes ``keys``."""
    groups = {}
    for key in keys:
        c = CLASSES[key]
        fact = c.section in ("Commitments", "Statements")
        groups[key] = {
            "shape": c.shape,
            "color": {"background": c.color, "border": _darker(c.color),
                      "highlight": {"background": c.color, "border": "#111827"},
                      "hover": {"background": c.color, "border": "#111827"}},
            "borderWidth": 1,
            "font": {"size": 12 if fact else 15, "color": "#374151" if fact else "#111827"},
        }
    return groups


def legend(counts: dict[str, int]) -> list[dict]:
    """Legend rows for the classes present, in legend order.

    >>> [row["label"] for row in legend({"Statement": 2, "Person": 1})]
    ['Person', 'Statement']
    """
    return [{"key": c.key, "label": c.label, "section": c.section, "shape": c.shape,
             "color": c.color, "count": counts[c.key]}
            for c in CLASSES.values() if counts.get(c.key)]


def _darker(hex_color: str, factor: float = 0.7) -> str:
    """``hex_color`` with each channel scaled by ``factor``.

    >>> _darker("#ffffff", 0.5)
    '#7f7f7f'
    """
    rgb = [int(hex_color[i:i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{int(v * factor):02x}" for v in rgb)
