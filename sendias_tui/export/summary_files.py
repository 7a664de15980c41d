"""Write a quarter's summary tables as CSV, Markdown, JSON or an Excel workbook.

Every format is built from the same ``QuarterReport``, so the files agree with
``sendias summary`` and the summary screen figure for figure.
"""

from __future__ import annotations

import csv
import io
import json
from enum import StrEnum
from pathlib import Path
from typing import Any

from sendias_tui.export.files import write_owner_only
from sendias_tui.report.model import Cell, QuarterReport, ReportRow, ReportTable


class SummaryFormat(StrEnum):
    """File formats the summary tables can be exported in; the value is the usual extension."""

    CSV = "csv"
    XLSX = "xlsx"
    MD = "md"
    JSON = "json"

    @classmethod
    def from_path(cls, path: Path) -> SummaryFormat | None:
        """Return the format a file name's extension names, or None if it names none."""
        extension = path.suffix.lower().removeprefix(".")
        if extension == "markdown":
            return cls.MD
        try:
            return cls(extension)
        except ValueError:
            return None


def _table_rows(table: ReportTable) -> list[ReportRow]:
    return [*table.rows, table.total] if table.total is not None else list(table.rows)


def _cell_text(value: Cell) -> str:
    return "" if value is None else str(value)


# CSV


def format_csv(report: QuarterReport) -> str:
    """Return one CSV block per table: the caption, the header, then the rows.

    A blank line separates the blocks, and the report's notes follow the last one.
    """
    output = io.StringIO(newline="")
    writer = csv.writer(output, lineterminator="\r\n")
    for index, table in enumerate(report.tables):
        if index:
            writer.writerow([])
        writer.writerow([table.caption])
        writer.writerow(table.columns)
        for row in _table_rows(table):
            writer.writerow([row.label, *(_cell_text(value) for value in row.values)])
        for note in table.notes:
            writer.writerow([note])
    if report.notes:
        writer.writerow([])
        for note in report.notes:
            writer.writerow([note])
    return output.getvalue()


# Markdown


def _markdown_cell(text: str) -> str:
    # A pipe would end the cell and a line break the row.
    return " ".join(text.split()).replace("\\", "\\\\").replace("|", "\\|")


def _markdown_bold(text: str) -> str:
    return f"**{_markdown_cell(text)}**" if text else ""


def format_markdown(report: QuarterReport) -> str:
    """Return the report as Markdown: a heading per table caption, then a table."""
    lines = [f"# Quarterly data summary, {report.quarter.title}", ""]
    for table in report.tables:
        lines.append(f"## {_markdown_cell(table.caption)}")
        lines.append("")
        lines.append("| " + " | ".join(_markdown_cell(column) for column in table.columns) + " |")
        # Value columns are right-aligned, as figures usually are.
        lines.append("| --- |" + " ---: |" * (len(table.columns) - 1))
        for row in table.rows:
            cells = [_markdown_cell(row.label), *(_markdown_cell(_cell_text(value)) for value in row.values)]
            lines.append("| " + " | ".join(cells) + " |")
        if table.total is not None:
            cells = [_markdown_bold(table.total.label)]
            cells.extend(_markdown_bold(_cell_text(value)) for value in table.total.values)
            lines.append("| " + " | ".join(cells) + " |")
        lines.append("")
        for note in table.notes:
            lines.append(_markdown_cell(note))
            lines.append("")
    for note in report.notes:
        lines.append(_markdown_cell(note))
        lines.append("")
    return "\n".join(lines)


# JSON


def _row_data(row: ReportRow) -> dict[str, Any]:
    return {"label": row.label, "values": list(row.values)}


def report_data(report: QuarterReport) -> dict[str, Any]:
    """Return the report as plain data for ``json.dumps``; numbers stay numbers."""
    quarter = report.quarter
    return {
        "quarter": quarter.code,
        "quarter_scheme": quarter.scheme.value,
        "start": quarter.start.isoformat(),
        "end": quarter.end.isoformat(),
        "new_enquiries": report.new_enquiries,
        "tables": [
            {
                "key": table.key,
                "number": table.number,
                "title": table.title,
                "columns": list(table.columns),
                "rows": [_row_data(row) for row in table.rows],
                "total": _row_data(table.total) if table.total is not None else None,
                "notes": list(table.notes),
            }
            for table in report.tables
        ],
        "notes": list(report.notes),
    }


def format_json(report: QuarterReport) -> str:
    """Return the report as indented JSON text."""
    return json.dumps(report_data(report), ensure_ascii=False, indent=2) + "\n"


# Files


def format_summary(report: QuarterReport, summary_format: SummaryFormat) -> bytes:
    """Return the bytes of the report in ``summary_format``; text formats are UTF-8."""
    if summary_format is SummaryFormat.XLSX:
        # Imported here because openpyxl, which loads numpy, took 0.3 to 0.5 s
        # under ``python -X importtime``, more than the rest of the command
        # line, and only xlsx output needs it.
        from sendias_tui.export.summary_xlsx import format_xlsx

        return format_xlsx(report)
    if summary_format is SummaryFormat.CSV:
        text = format_csv(report)
    elif summary_format is SummaryFormat.MD:
        text = format_markdown(report)
    else:
        text = format_json(report)
    return text.encode("utf-8")


def write_summary(
    path: Path, report: QuarterReport, summary_format: SummaryFormat, *, overwrite: bool = False
) -> None:
    """Write the report to a new owner-only file at ``path``.

    Raises:
        FileExistsError: ``path`` exists and ``overwrite`` is false.
        ExportWriteError: the file could not be written.
    """
    write_owner_only(path, format_summary(report, summary_format), overwrite=overwrite)
