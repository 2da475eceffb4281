"""Time expressions resolved against the article date.

Relative expressions of news ("next week", "late last month", "over the next
decade", "on March 6") become ISO 8601 dates, weeks, months, years or
intervals when the article date is known; otherwise they are kept as text.

>>> resolve_time("next week", "2025-03-07")
'2025-W11'
>>> resolve_time("late last month", "2025-03-07")
'2025-02'
>>> resolve_time("March 6", "2025-03-07")
'2025-03-06'
>>> resolve_time("over the next decade", "2025-03-07")
'2025-03-07/2035-03-07'
>>> resolve_time("next week", None) is None
True
"""

from __future__ import annotations

import datetime as dt
import re

__all__ = ["resolve_time"]

MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"], start=1)}
MONTHS.update({k[:3]: v for k, v in list(MONTHS.items())})
MONTHS["sept"] = 9
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
UNITS = {"day": 1, "week": 7, "month": 30, "year": 365, "decade": 3652}


def _week(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def _month(d: dt.date, delta: int) -> str:
    m = d.month - 1 + delta
    return f"{d.year + m // 12}-{m % 12 + 1:02d}"


def resolve_time(text: str, date: str | None) -> str | None:
    """The ISO form of ``text`` relative to ``date`` (YYYY-MM-DD), or None."""
    t = " ".join(re.sub(r"[^\w\s-]", " ", text.lower()).split())
    t = re.sub(r"^(on|in|by|since|until|from|at|during) ", "", t)
    t = re.sub(r"^(early|late|mid|earlier|later) ", "", t)
    ref = dt.date.fromisoformat(date) if date else None
    # Absolute dates need no reference but the year.
    m = re.fullmatch(r"(?:(\d{1,2}) )?([a-z]+)(?: (\d{1,2}))?(?: (\d{4}))?", t)
    if m and m.group(2) in MONTHS and (m.group(1) or m.group(3) or m.group(4)):
        day = int(m.group(1) or m.group(3) or 0)
        year = int(m.group(4)) if m.group(4) else (ref.year if ref else None)
        if year is None:
            return None
        month = MONTHS[m.group(2)]
        try:
            return dt.date(year, month, day).isoformat() if day else f"{year}-{month:02d}"
        except ValueError:
            return None
    if re.fullmatch(r"\d{4}", t):
        return t
    if ref is None:
        return None
    if t in ("today", "this day"):
        return ref.isoformat()
    if t == "yesterday":
        return (ref - dt.timedelta(days=1)).isoformat()
    if t == "tomorrow":
        return (ref + dt.timedelta(days=1)).isoformat()
    rel = {"next": 1, "last": -1, "this": 0, "past": -1, "coming": 1, "previous": -1}
    m = re.fullmatch(r"(next|last|this|past|coming|previous) (week|month|year)", t)
    if m:
        n, unit = rel[m.group(1)], m.group(2)
        if unit == "week":
            return _week(ref + dt.timedelta(days=7 * n))
        if unit == "month":
            return _month(ref, n)
        return str(ref.year + n)
    m = re.fullmatch(r"(?:over |within |in )?(?:the )?(next|coming|past|last) (\d+ |few |two |three )?(days?|weeks?|months?|years?|decades?)", t)
    if m:
        count = {"few ": 3, "two ": 2, "three ": 3}.get(m.group(2) or "", None)
        count = count if count is not None else int(m.group(2)) if m.group(2) else 1
        days = UNITS[m.group(3).rstrip("s")] * count
        if m.group(3).startswith(("year", "decade")):
            years = (10 if m.group(3).startswith("decade") else 1) * count
            other = ref.replace(year=ref.year + (years if m.group(1) in ("next", "coming") else -years))
        else:
            other = ref + dt.timedelta(days=days if m.group(1) in ("next", "coming") else -days)
        a, b = sorted([ref, other])
        return f"{a.isoformat()}/{b.isoformat()}"
    if t in WEEKDAYS:
        back = (ref.weekday() - WEEKDAYS.index(t)) % 7
        return (ref - dt.timedelta(days=back)).isoformat()
    return None
