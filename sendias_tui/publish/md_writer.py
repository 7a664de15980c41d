"""Write a ``Document`` as Markdown (CommonMark with pipe tables, as GitHub renders it).

Markdown has no portable way to carry an image inside the file, so each
figure is given as a table of the numbers behind it. Where the chart was
computed from a report table, that table is shown, with its total and any
hidden-count markers. Every text is escaped,
so a category such as ``<b>x</b>`` or ``a|b`` shows as typed instead of
turning into HTML or breaking a table.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from sendias_tui.publish.document import (
    AppendixBlock,
    Document,
    FigureBlock,
    Heading,
    Paragraph,
    TableBlock,
)
from sendias_tui.publish.formatting import chart_columns, chart_rows, table_rows
from sendias_tui.report.model import ReportTable

# Characters that start emphasis, links, code, HTML, entities or table cells.
_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&])")
# Text at the start of a block that Markdown would read as a heading, quote or list item.
_BLOCK_MARKER = re.compile(r"^(\s*)([#>+=-])")
_ORDERED_MARKER = re.compile(r"^(\s*\d+)([.)])")


def escape_markdown(text: str) -> str:
    """Return ``text`` with every character Markdown would interpret escaped by a backslash."""
    flat = " ".join(text.split())
    escaped = _INLINE_SPECIAL.sub(r"\\\1", flat)
    escaped = _BLOCK_MARKER.sub(r"\1\\\2", escaped)
    return _ORDERED_MARKER.sub(r"\1\\\2", escaped)


def markdown_text(document: Document) -> str:
    """Return ``document`` as Markdown text."""
    lines = [f"# {escape_markdown(document.title)}", ""]
    for block in document.blocks:
        if isinstance(block, Heading):
            lines += ["#" * (block.level + 1) + " " + escape_markdown(block.text), ""]
        elif isinstance(block, Paragraph):
            lines += [_paragraph(block.text, note=block.note), ""]
        elif isinstance(block, TableBlock):
            table = block.table
            lines += [f"**{escape_markdown(table.caption)}**", ""]
            lines += [*_report_table(table), ""]
            lines += [line for note in table.notes for line in (_paragraph(note, note=True), "")]
        elif isinstance(block, FigureBlock):
            chart = block.chart
            lines += [f"**{escape_markdown(chart.caption)}**", ""]
            if block.data is not None:
                lines += [*_report_table(block.data), ""]
            else:
                lines += [*_pipe_table(chart_columns(chart), chart_rows(chart)), ""]
            lines += [line for note in block.notes for line in (_paragraph(note, note=True), "")]
        elif isinstance(block, AppendixBlock):
            lines += [f"## {escape_markdown(block.title)}", ""]
            for entry in block.entries:
                lines += [f"### {escape_markdown(entry.heading)}", ""]
                lines += [line for text in entry.paragraphs for line in (_paragraph(text), "")]
    return "\n".join(lines).rstrip("\n") + "\n"


def _paragraph(text: str, *, note: bool = False) -> str:
    escaped = escape_markdown(text)
    return f"*{escaped}*" if note else escaped


def _report_table(table: ReportTable) -> list[str]:
    return _pipe_table(table.columns, table_rows(table), bold_last=table.total is not None)


def _pipe_table(
    columns: Sequence[str], rows: Sequence[Sequence[str]], *, bold_last: bool = False
) -> list[str]:
    """Lay out a pipe table: labels aligned left, values right."""
    header = "| " + " | ".join(escape_markdown(column) for column in columns) + " |"
    rule = "| :--- | " + " | ".join("---:" for _ in columns[1:]) + " |"
    lines = [header, rule]
    for index, row in enumerate(rows):
        cells = [escape_markdown(cell) for cell in row]
        if bold_last and index == len(rows) - 1:
            cells = [f"**{cell}**" for cell in cells]
        lines.append("| " + " | ".join(cells) + " |")
    return lines
