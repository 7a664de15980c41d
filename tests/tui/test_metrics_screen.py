"""The monthly service metrics screen: typing a month's figures, correcting and saving them."""

from __future__ import annotations

import io
from datetime import date

from pilot_keys import type_into
from rich.console import Console
from textual.widgets import Input

from sendias_tui.domain.metrics import MonthlyMetrics, TopPost
from sendias_tui.screens.confirm import ConfirmScreen
from sendias_tui.screens.metrics import MetricsScreen
from sendias_tui.screens.summary import SummaryScreen


async def open_metrics(pilot) -> MetricsScreen:
    await pilot.pause()
    await pilot.press("m")
    await pilot.pause()
    assert isinstance(pilot.app.screen, MetricsScreen)
    return pilot.app.screen


def text_of(screen, widget_id: str) -> str:
    console = Console(file=io.StringIO(), width=76, color_system=None)
    console.print(screen.query_one(f"#{widget_id}").content)
    return console.file.getvalue()


def header(screen) -> str:
    return str(screen.query_one("#metrics-header").content)


async def test_metrics_open_on_last_month(runner):
    async with runner.run() as pilot:
        await pilot.press("escape")  # the offer of demo data on an empty file
        screen = await open_metrics(pilot)

        assert header(screen) == "Service metrics for August 2023 (not saved yet)"
        assert "Saved months in 2023: none" in str(screen.query_one("#metrics-saved").content)


async def test_metrics_typed_with_keys_are_saved(runner, store, make_enquiry):
    store.add(make_enquiry(date(2023, 8, 14)))

    async with runner.run() as pilot:
        screen = await open_metrics(pilot)
        await type_into(pilot, "website_views", "1200")
        await type_into(pilot, "top_pages-0-name", "Home page")
        await type_into(pilot, "top_pages-0-count", "300")
        await pilot.press("ctrl+n")
        await pilot.pause()
        await type_into(pilot, "top_pages-1-name", "Contact us")
        await type_into(pilot, "top_pages-1-count", "90")
        await type_into(pilot, "accessibility-0", "4")
        await type_into(pilot, "accessibility-1", "20")
        await type_into(pilot, "translations-0-name", "Polish")
        await type_into(pilot, "translations-0-count", "3")
        await type_into(pilot, "facebook_reach", "800")
        await type_into(pilot, "instagram_reach", "150")
        await type_into(pilot, "top_posts-0-title", "Coffee morning")
        await type_into(pilot, "top_posts-0-posted_on", "10/08/2023")
        await type_into(pilot, "top_posts-0-reach", "210")
        await pilot.press("ctrl+s")
        await pilot.pause()

        saved = store.all_metrics()
        assert len(saved) == 1
        month = saved[0]
        assert month.month_key == (2023, 8)
        assert month.website_views == 1200
        assert month.top_pages == (("Home page", 300), ("Contact us", 90))
        assert month.accessibility == {"Speech": 4, "Toolbar": 20}
        assert month.translations == {"Polish": 3}
        assert month.facebook_reach == 800
        assert month.instagram_reach == 150
        assert month.top_posts == (TopPost("Coffee morning", date(2023, 8, 10), 210),)
        assert header(screen) == "Service metrics for August 2023 (saved)"
        assert "Saved months in 2023: Aug" in str(screen.query_one("#metrics-saved").content)

        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        summary = pilot.app.screen
        assert isinstance(summary, SummaryScreen)
        table11 = text_of(summary, "summary-table11_accessibility")
        assert "Speech" in table11
        assert "Toolbar" in table11
        speech = next(line for line in table11.splitlines() if line.strip().startswith("Speech"))
        assert speech.split()[-1] == "4"
        total = next(line for line in table11.splitlines() if line.strip().startswith("Total"))
        assert total.split()[-1] == "24"
        table10 = text_of(summary, "summary-table10_top_pages")
        assert "Home page" in table10


async def test_metrics_bad_values_reported_and_kept(runner, store, make_enquiry):
    store.add(make_enquiry(date(2023, 8, 14)))

    async with runner.run() as pilot:
        screen = await open_metrics(pilot)
        await type_into(pilot, "website_views", "500")
        await type_into(pilot, "top_pages-0-name", "Home page")
        await type_into(pilot, "top_posts-0-title", "[Old] news")
        await type_into(pilot, "top_posts-0-posted_on", "01/01/2023")
        await type_into(pilot, "top_posts-0-reach", "12")
        await pilot.press("ctrl+s")
        await pilot.pause()

        assert store.all_metrics() == []
        pages_error = str(screen.query_one("#top_pages-error").content)
        assert "Most viewed pages: missing: enter the views of page 'Home page'" in pages_error
        posts_error = str(screen.query_one("#top_posts-error").content)
        assert "post '[Old] news' is dated 01/01/2023" in posts_error
        assert "must be dated 25/07/2023 to 31/08/2023" in posts_error
        assert screen.query_one("#top_pages-0-count", Input).has_class("field-invalid")
        assert screen.query_one("#top_posts-0-posted_on", Input).has_class("field-invalid")
        assert screen.query_one("#website_views", Input).value == "500"
        assert screen.query_one("#top_posts-0-title", Input).value == "[Old] news"
        assert screen.focused is screen.query_one("#top_pages-0-count", Input)
        assert "Not saved: 2 problems to correct." in runner.notifications

        await type_into(pilot, "top_pages-0-count", "120")
        await type_into(pilot, "top_posts-0-posted_on", "01/08/2023")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert [month.month_key for month in store.all_metrics()] == [(2023, 8)]
        assert not screen.query(".field-invalid")


