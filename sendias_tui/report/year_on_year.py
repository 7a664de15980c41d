"""Year-on-year figures: the same quarter of every year from 2020 to the report's year.

A service usually starts using sendias long after 2020, so the early years
come from totals typed in from reports published before (``PublishedTotals``).
For each year and each measure, records win: a quarter with enquiry records
takes its enquiry figures from them, and a quarter with metrics records takes
its website and social media figures from them. Otherwise the published
totals are used, and failing those the year has no figure (None). Each
year records the source of each of its figures, so the report can tell
the reader.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from statistics import fmean

from sendias_tui.domain.enquiry import INTERVENTION_LEVELS, Enquiry
from sendias_tui.domain.metrics import MonthlyMetrics, PublishedTotals
from sendias_tui.domain.quarters import Quarter, QuarterError
from sendias_tui.report.charts import ChartKind, ChartSpec, Series
from sendias_tui.report.counting import largest_remainder_percentages

FIRST_YEAR = 2020
"""The earliest year the published summaries compare with."""

ENQUIRIES_BY_YEAR_KEY = "figure1_enquiries_by_year"
LEVELS_BY_YEAR_KEY = "figure4_intervention_level"
"""Shares the key of the quarter-only Figure 4, which this chart replaces in a document."""
WEBSITE_BY_YEAR_KEY = "figure6_website_views_by_year"
FACEBOOK_BY_YEAR_KEY = "figure9_facebook_reach_by_year"
INSTAGRAM_BY_YEAR_KEY = "figure11_instagram_reach_by_year"

MONTHS_IN_QUARTER = 3


class Source(StrEnum):
    """The source of one year's figure."""

    RECORDS = "records"
    PUBLISHED = "published totals"
    MISSING = "missing"


class Measure(StrEnum):
    """A year-on-year figure, whose values all come from one source in a given year."""

    ENQUIRIES = "enquiries"
    """New and existing enquiries (Figure 1)."""
    LEVEL_SHARES = "intervention level shares"
    """Each intervention level's share of new enquiries (Figure 4)."""
    WEBSITE_VIEWS = "website views"
    FACEBOOK_REACH = "Facebook reach"
    INSTAGRAM_REACH = "Instagram reach"


@dataclass(frozen=True)
class YearFigures:
    """One year's figures for the report's quarter number, with their sources."""

    quarter: Quarter
    new_enquiries: int | None = None
    existing_enquiries: int | None = None
    level_shares: dict[int, float] = field(default_factory=dict)
    """Percentage of new enquiries at each level that has one; empty when unknown."""
    average_monthly_website_views: float | None = None
    average_monthly_facebook_reach: float | None = None
    average_monthly_instagram_reach: float | None = None
    sources: dict[Measure, Source] = field(default_factory=dict)
    partial_months: dict[Measure, int] = field(default_factory=dict)
    """Metrics measures whose average covers fewer than three months, with the number it covers."""

    def source(self, measure: Measure) -> Source:
        return self.sources.get(measure, Source.MISSING)


@dataclass(frozen=True)
class YearOnYear:
    """Every year's figures and the year-on-year charts built from them."""

    quarter: Quarter
    years: tuple[YearFigures, ...]
    """Oldest year first, ending with the report's own quarter."""
    charts: tuple[ChartSpec, ...]
    """Figures 1, 4, 6, 9 and 11, each only when some year has a figure for it."""
    notes: tuple[str, ...]
    """Sentences saying where each figure's years came from."""


