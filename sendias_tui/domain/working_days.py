"""Waiting times in working days: Monday to Friday less bank holidays in England."""

from __future__ import annotations

from bisect import bisect_right
from datetime import date
from functools import lru_cache

import holidays


@lru_cache(maxsize=64)
def _bank_holidays(year: int) -> frozenset[date]:
    # The holidays package tracks one-off bank holidays as well, such as the
    # coronation of 8 May 2023.
    return frozenset(holidays.country_holidays("GB", subdiv="ENG", years=year))


@lru_cache(maxsize=64)
def _weekday_bank_holidays(year: int) -> tuple[date, ...]:
    # Sorted, so a partial year's share can be found with bisect. A bank
    # holiday on a weekend is left out because the weekday count skips it.
    return tuple(sorted(day for day in _bank_holidays(year) if day.weekday() < 5))


def is_working_day(day: date) -> bool:
    """Return whether ``day`` is a weekday that is not a bank holiday in England."""
    return day.weekday() < 5 and day not in _bank_holidays(day.year)


def working_days_between(start: date, end: date) -> int:
    """Count the working days after ``start`` up to and including ``end``.

    The same day gives 0, and an enquiry received on a Friday and answered on
    the next Monday waited 1 working day.

    Raises:
        ValueError: ``end`` is before ``start``.
    """
    if end < start:
        raise ValueError(f"{end.isoformat()} is before {start.isoformat()}")
    days = (end - start).days
    whole_weeks, remainder = divmod(days, 7)
    weekdays = 5 * whole_weeks
    first_weekday = start.weekday()
    for step in range(1, remainder + 1):
        if (first_weekday + step) % 7 < 5:
            weekdays += 1

    holidays_in_range = 0
    for year in range(start.year, end.year + 1):
        year_holidays = _weekday_bank_holidays(year)
        # bisect_right on start leaves start out and on end keeps end in,
        # matching the days counted above.
        holidays_in_range += bisect_right(year_holidays, end) - bisect_right(year_holidays, start)
    return weekdays - holidays_in_range
