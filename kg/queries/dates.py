"""Dates of facts as day ranges, so that a week, a month or an interval can be
compared with a reader's ``since``/``until``.

Facts carry what :mod:`kg.extract.timex` resolved: a day (``2025-03-06``), a
month (``2025-02``), a year, an ISO week (``2025-W11``) or an interval
(``2025-03-07/2035-03-07``).  Each becomes the first and last day it covers.
A fact without a date of its own is dated by the articles it was read in.

Examples
--------
>>> date_range("2025-W11")
(datetime.date(2025, 3, 10), datetime.date(2025, 3, 16))
>>> date_range("2025-02")
(datetime.date(2025, 2, 1), datetime.date(2025, 2, 28))
>>> date_range("2025-03-07/2035-03-07")[1]
datetime.date(2035, 3, 7)
>>> date_range("next week") is None
True
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kg.graph import KnowledgeGraph
    from kg.types import Commitment, Statement

__all__ = ["DateLike", "date_range", "bound", "fact_range", "overlaps"]

DateLike = str | dt.date

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")


def date_range(value: str | dt.date | None) -> tuple[dt.date, dt.date] | None:
    """The first and last day ``value`` covers, or None when it is not an ISO
    date, month, year, week or interval (``a/b``)."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value, value
    value = value.strip()
    if "/" in value:
        a, _, b = value.partition("/")
        ra, rb = date_range(a), date_range(b)
        return (ra[0], rb[1]) if ra and rb and ra[0] <= rb[1] else None
    try:
        if m := _DAY.match(value):
            day = dt.date(int(m[1]), int(m[2]), int(m[3]))
            return day, day
        if m := _MONTH.match(value):
            year, month = int(m[1]), int(m[2])
            return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])
        if m := _YEAR.match(value):
            return dt.date(int(m[1]), 1, 1), dt.date(int(m[1]), 12, 31)
        if m := _WEEK.match(value):
            monday = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return monday, monday + dt.timedelta(days=6)
    except ValueError:  # 2025-02-30, week 54...
        return None
    return None


def bound(value: DateLike | None, end: bool = False) -> dt.date | None:
    """A reader's ``since`` (first day) or ``until`` (``end=True``: last day).

    ``until="2025-03"`` means to the end of March, ``since="2025"`` from January 1.

    >>> bound("2025-03", end=True)
    datetime.date(2025, 3, 31)
    >>> bound("March")
    Traceback (most recent call last):
    ...
    ValueError: not a date: 'March' (use YYYY-MM-DD, YYYY-MM, YYYY or YYYY-Www)
    """
    if value is None:
        return None
    r = date_range(value)
    if r is None:
        raise ValueError(f"not a date: {value!r} (use YYYY-MM-DD, YYYY-MM, YYYY or YYYY-Www)")
    return r[1] if end else r[0]


def fact_range(graph: KnowledgeGraph, fact: Commitment | Statement) -> tuple[tuple[dt.date, dt.date], bool] | None:
    """The days ``fact`` is about and whether they come from its documents.

    Its own resolved ``date`` first; failing that, the span of the dates of the
    documents it was read in (``True`` in the second place); None if neither.
    """
    own = date_range(fact.date)
    if own is not None:
        return own, False
    docs = [graph.document(ev.document) for ev in fact.evidence]
    spans = [r for d in docs if d is not None for r in [date_range(d.date)] if r is not None]
    if not spans:
        return None
    return (min(s for s, _ in spans), max(e for _, e in spans)), True


def overlaps(span: tuple[dt.date, dt.date] | None, since: dt.date | None, until: dt.date | None) -> bool:
    """Whether ``span`` meets the window [since, until]; an undated fact meets
    only the open window.

    >>> d = dt.date(2025, 3, 7)
    >>> overlaps((d, d), dt.date(2025, 3, 1), None), overlaps(None, dt.date(2025, 3, 1), None)
    (True, False)
    """
    if since is None and until is None:
        return True
    if span is None:
        return False
    return (since is None or span[1] >= since) and (until is None or span[0] <= until)
