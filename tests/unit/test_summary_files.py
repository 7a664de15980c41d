"""Summary tables written as CSV, Markdown, JSON and xlsx from a hand-built report."""

from __future__ import annotations

import csv
import io
import json
import stat
from pathlib import Path

import openpyxl
import pytest

from sendias_tui.domain.quarters import Quarter
from sendias_tui.export.summary_files import (
    SummaryFormat,
    format_csv,
    format_json,
    format_markdown,
    format_summary,
    write_summary,
)
from sendias_tui.export.summary_xlsx import sheet_names
from sendias_tui.report.model import QuarterReport, ReportRow, ReportTable

WAITS = ReportTable(
    key="table5_waiting_times",
    number="Table 5",
    title="Waiting times, 2023-Q3",
    columns=("Month", "Spoke to an advisor", "Average wait (working days)"),
    rows=(ReportRow("July", (4, 1.5)), ReportRow("August", (0, None))),
    total=ReportRow("Quarter", (4, 1.5)),
)
ODD_LABELS = ReportTable(
    key="table2_main_sen",
    number="Table 2",
    title="New enquiries by main SEN, 2023-Q3",
    columns=("Main SEN", "New enquiries"),
    rows=(ReportRow("=SUM(A1:A9)", (1,)), ReportRow("Sensory | Physical", (2,))),
    total=ReportRow("Total", (3,)),
    notes=("1 enquiry had no main SEN.",),
)
REPORT = QuarterReport(
    quarter=Quarter(2023, 3), tables=(WAITS, ODD_LABELS), new_enquiries=3, notes=("Synthetic figures.",)
)


def test_csv_block_per_table():
    rows = list(csv.reader(io.StringIO(format_csv(REPORT), newline="")))

    assert rows[0] == ["Table 5: Waiting times, 2023-Q3"]
    assert rows[1] == ["Month", "Spoke to an advisor", "Average wait (working days)"]
    assert rows[2] == ["July", "4", "1.5"]
    assert rows[3] == ["August", "0", ""]
    assert rows[4] == ["Quarter", "4", "1.5"]
    assert rows[5] == []
    assert rows[6] == ["Table 2: New enquiries by main SEN, 2023-Q3"]
    assert ["1 enquiry had no main SEN."] in rows
    assert rows[-1] == ["Synthetic figures."]


def test_markdown_escapes_pipes():
    text = format_markdown(REPORT)

    assert "## Table 5: Waiting times, 2023-Q3" in text
    assert "| Month | Spoke to an advisor | Average wait (working days) |" in text
    assert "| August | 0 |  |" in text
    assert "| **Quarter** | **4** | **1.5** |" in text
    assert "| Sensory \\| Physical | 2 |" in text


def test_json_keeps_numbers_and_none():
    data = json.loads(format_json(REPORT))

    assert data["quarter"] == "2023-Q3"
    assert data["start"] == "2023-07-01"
    assert data["end"] == "2023-09-30"
    waits = data["tables"][0]
    assert waits["key"] == "table5_waiting_times"
    assert waits["number"] == "Table 5"
    assert waits["title"] == "Waiting times, 2023-Q3"
    assert waits["rows"][1] == {"label": "August", "values": [0, None]}
    assert waits["total"] == {"label": "Quarter", "values": [4, 1.5]}
    assert data["tables"][1]["notes"] == ["1 enquiry had no main SEN."]
    assert data["notes"] == ["Synthetic figures."]


def test_xlsx_sheet_per_table():
    workbook = openpyxl.load_workbook(io.BytesIO(format_summary(REPORT, SummaryFormat.XLSX)))

    assert workbook.sheetnames == ["Table 5", "Table 2", "Notes"]
    waits = workbook["Table 5"]
    assert waits["A1"].value == "Table 5: Waiting times, 2023-Q3"
    assert waits["A2"].font.bold
    assert waits["C3"].value == 1.5
    assert waits["C4"].value is None
    assert waits["A5"].value == "Quarter"
    assert waits["A5"].font.bold
    assert workbook["Notes"]["A1"].value == "Synthetic figures."


def test_xlsx_label_never_a_formula():
    workbook = openpyxl.load_workbook(io.BytesIO(format_summary(REPORT, SummaryFormat.XLSX)))

    cell = workbook["Table 2"]["A3"]

    assert cell.value == "=SUM(A1:A9)"
    assert cell.data_type == "s"


def test_sheet_names_short_unique_valid():
    long_number = "Figure 12: a very long name [with] forbidden/characters?"
    tables = [
        WAITS,
        WAITS,
        ReportTable("a", long_number, "t", ("x",), ()),
        ReportTable("b", long_number, "t", ("x",), ()),
        ReportTable("c", "table 5", "t", ("x",), ()),
    ]

    names = sheet_names(tables)

    assert names[0] == "Table 5"
    assert names[1] == "Table 5 (2)"
    assert all(len(name) <= 31 for name in names)
    assert len({name.casefold() for name in names}) == len(names)
    assert not any(character in name for name in names for character in "[]:*?/\\")


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("out.csv", SummaryFormat.CSV),
        ("OUT.XLSX", SummaryFormat.XLSX),
        ("out.md", SummaryFormat.MD),
        ("out.markdown", SummaryFormat.MD),
        ("out.json", SummaryFormat.JSON),
        ("out.txt", None),
        ("out", None),
    ],
)
def test_format_from_extension(name: str, expected: SummaryFormat | None):
    assert SummaryFormat.from_path(Path(name)) is expected


@pytest.mark.parametrize("summary_format", list(SummaryFormat))
def test_write_summary_owner_only(tmp_path: Path, summary_format: SummaryFormat):
    path = tmp_path / f"summary.{summary_format.value}"

    write_summary(path, REPORT, summary_format)

    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    if summary_format is not SummaryFormat.XLSX:
        # An xlsx file stores the time it was made, so only text formats compare byte for byte.
        assert path.read_bytes() == format_summary(REPORT, summary_format)
    with pytest.raises(FileExistsError):
        write_summary(path, REPORT, summary_format)
