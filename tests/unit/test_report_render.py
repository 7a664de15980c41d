"""Drawing report tables with Rich: captions, alignment, totals and plain labels."""

from __future__ import annotations

import io
from datetime import date

from report_records import new_enquiry, report_for
from rich.console import Console
from rich.table import Table

from sendias_tui.report.model import ReportRow, ReportTable
from sendias_tui.report.render import render_report, render_table

LONG_LABEL = "Mixed White / South Asian (Bangladeshi, Indian, Pakistani etc) " * 2


def _export(renderable, width: int = 80) -> str:
    console = Console(record=True, width=width, file=io.StringIO())
    console.print(renderable)
    return console.export_text()


def _sample_table() -> ReportTable:
    return ReportTable(
        key="table2_main_sen",
        number="Table 2",
        title="New enquiries by main SEN, 2023-Q3",
        columns=("Main SEN", "New enquiries", "Average wait (working days)"),
        rows=(
            ReportRow("[urgent]", (3, 2.0)),
            ReportRow("[bold]not bold[/bold] [/]", (0, None)),
            ReportRow(LONG_LABEL, (17, 4.5)),
        ),
        total=ReportRow("Total", (20, 2.5)),
        notes=("Not in the current main SEN list: '[urgent]'.",),
    )


def test_render_shows_caption():
    text = _export(render_table(_sample_table()))

    assert "Table 2: New enquiries by main SEN, 2023-Q3" in text


def test_render_labels_are_not_markup():
    text = _export(render_table(_sample_table()))

    assert "[urgent]" in text
    assert "[bold]not bold[/bold] [/]" in text
    assert "Not in the current main SEN list: '[urgent]'." in text


def test_render_formats_cells():
    lines = _export(render_table(_sample_table())).splitlines()
    urgent = next(line for line in lines if line.startswith("[urgent]"))
    missing = next(line for line in lines if line.startswith("[bold]"))

    assert urgent.split()[-2:] == ["3", "2.0"]
    assert missing.split()[-2:] == ["0", "\u2013"]


def test_render_numbers_right_aligned():
    rendered = render_table(_sample_table())

    assert rendered.columns[0].justify == "left"
    assert [column.justify for column in rendered.columns[1:]] == ["right", "right"]


def test_render_total_row_bold_and_separated():
    rendered = render_table(_sample_table())
    lines = _export(rendered).splitlines()
    total_index = next(index for index, line in enumerate(lines) if line.startswith("Total"))

    assert rendered.rows[-1].style == "bold"
    assert rendered.rows[-2].end_section
    assert set(lines[total_index - 1].strip()) == {"\u2500"}
    assert lines[total_index].split()[-2:] == ["20", "2.5"]


def test_render_long_label_wraps_at_80():
    lines = _export(render_table(_sample_table())).splitlines()
    first = next(line for line in lines if line.startswith("Mixed White"))

    assert all(len(line) <= 80 for line in lines)
    assert first.split()[-2:] == ["17", "4.5"]


def test_render_table_without_total():
    table = ReportTable("k", "Table 1", "Enquiries, 2023-Q3", ("Type", "July"), (ReportRow("New", (1,)),))

    rendered = render_table(table)

    assert isinstance(rendered, Table)
    assert len(rendered.rows) == 1


def test_render_report_every_table_in_order(categories):
    report = report_for(categories, [new_enquiry(date(2023, 7, 3), main_sen="ASD")])

    text = _export(render_report(report))
    positions = [text.index(table.caption) for table in report.tables]

    assert positions == sorted(positions)
    assert "2023-Q3 (July to September 2023)" in text
    assert all(len(line) <= 80 for line in text.splitlines())
