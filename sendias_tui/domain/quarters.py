"""Reporting quarters, by calendar year or by financial year.

A quarter is written ``2023-Q3``. Under the calendar scheme Q1 is January to
March. Under the financial scheme the year starts in April, so ``2023-Q1`` is
April to June 2023 and ``2023-Q4`` is January to March 2024: the year is the
one the financial year starts in (2023/24).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from datetime import date, timedelta
from enum import StrEnum


class QuarterScheme(StrEnum):
    """The numbering of a service's quarters: by calendar year or by financial year."""

    CALENDAR = "calendar"
    FINANCIAL = "financial"


_FIRST_MONTH = {QuarterScheme.CALENDAR: 1, QuarterScheme.FINANCIAL: 4}
_QUARTER_PATTERN = re.compile(r"^\s*(\d{4})\s*-?\s*Q([1-4])\s*$", re.IGNORECASE)


class QuarterError(ValueError):
    """Text that does not name a quarter."""


@dataclass(frozen=True, order=True)
class Quarter:
    """One reporting quarter."""

    year: int
    """The calendar year, or the year the financial year starts in."""
    number: int
    """1 to 4."""
    scheme: QuarterScheme = QuarterScheme.CALENDAR

    def __post_init__(self) -> None:
        if not 1 <= self.number <= 4:
            raise QuarterError(f"quarter number {self.number} is not 1 to 4")

    @classmethod
    def parse(cls, text: str, scheme: QuarterScheme = QuarterScheme.CALENDAR) -> Quarter:
        """Parse ``2023-Q3`` (also ``2023Q3`` or ``2023-q3``).

        Raises:
            QuarterError: the text is not a year and a quarter number 1 to 4.
        """
        found = _QUARTER_PATTERN.match(text)
        if not found:
            raise QuarterError(
                f"'{text}' is not a quarter: write the year and quarter, for example 2023-Q3"
            )
        return cls(int(found.group(1)), int(found.group(2)), scheme)

    @classmethod
    def containing(cls, day: date, scheme: QuarterScheme = QuarterScheme.CALENDAR) -> Quarter:
        """Return the quarter that ``day`` falls in."""
        offset = (day.month - _FIRST_MONTH[scheme]) % 12
        year = day.year if day.month >= _FIRST_MONTH[scheme] else day.year - 1
        return cls(year, offset // 3 + 1, scheme)

    # cached_property writes into the instance's __dict__ directly, so it works
    # on this frozen dataclass. Equality, ordering, hashing and repr use the
    # fields only, so the cached values do not change them.
    @cached_property
    def start(self) -> date:
        """The first day of the quarter."""
        year, month = self._month_pairs[0]
        return date(year, month, 1)

    @cached_property
    def end(self) -> date:
        """The last day of the quarter."""
        year, month = self._month_pairs[-1]
        first_of_next = date(year + month // 12, month % 12 + 1, 1)
        return first_of_next - timedelta(days=1)

    @property
    def months(self) -> list[tuple[int, int]]:
        """Return the quarter's three months as (year, month) pairs, in a new list."""
        return list(self._month_pairs)

    @cached_property
    def _month_pairs(self) -> tuple[tuple[int, int], ...]:
        first = _FIRST_MONTH[self.scheme] + 3 * (self.number - 1)
        result = []
        for step in range(3):
            month_index = first - 1 + step
            result.append((self.year + month_index // 12, month_index % 12 + 1))
        return tuple(result)

    def __contains__(self, day: object) -> bool:
        # Called once per record by the report, so it reads the cached bounds.
        return isinstance(day, date) and self.start <= day <= self.end

    def previous(self) -> Quarter:
        """Return the quarter before this one."""
        if self.number == 1:
            return Quarter(self.year - 1, 4, self.scheme)
        return Quarter(self.year, self.number - 1, self.scheme)

    def next(self) -> Quarter:
        """Return the quarter after this one."""
        if self.number == 4:
            return Quarter(self.year + 1, 1, self.scheme)
        return Quarter(self.year, self.number + 1, self.scheme)

    def same_quarter_last_year(self) -> Quarter:
        """Return the same quarter a year earlier, for year-on-year figures."""
        return Quarter(self.year - 1, self.number, self.scheme)

    @property
    def code(self) -> str:
        """Return the quarter written as ``2023-Q3``."""
        return f"{self.year}-Q{self.number}"

    @property
    def title(self) -> str:
        """Return a heading such as "2023-Q3 (July to September 2023)"."""
        first, last = self.start, self.end
        if first.year == last.year:
            span = f"{first:%B} to {last:%B %Y}"
        else:
            span = f"{first:%B %Y} to {last:%B %Y}"
        prefix = "financial year " if self.scheme is QuarterScheme.FINANCIAL else ""
        return f"{prefix}{self.code} ({span})"

    def __str__(self) -> str:
        return self.code
