"""Reading and writing enquiry records in the CSV interchange format."""

from __future__ import annotations

import stat
from datetime import date
from pathlib import Path

import pytest
from synthetic_rows import EXISTING_ROW, NEW_ROW, csv_text

from sendias_tui.domain.categories import Categories
from sendias_tui.domain.enquiry import Enquiry, EnquiryType
from sendias_tui.export.records_csv import (
    COLUMNS,
    RecordsImportError,
    RowError,
    format_records,
    parse_records,
    read_records,
    write_records,
)

TODAY = date(2024, 1, 31)


def rejection(text: str, categories: Categories) -> RecordsImportError:
    with pytest.raises(RecordsImportError) as caught:
        parse_records(text, categories, today=TODAY)
    return caught.value


def error_at(error: RecordsImportError, row: int, column: str) -> RowError:
    matches = [item for item in error.errors if item.row == row and item.column == column]
    assert matches, f"no error at row {row}, column {column}: {[str(item) for item in error.errors]}"
    return matches[0]


def test_new_enquiry_row_parses_every_field(categories):
    [enquiry] = parse_records(csv_text([NEW_ROW]), categories, today=TODAY)

    assert enquiry.date_received == date(2023, 7, 14)
    assert enquiry.enquiry_type is EnquiryType.NEW
    assert enquiry.case_ref == "C-001"
    assert enquiry.advisor == "AB"
    assert enquiry.enquirer == "Parent/carer"
    assert enquiry.new_family is True
    assert enquiry.age_group == "5-10"
    assert enquiry.gender == "Female"
    assert enquiry.ethnicity == "White - British"
    assert enquiry.postal_district == "Biscot"
    assert enquiry.main_sen == "Autism"
    assert enquiry.additional_sen == ("Dyslexia", "ADD/ADHD")
    assert enquiry.referral_source == "Google"
    assert enquiry.ehcp is False
    assert enquiry.reasons == ("SEN Support", "Bullying")
    assert enquiry.intervention_level == 2
    assert enquiry.contacts == {"Phone": 3, "Email": 2}
    assert enquiry.first_advisor_contact == date(2023, 7, 17)
    assert enquiry.no_advisor_needed is False


def test_existing_row_with_none_needs_no_advisor(categories):
    [enquiry] = parse_records(csv_text([EXISTING_ROW]), categories, today=TODAY)

    assert enquiry.enquiry_type is EnquiryType.EXISTING
    assert enquiry.no_advisor_needed is True
    assert enquiry.first_advisor_contact is None
    assert enquiry.age_group is None
    assert enquiry.new_family is None
    assert enquiry.intervention_level is None


def test_empty_first_contact_means_still_waiting(categories):
    row = NEW_ROW | {"first_advisor_contact": ""}

    [enquiry] = parse_records(csv_text([row]), categories, today=TODAY)

    assert enquiry.first_advisor_contact is None
    assert enquiry.no_advisor_needed is False


def test_bom_uk_dates_and_any_case(categories):
    row = NEW_ROW | {
        "date": "14/07/2023",
        "first_advisor_contact": "17/07/2023",
        "enquiry_type": "NEW",
        "new_family": "Yes",
        "ehcp": "NO",
        "gender": "  female ",
        "main_sen": "AUTISM",
        "reasons": "sen support; BULLYING",
        "contacts": "phone:3; EMAIL:2",
    }
    text = "\ufeff" + csv_text([row])

    [enquiry] = parse_records(text, categories, today=TODAY)

    assert enquiry.date_received == date(2023, 7, 14)
    assert enquiry.first_advisor_contact == date(2023, 7, 17)
    assert enquiry.gender == "Female"
    assert enquiry.main_sen == "Autism"
    assert enquiry.reasons == ("SEN Support", "Bullying")
    assert enquiry.contacts == {"Phone": 3, "Email": 2}


def test_columns_in_any_order_and_case(categories):
    columns = [column.upper() for column in reversed(COLUMNS)]
    row = {column.upper(): value for column, value in NEW_ROW.items()}

    [enquiry] = parse_records(csv_text([row], columns), categories, today=TODAY)

    assert enquiry.main_sen == "Autism"
    assert enquiry.date_received == date(2023, 7, 14)


