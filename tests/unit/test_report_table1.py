"""Table 1: enquiries, professionals and redirected calls by month."""

from __future__ import annotations

from datetime import date

from report_records import existing_enquiry, new_enquiry, report_for, retire, values_by_label

from sendias_tui.domain.enquiry import RedirectedCall, RedirectKind
from sendias_tui.domain.quarters import Quarter, QuarterScheme


def _quarter_records():
    enquiries = [
        new_enquiry(date(2023, 7, 3), new_family=True),
        new_enquiry(date(2023, 7, 20)),
        existing_enquiry(date(2023, 7, 21), enquirer="Professional (health)"),
        new_enquiry(date(2023, 8, 9), enquirer="Professional (education)"),
        existing_enquiry(date(2023, 9, 29), enquirer="professional (EDUCATION)"),
        # Outside the quarter, on both sides.
        new_enquiry(date(2023, 6, 30), enquirer="Professional (health)"),
        existing_enquiry(date(2023, 10, 1)),
    ]
    redirects = [
        RedirectedCall(date(2023, 7, 4), RedirectKind.SENAT, 3),
        RedirectedCall(date(2023, 9, 1), RedirectKind.SENAT, 2),
        RedirectedCall(date(2023, 8, 15), RedirectKind.OUT_OF_AREA),
        RedirectedCall(date(2023, 10, 2), RedirectKind.SENAT, 9),
    ]
    return enquiries, redirects


def test_table1_columns_name_months(categories):
    table = report_for(categories, []).table("table1_enquiries")

    assert table.number == "Table 1"
    assert table.columns == ("Enquiry type", "July", "August", "September", "Total for quarter")
    assert "2023-Q3" in table.title
    assert table.total is None


def test_table1_rows_in_published_order(categories):
    table = report_for(categories, []).table("table1_enquiries")

    assert [row.label for row in table.rows] == [
        "New enquiries (previous users and new families)",
        "Existing open casework",
        "New families or young people new to SENDIAS",
        "Total enquiries (new and existing casework)",
        "Professionals (health)",
        "Professionals (education)",
        "Professionals (social care)",
        "Professionals (other)",
        "Calls or emails for SENAT",
        "Calls or emails transferred to another SENDIAS service",
    ]


def test_table1_splits_months_and_totals(categories):
    enquiries, redirects = _quarter_records()
    rows = values_by_label(report_for(categories, enquiries, redirects), "table1_enquiries")

    assert rows["New enquiries (previous users and new families)"] == (2, 1, 0, 3)
    assert rows["Existing open casework"] == (1, 0, 1, 2)
    assert rows["New families or young people new to SENDIAS"] == (1, 0, 0, 1)
    assert rows["Total enquiries (new and existing casework)"] == (3, 1, 1, 5)


def test_table1_professionals_count_new_and_existing(categories):
    enquiries, redirects = _quarter_records()
    rows = values_by_label(report_for(categories, enquiries, redirects), "table1_enquiries")

    assert rows["Professionals (health)"] == (1, 0, 0, 1)
    assert rows["Professionals (education)"] == (0, 1, 1, 2)
    assert rows["Professionals (social care)"] == (0, 0, 0, 0)
    assert rows["Professionals (other)"] == (0, 0, 0, 0)


def test_table1_redirected_calls_sum_counts(categories):
    enquiries, redirects = _quarter_records()
    rows = values_by_label(report_for(categories, enquiries, redirects), "table1_enquiries")

    assert rows["Calls or emails for SENAT"] == (3, 0, 2, 5)
    assert rows["Calls or emails transferred to another SENDIAS service"] == (0, 1, 0, 1)


def test_table1_financial_quarter_crosses_year(categories):
    quarter = Quarter(2023, 4, QuarterScheme.FINANCIAL)
    enquiries = [
        new_enquiry(date(2024, 1, 15)),
        new_enquiry(date(2024, 3, 28)),
        existing_enquiry(date(2024, 3, 1)),
        # January 2023 is in financial year 2022/23, so it is not counted.
        new_enquiry(date(2023, 1, 16)),
        new_enquiry(date(2024, 4, 2)),
    ]
    redirects = [RedirectedCall(date(2024, 2, 5), RedirectKind.SENAT, 4)]

    report = report_for(categories, enquiries, redirects, quarter=quarter, today=date(2024, 4, 10))
    table = report.table("table1_enquiries")
    rows = values_by_label(report, "table1_enquiries")

    assert table.columns == ("Enquiry type", "January", "February", "March", "Total for quarter")
    assert "2023-Q4" in table.title
    assert rows["New enquiries (previous users and new families)"] == (1, 0, 1, 2)
    assert rows["Existing open casework"] == (0, 0, 1, 1)
    assert rows["Calls or emails for SENAT"] == (0, 4, 0, 4)
    assert report.new_enquiries == 2


def test_table1_financial_q1_is_april_to_june(categories):
    quarter = Quarter(2023, 1, QuarterScheme.FINANCIAL)
    enquiries = [
        new_enquiry(date(2023, 3, 31)),
        new_enquiry(date(2023, 4, 3)),
        new_enquiry(date(2023, 6, 30)),
        new_enquiry(date(2023, 7, 3)),
    ]

    report = report_for(categories, enquiries, quarter=quarter, today=date(2023, 7, 10))
    table = report.table("table1_enquiries")

    assert table.columns[1:4] == ("April", "May", "June")
    assert table.row("New enquiries (previous users and new families)").values == (1, 0, 1, 2)


def test_table1_retired_professional_row_only_when_used(categories):
    retired = retire(categories, "enquirer", "Professional (other)")

    unused = report_for(retired, [new_enquiry(date(2023, 7, 3))]).table("table1_enquiries")
    used = report_for(
        retired, [existing_enquiry(date(2023, 8, 3), enquirer="Professional (other)")]
    ).table("table1_enquiries")

    assert "Professionals (other)" not in [row.label for row in unused.rows]
    assert used.row("Professionals (other)").values == (0, 1, 0, 1)
