"""List and enter the totals of earlier quarters, copied from reports published before sendias.

Year-on-year figures compare a quarter with the same quarter back to 2020.
Where records exist for a quarter they win over the totals typed in here.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, cast

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Input, Label, Static

from sendias_tui.domain.enquiry import INTERVENTION_LEVELS
from sendias_tui.domain.metrics import PublishedTotals
from sendias_tui.metrics_form_values import FormProblem
from sendias_tui.published_form_values import (
    TotalsFormValues,
    build_published_totals,
    totals_in_scheme,
    values_from_totals,
)
from sendias_tui.screens.confirm import ConfirmScreen
from sendias_tui.storage import DataFileError, StorageWriteError
from sendias_tui.widgets.record_table import RecordTable

if TYPE_CHECKING:
    from sendias_tui.app import SendiasApp

COLUMNS = (
    ("Quarter", 7),
    ("New", 4),
    ("Existing", 8),
    ("L1%", 4),
    ("L2%", 4),
    ("L3%", 4),
    ("L4%", 4),
    ("Web/mo", 6),
    ("Facebook", 8),
    ("Instagram", 9),
)
"""Column headings and widths in cells, chosen so the table fits 80 columns.

The level columns are each level's share of new enquiries, and Web/mo the
average monthly website page views.
"""

COUNT_INPUTS = ("new_enquiries", "existing_enquiries", "facebook_reach", "instagram_reach")


def _number(value: float | None) -> str:
    if value is None:
        return "-"
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}"


def totals_cells(totals: PublishedTotals) -> tuple[Text, ...]:
    """Return one table row for a quarter's totals; "-" marks a figure that is not known."""
    values = [
        totals.new_enquiries,
        totals.existing_enquiries,
        *(totals.level_shares.get(level) for level in INTERVENTION_LEVELS),
        totals.average_monthly_website_views,
        totals.facebook_reach,
        totals.instagram_reach,
    ]
    return (Text(totals.quarter), *(Text(_number(value), justify="right") for value in values))


class TotalsTable(RecordTable):
    """The saved quarters, where Enter edits one and d deletes it."""

    BINDINGS = [
        Binding("enter", "select_cursor", "Edit"),
        Binding("d", "screen.delete_totals", "Delete"),
    ]


