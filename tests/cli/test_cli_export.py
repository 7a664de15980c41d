"""``sendias export``: records CSV and the summary tables in every format."""

from __future__ import annotations

import csv
import json
import stat
from dataclasses import replace
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from cli_helpers import assert_clean_failure, invoke
from synthetic_rows import existing_enquiry, new_enquiry

from sendias_tui.domain.enquiry import RedirectedCall, RedirectKind
from sendias_tui.export.records_csv import COLUMNS
from sendias_tui.storage import EnquiryStore


@pytest.fixture
def filled_file(data_file: Path) -> Path:
    """Return a data file with a few synthetic enquiries across 2023-Q2 and 2023-Q3."""
    with EnquiryStore(data_file, user="test") as store:
        store.add_many(
            [
                new_enquiry(date(2023, 6, 30), main_sen="Autism"),
                new_enquiry(date(2023, 7, 3), new_family=True, case_ref="C-1, \"x\""),
                new_enquiry(
                    date(2023, 7, 4),
                    ehcp=True,
                    reasons=("EHCP review", "Transport"),
                    additional_sen=("Dyslexia", "SEMH"),
                    contacts={"Phone": 2, "Email": 1},
                    first_advisor_contact=None,
                ),
                new_enquiry(date(2023, 8, 9), intervention_level=None, first_advisor_contact=None,
                            no_advisor_needed=True),
                existing_enquiry(date(2023, 9, 12), enquirer="Professional (education)"),
            ]
        )
        store.add_redirect(RedirectedCall(date(2023, 7, 5), RedirectKind.SENAT, 3))
    return data_file


def without_store_fields(enquiries):
    blank = {"id": None, "created_at": None, "created_by": None, "updated_at": None, "updated_by": None}
    return sorted((replace(enquiry, **blank) for enquiry in enquiries), key=lambda e: (e.date_received, e.case_ref))


def test_records_round_trip(tmp_path: Path, filled_file: Path):
    exported = tmp_path / "records.csv"
    copy_file = tmp_path / "copy.json"
    exported_again = tmp_path / "again.csv"

    first = invoke("--data-file", str(filled_file), "export", "--records", "--output", str(exported))
    imported = invoke("--data-file", str(copy_file), "import", str(exported))
    second = invoke("--data-file", str(copy_file), "export", "--records", "--output", str(exported_again))

    assert first.exit_code == 0, first.output
    assert imported.exit_code == 0, imported.output
    assert second.exit_code == 0, second.output
    assert exported_again.read_bytes() == exported.read_bytes()
    with EnquiryStore(filled_file) as original, EnquiryStore(copy_file) as copy:
        assert without_store_fields(copy.all()) == without_store_fields(original.all())


def test_records_export_owner_only(tmp_path: Path, filled_file: Path):
    output = tmp_path / "records.csv"

    result = invoke("--data-file", str(filled_file), "export", "--records", "-o", str(output))

    assert result.exit_code == 0, result.output
    assert stat.S_IMODE(output.stat().st_mode) == 0o600
    assert "5 enquiries" in result.stdout


def test_records_export_one_quarter(tmp_path: Path, filled_file: Path):
    output = tmp_path / "q3.csv"

    result = invoke("--data-file", str(filled_file), "export", "--records", "--quarter", "2023-Q3", "-o", str(output))

    assert result.exit_code == 0, result.output
    with output.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [row["date"] for row in rows] == ["2023-07-03", "2023-07-04", "2023-08-09", "2023-09-12"]
    assert rows[1]["reasons"] == "EHCP review;Transport"
    assert rows[1]["first_advisor_contact"] == ""
    assert rows[2]["first_advisor_contact"] == "none"


def test_export_keeps_existing_output(tmp_path: Path, filled_file: Path):
    output = tmp_path / "records.csv"
    output.write_text("precious", encoding="utf-8")

    result = invoke("--data-file", str(filled_file), "export", "--records", "-o", str(output))

    assert_clean_failure(result)
    assert "already exists" in result.stderr
    assert "--force" in result.stderr
    assert output.read_text(encoding="utf-8") == "precious"


def test_export_force_replaces_output(tmp_path: Path, filled_file: Path):
    output = tmp_path / "records.csv"
    output.write_text("old", encoding="utf-8")

    result = invoke("--data-file", str(filled_file), "export", "--records", "-o", str(output), "--force")

    assert result.exit_code == 0, result.output
    assert output.read_text(encoding="utf-8").startswith(",".join(COLUMNS))
    assert stat.S_IMODE(output.stat().st_mode) == 0o600


def test_export_into_missing_folder(tmp_path: Path, filled_file: Path):
    output = tmp_path / "no-such-folder" / "records.csv"

    result = invoke("--data-file", str(filled_file), "export", "--records", "-o", str(output))

    assert_clean_failure(result)
    assert "Could not write" in result.stderr
    assert str(output) in result.stderr


def test_records_export_rejects_xlsx(tmp_path: Path, filled_file: Path):
    output = tmp_path / "records.xlsx"

    result = invoke("--data-file", str(filled_file), "export", "--records", "--format", "xlsx", "-o", str(output))

    assert_clean_failure(result)
    assert "CSV only" in result.stderr
    assert not output.exists()


