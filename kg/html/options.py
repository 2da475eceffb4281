"""vis-network options: physics that settles and stops, or none at all for big graphs.

Examples
--------
>>> network_options(50, {})["physics"]["enabled"]
True
>>> network_options(5000, {})["physics"]["enabled"]
False
"""

from __future__ import annotations

__all__ = ["PHYSICS_LIMIT", "network_options"]

#: Above this many nodes the layout is computed in Python and physics stays off:
#: vis-network's solver takes minutes on a few thousand nodes.
PHYSICS_LIMIT = 1000


def _iterations(n_nodes: int) -> int:
    """Physics steps before the picture freezes: about 1.5 s of headless Chromium.

    One step costs ~35 ms at 1,000 nodes; the start is the Python layout
    (:mod:`kg.html.layout`), so a few dozen steps only polish it.

    >>> _iterations(10), _iterations(500), _iterations(1000)
    (200, 120, 60)
    """
    return int(max(40, min(200, 60_000 / max(n_nodes, 1))))


def network_options(n_nodes: int, groups: dict) -> dict:
    """The options object passed to ``new vis.Network``."""
    small = n_nodes <= PHYSICS_LIMIT
    return {
        "autoResize": True,
        "groups": groups,
        "nodes": {
            "font": {"face": "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
                     "strokeWidth": 3, "strokeColor": "#ffffff"},
            "size": 10,
            "widthConstraint": {"maximum": 180},  # long names wrap instead of spreading
        },
        "edges": {
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
            "color": {"color": "#9ca3af", "highlight": "#374151", "hover": "#374151", "inherit": False},
            "font": {"size": 10, "color": "#4b5563", "strokeWidth": 3, "strokeColor": "#ffffff"},
            "width": 1,
            # Curves let parallel edges (speaker and addressee of one fact) stay apart;
            # on big graphs they cost too much to draw.
            "smooth": {"enabled": True, "type": "continuous", "roundness": 0.3} if small else False,
            "selectionWidth": 2,
        },
        "layout": {"improvedLayout": False, "randomSeed": 7},
        "physics": {
            "enabled": small,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 90,
                                 "springConstant": 0.08, "avoidOverlap": 0.4},
            "minVelocity": 1.0,
            # The page turns physics off when these iterations are done, so the
            # picture stops moving and nodes stay where the user drags them.
            "stabilization": {"enabled": True, "iterations": _iterations(n_nodes),
                              "updateInterval": 10, "fit": True},
        },
        "interaction": {
            "hover": True,
            "tooltipDelay": 200,
            "navigationButtons": False,
            "keyboard": {"enabled": True, "bindToWindow": False},
            "hideEdgesOnDrag": not small,
            "hideEdgesOnZoom": not small,
            "multiselect": False,
        },
    }
