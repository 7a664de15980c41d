"""A quarter's full summary: which tables and figures it has, in which order, and its checks."""

from __future__ import annotations

from datetime import date

import pytest

from sendias_tui.demo import demo_records
from sendias_tui.demo_metrics import demo_metrics, demo_published_totals
from sendias_tui.domain.metrics import PublishedTotals
from sendias_tui.domain.quarters import Quarter, QuarterScheme
from sendias_tui.publish.document import build_document
from sendias_tui.report.full_report import build_full_report
from sendias_tui.report.quality import Severity
from sendias_tui.report.year_on_year import ENQUIRIES_BY_YEAR_KEY, LEVELS_BY_YEAR_KEY

Q3 = Quarter(2023, 3)


@pytest.fixture(scope="module")
def records():
    return demo_records()


def test_full_report_has_every_part(records, categories):
    enquiries, redirects = records

    full = build_full_report(
        Q3, enquiries, redirects, demo_metrics(), demo_published_totals(), categories, today=date(2023, 10, 2)
    )

    assert [table.number for table in full.tables][-2:] == ["Table 10", "Table 11"]
    assert [chart.number for chart in full.charts] == [f"Figure {number}" for number in range(1, 13)]
    levels = next(chart for chart in full.charts if chart.key == LEVELS_BY_YEAR_KEY)
    assert levels.categories == ("2020-Q3", "2021-Q3", "2022-Q3", "2023-Q3")
    assert full.chart_notes
    assert "12 more than in 2022-Q3 (126)" in full.commentary.sentences[0]
    assert full.issues == ()


def test_full_report_without_metrics(records, categories):
    enquiries, redirects = records

    full = build_full_report(Q3, enquiries, redirects, [], [], categories, today=date(2023, 10, 2))

    assert [table.number for table in full.tables][-1] == "Table 9"
    assert [chart.number for chart in full.charts] == ["Figure 1", "Figure 2", "Figure 3", "Figure 4"]
    missing = [issue for issue in full.issues if "No service metrics" in issue.message]
    assert len(missing) == 1
    assert missing[0].severity is Severity.WARNING
    assert "July 2023, August 2023 and September 2023" in missing[0].message


def test_chart_numbers_match_document(records, categories):
    enquiries, redirects = records
    full = build_full_report(
        Q3, enquiries, redirects, demo_metrics(), demo_published_totals(), categories, today=date(2023, 10, 2)
    )
    own_keys = {table.key for table in full.report.tables}

    document = build_document(
        full.report,
        charts=full.charts,
        extra_tables=[table for table in full.tables if table.key not in own_keys],
    )

    assert [(chart.key, chart.number) for chart in full.charts] == [
        (chart.key, chart.number) for chart in document.figures
    ]


def test_published_totals_matched_by_months(categories):
    financial = Quarter(2023, 2, QuarterScheme.FINANCIAL)
    # Typed under the calendar scheme: 2022-Q3 is July to September 2022,
    # which the financial scheme calls 2022-Q2.
    published = [
        PublishedTotals("2022-Q2", new_enquiries=119, existing_enquiries=228),
        PublishedTotals("2022-Q3", new_enquiries=126, existing_enquiries=240),
    ]

    full = build_full_report(financial, [], [], [], published, categories, today=date(2023, 10, 2))

    figure1 = next(chart for chart in full.charts if chart.key == ENQUIRIES_BY_YEAR_KEY)
    assert figure1.categories[-2:] == ("2022-Q2", "2023-Q2")
    assert figure1.series[0].values[-2] == 126
    assert "against 126 in 2022-Q2" in full.commentary.sentences[0]
