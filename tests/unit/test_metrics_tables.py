"""Tables 10 and 11 and the monthly metrics charts of a quarter."""

from __future__ import annotations

from datetime import date

from sendias_tui.domain.categories import Categories
from sendias_tui.domain.metrics import MonthlyMetrics, TopPost
from sendias_tui.domain.quarters import Quarter, QuarterScheme
from sendias_tui.report.charts import ChartKind
from sendias_tui.report.metrics_tables import (
    accessibility_table,
    facebook_reach_chart,
    instagram_reach_chart,
    metrics_charts,
    metrics_tables,
    top_pages_table,
    top_posts_chart,
    translation_chart,
    website_views_chart,
)

Q3 = Quarter(2023, 3)


def rows(table) -> list[tuple[str, object]]:
    return [(row.label, row.values[0]) for row in table.rows]


def test_top_pages_summed_across_months():
    metrics = [
        MonthlyMetrics(2023, 7, top_pages=(("Landing page", 250), ("Contact Us", 40))),
        MonthlyMetrics(2023, 8, top_pages=(("landing  page", 300),)),
        MonthlyMetrics(2023, 9, top_pages=(("Contact Us", 50), ("Support Groups", 60))),
    ]

    table = top_pages_table(Q3, metrics)

    assert table.key == "table10_top_pages"
    assert table.number == "Table 10"
    assert table.columns == ("Page", "Views")
    assert rows(table) == [("Landing page", 550), ("Contact Us", 90), ("Support Groups", 60)]
    assert table.total is None
    assert "2023-Q3" in table.title


def test_top_pages_ties_ordered_by_name():
    metrics = [MonthlyMetrics(2023, 7, top_pages=(("What We Do", 119), ("Support - EHCNA", 119), ("Blog", 200)))]

    table = top_pages_table(Q3, metrics)

    assert [label for label, _ in rows(table)] == ["Blog", "Support - EHCNA", "What We Do"]


def test_top_pages_limited_to_ten_with_note():
    pages = tuple((f"Page {number:02d}", 100 - number) for number in range(12))
    metrics = [MonthlyMetrics(2023, 7, top_pages=pages)]

    table = top_pages_table(Q3, metrics)
    three = top_pages_table(Q3, metrics, limit=3)

    assert len(table.rows) == 10
    assert table.rows[-1].label == "Page 09"
    assert "2 other pages with fewer views are not shown." in table.notes
    assert [label for label, _ in rows(three)] == ["Page 00", "Page 01", "Page 02"]


def test_top_pages_ignore_other_quarters():
    metrics = [
        MonthlyMetrics(2023, 6, top_pages=(("Old page", 1000),)),
        MonthlyMetrics(2023, 7, top_pages=(("Home", 5),)),
        MonthlyMetrics(2023, 10, top_pages=(("New page", 1000),)),
    ]

    assert rows(top_pages_table(Q3, metrics)) == [("Home", 5)]


def test_missing_months_named_in_notes():
    metrics = [MonthlyMetrics(2023, 8, top_pages=(("Home", 5),))]

    table = top_pages_table(Q3, metrics)

    assert (
        "No most viewed pages were entered for July 2023 and September 2023; "
        "the figures cover the other months."
    ) in table.notes


def test_accessibility_in_configured_order_with_zeros(categories: Categories):
    metrics = [
        MonthlyMetrics(2023, 7, accessibility={"Toolbar": 33, "Speech": 1}),
        MonthlyMetrics(2023, 8, accessibility={"Toolbar": 30, "Translate": 10}),
        MonthlyMetrics(2023, 9, accessibility={"Toolbar": 36, "Translate": 13, "Speech": 2}),
    ]

    table = accessibility_table(Q3, metrics, categories.accessibility_function)

    assert table.key == "table11_accessibility"
    assert table.number == "Table 11"
    assert rows(table) == [("Speech", 3), ("Toolbar", 99), ("Translate", 23), ("Picture Dictate", 0)]
    assert table.total is not None
    assert table.total.label == "Total"
    assert table.total.values == (125,)
    assert table.notes == ()


