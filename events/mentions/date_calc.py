"""Calendar arithmetic for the date grammar: weekdays, weeks, months, Hijri conversion.

Pure functions of their arguments (never the system clock).  ``anchor`` is always the article's
publication date.
"""

from __future__ import annotations

import calendar
import datetime as dt

from hijridate import Gregorian, Hijri

__all__ = [
    "latest_weekday",
    "next_weekday",
    "week_midpoint",
    "month_mid",
    "month_last",
    "recent_day_month",
    "hijri_to_gregorian",
    "hijri_year_of",
    "valid_date",
]


def valid_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def latest_weekday(anchor: dt.date, weekday: int, strictly_before: bool = False) -> dt.date:
    """The most recent ``weekday`` (0 = Monday) on or before ``anchor`` (before it if strict)."""
    back = (anchor.weekday() - weekday) % 7
    if back == 0 and strictly_before:
        back = 7
    return anchor - dt.timedelta(days=back)


def next_weekday(anchor: dt.date, weekday: int) -> dt.date:
    ahead = (weekday - anchor.weekday()) % 7 or 7
    return anchor + dt.timedelta(days=ahead)


def week_midpoint(anchor: dt.date, weeks_back: int) -> dt.date:
    """The Wednesday of the (Monday-Sunday) week ``weeks_back`` weeks before the anchor's week,
    never after the anchor (ACLED: 'last week' is coded to its Wednesday or Thursday)."""
    monday = anchor - dt.timedelta(days=anchor.weekday()) - dt.timedelta(weeks=weeks_back)
    return min(monday + dt.timedelta(days=2), anchor)


def month_mid(year: int, month: int) -> dt.date:
    return dt.date(year, month, 15)


def month_last(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def recent_day_month(anchor: dt.date, month: int, day: int, strictly_before: bool = False,
                     tolerance_days: int = 1) -> dt.date | None:
    """The most recent ``day``/``month`` on or before the anchor (a day of tolerance for time zones)."""
    for year in (anchor.year + 1, anchor.year, anchor.year - 1, anchor.year - 2):
        d = valid_date(year, month, day)
        if d is None:
            continue
        limit = anchor - dt.timedelta(days=1) if strictly_before else anchor + dt.timedelta(days=tolerance_days)
        if d <= limit:
            return d
    return None


def hijri_to_gregorian(year: int, month: int, day: int) -> dt.date | None:
    try:
        g = Hijri(year, month, day).to_gregorian()
    except (ValueError, OverflowError):
        return None
    return dt.date(g.year, g.month, g.day)


def hijri_year_of(anchor: dt.date) -> int | None:
    try:
        return Gregorian(anchor.year, anchor.month, anchor.day).to_hijri().year
    except (ValueError, OverflowError):
        return None
