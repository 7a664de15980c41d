"""Draw a ``ChartSpec`` in the terminal with Rich, readable at 80 columns and in monochrome.

Bar charts are horizontal: one bar per category and series, with the value
at the end of each bar and a labelled value axis below. Each series has its
own fill character (█ ▓ ░ ...) as well as its own colour, so series stay apart
in a terminal without colour. Line charts are drawn as a grid of points with
the values printed under each period. Dots join the points of a single
series. When the periods do not fit across the width, a line chart is drawn
as bars per period instead.

Category labels, series names and captions are service data, so they are
always built as plain ``Text`` and never parsed as markup.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from rich.align import AlignMethod
from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.text import Text

from sendias_tui.report.charts import ChartKind, ChartSpec

FILLS = ("█", "▓", "░", "▒", "■", "≡")
"""Fill characters, one per series in order, repeating after the sixth series."""
COLOURS = ("cyan", "magenta", "yellow", "green", "blue", "red")
"""Colours, one per series, shown only where the terminal has colour."""
NO_VALUE = "\u2013"
"""En dash, shown where a series has no value for a category."""

MIN_BAR_WIDTH = 10
"""Narrowest bar area worth drawing, kept by wrapping long labels."""
GRID_HEIGHT = 9
"""Maximum rows of a line chart's plotting area, leaving room for a few series in 24 lines."""
MAX_SLOT = 12
"""Widest column a period of a line chart gets."""
MIN_WIDTH = 40
"""Narrowest width a chart is laid out for. A narrower console crops its lines."""


def format_value(value: int | float | None, unit: str = "") -> str:
    """Format a chart value as the tables do: counts whole, others to one decimal place."""
    if value is None:
        return NO_VALUE
    if isinstance(value, float) and not value.is_integer():
        return f"{value:.1f}{unit}"
    return f"{int(value)}{unit}"


def nice_ticks(maximum: float, max_ticks: int, *, whole: bool = False) -> list[float]:
    """Return evenly spaced axis ticks from 0 up to at least ``maximum``.

    The step is 1, 2 or 5 times a power of ten, so tick labels stay short and
    easy to read. There are at most ``max_ticks`` ticks, and at least two.
    With ``whole``, for counts, the step is at least 1, so no tick reads 0.2.
    """
    max_ticks = max(2, max_ticks)
    if maximum <= 0:
        return [0, 1]
    raw_step = maximum / (max_ticks - 1)
    if whole:
        raw_step = max(raw_step, 1)
    power = 10 ** math.floor(math.log10(raw_step))
    for multiple in (1, 2, 5, 10):
        step = multiple * power
        if math.ceil(maximum / step) + 1 <= max_ticks:
            break
    count = math.ceil(maximum / step)
    ticks = [step * index for index in range(count + 1)]
    return [int(tick) if float(tick).is_integer() else round(tick, 10) for tick in ticks]


def _plain(label: str) -> str:
    """Collapse line breaks and runs of spaces in a label, so it wraps as one phrase."""
    return " ".join(label.split())


def _fit(text: str, width: int, align: AlignMethod = "left") -> str:
    """Pad or cut ``text`` to exactly ``width`` terminal cells, counting wide characters as two."""
    fitted = Text(text, overflow="ellipsis")
    fitted.align(align, width)
    return fitted.plain


@dataclass(frozen=True)
class _Style:
    """Fill character and colour of one series."""

    fill: str
    colour: str


def _series_styles(count: int) -> list[_Style]:
    return [
        _Style(FILLS[index % len(FILLS)], COLOURS[index % len(COLOURS)]) for index in range(count)
    ]


class TerminalChart:
    """A Rich renderable that draws one chart.

    Example::

        console.print(TerminalChart(spec))

    Args:
        spec: the chart's data and labels.
        show_caption: print the caption ("Figure 2: ...") above the chart.
        value_labels: the text written at each value, one list per series
            with one text per category. By default values are formatted as
            numbers with the chart's unit. Callers pass the report table's
            text where a chart has no value, such as the marker of a count
            hidden by disclosure control.

    Raises:
        ValueError: ``value_labels`` does not have one text per value.
    """

    def __init__(
        self,
        spec: ChartSpec,
        *,
        show_caption: bool = True,
        value_labels: Sequence[Sequence[str]] | None = None,
    ) -> None:
        self.spec = spec
        self.show_caption = show_caption
        if value_labels is None:
            value_labels = [
                [format_value(value, spec.unit) for value in series.values]
                for series in spec.series
            ]
        shape = [len(series.values) for series in spec.series]
        if [len(texts) for texts in value_labels] != shape:
            raise ValueError(
                f"value_labels of {spec.number} must have one text per value: "
                f"expected lengths {shape}, got {[len(texts) for texts in value_labels]}"
            )
        self.value_labels = [[_plain(text) for text in texts] for texts in value_labels]

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement(min(MIN_WIDTH, options.max_width), options.max_width)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = max(MIN_WIDTH, options.max_width)
        if self.show_caption:
            yield Text(_plain(self.spec.caption), style="bold")
        if not self.spec.categories or not self.spec.series:
            yield Text("No data to chart.", style="italic")
            return
        if self.spec.kind is ChartKind.LINE:
            grid = _line_grid(self.spec, self.value_labels, width)
            if grid is not None:
                yield from grid
                return
        yield from _bars(console, self.spec, self.value_labels, width)


