"""The enquiry list: quarters, order, deleting and storage errors."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from textual.containers import VerticalScroll

from sendias_tui.screens.confirm import ConfirmScreen
from sendias_tui.screens.enquiry_list import EnquiryListScreen, EnquiryTable
from sendias_tui.screens.keys_help import KeysScreen
from sendias_tui.screens.quarter_prompt import QuarterPromptScreen
from sendias_tui.storage import EnquiryStore


def shown_ids(app) -> list[int]:
    table = app.screen.query_one(EnquiryTable)
    return [int(table.get_row_at(row)[0].plain) for row in range(table.row_count)]


def header_text(app) -> str:
    return str(app.screen.query_one("#list-header").content)


async def test_list_shows_current_quarter_newest_first(runner, store, make_enquiry):
    early = store.add(make_enquiry(date(2023, 7, 3)))
    late = store.add(make_enquiry(date(2023, 9, 1)))
    middle = store.add(make_enquiry(date(2023, 8, 15)))
    store.add(make_enquiry(date(2023, 6, 30)))

    async with runner.run() as pilot:
        await pilot.pause()
        assert isinstance(pilot.app.screen, EnquiryListScreen)
        assert shown_ids(pilot.app) == [late.id, middle.id, early.id]
        assert "2023-Q3 (July to September 2023): 3 enquiries" in header_text(pilot.app)


async def test_list_steps_quarters_with_brackets(runner, store, make_enquiry):
    june = store.add(make_enquiry(date(2023, 6, 30)))
    july = store.add(make_enquiry(date(2023, 7, 3)))

    async with runner.run() as pilot:
        await pilot.pause()
        await pilot.press("[")
        assert shown_ids(pilot.app) == [june.id]
        assert "2023-Q2" in header_text(pilot.app)

        await pilot.press("]", "]")
        assert shown_ids(pilot.app) == []
        assert "2023-Q4" in header_text(pilot.app)
        empty = pilot.app.screen.query_one("#list-empty")
        assert empty.display
        assert "No enquiries in 2023-Q4" in str(empty.content)

        await pilot.press("a")
        assert shown_ids(pilot.app) == [july.id, june.id]
        assert "All quarters: 2 enquiries" in header_text(pilot.app)

        # Back to the quarter shown before, not to today's.
        await pilot.press("a")
        assert shown_ids(pilot.app) == []
        assert "2023-Q4" in header_text(pilot.app)


async def test_list_uses_financial_quarters_when_set(runner, store, make_enquiry):
    store.set_setting("quarter_scheme", "financial")
    store.add(make_enquiry(date(2023, 9, 1)))

    async with runner.run() as pilot:
        await pilot.pause()
        assert "financial year 2023-Q2 (July to September 2023)" in header_text(pilot.app)


async def test_list_shows_typed_values_without_markup(runner, store, make_enquiry):
    record = store.add(make_enquiry(date(2023, 9, 1), advisor="[b]X", case_ref="[red]R1"))

    async with runner.run() as pilot:
        await pilot.pause()
        table = pilot.app.screen.query_one(EnquiryTable)
        assert table.get_row(str(record.id))[-1].plain == "[b]X"
        detail = pilot.app.screen.query_one("#enquiry-detail").content
        assert "Case ref: [red]R1" in str(detail)


async def test_delete_asks_and_no_keeps_record(runner, store, make_enquiry):
    record = store.add(make_enquiry(date(2023, 9, 1)))

    async with runner.run() as pilot:
        await pilot.pause()
        await pilot.press("d")
        assert isinstance(pilot.app.screen, ConfirmScreen)
        question = pilot.app.screen.question
        assert f"enquiry {record.id}" in question
        assert "01/09/2023" in question

        await pilot.press("n")
        assert isinstance(pilot.app.screen, EnquiryListScreen)
        assert store.get(record.id) is not None

        await pilot.press("d", "escape")
        assert store.get(record.id) is not None
        assert shown_ids(pilot.app) == [record.id]


async def test_delete_on_yes_removes_only_that_record(runner, store, make_enquiry):
    kept_newer = store.add(make_enquiry(date(2023, 9, 2)))
    doomed = store.add(make_enquiry(date(2023, 9, 1)))
    kept_older = store.add(make_enquiry(date(2023, 8, 1)))

    async with runner.run() as pilot:
        await pilot.pause()
        await pilot.press("down", "d", "y")
        await pilot.pause()
        assert store.get(doomed.id) is None
        assert store.count() == 2
        assert shown_ids(pilot.app) == [kept_newer.id, kept_older.id]
        # The cursor stays at the same place in the list: on the next older record.
        assert pilot.app.screen.highlighted_enquiry().id == kept_older.id
        assert f"Deleted enquiry {doomed.id}." in runner.notifications


async def test_delete_failure_keeps_record_and_notifies(tmp_path: Path, make_runner, make_enquiry):
    folder = tmp_path / "shared-drive"
    with EnquiryStore(folder / "sendias.json", user="test") as store:
        record = store.add(make_enquiry(date(2023, 9, 1)))
        runner = make_runner(store)

        async with runner.run() as pilot:
            await pilot.pause()
            # The folder vanishing, as a disconnected network drive does, makes the save fail.
            shutil.rmtree(folder)
            await pilot.press("d", "y")
            await pilot.pause()
            assert shown_ids(pilot.app) == [record.id]
            assert any(message.startswith("Could not save") for message in runner.notifications)
            assert store.get(record.id) is not None


async def test_list_reads_other_programs_saves(runner, store, data_file, make_enquiry):
    ours = store.add(make_enquiry(date(2023, 9, 1)))

    async with runner.run() as pilot:
        await pilot.pause()
        with EnquiryStore(data_file, user="colleague") as colleague_store:
            theirs = colleague_store.add(make_enquiry(date(2023, 9, 2)))
        assert shown_ids(pilot.app) == [ours.id]

        # Coming back to the list reads the file again.
        await pilot.press("r")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert shown_ids(pilot.app) == [theirs.id, ours.id]


async def test_quit_key_exits(runner, store, make_enquiry):
    store.add(make_enquiry(date(2023, 9, 1)))

    async with runner.run() as pilot:
        await pilot.pause()
        await pilot.press("q")
        await pilot.pause()
        assert not pilot.app.is_running


async def crash_on_previous_quarter(runner, store, monkeypatch) -> None:
    """Start the app and make the next list reload fail, as a bug would."""

    def fail(*args: object) -> None:
        raise RuntimeError("synthetic failure")

    with pytest.raises(RuntimeError):
        async with runner.run() as pilot:
            await pilot.pause()
            monkeypatch.setattr(store, "between", fail)
            await pilot.press("[")
            await pilot.pause()


async def test_unexpected_error_shows_no_traceback(runner, store, make_enquiry, monkeypatch, capfd):
    store.add(make_enquiry(date(2023, 9, 1)))
    monkeypatch.delenv("SENDIAS_DEBUG", raising=False)

    await crash_on_previous_quarter(runner, store, monkeypatch)

    printed = " ".join(capfd.readouterr().err.split())
    assert "Traceback" not in printed
    assert "sendias stopped because of an unexpected error (RuntimeError: synthetic failure)" in printed
    assert "Set SENDIAS_DEBUG=1 to see the details." in printed


async def test_debug_variable_shows_traceback(runner, store, make_enquiry, monkeypatch, capfd):
    store.add(make_enquiry(date(2023, 9, 1)))
    monkeypatch.setenv("SENDIAS_DEBUG", "1")

    await crash_on_previous_quarter(runner, store, monkeypatch)

    printed = capfd.readouterr().err
    assert "Traceback" in printed
    assert "synthetic failure" in printed


async def test_brackets_after_all_step_from_viewed(runner, store, make_enquiry):
    january = store.add(make_enquiry(date(2023, 1, 10)))
    april = store.add(make_enquiry(date(2023, 4, 12)))
    store.add(make_enquiry(date(2023, 9, 1)))

    async with runner.run() as pilot:
        await pilot.pause()
        await pilot.press("[", "[")
        assert "2023-Q1" in header_text(pilot.app)

        await pilot.press("a", "]")
        assert "2023-Q2" in header_text(pilot.app)
        assert shown_ids(pilot.app) == [april.id]

        await pilot.press("a", "[")
        assert "2023-Q1" in header_text(pilot.app)
        assert shown_ids(pilot.app) == [january.id]


async def test_go_to_typed_quarter(runner, store, make_enquiry):
    older = store.add(make_enquiry(date(2022, 11, 3)))
    store.add(make_enquiry(date(2023, 9, 1)))

    async with runner.run() as pilot:
        await pilot.pause()
        await pilot.press("g")
        await pilot.pause()
        prompt = pilot.app.screen
        assert isinstance(prompt, QuarterPromptScreen)
        assert prompt.current.code == "2023-Q3"

        await pilot.press(*["backspace"] * 7, *"2022-q4", "enter")
        await pilot.pause()
        assert isinstance(pilot.app.screen, EnquiryListScreen)
        assert "2022-Q4" in header_text(pilot.app)
        assert shown_ids(pilot.app) == [older.id]

        await pilot.press("g", "escape")
        await pilot.pause()
        assert "2022-Q4" in header_text(pilot.app)


async def test_empty_quarter_points_to_latest_records(runner, store, make_enquiry):
    store.add(make_enquiry(date(2022, 5, 3)))
    latest = store.add(make_enquiry(date(2022, 6, 20)))

    async with runner.run() as pilot:
        await pilot.pause()
        assert shown_ids(pilot.app) == []
        empty = str(pilot.app.screen.query_one("#list-empty").content)
        assert "No enquiries in 2023-Q3." in empty
        assert "The latest quarter with records is 2022-Q2: press g, then Enter, to go there." in empty

        await pilot.press("g")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert "2022-Q2" in header_text(pilot.app)
        assert shown_ids(pilot.app)[0] == latest.id
        assert not pilot.app.screen.query_one("#list-empty").display


def footer_keys(app) -> list:
    """Return the footer's key widgets; textual.widgets does not export their class."""
    return list(app.screen.query("FooterKey"))


