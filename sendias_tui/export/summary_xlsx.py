"""Write a quarter's summary tables as an Excel workbook, one sheet per table."""

from __future__ import annotations

import io
import re

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from sendias_tui.report.model import Cell as ReportCell
from sendias_tui.report.model import QuarterReport, ReportRow, ReportTable

MAX_SHEET_NAME = 31
"""Excel rejects longer sheet names."""

_INVALID_SHEET_CHARACTERS = re.compile(r"[\\/?*:\[\]]")
"""Characters Excel does not allow in a sheet name."""

_BOLD = Font(bold=True)
_CAPTION_FONT = Font(bold=True, size=12)
_MIN_WIDTH = 10
_MAX_WIDTH = 60


def sheet_names(tables: list[ReportTable]) -> list[str]:
    """Return a valid, unique sheet name for each table, from its number ("Table 2").

    Names lose the characters Excel forbids and are cut to 31 characters.
    A name already taken, compared without regard to case as Excel does,
    gets " (2)", " (3)" and so on.
    """
    names: list[str] = []
    taken_names: set[str] = set()
    for table in tables:
        base = _INVALID_SHEET_CHARACTERS.sub(" ", table.number or table.key)
        base = " ".join(base.split()).strip("'")[:MAX_SHEET_NAME] or "Sheet"
        name = base
        suffix = 2
        while name.casefold() in taken_names:
            ending = f" ({suffix})"
            name = base[: MAX_SHEET_NAME - len(ending)] + ending
            suffix += 1
        taken_names.add(name.casefold())
        names.append(name)
    return names


def _set(cell: Cell, value: ReportCell) -> None:
    cell.value = value
    if isinstance(value, str):
        # openpyxl turns text that starts with "=" into a formula; a label is
        # always text.
        cell.data_type = "s"


def _write_row(sheet: Worksheet, row_index: int, row: ReportRow, *, bold: bool) -> None:
    cells = [row.label, *row.values]
    for column_index, value in enumerate(cells, start=1):
        cell = sheet.cell(row=row_index, column=column_index)
        _set(cell, value)
        if bold:
            cell.font = _BOLD
        if isinstance(value, float):
            cell.number_format = "0.0"


def _fill_sheet(sheet: Worksheet, table: ReportTable) -> None:
    caption = sheet.cell(row=1, column=1)
    _set(caption, table.caption)
    caption.font = _CAPTION_FONT

    for column_index, heading in enumerate(table.columns, start=1):
        cell = sheet.cell(row=2, column=column_index)
        _set(cell, heading)
        cell.font = _BOLD
        cell.alignment = Alignment(wrap_text=True, vertical="top")

    row_index = 3
    for row in table.rows:
        _write_row(sheet, row_index, row, bold=False)
        row_index += 1
    if table.total is not None:
        _write_row(sheet, row_index, table.total, bold=True)
        row_index += 1
    for note in table.notes:
        row_index += 1
        _set(sheet.cell(row=row_index, column=1), note)

    labels = [table.columns[0], *(row.label for row in table.rows)]
    if table.total is not None:
        labels.append(table.total.label)
    label_width = max(len(label) for label in labels) + 2
    sheet.column_dimensions["A"].width = max(_MIN_WIDTH, min(_MAX_WIDTH, label_width))
    for column_index, heading in enumerate(table.columns[1:], start=2):
        width = max(_MIN_WIDTH, min(_MAX_WIDTH // 2, len(heading) + 2))
        sheet.column_dimensions[get_column_letter(column_index)].width = width
    sheet.freeze_panes = "B3"


def format_xlsx(report: QuarterReport) -> bytes:
    """Return the report as the bytes of an .xlsx workbook.

    Each table gets a sheet with the caption in A1, the bold header in row 2,
    the rows below and a bold total row. Counts, averages and percentages are
    stored as numbers so that they can be summed and charted. The report's
    notes, if any, go on a last sheet called "Notes".
    """
    workbook = Workbook()
    workbook.remove(workbook.active)
    workbook.properties.creator = "sendias"
    tables = list(report.tables)
    for table, name in zip(tables, sheet_names(tables)):
        _fill_sheet(workbook.create_sheet(title=name), table)
    if report.notes:
        taken_names = {sheet.title.casefold() for sheet in workbook.worksheets}
        notes_sheet = workbook.create_sheet(title="Notes" if "notes" not in taken_names else "Report notes")
        for row_index, note in enumerate(report.notes, start=1):
            _set(notes_sheet.cell(row=row_index, column=1), note)
    if not workbook.worksheets:
        # A workbook must have at least one sheet to be saved.
        workbook.create_sheet(title="Summary")
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()
