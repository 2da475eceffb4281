"""The questions :class:`~kg.graph.KnowledgeGraph` answers, one module each.

The graph's methods are the API (``graph.path(a, b)``, ``graph.timeline()``);
these modules hold the algorithms behind them and the small result types:
:mod:`~kg.queries.lookup` (names, roles, fuzzy search), :mod:`~kg.queries.dates`
(dates as day ranges), :mod:`~kg.queries.path` (neighbours, shortest chains of
facts), :mod:`~kg.queries.centrality`, :mod:`~kg.queries.timeline`,
:mod:`~kg.queries.sources`, :mod:`~kg.queries.frames` (pandas) and
:mod:`~kg.queries.merge`.
"""

from kg.queries.centrality import MEASURES
from kg.queries.frames import Frames, MissingExtra
from kg.queries.lookup import UnknownEntity
from kg.queries.path import RELATIONS, Hop, Path
from kg.queries.sources import Source
from kg.queries.timeline import Dated

__all__ = ["UnknownEntity", "MissingExtra", "Hop", "Path", "Dated", "Frames", "MEASURES", "RELATIONS", "Source"]

