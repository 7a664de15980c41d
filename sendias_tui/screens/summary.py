"""The quarterly summary, table by table, as the report computes it."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from sendias_tui.domain.quarters import Quarter
from sendias_tui.report.model import QuarterReport
from sendias_tui.report.render import render_table
from sendias_tui.report.summary import build_report
from sendias_tui.screens.quarter_prompt import QuarterPromptScreen

if TYPE_CHECKING:
    from sendias_tui.app import SendiasApp


class SummaryScreen(Screen[None]):
    """Show every table of one quarter's summary, scrolled with the keyboard."""

    BINDINGS = [
        Binding("left_square_bracket", "previous_quarter", "Prev", key_display="["),
        Binding("right_square_bracket", "next_quarter", "Next", key_display="]"),
        Binding("g", "choose_quarter", "Go to quarter"),
        Binding("escape", "app.pop_screen", "Back"),
    ]

    def __init__(self, quarter: Quarter) -> None:
        """Prepare the summary of ``quarter``."""
        super().__init__()
        self.quarter = quarter
        self.report: QuarterReport | None = None
        """The summary on show, once computed."""

    @property
    def sendias(self) -> SendiasApp:
        return cast("SendiasApp", self.app)

    def compose(self) -> ComposeResult:
        yield Static(id="summary-header", classes="screen-header")
        yield VerticalScroll(id="summary-body")
        yield Footer(compact=True)

    async def on_mount(self) -> None:
        await self.show_quarter(self.quarter)

    async def show_quarter(self, quarter: Quarter) -> None:
        """Compute the summary of ``quarter`` from the store and show it from the top."""
        self.quarter = quarter
        store = self.sendias.store
        report = build_report(
            quarter,
            store.all(),
            store.redirects(),
            self.sendias.categories,
            today=self.sendias.today,
        )
        self.report = report
        noun = "enquiry" if report.new_enquiries == 1 else "enquiries"
        self.query_one("#summary-header", Static).update(
            Text(f"Summary for {quarter.title}: {report.new_enquiries} new {noun}")
        )

        body = self.query_one("#summary-body", VerticalScroll)
        shown_ids = [widget.id for widget in body.query_children(Static)]
        expected_ids = [f"summary-note-{index}" for index in range(len(report.notes))]
        expected_ids += [f"summary-{table.key}" for table in report.tables]
        if shown_ids == expected_ids:
            # Same notes and tables as before, so update them in place rather
            # than mount a dozen widgets again on every [ or ].
            for index, note in enumerate(report.notes):
                body.query_one(f"#summary-note-{index}", Static).update(Text(note))
            for table in report.tables:
                body.query_one(f"#summary-{table.key}", Static).update(render_table(table))
        else:
            blocks = [
                Static(Text(note), id=f"summary-note-{index}", classes="summary-note")
                for index, note in enumerate(report.notes)
            ]
            blocks.extend(
                Static(render_table(table), id=f"summary-{table.key}", classes="summary-table")
                for table in report.tables
            )
            await body.remove_children()
            await body.mount_all(blocks)
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
