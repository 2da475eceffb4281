"""Node positions computed in Python, so that big graphs need no physics in the browser.

vis-network's physics takes minutes on a few thousand nodes.  Here the most
connected nodes (*anchors*, a few hundred at most) get a force-directed layout
from networkx; every other node hangs off the anchor it is reached from,
breadth first, on a sunflower spiral around its parent.  Each anchor's disc
is sized by what hangs off it and overlapping discs are pushed apart, so a
head of state ringed by a thousand statements does not bury its neighbours.
Components no anchor reaches are packed on a spiral around the whole.

News graphs suit this: a few hundred actors and places carry most edges and
the commitments and statements hang off them.

Examples
--------
>>> import networkx as nx
>>> pos = positions(nx.path_graph(5))
>>> sorted(pos) == list(range(5))
True
>>> all(isinstance(v, float) for xy in pos.values() for v in xy)
True
"""

from __future__ import annotations

import math
import zlib
from collections import deque

import networkx as nx
import numpy as np

__all__ = ["positions"]

_GOLDEN_ANGLE = math.pi * (3 - math.sqrt(5))


def positions(graph: nx.Graph, *, anchors: int = 400, spacing: float = 60.0,
              seed: int = 7) -> dict:
    """Canvas coordinates (pixels) of every node of ``graph``.

    Parameters
    ----------
    graph
        Any networkx graph; direction and parallel edges are ignored.
    anchors
        How many of the most connected nodes get the force-directed layout.
        Kept under 500, where networkx would need scipy.
    spacing
        Roughly the distance between neighbouring nodes, in pixels.
    seed
        The same graph gets the same picture on every build.

    Notes
    -----
    O(a^2) per iteration for the ``a`` anchors, O(n + m) for the rest.
    """
    g = nx.Graph(graph)
    if g.number_of_nodes() == 0:
        return {}
    degree = dict(g.degree())
    key = lambda v: (-degree[v], str(v))  # noqa: E731  (stable order, hubs first)
    ranked = sorted(g, key=key)
    chosen = ranked[:max(1, min(anchors, 499))]
    parent, order = _forest(g, chosen, key)
    pos = _anchor_layout(g, chosen, _disc_radii(chosen, parent, order, spacing), seed)
    _hang(parent, order, pos, spacing)
    _pack_rest(g, pos, spacing, key)
    return {v: (float(x), float(y)) for v, (x, y) in pos.items()}


def _forest(g: nx.Graph, roots: list, key) -> tuple[dict, list]:
    """Breadth-first parents from ``roots`` (hubs claim first), and the visiting order."""
    parent = {r: None for r in roots}
    order = list(roots)
    queue = deque(roots)
    while queue:
        v = queue.popleft()
        for c in sorted((c for c in g[v] if c not in parent), key=key):
            parent[c] = v
            order.append(c)
            queue.append(c)
    return parent, order


def _ring(i: int, spacing: float) -> float:
    # Vogel's sunflower: the i-th child's distance, for even density however many.
    return spacing * (0.9 + 0.55 * math.sqrt(i + 1))


def _disc_radii(roots: list, parent: dict, order: list, spacing: float) -> dict:
    """How much room each anchor's tree needs: the radius of its sunflower."""
    size = dict.fromkeys(roots, 0)
    top = {}
    for v in order:
        p = parent[v]
        top[v] = v if p is None else top[p]
        if p is not None:
            size[top[v]] += 1
    return {r: (_ring(size[r] - 1, spacing) if size[r] else 0.0) + spacing * 0.5 for r in roots}


