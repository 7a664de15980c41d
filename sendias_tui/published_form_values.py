"""Turn what a manager typed on the published totals screen into ``PublishedTotals``.

The figures are copied from reports published before the service used
sendias. Parsing matches the published totals CSV import, and the rules are
``normalise_published_totals``, so both reject the same values.

Problems carry the form key of the input to mark: ``quarter``,
``new_enquiries``, ``level_shares.2`` and so on. A problem with the four
shares together has the key ``level_shares``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TypeVar

from sendias_tui.domain.enquiry import INTERVENTION_LEVELS
from sendias_tui.domain.metrics import PublishedTotals
from sendias_tui.domain.metrics_validation import (
    MetricsFieldError,
    normalise_published_totals,
)
from sendias_tui.domain.parsing import parse_count
from sendias_tui.domain.quarters import QuarterError, QuarterScheme
from sendias_tui.export.published_csv import parse_decimal
from sendias_tui.metrics_form_values import FormProblem

T = TypeVar("T")

COUNT_FIELDS = ("new_enquiries", "existing_enquiries", "facebook_reach", "instagram_reach")
"""Totals typed as whole numbers."""
FORM_ORDER = (
    "quarter",
    "new_enquiries",
    "existing_enquiries",
    "level_shares",
    "average_monthly_website_views",
    "facebook_reach",
    "instagram_reach",
)
"""Fields in the order the screen shows them."""


@dataclass(frozen=True)
class TotalsFormValues:
    """The published totals form as typed; an empty text means the figure is not known."""

    quarter: str = ""
    new_enquiries: str = ""
    existing_enquiries: str = ""
    level_shares: tuple[str, ...] = ("", "", "", "")
    """Percentage text for levels 1 to 4, in order."""
    average_monthly_website_views: str = ""
    facebook_reach: str = ""
    instagram_reach: str = ""


def _number_text(value: float | None) -> str:
    """Return a number as a person would type it: 45 rather than 45.0."""
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else str(value)


def totals_in_scheme(saved: Iterable[PublishedTotals], scheme: QuarterScheme) -> list[PublishedTotals]:
    """Return saved totals with each code written as ``scheme`` names the same months.

    Totals typed under the other scheme would otherwise show a code that now
    means different months. A code that does not name a quarter is kept as
    stored, so the manager can still see and delete it.
    """
    shown = []
    for totals in saved:
        try:
            shown.append(totals.in_scheme(scheme))
        except QuarterError:
            shown.append(totals)
    return shown


def values_from_totals(totals: PublishedTotals) -> TotalsFormValues:
    """Return the form values that show saved totals for editing."""
    return TotalsFormValues(
        quarter=totals.quarter,
        new_enquiries=_number_text(totals.new_enquiries),
        existing_enquiries=_number_text(totals.existing_enquiries),
        level_shares=tuple(_number_text(totals.level_shares.get(level)) for level in INTERVENTION_LEVELS),
        average_monthly_website_views=_number_text(totals.average_monthly_website_views),
        facebook_reach=_number_text(totals.facebook_reach),
        instagram_reach=_number_text(totals.instagram_reach),
    )


def build_published_totals(
    values: TotalsFormValues, scheme: QuarterScheme = QuarterScheme.CALENDAR
) -> tuple[PublishedTotals | None, list[FormProblem]]:
    """Parse and validate typed totals, reporting every problem at once.

    Returns:
        The totals ready to save, with the quarter written as ``2021-Q3``, and
        an empty list; or None and the problems in form order.
    """
    problems: list[FormProblem] = []

    def parsed(key: str, field_name: str, text: str, parse: Callable[[str], T], entry: str = "") -> T | None:
        if not text.strip():
            return None
        try:
            return parse(text)
        except ValueError as error:
            problems.append(
                FormProblem(key, MetricsFieldError(field_name, text.strip(), str(error), entry, "count"))
            )
            return None

    if not values.quarter.strip():
        problems.append(
            FormProblem(
                "quarter", MetricsFieldError("quarter", "", "missing: enter a quarter such as 2021-Q3")
            )
        )
    counts = {name: parsed(name, name, getattr(values, name), parse_count) for name in COUNT_FIELDS}
    shares: dict[int, float] = {}
    for level, text in zip(INTERVENTION_LEVELS, values.level_shares, strict=True):
        share = parsed(
            f"level_shares.{level}", "level_shares", text,
            lambda typed: parse_decimal(typed, percent=True), entry=str(level),
        )  # fmt: skip
        if share is not None:
            shares[level] = share
    views = parsed(
        "average_monthly_website_views", "average_monthly_website_views",
        values.average_monthly_website_views, parse_decimal,
    )  # fmt: skip

    draft = PublishedTotals(
        quarter=values.quarter.strip(),
        level_shares=shares,
        average_monthly_website_views=views,
        **counts,  # type: ignore[arg-type]
    )
    totals, errors = normalise_published_totals(draft, scheme)
    unreadable = {problem.key for problem in problems}
    for error in errors:
        key = error.field
        entry = error.entry if isinstance(error, MetricsFieldError) else ""
        if key == "level_shares" and entry:
            key = f"level_shares.{entry}"
        # The missing quarter is already reported in words that suit an empty input.
        if key in unreadable:
            continue
        problems.append(FormProblem(key, error))
    if problems:
        return None, sorted(problems, key=lambda problem: FORM_ORDER.index(problem.key.partition(".")[0]))
    return totals, []
