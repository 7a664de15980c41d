"""Finding rows of a records import that repeat a stored enquiry or an earlier row."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

from synthetic_rows import existing_enquiry, new_enquiry

from sendias_tui.export.record_duplicates import DuplicateRow, find_duplicate_rows
from sendias_tui.export.records_csv import RecordRow


def rows(*enquiries):
    """Number the enquiries as rows of a file, from row 2 below the header."""
    return [RecordRow(number, enquiry) for number, enquiry in enumerate(enquiries, start=2)]


def test_stored_copy_found_despite_ids_and_audit():
    enquiry = new_enquiry(date(2023, 7, 3))
    saved = replace(enquiry, id=7, created_at=datetime(2023, 7, 3, 9, 0), created_by="someone")

    found = find_duplicate_rows(rows(enquiry), [saved])

    assert found == [DuplicateRow(2, 7, stored=True)]
    assert str(found[0]) == "Row 2 is the same as record 7 already stored"


def test_one_different_field_is_no_duplicate():
    stored = [new_enquiry(date(2023, 7, 3)).with_id(1)]
    changed = [
        new_enquiry(date(2023, 7, 4)),
        new_enquiry(date(2023, 7, 3), case_ref="C-2"),
        new_enquiry(date(2023, 7, 3), contacts={"Phone": 2}),
        new_enquiry(date(2023, 7, 3), first_advisor_contact=None),
        new_enquiry(date(2023, 7, 3), first_advisor_contact=None, no_advisor_needed=True),
    ]

    assert find_duplicate_rows(rows(*changed), stored) == []


def test_list_order_does_not_matter():
    stored = new_enquiry(
        date(2023, 7, 3),
        additional_sen=("Dyslexia", "SEMH"),
        reasons=("SEN Support", "Bullying"),
        contacts={"Phone": 1, "Email": 2},
    ).with_id(3)
    reordered = replace(
        stored,
        id=None,
        additional_sen=("SEMH", "Dyslexia"),
        reasons=("Bullying", "SEN Support"),
        contacts={"Email": 2, "Phone": 1},
    )

    assert find_duplicate_rows(rows(reordered), [stored]) == [DuplicateRow(2, 3, stored=True)]


def test_repeats_within_file_name_first_row():
    enquiry = existing_enquiry(date(2023, 8, 1))
    other = new_enquiry(date(2023, 8, 1))

    found = find_duplicate_rows(rows(enquiry, other, enquiry, enquiry), [])

    assert found == [DuplicateRow(4, 2, stored=False), DuplicateRow(5, 2, stored=False)]
    assert str(found[0]) == "Row 4 is the same as row 2 of the file"


def test_stored_match_wins_over_earlier_row():
    enquiry = new_enquiry(date(2023, 7, 3))
    stored = [enquiry.with_id(9), enquiry.with_id(4)]

    found = find_duplicate_rows(rows(enquiry, enquiry), stored)

    assert found == [DuplicateRow(2, 4, stored=True), DuplicateRow(3, 4, stored=True)]
