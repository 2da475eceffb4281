"""The questions :class:`~kg.graph.KnowledgeGraph` answers, one module each.

The graph's methods are the API (``graph.path(a, b)``, ``graph.timeline()``);
these modules hold the algorithms behind them and the small result types:
:mod:`~kg.queries.lookup` (names, roles, fuzzy search), :mod:`~kg.queries.dates`
(dates as day ranges), :mod:`~kg.queries.path` (neighbours, shortest chains of
facts), :mod:`~kg.queries.centrality`, :mod:`~kg.queries.timeline`,
:mod:`~kg.queries.sources`, :mod:`~kg.queries.frames` (pandas) and
:mod:`~kg.queries.merge`.
"""

from importlib import import_module

__all__ = ["UnknownEntity", "MissingExtra", "Hop", "Path", "Dated", "Frames", "MEASURES", "RELATIONS", "Source"]

# Re-exported lazily (PEP 562): a build imports this package for its date and
# look-up helpers and should not pay for networkx or pandas at start-up.
_HOME = {"MEASURES": "centrality", "Frames": "frames", "MissingExtra": "frames", "UnknownEntity": "lookup",
         "RELATIONS": "path", "Hop": "path", "Path": "path", "Source": "sources", "Dated": "timeline"}


def __getattr__(name: str):
    if name in _HOME:
        return getattr(import_module(f"kg.queries.{_HOME[name]}"), name)
    raise AttributeError(f"module 'kg.queries' has no attribute {name!r}")
