"""Charts drawn in the terminal: labels, values and axes readable at 80 columns in monochrome."""

from __future__ import annotations

from datetime import date

import pytest
from report_records import new_enquiry, report_for
from rich.cells import cell_len
from rich.console import Console

from sendias_tui.report.charts import ChartKind, ChartSpec, Series
from sendias_tui.report.figures import charts_from_report
from sendias_tui.report.terminal_charts import FILLS, NO_VALUE, TerminalChart, nice_ticks

MONTHS = (
    "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December",
)  # fmt: skip


def _render_with(chart: TerminalChart, width: int = 80) -> list[str]:
    console = Console(record=True, width=width, color_system=None)
    console.print(chart)
    return console.export_text().splitlines()


def _render(spec: ChartSpec, width: int = 80) -> list[str]:
    return _render_with(TerminalChart(spec), width)


def _bar_spec(categories, *series, unit="", kind=ChartKind.BAR) -> ChartSpec:
    return ChartSpec(
        key="figure2_age_group",
        number="Figure 2",
        title="New enquiries by age group, 2023-Q3",
        kind=kind,
        categories=tuple(categories),
        series=tuple(Series(name, tuple(values)) for name, values in series),
        category_label="Age group",
        value_label="New enquiries",
        unit=unit,
    )


def _line_with(lines: list[str], text: str) -> str:
    found = [line for line in lines if text in line]
    assert found, f"no line contains {text!r}"
    return found[0]


def _assert_fits(lines: list[str], width: int = 80) -> None:
    for line in lines:
        assert cell_len(line) <= width, line


def test_bar_chart_labels_and_values():
    spec = _bar_spec(["Under 5", "5-10", "11-15", "Not known"], ("New enquiries", [12, 45, 38, 0]))

    lines = _render(spec)

    assert lines[0] == "Figure 2: New enquiries by age group, 2023-Q3"
    assert _line_with(lines, "Under 5").rstrip().endswith(" 12")
    assert _line_with(lines, "5-10").rstrip().endswith(" 45")
    assert _line_with(lines, "Not known").rstrip().endswith("│ 0")
    _assert_fits(lines)


def test_bar_lengths_follow_values():
    spec = _bar_spec(["Small", "Large"], ("New enquiries", [10, 40]))

    lines = _render(spec)
    small = _line_with(lines, "Small").count(FILLS[0])
    large = _line_with(lines, "Large").count(FILLS[0])

    # Each bar is rounded to whole cells, so four times the short bar may be
    # up to four cells off.
    assert abs(large - 4 * small) <= 4
    assert small >= 5


def test_value_axis_labelled():
    spec = _bar_spec(["A", "B"], ("New enquiries", [3, 47]))

    lines = _render(spec)
    rule_index = next(index for index, line in enumerate(lines) if "└" in line)
    ticks = lines[rule_index + 1].split()

    assert ticks[0] == "0"
    assert int(ticks[-1]) >= 47
    assert "┬" in lines[rule_index]
    assert lines[rule_index + 2].strip() == "New enquiries"


def test_tiny_value_still_has_bar():
    spec = _bar_spec(["Rare", "Common"], ("New enquiries", [1, 900]))

    assert _line_with(_render(spec), "Rare").count(FILLS[0]) == 1


def test_series_told_apart_without_colour():
    spec = _bar_spec(
        ["Level 1", "Level 2"], ("2022", [41, 30]), ("2023", [46, 33]), unit="%"
    )

    lines = _render(spec)
    level1 = lines.index(_line_with(lines, "Level 1"))

    assert FILLS[0] in lines[level1]
    assert lines[level1].rstrip().endswith("41%")
    assert FILLS[1] in lines[level1 + 1]
    assert FILLS[0] not in lines[level1 + 1]
    assert lines[level1 + 1].rstrip().endswith("46%")
    legend = lines[-1]
    assert f"{FILLS[0] * 2} 2022" in legend
    assert f"{FILLS[1] * 2} 2023" in legend


def test_missing_value_shows_dash():
    spec = _bar_spec(["2021", "2022"], ("New", [10, 12]), ("Existing", [None, 20]))

    lines = _render(spec)
    row_2021 = lines.index(_line_with(lines, "2021"))

    assert lines[row_2021 + 1].rstrip().endswith(f"│ {NO_VALUE}")


def test_value_labels_show_hidden_counts():
    spec = _bar_spec(["Under 5", "19-25"], ("New enquiries", [19, None]))

    lines = _render_with(TerminalChart(spec, value_labels=[["19", "*"]]))

    assert _line_with(lines, "19-25").rstrip().endswith("│ *")
    assert _line_with(lines, "Under 5").rstrip().endswith(" 19")


def test_value_labels_in_line_grid():
    spec = _bar_spec(["July", "August"], ("Reach", [400, None]), kind=ChartKind.LINE)

    lines = _render_with(TerminalChart(spec, value_labels=[["400", "[x]"]]))
    value_rows = [line.split() for line in lines if line.split()[:1] == [FILLS[0]]]

    assert value_rows == [[FILLS[0], "400", "[x]"]]


def test_value_labels_must_match_values():
    spec = _bar_spec(["A", "B"], ("New enquiries", [1, 2]))

    with pytest.raises(ValueError, match="one text per value"):
        TerminalChart(spec, value_labels=[["1"]])


