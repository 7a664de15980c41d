"""Waiting times in working days: Monday to Friday less bank holidays in England."""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

import holidays


@lru_cache(maxsize=64)
def _bank_holidays(year: int) -> frozenset[date]:
    # The holidays package tracks one-off bank holidays as well, such as the
    # coronation of 8 May 2023.
    return frozenset(holidays.country_holidays("GB", subdiv="ENG", years=year))


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
    count = 0
    day = start
    while day < end:
        day += timedelta(days=1)
        if is_working_day(day):
            count += 1
    return count
