"""Draw a ``ChartSpec`` as a PNG image for Word and HTML documents.

Charts use the Okabe-Ito palette, which stays distinct under the common kinds
of colour blindness. Each series also gets its own hatching (bars) or marker
and dash style (lines), and every value is written on the chart, so a
greyscale print loses nothing.
"""

from __future__ import annotations

import io
import textwrap

from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from sendias_tui.publish.formatting import chart_labels
from sendias_tui.report.charts import ChartKind, ChartSpec
from sendias_tui.report.model import ReportTable

PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000")
"""Okabe and Ito's colour-blind-safe colours, in the order series use them."""
HATCHES = ("", "//", "..", "xx", "\\\\", "++", "--", "oo")
MARKERS = ("o", "s", "^", "D", "v", "P", "X", "*")
LINE_STYLES = ("-", "--", ":", "-.")

WIDTH_INCHES = 7.0
DPI = 150
_LABEL_WIDTH = 16
"""Characters per line of a wrapped category label under a vertical bar."""
_HORIZONTAL_LABEL_WIDTH = 32
"""Characters per line of a wrapped category label beside a horizontal bar."""
_HORIZONTAL_LABEL_LENGTH = 18
_HORIZONTAL_CATEGORY_COUNT = 8


def render_chart_png(chart: ChartSpec, data: ReportTable | None = None) -> bytes:
    """Draw ``chart`` and return the PNG bytes.

    Bars run horizontally when the category labels are long or many, such as
    post titles, so the labels stay readable without turning them.

    Args:
        chart: the chart to draw.
        data: the report table the chart was computed from, whose text cells
            (such as hidden-count markers) label the values the chart lacks.
    """
    labels = chart_labels(chart, data)
    horizontal = chart.kind is ChartKind.BAR and _needs_horizontal_bars(chart)
    height = 4.0
    if horizontal:
        bar_count = len(chart.categories) * len(chart.series)
        height = max(3.0, 0.45 * bar_count + 1.2)
    figure = Figure(figsize=(WIDTH_INCHES, height), dpi=DPI, layout="constrained")
    FigureCanvasAgg(figure)
    axes = figure.add_subplot()

    if not chart.categories or not chart.series:
        axes.set_axis_off()
        axes.text(0.5, 0.5, "No data", ha="center", va="center", fontsize=14)
    elif chart.kind is ChartKind.LINE:
        _draw_lines(axes, chart, labels)
    else:
        _draw_bars(axes, chart, labels, horizontal=horizontal)

    if len(chart.series) > 1:
        axes.legend(frameon=False)
    buffer = io.BytesIO()
    # No "Software" metadata, so the same chart always gives the same bytes.
    figure.savefig(buffer, format="png", dpi=DPI, metadata={"Software": None})
    return buffer.getvalue()


def _needs_horizontal_bars(chart: ChartSpec) -> bool:
    longest = max((len(category) for category in chart.categories), default=0)
    return longest > _HORIZONTAL_LABEL_LENGTH or len(chart.categories) > _HORIZONTAL_CATEGORY_COUNT


def _style_axes(axes: Axes) -> None:
    axes.spines["top"].set_visible(False)
    axes.spines["right"].set_visible(False)


def _draw_bars(axes: Axes, chart: ChartSpec, labels: list[list[str]], *, horizontal: bool) -> None:
    """Draw grouped bars, one group per category and one bar per series."""
    count = len(chart.series)
    thickness = 0.8 / count
    positions = range(len(chart.categories))
    for index, series in enumerate(chart.series):
        offset = (index - (count - 1) / 2) * thickness
        places = [position + offset for position in positions]
        # A missing value draws no bar but still gets a label saying so.
        sizes = [value if value is not None else 0 for value in series.values]
        style = {
            "color": PALETTE[index % len(PALETTE)],
            "hatch": HATCHES[index % len(HATCHES)],
            "edgecolor": "black",
            "linewidth": 0.6,
            "label": series.name,
        }
        if horizontal:
            bars = axes.barh(places, sizes, height=thickness, **style)
        else:
            bars = axes.bar(places, sizes, width=thickness, **style)
        axes.bar_label(bars, labels=labels[index], padding=2, fontsize=8)

    if horizontal:
        beside = [textwrap.fill(category, _HORIZONTAL_LABEL_WIDTH) for category in chart.categories]
        axes.set_yticks(list(positions), beside, fontsize=8)
        axes.invert_yaxis()
        axes.set_xlabel(chart.value_label)
        axes.set_ylabel(chart.category_label)
        axes.margins(x=0.12)
        axes.grid(axis="x", color="#dddddd", linewidth=0.6)
    else:
        below = [textwrap.fill(category, _LABEL_WIDTH) for category in chart.categories]
        axes.set_xticks(list(positions), below, fontsize=8)
        axes.set_xlabel(chart.category_label)
        axes.set_ylabel(chart.value_label)
        axes.margins(y=0.12)
        axes.grid(axis="y", color="#dddddd", linewidth=0.6)
    axes.set_axisbelow(True)
    _style_axes(axes)


def _draw_lines(axes: Axes, chart: ChartSpec, labels: list[list[str]]) -> None:
    """Draw one line per series, each with its own marker and dash style, values labelled."""
    positions = list(range(len(chart.categories)))
    for index, series in enumerate(chart.series):
        # NaN leaves a gap in the line where a value is missing.
        values = [float("nan") if value is None else value for value in series.values]
        axes.plot(
            positions,
            values,
            color=PALETTE[index % len(PALETTE)],
            marker=MARKERS[index % len(MARKERS)],
            linestyle=LINE_STYLES[index % len(LINE_STYLES)],
            label=series.name,
        )
        for position, value, text in zip(positions, series.values, labels[index], strict=True):
            # A line has no point to label where the value is missing.
            if value is None:
                continue
            axes.annotate(
                text, (position, value), textcoords="offset points", xytext=(0, 6),
                ha="center", fontsize=8,
            )  # fmt: skip
    below = [textwrap.fill(category, _LABEL_WIDTH) for category in chart.categories]
    axes.set_xticks(positions, below, fontsize=8)
    axes.set_xlabel(chart.category_label)
    axes.set_ylabel(chart.value_label)
    axes.set_ylim(bottom=0)
    axes.margins(y=0.15)
    axes.grid(axis="y", color="#dddddd", linewidth=0.6)
    _style_axes(axes)
