"""List the keys of the screen below, the ones the footer has no room for included."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static


def screen_keys(screen: Screen) -> list[tuple[str, str]]:
    """Return (key, description) for each enabled key the screen itself binds, in binding order."""
    keys = []
    for active in screen.active_bindings.values():
        if active.node is screen and active.enabled and active.binding.description:
            key = active.binding.key_display or screen.app.get_key_display(active.binding)
            keys.append((key, active.binding.description))
    return keys


class KeysScreen(ModalScreen[None]):
    """A scrollable list of keys that Escape or ? closes.

    It replaces Textual's key panel, which at 80x24 put the generic keys
    first and could not be scrolled from the keyboard.
    """

    BINDINGS = [
        Binding("escape", "close", "Close"),
        Binding("question_mark", "close", "Close", key_display="?"),
    ]

    def __init__(self, keys: list[tuple[str, str]]) -> None:
        super().__init__()
        self.keys = keys

    def compose(self) -> ComposeResult:
        width = max((len(key) for key, _ in self.keys), default=1)
        with Vertical(id="keys-dialog", classes="dialog"):
            yield Static("Keys on this screen", classes="dialog-title")
            with VerticalScroll(id="keys-list"):
                for key, description in self.keys:
                    yield Static(Text(f"{key:>{width}}  {description}"))
            yield Static("Up, Down and PageDown scroll; Escape or ? closes.", classes="dialog-hint")

    def on_mount(self) -> None:
        self.query_one("#keys-list", VerticalScroll).focus()

    def action_close(self) -> None:
        self.dismiss(None)
