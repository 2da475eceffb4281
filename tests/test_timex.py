"""kg.extract.timex: time expressions resolved against the article date."""

from __future__ import annotations

import datetime as dt

import pytest

from kg.extract.timex import RULES, resolve_time
from kg.queries.dates import date_range

FRIDAY = "2025-03-07"  # a Friday


@pytest.mark.parametrize("text, expected", [
    # absolute dates
    ("March 6", "2025-03-06"),
    ("on March 6", "2025-03-06"),
    ("March 6th", "2025-03-06"),
    ("6 March 2025", "2025-03-06"),
    ("15 December", "2025-12-15"),
    ("the 6th of March", "2025-03-06"),
    ("March 6, 2024", "2024-03-06"),
    ("Tuesday, March 4", "2025-03-04"),
    ("Sept. 12", "2025-09-12"),
    ("March 2025", "2025-03"),
    ("April 2005", "2005-04"),
    ("2025-03-06", "2025-03-06"),
    ("2025", "2025"),
    ("in 2030", "2030"),
    ("mid-2026", "2026"),
    ("early 2026", "2026"),
    ("the 1990s", "1990/1999"),
    # months
    ("October", "2025-10"),
    ("in October", "2025-10"),
    ("by October", "2025-10"),
    ("mid-March", "2025-03"),
    ("in late March", "2025-03"),
    ("next October", "2025-10"),
    ("last October", "2024-10"),
    ("this October", "2025-10"),
    ("next March", "2026-03"),
    ("last March", "2024-03"),
    # days
    ("today", "2025-03-07"),
    ("tonight", "2025-03-07"),
    ("yesterday", "2025-03-06"),
    ("tomorrow", "2025-03-08"),
    ("two days ago", "2025-03-05"),
    ("in three days", "2025-03-10"),
    # weeks (2025-03-07 is in ISO week 10)
    ("this week", "2025-W10"),
    ("earlier this week", "2025-W10"),
    ("next week", "2025-W11"),
    ("last week", "2025-W09"),
    ("two weeks ago", "2025-W08"),
    ("in two weeks", "2025-W12"),
    # months and years relative to the article's
    ("this month", "2025-03"),
    ("next month", "2025-04"),
    ("late last month", "2025-02"),
    ("by the end of next month", "2025-04"),
    ("three months ago", "2024-12"),
    ("this year", "2025"),
    ("later this year", "2025"),
    ("later in the year", "2025"),
    ("by the end of the year", "2025"),
    ("next year", "2026"),
    ("last year", "2024"),
    ("last year's", "2024"),
    ("a year ago", "2024"),
    ("this decade", "2020/2029"),
    ("by the end of the decade", "2020/2029"),
    # intervals from or to the article date
    ("over the next decade", "2025-03-07/2035-03-07"),
    ("the coming decade", "2025-03-07/2035-03-07"),
    ("the past decade", "2015-03-07/2025-03-07"),
    ("within the next three months", "2025-03-07/2025-06-07"),
    ("the next six months", "2025-03-07/2025-09-07"),
    ("the next seven years", "2025-03-07/2032-03-07"),
    ("the next 12 months", "2025-03-07/2026-03-07"),
    ("within two weeks", "2025-03-07/2025-03-21"),
    ("the next couple of weeks", "2025-03-07/2025-03-21"),
    ("the past few days", "2025-03-04/2025-03-07"),
    ("for the past few days", "2025-03-04/2025-03-07"),
    ("over the last two years", "2023-03-07/2025-03-07"),
])
def test_patterns(text, expected):
    assert resolve_time(text, FRIDAY) == expected


@pytest.mark.parametrize("text", [
    "last summer", "this summer",  # seasons: which hemisphere, which year for winter?
    "2008-09", "24-hour", "90 days", "several weeks", "each year", "minutes", "the day", "soon",
    "three years'", "", "March 32", "Tuesday 35 March",
])
def test_left_unresolved(text):
    assert resolve_time(text, FRIDAY) is None


# --- weekdays: shifting them by a day must fail here ---------------------------------

@pytest.mark.parametrize("text, past, future", [
    ("Monday", "2025-03-03", "2025-03-10"),
    ("Tuesday", "2025-03-04", "2025-03-11"),
    ("Wednesday", "2025-03-05", "2025-03-12"),
    ("Thursday", "2025-03-06", "2025-03-13"),
    ("Friday", "2025-03-07", "2025-03-07"),  # the article's own day, both ways
    ("Saturday", "2025-03-01", "2025-03-08"),
    ("Sunday", "2025-03-02", "2025-03-09"),
    ("on Tue.", "2025-03-04", "2025-03-11"),
])
def test_weekdays_by_tense(text, past, future):
    assert resolve_time(text, FRIDAY, tense="past") == past
    assert resolve_time(text, FRIDAY) == past  # news mostly reports past days
    assert resolve_time(text, FRIDAY, tense="future") == future
    name = text.split()[-1].rstrip(".")[:3].lower()
    for value in (past, future):
        assert dt.date.fromisoformat(value).strftime("%a").lower() == name


@pytest.mark.parametrize("text, expected", [
    ("next Tuesday", "2025-03-11"),
    ("last Tuesday", "2025-03-04"),
    ("next Friday", "2025-03-14"),  # never the article's own day
    ("last Friday", "2025-02-28"),
    ("this coming Monday", "2025-03-10"),
])
def test_next_and_last_weekday(text, expected):
    for tense in (None, "past", "future"):
        assert resolve_time(text, FRIDAY, tense=tense) == expected


