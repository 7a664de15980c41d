"""The published totals screen: earlier quarters' totals typed in for the year-on-year figures."""

from __future__ import annotations

from datetime import date

from pilot_keys import type_into
from textual.widgets import Input

from sendias_tui.domain.metrics import PublishedTotals
from sendias_tui.report.year_on_year import ENQUIRIES_BY_YEAR_KEY
from sendias_tui.screens.confirm import ConfirmScreen
from sendias_tui.screens.published_totals import PublishedTotalsScreen, TotalsTable
from sendias_tui.screens.summary import SummaryScreen


async def open_totals(pilot) -> PublishedTotalsScreen:
    await pilot.pause()
    await pilot.press("h")
    await pilot.pause()
    assert isinstance(pilot.app.screen, PublishedTotalsScreen)
    return pilot.app.screen


def listed_quarters(screen) -> list[str]:
    table = screen.query_one(TotalsTable)
    return [table.get_row_at(row)[0].plain for row in range(table.row_count)]


async def test_totals_typed_show_in_figure1(runner, store, make_enquiry):
    store.add(make_enquiry(date(2023, 8, 14)))

    async with runner.run() as pilot:
        screen = await open_totals(pilot)
        await type_into(pilot, "quarter", "2021-q3")
        await type_into(pilot, "new_enquiries", "112")
        await type_into(pilot, "existing_enquiries", "214")
        for level, share in zip((1, 2, 3, 4), ("48", "31", "15", "6"), strict=True):
            await type_into(pilot, f"level_shares-{level}", share)
        await type_into(pilot, "average_monthly_website_views", "1720.5")
        await type_into(pilot, "facebook_reach", "1390")
        await pilot.press("ctrl+s")
        await pilot.pause()

        saved = store.published_totals()
        assert len(saved) == 1
        totals = saved[0]
        assert totals.quarter == "2021-Q3"
        assert (totals.new_enquiries, totals.existing_enquiries) == (112, 214)
        assert totals.level_shares == {1: 48, 2: 31, 3: 15, 4: 6}
        assert totals.average_monthly_website_views == 1720.5
        assert totals.facebook_reach == 1390
        assert totals.instagram_reach is None
        assert listed_quarters(screen) == ["2021-Q3"]

        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        summary = pilot.app.screen
        assert isinstance(summary, SummaryScreen)
        figure1 = next(chart for chart in summary.full_report.charts if chart.key == ENQUIRIES_BY_YEAR_KEY)
        year = figure1.categories.index("2021-Q3")
        new, existing = figure1.series
        assert (new.values[year], existing.values[year]) == (112, 214)
        assert new.values[figure1.categories.index("2023-Q3")] == 1
        assert new.values[figure1.categories.index("2022-Q3")] is None


async def test_totals_bad_values_rejected(runner, store, make_enquiry):
    store.add(make_enquiry(date(2023, 8, 14)))

    async with runner.run() as pilot:
        screen = await open_totals(pilot)
        await type_into(pilot, "quarter", "2021-Q5")
        for level, share in zip((1, 2, 3, 4), ("48", "31", "15", "60"), strict=True):
            await type_into(pilot, f"level_shares-{level}", share)
        await pilot.press("enter")
        await pilot.pause()

        assert store.published_totals() == []
        errors = str(screen.query_one("#totals-errors").content)
        assert "Quarter: '2021-Q5' is not a quarter" in errors
        assert "Intervention level shares: the four level shares add up to 154%" in errors
        assert screen.query_one("#quarter", Input).has_class("field-invalid")
        assert screen.query_one("#level_shares-4", Input).has_class("field-invalid")
        assert screen.query_one("#level_shares-4", Input).value == "60"
        assert screen.focused is screen.query_one("#quarter", Input)


async def test_totals_edited_from_the_list(runner, store, make_enquiry):
    store.add(make_enquiry(date(2023, 8, 14)))
    store.save_published_totals(PublishedTotals("2020-Q3", new_enquiries=84, existing_enquiries=172))
    store.save_published_totals(PublishedTotals("2021-Q3", new_enquiries=112))

    async with runner.run() as pilot:
        screen = await open_totals(pilot)
        assert listed_quarters(screen) == ["2020-Q3", "2021-Q3"]
        table = screen.query_one(TotalsTable)
        while screen.focused is not table:
            await pilot.press("tab")
        await pilot.press("enter")
        await pilot.pause()
        assert screen.query_one("#quarter", Input).value == "2020-Q3"
        assert screen.query_one("#new_enquiries", Input).value == "84"

        await type_into(pilot, "new_enquiries", "85")
        await pilot.press("ctrl+s")
        await pilot.pause()

        by_quarter = {totals.quarter: totals for totals in store.published_totals()}
        assert by_quarter["2020-Q3"].new_enquiries == 85
        assert by_quarter["2020-Q3"].existing_enquiries == 172
        assert by_quarter["2021-Q3"].new_enquiries == 112


async def test_totals_replacing_another_quarter_asks_first(runner, store, make_enquiry):
    store.add(make_enquiry(date(2023, 8, 14)))
    store.save_published_totals(PublishedTotals("2021-Q3", new_enquiries=112))

    async with runner.run() as pilot:
        await open_totals(pilot)
        await type_into(pilot, "quarter", "2021-Q3")
        await type_into(pilot, "new_enquiries", "99")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ConfirmScreen)
        await pilot.press("n")
        await pilot.pause()
        assert store.published_totals()[0].new_enquiries == 112

        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert store.published_totals()[0].new_enquiries == 99
