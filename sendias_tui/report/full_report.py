"""Everything a quarter's summary shows: tables, figures, interpreting sentences and checks.

The summary screen calls ``build_full_report`` to show every table and
figure of the published summary, not just the enquiry tables. Tables 10 and
11 and the monthly charts come from the service metrics. The year-on-year
figures also use the totals typed in from earlier reports.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Protocol

from sendias_tui.domain.categories import Categories
from sendias_tui.domain.enquiry import Enquiry, RedirectedCall
from sendias_tui.domain.metrics import MonthlyMetrics, PublishedTotals
from sendias_tui.domain.quarters import Quarter, QuarterError
from sendias_tui.report.charts import ChartSpec
from sendias_tui.report.commentary import Commentary, write_commentary
from sendias_tui.report.figures import charts_from_report
from sendias_tui.report.metrics_tables import metrics_charts, metrics_tables
from sendias_tui.report.model import QuarterReport, ReportTable
from sendias_tui.report.quality import QualityIssue, check_quarter
from sendias_tui.report.summary import build_report
from sendias_tui.report.year_on_year import FIRST_YEAR, build_year_on_year

_NUMBER = re.compile(r"(\d+)")


@dataclass(frozen=True)
class FullReport:
    """One quarter's tables, figures, sentences and data quality findings."""

    report: QuarterReport
    """The enquiry tables (Tables 1 to 9 and the tables behind Figures 2 to 4)."""
    tables: tuple[ReportTable, ...]
    """Every table in report order: those of ``report``, then Tables 10 and 11 when
    the quarter has service metrics."""
    charts: tuple[ChartSpec, ...]
    """Every figure that has data, in order of its number."""
    chart_notes: tuple[str, ...]
    """Sentences saying which years of the year-on-year figures came from records
    and which from published totals."""
    commentary: Commentary
    issues: tuple[QualityIssue, ...]
    """Findings of ``check_quarter``, errors first."""


class DatedRecords(Protocol):
    """A source of records by date received, such as ``EnquiryStore``."""

    def between(self, start: date, end: date) -> list[Enquiry]: ...

    def redirects_between(self, start: date, end: date) -> list[RedirectedCall]: ...


def report_quarters(quarter: Quarter) -> list[Quarter]:
    """List the quarters whose records a full report of ``quarter`` reads, oldest first.

    These are ``quarter`` and the same quarter of each earlier year from
    ``FIRST_YEAR`` for the year-on-year figures, and always the year before,
    which the commentary compares with.
    """
    first_year = min(FIRST_YEAR, quarter.year - 1)
    return [Quarter(year, quarter.number, quarter.scheme) for year in range(first_year, quarter.year + 1)]


def records_for_report(source: DatedRecords, quarter: Quarter) -> tuple[list[Enquiry], list[RedirectedCall]]:
    """Fetch the enquiries and redirected calls of ``report_quarters(quarter)``.

    A store builds an object for each record it returns, which took about a
    second for 100,000 records in ``python -m benchmarks``, so callers pass
    only these to ``build_full_report`` rather than everything in the file.
    """
    enquiries: list[Enquiry] = []
    redirects: list[RedirectedCall] = []
    for each in report_quarters(quarter):
        enquiries += source.between(each.start, each.end)
        redirects += source.redirects_between(each.start, each.end)
    return enquiries, redirects


def build_full_report(
    quarter: Quarter,
    enquiries: Iterable[Enquiry],
    redirects: Iterable[RedirectedCall],
    metrics: Iterable[MonthlyMetrics],
    published: Iterable[PublishedTotals],
    categories: Categories,
    *,
    today: date,
) -> FullReport:
    """Compute everything the summary of ``quarter`` shows.

    Args:
        quarter: the quarter to summarise.
        enquiries: enquiry records of any dates; year-on-year figures use
            earlier years' records. Those of ``report_quarters(quarter)``
            are all it reads (see ``records_for_report``).
        redirects: redirected calls of any dates.
        metrics: monthly service metrics of any months.
        published: totals typed in from reports published before sendias.
        categories: the service's category lists.
        today: the date that decides which months and waits are over.
    """
    enquiries = list(enquiries)
    redirects = list(redirects)
    metrics = list(metrics)
    published = list(published)

    report = build_report(quarter, enquiries, redirects, categories, today=today)
    tables = (*report.tables, *metrics_tables(quarter, metrics, categories))

    year_on_year = build_year_on_year(quarter, enquiries, metrics, published)
    by_key = {chart.key: chart for chart in charts_from_report(report)}
    # A year-on-year chart with the key of a quarter-only one (Figure 4)
    # replaces it, as it does in the published document.
    by_key.update((chart.key, chart) for chart in year_on_year.charts)
    by_key.update((chart.key, chart) for chart in metrics_charts(quarter, metrics))
    charts = tuple(sorted(by_key.values(), key=_figure_order))

    previous = _same_quarter_last_year(quarter, enquiries, redirects, published, categories, today)
    month_keys = {item.month_key for item in metrics}
    issues = check_quarter(quarter, enquiries, report, today=today, months_with_metrics=month_keys)
    return FullReport(
        report=report,
        tables=tables,
        charts=charts,
        chart_notes=year_on_year.notes,
        commentary=write_commentary(report, previous),
        issues=tuple(issues),
    )


def _figure_order(chart: ChartSpec) -> int:
    found = _NUMBER.search(chart.number)
    return int(found.group(1)) if found else 0


def _same_quarter_last_year(
    quarter: Quarter,
    enquiries: list[Enquiry],
    redirects: list[RedirectedCall],
    published: list[PublishedTotals],
    categories: Categories,
    today: date,
) -> QuarterReport | PublishedTotals | None:
    """Return the same quarter a year earlier: its report when it has records, else its published totals."""
    last_year = quarter.same_quarter_last_year()
    if any(enquiry.date_received in last_year for enquiry in enquiries):
        return build_report(last_year, enquiries, redirects, categories, today=today)
    for totals in published:
        try:
            # Matched by months and recoded, so totals typed under the other
            # scheme compare the right months and are named as the report names them.
            if totals.covers.start == last_year.start:
                return totals.in_scheme(quarter.scheme)
        except QuarterError:
            continue
    return None
