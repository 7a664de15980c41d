"""Tables that count records by one category list: Tables 2, 3, 4, 6, 7 and Figures 2, 3."""

from __future__ import annotations

from datetime import date

import pytest
from report_records import existing_enquiry, new_enquiry, report_for, retire, values_by_label

from sendias_tui.report.counting import count_categories

JULY = date(2023, 7, 10)

FIELD_TABLES = [
    ("figure2_age_group", "Figure 2", "Age group", "age_group", "age_group", "16-18"),
    ("table2_main_sen", "Table 2", "Main SEN", "main_sen", "sen", "SEMH - Anxiety"),
    ("table3_ethnicity", "Table 3", "Ethnic group", "ethnicity", "ethnicity", "White - Irish"),
    ("figure3_gender", "Figure 3", "Gender", "gender", "gender", "Male"),
    ("table4_referral_source", "Table 4", "Referral source", "referral_source",
     "referral_source", "School SENCO"),
    ("table6_postal_district", "Table 6", "Postal district", "postal_district",
     "postal_district", "Lewsey"),
]  # fmt: skip


@pytest.mark.parametrize(("key", "number", "heading", "field", "list_key", "value"), FIELD_TABLES)
def test_field_table_counts_new_enquiries(categories, key, number, heading, field, list_key, value):
    enquiries = [
        new_enquiry(JULY, **{field: value}),
        new_enquiry(date(2023, 9, 1), **{field: value}),
        existing_enquiry(JULY, **{field: value}),
        new_enquiry(date(2023, 10, 2), **{field: value}),
    ]

    table = report_for(categories, enquiries).table(key)

    assert table.number == number
    assert table.columns == (heading, "New enquiries")
    assert table.title.endswith(", 2023-Q3")
    assert table.row(value).values == (2,)
    assert table.total is not None
    assert table.total.label == "Total"
    assert table.total.values == (2,)


@pytest.mark.parametrize(("key", "number", "heading", "field", "list_key", "value"), FIELD_TABLES)
def test_field_table_lists_zeros_in_order(categories, key, number, heading, field, list_key, value):
    table = report_for(categories, []).table(key)

    assert [row.label for row in table.rows] == categories[list_key].active_names
    assert all(row.values == (0,) for row in table.rows)
    assert table.total.values == (0,)


def test_main_sen_matches_case_and_spacing(categories):
    enquiries = [new_enquiry(JULY, main_sen="asd"), new_enquiry(JULY, main_sen="  ASD ")]

    rows = values_by_label(report_for(categories, enquiries), "table2_main_sen")

    assert rows["ASD"] == (2,)
    assert "asd" not in rows


def test_retired_category_shown_only_when_used(categories):
    unused = report_for(categories, [new_enquiry(JULY, main_sen="ASD")])
    used = report_for(categories, [new_enquiry(JULY, main_sen="Autism")])

    unused_labels = [row.label for row in unused.table("table2_main_sen").rows]
    used_labels = [row.label for row in used.table("table2_main_sen").rows]
    assert "Autism" not in unused_labels
    assert used_labels[:3] == ["ADD/ADHD", "Autism", "ASD"]
    assert used.table("table2_main_sen").row("Autism").values == (1,)


def test_retired_district_keeps_configured_place(categories):
    retired = retire(categories, "postal_district", "Biscot")

    report = report_for(retired, [new_enquiry(JULY, postal_district="Biscot")])
    labels = [row.label for row in report.table("table6_postal_district").rows]

    assert labels.index("Biscot") == categories.postal_district.names.index("Biscot")


def test_not_recorded_row_only_when_missing(categories):
    complete = report_for(categories, [new_enquiry(JULY)])
    missing = report_for(
        categories,
        [new_enquiry(JULY), new_enquiry(JULY, ethnicity=None), new_enquiry(JULY, ethnicity=" ")],
    )

    complete_table = complete.table("table3_ethnicity")
    missing_table = missing.table("table3_ethnicity")
    assert "Not recorded" not in [row.label for row in complete_table.rows]
    assert complete_table.notes == ()
    assert missing_table.rows[-1].label == "Not recorded"
    assert missing_table.rows[-1].values == (2,)
    assert missing_table.total.values == (3,)
    assert "New enquiries with no ethnic group recorded: 2." in missing_table.notes


def test_unlisted_value_gets_own_row(categories):
    enquiries = [
        new_enquiry(JULY, main_sen="Selective mutism"),
        new_enquiry(JULY, main_sen="selective  MUTISM"),
        new_enquiry(JULY, main_sen="[urgent]"),
        new_enquiry(JULY, main_sen=None),
    ]

    table = report_for(categories, enquiries).table("table2_main_sen")
    labels = [row.label for row in table.rows]
    configured = len(categories.sen.active_names)

    assert labels[configured:] == ["[urgent]", "Selective mutism", "Not recorded"]
    assert table.row("Selective mutism").values == (2,)
    assert table.total.values == (4,)
    assert "Not in the current main SEN list: '[urgent]', 'Selective mutism'." in table.notes


def test_count_categories_no_repeated_rows(categories):
    counts = {"ASD": 1, "asd": 2, "Unknown": 1, None: 1, "": 1}

    result = count_categories(categories.sen, counts)
    labels = [row.label for row in result.rows]

    assert len(labels) == len(set(labels))
    assert result.total.values == (6,)
    assert result.not_recorded == 2


def test_contacts_sum_new_and_existing(categories):
    enquiries = [
        new_enquiry(JULY, contacts={"Phone": 2, "Email": 1}),
        existing_enquiry(date(2023, 8, 1), contacts={"phone": 3, "Text": 1}),
        existing_enquiry(date(2023, 10, 2), contacts={"Phone": 50}),
    ]

    table = report_for(categories, enquiries).table("table7_contacts")

    assert table.number == "Table 7"
    assert table.columns == ("Contact method", "Contacts")
    assert [row.label for row in table.rows] == categories.contact_method.active_names
    assert table.row("Phone").values == (5,)
    assert table.row("Email").values == (1,)
    assert table.row("Text").values == (1,)
    assert table.row("Office Visit").values == (0,)
    assert table.total.values == (7,)
    assert table.notes == ()


def test_contacts_note_enquiries_without_contacts(categories):
    enquiries = [new_enquiry(JULY), existing_enquiry(JULY, contacts={})]

    table = report_for(categories, enquiries).table("table7_contacts")

    assert "Not recorded" not in [row.label for row in table.rows]
    assert table.total.values == (1,)
    assert "Enquiries with no contacts recorded: 1." in table.notes