def test_bad_rows_name_row_column_and_value(categories):
    rows = [
        NEW_ROW,
        NEW_ROW | {"ethnicity": "Martian", "new_family": "maybe"},
        EXISTING_ROW,
        EXISTING_ROW | {"date": "31/02/2023", "intervention_level": "7", "contacts": "Phone:x"},
    ]

    error = rejection(csv_text(rows), categories)

    assert {item.row for item in error.errors} == {3, 5}
    ethnicity = error_at(error, 3, "ethnicity")
    assert ethnicity.value == "Martian"
    assert "White - British" in ethnicity.message
    assert error_at(error, 3, "new_family").value == "maybe"
    assert "yes or no" in error_at(error, 3, "new_family").message
    assert error_at(error, 5, "date").value == "31/02/2023"
    assert "not a real date" in error_at(error, 5, "date").message
    assert error_at(error, 5, "intervention_level").value == "7"
    assert "1, 2, 3, 4" in error_at(error, 5, "intervention_level").message
    assert error_at(error, 5, "contacts").value == "Phone:x"


def test_rejection_message_lists_every_problem(categories):
    rows = [NEW_ROW | {"ethnicity": "Martian"}, NEW_ROW | {"gender": "Robot"}]

    message = str(rejection(csv_text(rows), categories))

    assert "Nothing was imported" in message
    assert "2 rows are invalid" in message
    assert "Row 2, column ethnicity, value 'Martian'" in message
    assert "Row 3, column gender, value 'Robot'" in message


def test_one_bad_list_value_is_named(categories):
    row = NEW_ROW | {"additional_sen": "Dyslexia;Telepathy"}

    error = rejection(csv_text([row]), categories)

    assert error_at(error, 2, "additional_sen").value == "Telepathy"


def test_main_sen_repeated_as_additional_named(categories):
    row = NEW_ROW | {"main_sen": "Dyslexia", "additional_sen": "ADD/ADHD;DYSLEXIA"}

    error = rejection(csv_text([row]), categories)

    found = error_at(error, 2, "additional_sen")
    assert found.value == "DYSLEXIA"
    assert "already the main SEN" in found.message


def test_reason_must_fit_ehcp_answer(categories):
    row = NEW_ROW | {"ehcp": "yes", "reasons": "SEN Support"}

    error = rejection(csv_text([row]), categories)

    assert "with an EHC plan" in error_at(error, 2, "reasons").message


def test_unreadable_ehcp_hides_reason_errors(categories):
    row = NEW_ROW | {"ehcp": "perhaps", "reasons": "EHCP review"}

    error = rejection(csv_text([row]), categories)

    assert error_at(error, 2, "ehcp").value == "perhaps"
    assert [item.column for item in error.errors] == ["ehcp"]


def test_unparsed_cell_not_also_missing(categories):
    row = NEW_ROW | {"new_family": "maybe"}

    error = rejection(csv_text([row]), categories)

    assert len(error.errors) == 1


def test_missing_required_values_on_new(categories):
    row = NEW_ROW | {"age_group": "", "advisor": "", "date": "", "enquiry_type": "new"}

    error = rejection(csv_text([row]), categories)

    assert "missing" in error_at(error, 2, "age_group").message
    assert "missing" in error_at(error, 2, "advisor").message
    assert "missing" in error_at(error, 2, "date").message


def test_future_date_rejected(categories):
    row = NEW_ROW | {"date": "2024-02-01", "first_advisor_contact": ""}

    error = rejection(csv_text([row]), categories)

    assert "in the future" in error_at(error, 2, "date").message


def test_first_contact_before_date_rejected(categories):
    row = NEW_ROW | {"first_advisor_contact": "13/07/2023"}

    error = rejection(csv_text([row]), categories)

    first_contact = error_at(error, 2, "first_advisor_contact")
    assert first_contact.value == "13/07/2023"
    assert "before the date received" in first_contact.message


def test_bad_first_contact_explains_none(categories):
    row = NEW_ROW | {"first_advisor_contact": "soon"}

    error = rejection(csv_text([row]), categories)

    assert "'none'" in error_at(error, 2, "first_advisor_contact").message


def test_unknown_and_missing_columns(categories):
    columns = [column for column in COLUMNS if column != "gender"] + ["child_name"]

    error = rejection(csv_text([NEW_ROW], columns), categories)

    assert "wrong columns" in str(error)
    assert "unknown column" in error_at(error, 1, "child_name").message
    assert "missing" in error_at(error, 1, "gender").message