def test_accessibility_with_no_figures_all_zero(categories: Categories):
    table = accessibility_table(Q3, [], categories.accessibility_function)

    assert [value for _, value in rows(table)] == [0, 0, 0, 0]
    assert table.total.values == (0,)  # type: ignore[union-attr]


def test_monthly_charts_one_value_per_month():
    metrics = [
        MonthlyMetrics(2023, 7, website_views=2100, facebook_reach=429, instagram_reach=150),
        MonthlyMetrics(2023, 9, website_views=2500, facebook_reach=494),
    ]

    website = website_views_chart(Q3, metrics)
    facebook = facebook_reach_chart(Q3, metrics)
    instagram = instagram_reach_chart(Q3, metrics)

    assert website.key == "figure5_website_views"
    assert website.categories == ("July", "August", "September")
    assert website.series[0].values == (2100, None, 2500)
    assert facebook.key == "figure8_facebook_reach"
    assert facebook.series[0].values == (429, None, 494)
    assert instagram.key == "figure10_instagram_reach"
    assert instagram.series[0].values == (150, None, None)
    assert website.kind is ChartKind.BAR
    assert "2023-Q3" in facebook.title


def test_financial_quarter_spans_new_year():
    quarter = Quarter(2023, 4, QuarterScheme.FINANCIAL)
    metrics = [MonthlyMetrics(2024, 3, facebook_reach=7), MonthlyMetrics(2023, 3, facebook_reach=99)]

    chart = facebook_reach_chart(quarter, metrics)

    assert chart.categories == ("January", "February", "March")
    assert chart.series[0].values == (None, None, 7)


def test_translation_languages_summed_and_ranked():
    metrics = [
        MonthlyMetrics(2023, 7, translations={"Urdu": 2, "Swahili": 1}),
        MonthlyMetrics(2023, 8, translations={"Polish": 3, "urdu": 1}),
    ]

    chart = translation_chart(Q3, metrics)

    assert chart.key == "figure_translation_languages"
    assert chart.categories == ("Polish", "Urdu", "Swahili")
    assert chart.series[0].values == (3, 3, 1)


def test_top_posts_ranked_by_reach():
    metrics = [
        MonthlyMetrics(2023, 7, top_posts=(
            TopPost("Coffee morning", date(2023, 7, 5), 120),
            TopPost("Summer clubs", date(2023, 7, 14), 300),
        )),
        MonthlyMetrics(2023, 8, top_posts=(
            TopPost("Coffee morning", date(2023, 8, 2), 150),
            TopPost("Exam results", date(2023, 8, 24), 90),
        )),
    ]  # fmt: skip

    chart = top_posts_chart(Q3, metrics)
    top_two = top_posts_chart(Q3, metrics, limit=2)

    assert chart.key == "figure7_facebook_top_posts"
    assert chart.categories == (
        "Summer clubs",
        "Coffee morning (02/08/2023)",
        "Coffee morning (05/07/2023)",
        "Exam results",
    )
    assert chart.series[0].values == (300, 150, 120, 90)
    assert top_two.categories == ("Summer clubs", "Coffee morning")


def test_metrics_parts_left_out_without_figures(categories: Categories):
    metrics = [MonthlyMetrics(2023, 7, facebook_reach=429), MonthlyMetrics(2023, 6, website_views=5)]

    tables = metrics_tables(Q3, metrics, categories)
    charts = metrics_charts(Q3, metrics)

    assert tables == []
    assert [chart.key for chart in charts] == ["figure8_facebook_reach"]


def test_metrics_parts_in_report_order(categories: Categories):
    metrics = [
        MonthlyMetrics(
            2023, 8, website_views=10, top_pages=(("Home", 5),), accessibility={"Speech": 1},
            translations={"Urdu": 1}, facebook_reach=1, instagram_reach=2,
            top_posts=(TopPost("Post", date(2023, 8, 1), 1),),
        )
    ]  # fmt: skip

    tables = metrics_tables(Q3, metrics, categories)
    charts = metrics_charts(Q3, metrics)

    assert [table.key for table in tables] == ["table10_top_pages", "table11_accessibility"]
    assert [chart.key for chart in charts] == [
        "figure5_website_views",
        "figure_translation_languages",
        "figure7_facebook_top_posts",
        "figure8_facebook_reach",
        "figure10_instagram_reach",
    ]
