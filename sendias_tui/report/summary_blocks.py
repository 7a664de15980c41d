"""The blocks of a quarter's summary: sentences, tables and figures, as Rich renderables.

The summary screen shows each block in a widget of its own, and
``sendias summary`` prints them in the same order, so the two agree. Each
block has a stable id, so that stepping between quarters can update the
screen's widgets in place when the next quarter has the same blocks.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from rich.console import RenderableType
from rich.text import Text

from sendias_tui.report.full_report import FullReport
from sendias_tui.report.render import render_table
from sendias_tui.report.terminal_charts import TerminalChart


@dataclass(frozen=True)
class SummaryBlock:
    """One widget's worth of the summary."""

    id: str
    renderable: RenderableType
    classes: str


def table_id(key: str) -> str:
    """Return the widget id of the table with ``key``."""
    return f"summary-{key}"


def chart_id(key: str) -> str:
    """Return the widget id of the figure with ``key``; a table and its figure share a key."""
    return f"chart-{key}"


def _paragraphs(heading: str, sentences: tuple[str, ...]) -> Text:
    text = Text()
    text.append(heading, style="bold")
    for sentence in sentences:
        text.append("\n")
        text.append(sentence)
    return text


def summary_blocks(full: FullReport) -> Iterator[SummaryBlock]:
    """Yield the notes, the interpreting sentences, every table and every figure, in that order."""
    for index, note in enumerate(full.report.notes):
        yield SummaryBlock(f"summary-note-{index}", Text(note), "summary-note")
    sentences = full.commentary.sentences
    if sentences:
        yield SummaryBlock(
            "summary-commentary", _paragraphs("What the figures say", sentences), "summary-text"
        )
    for table in full.tables:
        yield SummaryBlock(table_id(table.key), render_table(table), "summary-table")
    for chart in full.charts:
        yield SummaryBlock(chart_id(chart.key), TerminalChart(chart), "summary-chart")
    if full.chart_notes:
        yield SummaryBlock(
            "summary-chart-sources",
            _paragraphs("Where the year-on-year figures come from", full.chart_notes),
            "summary-text",
        )
