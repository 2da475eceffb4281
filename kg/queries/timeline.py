"""The facts of a graph in the order of the days they are about.

A fact is placed by its own resolved date ("next week" read in an article of
2025-03-07 is ``2025-W11``) or, failing that, by the date of the articles it
was read in; :attr:`Dated.from_document` says which.  Periods sort by their
first day, then by their last, then in reading order.

Examples
--------
>>> from kg.graph import KnowledgeGraph
>>> from kg.types import Commitment, Document, Evidence
>>> ev = Evidence("d", 0, 0, 10, "...")
>>> g = KnowledgeGraph(
...     commitments=[Commitment("urn:1", "urn:a", "promise", "meet", date="2025-W11", evidence=[ev]),
...                  Commitment("urn:2", "urn:a", "promise", "call", evidence=[ev])],
...     documents=[Document("d", "...", date="2025-03-07")])
>>> for d in timeline(g):
...     print(d)
2025-03-07  promise: call
2025-W11  promise: meet
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from kg.queries.dates import fact_range, overlaps
from kg.types import Commitment, Statement

if TYPE_CHECKING:
    from kg.graph import KnowledgeGraph

__all__ = ["Dated", "timeline"]


@dataclass(frozen=True)
class Dated:
    """A fact with the days it is about.

    ``when`` is the date as recorded (``2025-W11``, ``2025-03-07/2035-03-07``),
    ``start``/``end`` the first and last day it covers.
    """

    when: str
    start: dt.date
    end: dt.date
    fact: Commitment | Statement
    from_document: bool = False

    def __str__(self) -> str:
        return f"{self.when}  {self.fact}"


def timeline(graph: KnowledgeGraph, facts: Iterable[Commitment | Statement] | None = None,
             since: dt.date | None = None, until: dt.date | None = None, documents: bool = True) -> list[Dated]:
    """``facts`` (default: all, in reading order) that have a date (their own,
    or their articles' if ``documents``) within [since, until], in date order."""
    if facts is None:
        from kg.graph import _fact_order

        facts = sorted([*graph.commitments(), *graph.statements()], key=_fact_order)
    out: list[tuple[tuple, Dated]] = []
    for i, fact in enumerate(facts):
        found = fact_range(graph, fact)
        if found is None or (found[1] and not documents) or not overlaps(found[0], since, until):
            continue
        (start, end), from_doc = found
        when = fact.date if not from_doc else (start.isoformat() if start == end else f"{start}/{end}")
        out.append(((start, end, i), Dated(when, start, end, fact, from_doc)))
    out.sort(key=lambda t: t[0])
    return [d for _, d in out]
