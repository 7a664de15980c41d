"""Key presses shared by the Pilot tests of the forms."""

from __future__ import annotations

from textual.widgets import Input


async def type_into(pilot, widget_id: str, text: str) -> None:
    """Move to an input with Tab and replace its text, as a user would."""
    screen = pilot.app.screen
    field = screen.query_one(f"#{widget_id}", Input)
    while screen.focused is not field:
        await pilot.press("tab")
    await pilot.press("end", *["backspace"] * len(field.value), *text)
