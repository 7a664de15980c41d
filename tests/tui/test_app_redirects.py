"""The redirected calls screen: logging, checking and deleting entries."""

from __future__ import annotations

from datetime import date

from textual.widgets import Input, Select

from sendias_tui.domain.enquiry import RedirectedCall, RedirectKind
from sendias_tui.screens.confirm import ConfirmScreen
from sendias_tui.screens.enquiry_list import EnquiryListScreen
from sendias_tui.screens.redirects import RedirectsScreen, RedirectTable


def shown_ids(screen) -> list[int]:
    table = screen.query_one(RedirectTable)
    return [int(table.get_row_at(row)[0].plain) for row in range(table.row_count)]


async def open_redirects(pilot) -> RedirectsScreen:
    await pilot.pause()
    await pilot.press("r")
    await pilot.pause()
    assert isinstance(pilot.app.screen, RedirectsScreen)
    return pilot.app.screen


async def replace_text(pilot, input_id: str, text: str) -> None:
    """Move to an input with Tab, clear it and type ``text``, as a user would."""
    screen = pilot.app.screen
    while screen.focused is not screen.query_one(input_id, Input):
        await pilot.press("tab")
    await pilot.press("end", *["backspace"] * len(screen.query_one(input_id, Input).value))
    await pilot.press(*text)


async def test_redirect_form_defaults_to_today(runner, store, make_enquiry):
    store.add(make_enquiry(date(2023, 9, 1)))

    async with runner.run() as pilot:
        screen = await open_redirects(pilot)
        assert screen.query_one("#redirect-date", Input).value == "29/09/2023"
        assert screen.query_one("#redirect-count", Input).value == "1"
        assert screen.query_one("#redirect-kind", Select).value is RedirectKind.SENAT


async def test_redirect_logged_and_listed_newest_first(runner, store, make_enquiry):
    store.add(make_enquiry(date(2023, 9, 1)))
    older = store.add_redirect(RedirectedCall(date(2023, 7, 3), RedirectKind.SENAT, 1))

    async with runner.run() as pilot:
        screen = await open_redirects(pilot)
        await replace_text(pilot, "#redirect-date", "14/07/2023")
        await replace_text(pilot, "#redirect-count", "3")
        await pilot.press("enter")
        await pilot.pause()

        calls = store.redirects()
        assert len(calls) == 2
        logged = calls[0]
        assert logged.date_received == date(2023, 7, 14)
        assert logged.kind is RedirectKind.SENAT
        assert logged.count == 3
        assert shown_ids(screen) == [logged.id, older.id]
        assert "Logged 3 calls for SENAT on 14/07/2023." in runner.notifications
        # The count goes back to 1 for the next entry; the date stays for more of the same day.
        assert screen.query_one("#redirect-count", Input).value == "1"
        assert screen.query_one("#redirect-date", Input).value == "14/07/2023"


async def test_redirect_out_of_area_with_iso_date(runner, store, make_enquiry):
    store.add(make_enquiry(date(2023, 9, 1)))

    async with runner.run() as pilot:
        await open_redirects(pilot)
        # The kind list has the focus first: open it, move to the second kind, choose it.
        await pilot.press("enter", "down", "enter")
        await replace_text(pilot, "#redirect-date", "2023-08-02")
        await pilot.press("ctrl+s")
        await pilot.pause()

        [logged] = store.redirects()
        assert logged.kind is RedirectKind.OUT_OF_AREA
        assert logged.date_received == date(2023, 8, 2)
        assert logged.count == 1


async def test_redirect_invalid_input_says_what_is_allowed(runner, store, make_enquiry):
    store.add(make_enquiry(date(2023, 9, 1)))

    async with runner.run() as pilot:
        screen = await open_redirects(pilot)
        await replace_text(pilot, "#redirect-date", "31/02/2023")
        await replace_text(pilot, "#redirect-count", "0")
        await pilot.press("enter")
        await pilot.pause()

        errors = screen.query_one("#redirect-errors")
        assert errors.display
        message = str(errors.content)
        assert "Date: '31/02/2023' is not a real date" in message
        assert "14/07/2023 or 2023-07-14" in message
        assert "Number of calls: '0' is not a whole number of 1 or more" in message
        assert store.redirects() == []

        await replace_text(pilot, "#redirect-date", "01/10/2023")
        await replace_text(pilot, "#redirect-count", "2")
        await pilot.press("enter")
        await pilot.pause()
        assert "Date: 01/10/2023 is in the future" in str(errors.content)
        assert store.redirects() == []


async def test_redirect_delete_asks_first(runner, store, make_enquiry):
    store.add(make_enquiry(date(2023, 9, 1)))
    kept = store.add_redirect(RedirectedCall(date(2023, 7, 3), RedirectKind.SENAT, 1))
    doomed = store.add_redirect(RedirectedCall(date(2023, 7, 4), RedirectKind.OUT_OF_AREA, 2))

    async with runner.run() as pilot:
        screen = await open_redirects(pilot)
        while not isinstance(screen.focused, RedirectTable):
            await pilot.press("tab")
        await pilot.press("d")
        assert isinstance(pilot.app.screen, ConfirmScreen)
        question = pilot.app.screen.question
        assert f"entry {doomed.id}" in question
        assert "2 calls transferred to another SENDIAS service on 04/07/2023" in question

        await pilot.press("n")
        assert len(store.redirects()) == 2

        await pilot.press("d", "y")
        await pilot.pause()
        assert [call.id for call in store.redirects()] == [kept.id]
        assert shown_ids(screen) == [kept.id]


async def test_redirects_escape_returns_to_list(runner, store, make_enquiry):
    store.add(make_enquiry(date(2023, 9, 1)))

    async with runner.run() as pilot:
        await open_redirects(pilot)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(pilot.app.screen, EnquiryListScreen)


async def test_redirects_header_counts_one_call(runner, store, make_enquiry):
    store.add(make_enquiry(date(2023, 9, 1)))
    store.add_redirect(RedirectedCall(date(2023, 7, 3), RedirectKind.SENAT, 1))

    async with runner.run() as pilot:
        screen = await open_redirects(pilot)
        header = str(screen.query_one("#redirects-header").render())
        assert header == "Redirected calls: 1 entry, 1 call in all"
