"""An empty data file: the list shows a message and offers the demo data."""

from __future__ import annotations

from datetime import date

from sendias_tui.screens.demo_offer import DEMO_QUESTION, DemoOfferScreen
from sendias_tui.screens.enquiry_list import EnquiryListScreen, EnquiryTable


async def test_empty_file_offers_demo_and_loads_on_yes(runner, store):
    async with runner.run() as pilot:
        await pilot.pause()
        assert isinstance(pilot.app.screen, DemoOfferScreen)
        assert pilot.app.screen.question == DEMO_QUESTION

        await pilot.press("y")
        await pilot.pause()
        assert isinstance(pilot.app.screen, EnquiryListScreen)
        assert store.count() > 0
        assert store.redirects()
        newest = store.all()[0].date_received
        assert newest.year == 2023
        # The list moves to the latest quarter with records, so the demo shows at once.
        table = pilot.app.screen.query_one(EnquiryTable)
        assert table.row_count > 0
        assert pilot.app.screen.quarter.code == f"2023-Q{(newest.month - 1) // 3 + 1}"


async def test_declined_demo_shows_empty_message(runner, store):
    async with runner.run() as pilot:
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        screen = pilot.app.screen
        assert isinstance(screen, EnquiryListScreen)
        assert store.is_empty()
        message = screen.query_one("#list-empty")
        assert message.display
        assert "The data file is empty" in str(message.content)
        assert "h to enter totals published before" in str(message.content)

        # The l key still loads the demo while the file is empty.
        await pilot.press("l")
        await pilot.pause()
        assert store.count() > 0


async def test_file_with_records_is_not_offered_demo(runner, store, make_enquiry):
    store.add(make_enquiry(date(2023, 9, 1)))

    async with runner.run() as pilot:
        await pilot.pause()
        assert isinstance(pilot.app.screen, EnquiryListScreen)
        assert pilot.app.screen.check_action("load_demo", ()) is False