def _anchor_layout(g: nx.Graph, chosen: list, radii: dict, seed: int) -> dict:
    # Anchors are rarely adjacent (actors meet through commitment nodes), so
    # link two anchors that share a neighbour, weighted by how many they share.
    member = set(chosen)
    h = nx.Graph()
    h.add_nodes_from(chosen)
    for v in g:
        near = [u for u in g[v] if u in member]
        if v in member:
            for u in near:
                _bump(h, v, u, 2.0)
        elif len(near) > 1:
            for i, a in enumerate(near[:8]):  # a hub neighbour would add O(d^2) pairs
                for b in near[i + 1:8]:
                    _bump(h, a, b, 1.0)
    raw = nx.spring_layout(h, weight="weight", seed=seed, iterations=60)
    r = np.array([radii[v] for v in chosen])
    # Scale so that the discs roughly fit, then push overlapping ones apart.
    xy = np.array([raw[v] for v in chosen], dtype=float) * math.sqrt((r * r).sum()) * 1.2
    xy = _separate(xy, r, seed)
    return {v: (x, y) for v, (x, y) in zip(chosen, xy)}


def _bump(h: nx.Graph, a, b, w: float) -> None:
    if h.has_edge(a, b):
        h[a][b]["weight"] += w
    else:
        h.add_edge(a, b, weight=w)


def _separate(xy: np.ndarray, r: np.ndarray, seed: int, rounds: int = 30) -> np.ndarray:
    """Move discs (centres ``xy``, radii ``r``) apart until they hardly overlap.

    The smaller disc of a pair moves more, so hubs stay where the force layout
    put them.  A few rounds remove most overlap; the rest is cheap to live with.

    >>> xy = _separate(np.array([[0.0, 0.0], [1.0, 0.0]]), np.array([5.0, 5.0]), 0)
    >>> round(float(np.hypot(*(xy[1] - xy[0]))))
    10
    """
    xy = xy + np.random.default_rng(seed).normal(0, 1e-3, xy.shape)  # no two exactly on one spot
    need = r[:, None] + r[None, :]
    np.fill_diagonal(need, 0.0)
    for _ in range(rounds):
        d = xy[:, None, :] - xy[None, :, :]
        dist = np.hypot(d[..., 0], d[..., 1])
        i, j = np.nonzero(need - dist > 1.0)  # only overlapping pairs: few, once spread out
        if len(i) == 0:
            break
        dij = np.maximum(dist[i, j], 1e-9)
        push = (need[i, j] - dij) * r[j] ** 2 / (r[i] ** 2 + r[j] ** 2)  # my part of the push
        step = np.zeros_like(xy)
        np.add.at(step, i, d[i, j] / dij[:, None] * push[:, None])
        xy = xy + step
    return xy


def _hang(parent: dict, order: list, pos: dict, spacing: float) -> None:
    """Place every non-anchor on a sunflower around its parent, in visiting order."""
    count: dict = {}
    for v in order:
        p = parent[v]
        if p is None:
            continue
        i = count.get(p, 0)
        count[p] = i + 1
        px, py = pos[p]
        start = (zlib.crc32(str(p).encode()) % 628) / 100.0  # varied, yet stable across runs
        a = start + i * _GOLDEN_ANGLE
        pos[v] = (px + _ring(i, spacing) * math.cos(a), py + _ring(i, spacing) * math.sin(a))


def _pack_rest(g: nx.Graph, pos: dict, spacing: float, key) -> None:
    """Lay out the components no anchor reached on a spiral outside the rest."""
    rest = [c for c in nx.connected_components(g) if not any(v in pos for v in c)]
    if not rest:
        return
    rest.sort(key=lambda c: (-len(c), min(str(v) for v in c)))
    r0 = max((math.hypot(x, y) for x, y in pos.values()), default=0.0) + 2 * spacing
    area = 0.0
    for i, comp in enumerate(rest):
        root = min(comp, key=key)
        # Each component claims a disc that grows with its size; the radius grows
        # with the area claimed so far, so the ring fills evenly (Vogel again).
        area += (spacing * (1.2 + 0.7 * math.sqrt(len(comp)))) ** 2
        r = math.sqrt(r0 * r0 + area / math.pi)
        a = i * _GOLDEN_ANGLE
        pos[root] = (r * math.cos(a), r * math.sin(a))
        parent, order = _forest(g.subgraph(comp), [root], key)
        _hang(parent, order, pos, spacing)