async def test_footer_fits_80_columns(runner, store, make_enquiry):
    async with runner.run() as pilot:
        await pilot.pause()
        await pilot.press("n")  # no demo data
        await pilot.pause()
        empty_file = {key.description: key.region for key in footer_keys(pilot.app)}
        assert {"New", "Load demo", "Quit", "Keys"} <= set(empty_file)
        for description, region in empty_file.items():
            assert region.right <= 80, description

        store.add(make_enquiry(date(2023, 9, 1)))
        await pilot.press("a", "a")
        await pilot.pause()
        keys = footer_keys(pilot.app)
        shown = {key.description: key.region for key in keys}
        assert {"New", "Delete", "Go to", "Summary", "Redirects", "Quit", "Keys"} <= set(shown)
        assert {key.key_display for key in keys} >= {"[", "]"}
        for key in keys:
            assert key.region.right <= 80, key.key_display


async def test_question_mark_lists_hidden_keys(runner, store, make_enquiry):
    store.add(make_enquiry(date(2023, 9, 1)))

    async with runner.run() as pilot:
        await pilot.pause()
        list_screen = pilot.app.screen
        await pilot.press("?")
        await pilot.pause()
        keys = pilot.app.screen
        assert isinstance(keys, KeysScreen)
        listed = "\n".join(str(line.content) for line in keys.query("#keys-list Static"))
        assert "All quarters" in listed
        assert "h  Past totals" in listed

        scroll = keys.query_one("#keys-list", VerticalScroll)
        assert scroll.max_scroll_y > 0
        await pilot.press("pagedown")
        await pilot.pause()
        assert scroll.scroll_y > 0

        await pilot.press("escape")
        await pilot.pause()
        assert pilot.app.screen is list_screen

        await pilot.press("?")
        await pilot.pause()
        await pilot.press("?")
        await pilot.pause()
        assert pilot.app.screen is list_screen
