"""The Excel writer, read back with openpyxl."""

from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook
from publish_samples import FORMULA_NAME, HIDDEN, MARKUP_NAME, full_document, hidden_gender_document

from sendias_tui.domain.quarters import Quarter
from sendias_tui.publish.document import Document, TableBlock
from sendias_tui.publish.formatting import NO_VALUE
from sendias_tui.publish.xlsx_writer import FIGURES_SHEET, xlsx_bytes
from sendias_tui.report.model import ReportRow, ReportTable


@pytest.fixture
def document(categories):
    return full_document(categories)


@pytest.fixture
def workbook(document):
    return load_workbook(io.BytesIO(xlsx_bytes(document)))


def _rows(sheet):
    """Return each row's values without the empty cells that pad it to the sheet's width."""
    rows = []
    for row in sheet.iter_rows(values_only=True):
        values = list(row)
        while values and values[-1] is None:
            values.pop()
        rows.append(values)
    return rows


def test_sheet_per_table(workbook, document):
    expected = ["Contents", *(table.number for table in document.tables), FIGURES_SHEET]

    assert workbook.sheetnames == expected


def test_table_sheet_contents(workbook, document):
    table1 = workbook["Table 1"]
    rows = _rows(table1)

    assert rows[0][0] == document.tables[0].caption
    assert rows[2] == ["Enquiry type", "July", "August", "September", "Total for quarter"]
    assert ["Calls or emails for SENAT", 3, 0, 0, 3] in rows


def test_counts_stay_numbers(workbook):
    sheet = workbook["Table 2"]
    total = next(row for row in sheet.iter_rows() if row[0].value == "Total")

    assert total[1].value == 5
    assert total[1].data_type == "n"
    assert total[0].font.bold
    assert total[1].font.bold


def test_formula_like_text_stays_text(workbook):
    sheet = workbook["Table 4"]
    cells = [row[0] for row in sheet.iter_rows() if row[0].value == FORMULA_NAME]

    assert len(cells) == 1
    assert cells[0].data_type == "s"


def test_markup_like_text_kept(workbook):
    labels = [row[0] for row in _rows(workbook["Table 2"]) if row]

    assert MARKUP_NAME in labels


def test_empty_cell_written_as_no_value():
    """An average over no enquiries shows a marker instead of a blank that looks like missing data."""
    waits = ReportTable(
        key="table5_waiting_times",
        number="Table 1",
        title="Waiting times, 2023-Q3",
        columns=("Month", "Spoke to an advisor", "Average wait (working days)"),
        rows=(ReportRow("July", (0, None)), ReportRow("August", (2, 1.5))),
    )
    document = Document(Quarter(2023, 3), "Sample", (TableBlock(waits),))
    rows = _rows(load_workbook(io.BytesIO(xlsx_bytes(document)))["Table 1"])

    assert ["July", 0, NO_VALUE] in rows
    assert ["August", 2, 1.5] in rows


def test_figures_sheet_lists_each_chart(workbook, document):
    rows = _rows(workbook[FIGURES_SHEET])
    firsts = [row[0] if row else None for row in rows]

    for chart in document.figures:
        assert chart.caption in firsts
        heading = rows[firsts.index(chart.caption) + 1]
        assert heading[0] == chart.category_label
    assert rows[firsts.index("Swahili")] == ["Swahili", 1]


def test_contents_lists_captions_and_notes(workbook, document):
    firsts = [row[0] for row in _rows(workbook["Contents"]) if row]

    assert firsts[0] == document.title
    assert "Counts from 1 to 4 are shown as [c] to protect privacy." in firsts
    for table in document.tables:
        assert table.caption in firsts


def test_creator_not_library(workbook):
    assert workbook.properties.creator in ("", None)


def test_figure_shows_its_table_with_markers(categories):
    workbook = load_workbook(io.BytesIO(xlsx_bytes(hidden_gender_document(categories))))
    rows = _rows(workbook[FIGURES_SHEET])

    assert ["Gender", "New enquiries"] in rows
    assert ["Female", HIDDEN] in rows
    assert ["Total", HIDDEN] in rows
