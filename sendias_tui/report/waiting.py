"""Table 5: how long new enquiries waited to speak to an advisor."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from sendias_tui.domain.enquiry import Enquiry
from sendias_tui.domain.quarters import Quarter
from sendias_tui.domain.working_days import working_days_between
from sendias_tui.report.model import ReportRow, ReportTable

WAIT_LIMIT = 3
"""Working days within which the service aims to respond (its service level agreement sets 2-3)."""

COLUMNS = (
    "Month",
    "Spoke to an advisor",
    f"Waited more than {WAIT_LIMIT} working days",
    "Average wait (working days)",
    "Shortest wait",
    "Longest wait",
    "Still waiting",
)

MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December",
)  # fmt: skip
"""English month names, fixed so the report does not follow the system locale."""


@dataclass(frozen=True)
class _Waits:
    """Waiting figures for one group of new enquiries."""

    days: tuple[int, ...]
    still_waiting: int
    overdue_still_waiting: int
    """Still waiting and already past the limit on the report date."""
    contact_before_received: int
    """Records whose first contact date is before the date received, left out."""

    def row(self, label: str) -> ReportRow:
        if not self.days:
            return ReportRow(label, (0, 0, None, None, None, self.still_waiting))
        return ReportRow(
            label,
            (
                len(self.days),
                sum(1 for days in self.days if days > WAIT_LIMIT),
                average_one_decimal(self.days),
                min(self.days),
                max(self.days),
                self.still_waiting,
            ),
        )


def average_one_decimal(values: Sequence[int]) -> float:
    """Average ``values`` rounded half up to one decimal place, as people round by hand.

    Python's ``round`` rounds halves to even and works on binary floats, so
    it would print 5.25 as 5.2.
    """
    mean = Decimal(sum(values)) / Decimal(len(values))
    return float(mean.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def _measure(enquiries: Sequence[Enquiry], today: date) -> _Waits:
    days: list[int] = []
    still_waiting = 0
    overdue = 0
    contact_before_received = 0
    for enquiry in enquiries:
        if enquiry.no_advisor_needed:
            continue
        if enquiry.first_advisor_contact is None:
            still_waiting += 1
            if (
                today >= enquiry.date_received
                and working_days_between(enquiry.date_received, today) > WAIT_LIMIT
            ):
                overdue += 1
            continue
        if enquiry.first_advisor_contact < enquiry.date_received:
            contact_before_received += 1
            continue
        days.append(working_days_between(enquiry.date_received, enquiry.first_advisor_contact))
    return _Waits(tuple(days), still_waiting, overdue, contact_before_received)


def waiting_times_table(
    quarter: Quarter, new_enquiries: Sequence[Enquiry], today: date
) -> ReportTable:
    """Build Table 5 from the quarter's new enquiries, one row per month received.

    Waiting time is counted in working days (Monday to Friday, less bank
    holidays in England) from the date received to the first conversation
    with an advisor. Enquiries that needed no advisor are left out. Those
    with no first contact yet count as still waiting, not as a wait of any length.

    Args:
        quarter: the quarter reported on, which decides the month rows.
        new_enquiries: the quarter's new enquiries.
        today: the report date, for counting how many still-waiting
            enquiries are already past the limit.
    """
    rows = []
    for year, month in quarter.months:
        in_month = [
            enquiry
            for enquiry in new_enquiries
            if (enquiry.date_received.year, enquiry.date_received.month) == (year, month)
        ]
        rows.append(_measure(in_month, today).row(MONTH_NAMES[month - 1]))
    whole = _measure(new_enquiries, today)

    notes = []
    if whole.overdue_still_waiting:
        notes.append(
            f"Enquiries still waiting that had waited more than {WAIT_LIMIT} working days "
            f"by {today:%d/%m/%Y}: {whole.overdue_still_waiting}."
        )
    if whole.contact_before_received:
        notes.append(
            "Enquiries left out because the first contact with an advisor is dated "
            f"before the enquiry was received: {whole.contact_before_received}."
        )
    return ReportTable(
        key="table5_waiting_times",
        number="Table 5",
        title=f"Working days new enquiries waited to speak to an advisor, {quarter.code}",
        columns=COLUMNS,
        rows=tuple(rows),
        total=whole.row("Quarter"),
        notes=tuple(notes),
    )
