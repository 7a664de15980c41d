"""Gather everything one quarter's published report needs from the data file.

The ``sendias report`` command and the summary screen both call
``assemble_document``, so the document they write is the same.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sendias_tui.domain.categories import Categories
from sendias_tui.domain.quarters import Quarter
from sendias_tui.publish.document import Document, build_document
from sendias_tui.report.commentary import write_commentary
from sendias_tui.report.figures import charts_from_report
from sendias_tui.report.full_report import build_full_report, records_for_report
from sendias_tui.report.model import QuarterReport
from sendias_tui.report.suppression import suppress_report, suppression_note
from sendias_tui.storage import EnquiryStore

SUPPRESS_BELOW_SETTING = "suppress_below"
"""Store setting: the last disclosure-control threshold used, 0 for off."""


@dataclass(frozen=True)
class AssembledReport:
    """A quarter's report, before and after disclosure control, and its document."""

    report: QuarterReport
    """The tables as published: suppressed when a threshold was given."""
    document: Document


def assemble_document(
    quarter: Quarter,
    store: EnquiryStore,
    categories: Categories,
    *,
    suppress_below: int = 0,
    service_name: str = "SENDIAS service",
    today: date | None = None,
) -> AssembledReport:
    """Build the publishable document for ``quarter`` from the records in ``store`` that it reads.

    Args:
        quarter: the quarter to report.
        store: the open data file.
        categories: the service's category lists.
        suppress_below: hide counts from 1 to this number minus one, and
            any count that would let them be worked out; below 2 is off.
        service_name: the name on the title page.
        today: the date the report is made; defaults to the real today.
    """
    enquiries, redirects = records_for_report(store, quarter)
    full = build_full_report(
        quarter,
        enquiries,
        redirects,
        store.all_metrics(),
        store.published_totals(),
        categories,
        today=today or date.today(),
    )
    report = full.report
    commentary = full.commentary
    note = None
    if suppress_below >= 2:
        report = suppress_report(report, suppress_below)
        # Sentences are rewritten from the suppressed tables so that they
        # never quote a hidden count.
        commentary = write_commentary(report)
        note = suppression_note(suppress_below)

    # Figures 2 to 4 for this quarter alone are drawn by the document from
    # ``report``, so only the year-on-year and service metrics charts are passed.
    # NOTE: year-on-year charts are not suppressed; they show yearly totals and
    # shares, and the quarter's own small counts stay hidden in its tables.
    quarter_only = set(charts_from_report(full.report))
    charts = [chart for chart in full.charts if chart not in quarter_only]
    own_keys = {table.key for table in report.tables}
    extra_tables = [table for table in full.tables if table.key not in own_keys]
    # The document writes its own sentence per intervention level beside
    # Figure 4, so only the totals and waiting times go in the summary.
    sentences = [*commentary.totals, *commentary.waiting_times, *full.chart_notes]
    document = build_document(
        report,
        commentary=sentences,
        charts=charts,
        extra_tables=extra_tables,
        suppression_note=note,
        service_name=service_name,
    )
    return AssembledReport(report, document)