def test_summary_export_needs_known_format(tmp_path: Path, filled_file: Path):
    output = tmp_path / "summary.txt"

    result = invoke("--data-file", str(filled_file), "export", "--quarter", "2023-Q3", "-o", str(output))

    assert_clean_failure(result)
    assert "--format" in result.stderr
    assert not output.exists()


def test_summary_export_bad_quarter(tmp_path: Path, filled_file: Path):
    output = tmp_path / "summary.csv"

    result = invoke("--data-file", str(filled_file), "export", "--quarter", "2023-Q5", "-o", str(output))

    assert_clean_failure(result)
    assert "'2023-Q5' is not a quarter" in result.stderr
    assert not output.exists()


def export_summary(tmp_path: Path, data_file: Path, name: str, *extra: str) -> Path:
    output = tmp_path / name
    result = invoke("--data-file", str(data_file), "export", "--quarter", "2023-Q3", "-o", str(output), *extra)
    assert result.exit_code == 0, result.output
    assert stat.S_IMODE(output.stat().st_mode) == 0o600
    return output


def test_summary_csv_blocks(tmp_path: Path, filled_file: Path):
    output = export_summary(tmp_path, filled_file, "summary.csv")

    with output.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))

    assert rows[0] == ["Table 1: Enquiries and redirected calls by month, 2023-Q3"]
    assert rows[1] == ["Enquiry type", "July", "August", "September", "Total for quarter"]
    assert rows[2] == ["New enquiries (previous users and new families)", "2", "1", "0", "3"]
    age_caption = rows.index(["Figure 2: New enquiries by age group, 2023-Q3"])
    assert rows[age_caption - 1] == []
    assert rows[age_caption + 1] == ["Age group", "New enquiries"]
    assert ["5-10", "3"] in rows


def test_summary_markdown_tables(tmp_path: Path, filled_file: Path):
    output = export_summary(tmp_path, filled_file, "summary.md")

    text = output.read_text(encoding="utf-8")

    assert "## Table 1: Enquiries and redirected calls by month, 2023-Q3" in text
    assert "| Enquiry type | July | August | September | Total for quarter |" in text
    assert "| New enquiries (previous users and new families) | 2 | 1 | 0 | 3 |" in text
    assert "| **Total** | **3** |" in text
    assert "## Table 2: New enquiries by main SEN, 2023-Q3" in text


def test_summary_json_structure(tmp_path: Path, filled_file: Path):
    output = export_summary(tmp_path, filled_file, "summary.json")

    data = json.loads(output.read_text(encoding="utf-8"))

    assert data["quarter"] == "2023-Q3"
    assert data["new_enquiries"] == 3
    tables = {table["key"]: table for table in data["tables"]}
    assert list(tables)[0] == "table1_enquiries"
    table1 = tables["table1_enquiries"]
    assert table1["number"] == "Table 1"
    assert table1["columns"] == ["Enquiry type", "July", "August", "September", "Total for quarter"]
    assert table1["rows"][0] == {"label": "New enquiries (previous users and new families)", "values": [2, 1, 0, 3]}
    senat = next(row for row in table1["rows"] if row["label"] == "Calls or emails for SENAT")
    assert senat["values"] == [3, 0, 0, 3]
    assert tables["figure2_age_group"]["total"] == {"label": "Total", "values": [3]}
    assert tables["table1_enquiries"]["total"] is None


def test_summary_xlsx_sheets(tmp_path: Path, filled_file: Path):
    output = export_summary(tmp_path, filled_file, "summary.xlsx")

    workbook = openpyxl.load_workbook(output)

    assert workbook.sheetnames[:3] == ["Table 1", "Figure 2", "Table 2"]
    assert all(len(name) <= 31 for name in workbook.sheetnames)
    assert len(set(workbook.sheetnames)) == len(workbook.sheetnames)
    sheet = workbook["Table 1"]
    assert sheet["A1"].value == "Table 1: Enquiries and redirected calls by month, 2023-Q3"
    assert [cell.value for cell in sheet[2]] == ["Enquiry type", "July", "August", "September", "Total for quarter"]
    assert sheet["B2"].font.bold
    assert sheet["A3"].value == "New enquiries (previous users and new families)"
    assert sheet["E3"].value == 3
    assert isinstance(sheet["E3"].value, int)
    ages = workbook["Figure 2"]
    total_row = next(row for row in ages.iter_rows() if row[0].value == "Total")
    assert total_row[1].value == 3
    assert total_row[0].font.bold


def test_summary_format_option_wins(tmp_path: Path, filled_file: Path):
    output = export_summary(tmp_path, filled_file, "summary.txt", "--format", "json")

    assert json.loads(output.read_text(encoding="utf-8"))["quarter"] == "2023-Q3"


def test_export_missing_data_file(tmp_path: Path, data_file: Path):
    output = tmp_path / "summary.csv"

    result = invoke("--data-file", str(data_file), "export", "--quarter", "2023-Q3", "-o", str(output))

    assert_clean_failure(result)
    assert f"The data file {data_file} does not exist" in result.stderr
    assert not data_file.exists()
    assert not output.exists()
