"""Data quality checks run before a quarter's report is published."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from report_records import AFTER_Q3_2023, Q3_2023, existing_enquiry, new_enquiry, report_for

from sendias_tui.domain.quarters import Quarter
from sendias_tui.report.model import ReportRow
from sendias_tui.report.quality import Severity, check_quarter

ALL_Q3_MONTHS = {(2023, 7), (2023, 8), (2023, 9)}


def _saved(enquiries):
    """Give records store-like ids from 1, as the store would."""
    return [enquiry.with_id(index) for index, enquiry in enumerate(enquiries, start=1)]


def _check(categories, enquiries, today=AFTER_Q3_2023, **options):
    report = report_for(categories, enquiries, today=today)
    return check_quarter(Q3_2023, enquiries, report, today=today, **options)


def test_complete_records_have_no_issues(categories):
    enquiries = _saved(
        [
            new_enquiry(date(2023, 7, 3)),
            existing_enquiry(date(2023, 8, 1)),
            new_enquiry(date(2023, 9, 4)),
        ]
    )

    assert _check(categories, enquiries, months_with_metrics=ALL_Q3_MONTHS) == []


def test_missing_field_names_records_and_table(categories):
    enquiries = _saved(
        [
            new_enquiry(date(2023, 7, 3)),
            new_enquiry(date(2023, 7, 4), gender=None),
            new_enquiry(date(2023, 7, 5), gender="  "),
            # Existing enquiries carry the case's details, so gaps there do not count.
            existing_enquiry(date(2023, 7, 6)),
        ]
    )

    issues = [issue for issue in _check(categories, enquiries) if issue.field == "gender"]

    assert len(issues) == 1
    assert issues[0].severity is Severity.WARNING
    assert issues[0].record_ids == (2, 3)
    assert issues[0].tables == ("Figure 3",)
    assert issues[0].message == (
        '2 new enquiries have no gender: records 2 and 3. Figure 3 shows them as "Not recorded".'
    )


def test_missing_fields_reported_per_field(categories):
    enquiries = _saved(
        [new_enquiry(date(2023, 7, 3), age_group=None, referral_source=None, new_family=None)]
    )

    issues = _check(categories, enquiries)
    by_field = {issue.field: issue for issue in issues}

    assert set(by_field) == {"age_group", "referral_source", "new_family"}
    assert by_field["age_group"].tables == ("Figure 2",)
    assert by_field["referral_source"].message.startswith(
        "1 new enquiry has no referral source: record 1."
    )
    assert "Table 1 does not count it as a new family" in by_field["new_family"].message


def test_long_record_lists_are_shortened(categories):
    enquiries = _saved([new_enquiry(date(2023, 7, 3), ethnicity=None) for _ in range(13)])

    issue = next(issue for issue in _check(categories, enquiries) if issue.field == "ethnicity")

    assert "records 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 and 3 more." in issue.message
    assert issue.record_ids == tuple(range(1, 14))


def test_unsaved_records_are_counted(categories):
    enquiries = [new_enquiry(date(2023, 7, 3), main_sen=None)]

    issue = next(issue for issue in _check(categories, enquiries) if issue.field == "main_sen")

    assert "1 unsaved record." in issue.message
    assert issue.record_ids == ()


def test_table_total_short_explained_by_missing_field(categories):
    enquiries = _saved(
        [new_enquiry(date(2023, 7, 3)), new_enquiry(date(2023, 7, 4), referral_source=None)]
    )
    report = report_for(categories, enquiries)
    # A table typed by hand without a row for the missing value, as in a
    # report that lost track of 18 referrals.
    table = report.table("table4_referral_source")
    kept = tuple(row for row in table.rows if row.label != "Not recorded")
    edited = replace(table, rows=kept, total=ReportRow("Total", (1,)))
    report = replace(
        report, tables=tuple(edited if t.key == table.key else t for t in report.tables)
    )

    issues = check_quarter(Q3_2023, enquiries, report, today=AFTER_Q3_2023)
    totals = [issue for issue in issues if issue.message.startswith("Table 4 totals")]

    assert len(totals) == 1
    assert totals[0].severity is Severity.ERROR
    assert totals[0].message == (
        "Table 4 totals 1 but there are 2 new enquiries: 1 has no referral source "
        "(record 2) and the table has no row for them."
    )
    assert totals[0].record_ids == (2,)


def test_table_total_row_disagreeing_with_rows(categories):
    enquiries = _saved([new_enquiry(date(2023, 7, 3))])
    report = report_for(categories, enquiries)
    table = report.table("table2_main_sen")
    edited = replace(table, total=ReportRow("Total", (5,)))
    report = replace(
        report, tables=tuple(edited if t.key == table.key else t for t in report.tables)
    )

    issues = check_quarter(Q3_2023, enquiries, report, today=AFTER_Q3_2023)
    messages = [issue.message for issue in issues]

    assert "The total row of Table 2 says 5 but its rows add up to 1." in messages


def test_table1_mismatch_reads_singular(categories):
    enquiries = _saved([new_enquiry(date(2023, 7, 3)), new_enquiry(date(2023, 7, 4))])
    report = report_for(categories, enquiries)
    table = report.table("table1_enquiries")
    first, *others = table.rows
    edited = replace(table, rows=(ReportRow(first.label, (1, 0, 0, 1)), *others))
    report = replace(
        report, tables=tuple(edited if t.key == table.key else t for t in report.tables)
    )

    issues = check_quarter(Q3_2023, enquiries, report, today=AFTER_Q3_2023)
    messages = [issue.message for issue in issues]

    assert any(
        message.startswith("Table 1 counts 1 new enquiry but the other tables count 2.")
        for message in messages
    ), messages


def test_repeated_rows_are_errors(categories):
    enquiries = _saved([new_enquiry(date(2023, 7, 3))])
    report = report_for(categories, enquiries)
    table = report.table("table3_ethnicity")
    edited = replace(table, rows=table.rows + table.rows[:2])
    report = replace(
        report, tables=tuple(edited if t.key == table.key else t for t in report.tables)
    )

    issues = check_quarter(Q3_2023, enquiries, report, today=AFTER_Q3_2023)
    repeated = [issue for issue in issues if "more than once" in issue.message]

    assert len(repeated) == 1
    assert repeated[0].tables == ("Table 3",)
    assert repeated[0].severity is Severity.ERROR


def test_report_from_other_records_is_error(categories):
    enquiries = _saved([new_enquiry(date(2023, 7, 3)), new_enquiry(date(2023, 7, 4))])
    stale = report_for(categories, enquiries[:1])

    issues = check_quarter(Q3_2023, enquiries, stale, today=AFTER_Q3_2023)

    assert issues[0].message.startswith("The report counts 1 new enquiry but the records hold 2")


def test_report_for_other_quarter_is_error(categories):
    report = report_for(categories, [], quarter=Quarter(2023, 2))

    issues = check_quarter(Q3_2023, [], report, today=AFTER_Q3_2023)

    assert issues[0].message.startswith("The report is for 2023-Q2, not 2023-Q3.")
    assert any("does not name 2023-Q3" in issue.message for issue in issues)


def test_reasons_without_ehcp_answer(categories):
    enquiries = _saved(
        [
            new_enquiry(date(2023, 7, 3), ehcp=None, reasons=("Transport",)),
            new_enquiry(date(2023, 7, 4), ehcp=None, reasons=()),
        ]
    )

    issues = _check(categories, enquiries)
    ehcp = [issue for issue in issues if issue.field == "ehcp"]
    no_reason = [issue for issue in issues if issue.field == "reasons"]

    assert len(ehcp) == 1
    assert ehcp[0].severity is Severity.ERROR
    assert ehcp[0].record_ids == (1,)
    assert ehcp[0].tables == ("Table 8", "Table 9")
    assert len(no_reason) == 1
    assert no_reason[0].record_ids == (2,)
    assert no_reason[0].severity is Severity.WARNING


def test_errors_listed_before_warnings(categories):
    enquiries = _saved(
        [
            new_enquiry(date(2023, 7, 3), gender=None),
            new_enquiry(date(2023, 7, 4), ehcp=None),
        ]
    )

    severities = [issue.severity for issue in _check(categories, enquiries)]

    assert severities == sorted(severities, key=lambda severity: severity is not Severity.ERROR)
    assert severities[0] is Severity.ERROR


def test_open_wait_past_service_level(categories):
    # Received on Monday 25 September; by Friday 29 September it has waited
    # 4 working days. The other waited 3, which is within the service level.
    enquiries = _saved(
        [
            new_enquiry(date(2023, 9, 25), first_advisor_contact=None),
            new_enquiry(date(2023, 9, 26), first_advisor_contact=None),
            new_enquiry(date(2023, 9, 18), first_advisor_contact=None, no_advisor_needed=True),
            existing_enquiry(date(2023, 9, 1)),
        ]
    )

    issues = _check(categories, enquiries, today=date(2023, 9, 29))
    waiting = [issue for issue in issues if issue.field == "first_advisor_contact"]

    assert len(waiting) == 1
    assert waiting[0].record_ids == (1,)
    assert waiting[0].tables == ("Table 5",)
    assert "by 29 September 2023" in waiting[0].message
    assert "recorded: record 1 (4 working days)." in waiting[0].message


def test_open_wait_skips_bank_holiday(categories):
    # Friday 25 August 2023 to Wednesday 30 August 2023 crosses the bank
    # holiday on Monday 28 August: 2 working days, not 3.
    enquiries = _saved([new_enquiry(date(2023, 8, 25), first_advisor_contact=None)])

    issues = _check(categories, enquiries, today=date(2023, 8, 30))

    assert not [issue for issue in issues if issue.field == "first_advisor_contact"]


def test_contact_before_received_is_error(categories):
    enquiries = _saved(
        [new_enquiry(date(2023, 7, 10), first_advisor_contact=date(2023, 7, 7))]
    )

    issues = _check(categories, enquiries)
    issues = [issue for issue in issues if issue.field == "first_advisor_contact"]

    assert len(issues) == 1
    assert issues[0].severity is Severity.ERROR
    assert "dated before the enquiry was received: record 1." in issues[0].message


def test_metrics_check_skipped_without_months(categories):
    issues = _check(categories, [])

    assert not [issue for issue in issues if "service metrics" in issue.message]


def test_months_without_metrics_listed(categories):
    issues = _check(categories, [], months_with_metrics={(2023, 8)})
    metrics = [issue for issue in issues if "service metrics" in issue.message]

    assert len(metrics) == 1
    assert metrics[0].message.startswith(
        "No service metrics have been entered for July 2023 and September 2023,"
    )
    assert "Figure 5" in metrics[0].tables


def test_running_month_needs_no_metrics(categories):
    issues = _check(
        categories, [], today=date(2023, 9, 15), months_with_metrics={(2023, 7), (2023, 8)}
    )

    assert not [issue for issue in issues if "service metrics" in issue.message]
    assert any(issue.message.startswith("2023-Q3 runs until 30 September 2023") for issue in issues)


def test_records_outside_quarter_ignored(categories):
    enquiries = _saved(
        [new_enquiry(date(2023, 6, 30), gender=None), new_enquiry(date(2023, 10, 1), gender=None)]
    )

    assert _check(categories, enquiries) == []
