"""The demo's 2023-Q3 service metrics reproduce the published Tables 10 and 11 and charts.

The published tables are read from the copy in ``tests/data/``, which
``test_reference_copy`` keeps equal to the original. The published Table 10
lists two pages with 119 views in another order than the report, which
orders equal views by page name. So the test compares the views position by
position and each page's views by name.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from reference import reference_tables

from sendias_tui.demo import DemoRefused, load_demo
from sendias_tui.demo_metrics import demo_metrics, demo_published_totals
from sendias_tui.domain.categories import Categories
from sendias_tui.domain.metrics import MonthlyMetrics
from sendias_tui.domain.metrics_validation import normalise_metrics, normalise_published_totals
from sendias_tui.domain.quarters import Quarter
from sendias_tui.report.metrics_tables import (
    accessibility_table,
    facebook_reach_chart,
    top_pages_table,
    translation_chart,
)
from sendias_tui.report.year_on_year import Measure, Source, build_year_on_year
from sendias_tui.storage import EnquiryStore

Q3 = Quarter(2023, 3)
TODAY = date(2024, 1, 1)


@pytest.fixture(scope="module")
def published() -> dict:
    return reference_tables()


def pairs(rows) -> list[tuple[str, int]]:
    return [(row.label, row.values[0]) for row in rows]


def chart_pairs(chart) -> list[tuple[str, int | float | None]]:
    return list(zip(chart.categories, chart.series[0].values, strict=True))


def check_q3_metrics(metrics: list[MonthlyMetrics], categories: Categories, published: dict) -> None:
    """Assert that the 2023-Q3 parts built from ``metrics`` equal the published ones."""
    expected_pages = [(name, views) for name, views in published["table10_top_pages"]]
    pages = pairs(top_pages_table(Q3, metrics).rows)
    assert [views for _, views in pages] == [views for _, views in expected_pages]
    assert dict(pages) == dict(expected_pages)

    accessibility = accessibility_table(Q3, metrics, categories.accessibility_function)
    expected_functions = [(name, uses) for name, uses in published["table11_accessibility"]]
    assert pairs(accessibility.rows) == expected_functions
    assert accessibility.total is not None
    assert accessibility.total.values == (sum(uses for _, uses in expected_functions),)

    expected_languages = [(name, uses) for name, uses in published["figure_translation_languages"]]
    assert chart_pairs(translation_chart(Q3, metrics)) == expected_languages

    expected_reach = [(month, reach) for month, reach in published["figure_facebook_total_reach"]]
    assert chart_pairs(facebook_reach_chart(Q3, metrics)) == expected_reach


def test_demo_metrics_match_published_q3(categories, published):
    check_q3_metrics(demo_metrics(), categories, published)


def test_stored_demo_matches_published_q3(data_file: Path, categories, published):
    with EnquiryStore(data_file, user="test") as store:
        load_demo(store)

    with EnquiryStore(data_file, user="test") as reopened:
        stored = reopened.all_metrics()
        totals = reopened.published_totals()

    assert len(stored) == 12
    assert len(totals) == 12
    check_q3_metrics(stored, categories, published)


def test_demo_metrics_pass_validation(categories):
    for metrics in demo_metrics():
        normalised, errors = normalise_metrics(metrics, categories.accessibility_function, today=TODAY)

        assert errors == [], metrics.month_key
        assert normalised == metrics


def test_demo_published_totals_pass_validation():
    totals = demo_published_totals()

    assert [item.quarter for item in totals][0] == "2020-Q1"
    assert [item.quarter for item in totals][-1] == "2022-Q4"
    for item in totals:
        normalised, errors = normalise_published_totals(item)

        assert errors == [], item.quarter
        assert normalised == item


def test_demo_metrics_deterministic():
    assert demo_metrics() == demo_metrics()


def test_demo_year_on_year_sources(data_file: Path):
    with EnquiryStore(data_file, user="test") as store:
        load_demo(store)
        result = build_year_on_year(Q3, store.all(), store.all_metrics(), store.published_totals())

    sources = [year.source(Measure.ENQUIRIES) for year in result.years]
    assert sources == [Source.PUBLISHED, Source.PUBLISHED, Source.PUBLISHED, Source.RECORDS]
    facebook = [year.source(Measure.FACEBOOK_REACH) for year in result.years]
    assert facebook == [Source.MISSING, Source.PUBLISHED, Source.PUBLISHED, Source.RECORDS]
    assert result.years[-1].new_enquiries == 138
    assert (
        "New and existing enquiries: 2020-Q3, 2021-Q3 and 2022-Q3 from published totals; "
        "2023-Q3 from records."
    ) in result.notes


def test_demo_refused_when_only_metrics_stored(data_file: Path):
    with EnquiryStore(data_file, user="test") as store:
        store.save_metrics(MonthlyMetrics(2023, 1, website_views=5))

        with pytest.raises(DemoRefused):
            load_demo(store)

        assert store.count() == 0
        assert len(store.all_metrics()) == 1
