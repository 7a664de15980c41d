"""Checking monthly metrics and published totals before they are saved."""

from __future__ import annotations

from datetime import date

from sendias_tui.domain.metrics import MonthlyMetrics, PublishedTotals, TopPost
from sendias_tui.domain.metrics_validation import (
    MetricsFieldError,
    normalise_metrics,
    normalise_published_totals,
)
from sendias_tui.domain.quarters import QuarterScheme

TODAY = date(2024, 1, 15)


def errors_for(metrics: MonthlyMetrics, categories) -> list[MetricsFieldError]:
    _, errors = normalise_metrics(metrics, categories.accessibility_function, today=TODAY)
    return errors  # type: ignore[return-value]


def test_valid_month_has_no_errors(categories):
    metrics = MonthlyMetrics(
        2023, 7, website_views=2000, top_pages=(("Landing page", 250),),
        accessibility={"Speech": 1, "Toolbar": 0}, translations={"Swahili": 1},
        facebook_reach=429, instagram_reach=120,
        top_posts=(TopPost("Summer clubs", date(2023, 7, 14), 180),),
    )  # fmt: skip

    normalised, errors = normalise_metrics(metrics, categories.accessibility_function, today=TODAY)

    assert errors == []
    assert normalised == metrics


def test_names_trimmed_and_functions_spelt_as_configured(categories):
    metrics = MonthlyMetrics(
        2023, 7, top_pages=(("  Landing   page ", 5),), accessibility={" picture  DICTATE": 1},
        translations={" Swahili ": 1}, top_posts=(TopPost(" Clubs ", date(2023, 7, 1), 3),),
    )  # fmt: skip

    normalised, errors = normalise_metrics(metrics, categories.accessibility_function, today=TODAY)

    assert errors == []
    assert normalised.top_pages == (("Landing page", 5),)
    assert normalised.accessibility == {"Picture Dictate": 1}
    assert normalised.translations == {"Swahili": 1}
    assert normalised.top_posts[0].title == "Clubs"


def test_negative_counts_rejected(categories):
    metrics = MonthlyMetrics(
        2023, 7, website_views=-1, facebook_reach=-2, top_pages=(("Home", -3),),
        translations={"Urdu": -4},
    )  # fmt: skip

    errors = errors_for(metrics, categories)

    assert {error.field for error in errors} == {
        "website_views", "facebook_reach", "top_pages", "translations",
    }  # fmt: skip
    page_error = next(error for error in errors if error.field == "top_pages")
    assert page_error.value == "-3"
    assert page_error.entry == "Home"
    assert "whole number of 0 or more" in page_error.message


def test_month_outside_range_rejected(categories):
    for month in (0, 13):
        errors = errors_for(MonthlyMetrics(2023, month), categories)

        assert [error.field for error in errors] == ["month"]
        assert "expected 1 to 12" in errors[0].message


def test_month_not_started_rejected(categories):
    errors = errors_for(MonthlyMetrics(2024, 2, website_views=10), categories)

    assert len(errors) == 1
    assert errors[0].value == "2024-02"
    assert "has not started yet" in errors[0].message
    assert str(errors[0]).startswith("Month: ")


def test_current_month_accepted(categories):
    assert errors_for(MonthlyMetrics(2024, 1, website_views=10), categories) == []


def test_empty_page_name_rejected(categories):
    errors = errors_for(MonthlyMetrics(2023, 7, top_pages=(("   ", 5),)), categories)

    assert len(errors) == 1
    assert errors[0].field == "top_pages"
    assert errors[0].message == "missing: every entry needs a page name"


def test_page_given_twice_rejected(categories):
    metrics = MonthlyMetrics(2023, 7, top_pages=(("Contact Us", 5), ("contact  us", 6)))

    errors = errors_for(metrics, categories)

    assert len(errors) == 1
    assert "given twice" in errors[0].message


def test_unknown_accessibility_function_rejected(categories):
    errors = errors_for(MonthlyMetrics(2023, 7, accessibility={"Magnifier": 2}), categories)

    assert len(errors) == 1
    assert errors[0].value == "Magnifier"
    assert "Choose one of: Speech, Toolbar, Translate, Picture Dictate" in errors[0].message


def test_pages_above_website_total_rejected(categories):
    metrics = MonthlyMetrics(2023, 7, website_views=100, top_pages=(("Home", 80), ("Contact", 30)))

    errors = errors_for(metrics, categories)

    assert len(errors) == 1
    assert errors[0].field == "website_views"
    assert "add up to 110 views" in errors[0].message


def test_post_dates_near_month_accepted(categories):
    posts = (
        TopPost("Late June post", date(2023, 6, 24), 10),
        TopPost("Last day", date(2023, 7, 31), 10),
    )

    assert errors_for(MonthlyMetrics(2023, 7, top_posts=posts), categories) == []


def test_post_dates_outside_month_rejected(categories):
    posts = (
        TopPost("Too early", date(2023, 6, 23), 10),
        TopPost("Next month", date(2023, 8, 1), 10),
    )

    errors = errors_for(MonthlyMetrics(2023, 7, top_posts=posts), categories)

    assert [error.entry for error in errors] == ["Too early", "Next month"]
    assert all(error.part == "date" for error in errors)
    assert "must be dated 24/06/2023 to 31/07/2023" in errors[0].message


def test_published_totals_code_tidied():
    totals, errors = normalise_published_totals(PublishedTotals(" 2021q3 ", new_enquiries=5))

    assert errors == []
    assert totals.quarter == "2021-Q3"


def test_published_totals_bad_quarter_rejected():
    _, errors = normalise_published_totals(PublishedTotals("2021-Q5"))

    assert [error.field for error in errors] == ["quarter"]
    assert "is not a quarter" in errors[0].message


def test_published_share_above_100_rejected():
    _, errors = normalise_published_totals(PublishedTotals("2021-Q3", level_shares={1: 101.0}))

    assert len(errors) == 1
    assert errors[0].entry == "1"
    assert errors[0].message == "level 1: '101' is not a percentage from 0 to 100"


def test_published_shares_must_add_up():
    shares_ok = {1: 46.0, 2: 33.0, 3: 15.0, 4: 7.0}
    shares_bad = {1: 46.0, 2: 33.0, 3: 15.0, 4: 16.0}

    _, errors_ok = normalise_published_totals(PublishedTotals("2021-Q3", level_shares=shares_ok))
    _, errors_bad = normalise_published_totals(PublishedTotals("2021-Q3", level_shares=shares_bad))

    assert errors_ok == []
    assert len(errors_bad) == 1
    assert "add up to 110%" in errors_bad[0].message


def test_published_counts_must_not_be_negative():
    totals = PublishedTotals(
        "2021-Q3", new_enquiries=-1, facebook_reach=-5, average_monthly_website_views=-0.5
    )

    _, errors = normalise_published_totals(totals, QuarterScheme.FINANCIAL)

    assert {error.field for error in errors} == {
        "new_enquiries", "facebook_reach", "average_monthly_website_views",
    }  # fmt: skip
