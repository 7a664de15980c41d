"""Chart data from a report, and charts drawn as PNG images."""

from __future__ import annotations

import io

import pytest
from matplotlib.image import imread
from publish_samples import HIDDEN, hidden_gender_document, sample_report

from sendias_tui.publish.chart_images import DPI, WIDTH_INCHES, render_chart_png
from sendias_tui.publish.formatting import NO_VALUE, chart_alt_text, chart_labels
from sendias_tui.report.charts import ChartKind, ChartSpec, Series
from sendias_tui.report.figures import charts_from_report
from sendias_tui.report.model import ReportRow

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def _chart(kind=ChartKind.BAR, categories=("July", "August"), series=None, unit=""):
    return ChartSpec(
        key="figure5_website_views",
        number="Figure 5",
        title="Website page views, 2023-Q3",
        kind=kind,
        categories=categories,
        series=series if series is not None else (Series("Views", (10, None)),),
        category_label="Month",
        value_label="Page views",
        unit=unit,
    )


def test_charts_from_report_keys(categories):
    charts = charts_from_report(sample_report(categories))

    assert [chart.key for chart in charts] == [
        "figure2_age_group",
        "figure3_gender",
        "figure4_intervention_level",
    ]


def test_age_chart_matches_table(categories):
    report = sample_report(categories)
    table = report.table("figure2_age_group")
    chart = charts_from_report(report)[0]

    assert chart.categories == tuple(row.label for row in table.rows)
    assert chart.series[0].values == tuple(row.values[0] for row in table.rows)
    assert chart.title == table.title
    assert dict(zip(chart.categories, chart.series[0].values, strict=True))["Under 5"] == 1


def test_level_chart_gives_shares(categories):
    chart = charts_from_report(sample_report(categories))[2]

    assert chart.categories == ("Level 1", "Level 2", "Level 3", "Level 4")
    assert chart.series[0].values == (40, 20, 20, 20)
    assert chart.unit == "%"
    assert "2023-Q3" in chart.title


def test_level_chart_leaves_out_not_recorded(categories):
    report = sample_report(categories)
    levels = report.table("figure4_intervention_level")
    with_missing = type(levels)(
        key=levels.key, number=levels.number, title=levels.title, columns=levels.columns,
        rows=(*levels.rows, ReportRow("Not recorded", (2, None))), total=levels.total,
    )  # fmt: skip
    tables = tuple(with_missing if t.key == levels.key else t for t in report.tables)
    report = type(report)(report.quarter, tables, report.new_enquiries, report.notes)

    chart = charts_from_report(report)[2]

    assert "Not recorded" not in chart.categories


def test_suppressed_cell_has_no_chart_value(categories):
    report = sample_report(categories)
    gender = report.table("figure3_gender")
    marked = type(gender)(
        key=gender.key, number=gender.number, title=gender.title, columns=gender.columns,
        rows=tuple(ReportRow(row.label, ("[c]",)) for row in gender.rows),
    )  # fmt: skip
    tables = tuple(marked if t.key == gender.key else t for t in report.tables)
    report = type(report)(report.quarter, tables, report.new_enquiries, report.notes)

    chart = charts_from_report(report)[1]

    assert set(chart.series[0].values) == {None}


@pytest.mark.parametrize("kind", list(ChartKind))
def test_chart_drawn_as_png(kind):
    image = render_chart_png(_chart(kind))

    assert image.startswith(PNG_SIGNATURE)
    pixels = imread(io.BytesIO(image))
    assert pixels.shape[1] == int(WIDTH_INCHES * DPI)


def test_long_labels_drawn_horizontally():
    titles = ("A post about the summer holiday activities for families", "Coffee morning")
    image = render_chart_png(_chart(categories=titles, series=(Series("Reach", (812, 233)),)))

    pixels = imread(io.BytesIO(image))
    assert pixels.shape[1] == int(WIDTH_INCHES * DPI)


def test_several_series_and_empty_chart_drawn():
    several = (Series("2022", (1, 2)), Series("2023", (3, 4)))

    assert render_chart_png(_chart(series=several)).startswith(PNG_SIGNATURE)
    assert render_chart_png(_chart(categories=(), series=())).startswith(PNG_SIGNATURE)


def test_same_chart_same_bytes():
    assert render_chart_png(_chart()) == render_chart_png(_chart())


def test_alt_text_gives_every_value():
    text = chart_alt_text(_chart(unit="%"))

    assert text == "Bar chart of page views by month. July 10%, August no value."


def test_alt_text_names_each_series():
    several = (Series("2022", (1, 2)), Series("2023", (3, 4)))

    text = chart_alt_text(_chart(kind=ChartKind.LINE, series=several))

    assert text == "Line chart of page views by month. 2022: July 1, August 2; 2023: July 3, August 4."


def test_hidden_count_labelled_with_marker(categories):
    document = hidden_gender_document(categories)
    block = next(b for b in document.blocks if getattr(b, "chart", None) and b.chart.key == "figure3_gender")

    labels = chart_labels(block.chart, block.data)

    assert set(labels[0]) == {HIDDEN}
    assert f"Female {HIDDEN}" in chart_alt_text(block.chart, block.data)
    assert render_chart_png(block.chart, block.data).startswith(PNG_SIGNATURE)


def test_missing_value_without_table_labelled_as_no_value():
    assert chart_labels(_chart()) == [["10", NO_VALUE]]
