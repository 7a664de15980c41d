"""Regenerate the SVG screenshots in docs/screenshots from the demo data.

Run ``python docs/make_screenshots.py`` from the repository. The app runs
headless at 80x24 over a temporary data file holding the demo records, with
today pinned to Friday 29 September 2023 so the list and the summary open
on 2023-Q3, the quarter of the published summary. The figures of the
complete summary are taken with today pinned to Monday 2 October 2023,
once 2023-Q3 is over.
"""

from __future__ import annotations

import asyncio
import tempfile
from datetime import date
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input

from sendias_tui.app import SendiasApp
from sendias_tui.demo import load_demo
from sendias_tui.domain.categories import default_categories
from sendias_tui.storage import EnquiryStore

OUTPUT = Path(__file__).resolve().parent / "screenshots"
TODAY = date(2023, 9, 29)
QUARTER_OVER = date(2023, 10, 2)
SIZE = (80, 24)


async def save(pilot: Pilot, name: str) -> None:
    """Save the current screen as ``name``.svg with a steady cursor."""
    await pilot.pause()
    # A blinking cursor would make the picture depend on the moment it is taken.
    for widget in pilot.app.screen.query(Input):
        widget.cursor_blink = False
    await pilot.pause()
    path = pilot.app.save_screenshot(f"{name}.svg", path=str(OUTPUT))
    print(f"wrote {path}")


async def take_screenshots(store: EnquiryStore) -> None:
    """Drive the app from the list to each screen and save it."""
    app = SendiasApp(store, default_categories(), today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await save(pilot, "enquiry-list")

        await pilot.press("enter")
        await save(pilot, "enquiry-form")
        await pilot.press("escape")
        await pilot.pause()

        await pilot.press("r")
        await save(pilot, "redirected-calls")
        await pilot.press("escape")
        await pilot.pause()

        await pilot.press("s")
        await save(pilot, "summary-2023-Q3")


async def take_figures_screenshot(store: EnquiryStore) -> None:
    """Open the finished 2023-Q3 summary and save it scrolled to its first figure."""
    app = SendiasApp(store, default_categories(), today=QUARTER_OVER)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s")
        await pilot.pause()
        # Today falls in 2023-Q4, so the summary opens there.
        await pilot.press("left_square_bracket")
        await pilot.pause()
        figure1 = app.screen.query_one("#chart-figure1_enquiries_by_year")
        app.screen.query_one("#summary-body").scroll_to_widget(figure1, top=True, animate=False)
        await save(pilot, "summary-2023-Q3-figures")


def main() -> None:
    OUTPUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        with EnquiryStore(Path(folder) / "sendias.json", user="docs") as store:
            load_demo(store)
            asyncio.run(take_screenshots(store))
            asyncio.run(take_figures_screenshot(store))


if __name__ == "__main__":
    main()
