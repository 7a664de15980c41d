"""One enquiry's life through the app: typed in, found, corrected, deleted.

Every step uses keys only, and the summary screen is checked after each
change, so the list, the form, the store and the report are tested together.
"""

from __future__ import annotations

import io
from datetime import date

from rich.console import Console

from sendias_tui.screens.enquiry_form import EnquiryFormScreen
from sendias_tui.screens.enquiry_list import EnquiryListScreen, EnquiryTable
from sendias_tui.screens.summary import SummaryScreen

NEW_ENQUIRIES_ROW = "New enquiries (previous"
"""The start of Table 1's first row label, which wraps at 80 columns."""


def table_row(screen: SummaryScreen, key: str, label: str) -> list[str]:
    """Return the cells of the row starting with ``label`` in a table as shown."""
    console = Console(file=io.StringIO(), width=76, color_system=None)
    console.print(screen.query_one(f"#summary-{key}").content)
    for line in console.file.getvalue().splitlines():
        if line.strip().startswith(label):
            return line.strip()[len(label) :].split()
    raise AssertionError(f"no row starting '{label}' in {key}")


async def choose(pilot, text: str) -> None:
    """Open the focused drop-down, type part of a name and take the match."""
    await pilot.press("enter", *text, "enter")


async def type_new_enquiry(pilot) -> None:
    """Fill the form from its first field, the date, down to the first contact."""
    await pilot.press(*"14/07/2023", "tab")
    await pilot.press("tab")  # the enquiry type stays New
    await pilot.press(*"E2E-1", "tab")
    await pilot.press(*"CD", "tab")
    for text in ("parent", "y", "11-15", "male", "white - b", "lewsey", "dyslexia"):
        await choose(pilot, text)
        await pilot.press("tab")
    await pilot.press("tab", "tab")  # no additional SEN: past the filter and its list
    await choose(pilot, "school senco")
    await pilot.press("tab")
    await choose(pilot, "no")
    await pilot.press("tab")
    await pilot.press(*"bully", "enter", "tab", "tab")
    await pilot.press("3", "tab")
    await pilot.press("1")  # one phone call
    contact_inputs = len(pilot.app.categories.contact_method.active_names)
    await pilot.press(*["tab"] * contact_inputs)
    await pilot.press(*"18/07/2023")


async def open_summary(pilot) -> SummaryScreen:
    await pilot.press("s")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, SummaryScreen)
    assert screen.quarter.code == "2023-Q3"
    return screen


async def back_to_list(pilot) -> EnquiryListScreen:
    await pilot.press("escape")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, EnquiryListScreen)
    return screen


async def test_enquiry_added_edited_and_deleted(runner, store):
    async with runner.run() as pilot:
        await pilot.pause()
        await pilot.press("n")  # no to the demo data offer
        await pilot.pause()

        # Add
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(pilot.app.screen, EnquiryFormScreen)
        await type_new_enquiry(pilot)
        await pilot.press("ctrl+s")
        await pilot.pause()

        listing = pilot.app.screen
        assert isinstance(listing, EnquiryListScreen)
        [saved] = store.all()
        assert saved.main_sen == "Dyslexia"
        assert saved.reasons == ("Bullying",)
        assert saved.intervention_level == 3
        assert saved.first_advisor_contact == date(2023, 7, 18)
        table = listing.query_one(EnquiryTable)
        assert table.row_count == 1
        assert listing.highlighted_enquiry().id == saved.id
        assert table.get_row(str(saved.id))[1].plain == "14/07/2023"

        summary = await open_summary(pilot)
        assert table_row(summary, "table1_enquiries", NEW_ENQUIRIES_ROW) == ["1", "0", "0", "1"]
        assert table_row(summary, "table2_main_sen", "Dyslexia") == ["1"]
        listing = await back_to_list(pilot)

        # Edit: correct the main SEN, ten fields below the date
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(pilot.app.screen, EnquiryFormScreen)
        await pilot.press(*["tab"] * 10)
        await choose(pilot, "asd")
        await pilot.press("ctrl+s")
        await pilot.pause()

        listing = pilot.app.screen
        assert isinstance(listing, EnquiryListScreen)
        assert store.count() == 1
        assert store.get(saved.id).main_sen == "ASD"
        assert store.get(saved.id).date_received == date(2023, 7, 14)
        assert listing.highlighted_enquiry().id == saved.id
        assert listing.query_one(EnquiryTable).get_row(str(saved.id))[4].plain == "ASD"

        summary = await open_summary(pilot)
        assert table_row(summary, "table1_enquiries", NEW_ENQUIRIES_ROW) == ["1", "0", "0", "1"]
        assert table_row(summary, "table2_main_sen", "Dyslexia") == ["0"]
        assert table_row(summary, "table2_main_sen", "ASD") == ["1"]
        listing = await back_to_list(pilot)

        # Delete
        await pilot.press("d", "y")
        await pilot.pause()
        assert store.get(saved.id) is None
        assert listing.query_one(EnquiryTable).row_count == 0

        summary = await open_summary(pilot)
        assert table_row(summary, "table1_enquiries", NEW_ENQUIRIES_ROW) == ["0", "0", "0", "0"]
        assert table_row(summary, "table2_main_sen", "ASD") == ["0"]


async def test_edit_into_other_quarter_follows_record(runner, store, make_enquiry):
    record = store.add(
        make_enquiry(date(2023, 7, 3), first_advisor_contact=date(2023, 7, 4))
    )

    async with runner.run() as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(pilot.app.screen, EnquiryFormScreen)
        await pilot.press("end", *["backspace"] * 10, *"30/06/2023", "ctrl+s")
        await pilot.pause()

        listing = pilot.app.screen
        assert isinstance(listing, EnquiryListScreen)
        assert store.get(record.id).date_received == date(2023, 6, 30)
        assert listing.quarter.code == "2023-Q2"
        assert listing.highlighted_enquiry().id == record.id
        assert f"Showing 2023-Q2, the quarter of enquiry {record.id}." in runner.notifications
