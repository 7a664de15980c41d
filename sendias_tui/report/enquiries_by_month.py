"""Table 1: enquiries, professionals' enquiries and redirected calls by month."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import date

from sendias_tui.domain.categories import CategoryList
from sendias_tui.domain.enquiry import Enquiry, RedirectedCall, RedirectKind
from sendias_tui.domain.quarters import Quarter
from sendias_tui.report.model import ReportRow, ReportTable
from sendias_tui.report.waiting import MONTH_NAMES

TABLE1_ROWS = (
    "New enquiries (previous users and new families)",
    "Existing open casework",
    "New families or young people new to SENDIAS",
    "Total enquiries (new and existing casework)",
)
SENAT_ROW = "Calls or emails for SENAT"
OUT_OF_AREA_ROW = "Calls or emails transferred to another SENDIAS service"


def _month_counts(
    quarter: Quarter, dated: Iterable[tuple[date, int]]
) -> tuple[int, int, int, int]:
    """Count per month of the quarter, followed by the quarter's total."""
    per_month = Counter[tuple[int, int]]()
    for day, count in dated:
        per_month[(day.year, day.month)] += count
    months = [per_month[month] for month in quarter.months]
    return (months[0], months[1], months[2], sum(months))


def enquiries_by_month_table(
    quarter: Quarter,
    enquiries: Sequence[Enquiry],
    redirected: Sequence[RedirectedCall],
    enquirers: CategoryList,
) -> ReportTable:
    """Build Table 1: enquiries, professionals and redirected calls by month."""

    def by_month(selected: Iterable[Enquiry]) -> tuple[int, int, int, int]:
        return _month_counts(quarter, ((enquiry.date_received, 1) for enquiry in selected))

    new = [enquiry for enquiry in enquiries if enquiry.is_new]
    rows = [
        ReportRow(TABLE1_ROWS[0], by_month(new)),
        ReportRow(TABLE1_ROWS[1], by_month(e for e in enquiries if not e.is_new)),
        ReportRow(TABLE1_ROWS[2], by_month(e for e in new if e.new_family)),
        ReportRow(TABLE1_ROWS[3], by_month(enquiries)),
    ]
    # Professional rows count every enquiry a professional makes, new or existing.
    for category in enquirers.items:
        if not category.professional:
            continue
        counts = by_month(e for e in enquiries if enquirers.get(e.enquirer) is category)
        if category.retired and not counts[-1]:
            continue
        rows.append(ReportRow(category.label, counts))

    for label, kind in ((SENAT_ROW, RedirectKind.SENAT), (OUT_OF_AREA_ROW, RedirectKind.OUT_OF_AREA)):
        calls = ((call.date_received, call.count) for call in redirected if call.kind is kind)
        rows.append(ReportRow(label, _month_counts(quarter, calls)))

    months = tuple(MONTH_NAMES[month - 1] for _, month in quarter.months)
    return ReportTable(
        key="table1_enquiries",
        number="Table 1",
        title=f"Enquiries and redirected calls by month, {quarter.code}",
        columns=("Enquiry type", *months, "Total for quarter"),
        rows=tuple(rows),
    )