def year_on_year_figures(
    quarter: Quarter,
    enquiries: Iterable[Enquiry],
    metrics: Iterable[MonthlyMetrics],
    published: Iterable[PublishedTotals],
    *,
    first_year: int = FIRST_YEAR,
) -> list[YearFigures]:
    """Collect the figures of ``quarter``'s quarter number for each year from ``first_year``.

    Args:
        quarter: the report's quarter; its scheme decides which months each
            year's quarter covers and how published quarter codes are read.
        enquiries: enquiry records of any dates.
        metrics: monthly metrics of any months.
        published: totals typed in from earlier reports, matched by the months
            they cover; a code that does not name a quarter is ignored, since
            the totals were checked on entry.
        first_year: the earliest year, unless published totals of the same
            quarter number exist for an earlier year, which then starts the
            figures; a report before it shows its own year only.

    Returns:
        One entry per year, oldest first.
    """
    # Totals are matched by the months they cover, since their codes may have
    # been written under the other quarter scheme.
    published_in: dict[date, PublishedTotals] = {}
    for totals in published:
        try:
            published_in[totals.covers.start] = totals.in_scheme(quarter.scheme)
        except QuarterError:
            continue
    # Published totals of this quarter number from before first_year extend the figures back.
    earlier_published = [
        Quarter.parse(totals.quarter, quarter.scheme).year
        for totals in published_in.values()
        if Quarter.parse(totals.quarter, quarter.scheme).number == quarter.number
    ]
    start_year = min([first_year, quarter.year, *earlier_published])

    years = [Quarter(year, quarter.number, quarter.scheme) for year in range(start_year, quarter.year + 1)]
    wanted = set(years)
    enquiries_in: dict[Quarter, list[Enquiry]] = defaultdict(list)
    for enquiry in enquiries:
        containing = Quarter.containing(enquiry.date_received, quarter.scheme)
        if containing in wanted:
            enquiries_in[containing].append(enquiry)
    metrics_in: dict[Quarter, list[MonthlyMetrics]] = defaultdict(list)
    for item in metrics:
        containing = Quarter.containing(date(item.year, item.month, 1), quarter.scheme)
        if containing in wanted:
            metrics_in[containing].append(item)

    return [
        _year(year, enquiries_in.get(year, []), metrics_in.get(year, []), published_in.get(year.start))
        for year in years
    ]


def _year(
    quarter: Quarter,
    enquiries: Sequence[Enquiry],
    metrics: Sequence[MonthlyMetrics],
    published: PublishedTotals | None,
) -> YearFigures:
    values: dict[str, object] = {}
    sources: dict[Measure, Source] = {}
    partial: dict[Measure, int] = {}

    if enquiries:
        # Records win even where no new enquiry has a level: the shares are
        # then unknown, and Figure 4's table reports how many lack one.
        new = [enquiry for enquiry in enquiries if enquiry.is_new]
        values["new_enquiries"] = len(new)
        values["existing_enquiries"] = len(enquiries) - len(new)
        values["level_shares"] = _level_shares(new)
        sources[Measure.ENQUIRIES] = Source.RECORDS
        sources[Measure.LEVEL_SHARES] = Source.RECORDS
    elif published is not None:
        if published.new_enquiries is not None or published.existing_enquiries is not None:
            values["new_enquiries"] = published.new_enquiries
            values["existing_enquiries"] = published.existing_enquiries
            sources[Measure.ENQUIRIES] = Source.PUBLISHED
        if published.level_shares:
            values["level_shares"] = dict(published.level_shares)
            sources[Measure.LEVEL_SHARES] = Source.PUBLISHED

    for measure, monthly, field_name, published_value in (
        (
            Measure.WEBSITE_VIEWS,
            lambda item: item.website_views,
            "average_monthly_website_views",
            published.average_monthly_website_views if published else None,
        ),
        (
            Measure.FACEBOOK_REACH,
            lambda item: item.facebook_reach,
            "average_monthly_facebook_reach",
            _per_month(published.facebook_reach) if published else None,
        ),
        (
            Measure.INSTAGRAM_REACH,
            lambda item: item.instagram_reach,
            "average_monthly_instagram_reach",
            _per_month(published.instagram_reach) if published else None,
        ),
    ):
        recorded = [value for value in map(monthly, metrics) if value is not None]
        if recorded:
            values[field_name] = round(fmean(recorded), 1)
            sources[measure] = Source.RECORDS
            if len(recorded) < MONTHS_IN_QUARTER:
                partial[measure] = len(recorded)
        elif published_value is not None:
            values[field_name] = published_value
            sources[measure] = Source.PUBLISHED
    return YearFigures(quarter, sources=sources, partial_months=partial, **values)  # type: ignore[arg-type]


