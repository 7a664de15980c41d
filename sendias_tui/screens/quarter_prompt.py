"""Ask for a quarter by its code, such as 2023-Q3."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from sendias_tui.domain.quarters import Quarter, QuarterError, QuarterScheme


class QuarterPromptScreen(ModalScreen[Quarter | None]):
    """Read a quarter code and dismiss with the quarter, or None when cancelled.

    An invalid code keeps the prompt open with a message saying what is allowed.
    """

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, current: Quarter) -> None:
        """Prepare the prompt, filled with ``current`` so Enter alone keeps it."""
        super().__init__()
        self.current = current

    def compose(self) -> ComposeResult:
        scheme = "financial-year" if self.current.scheme is QuarterScheme.FINANCIAL else "calendar"
        with Vertical(id="quarter-dialog", classes="dialog"):
            yield Static(f"Show which quarter ({scheme} quarters)? For example 2023-Q3.")
            yield Input(self.current.code, placeholder="2023-Q3", id="quarter-input")
            yield Static(id="quarter-error", classes="input-errors")
            yield Static("Enter shows it; Escape cancels.", classes="dialog-hint")

    def on_mount(self) -> None:
        self.query_one("#quarter-error", Static).display = False

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        try:
            quarter = Quarter.parse(event.value, self.current.scheme)
        except QuarterError as error:
            message = self.query_one("#quarter-error", Static)
            message.update(Text(f"Quarter: {error}"))
            message.display = True
            return
        self.dismiss(quarter)

    def action_cancel(self) -> None:
        self.dismiss(None)
