"""Typed metrics and published totals: parsing, the shared rules, and where each problem points."""

from __future__ import annotations

from datetime import date

from sendias_tui.domain.metrics import MonthlyMetrics, PublishedTotals, TopPost
from sendias_tui.metrics_form_values import (
    MetricsFormValues,
    NamedCountText,
    PostText,
    accessibility_names,
    build_metrics,
    values_from_metrics,
)
from sendias_tui.published_form_values import (
    TotalsFormValues,
    build_published_totals,
    values_from_totals,
)

TODAY = date(2023, 10, 2)


def test_metrics_built_from_typed_text(categories):
    values = MetricsFormValues(
        website_views="1200",
        top_pages=(NamedCountText(" Home  page ", "300"), NamedCountText()),
        accessibility={"Speech": "4", "Toolbar": ""},
        translations=(NamedCountText("Polish", "3"),),
        facebook_reach="",
        top_posts=(PostText("Coffee morning", "10/08/2023", "210"),),
    )

    metrics, problems = build_metrics(2023, 8, values, categories.accessibility_function, today=TODAY)

    assert problems == []
    assert metrics == MonthlyMetrics(
        2023,
        8,
        website_views=1200,
        top_pages=(("Home page", 300),),
        accessibility={"Speech": 4},
        translations={"Polish": 3},
        top_posts=(TopPost("Coffee morning", date(2023, 8, 10), 210),),
    )


def test_metrics_problems_point_at_inputs(categories):
    values = MetricsFormValues(
        website_views="12x",
        top_pages=(NamedCountText("Home", "5"), NamedCountText("", "3"), NamedCountText("News", "")),
        accessibility={"Speech": "z"},
        translations=(NamedCountText("Urdu", "1"), NamedCountText("urdu", "2")),
        top_posts=(PostText("Old", "01/01/2023", "5"), PostText("New", "", "")),
    )

    metrics, problems = build_metrics(2023, 8, values, categories.accessibility_function, today=TODAY)

    assert metrics is None
    keys = [problem.key for problem in problems]
    assert keys == [
        "website_views",
        "top_pages.1.name",
        "top_pages.2.count",
        "accessibility.Speech",
        "translations.1.name",
        "top_posts.0.posted_on",
        "top_posts.1.posted_on",
        "top_posts.1.reach",
    ]
    messages = {problem.key: str(problem) for problem in problems}
    assert messages["top_pages.2.count"] == "Most viewed pages: missing: enter the views of page 'News'"
    assert "'urdu' is given twice" in messages["translations.1.name"]
    assert "must be dated 25/07/2023 to 31/08/2023" in messages["top_posts.0.posted_on"]


def test_metrics_month_not_started_rejected(categories):
    values = MetricsFormValues(website_views="10")

    metrics, problems = build_metrics(2023, 11, values, categories.accessibility_function, today=TODAY)

    assert metrics is None
    assert [problem.key for problem in problems] == ["month"]
    assert "2023-11 has not started yet" in str(problems[0])


def test_metrics_form_round_trip(categories):
    saved = MonthlyMetrics(
        2023,
        7,
        website_views=2150,
        top_pages=(("Landing page", 300),),
        accessibility={"Toolbar": 40, "Old function": 2},
        top_posts=(TopPost("Summer", date(2023, 7, 14), 210),),
    )
    names = accessibility_names(categories.accessibility_function, saved)

    values = values_from_metrics(saved, names)

    assert names[-1] == "Old function"
    assert values.accessibility["Toolbar"] == "40"
    assert values.accessibility["Speech"] == ""
    assert values.top_posts == (PostText("Summer", "14/07/2023", "210"),)
    assert values_from_metrics(None, names).is_blank


def test_totals_built_from_typed_text():
    values = TotalsFormValues("2021-q3", "112", "214", ("48", "31%", "15", "6"), "1720.5", "1390", "")

    totals, problems = build_published_totals(values)

    assert problems == []
    assert totals == PublishedTotals(
        "2021-Q3",
        new_enquiries=112,
        existing_enquiries=214,
        level_shares={1: 48.0, 2: 31.0, 3: 15.0, 4: 6.0},
        average_monthly_website_views=1720.5,
        facebook_reach=1390,
    )
    assert values_from_totals(totals).level_shares == ("48", "31", "15", "6")


def test_totals_problems_point_at_inputs():
    values = TotalsFormValues("", "x", "", ("50", "50", "50", "abc"), "", "", "")

    totals, problems = build_published_totals(values)

    assert totals is None
    assert [problem.key for problem in problems] == ["quarter", "new_enquiries", "level_shares.4"]
    assert str(problems[0]) == "Quarter: missing: enter a quarter such as 2021-Q3"
