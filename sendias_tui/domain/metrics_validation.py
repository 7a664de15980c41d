"""Check monthly service metrics and published totals before they are saved.

The metrics screen and the CSV imports call the same functions, so a value
one rejects is rejected by the other with the same words.
"""

from __future__ import annotations

from calendar import monthrange
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import date, timedelta

from sendias_tui.domain.categories import CategoryList, normalise_name
from sendias_tui.domain.enquiry import INTERVENTION_LEVELS
from sendias_tui.domain.metrics import MonthlyMetrics, PublishedTotals, TopPost
from sendias_tui.domain.quarters import Quarter, QuarterError, QuarterScheme
from sendias_tui.domain.validation import FieldError

FIRST_YEAR = 2000
"""The earliest year accepted for metrics; earlier ones are taken to be typing mistakes."""
MAX_NAME = 200
"""Maximum length of a page name, language or post title, in characters."""
POST_LEAD_DAYS = 7
"""How many days before its month a top post may have been posted.

A post keeps reaching people for some days, so a post from the last week of
June can be one of July's most read.
"""
SHARE_SUM_RANGE = (98.0, 102.0)
"""Bounds for four published level shares that should add up to 100.

Each of four whole-number shares can be rounded by up to half a point, so
their published sum can be 2 points away from 100.
"""

METRICS_FIELD_LABELS = {
    "year": "Year",
    "month": "Month",
    "website_views": "Website page views",
    "top_pages": "Most viewed pages",
    "accessibility": "Accessibility toolbar uses",
    "translations": "Translation uses",
    "facebook_reach": "Facebook reach",
    "instagram_reach": "Instagram reach",
    "top_posts": "Top posts",
    "quarter": "Quarter",
    "new_enquiries": "New enquiries",
    "existing_enquiries": "Existing enquiries",
    "level_shares": "Intervention level shares",
    "average_monthly_website_views": "Average monthly website views",
}
"""The label of each metrics field, on screen and in error messages."""


@dataclass(frozen=True)
class MetricsFieldError(FieldError):
    """One rejected metrics value, labelled with the metrics field's words."""

    entry: str = ""
    """The page, function, language, post title or intervention level the value
    belongs to. Empty for a monthly total such as the Facebook reach."""
    part: str = ""
    """The wrong part of the entry: "month", "name", "count" or "date". Empty for the whole entry."""

    @property
    def label(self) -> str:
        return METRICS_FIELD_LABELS.get(self.field, self.field)


def month_code(year: int, month: int) -> str:
    """Return a month written as ``2023-07``, the form files and messages use."""
    return f"{year:04d}-{month:02d}"


def clean_name(name: str) -> str:
    """Return ``name`` with surrounding spaces dropped and inner runs of spaces made single."""
    return " ".join(name.split())


