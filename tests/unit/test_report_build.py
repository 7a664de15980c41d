"""The report as a whole: table order, quarter filtering and report notes."""

from __future__ import annotations

from datetime import date

from report_records import existing_enquiry, new_enquiry, report_for

from sendias_tui.domain.quarters import Quarter, QuarterScheme

TABLE_ORDER = [
    ("table1_enquiries", "Table 1"),
    ("figure2_age_group", "Figure 2"),
    ("table2_main_sen", "Table 2"),
    ("table3_ethnicity", "Table 3"),
    ("figure3_gender", "Figure 3"),
    ("table4_referral_source", "Table 4"),
    ("table5_waiting_times", "Table 5"),
    ("table6_postal_district", "Table 6"),
    ("figure4_intervention_level", "Figure 4"),
    ("table7_contacts", "Table 7"),
    ("table8_reasons_ehcp", "Table 8"),
    ("table9_reasons_no_ehcp", "Table 9"),
]


def test_report_tables_in_published_order(categories):
    report = report_for(categories, [])

    assert [(table.key, table.number) for table in report.tables] == TABLE_ORDER


def test_report_titles_name_quarter(categories):
    report = report_for(categories, [])

    for table in report.tables:
        assert table.title.endswith(", 2023-Q3"), table.title


def test_report_filters_financial_quarter(categories):
    quarter = Quarter(2023, 2, QuarterScheme.FINANCIAL)
    enquiries = [
        new_enquiry(date(2023, 7, 3), main_sen="SEMH"),
        new_enquiry(date(2023, 9, 29), main_sen="SEMH"),
        new_enquiry(date(2023, 6, 30), main_sen="SEMH"),
        new_enquiry(date(2023, 10, 2), main_sen="SEMH"),
        existing_enquiry(date(2023, 8, 1)),
    ]

    report = report_for(categories, enquiries, quarter=quarter, today=date(2023, 10, 9))

    assert report.quarter == quarter
    assert report.new_enquiries == 2
    assert report.table("table2_main_sen").row("SEMH").values == (2,)
    assert report.table("table7_contacts").total.values == (3,)
    assert report.notes == ()


def test_report_notes_unfinished_quarter(categories):
    report = report_for(categories, [new_enquiry(date(2023, 8, 1))], today=date(2023, 8, 15))

    assert report.notes == (
        "2023-Q3 runs to 30/09/2023, so these figures cover only records up to 15/08/2023.",
    )


def test_report_demographic_totals_match_new(categories):
    enquiries = [new_enquiry(date(2023, 7, day)) for day in (3, 4, 5)]
    enquiries.append(existing_enquiry(date(2023, 7, 6)))

    report = report_for(categories, enquiries)

    for key in (
        "figure2_age_group",
        "table2_main_sen",
        "table3_ethnicity",
        "figure3_gender",
        "table4_referral_source",
        "table6_postal_district",
    ):
        assert report.table(key).total.values == (report.new_enquiries,), key
