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
from sendias_tui.report.model import QuarterReport
from sendias_tui.report.summary import build_report
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


def _report_for(quarter: Quarter, store: EnquiryStore, categories: Categories, today: date | None) -> QuarterReport:
    return build_report(
        quarter,
        store.between(quarter.start, quarter.end),
        store.redirects_between(quarter.start, quarter.end),
        categories,
        today=today,
    )


def assemble_document(
    quarter: Quarter,
    store: EnquiryStore,
    categories: Categories,
    *,
    suppress_below: int = 0,
    service_name: str = "SENDIAS service",
    today: date | None = None,
) -> AssembledReport:
    """Build the publishable document for ``quarter`` from the records in ``store``.

    Args:
        quarter: the quarter to report.
        store: the open data file.
        categories: the service's category lists.
        suppress_below: hide counts from 1 to this number minus one, and
            any count that would let them be worked out; below 2 is off.
        service_name: the name on the title page.
        today: the date the report is made; defaults to the real today.
    """
    report = _report_for(quarter, store, categories, today)
    last_year = quarter.same_quarter_last_year()
    previous = None
    if store.between(last_year.start, last_year.end):
        previous = _report_for(last_year, store, categories, today)

    note = None
    if suppress_below >= 2:
        report = suppress_report(report, suppress_below)
        if previous is not None:
            previous = suppress_report(previous, suppress_below)
        note = suppression_note(suppress_below)

    commentary = write_commentary(report, previous)
    # The document writes its own sentence per intervention level beside
    # Figure 4, so only the totals and waiting times go in the summary.
    sentences = [*commentary.totals, *commentary.waiting_times]
    document = build_document(
        report, commentary=sentences, suppression_note=note, service_name=service_name
    )
    return AssembledReport(report, document)