def test_labels_are_not_markup():
    spec = _bar_spec(["[bold]Urgent[/bold]", "[/]"], ("New enquiries", [4, 5]))

    lines = _render(spec)

    assert _line_with(lines, "[bold]Urgent[/bold]")
    assert _line_with(lines, "[/]")


def test_long_labels_wrap_within_width():
    long_label = "Mixed White / South Asian (Bangladeshi, Indian, Pakistani etc)"
    spec = _bar_spec([long_label, "White - British"], ("New enquiries", [5, 37]))

    lines = _render(spec)
    text = " ".join(line.split("│")[0].strip() for line in lines)

    for word in long_label.split():
        assert word in text
    _assert_fits(lines)


def test_wide_values_fit_in_80_columns():
    spec = _bar_spec(MONTHS, ("Page views", [123456 * (index + 1) for index in range(12)]))

    lines = _render(spec)

    assert _line_with(lines, "December").rstrip().endswith(" 1481472")
    _assert_fits(lines)


def test_line_chart_grid_has_axes_and_values():
    spec = _bar_spec(
        ["July", "August", "September"], ("Facebook reach", [429, 1119, 494]), kind=ChartKind.LINE
    )

    lines = _render(spec)
    axis_labels = [line.split("┤")[0].strip() for line in lines if "┤" in line]
    period_row = lines.index(_line_with(lines, "September"))

    assert axis_labels[0] == "1500"
    assert axis_labels[-1] == "0"
    assert lines[period_row].split() == ["July", "August", "September"]
    assert lines[period_row + 1].split() == [FILLS[0], "429", "1119", "494"]
    assert lines[1].strip() == "New enquiries"
    assert len(lines) <= 24
    _assert_fits(lines)


def test_line_chart_highest_point_on_top_row():
    spec = _bar_spec(["2021", "2022"], ("Reach", [50, 100]), kind=ChartKind.LINE)

    lines = _render(spec)
    top = _line_with(lines, "100 ┤")

    assert FILLS[0] in top


def test_line_chart_several_series():
    spec = _bar_spec(
        ["2021", "2022", "2023"],
        ("Facebook", [200, 450, 700]),
        ("Instagram", [None, 100, 300]),
        kind=ChartKind.LINE,
    )

    lines = _render(spec)
    value_rows = [line.split() for line in lines if line.split()[:1] == [FILLS[1]]]

    assert value_rows == [[FILLS[1], NO_VALUE, "100", "300"]]
    assert "Instagram" in lines[-1]
    assert "Facebook" in lines[-1]


def test_crowded_line_chart_becomes_bars():
    spec = _bar_spec(MONTHS, ("Page views", list(range(1000, 13000, 1000))), kind=ChartKind.LINE)

    lines = _render(spec)

    for month, views in zip(MONTHS, range(1000, 13000, 1000), strict=True):
        assert _line_with(lines, month).rstrip().endswith(f" {views}")
    _assert_fits(lines)


def test_all_zero_chart_draws_axis():
    spec = _bar_spec(["A", "B"], ("New enquiries", [0, 0]))

    lines = _render(spec)

    assert _line_with(lines, "A ").rstrip().endswith("│ 0")
    assert any("└" in line for line in lines)


def test_empty_chart_says_so():
    spec = _bar_spec([], ("New enquiries", []))

    assert _render(spec)[1] == "No data to chart."


def test_narrow_console_stays_inside():
    spec = _bar_spec(
        ["Under 5", "A category with a long name"], ("New enquiries", [12, 3000]), ("Other", [5, 6])
    )

    _assert_fits(_render(spec, width=50), width=50)


def test_report_figures_render(categories):
    enquiries = [new_enquiry(date(2023, 7, 3), age_group="11-15") for _ in range(7)]
    enquiries += [new_enquiry(date(2023, 7, 4), gender=None, intervention_level=2)]
    report = report_for(categories, enquiries)

    for spec in charts_from_report(report):
        lines = _render(spec)

        assert lines[0].startswith(spec.number)
        for category in spec.categories:
            assert _line_with(lines, category)
        _assert_fits(lines)


@pytest.mark.parametrize(
    ("maximum", "max_ticks", "expected"),
    [
        (47, 6, [0, 10, 20, 30, 40, 50]),
        (100, 6, [0, 20, 40, 60, 80, 100]),
        (0, 5, [0, 1]),
        (1, 5, [0, 0.5, 1]),
        (1119, 5, [0, 500, 1000, 1500]),
        (7, 2, [0, 10]),
    ],
)
def test_nice_ticks(maximum, max_ticks, expected):
    assert nice_ticks(maximum, max_ticks) == expected


def test_count_axis_has_whole_ticks():
    spec = ChartSpec(
        "languages", "Figure 7", "Languages, 2023-Q3", ChartKind.BAR, ("Swahili",),
        (Series("Uses", (1,)),), "Language", "Uses",
    )
    console = Console(record=True, width=80, color_system=None)
    console.print(TerminalChart(spec))
    axis = [line for line in console.export_text().splitlines() if line.strip().startswith("0")]

    assert axis, "no axis labels found"
    assert "0.2" not in axis[0]
    assert axis[0].split() == ["0", "1"]


def test_whole_ticks_only_when_asked():
    assert nice_ticks(1, 6) == [0, 0.2, 0.4, 0.6, 0.8, 1]
    assert nice_ticks(1, 6, whole=True) == [0, 1]
