"""Time expressions resolved against the article date.

Relative expressions of news ("next week", "late last month", "over the next
decade", "on March 6", "by October", "on Tuesday") become ISO 8601 dates,
weeks, months, years or intervals when the article date is known; otherwise
they are kept as text.  The arithmetic is dateutil's ``relativedelta`` (month
ends and leap years included); the patterns are a table of (regex, resolver)
rows, :data:`RULES`, tried in order.

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

A bare month or weekday depends on the direction of the sentence (``tense``):
the next one for what is to come, the last one for what happened.  Without a
tense a month is the article's year and a weekday the most recent one (the
article's own day included), as news mostly reports past days.

>>> resolve_time("by October", "2025-03-07")
'2025-10'
>>> resolve_time("in October", "2025-03-07", tense="past")
'2024-10'
>>> resolve_time("next October", "2025-11-20")
'2026-10'
>>> resolve_time("on Tuesday", "2025-03-07")  # a Friday
'2025-03-04'
>>> resolve_time("Tuesday", "2025-03-07", tense="future")
'2025-03-11'
>>> resolve_time("next month", "2025-01-31")
'2025-02'
>>> resolve_time("February 30", "2025-03-07") is None
True
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Callable, NamedTuple

from dateutil.relativedelta import FR, MO, SA, SU, TH, TU, WE, relativedelta

__all__ = ["resolve_time", "RULES", "TENSES"]

TENSES = (None, "past", "future")

MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"], start=1)}
MONTHS.update({k[:3]: v for k, v in list(MONTHS.items())})
MONTHS["sept"] = 9
WEEKDAYS = {name: wd for name, wd in zip(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"],
    [MO, TU, WE, TH, FR, SA, SU])}
WEEKDAYS.update({k[:3]: v for k, v in list(WEEKDAYS.items())})
WEEKDAYS.update({"tues": TU, "weds": WE, "thur": TH, "thurs": TH})
COUNTS = {w: i for i, w in enumerate(
    ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
     "twelve"], start=1)}
COUNTS.update({"a": 1, "an": 1})
VAGUE_COUNTS = {"few": 3, "a few": 3, "couple of": 2, "a couple of": 2}
STEP = {"this coming": 1, "next": 1, "coming": 1, "this": 0, "last": -1, "past": -1, "previous": -1}
DAY_WORDS = {"today": 0, "this day": 0, "tonight": 0, "this morning": 0, "this afternoon": 0,
             "this evening": 0, "yesterday": -1, "tomorrow": 1}


def _alt(words) -> str:
    """A regex alternation of ``words``, longest first so that "sept" wins over "sep"."""
    return "|".join(sorted(map(re.escape, words), key=len, reverse=True))


MONTH = f"({_alt(MONTHS)})"
WEEKDAY = f"({_alt(WEEKDAYS)})"
ON_WEEKDAY = f"(?:(?:{_alt(WEEKDAYS)}) )?"  # "Tuesday, March 4": the weekday is not checked
DAY = r"([0-9]{1,2})(?:st|nd|rd|th)?"
YEAR = r"([0-9]{4})"
COUNT = f"([0-9]{{1,4}}|{_alt(COUNTS)})"
ANY_COUNT = f"([0-9]{{1,4}}|{_alt(list(COUNTS) + list(VAGUE_COUNTS))})"
UNIT = r"(day|week|month|year|decade)s?"
PREPS = r"(?:on|in|by|since|until|from|at|during)"
MODIFIERS = r"(?:early|late|mid|earlier|later|(?:the )?(?:end|start|beginning|middle) of)"


# --- arithmetic and formats ---------------------------------------------------------------

def _count(word: str | None) -> int:
    if not word:
        return 1
    return int(word) if word.isdigit() else {**COUNTS, **VAGUE_COUNTS}[word]


def _delta(unit: str, n: int) -> relativedelta:
    """``n`` calendar units: months and years keep the day or fall back to the month's end."""
    if unit == "decade":
        return relativedelta(years=10 * n)
    return relativedelta(**{unit + "s": n})