def _per_month(quarter_total: int | None) -> float | None:
    """Return a published quarter's total reach as an average per month."""
    return None if quarter_total is None else round(quarter_total / MONTHS_IN_QUARTER, 1)


def _level_shares(new: Sequence[Enquiry]) -> dict[int, float]:
    """Return each level's whole-number share of the new enquiries that have a level from 1 to 4."""
    counts = [sum(1 for enquiry in new if enquiry.intervention_level == level) for level in INTERVENTION_LEVELS]
    shares = largest_remainder_percentages(counts)
    if shares is None:
        return {}
    return dict(zip(INTERVENTION_LEVELS, (float(share) for share in shares), strict=True))


# Charts


def _span(quarter: Quarter, years: Sequence[YearFigures]) -> str:
    """Return the caption's ending, such as "in quarter 3 of each year, 2020 to 2023-Q3"."""
    return f"in quarter {quarter.number} of each year, {years[0].quarter.year} to {quarter.code}"


def _by_year_chart(
    quarter: Quarter,
    years: Sequence[YearFigures],
    *,
    key: str,
    number: str,
    title: str,
    series: Sequence[tuple[str, Callable[[YearFigures], int | float | None]]],
    value_label: str,
    unit: str = "",
) -> ChartSpec:
    return ChartSpec(
        key=key,
        number=number,
        title=f"{title} {_span(quarter, years)}",
        kind=ChartKind.BAR,
        categories=tuple(year.quarter.code for year in years),
        series=tuple(Series(name, tuple(value(year) for year in years)) for name, value in series),
        category_label="Quarter",
        value_label=value_label,
        unit=unit,
    )


def enquiries_by_year_chart(quarter: Quarter, years: Sequence[YearFigures]) -> ChartSpec:
    """Build Figure 1: new and existing enquiries in the same quarter of each year."""
    return _by_year_chart(
        quarter, years, key=ENQUIRIES_BY_YEAR_KEY, number="Figure 1",
        title="New and existing enquiries",
        series=(
            ("New enquiries", lambda year: year.new_enquiries),
            ("Existing enquiries", lambda year: year.existing_enquiries),
        ),
        value_label="Enquiries",
    )  # fmt: skip


def levels_by_year_chart(quarter: Quarter, years: Sequence[YearFigures]) -> ChartSpec:
    """Build Figure 4 by year: each intervention level's share of new enquiries, one series per level."""

    def share(level: int) -> Callable[[YearFigures], float | None]:
        return lambda year: year.level_shares.get(level)

    return _by_year_chart(
        quarter, years, key=LEVELS_BY_YEAR_KEY, number="Figure 4",
        title="Share of new enquiries at each intervention level",
        series=tuple((f"Level {level}", share(level)) for level in INTERVENTION_LEVELS),
        value_label="Share of new enquiries (%)", unit="%",
    )  # fmt: skip


def website_views_by_year_chart(quarter: Quarter, years: Sequence[YearFigures]) -> ChartSpec:
    """Build Figure 6: average monthly website page views in the same quarter of each year."""
    return _by_year_chart(
        quarter, years, key=WEBSITE_BY_YEAR_KEY, number="Figure 6",
        title="Average monthly website page views",
        series=(("Average page views per month", lambda year: year.average_monthly_website_views),),
        value_label="Page views per month",
    )  # fmt: skip


