"""Table 5: working days new enquiries waited to speak to an advisor."""

from __future__ import annotations

from datetime import date

from report_records import existing_enquiry, new_enquiry, report_for, values_by_label

from sendias_tui.domain.quarters import Quarter
from sendias_tui.report.waiting import average_one_decimal


def _answered(received: date, first_contact: date):
    return new_enquiry(received, first_advisor_contact=first_contact)


def _q3_records():
    return [
        # July: waits of 0 and 5 working days, one still waiting, one needing no advisor.
        _answered(date(2023, 7, 3), date(2023, 7, 3)),
        _answered(date(2023, 7, 10), date(2023, 7, 17)),
        new_enquiry(date(2023, 7, 31), first_advisor_contact=None),
        new_enquiry(date(2023, 7, 12), first_advisor_contact=None, no_advisor_needed=True),
        # Existing casework has no waiting time in this table.
        existing_enquiry(date(2023, 7, 5), first_advisor_contact=date(2023, 7, 28)),
        # August: Friday to Monday is 1 working day. Monday 28 August 2023 was
        # the summer bank holiday, so Thursday to Thursday is 4, not 5.
        _answered(date(2023, 8, 4), date(2023, 8, 7)),
        _answered(date(2023, 8, 24), date(2023, 8, 31)),
        _answered(date(2023, 8, 25), date(2023, 8, 31)),
    ]


def test_waiting_columns_and_months(categories):
    table = report_for(categories, []).table("table5_waiting_times")

    assert table.number == "Table 5"
    assert table.columns == (
        "Month",
        "Spoke to an advisor",
        "Waited more than 3 working days",
        "Average wait (working days)",
        "Shortest wait",
        "Longest wait",
        "Still waiting",
    )
    assert [row.label for row in table.rows] == ["July", "August", "September"]
    assert table.total.label == "Quarter"


def test_waiting_rows_per_month(categories):
    rows = values_by_label(report_for(categories, _q3_records()), "table5_waiting_times")

    assert rows["July"] == (2, 1, 2.5, 0, 5, 1)
    assert rows["August"] == (3, 1, 2.7, 1, 4, 0)


def test_waiting_empty_month_has_no_average(categories):
    rows = values_by_label(report_for(categories, _q3_records()), "table5_waiting_times")

    assert rows["September"] == (0, 0, None, None, None, 0)


def test_waiting_quarter_row(categories):
    table = report_for(categories, _q3_records()).table("table5_waiting_times")

    assert table.total.values == (5, 2, 2.6, 0, 5, 1)


def test_waiting_skips_coronation_bank_holiday(categories):
    # Friday 5 May 2023 to Tuesday 9 May: the weekend and the coronation bank
    # holiday on Monday 8 May leave 1 working day.
    enquiries = [_answered(date(2023, 5, 5), date(2023, 5, 9))]

    report = report_for(categories, enquiries, quarter=Quarter(2023, 2), today=date(2023, 7, 3))
    rows = values_by_label(report, "table5_waiting_times")

    assert rows["May"] == (1, 0, 1.0, 1, 1, 0)


def test_waiting_notes_overdue_still_waiting(categories):
    enquiries = [
        new_enquiry(date(2023, 9, 25), first_advisor_contact=None),
        new_enquiry(date(2023, 9, 29), first_advisor_contact=None),
    ]

    table = report_for(categories, enquiries, today=date(2023, 10, 2)).table(
        "table5_waiting_times"
    )

    assert table.row("September").values[-1] == 2
    assert (
        "Enquiries still waiting that had waited more than 3 working days by 02/10/2023: 1."
        in table.notes
    )


def test_waiting_skips_contact_before_received(categories):
    enquiries = [_answered(date(2023, 7, 10), date(2023, 7, 7))]

    table = report_for(categories, enquiries).table("table5_waiting_times")

    assert table.row("July").values == (0, 0, None, None, None, 0)
    assert any("dated before the enquiry was received: 1." in note for note in table.notes)


def test_average_rounds_half_up():
    assert average_one_decimal([5, 5, 5, 6]) == 5.3
    assert average_one_decimal([0, 1]) == 0.5
    assert average_one_decimal([1, 2, 2]) == 1.7
    assert average_one_decimal([4]) == 4.0