def _week(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


def _format(d: dt.date, unit: str) -> str:
    """``d`` at the precision of ``unit``: a day, an ISO week, a month or a year."""
    if unit == "day":
        return d.isoformat()
    if unit == "week":
        return _week(d)
    if unit == "month":
        return f"{d.year:04d}-{d.month:02d}"
    return f"{d.year:04d}"


def _interval(a: dt.date, b: dt.date) -> str:
    a, b = sorted([a, b])
    return f"{a.isoformat()}/{b.isoformat()}"


def _wrong_side(d: dt.date, ref: dt.date, step: int, strict: bool) -> bool:
    """Whether ``d`` is not on the ``step`` side of ``ref`` (+1 after, -1 before, 0 any);
    ``strict``: ``ref`` itself is on neither side."""
    if step == 0:
        return False
    if d == ref:
        return strict
    return d < ref if step > 0 else d > ref


def _direction(tense: str | None) -> int:
    return {"future": 1, "past": -1}.get(tense, 0)


# --- resolvers: (match, article date or None, tense) -> ISO text or None ------------------

def _iso_date(m: re.Match, ref: dt.date | None, tense: str | None) -> str | None:
    return dt.date(int(m[1]), int(m[2]), int(m[3])).isoformat()


def _calendar_date(month: str, day: str, year: str | None, ref: dt.date | None) -> str | None:
    """A day of a month, in the article's year when the text gives none."""
    if not year and ref is None:
        return None
    return dt.date(int(year) if year else ref.year, MONTHS[month], int(day)).isoformat()


def _day_month(m: re.Match, ref: dt.date | None, tense: str | None) -> str | None:
    return _calendar_date(m[2], m[1], m[3], ref)


def _month_day(m: re.Match, ref: dt.date | None, tense: str | None) -> str | None:
    return _calendar_date(m[1], m[2], m[3], ref)


def _month_year(m: re.Match, ref: dt.date | None, tense: str | None) -> str | None:
    return _format(dt.date(int(m[2]), MONTHS[m[1]], 1), "month")


def _month(name: str, ref: dt.date, step: int, strict: bool) -> str:
    """The month ``name`` of the article's year, or of the year on the ``step`` side."""
    first = ref.replace(day=1)
    d = first + relativedelta(month=MONTHS[name])
    if _wrong_side(d, first, step, strict):
        d += relativedelta(years=step)
    return _format(d, "month")


def _bare_month(m: re.Match, ref: dt.date, tense: str | None) -> str | None:
    return _month(m[1], ref, _direction(tense), strict=False)


def _relative_month(m: re.Match, ref: dt.date, tense: str | None) -> str | None:
    """"next October" is the first one after this month, "last October" the last before."""
    return _month(m[2], ref, STEP[m[1]], strict=True)


def _weekday(name: str, ref: dt.date, step: int, strict: bool) -> str:
    """The weekday ``name`` on the ``step`` side of the article date (``strict``: not that day)."""
    shift = step if strict else 0
    return (ref + relativedelta(days=shift, weekday=WEEKDAYS[name](-1 if step < 0 else 1))).isoformat()


def _bare_weekday(m: re.Match, ref: dt.date, tense: str | None) -> str | None:
    """"Tuesday": the next one for the future, else the last one (the article's day included)."""
    return _weekday(m[m.lastindex], ref, 1 if tense == "future" else -1, strict=False)


def _relative_weekday(m: re.Match, ref: dt.date, tense: str | None) -> str | None:
    """"next Tuesday" is the first after the article date, "last Tuesday" the last before;
    "this Tuesday" is the bare weekday."""
    if STEP[m[1]] == 0:
        return _bare_weekday(m, ref, tense)
    return _weekday(m[2], ref, STEP[m[1]], strict=True)


def _year(m: re.Match, ref: dt.date | None, tense: str | None) -> str | None:
    return _format(dt.date(int(m[1]), 1, 1), "year")


def _decade_of(m: re.Match, ref: dt.date | None, tense: str | None) -> str | None:
    """"the 1990s": its first and last year."""
    start = dt.date(int(m[1] + "0"), 1, 1)
    return f"{_format(start, 'year')}/{start.year + 9:04d}"


def _this_decade(m: re.Match, ref: dt.date, tense: str | None) -> str | None:
    start = ref.year // 10 * 10
    return f"{start:04d}/{start + 9:04d}"


def _day_word(m: re.Match, ref: dt.date, tense: str | None) -> str | None:
    return (ref + relativedelta(days=DAY_WORDS[m[0]])).isoformat()


def _relative_unit(m: re.Match, ref: dt.date, tense: str | None) -> str | None:
    """"next week", "last month", "this year": the calendar week, month or year."""
    return _format(ref + _delta(m[2], STEP[m[1]]), m[2])


def _span(m: re.Match, ref: dt.date, tense: str | None) -> str | None:
    """"over the next three months", "the past few days": from or to the article date."""
    n = _count(m[2]) * (1 if STEP[m[1]] > 0 else -1)
    return _interval(ref, ref + _delta(m[3], n))


def _within(m: re.Match, ref: dt.date, tense: str | None) -> str | None:
    """"within two weeks": from the article date to that far ahead."""
    return _interval(ref, ref + _delta(m[2], _count(m[1])))


def _ago(m: re.Match, ref: dt.date, tense: str | None) -> str | None:
    """"two weeks ago": the day, week, month or year that far back."""
    return _format(ref + _delta(m[2], -_count(m[1])), m[2])


def _ahead(m: re.Match, ref: dt.date, tense: str | None) -> str | None:
    """"in two weeks": the day, week, month or year that far ahead."""
    return _format(ref + _delta(m[2], _count(m[1])), m[2])


class Rule(NamedTuple):
    """One row of the table: a pattern of the whole (normalised) text and what it means."""

    pattern: re.Pattern
    resolve: Callable[[re.Match, dt.date | None, str | None], str | None]
    needs_date: bool = True


def _rule(pattern: str, resolve, needs_date: bool = True) -> Rule:
    return Rule(re.compile(pattern), resolve, needs_date)


RULES: list[Rule] = [
    # Absolute dates: only a date without a year needs the article's.
    _rule(r"([0-9]{4})-([0-9]{2})-([0-9]{2})", _iso_date, needs_date=False),
    _rule(rf"{ON_WEEKDAY}(?:the )?{DAY} (?:of )?{MONTH}(?: {YEAR})?", _day_month, needs_date=False),
    _rule(rf"{ON_WEEKDAY}{MONTH} (?:the )?{DAY}(?: {YEAR})?", _month_day, needs_date=False),
    _rule(rf"{MONTH} (?:of )?{YEAR}", _month_year, needs_date=False),
    _rule(YEAR, _year, needs_date=False),
    _rule(r"(?:the )?([0-9]{3})0s", _decade_of, needs_date=False),
    # Months and weekdays, directed by the tense.
    _rule(MONTH, _bare_month),
    _rule(rf"({_alt(STEP)}) {MONTH}", _relative_month),
    _rule(WEEKDAY, _bare_weekday),
    _rule(rf"({_alt(STEP)}) {WEEKDAY}", _relative_weekday),
    # Relative to the article date.
    _rule(f"(?:{_alt(DAY_WORDS)})", _day_word),
    _rule(r"(next|last|this|past|coming|previous) (week|month|year)", _relative_unit),
    _rule(r"this decade", _this_decade),
    _rule(rf"(?:(?:over|within|in|during|for) )?(?:the )?(next|coming|past|last) (?:{ANY_COUNT} )?{UNIT}",
          _span),
    _rule(rf"within {ANY_COUNT} {UNIT}", _within),
    _rule(rf"{COUNT} {UNIT} ago", _ago),
    _rule(rf"in {COUNT} {UNIT}", _ahead),
]


# --- the entry point ----------------------------------------------------------------------

def _normalise(text: str) -> str:
    """Lower case, no punctuation or possessive, no leading "early"/"late"/"the end of"."""
    t = re.sub(r"['\u2019]s\b|['\u2019]", "", text.lower())
    t = " ".join(re.sub(r"[^\w\s-]", " ", t).split())
    t, n = re.subn(rf"^((?:{PREPS}) )?{MODIFIERS}[ -]", r"\1", t)
    if n:  # "later in the year", "by the end of the month": this year, this month
        t = re.sub(rf"^((?:{PREPS}) )?the (week|month|year|decade)$", r"\1this \2", t)
    return t


def _candidates(text: str) -> list[str]:
    """The normalised text, then the same without its leading preposition ("in October")."""
    t = _normalise(text)
    bare = re.sub(rf"^{PREPS} ", "", t)
    return [t, bare] if bare != t else [t]


def _article_date(date: str | dt.date | None) -> dt.date | None:
    """The article date as a date; None when unknown or not ISO 8601."""
    if isinstance(date, dt.date):
        return date.date() if isinstance(date, dt.datetime) else date
    try:
        return dt.datetime.fromisoformat(date.strip()).date()
    except (AttributeError, ValueError):  # None, or not a date
        return None


def _apply(rule: Rule, m: re.Match, ref: dt.date | None, tense: str | None) -> str | None:
    if rule.needs_date and ref is None:
        return None
    try:
        return rule.resolve(m, ref, tense)
    except (ValueError, OverflowError):  # February 30, month 13, a year beyond 9999
        return None


def resolve_time(text: str, date: str | dt.date | None, *, tense: str | None = None) -> str | None:
    """The ISO form of ``text`` relative to ``date`` (YYYY-MM-DD), or None.

    ``tense`` ("past", "future" or None) says which way a bare month or weekday
    lies from the article date: "future" the next one (on or after it), "past"
    the last one (on or before it); None the article's year for a month and the
    last weekday (the article's day included).  A day of a month without a year
    ("March 6") is always in the article's year.  Dates that do not exist and
    years out of range give None; only a ``tense`` not in :data:`TENSES` raises.
    """
    if tense not in TENSES:
        raise ValueError(f"tense must be one of {TENSES}, not {tense!r}")
    if not text:
        return None
    ref = _article_date(date)
    for t in _candidates(text):
        for rule in RULES:
            m = rule.pattern.fullmatch(t)
            if m:
                return _apply(rule, m, ref, tense)
    return None
