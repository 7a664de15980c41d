"""The summary screen: which quarter it shows and what its tables contain."""

from __future__ import annotations

import io
from datetime import date

from rich.console import Console
from textual.containers import VerticalScroll

from sendias_tui.domain.enquiry import RedirectedCall, RedirectKind
from sendias_tui.screens.quarter_prompt import QuarterPromptScreen
from sendias_tui.screens.summary import SummaryScreen


def table_text(screen: SummaryScreen, key: str) -> str:
    """Return the table with ``key`` as the screen's 80-column text."""
    console = Console(file=io.StringIO(), width=76, color_system=None)
    console.print(screen.query_one(f"#summary-{key}").content)
    return console.file.getvalue()


def row_cells(text: str, label: str) -> list[str]:
    """Return the words after ``label`` on its line of a rendered table."""
    for line in text.splitlines():
        if line.strip().startswith(label):
            return line.strip()[len(label) :].split()
    raise AssertionError(f"no row '{label}' in:\n{text}")


async def open_summary(pilot) -> SummaryScreen:
    await pilot.pause()
    await pilot.press("s")
    await pilot.pause()
    assert isinstance(pilot.app.screen, SummaryScreen)
    return pilot.app.screen


async def test_summary_shows_new_enquiry_in_tables(runner, store, make_enquiry):
    store.add(make_enquiry(date(2023, 8, 14), main_sen="Dyslexia"))
    store.add_redirect(RedirectedCall(date(2023, 9, 4), RedirectKind.SENAT, 2))

    async with runner.run() as pilot:
        screen = await open_summary(pilot)
        header = str(screen.query_one("#summary-header").content)
        assert "Summary for 2023-Q3 (July to September 2023): 1 new enquiry" in header

        table1 = table_text(screen, "table1_enquiries")
        assert "2023-Q3" in table1
        assert row_cells(table1, "Existing open casework") == ["0", "0", "0", "0"]
        assert row_cells(table1, "Calls or emails for SENAT") == ["0", "0", "2", "2"]

        table2 = table_text(screen, "table2_main_sen")
        assert row_cells(table2, "Dyslexia") == ["1"]
        assert row_cells(table2, "ASD") == ["0"]


async def test_summary_shows_every_table(runner, store, make_enquiry):
    store.add(make_enquiry(date(2023, 8, 14)))

    async with runner.run() as pilot:
        screen = await open_summary(pilot)
        shown = [widget.id for widget in screen.query(".summary-table")]
        assert shown == [f"summary-{table.key}" for table in screen.report.tables]
        assert len(shown) == 12


async def test_summary_steps_and_types_quarters(runner, store, make_enquiry):
    store.add(make_enquiry(date(2023, 8, 14)))

    async with runner.run() as pilot:
        screen = await open_summary(pilot)
        await pilot.press("[")
        assert screen.quarter.code == "2023-Q2"
        assert "0 new enquiries" in str(screen.query_one("#summary-header").content)
        await pilot.press("]", "]")
        assert screen.quarter.code == "2023-Q4"

        await pilot.press("g")
        await pilot.pause()
        prompt = pilot.app.screen
        assert isinstance(prompt, QuarterPromptScreen)
        await pilot.press(*["backspace"] * 7, *"2023-Q5", "enter")
        await pilot.pause()
        assert pilot.app.screen is prompt
        error = str(prompt.query_one("#quarter-error").content)
        assert "Quarter: '2023-Q5' is not a quarter" in error
        assert "for example 2023-Q3" in error

        await pilot.press(*["backspace"] * 7, *"2023-q3", "enter")
        await pilot.pause()
        assert pilot.app.screen is screen
        assert screen.quarter.code == "2023-Q3"
        assert "1 new enquiry" in str(screen.query_one("#summary-header").content)

        await pilot.press("g", "escape")
        await pilot.pause()
        assert pilot.app.screen is screen
        assert screen.quarter.code == "2023-Q3"


async def test_summary_scrolls_with_keys_at_80x24(runner, store, make_enquiry):
    store.add(make_enquiry(date(2023, 8, 14)))

    async with runner.run() as pilot:
        screen = await open_summary(pilot)
        body = screen.query_one("#summary-body", VerticalScroll)
        assert body.has_focus
        assert body.max_scroll_y > 0

        await pilot.press("down")
        await pilot.pause()
        assert body.scroll_y == 1
        await pilot.press("pagedown")
        await pilot.pause()
        assert body.scroll_y > 1
        await pilot.press("end")
        await pilot.pause()
        assert body.scroll_y == body.max_scroll_y
        await pilot.press("pageup")
        await pilot.pause()
        assert body.scroll_y < body.max_scroll_y
        await pilot.press("home")
        await pilot.pause()
        assert body.scroll_y == 0

        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(pilot.app.screen, SummaryScreen)