def test_repeated_column_rejected(categories):
    columns = [*COLUMNS, "Gender"]

    error = rejection(csv_text([NEW_ROW], columns), categories)

    assert "twice" in error_at(error, 1, "gender").message


def test_text_without_the_header_rejected(categories):
    error = rejection('{"enquiries": []}\n', categories)

    assert "does not start with the records header" in str(error)
    assert error.errors == ()


def test_semicolon_separated_file_explained(categories):
    text = ";".join(COLUMNS) + "\r\n"

    error = rejection(text, categories)

    assert "expects commas" in str(error)


def test_empty_text_rejected(categories):
    assert "no header row" in str(rejection("", categories))


def test_nul_character_rejected(categories):
    assert "not a CSV file" in str(rejection(csv_text([NEW_ROW]) + "\x00", categories))


def test_row_with_extra_cells_rejected(categories):
    text = csv_text([NEW_ROW]).rstrip("\r\n") + ",extra\r\n"

    error = rejection(text, categories)

    [problem] = error.errors
    assert problem.row == 2
    assert "19 cells" in problem.message


def test_blank_rows_skipped_but_counted(categories):
    header, first = csv_text([NEW_ROW]).splitlines()[:2]
    bad = csv_text([NEW_ROW | {"gender": "Robot"}]).splitlines()[1]
    text = "\r\n".join([header, first, "", "," * (len(COLUMNS) - 1), bad]) + "\r\n"

    error = rejection(text, categories)

    assert [item.row for item in error.errors] == [5]


def test_multiline_cell_counts_as_one_row(categories):
    rows = [NEW_ROW | {"case_ref": "C-\n001"}, NEW_ROW | {"gender": "Robot"}]

    error = rejection(csv_text(rows), categories)

    assert [item.row for item in error.errors] == [3]


def test_read_records_rejects_non_utf8(tmp_path: Path, categories):
    path = tmp_path / "records.csv"
    path.write_bytes(csv_text([NEW_ROW | {"case_ref": "Café"}]).encode("cp1252"))

    with pytest.raises(RecordsImportError) as caught:
        read_records(path, categories, today=TODAY)

    assert "not UTF-8" in str(caught.value)
    assert str(path) in str(caught.value)


def test_read_records_accepts_bom(tmp_path: Path, categories):
    path = tmp_path / "records.csv"
    path.write_bytes(csv_text([NEW_ROW]).encode("utf-8-sig"))

    [enquiry] = read_records(path, categories, today=TODAY)

    assert enquiry.date_received == date(2023, 7, 14)


def test_format_then_parse_round_trips(categories):
    originals = parse_records(
        csv_text([NEW_ROW | {"case_ref": 'C-1, "quoted"'}, NEW_ROW | {"first_advisor_contact": ""}, EXISTING_ROW]),
        categories,
        today=TODAY,
    )

    text = format_records(originals)
    again = parse_records(text, categories, today=TODAY)

    assert again == originals
    assert format_records(again) == text


def test_format_writes_header_and_oldest_first():
    later = Enquiry(date(2023, 9, 1), EnquiryType.EXISTING, "AB", "Young person", id=1)
    earlier = Enquiry(date(2023, 7, 1), EnquiryType.EXISTING, "CD", "Young person", id=2)

    lines = format_records([later, earlier]).splitlines()

    assert lines[0] == ",".join(COLUMNS)
    assert lines[1].startswith("2023-07-01,existing,,CD,")
    assert lines[2].startswith("2023-09-01,existing,,AB,")


def test_write_records_owner_only(tmp_path: Path, categories):
    path = tmp_path / "out.csv"
    enquiries = parse_records(csv_text([NEW_ROW]), categories, today=TODAY)

    count = write_records(path, enquiries)

    assert count == 1
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert read_records(path, categories, today=TODAY) == enquiries


def test_write_records_keeps_existing_file(tmp_path: Path):
    path = tmp_path / "out.csv"
    path.write_text("keep me", encoding="utf-8")

    with pytest.raises(FileExistsError):
        write_records(path, [])

    assert path.read_text(encoding="utf-8") == "keep me"


def test_write_records_overwrite_replaces(tmp_path: Path):
    path = tmp_path / "out.csv"
    path.write_text("old", encoding="utf-8")
    path.chmod(0o644)

    write_records(path, [], overwrite=True)

    assert path.read_bytes() == (",".join(COLUMNS) + "\r\n").encode("utf-8")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