def _line(*parts: tuple[str, str] | str) -> Text:
    """Build one output line that never wraps, from plain strings and (text, style) pairs."""
    line = Text(no_wrap=True, overflow="crop", end="\n")
    for part in parts:
        if isinstance(part, tuple):
            line.append(part[0], style=part[1])
        else:
            line.append(part)
    return line


def _legend(spec: ChartSpec, styles: Sequence[_Style], width: int) -> Iterator[Text]:
    """Yield the legend, wrapping between entries, when there is more than one series."""
    if len(spec.series) < 2:
        return
    line = _line()
    for series, style in zip(spec.series, styles, strict=False):
        entry = f"{style.fill * 2} {_plain(series.name)}"
        gap = "   " if line.cell_len else ""
        if line.cell_len and line.cell_len + cell_len(gap + entry) > width:
            yield line
            line, gap = _line(), ""
        line.append(gap)
        line.append(style.fill * 2, style=style.colour)
        name = f" {_plain(series.name)}"
        line.append(_fit(name, min(width - line.cell_len, cell_len(name))))
    yield line


def _axis_lines(
    ticks: Sequence[float], positions: Sequence[int], indent: int, span: int, width: int, unit: str
) -> Iterator[Text]:
    """Yield the value axis: a rule with tick marks, then the tick values under them."""
    rule = ["─"] * (span + 1)
    for position in positions:
        rule[position] = "┬"
    rule[0] = "└"
    yield _line(" " * indent, "".join(rule))

    labels = [" "] * width
    last_end = -1
    for tick, position in zip(ticks, positions, strict=True):
        text = format_value(tick, unit)
        start = indent + position - (len(text) - 1) // 2
        start = max(start, indent, last_end + 2)
        if start + len(text) > width:
            start = width - len(text)
            if start <= last_end + 1:
                continue
        labels[start : start + len(text)] = list(text)
        last_end = start + len(text) - 1
    yield _line("".join(labels).rstrip())


