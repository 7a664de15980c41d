"""Chart data for the figures that a quarter's records alone can fill.

Figures 2 and 3 (new enquiries by age group and by gender) and Figure 4
(each intervention level's share of new enquiries) come straight from their
report tables, so a chart always shows the numbers of the table behind it.
Year-on-year and service metrics figures need data a ``QuarterReport`` does
not contain and are built elsewhere.
"""

from __future__ import annotations

from sendias_tui.report.charts import ChartKind, ChartSpec, Series
from sendias_tui.report.model import QuarterReport, ReportTable

AGE_GROUP_KEY = "figure2_age_group"
GENDER_KEY = "figure3_gender"
INTERVENTION_LEVEL_KEY = "figure4_intervention_level"


def charts_from_report(report: QuarterReport) -> list[ChartSpec]:
    """Build the figures computable from ``report``, in report order.

    A figure whose table the report lacks is left out, so a partial report
    still gives the charts it can.
    """
    charts = []
    for key in (AGE_GROUP_KEY, GENDER_KEY, INTERVENTION_LEVEL_KEY):
        try:
            table = report.table(key)
        except KeyError:
            continue
        if key == INTERVENTION_LEVEL_KEY:
            charts.append(_level_shares_chart(table, report.quarter.code))
        else:
            charts.append(_counts_chart(table))
    return charts


def _counts_chart(table: ReportTable) -> ChartSpec:
    """Chart the first value column of a category table, one bar per row."""
    return ChartSpec(
        key=table.key,
        number=table.number,
        title=table.title,
        kind=ChartKind.BAR,
        categories=tuple(row.label for row in table.rows),
        series=(Series(table.columns[1], tuple(_number(row.values[0]) for row in table.rows)),),
        category_label=table.columns[0],
        value_label=table.columns[1],
    )


def _level_shares_chart(table: ReportTable, quarter_code: str) -> ChartSpec:
    """Chart each level's share of new enquiries.

    Shares are of the enquiries that have a level, so a "Not recorded" row
    has no share (None). The chart leaves it out and the table keeps it. A
    share hidden by disclosure control keeps its bar, with no value.
    """
    # Values start after the label column, hence the offset of one.
    share_index = table.columns.index("Share (%)") - 1
    rows = [row for row in table.rows if row.values[share_index] is not None]
    return ChartSpec(
        key=table.key,
        number=table.number,
        title=f"Share of new enquiries at each intervention level, {quarter_code}",
        kind=ChartKind.BAR,
        categories=tuple(row.label for row in rows),
        series=(
            Series("Share of new enquiries", tuple(_number(row.values[share_index]) for row in rows)),
        ),
        category_label=table.columns[0],
        value_label="Share of new enquiries (%)",
        unit="%",
    )


def _number(cell: object) -> int | float | None:
    """Return a cell as a chart value; text such as a hidden-count marker has none.

    Document writers label such a value from the table behind the chart.
    """
    if isinstance(cell, bool):
        return None
    if isinstance(cell, int | float):
        return cell
    return None
