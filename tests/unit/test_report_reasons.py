"""Tables 8 and 9: reasons for enquiry, with and without an EHC plan."""

from __future__ import annotations

from datetime import date

from report_records import existing_enquiry, new_enquiry, report_for

JULY = date(2023, 7, 10)


def _records():
    return [
        new_enquiry(JULY, ehcp=True, reasons=("Transport", "Admissions")),
        new_enquiry(JULY, ehcp=True, reasons=("transport",)),
        new_enquiry(JULY, ehcp=False, reasons=("SEN Support", "Complaints School")),
        new_enquiry(JULY, ehcp=False, reasons=("SEN Support",)),
        existing_enquiry(JULY, ehcp=True, reasons=("Transport",)),
    ]


def test_ehcp_reasons_count_once_per_reason(categories):
    table = report_for(categories, _records()).table("table8_reasons_ehcp")

    assert table.number == "Table 8"
    assert table.columns == ("Reason for enquiry (with an EHC plan)", "New enquiries")
    assert table.row("Transport").values == (2,)
    assert table.row("Admissions").values == (1,)
    assert table.row("Annual Review Support").values == (0,)
    assert table.total.values == (3,)


def test_no_ehcp_reasons_count_once_per_reason(categories):
    table = report_for(categories, _records()).table("table9_reasons_no_ehcp")

    assert table.number == "Table 9"
    assert table.columns == ("Reason for enquiry (without an EHC plan)", "New enquiries")
    assert table.row("SEN Support").values == (2,)
    assert table.row("Complaints school").values == (1,)
    assert table.total.values == (3,)


def test_reason_lists_zeros_in_order(categories):
    report = report_for(categories, [])

    ehcp_labels = [row.label for row in report.table("table8_reasons_ehcp").rows]
    no_ehcp_labels = [row.label for row in report.table("table9_reasons_no_ehcp").rows]

    assert ehcp_labels == categories.reason_ehcp.active_names
    assert no_ehcp_labels == categories.reason_no_ehcp.active_names


def test_reasons_missing_counts_not_recorded(categories):
    enquiries = [new_enquiry(JULY, ehcp=True, reasons=()), new_enquiry(JULY, ehcp=False)]

    report = report_for(categories, enquiries)
    ehcp = report.table("table8_reasons_ehcp")
    no_ehcp = report.table("table9_reasons_no_ehcp")

    assert ehcp.rows[-1].label == "Not recorded"
    assert ehcp.rows[-1].values == (1,)
    assert "New enquiries with an EHC plan and no reason recorded: 1." in ehcp.notes
    assert "Not recorded" not in [row.label for row in no_ehcp.rows]


def test_reasons_skip_unknown_ehcp_answer(categories):
    enquiries = [new_enquiry(JULY, ehcp=None, reasons=("Transport",)), new_enquiry(JULY)]

    report = report_for(categories, enquiries)
    ehcp = report.table("table8_reasons_ehcp")
    no_ehcp = report.table("table9_reasons_no_ehcp")

    assert ehcp.total.values == (0,)
    assert no_ehcp.total.values == (1,)
    note = (
        "New enquiries left out of Tables 8 and 9 because they do not say "
        "whether there is an EHC plan: 1."
    )
    assert note in ehcp.notes
    assert note in no_ehcp.notes