class PublishedTotalsScreen(Screen[None]):
    """Type in an earlier quarter's published totals and list the quarters saved."""

    CSS_PATH = "../styles/metrics.tcss"

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", priority=True),
        Binding("ctrl+n", "new_totals", "New"),
        Binding("escape", "app.pop_screen", "Back"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._shown: dict[int, PublishedTotals] = {}
        """The saved totals in the table, by id."""
        self._editing: str | None = None
        """The quarter code loaded for editing, or None for a new entry."""

    @property
    def sendias(self) -> SendiasApp:
        return cast("SendiasApp", self.app)

    def compose(self) -> ComposeResult:
        yield Static(id="totals-header", classes="screen-header")
        with Vertical(id="totals-form"):
            with Horizontal(classes="totals-row"):
                yield Label("Quarter", classes="totals-label")
                yield Input(placeholder="2021-Q3", max_length=8, compact=True, id="quarter")
                yield Label("New enquiries", classes="totals-label gap")
                yield self._count_input("new_enquiries")
                yield Label("Existing enquiries", classes="totals-label gap")
                yield self._count_input("existing_enquiries")
            with Horizontal(classes="totals-row"):
                yield Label("Share of new enquiries at level (%):", classes="totals-label")
                for level in INTERVENTION_LEVELS:
                    yield Label(str(level), classes="totals-label gap")
                    yield Input(
                        placeholder="-", restrict=r"[0-9.%]*", max_length=6, compact=True,
                        id=f"level_shares-{level}", classes="totals-share",
                    )  # fmt: skip
            with Horizontal(classes="totals-row"):
                yield Label("Average monthly website page views", classes="totals-label")
                yield Input(
                    placeholder="-", restrict=r"[0-9.]*", max_length=10, compact=True,
                    id="average_monthly_website_views", classes="totals-count",
                )  # fmt: skip
            with Horizontal(classes="totals-row"):
                yield Label("Facebook reach (quarter total)", classes="totals-label")
                yield self._count_input("facebook_reach")
                yield Label("Instagram reach", classes="totals-label gap")
                yield self._count_input("instagram_reach")
            yield Static(id="totals-errors", classes="metrics-error", markup=False)
            yield Static(
                "Leave a figure empty when it is not known. Records of a quarter win over its "
                "totals. ctrl+s saves; in the list, Enter edits and d deletes.",
                classes="metrics-hint",
            )
        yield TotalsTable(id="totals-table")
        yield Footer(compact=True)

    def _count_input(self, field: str) -> Input:
        return Input(
            placeholder="-", restrict=r"[0-9]*", max_length=9, compact=True, id=field, classes="totals-count"
        )

    def on_mount(self) -> None:
        self.refresh_list()
        self.query_one("#quarter", Input).focus()

    def refresh_list(self, *, select_id: int | None = None) -> None:
        """Reload the saved totals, oldest quarter first."""
        saved = totals_in_scheme(self.sendias.store.published_totals(), self.sendias.quarter_scheme)
        self._shown = {totals.id: totals for totals in saved if totals.id is not None}
        rows = [(record_id, totals_cells(totals)) for record_id, totals in self._shown.items()]
        self.query_one(TotalsTable).show_records(rows, columns=COLUMNS, select_id=select_id)
        count = len(self._shown)
        noun = "quarter" if count == 1 else "quarters"
        editing = f"; editing {self._editing}" if self._editing else ""
        self.query_one("#totals-header", Static).update(
            Text(f"Published totals of earlier quarters: {count} {noun}{editing}")
        )

    # The form

    def collect_values(self) -> TotalsFormValues:
        """Return what the form shows now, as typed."""

        def text(widget_id: str) -> str:
            return self.query_one(f"#{widget_id}", Input).value

        return TotalsFormValues(
            quarter=text("quarter"),
            new_enquiries=text("new_enquiries"),
            existing_enquiries=text("existing_enquiries"),
            level_shares=tuple(text(f"level_shares-{level}") for level in INTERVENTION_LEVELS),
            average_monthly_website_views=text("average_monthly_website_views"),
            facebook_reach=text("facebook_reach"),
            instagram_reach=text("instagram_reach"),
        )

    def fill(self, values: TotalsFormValues) -> None:
        """Show ``values`` in the form."""
        self.query_one("#quarter", Input).value = values.quarter
        for field in (*COUNT_INPUTS, "average_monthly_website_views"):
            self.query_one(f"#{field}", Input).value = getattr(values, field)
        for level, share in zip(INTERVENTION_LEVELS, values.level_shares, strict=True):
            self.query_one(f"#level_shares-{level}", Input).value = share

    def _show_problems(self, problems: list[FormProblem]) -> None:
        for field in self.query(".field-invalid"):
            field.remove_class("field-invalid")
        for problem in problems:
            field, _, level = problem.key.partition(".")
            widget_ids = [f"level_shares-{level}"] if level else [field]
            if field == "level_shares" and not level:
                widget_ids = [f"level_shares-{each}" for each in INTERVENTION_LEVELS]
            for widget_id in widget_ids:
                self.query_one(f"#{widget_id}", Input).add_class("field-invalid")
        errors = self.query_one("#totals-errors", Static)
        errors.update(Text("\n".join(str(problem) for problem in problems)))
        errors.display = bool(problems)

    def action_new_totals(self) -> None:
        """Empty the form for another quarter."""
        self._editing = None
        self.fill(TotalsFormValues())
        self._show_problems([])
        self.refresh_list()
        self.query_one("#quarter", Input).focus()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        record_id = self.query_one(TotalsTable).highlighted_id()
        totals = self._shown.get(record_id) if record_id is not None else None
        if totals is None:
            return
        self._editing = totals.quarter
        self.fill(values_from_totals(totals))
        self._show_problems([])
        self.refresh_list(select_id=totals.id)
        self.query_one("#new_enquiries", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def action_save(self) -> None:
        """Validate the form and save it, asking first before replacing another quarter's totals."""
        totals, problems = build_published_totals(self.collect_values(), self.sendias.quarter_scheme)
        if totals is None:
            self._show_problems(problems)
            count = len(problems)
            self.notify(
                f"Not saved: {count} problem{'s' if count != 1 else ''} to correct.", severity="error"
            )
            first = problems[0].key.replace(".", "-") if problems else "quarter"
            if first == "level_shares":
                first = "level_shares-1"
            self.query_one(f"#{first}", Input).focus()
            return
        self._show_problems([])
        already = any(saved.quarter == totals.quarter for saved in self._shown.values())
        if already and totals.quarter != self._editing:
            self.app.push_screen(
                ConfirmScreen(f"{totals.quarter} already has published totals. Replace them?"),
                partial(self._replace_answered, totals),
            )
            return
        self._save(totals)

    def _replace_answered(self, totals: PublishedTotals, confirmed: bool | None) -> None:
        if confirmed:
            self._save(totals)

    def _save(self, totals: PublishedTotals) -> None:
        try:
            saved = self.sendias.store.save_published_totals(totals)
        except (StorageWriteError, DataFileError) as error:
            self.sendias.report_storage_error(error)
            return
        self._editing = saved.quarter
        self.refresh_list(select_id=saved.id)
        self.notify(f"Saved the published totals of {saved.quarter}.")

    # Deleting

    def action_delete_totals(self) -> None:
        record_id = self.query_one(TotalsTable).highlighted_id()
        totals = self._shown.get(record_id) if record_id is not None else None
        if totals is None:
            self.notify("There are no published totals to delete.", severity="warning")
            return
        self.app.push_screen(
            ConfirmScreen(f"Delete the published totals of {totals.quarter}? This cannot be undone."),
            partial(self._delete_answered, totals),
        )

    def _delete_answered(self, totals: PublishedTotals, confirmed: bool | None) -> None:
        if not confirmed:
            return
        try:
            self.sendias.store.delete_published_totals(totals.quarter, totals.scheme)
        except (StorageWriteError, DataFileError) as error:
            self.sendias.report_storage_error(error)
            return
        except KeyError:
            self.notify(f"{totals.quarter} has no published totals; they may have been deleted already.")
        else:
            self.notify(f"Deleted the published totals of {totals.quarter}.")
        if self._editing == totals.quarter:
            self._editing = None
        self.refresh_list()
