"""Reading and writing redirected-call entries as CSV."""

from __future__ import annotations

import stat
from datetime import date
from pathlib import Path

import pytest

from sendias_tui.domain.enquiry import RedirectedCall, RedirectKind
from sendias_tui.export.redirects_csv import (
    RedirectsImportError,
    format_redirects,
    parse_redirects,
    read_redirects,
    write_redirects,
)

TODAY = date(2024, 1, 31)
HEADER = "date,kind,count\r\n"


def rejection(text: str) -> RedirectsImportError:
    with pytest.raises(RedirectsImportError) as caught:
        parse_redirects(text, today=TODAY)
    return caught.value


def test_rows_parse_in_file_order():
    text = HEADER + "2023-07-14,senat,2\r\n14/07/2023,OUT_OF_AREA,1\r\n"

    calls = parse_redirects(text, today=TODAY)

    assert calls == [
        RedirectedCall(date(2023, 7, 14), RedirectKind.SENAT, 2),
        RedirectedCall(date(2023, 7, 14), RedirectKind.OUT_OF_AREA, 1),
    ]


def test_columns_in_any_order_and_case():
    [call] = parse_redirects("Count,KIND,Date\r\n3,senat,2023-08-01\r\n", today=TODAY)

    assert call == RedirectedCall(date(2023, 8, 1), RedirectKind.SENAT, 3)


def test_bad_rows_name_row_column_and_value():
    text = HEADER + "2023-07-14,senat,1\r\n2023-02-31,phone,0\r\n2024-02-01,,x\r\n,senat,\r\n"

    error = rejection(text)
    lines = str(error).splitlines()

    assert lines[0] == "The CSV text was rejected: 3 rows are invalid. Nothing was imported."
    assert lines[1].startswith("Row 3, column date, value '2023-02-31': '2023-02-31' is not a real date")
    assert lines[2] == (
        "Row 3, column kind, value 'phone': 'phone' is not a kind of redirected call: "
        "expected one of senat, out_of_area"
    )
    assert lines[3].startswith("Row 3, column count, value '0': '0' is not a whole number of 1 or more")
    assert lines[4] == "Row 4, column date, value '2024-02-01': 01/02/2024 is in the future; enter the day the calls came in"
    assert lines[5] == "Row 4, column kind: missing: expected one of senat, out_of_area"
    assert lines[6].startswith("Row 4, column count, value 'x': 'x' is not a whole number")
    assert lines[7].startswith("Row 5, column date: missing")
    assert lines[8] == "Row 5, column count: missing: expected a whole number of 1 or more"
    assert len(lines) == 9


def test_records_file_rejected_as_wrong_layout():
    error = rejection("date,enquiry_type,case_ref\r\n2023-07-14,new,C-1\r\n")

    assert "has the wrong columns" in str(error)


def test_other_file_rejected_with_header_help():
    error = rejection("month,measure,name,value\r\n2023-07,website_views,,1\r\n")

    assert "does not start with the redirected calls header" in str(error)
    assert "date,kind,count" in str(error)


def test_format_then_parse_round_trips():
    calls = [
        RedirectedCall(date(2023, 9, 1), RedirectKind.OUT_OF_AREA, 4, id=2),
        RedirectedCall(date(2023, 7, 3), RedirectKind.SENAT, 1, id=1),
    ]

    text = format_redirects(calls)

    assert text == HEADER + "2023-07-03,senat,1\r\n2023-09-01,out_of_area,4\r\n"
    assert parse_redirects(text, today=TODAY) == [
        RedirectedCall(date(2023, 7, 3), RedirectKind.SENAT, 1),
        RedirectedCall(date(2023, 9, 1), RedirectKind.OUT_OF_AREA, 4),
    ]


def test_write_owner_only_and_read_back(tmp_path: Path):
    path = tmp_path / "redirects.csv"
    calls = [RedirectedCall(date(2023, 7, 3), RedirectKind.SENAT, 2)]

    written = write_redirects(path, calls)

    assert str(written) == "1 entry, 2 calls"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert read_redirects(path, today=TODAY) == calls
    with pytest.raises(FileExistsError):
        write_redirects(path, calls)


def test_read_accepts_bom(tmp_path: Path):
    path = tmp_path / "excel.csv"
    path.write_bytes(("\ufeff" + HEADER + "2023-07-03,senat,1\r\n").encode("utf-8"))

    assert read_redirects(path, today=TODAY) == [RedirectedCall(date(2023, 7, 3), RedirectKind.SENAT, 1)]