def facebook_reach_by_year_chart(quarter: Quarter, years: Sequence[YearFigures]) -> ChartSpec:
    """Build Figure 10: average monthly Facebook reach in the same quarter of each year."""
    return _by_year_chart(
        quarter, years, key=FACEBOOK_BY_YEAR_KEY, number="Figure 10",
        title="Average monthly Facebook reach",
        series=(("Average reach per month", lambda year: year.average_monthly_facebook_reach),),
        value_label="Reach per month",
    )  # fmt: skip


def instagram_reach_by_year_chart(quarter: Quarter, years: Sequence[YearFigures]) -> ChartSpec:
    """Build Figure 12: average monthly Instagram reach in the same quarter of each year."""
    return _by_year_chart(
        quarter, years, key=INSTAGRAM_BY_YEAR_KEY, number="Figure 12",
        title="Average monthly Instagram reach",
        series=(("Average reach per month", lambda year: year.average_monthly_instagram_reach),),
        value_label="Reach per month",
    )  # fmt: skip


_CHARTS = (
    (Measure.ENQUIRIES, enquiries_by_year_chart, "New and existing enquiries"),
    (Measure.LEVEL_SHARES, levels_by_year_chart, "Intervention level shares"),
    (Measure.WEBSITE_VIEWS, website_views_by_year_chart, "Average monthly website page views"),
    (Measure.FACEBOOK_REACH, facebook_reach_by_year_chart, "Average monthly Facebook reach"),
    (Measure.INSTAGRAM_REACH, instagram_reach_by_year_chart, "Average monthly Instagram reach"),
)
"""Each year-on-year chart in report order, with the measure whose source it shows."""


def describe_sources(years: Sequence[YearFigures], measure: Measure) -> str:
    """Say which years of one measure came from records, from published totals, or from neither.

    For example "2021-Q3 and 2022-Q3 from published totals; 2023-Q3 from
    records; no figures for 2020-Q3". Groups appear in the order of their
    earliest year.
    """
    groups: dict[Source, list[str]] = {}
    for year in years:
        groups.setdefault(year.source(measure), []).append(year.quarter.code)
    parts = []
    for source, codes in groups.items():
        listed = codes[0] if len(codes) == 1 else f"{', '.join(codes[:-1])} and {codes[-1]}"
        parts.append(f"no figures for {listed}" if source is Source.MISSING else f"{listed} from {source}")
    return "; ".join(parts)


def _partial_notes(years: Sequence[YearFigures], measure: Measure, words: str) -> list[str]:
    return [
        f"{words}: the {year.quarter.code} average covers only {year.partial_months[measure]} "
        f"of its {MONTHS_IN_QUARTER} months, the ones with figures entered."
        for year in years
        if measure in year.partial_months
    ]


def build_year_on_year(
    quarter: Quarter,
    enquiries: Iterable[Enquiry],
    metrics: Iterable[MonthlyMetrics],
    published: Iterable[PublishedTotals],
    *,
    first_year: int = FIRST_YEAR,
) -> YearOnYear:
    """Build the year-on-year charts of ``quarter`` and the notes naming their sources.

    A chart is left out when no year has a figure for it, so a service with
    no metrics and no published totals gets no empty charts.

    Args:
        quarter: the report's quarter.
        enquiries: enquiry records of any dates.
        metrics: monthly metrics of any months.
        published: totals typed in from earlier reports.
        first_year: the earliest year to compare with.
    """
    years = year_on_year_figures(quarter, enquiries, metrics, published, first_year=first_year)
    charts = []
    notes = []
    for measure, build, words in _CHARTS:
        if all(year.source(measure) is Source.MISSING for year in years):
            continue
        chart = build(quarter, years)
        if not any(value is not None for series in chart.series for value in series.values):
            continue
        charts.append(chart)
        notes.append(f"{words}: {describe_sources(years, measure)}.")
        notes.extend(_partial_notes(years, measure, words))
    return YearOnYear(quarter, tuple(years), tuple(charts), tuple(notes))
