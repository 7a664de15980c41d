"""Monthly service metrics and published totals of earlier quarters.

Metrics are typed in once a month from other systems (website analytics,
the accessibility toolbar, Facebook and Instagram). Published totals let the
report compare a quarter with the same quarter of years before sendias was used.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from sendias_tui.domain.quarters import Quarter, QuarterScheme


@dataclass(frozen=True)
class TopPost:
    """One of a month's most-read social media posts."""

    title: str
    posted_on: date
    reach: int


@dataclass(frozen=True)
class MonthlyMetrics:
    """One month's figures from the website and social media."""

    year: int
    month: int
    website_views: int | None = None
    """Page views of the whole website in the month."""
    top_pages: tuple[tuple[str, int], ...] = ()
    """Most viewed pages as (page name, views), most viewed first."""
    accessibility: dict[str, int] = field(default_factory=dict)
    """Uses of the accessibility toolbar per function (Speech, Toolbar...)."""
    translations: dict[str, int] = field(default_factory=dict)
    """Uses of the website's translation feature per language."""
    facebook_reach: int | None = None
    instagram_reach: int | None = None
    top_posts: tuple[TopPost, ...] = ()
    id: int | None = None

    @property
    def month_key(self) -> tuple[int, int]:
        return (self.year, self.month)


@dataclass(frozen=True)
class PublishedTotals:
    """Totals of one earlier quarter, copied from a report published before sendias.

    Records win over these where both exist for a quarter.
    """

    quarter: str
    """The quarter written as ``2021-Q3`` under ``scheme``."""
    new_enquiries: int | None = None
    existing_enquiries: int | None = None
    level_shares: dict[int, float] = field(default_factory=dict)
    """Percentage of new enquiries at each intervention level 1 to 4."""
    average_monthly_website_views: float | None = None
    facebook_reach: int | None = None
    """Facebook total reach over the quarter."""
    instagram_reach: int | None = None
    """Instagram total reach over the quarter."""
    scheme: QuarterScheme = QuarterScheme.CALENDAR
    """The quarter scheme the code was written under, so a later change of scheme
    does not move the totals to other months."""
    id: int | None = None

    @property
    def covers(self) -> Quarter:
        """The quarter these totals cover, read under the scheme they were written in.

        Raises:
            QuarterError: the code does not name a quarter.
        """
        return Quarter.parse(self.quarter, self.scheme)

    def in_scheme(self, scheme: QuarterScheme) -> PublishedTotals:
        """Return these totals with the code of the same months under ``scheme``.

        Both schemes start their quarters in January, April, July or October,
        so every quarter of one scheme is exactly one quarter of the other.

        Raises:
            QuarterError: the code does not name a quarter.
        """
        code = Quarter.containing(self.covers.start, scheme).code
        return replace(self, quarter=code, scheme=scheme)