def _bars(
    console: Console, spec: ChartSpec, value_labels: Sequence[Sequence[str]], width: int
) -> Iterator[Text]:
    """Yield a horizontal bar chart: categories down the side, values along the bottom."""
    styles = _series_styles(len(spec.series))
    values = [value for series in spec.series for value in series.values if value is not None]
    maximum = max((value for value in values), default=0)
    value_width = max((cell_len(text) for texts in value_labels for text in texts), default=1)

    longest_label = max(
        (cell_len(_plain(label)) for label in (*spec.categories, spec.category_label)), default=1
    )
    # Give labels what they need up to a third of the width, then wrap them.
    label_width = max(4, min(longest_label, width // 3, width - MIN_BAR_WIDTH - value_width - 3))
    bar_width = max(1, width - label_width - 3 - value_width)

    whole = all(float(value).is_integer() for value in values)
    ticks = nice_ticks(maximum, max(2, bar_width // 8), whole=whole)
    top = ticks[-1]

    def length(value: float) -> int:
        if value <= 0:
            return 0
        # A value above 0 always gets at least one cell, so it is not read as 0.
        return max(1, round(value / top * bar_width))

    yield _line((_fit(_plain(spec.category_label), label_width), "bold"))

    for index, category in enumerate(spec.categories):
        wrapped = Text(_plain(category)).wrap(console, label_width, overflow="fold")
        label_lines = [line.plain for line in wrapped] or [""]
        rows = max(len(spec.series), len(label_lines))
        for row in range(rows):
            label = _fit(label_lines[row] if row < len(label_lines) else "", label_width)
            if row >= len(spec.series):
                yield _line(label, " │")
                continue
            series = spec.series[row]
            value = series.values[index] if index < len(series.values) else None
            bar = styles[row].fill * (length(value) if value is not None else 0)
            value_text = value_labels[row][index] if index < len(value_labels[row]) else NO_VALUE
            yield _line(label, " │", (bar, styles[row].colour), " ", value_text)

    positions = [round(tick / top * bar_width) for tick in ticks]
    yield from _axis_lines(ticks, positions, label_width + 1, bar_width, width, spec.unit)
    axis_label = _fit(_plain(spec.value_label), width - label_width - 2)
    yield _line(" " * (label_width + 2), (axis_label.rstrip(), "italic"))
    yield from _legend(spec, styles, width)


def _line_grid(
    spec: ChartSpec, value_labels: Sequence[Sequence[str]], width: int
) -> list[Text] | None:
    """Draw a line chart as a grid of points, or return None when the periods do not fit."""
    styles = _series_styles(len(spec.series))
    values = [value for series in spec.series for value in series.values if value is not None]
    maximum = max(values, default=0)
    ticks = nice_ticks(maximum, 5, whole=all(float(value).is_integer() for value in values))
    top = ticks[-1]
    axis_width = max(cell_len(format_value(tick, spec.unit)) for tick in ticks)

    cells = [_plain(label) for label in spec.categories]
    value_texts = [text for texts in value_labels for text in texts]
    indent = axis_width + 2
    needed = max(cell_len(text) for text in (*cells, *value_texts)) + 2
    if indent + needed * len(cells) > width:
        return None
    # Spread the periods over the width, but not so far apart that the shape is lost.
    slot = max(needed, min(MAX_SLOT, (width - indent) // len(cells)))

    # Rows per tick step are whole, so every tick falls on a row of its own.
    steps = max(1, (GRID_HEIGHT - 1) // (len(ticks) - 1))
    height = steps * (len(ticks) - 1) + 1
    bottom = height - 1

    def row_of(value: float) -> int:
        return bottom - round(max(0.0, value) / top * bottom)

    # Grid rows run from the top (row 0) to the bottom (value 0).
    grid = [[" "] * (slot * len(cells)) for _ in range(height)]
    owner: dict[tuple[int, int], int] = {}
    for series_index, series in enumerate(spec.series):
        # Series sharing a point sit side by side so neither hides the other.
        offset = min(series_index, max(0, slot // 2 - 1)) - 1
        points = [
            (index * slot + slot // 2 + offset, row_of(value)) if value is not None else None
            for index, value in enumerate(series.values[: len(cells)])
        ]
        # Dots between neighbouring points show the line of a single series. A
        # missing value leaves a gap. With several series the dots of each
        # would look the same in monochrome, so only points show.
        pairs = zip(points, points[1:]) if len(spec.series) == 1 else ()
        for start, end in pairs:
            if start is None or end is None:
                continue
            (start_column, start_row), (end_column, end_row) = start, end
            for column in range(start_column + 1, end_column):
                fraction = (column - start_column) / (end_column - start_column)
                row = round(start_row + (end_row - start_row) * fraction)
                if grid[row][column] == " ":
                    grid[row][column] = "·"
                    owner[(row, column)] = series_index
        for point in points:
            if point is None:
                continue
            column, row = point
            grid[row][column] = styles[series_index].fill
            owner[(row, column)] = series_index

    tick_rows = {row_of(tick): tick for tick in ticks}
    lines = [_line((_fit(_plain(spec.value_label), width).rstrip(), "italic"))]
    for row in range(height):
        tick = tick_rows.get(row)
        label = format_value(tick, spec.unit) if tick is not None else ""
        line = _line(_fit(label, axis_width, "right"), " ┤" if tick is not None else " │")
        for column, character in enumerate(grid[row]):
            series_index = owner.get((row, column))
            colour = styles[series_index].colour if series_index is not None else ""
            line.append(character, style=colour)
        lines.append(line)
    lines.append(_line(" " * (indent - 1), "└", "─" * (slot * len(cells))))
    lines.append(_line(" " * indent, "".join(_fit(label, slot, "center") for label in cells)))
    for series_index, series in enumerate(spec.series):
        marker = styles[series_index].fill
        texts = list(value_labels[series_index][: len(cells)])
        texts += [NO_VALUE] * (len(cells) - len(texts))
        lines.append(
            _line(
                " " * (indent - 2),
                (marker, styles[series_index].colour),
                " ",
                "".join(_fit(text, slot, "center") for text in texts),
            )
        )
    category_label = _fit(_plain(spec.category_label), width - indent).rstrip()
    lines.append(_line(" " * indent, (category_label, "italic")))
    lines.extend(_legend(spec, styles, width))
    return lines