def _is_count(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _count_error(field: str, value: object, what: str = "", entry: str = "") -> MetricsFieldError:
    subject = f"{what} " if what else ""
    return MetricsFieldError(
        field, str(value), f"{subject}'{value}' is not a whole number of 0 or more", entry, "count"
    )


class _Checker:
    """Collects the errors of one metrics record or published-totals row."""

    def __init__(self) -> None:
        self.errors: list[FieldError] = []

    def add(self, field: str, value: object, message: str, *, entry: str = "", part: str = "") -> None:
        self.errors.append(MetricsFieldError(field, str(value), message, entry, part))

    def optional_count(self, field: str, value: object) -> None:
        if value is not None and not _is_count(value):
            self.errors.append(_count_error(field, value))

    def name(self, field: str, name: str, what: str) -> str | None:
        """Return the cleaned name, or None after recording why it is rejected."""
        cleaned = clean_name(name)
        if not cleaned:
            self.add(field, name, f"missing: every entry needs a {what}", part="name")
            return None
        if len(cleaned) > MAX_NAME:
            self.add(
                field, cleaned, f"the {what} is longer than {MAX_NAME} characters", entry=cleaned, part="name"
            )
            return None
        return cleaned

    def named_counts(
        self,
        field: str,
        pairs: Iterable[tuple[str, object]],
        noun: str,
        match: Callable[[str], str | None] | None = None,
    ) -> list[tuple[str, int]]:
        """Check (name, count) pairs and return the valid ones with clean names.

        Args:
            noun: what one name is, such as "page", for the messages.
            match: maps a cleaned name to its configured spelling, or to None
                when the name is not allowed; None accepts any name.
        """
        kept: list[tuple[str, int]] = []
        seen: set[str] = set()
        for raw_name, count in pairs:
            name = self.name(field, raw_name, f"{noun} name")
            if name is None:
                continue
            if match is not None:
                matched = match(name)
                if matched is None:
                    continue
                name = matched
            if not _is_count(count):
                self.errors.append(_count_error(field, count, f"{noun} '{name}':", name))
                continue
            key = normalise_name(name)
            if key in seen:
                self.add(
                    field, name, f"'{name}' is given twice; give each {noun} once with its total",
                    entry=name, part="name",
                )
                continue
            seen.add(key)
            kept.append((name, count))
        return kept


def normalise_metrics(
    metrics: MonthlyMetrics, functions: CategoryList, *, today: date | None = None
) -> tuple[MonthlyMetrics, list[FieldError]]:
    """Validate one month's metrics and return them with names in their saved spelling.

    Names are trimmed, and accessibility functions take their spelling from
    the configured list, so "speech " and "Speech" count as one function.

    Args:
        metrics: the month's figures as entered.
        functions: the service's accessibility functions; retired ones are accepted.
        today: decides which months have started; defaults to the real today.

    Returns:
        The normalised metrics and a list of errors, empty when they are valid.
    """
    today = today or date.today()
    check = _Checker()
    year, month = metrics.year, metrics.month
    month_ok = _check_month(check, year, month, today)

    for field in ("website_views", "facebook_reach", "instagram_reach"):
        check.optional_count(field, getattr(metrics, field))

    top_pages = check.named_counts("top_pages", metrics.top_pages, "page")
    website_views = metrics.website_views
    listed = sum(views for _, views in top_pages)
    # The listed pages are part of the website, so their views cannot add up to more.
    if isinstance(website_views, int) and _is_count(website_views) and listed > website_views:
        check.add(
            "website_views",
            website_views,
            f"the month's most viewed pages add up to {listed} views, more than the website's "
            f"{website_views} page views; check both figures",
            part="count",
        )

    def match_function(name: str) -> str | None:
        matched = functions.match(name)
        if matched is None:
            allowed = ", ".join(functions.active_names)
            check.add(
                "accessibility", name, f"'{name}' is not in the list. Choose one of: {allowed}",
                entry=name, part="name",
            )
        return matched

    accessibility = check.named_counts(
        "accessibility", metrics.accessibility.items(), "function", match_function
    )
    translations = check.named_counts("translations", metrics.translations.items(), "language")
    top_posts = _check_posts(check, metrics.top_posts, year, month if month_ok else None)

    normalised = replace(
        metrics,
        top_pages=tuple(top_pages),
        accessibility=dict(accessibility),
        translations=dict(translations),
        top_posts=tuple(top_posts),
    )
    return normalised, check.errors


def _check_month(check: _Checker, year: int, month: int, today: date) -> bool:
    """Record an error unless (year, month) is a month from 2000 that has started."""
    if not isinstance(month, int) or isinstance(month, bool) or not 1 <= month <= 12:
        check.add("month", month, f"'{month}' is not a month: expected 1 to 12", part="month")
        return False
    if not isinstance(year, int) or isinstance(year, bool) or year < FIRST_YEAR:
        check.add("year", year, f"'{year}' is not a year from {FIRST_YEAR} on", part="month")
        return False
    if (year, month) > (today.year, today.month):
        code = month_code(year, month)
        check.add(
            "month",
            code,
            f"{code} has not started yet; enter figures for {month_code(today.year, today.month)} "
            "or an earlier month",
            part="month",
        )
    return True


def _check_posts(
    check: _Checker, posts: Iterable[TopPost], year: int, month: int | None
) -> list[TopPost]:
    """Return the valid posts with clean titles; ``month`` None skips the date check."""
    kept = []
    if month is not None:
        first = date(year, month, 1)
        last = date(year, month, monthrange(year, month)[1])
        earliest = first - timedelta(days=POST_LEAD_DAYS)
    for post in posts:
        title = check.name("top_posts", post.title, "post title")
        if title is None:
            continue
        if not _is_count(post.reach):
            check.errors.append(_count_error("top_posts", post.reach, f"post '{title}': reach", title))
            continue
        if month is not None and not earliest <= post.posted_on <= last:
            check.add(
                "top_posts",
                post.posted_on.isoformat(),
                f"post '{title}' is dated {post.posted_on:%d/%m/%Y}; a top post of "
                f"{first:%B %Y} must be dated {earliest:%d/%m/%Y} to {last:%d/%m/%Y}",
                entry=title,
                part="date",
            )
            continue
        kept.append(replace(post, title=title))
    return kept


def normalise_published_totals(
    totals: PublishedTotals, scheme: QuarterScheme = QuarterScheme.CALENDAR
) -> tuple[PublishedTotals, list[FieldError]]:
    """Validate one quarter's published totals and return them with the quarter code tidied.

    Args:
        totals: the figures as typed in from an earlier report.
        scheme: the service's quarter scheme, which the code is read under.

    Returns:
        The normalised totals, with the quarter written as ``2021-Q3`` and
        ``scheme`` recorded beside it, and a list of errors, empty when they
        are valid.
    """
    check = _Checker()
    code = totals.quarter
    try:
        code = Quarter.parse(totals.quarter, scheme).code
    except QuarterError as error:
        check.add("quarter", totals.quarter, str(error))

    for field in ("new_enquiries", "existing_enquiries", "facebook_reach", "instagram_reach"):
        check.optional_count(field, getattr(totals, field))
    views = totals.average_monthly_website_views
    if views is not None and (isinstance(views, bool) or not isinstance(views, int | float) or views < 0):
        check.add(
            "average_monthly_website_views", views, f"'{views}' is not a number of 0 or more", part="count"
        )

    shares: dict[int, float] = {}
    for level, share in totals.level_shares.items():
        if level not in INTERVENTION_LEVELS:
            check.add(
                "level_shares", level, f"'{level}' is not an intervention level: expected 1 to 4",
                entry=str(level), part="name",
            )
        elif isinstance(share, bool) or not isinstance(share, int | float) or not 0 <= share <= 100:
            shown = f"{share:g}" if isinstance(share, int | float) and not isinstance(share, bool) else share
            check.add(
                "level_shares", shown, f"level {level}: '{shown}' is not a percentage from 0 to 100",
                entry=str(level), part="count",
            )
        else:
            shares[level] = share
    if len(shares) == len(INTERVENTION_LEVELS):
        low, high = SHARE_SUM_RANGE
        total = sum(shares.values())
        if not low <= total <= high:
            check.add(
                "level_shares",
                f"{total:g}",
                f"the four level shares add up to {total:g}%; they should add up to 100% "
                f"({low:g} to {high:g} allowing for rounding)",
            )

    normalised = replace(totals, quarter=code, scheme=scheme, level_shares=dict(sorted(shares.items())))
    return normalised, check.errors
