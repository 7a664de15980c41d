"""Cell and chart text shared by the document writers, so every format prints a value the same way."""

from __future__ import annotations

from sendias_tui.report.charts import ChartKind, ChartSpec
from sendias_tui.report.model import Cell, ReportTable

# The summary screen's marker for an empty cell, such as an average over no
# enquiries, so documents and screen agree and no cell is left blank.
from sendias_tui.report.render import NO_VALUE


def format_cell(value: Cell, unit: str = "") -> str:
    """Return a cell as text: thousands separated, averages to one decimal place, text as given."""
    if value is None:
        return NO_VALUE
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, int):
        return f"{value:,}{unit}"
    if isinstance(value, float):
        return f"{value:,.1f}{unit}"
    return str(value)


def is_number(value: Cell) -> bool:
    """Return True for counts and averages, which writers align to the right."""
    return isinstance(value, int | float) and not isinstance(value, bool)


def table_rows(table: ReportTable) -> list[tuple[str, ...]]:
    """Return the body of ``table`` as text, the total row last when there is one."""
    rows = [(row.label, *(format_cell(value) for value in row.values)) for row in table.rows]
    if table.total is not None:
        rows.append((table.total.label, *(format_cell(value) for value in table.total.values)))
    return rows


def chart_labels(chart: ChartSpec, data: ReportTable | None = None) -> list[list[str]]:
    """Return the text written on each value of each series of ``chart``.

    A chart has no value where its table shows text, such as the marker of a
    count hidden by disclosure control, so that text labels the bar instead
    of the no-value dash.

    Args:
        chart: the chart to label.
        data: the report table the chart was computed from, if any.
    """
    markers = {}
    for row in data.rows if data is not None else ():
        texts = [value for value in row.values if isinstance(value, str)]
        if texts:
            markers[row.label] = texts[0]
    return [
        [
            format_cell(value, chart.unit) if value is not None else markers.get(category, NO_VALUE)
            for category, value in zip(chart.categories, series.values, strict=True)
        ]
        for series in chart.series
    ]


def chart_columns(chart: ChartSpec) -> tuple[str, ...]:
    """Return the headings of a chart's data laid out as a table."""
    return (chart.category_label, *(series.name for series in chart.series))


def chart_rows(chart: ChartSpec) -> list[tuple[str, ...]]:
    """Return a chart's data as table rows of text: one row per category."""
    rows = []
    for index, category in enumerate(chart.categories):
        values = (format_cell(series.values[index], chart.unit) for series in chart.series)
        rows.append((category, *values))
    return rows


def chart_alt_text(chart: ChartSpec, data: ReportTable | None = None) -> str:
    """Describe a chart and its every value in words, for readers who cannot see the image."""
    shape = "Line chart" if chart.kind is ChartKind.LINE else "Bar chart"
    if not chart.categories or not chart.series:
        return f"{shape} of {chart.value_label.lower()}: no data."
    parts = []
    for series, labels in zip(chart.series, chart_labels(chart, data), strict=True):
        # Words instead of the dash, which screen readers read out as "en dash".
        values = ", ".join(
            f"{category} {'no value' if label == NO_VALUE else label}"
            for category, label in zip(chart.categories, labels, strict=True)
        )
        parts.append(f"{series.name}: {values}" if len(chart.series) > 1 else values)
    return (
        f"{shape} of {chart.value_label.lower()} by {chart.category_label.lower()}. "
        + "; ".join(parts)
        + "."
    )
