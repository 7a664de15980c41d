"""Ask for a month to enter service metrics for, such as 10/2023."""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from sendias_tui.metrics_form_values import parse_month


class MonthPromptScreen(ModalScreen[tuple[int, int] | None]):
    """Read a month and dismiss with (year, month), or None when cancelled.

    An invalid month keeps the prompt open with a message saying what is allowed.
    """

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, year: int, month: int, *, today: date) -> None:
        """Prepare the prompt, filled with the month shown now so Enter alone keeps it."""
        super().__init__()
        self.year = year
        self.month = month
        self.today = today

    def compose(self) -> ComposeResult:
        with Vertical(id="month-dialog", classes="dialog"):
            yield Static("Enter figures for which month? For example 10/2023 or 2023-10.")
            yield Input(f"{self.month:02d}/{self.year}", placeholder="mm/yyyy", id="month-input")
            yield Static(id="month-error", classes="input-errors")
            yield Static("Enter goes to it; Escape cancels.", classes="dialog-hint")

    def on_mount(self) -> None:
        self.query_one("#month-error", Static).display = False

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        try:
            chosen = parse_month(event.value, today=self.today)
        except ValueError as error:
            message = self.query_one("#month-error", Static)
            message.update(Text(f"Month: {error}"))
            message.display = True
            return
        self.dismiss(chosen)

    def action_cancel(self) -> None:
        self.dismiss(None)
