"""``sendias import``: all or nothing, with every problem named."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from cli_helpers import assert_clean_failure, invoke, write_csv
from synthetic_rows import EXISTING_ROW, NEW_ROW

from sendias_tui.export.records_csv import COLUMNS
from sendias_tui.storage import EnquiryStore


def stored(data_file: Path) -> list:
    with EnquiryStore(data_file, user="test") as store:
        return store.all()


def test_import_good_file_stores_records(tmp_path: Path, data_file: Path):
    csv_file = write_csv(tmp_path / "records.csv", [NEW_ROW, EXISTING_ROW])

    result = invoke("--data-file", str(data_file), "import", str(csv_file))

    assert result.exit_code == 0, result.output
    assert "Imported 2 enquiries" in result.stdout
    records = sorted(stored(data_file), key=lambda enquiry: enquiry.date_received)
    assert [enquiry.date_received for enquiry in records] == [date(2023, 7, 14), date(2023, 8, 1)]
    assert records[0].main_sen == "Autism"
    assert records[0].contacts == {"Phone": 3, "Email": 2}
    assert records[1].no_advisor_needed is True


def test_import_bad_rows_imports_nothing(tmp_path: Path, data_file: Path):
    rows = [
        NEW_ROW,
        NEW_ROW | {"ethnicity": "Martian"},
        EXISTING_ROW,
        EXISTING_ROW | {"date": "32/01/2023", "contacts": "Pigeon:2"},
    ]
    csv_file = write_csv(tmp_path / "records.csv", rows)

    result = invoke("--data-file", str(data_file), "import", str(csv_file))

    assert result.exit_code == 1
    assert_clean_failure(result)
    assert "Nothing was imported" in result.stderr
    assert "Row 3, column ethnicity, value 'Martian'" in result.stderr
    assert "Row 5, column date, value '32/01/2023'" in result.stderr
    assert "Row 5, column contacts, value 'Pigeon'" in result.stderr
    assert "Choose one of: Phone, Email" in result.stderr
    assert not data_file.exists() or stored(data_file) == []


def test_rejected_import_keeps_file(tmp_path: Path, data_file: Path):
    good = write_csv(tmp_path / "good.csv", [NEW_ROW])
    bad = write_csv(tmp_path / "bad.csv", [NEW_ROW, NEW_ROW | {"gender": "Robot"}])
    assert invoke("--data-file", str(data_file), "import", str(good)).exit_code == 0
    before = data_file.read_bytes()

    result = invoke("--data-file", str(data_file), "import", str(bad))

    assert result.exit_code == 1
    assert data_file.read_bytes() == before
    assert len(stored(data_file)) == 1


def test_import_bom_and_uk_dates(tmp_path: Path, data_file: Path):
    row = NEW_ROW | {"date": "14/07/2023", "first_advisor_contact": "17/07/2023"}
    csv_file = write_csv(tmp_path / "excel.csv", [row], encoding="utf-8-sig")
    assert csv_file.read_bytes().startswith(b"\xef\xbb\xbf")

    result = invoke("--data-file", str(data_file), "import", str(csv_file))

    assert result.exit_code == 0, result.output
    [enquiry] = stored(data_file)
    assert enquiry.date_received == date(2023, 7, 14)
    assert enquiry.first_advisor_contact == date(2023, 7, 17)


def test_import_unknown_column_rejected(tmp_path: Path, data_file: Path):
    columns = [*COLUMNS, "child_name"]
    csv_file = write_csv(tmp_path / "records.csv", [NEW_ROW], columns=columns)

    result = invoke("--data-file", str(data_file), "import", str(csv_file))

    assert_clean_failure(result)
    assert "Row 1, column child_name: unknown column" in result.stderr
    assert "Nothing was imported" in result.stderr


def test_import_missing_column_rejected(tmp_path: Path, data_file: Path):
    columns = [column for column in COLUMNS if column != "ehcp"]
    csv_file = write_csv(tmp_path / "records.csv", [NEW_ROW], columns=columns)

    result = invoke("--data-file", str(data_file), "import", str(csv_file))

    assert_clean_failure(result)
    assert "Row 1, column ehcp: this column is missing" in result.stderr


def test_import_missing_file(tmp_path: Path, data_file: Path):
    result = invoke("--data-file", str(data_file), "import", str(tmp_path / "nowhere.csv"))

    assert_clean_failure(result)
    assert "nowhere.csv was not found" in result.stderr


def test_import_not_utf8(tmp_path: Path, data_file: Path):
    csv_file = write_csv(tmp_path / "records.csv", [NEW_ROW | {"case_ref": "Café"}], encoding="cp1252")

    result = invoke("--data-file", str(data_file), "import", str(csv_file))

    assert_clean_failure(result)
    assert "is not UTF-8 text" in result.stderr


def test_import_spreadsheet_file(tmp_path: Path, data_file: Path):
    workbook = tmp_path / "records.xlsx"
    workbook.write_bytes(b"PK\x03\x04\x14\x00\x00\x00\x08\x00\xa2\xff")

    result = invoke("--data-file", str(data_file), "import", str(workbook))

    assert_clean_failure(result)
    assert "CSV UTF-8" in result.stderr


def test_import_same_file_twice_rejected(tmp_path: Path, data_file: Path):
    csv_file = write_csv(tmp_path / "records.csv", [NEW_ROW, EXISTING_ROW])
    assert invoke("--data-file", str(data_file), "import", str(csv_file)).exit_code == 0
    before = data_file.read_bytes()

    result = invoke("--data-file", str(data_file), "import", str(csv_file))

    assert_clean_failure(result)
    assert "2 rows are the same as records already stored" in result.stderr
    assert "Nothing was imported" in result.stderr
    assert "--allow-duplicates" in result.stderr
    assert "Row 2 is the same as record 1 already stored" in result.stderr
    assert "Row 3 is the same as record 2 already stored" in result.stderr
    assert data_file.read_bytes() == before
    assert len(stored(data_file)) == 2


def test_import_export_back_rejected(tmp_path: Path, data_file: Path):
    first = write_csv(tmp_path / "first.csv", [NEW_ROW, NEW_ROW | {"date": "2023-07-10"}])
    assert invoke("--data-file", str(data_file), "import", str(first)).exit_code == 0
    exported = tmp_path / "exported.csv"
    assert invoke("--data-file", str(data_file), "export", "--records", "-o", str(exported)).exit_code == 0
    mixed = write_csv(
        tmp_path / "mixed.csv",
        [NEW_ROW | {"date": "2023-07-11"}, NEW_ROW | {"contacts": "Email:2;Phone:3"}],
    )

    result = invoke("--data-file", str(data_file), "import", str(mixed))

    assert_clean_failure(result)
    assert "1 row is the same as records already stored" in result.stderr
    assert "Row 3 is the same as record 1 already stored" in result.stderr
    assert "Row 2 " not in result.stderr
    assert invoke("--data-file", str(data_file), "import", str(exported)).exit_code == 1
    assert len(stored(data_file)) == 2


def test_import_allow_duplicates_adds_them(tmp_path: Path, data_file: Path):
    csv_file = write_csv(tmp_path / "records.csv", [NEW_ROW])
    assert invoke("--data-file", str(data_file), "import", str(csv_file)).exit_code == 0

    result = invoke("--data-file", str(data_file), "import", "--allow-duplicates", str(csv_file))

    assert result.exit_code == 0, result.output
    assert "Imported 1 enquiry" in result.stdout
    assert "Note: 1 row repeats another row or a stored record" in result.stdout
    assert "Row 2 is the same as record 1 already stored" in result.stdout
    assert len(stored(data_file)) == 2


def test_import_repeats_within_file_noted(tmp_path: Path, data_file: Path):
    csv_file = write_csv(tmp_path / "records.csv", [NEW_ROW, EXISTING_ROW, NEW_ROW, NEW_ROW])

    result = invoke("--data-file", str(data_file), "import", str(csv_file))

    assert result.exit_code == 0, result.output
    assert "Imported 4 enquiries" in result.stdout
    assert "Note: 2 rows repeat another row or a stored record" in result.stdout
    assert "Row 4 is the same as row 2 of the file" in result.stdout
    assert "Row 5 is the same as row 2 of the file" in result.stdout
    assert len(stored(data_file)) == 4
