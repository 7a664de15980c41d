"""Snapshot tests of the screens whose look matters, on the demo data at 80x24.

Regenerate after a deliberate change of layout with
``pytest tests/tui/test_snapshots.py --snapshot-update`` and review the SVG
files under ``tests/tui/__snapshots__`` before committing them.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from textual.widgets import Input

from sendias_tui.app import SendiasApp
from sendias_tui.demo import load_demo
from sendias_tui.storage import EnquiryStore

QUARTER_OVER = date(2023, 10, 2)
"""Today for these tests: 2023-Q3 is over, so the summary shows every check."""
SIZE = (80, 24)


@pytest.fixture
def demo_app(tmp_path: Path, categories):
    store = EnquiryStore(tmp_path / "sendias.json", user="test")
    load_demo(store)
    yield SendiasApp(store, categories, today=QUARTER_OVER)
    store.close()


async def steady_cursor(pilot) -> None:
    for widget in pilot.app.screen.query(Input):
        widget.cursor_blink = False
    await pilot.pause()


def test_summary_screen_q3(snap_compare, demo_app):
    async def open_q3_summary(pilot):
        await pilot.press("s")
        await pilot.pause()
        await pilot.press("left_square_bracket")
        await pilot.pause()

    assert snap_compare(demo_app, run_before=open_q3_summary, terminal_size=SIZE)


def test_summary_figure_q3(snap_compare, demo_app):
    async def open_first_figure(pilot):
        await pilot.press("s")
        await pilot.pause()
        await pilot.press("left_square_bracket")
        await pilot.pause()
        figure = pilot.app.screen.query_one("#chart-figure2_age_group")
        pilot.app.screen.query_one("#summary-body").scroll_to_widget(figure, top=True, animate=False)
        await pilot.pause()

    assert snap_compare(demo_app, run_before=open_first_figure, terminal_size=SIZE)


def test_new_enquiry_form(snap_compare, demo_app):
    async def open_form(pilot):
        await pilot.press("n")
        await pilot.pause()
        await steady_cursor(pilot)

    assert snap_compare(demo_app, run_before=open_form, terminal_size=SIZE)
