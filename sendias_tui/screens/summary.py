"""The quarterly summary: data checks, interpreting sentences, every table and every figure."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static
from textual.worker import Worker, WorkerState

from sendias_tui.domain.quarters import Quarter
from sendias_tui.export.files import ExportWriteError
from sendias_tui.publish import Document, DocumentError, write_report
from sendias_tui.publish.assemble import SUPPRESS_BELOW_SETTING, assemble_document
from sendias_tui.report.full_report import FullReport, build_full_report, records_for_report
from sendias_tui.report.model import QuarterReport
from sendias_tui.screens.quarter_prompt import QuarterPromptScreen
from sendias_tui.screens.write_report import (
    FORMAT_LABELS,
    ReportRequest,
    WriteReportScreen,
)
from sendias_tui.storage import DataFileError, StorageWriteError
from sendias_tui.widgets.quality_panel import QualityPanel
from sendias_tui.report.summary_blocks import summary_blocks

if TYPE_CHECKING:
    from sendias_tui.app import SendiasApp


class SummaryScreen(Screen[None]):
    """Show one quarter's summary, scrolled with the keyboard, and write it as a document."""

    BINDINGS = [
        Binding("left_square_bracket", "previous_quarter", "Prev", key_display="["),
        Binding("right_square_bracket", "next_quarter", "Next", key_display="]"),
        Binding("g", "choose_quarter", "Go to quarter"),
        Binding("c", "show_checks", "Checks"),
        Binding("w", "write_report", "Write report"),
        Binding("escape", "app.pop_screen", "Back"),
    ]

    def __init__(self, quarter: Quarter) -> None:
        """Prepare the summary of ``quarter``."""
        super().__init__()
        self.quarter = quarter
        self.full_report: FullReport | None = None
        """Everything on show, once computed."""

    @property
    def sendias(self) -> SendiasApp:
        return cast("SendiasApp", self.app)

    @property
    def report(self) -> QuarterReport | None:
        """The enquiry tables on show, once computed."""
        return self.full_report.report if self.full_report else None

    def compose(self) -> ComposeResult:
        yield Static(id="summary-header", classes="screen-header")
        with VerticalScroll(id="summary-body"):
            yield QualityPanel(id="summary-checks")
        yield Footer(compact=True)

    async def on_mount(self) -> None:
        await self.show_quarter(self.quarter)

    async def show_quarter(self, quarter: Quarter) -> None:
        """Compute the summary of ``quarter`` from the store and show it from the top."""
        self.quarter = quarter
        store = self.sendias.store
        enquiries, redirects = records_for_report(store, quarter)
        full = build_full_report(
            quarter,
            enquiries,
            redirects,
            store.all_metrics(),
            store.published_totals(),
            self.sendias.categories,
            today=self.sendias.today,
        )
        self.full_report = full
        noun = "enquiry" if full.report.new_enquiries == 1 else "enquiries"
        self.query_one("#summary-header", Static).update(
            Text(f"Summary for {quarter.title}: {full.report.new_enquiries} new {noun}")
        )
        self.query_one(QualityPanel).show_issues(full.issues)

        body = self.query_one("#summary-body", VerticalScroll)
        blocks = list(summary_blocks(full))
        shown = [widget for widget in body.children if not isinstance(widget, QualityPanel)]
        if [widget.id for widget in shown] == [block.id for block in blocks]:
            # The same blocks as before, so update them in place rather than
            # mount dozens of widgets again on every [ or ].
            for widget, block in zip(shown, blocks, strict=True):
                cast(Static, widget).update(block.renderable)
        else:
            await body.remove_children(shown)
            await body.mount_all(
                Static(block.renderable, id=block.id, classes=block.classes) for block in blocks
            )
        body.scroll_home(animate=False)

    async def action_previous_quarter(self) -> None:
        await self.show_quarter(self.quarter.previous())

    async def action_next_quarter(self) -> None:
        await self.show_quarter(self.quarter.next())

    def action_choose_quarter(self) -> None:
        self.app.push_screen(QuarterPromptScreen(self.quarter), callback=self._quarter_chosen)

    async def _quarter_chosen(self, quarter: Quarter | None) -> None:
        if quarter is not None:
            await self.show_quarter(quarter)

    def action_show_checks(self) -> None:
        """Scroll the data checks to the top of the view."""
        body = self.query_one("#summary-body", VerticalScroll)
        body.scroll_to_widget(self.query_one(QualityPanel), top=True, animate=False)

    # Writing the report

    def action_write_report(self) -> None:
        store = self.sendias.store
        try:
            # The sendias command may have stored a new threshold while this
            # screen was open, and only the enquiry list reads such saves.
            store.refresh()
        except DataFileError as error:
            # The threshold in memory is still usable, so the dialog opens anyway.
            self.notify(str(error), title="Data file", severity="error", timeout=15, markup=False)
        threshold = store.get_setting(SUPPRESS_BELOW_SETTING, 0)
        if isinstance(threshold, bool) or not isinstance(threshold, int) or threshold < 0:
            threshold = 0
        self.app.push_screen(WriteReportScreen(self.quarter, threshold), callback=self._write_requested)

    def _write_requested(self, request: ReportRequest | None) -> None:
        if request is None:
            return
        store = self.sendias.store
        try:
            store.set_setting(SUPPRESS_BELOW_SETTING, request.suppress_below)
        except (StorageWriteError, DataFileError) as error:
            # Only the remembered threshold is lost; the report can still be written.
            self.sendias.report_storage_error(error)
        # NOTE: the document is assembled here on the main thread, because the
        # store is not made to be read from two threads. The worker does the
        # slow part: drawing chart images and writing the file.
        try:
            assembled = assemble_document(
                self.quarter,
                store,
                self.sendias.categories,
                suppress_below=request.suppress_below,
                today=self.sendias.today,
            )
        except DocumentError as error:
            self.notify(
                f"The {self.quarter.code} report could not be laid out: {error}. Nothing was written.",
                title="Report not written",
                severity="error",
                timeout=15,
                markup=False,
            )
            return
        self.notify(f"Writing the {self.quarter.code} report to {request.path}...", markup=False)
        self._write_file(assembled.document, request)

    @work(thread=True, exclusive=True, group="write-report", exit_on_error=False)
    def _write_file(self, document: Document, request: ReportRequest) -> None:
        """Write ``document`` as ``request`` sets out, then notify the manager of the outcome."""
        try:
            write_report(document, request.path, request.format, overwrite=request.overwrite)
        except FileExistsError:
            message = (
                f"{request.path} was created by another program while the report was being "
                "prepared, so it was kept. Press w to write again and replace it, or choose "
                "another file."
            )
            self.app.call_from_thread(self._report_failure, message)
            return
        except ExportWriteError as error:
            self.app.call_from_thread(self._report_failure, f"{error} Nothing was written.")
            return
        hidden = f", counts below {request.suppress_below} hidden" if request.suppress_below >= 2 else ""
        self.app.call_from_thread(
            self.notify,
            f"Wrote the {document.quarter.code} report ({FORMAT_LABELS[request.format]}{hidden}) "
            f"to {request.path}.",
            title="Report written",
            timeout=10,
            markup=False,
        )

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        # The worker reports the failures it expects itself; this catches the
        # rest, such as a chart the image library cannot draw.
        if event.worker.group == "write-report" and event.state is WorkerState.ERROR:
            error = event.worker.error
            self._report_failure(f"The report could not be written ({type(error).__name__}: {error}).")

    def _report_failure(self, message: str) -> None:
        self.notify(message, title="Report not written", severity="error", timeout=15, markup=False)
