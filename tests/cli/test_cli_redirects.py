"""``sendias redirects export`` and ``import``: redirected calls as CSV."""

from __future__ import annotations

import stat
from datetime import date
from pathlib import Path

from cli_helpers import assert_clean_failure, invoke

from sendias_tui.domain.enquiry import RedirectedCall, RedirectKind
from sendias_tui.storage import EnquiryStore


def fill(data_file: Path, *calls: RedirectedCall) -> None:
    with EnquiryStore(data_file, user="test") as store:
        store.add_records([], calls)


def stored_calls(data_file: Path) -> list[RedirectedCall]:
    with EnquiryStore(data_file, user="test") as store:
        return store.redirects()


def test_export_then_import_round_trips(tmp_path: Path, data_file: Path):
    fill(
        data_file,
        RedirectedCall(date(2023, 7, 14), RedirectKind.SENAT, 2),
        RedirectedCall(date(2023, 10, 2), RedirectKind.OUT_OF_AREA, 1),
    )
    output = tmp_path / "redirects.csv"

    exported = invoke("--data-file", str(data_file), "redirects", "export", "--output", str(output))

    assert exported.exit_code == 0, exported.output
    assert f"Wrote every redirected-call entry (2 entries, 3 calls) to {output}." in exported.stdout
    assert stat.S_IMODE(output.stat().st_mode) == 0o600
    assert output.read_text() == "date,kind,count\n2023-07-14,senat,2\n2023-10-02,out_of_area,1\n"

    other = tmp_path / "other.json"
    imported = invoke("--data-file", str(other), "redirects", "import", str(output))

    assert imported.exit_code == 0, imported.output
    assert "Imported the redirected calls (2 entries, 3 calls)" in imported.stdout
    copied = [(call.date_received, call.kind, call.count) for call in stored_calls(other)]
    assert copied == [
        (date(2023, 10, 2), RedirectKind.OUT_OF_AREA, 1),
        (date(2023, 7, 14), RedirectKind.SENAT, 2),
    ]


def test_export_one_quarter(tmp_path: Path, data_file: Path):
    fill(
        data_file,
        RedirectedCall(date(2023, 7, 14), RedirectKind.SENAT, 2),
        RedirectedCall(date(2023, 10, 2), RedirectKind.OUT_OF_AREA, 1),
    )
    output = tmp_path / "q3.csv"

    result = invoke(
        "--data-file", str(data_file), "redirects", "export", "-o", str(output), "--quarter", "2023-Q3"
    )

    assert result.exit_code == 0, result.output
    assert "Wrote the redirected calls of 2023-Q3 (1 entry, 2 calls)" in result.stdout
    assert output.read_text() == "date,kind,count\n2023-07-14,senat,2\n"


def test_export_keeps_existing_file(tmp_path: Path, data_file: Path):
    fill(data_file, RedirectedCall(date(2023, 7, 14), RedirectKind.SENAT, 2))
    output = tmp_path / "redirects.csv"
    output.write_text("keep me")

    result = invoke("--data-file", str(data_file), "redirects", "export", "-o", str(output))

    assert_clean_failure(result)
    assert "already exists" in result.stderr
    assert output.read_text() == "keep me"


def test_import_invalid_row_adds_nothing(tmp_path: Path, data_file: Path):
    fill(data_file, RedirectedCall(date(2023, 7, 3), RedirectKind.SENAT, 1))
    before = data_file.read_bytes()
    csv_file = tmp_path / "redirects.csv"
    csv_file.write_text("date,kind,count\n2023-07-14,senat,2\n2023-07-15,phone,1\n")

    result = invoke("--data-file", str(data_file), "redirects", "import", str(csv_file))

    assert_clean_failure(result)
    assert "1 row is invalid. Nothing was imported." in result.stderr
    assert "Row 3, column kind, value 'phone'" in result.stderr
    assert data_file.read_bytes() == before
    assert len(stored_calls(data_file)) == 1


def test_import_counts_in_table1(tmp_path: Path, data_file: Path):
    csv_file = tmp_path / "redirects.csv"
    csv_file.write_text("date,kind,count\n2023-07-14,senat,2\n2023-08-01,out_of_area,3\n")

    assert invoke("--data-file", str(data_file), "redirects", "import", str(csv_file)).exit_code == 0
    result = invoke("--data-file", str(data_file), "summary", "--quarter", "2023-Q3")

    assert result.exit_code == 0, result.output
    senat = [line for line in result.stdout.splitlines() if "Calls or emails for SENAT" in line]
    assert senat and senat[0].split()[-4:] == ["2", "0", "0", "2"]


def test_import_missing_file(tmp_path: Path, data_file: Path):
    result = invoke("--data-file", str(data_file), "redirects", "import", str(tmp_path / "nowhere.csv"))

    assert_clean_failure(result)
    assert "nowhere.csv was not found" in result.stderr
