"""A yes/no question asked over the current screen."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static


class ConfirmScreen(ModalScreen[bool]):
    """Ask a yes/no question and dismiss with True for yes, False for no.

    Escape counts as no, so a destructive action never happens by accident.
    """

    BINDINGS = [
        Binding("y", "answer(True)", "Yes"),
        Binding("n", "answer(False)", "No"),
        Binding("escape", "answer(False)", "No", show=False),
        Binding("left,right", "switch_button", "Switch", show=False),
    ]

    def __init__(self, question: str, *, default: bool = False) -> None:
        """Prepare the question.

        Args:
            question: the question, shown as typed (never read as markup).
            default: the reply whose button has the focus, so Enter chooses it.
        """
        super().__init__()
        self.question = question
        self.default = default

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-dialog", classes="dialog"):
            yield Static(Text(self.question), id="confirm-question")
            with Horizontal(id="confirm-buttons", classes="dialog-buttons"):
                yield Button("Yes (y)", id="confirm-yes", variant="primary")
                yield Button("No (n)", id="confirm-no")

    def on_mount(self) -> None:
        focused = "#confirm-yes" if self.default else "#confirm-no"
        self.query_one(focused, Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "confirm-yes")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)

    def action_switch_button(self) -> None:
        if self.focused is self.query_one("#confirm-yes", Button):
            self.query_one("#confirm-no", Button).focus()
        else:
            self.query_one("#confirm-yes", Button).focus()
