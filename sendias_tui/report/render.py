"""Draw the quarterly summary with Rich, for the summary screen and the terminal.

Every label is built as a plain ``Text``, never parsed as markup, because
category names and notes come from the service's own data: a category called
``[urgent]`` must show as typed.
"""

from __future__ import annotations

from rich import box
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from sendias_tui.report.model import Cell, QuarterReport, ReportTable

# Rich's SIMPLE_HEAD box, plus a rule above the total row so it reads apart.
_BOX = box.Box(
    "    \n"
    "    \n"
    " ── \n"
    "    \n"
    " ── \n"
    "    \n"
    "    \n"
    "    \n"
)

NO_VALUE = "\u2013"
"""En dash, shown where a cell has no value (nothing to average, no share)."""


def format_cell(value: Cell) -> str:
    """Format one cell: counts as they are, averages to one decimal place."""
    if value is None:
        return NO_VALUE
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, float):
        return f"{value:.1f}"
    return str(value)


def render_table(table: ReportTable) -> Table:
    """Build a Rich table with the caption above and the total row set apart.

    The label column takes the spare width and wraps its text, so the figures
    stay on screen at 80 columns even beside a long category name.
    """
    rendered = Table(
        title=Text(table.caption, style="bold"),
        title_justify="left",
        caption=Text("\n".join(table.notes)) if table.notes else None,
        caption_justify="left",
        box=_BOX,
        # Wide enough for the caption, so a narrow table does not wrap it.
        min_width=len(table.caption),
        show_edge=False,
        pad_edge=False,
    )
    label_heading, *value_headings = table.columns
    rendered.add_column(Text(label_heading), overflow="fold")
    for heading in value_headings:
        rendered.add_column(Text(heading, justify="right"), justify="right")

    for row in table.rows:
        rendered.add_row(Text(row.label), *(Text(format_cell(value)) for value in row.values))
    if table.total is not None:
        rendered.add_section()
        rendered.add_row(
            Text(table.total.label),
            *(Text(format_cell(value)) for value in table.total.values),
            style="bold",
        )
    return rendered


def render_report(report: QuarterReport) -> Group:
    """Stack every table of the report in order, with the report's notes first."""
    parts: list[RenderableType] = [
        Text(f"Quarterly data summary, {report.quarter.title}", style="bold underline"),
        Text(f"New enquiries in the quarter: {report.new_enquiries}"),
    ]
    parts.extend(Text(note, style="italic") for note in report.notes)
    for table in report.tables:
        parts.append(Text(""))
        parts.append(render_table(table))
    return Group(*parts)