def test_this_weekday_follows_the_tense():
    assert resolve_time("this Tuesday", FRIDAY) == "2025-03-04"
    assert resolve_time("this Tuesday", FRIDAY, tense="future") == "2025-03-11"


def test_weekday_across_a_month_and_a_year():
    assert resolve_time("Monday", "2025-01-01") == "2024-12-30"  # a Wednesday
    assert resolve_time("Friday", "2024-12-30", tense="future") == "2025-01-03"


# --- months: the direction matters ---------------------------------------------------

@pytest.mark.parametrize("text, date, tense, expected", [
    ("October", "2025-03-07", None, "2025-10"),
    ("October", "2025-03-07", "future", "2025-10"),
    ("October", "2025-03-07", "past", "2024-10"),
    ("in October", "2025-11-20", "future", "2026-10"),
    ("in October", "2025-11-20", "past", "2025-10"),
    ("in October", "2025-11-20", None, "2025-10"),
    ("by March", "2025-03-07", "future", "2025-03"),  # this month counts both ways
    ("since March", "2025-03-07", "past", "2025-03"),
    ("January", "2025-12-15", "future", "2026-01"),
    ("December", "2025-01-10", "past", "2024-12"),
    ("next October", "2025-10-15", None, "2026-10"),  # never this month
    ("last October", "2025-10-15", "future", "2024-10"),
    ("this October", "2025-11-20", "past", "2025-10"),
])
def test_months_by_tense(text, date, tense, expected):
    assert resolve_time(text, date, tense=tense) == expected


def test_tense_does_not_move_a_day_of_a_month():
    for tense in (None, "past", "future"):
        assert resolve_time("March 6", FRIDAY, tense=tense) == "2025-03-06"


# --- calendar arithmetic ---------------------------------------------------------------

@pytest.mark.parametrize("text, date, expected", [
    ("next month", "2025-01-31", "2025-02"),
    ("last month", "2025-03-31", "2025-02"),
    ("over the next month", "2025-01-31", "2025-01-31/2025-02-28"),
    ("over the next month", "2024-01-31", "2024-01-31/2024-02-29"),
    ("the past month", "2025-03-31", "2025-02-28/2025-03-31"),
    ("within the next three months", "2025-11-30", "2025-11-30/2026-02-28"),
    ("next month", "2025-12-15", "2026-01"),
    ("last month", "2025-01-15", "2024-12"),
    ("next week", "2024-12-30", "2025-W02"),  # ISO weeks cross years
    ("this week", "2024-12-30", "2025-W01"),
    ("last week", "2021-01-05", "2020-W53"),
    ("yesterday", "2024-03-01", "2024-02-29"),
    ("tomorrow", "2024-02-28", "2024-02-29"),
    ("tomorrow", "2025-02-28", "2025-03-01"),
    ("yesterday", "2025-01-01", "2024-12-31"),
    ("over the next year", "2024-02-29", "2024-02-29/2025-02-28"),
    ("the past four years", "2024-02-29", "2020-02-29/2024-02-29"),
    ("February 29", "2024-03-01", "2024-02-29"),
    ("29 February 2028", None, "2028-02-29"),
])
def test_calendar_arithmetic(text, date, expected):
    assert resolve_time(text, date) == expected


def test_results_are_periods_the_queries_understand():
    for text in ["next week", "late last month", "over the next decade", "October", "Tuesday",
                 "the 1990s", "this decade", "2025", "within two weeks"]:
        assert date_range(resolve_time(text, FRIDAY)) is not None, text


# --- bad inputs never raise -------------------------------------------------------------

@pytest.mark.parametrize("text, date", [
    ("February 30", FRIDAY),
    ("30 February 2025", None),
    ("February 29", "2025-03-07"),  # not a leap year
    ("2025-13-01", FRIDAY),
    ("2025-02-30", FRIDAY),
    ("0000", FRIDAY),
    ("the 0000s", None),
    ("next year", "9999-06-01"),
    ("next week", "9999-12-31"),
    ("tomorrow", "9999-12-31"),
    ("yesterday", "0001-01-01"),
    ("next month", "9999-12-01"),
    ("the next 9999 years", FRIDAY),
    ("in 9999 decades", FRIDAY),
    ("\u0662\u0660\u0662\u0665", FRIDAY),  # Arabic-Indic 2025
    ("March \u0666", FRIDAY),
    ("\uff12\uff10\uff12\uff15", FRIDAY),  # full-width 2025
    ("the next \u0663 months", FRIDAY),
    ("March 6", "not a date"),
    ("March 6", "2025-13-01"),
    ("next week", ""),
])
def test_bad_inputs_give_none(text, date):
    assert resolve_time(text, date) is None


def test_without_an_article_date_only_absolute_dates_resolve():
    assert resolve_time("6 March 2025", None) == "2025-03-06"
    assert resolve_time("March 2025", None) == "2025-03"
    assert resolve_time("2025", None) == "2025"
    for text in ["March 6", "October", "Tuesday", "next week", "yesterday", "the next decade"]:
        assert resolve_time(text, None) is None, text


def test_article_date_as_date_or_datetime():
    assert resolve_time("yesterday", dt.date(2025, 3, 7)) == "2025-03-06"
    assert resolve_time("yesterday", dt.datetime(2025, 3, 7, 9, 30)) == "2025-03-06"
    assert resolve_time("yesterday", "2025-03-07T09:30:00") == "2025-03-06"


def test_unknown_tense_is_an_error():
    with pytest.raises(ValueError):
        resolve_time("October", FRIDAY, tense="present")


def test_rules_are_a_table():
    assert all(rule.pattern.pattern and callable(rule.resolve) for rule in RULES)
