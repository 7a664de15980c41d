"""Ask where and how to write a quarter's report, before the summary screen writes it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Select, Static

from sendias_tui.domain.parsing import parse_count
from sendias_tui.domain.quarters import Quarter
from sendias_tui.publish import ReportFormat
from sendias_tui.screens.confirm import ConfirmScreen

FORMAT_LABELS = {
    ReportFormat.DOCX: "Word document (docx)",
    ReportFormat.HTML: "Web page (html)",
    ReportFormat.MD: "Markdown text (md)",
    ReportFormat.XLSX: "Excel workbook (xlsx)",
}


@dataclass(frozen=True)
class ReportRequest:
    """The manager's choices in the dialog."""

    format: ReportFormat
    path: Path
    """The file to write, with ``~`` already expanded."""
    suppress_below: int
    """Hide counts from 1 to this number minus one; below 2 hides nothing."""
    overwrite: bool
    """True when the manager agreed to replace a file already at ``path``."""


def default_path(quarter: Quarter, format: ReportFormat) -> str:
    """Return the suggested file, in the home folder, such as ``~/sendias-2023-Q3.docx``."""
    return f"~/sendias-{quarter.code}.{format.value}"


def check_output_path(text: str) -> str | None:
    """Return what is wrong with a typed output path, or None when a file can be written there."""
    if not text.strip():
        return "missing: type a file path, such as ~/sendias-2023-Q3.docx"
    path = Path(text.strip()).expanduser()
    if path.is_dir():
        return f"{path} is a folder: add a file name, such as {path / 'sendias-report.docx'}"
    if not path.parent.is_dir():
        return f"the folder {path.parent} does not exist: create it first or choose another folder"
    return None


class WriteReportScreen(ModalScreen[ReportRequest | None]):
    """Read the format, the output file and the disclosure threshold; dismiss with them or None.

    A file that already exists is replaced only after the manager confirms it.
    Invalid values keep the dialog open with what is allowed, and keep what
    was typed.
    """

    BINDINGS = [
        Binding("ctrl+s", "write", "Write", priority=True),
        Binding("escape", "cancel", "Cancel"),
    ]

    def __init__(self, quarter: Quarter, suppress_below: int) -> None:
        """Prepare the dialog for ``quarter``, with the threshold last used filled in."""
        super().__init__()
        self.quarter = quarter
        self.suppress_below = suppress_below

    def compose(self) -> ComposeResult:
        with Vertical(id="write-dialog", classes="dialog"):
            yield Static(Text(f"Write the {self.quarter.code} report"), classes="dialog-title")
            with Horizontal(classes="dialog-row"):
                yield Label("Format", classes="dialog-label")
                yield Select(
                    [(label, report_format) for report_format, label in FORMAT_LABELS.items()],
                    value=ReportFormat.DOCX,
                    allow_blank=False,
                    compact=True,
                    id="write-format",
                )
            with Horizontal(classes="dialog-row"):
                yield Label("Output file", classes="dialog-label")
                yield Input(default_path(self.quarter, ReportFormat.DOCX), compact=True, id="write-path")
            with Horizontal(classes="dialog-row"):
                yield Label("Hide counts below", classes="dialog-label")
                yield Input(
                    str(self.suppress_below),
                    restrict=r"[0-9]*",
                    max_length=4,
                    compact=True,
                    id="write-suppress",
                )
            yield Static(
                "0 shows every count. 10 hides counts from 1 to 9 and any count that would reveal them.",
                classes="dialog-hint",
            )
            yield Static(id="write-errors", classes="input-errors")
            yield Static("Enter or ctrl+s writes the file; Escape cancels.", classes="dialog-hint")

    def on_mount(self) -> None:
        self.query_one("#write-errors", Static).display = False
        self.query_one("#write-path", Input).focus()

    @on(Select.Changed, "#write-format")
    def _format_changed(self, event: Select.Changed) -> None:
        """Give the path the new format's suffix when it has one of the formats' suffixes."""
        if not isinstance(event.value, ReportFormat):
            return
        path_input = self.query_one("#write-path", Input)
        path = Path(path_input.value)
        if path.suffix.lower().lstrip(".") in {item.value for item in ReportFormat}:
            path_input.value = str(path.with_suffix(f".{event.value.value}"))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_write()

    def _show_errors(self, messages: list[str]) -> None:
        errors = self.query_one("#write-errors", Static)
        errors.update(Text("\n".join(messages)))
        errors.display = bool(messages)

    def action_write(self) -> None:
        """Check the values, ask before replacing a file, then dismiss with the request."""
        report_format = self.query_one("#write-format", Select).value
        path_text = self.query_one("#write-path", Input).value
        threshold_text = self.query_one("#write-suppress", Input).value

        messages = []
        if not isinstance(report_format, ReportFormat):
            allowed = ", ".join(item.value for item in ReportFormat)
            messages.append(f"Format: choose one of {allowed}")
        problem = check_output_path(path_text)
        if problem:
            messages.append(f"Output file: {problem}")
        threshold = 0
        try:
            threshold = parse_count(threshold_text or "0")
        except ValueError as error:
            messages.append(f"Hide counts below: {error}")
        if messages or not isinstance(report_format, ReportFormat):
            self._show_errors(messages)
            return
        self._show_errors([])

        path = Path(path_text.strip()).expanduser()
        request = ReportRequest(report_format, path, threshold, overwrite=False)
        if not path.exists():
            self.dismiss(request)
            return

        def replace_answered(confirmed: bool | None) -> None:
            if confirmed:
                self.dismiss(ReportRequest(report_format, path, threshold, overwrite=True))
            else:
                self._show_errors([f"Output file: {path} already exists; choose another file to keep it"])

        self.app.push_screen(
            ConfirmScreen(f"{path} already exists. Replace it with the {self.quarter.code} report?"),
            replace_answered,
        )

    def action_cancel(self) -> None:
        self.dismiss(None)
