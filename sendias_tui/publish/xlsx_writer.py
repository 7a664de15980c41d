"""Write a ``Document`` as an Excel workbook with openpyxl.

The first sheet lists the contents and the notes. Each table gets a sheet
named by its number ("Table 1"), and one "Figures" sheet gives the numbers
behind every chart. Counts stay numbers, so a reader can sum and chart them.
Text cells are stored as text even when they start with "=", so a category
name can never become a formula.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from openpyxl import Workbook
from openpyxl.cell.cell import Cell as SheetCell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from sendias_tui.publish.document import AppendixBlock, Document, FigureBlock, Paragraph, TableBlock
from sendias_tui.publish.formatting import NO_VALUE, is_number
from sendias_tui.report.charts import ChartSpec
from sendias_tui.report.model import Cell, ReportTable

BOLD = Font(bold=True)
TITLE = Font(bold=True, size=13)
NOTE = Font(italic=True, size=9)
FIGURES_SHEET = "Figures"
MAX_COLUMN_WIDTH = 60


def xlsx_bytes(document: Document) -> bytes:
    """Return ``document`` as the bytes of an .xlsx workbook."""
    workbook = Workbook()
    contents = workbook.active
    contents.title = "Contents"
    _write_contents(contents, document)

    for table in document.tables:
        _write_table(workbook.create_sheet(table.number), table)
    if document.figures:
        _write_figures(workbook.create_sheet(FIGURES_SHEET), document)

    # The blank workbook names openpyxl as its creator, which would go out with the report.
    workbook.properties.creator = ""
    workbook.properties.title = document.title
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _put(sheet: Worksheet, row: int, column: int, value: Cell, *, font: Font | None = None) -> SheetCell:
    """Write one cell, keeping text as text and writing the no-value marker for an empty value."""
    cell = sheet.cell(row=row, column=column)
    if is_number(value):
        cell.value = value
        cell.number_format = "#,##0" if isinstance(value, int) else "#,##0.0"
    else:
        cell.value = NO_VALUE if value is None else str(value)
        # openpyxl stores a string starting with "=" as a formula unless the cell is typed as text.
        cell.data_type = "s"
    if font is not None:
        cell.font = font
    return cell


def _write_contents(sheet: Worksheet, document: Document) -> None:
    """List the title, the notes and where each table and figure is."""
    _put(sheet, 1, 1, document.title, font=TITLE)
    row = 3
    for block in document.blocks:
        if isinstance(block, Paragraph) and block.note:
            _put(sheet, row, 1, block.text, font=NOTE)
            row += 1
    row += 1
    _put(sheet, row, 1, "Table or figure", font=BOLD)
    _put(sheet, row, 2, "Sheet", font=BOLD)
    for block in document.blocks:
        if isinstance(block, TableBlock):
            row += 1
            _put(sheet, row, 1, block.table.caption)
            _put(sheet, row, 2, block.table.number)
        elif isinstance(block, FigureBlock):
            row += 1
            _put(sheet, row, 1, block.chart.caption)
            _put(sheet, row, 2, FIGURES_SHEET)
        elif isinstance(block, AppendixBlock):
            row += 2
            _put(sheet, row, 1, f"{block.title} is in the Word and HTML versions of the report.", font=NOTE)
    _fit_columns(sheet)


def _write_grid(
    sheet: Worksheet, first_row: int, columns: Sequence[str], rows: Sequence[Sequence[Cell]],
    *, bold_last: bool = False,
) -> int:
    """Write headings and rows from ``first_row``; return the next free row."""
    for column, heading in enumerate(columns, start=1):
        _put(sheet, first_row, column, heading, font=BOLD)
    row_number = first_row
    for index, values in enumerate(rows):
        row_number = first_row + 1 + index
        font = BOLD if bold_last and index == len(rows) - 1 else None
        for column, value in enumerate(values, start=1):
            _put(sheet, row_number, column, value, font=font)
    return row_number + 1


def _write_table(sheet: Worksheet, table: ReportTable) -> None:
    """Write the caption, the table with its total row in bold, and its notes."""
    _put(sheet, 1, 1, table.caption, font=TITLE)
    next_row = _write_grid(sheet, 3, table.columns, _table_cells(table), bold_last=table.total is not None)
    for offset, note in enumerate(table.notes, start=1):
        _put(sheet, next_row + offset, 1, note, font=NOTE)
    sheet.freeze_panes = "B4"
    _fit_columns(sheet)


def _write_figures(sheet: Worksheet, document: Document) -> None:
    """Write each figure's caption and data, one block under another.

    A figure computed from a report table shows that table, with its total
    and any hidden-count markers. Other figures show the chart's own values.
    """
    row = 1
    for block in document.blocks:
        if not isinstance(block, FigureBlock):
            continue
        chart: ChartSpec = block.chart
        _put(sheet, row, 1, chart.caption, font=TITLE)
        if block.data is not None:
            columns, data = block.data.columns, _table_cells(block.data)
        else:
            columns = (chart.category_label, *(f"{series.name}{_unit_suffix(chart)}" for series in chart.series))
            data = [
                (category, *(series.values[index] for series in chart.series))
                for index, category in enumerate(chart.categories)
            ]
        bold_total = block.data is not None and block.data.total is not None
        row = _write_grid(sheet, row + 1, columns, data, bold_last=bold_total)
        for note in block.notes:
            _put(sheet, row, 1, note, font=NOTE)
            row += 1
        row += 1
    _fit_columns(sheet)


def _table_cells(table: ReportTable) -> list[tuple[Cell, ...]]:
    """Return a table's rows as cells, label first, the total row last when there is one."""
    rows = [(row.label, *row.values) for row in table.rows]
    if table.total is not None:
        rows.append((table.total.label, *table.total.values))
    return rows


def _unit_suffix(chart: ChartSpec) -> str:
    return f" ({chart.unit})" if chart.unit else ""


def _fit_columns(sheet: Worksheet) -> None:
    """Widen each column to its longest value; captions and notes may run past it, alone on their rows."""
    widths: dict[int, int] = {}
    for row in sheet.iter_rows():
        for cell in row:
            if cell.value is None or cell.font.size == TITLE.size or cell.font.italic:
                continue
            widths[cell.column] = max(widths.get(cell.column, 0), len(str(cell.value)))
    for column, width in widths.items():
        letter = get_column_letter(column)
        sheet.column_dimensions[letter].width = min(MAX_COLUMN_WIDTH, width + 2)
        if width > MAX_COLUMN_WIDTH:
            for cell in sheet[letter]:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
