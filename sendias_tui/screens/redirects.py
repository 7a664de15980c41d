"""Log calls and emails that were passed on instead of taken as enquiries."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, cast

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Footer, Input, Label, Select, Static

from sendias_tui.domain.enquiry import RedirectedCall, RedirectKind
from sendias_tui.domain.redirects import KIND_LABELS, describe_field_error, parse_redirect
from sendias_tui.screens.confirm import ConfirmScreen
from sendias_tui.storage import DataFileError, StorageWriteError
from sendias_tui.widgets.record_table import RecordTable

if TYPE_CHECKING:
    from sendias_tui.app import SendiasApp


COLUMNS = (("ID", 5), ("Date", 10), ("Kind", 38), ("Calls", 5))
"""Column headings and widths in cells."""


def describe_redirect(call: RedirectedCall) -> str:
    """Return an entry in words, for messages and questions."""
    calls = "1 call" if call.count == 1 else f"{call.count} calls"
    what = "for SENAT" if call.kind is RedirectKind.SENAT else "transferred to another SENDIAS service"
    return f"{calls} {what} on {call.date_received:%d/%m/%Y}"


def redirect_cells(call: RedirectedCall) -> tuple[Text, ...]:
    """Return one table row for a redirected-call entry."""
    return (
        Text(str(call.id), justify="right"),
        Text(f"{call.date_received:%d/%m/%Y}"),
        Text(KIND_LABELS[call.kind], no_wrap=True, overflow="ellipsis"),
        Text(str(call.count), justify="right"),
    )


class RedirectTable(RecordTable):
    """The logged entries, where d deletes the highlighted one."""

    BINDINGS = [Binding("d", "screen.delete_redirect", "Delete")]


class RedirectsScreen(Screen[None]):
    """Log and list the calls for SENAT and those transferred out of area."""

    BINDINGS = [
        Binding("ctrl+s", "log_redirect", "Log"),
        Binding("escape", "app.pop_screen", "Back"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._shown: dict[int, RedirectedCall] = {}
        """The entries in the list, by id."""

    @property
    def sendias(self) -> SendiasApp:
        return cast("SendiasApp", self.app)

    def compose(self) -> ComposeResult:
        yield Static(id="redirects-header", classes="screen-header")
        with Horizontal(classes="redirect-row"):
            yield Label("Kind", classes="redirect-label first")
            yield Select(
                [(label, kind) for kind, label in KIND_LABELS.items()],
                value=RedirectKind.SENAT,
                allow_blank=False,
                compact=True,
                id="redirect-kind",
            )
        with Horizontal(classes="redirect-row"):
            yield Label("Date", classes="redirect-label first")
            yield Input(
                f"{self.sendias.today:%d/%m/%Y}",
                placeholder="dd/mm/yyyy",
                compact=True,
                id="redirect-date",
            )
            yield Label("Number of calls", classes="redirect-label")
            yield Input("1", compact=True, id="redirect-count")
        yield Static(id="redirect-errors", classes="input-errors")
        yield Static(
            "Enter or ctrl+s logs the entry. Tab to the list, where d deletes one.",
            id="redirect-hint",
        )
        yield RedirectTable(id="redirect-table")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#redirect-errors", Static).display = False
        self.refresh_list()

    def highlighted_redirect(self) -> RedirectedCall | None:
        """Return the entry under the cursor, or None when there are none."""
        record_id = self.query_one(RedirectTable).highlighted_id()
        return self._shown.get(record_id) if record_id is not None else None

    def refresh_list(self, *, select_id: int | None = None) -> None:
        """Reload the entries, newest first, keeping the cursor on the same entry or row."""
        calls = self.sendias.store.redirects()
        self._shown = {call.id: call for call in calls if call.id is not None}
        rows = [(record_id, redirect_cells(call)) for record_id, call in self._shown.items()]
        self.query_one(RedirectTable).show_records(rows, columns=COLUMNS, select_id=select_id)

        total = sum(call.count for call in self._shown.values())
        entries = "entry" if len(self._shown) == 1 else "entries"
        calls = "call" if total == 1 else "calls"
        self.query_one("#redirects-header", Static).update(
            Text(f"Redirected calls: {len(self._shown)} {entries}, {total} {calls} in all")
        )

    def _show_errors(self, messages: list[str]) -> None:
        errors = self.query_one("#redirect-errors", Static)
        errors.update(Text("\n".join(messages)))
        errors.display = bool(messages)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_log_redirect()

    def action_log_redirect(self) -> None:
        kind = self.query_one("#redirect-kind", Select).value
        if not isinstance(kind, RedirectKind):
            self._show_errors(["Kind: choose For SENAT or Transferred to another SENDIAS service"])
            return
        date_text = self.query_one("#redirect-date", Input).value
        count_input = self.query_one("#redirect-count", Input)
        call, errors = parse_redirect(kind, date_text, count_input.value, today=self.sendias.today)
        if call is None:
            self._show_errors([describe_field_error(error) for error in errors])
            return
        try:
            saved = self.sendias.store.add_redirect(call)
        except (StorageWriteError, DataFileError) as error:
            self.sendias.report_storage_error(error)
            return
        self._show_errors([])
        count_input.value = "1"
        self.notify(f"Logged {describe_redirect(saved)}.")
        self.refresh_list(select_id=saved.id)

    def action_delete_redirect(self) -> None:
        call = self.highlighted_redirect()
        if call is None:
            self.notify("There is no redirected-call entry to delete.", severity="warning")
            return
        question = f"Delete entry {call.id}: {describe_redirect(call)}? This cannot be undone."
        self.app.push_screen(ConfirmScreen(question), callback=partial(self._delete_answered, call))

    def _delete_answered(self, call: RedirectedCall, confirmed: bool | None) -> None:
        if not confirmed or call.id is None:
            return
        try:
            self.sendias.store.delete_redirect(call.id)
        except (StorageWriteError, DataFileError) as error:
            self.sendias.report_storage_error(error)
            return
        except KeyError:
            self.notify(f"Entry {call.id} was not found; it may have been deleted already.", severity="warning")
        else:
            self.notify(f"Deleted entry {call.id}.")
        self.refresh_list()