async def test_metrics_rows_removed_with_ctrl_r(runner, store, make_enquiry):
    store.add(make_enquiry(date(2023, 8, 14)))

    async with runner.run() as pilot:
        screen = await open_metrics(pilot)
        for index, (name, views) in enumerate((("First", "30"), ("Second", "20"), ("Third", "10"))):
            if index:
                await pilot.press("ctrl+n")
                await pilot.pause()
            await type_into(pilot, f"top_pages-{index}-name", name)
            await type_into(pilot, f"top_pages-{index}-count", views)
        await type_into(pilot, "top_pages-1-count", "20")
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert screen.focused is screen.query_one("#top_pages-1-name", Input)
        await pilot.press("ctrl+s")
        await pilot.pause()

        assert store.all_metrics()[0].top_pages == (("First", 30), ("Third", 10))


async def test_metrics_month_stepped_with_brackets(runner, store, make_enquiry):
    store.add(make_enquiry(date(2023, 8, 14)))
    store.save_metrics(MonthlyMetrics(2023, 7, website_views=2150, facebook_reach=429))

    async with runner.run() as pilot:
        screen = await open_metrics(pilot)
        assert screen.query_one("#website_views", Input).value == ""

        await pilot.press("[")
        await pilot.pause()
        assert header(screen) == "Service metrics for July 2023 (saved)"
        assert screen.query_one("#website_views", Input).value == "2150"
        assert screen.query_one("#facebook_reach", Input).value == "429"

        await type_into(pilot, "website_views", "2200")
        await pilot.press("shift+tab")
        await pilot.pause()
        await pilot.press("]")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ConfirmScreen)
        await pilot.press("n")
        await pilot.pause()
        assert header(screen) == "Service metrics for July 2023 (unsaved changes)"
        assert screen.query_one("#website_views", Input).value == "2200"

        await pilot.press("]")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert header(screen) == "Service metrics for August 2023 (not saved yet)"
        assert store.all_metrics()[0].website_views == 2150


async def test_metrics_minus_and_letters_rejected(runner, store, make_enquiry):
    store.add(make_enquiry(date(2023, 8, 14)))

    async with runner.run() as pilot:
        screen = await open_metrics(pilot)
        await type_into(pilot, "website_views", "-1200")
        await type_into(pilot, "accessibility-0", "1x5")
        await pilot.press("ctrl+s")
        await pilot.pause()

        assert store.all_metrics() == []
        assert screen.query_one("#website_views", Input).value == "-1200"
        views_error = str(screen.query_one("#website_views-error").content)
        assert "'-1200' is not a whole number of 0 or more" in views_error
        toolbar_error = str(screen.query_one("#accessibility-error").content)
        assert "'1x5' is not a whole number of 0 or more" in toolbar_error
        assert screen.query_one("#website_views", Input).has_class("field-invalid")


async def test_metrics_heading_shows_unsaved_changes(runner, store, make_enquiry):
    store.add(make_enquiry(date(2023, 8, 14)))

    async with runner.run() as pilot:
        screen = await open_metrics(pilot)
        await type_into(pilot, "facebook_reach", "800")
        await pilot.pause()
        assert header(screen) == "Service metrics for August 2023 (unsaved changes)"

        await pilot.press("ctrl+s")
        await pilot.pause()
        assert header(screen) == "Service metrics for August 2023 (saved)"

        await type_into(pilot, "facebook_reach", "")
        await pilot.pause()
        assert header(screen) == "Service metrics for August 2023 (unsaved changes)"


async def test_metrics_go_to_typed_month(runner, store, make_enquiry):
    store.add(make_enquiry(date(2023, 8, 14)))

    async with runner.run() as pilot:
        screen = await open_metrics(pilot)
        await pilot.press("g")
        await pilot.pause()
        prompt = pilot.app.screen
        await pilot.press(*"13/2022", "enter")
        await pilot.pause()
        assert pilot.app.screen is prompt
        error = str(prompt.query_one("#month-error").content)
        assert "Month: '13/2022' is not a month: expected a month such as 10/2023 or 2023-10" in error

        await type_into(pilot, "month-input", "10/2022")
        await pilot.press("enter")
        await pilot.pause()
        assert pilot.app.screen is screen
        assert header(screen) == "Service metrics for October 2022 (not saved yet)"

        await pilot.press("g")
        await pilot.pause()
        await pilot.press(*"2023-07", "enter")
        await pilot.pause()
        assert header(screen) == "Service metrics for July 2023 (not saved yet)"


async def test_metrics_post_date_fits_its_field(runner, store, make_enquiry):
    store.add(make_enquiry(date(2023, 8, 14)))

    async with runner.run() as pilot:
        screen = await open_metrics(pilot)
        await type_into(pilot, "top_posts-0-posted_on", "27/08/2023")
        await pilot.pause()
        field = screen.query_one("#top_posts-0-posted_on", Input)
        assert field.size.width >= len("27/08/2023") + 1
        assert field.scroll_offset.x == 0
