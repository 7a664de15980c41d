"""The main screen: the enquiries of one quarter, newest first."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, cast

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from sendias_tui.domain.enquiry import Enquiry
from sendias_tui.domain.quarters import Quarter
from sendias_tui.screens.confirm import ConfirmScreen
from sendias_tui.screens.demo_offer import DemoOfferScreen
from sendias_tui.screens.keys_help import KeysScreen, screen_keys
from sendias_tui.screens.quarter_prompt import QuarterPromptScreen
from sendias_tui.storage import DataFileError, StorageWriteError
from sendias_tui.widgets.record_table import RecordTable

if TYPE_CHECKING:
    from sendias_tui.app import SendiasApp

CHECK_FOR_CHANGES_SECONDS = 5.0
"""How often the list reads what other programs saved to the same data file."""

COLUMNS = (
    ("ID", 4),
    ("Date", 10),
    ("Type", 8),
    ("Enquirer", 12),
    ("Main SEN", 9),
    ("District", 8),
    ("Level", 5),
    ("Advisor", 7),
)
"""Column headings and widths in cells, chosen so the table fits 80 columns.

Longer values end in an ellipsis; the line under the table shows them in full.
The ID column widens to fit ids of 10000 and up, and then the table scrolls
sideways at 80 columns.
"""


def _cell(value: str | None) -> Text:
    return Text(value or "-", no_wrap=True, overflow="ellipsis")


def enquiry_cells(enquiry: Enquiry) -> tuple[Text, ...]:
    """Return one table row for ``enquiry``."""
    level = str(enquiry.intervention_level) if enquiry.intervention_level else None
    return (
        Text(str(enquiry.id), justify="right"),
        _cell(f"{enquiry.date_received:%d/%m/%Y}"),
        _cell("New" if enquiry.is_new else "Existing"),
        _cell(enquiry.enquirer),
        _cell(enquiry.main_sen),
        _cell(enquiry.postal_district),
        _cell(level),
        _cell(enquiry.advisor),
    )


def enquiry_detail(enquiry: Enquiry) -> Text:
    """Return the full values that the table's narrow columns may cut short."""
    parts = [
        f"Enquiry {enquiry.id}",
        enquiry.enquirer,
        f"Main SEN: {enquiry.main_sen or 'not recorded'}",
        f"District: {enquiry.postal_district or 'not recorded'}",
    ]
    if enquiry.case_ref:
        parts.append(f"Case ref: {enquiry.case_ref}")
    return Text(" | ".join(parts))


class EnquiryTable(RecordTable):
    """The enquiry list, where Enter opens the highlighted enquiry."""

    # Enter is what anyone tries on a list, so the footer leaves it out to
    # make room; the ? panel lists it.
    BINDINGS = [Binding("enter", "select_cursor", "Open", show=False)]


QUARTER_KEYS = Binding.Group("Quarter", compact=True)
"""Shows [ and ] as one footer entry, to save room at 80 columns."""


class EnquiryListScreen(Screen[None]):
    """List the enquiries of a quarter and open, add or delete them."""

    BINDINGS = [
        Binding("n", "new_enquiry", "New"),
        Binding("d", "delete_enquiry", "Delete"),
        Binding(
            "left_square_bracket",
            "previous_quarter",
            "Previous quarter",
            key_display="[",
            group=QUARTER_KEYS,
        ),
        Binding(
            "right_square_bracket", "next_quarter", "Next quarter", key_display="]", group=QUARTER_KEYS
        ),
        Binding("g", "choose_quarter", "Go to"),
        # The footer has no room left at 80 columns for the keys below that
        # it hides. The ? panel lists them, and the empty-list message names a.
        Binding("a", "toggle_all", "All quarters", show=False),
        Binding("r", "redirects", "Redirects"),
        Binding("s", "summary", "Summary"),
        Binding("m", "metrics", "Metrics"),
        Binding("h", "published_totals", "Past totals", show=False),
        Binding("l", "load_demo", "Load demo"),
        Binding("q", "quit", "Quit"),
        Binding("question_mark", "toggle_keys", "Keys", key_display="?"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.quarter: Quarter | None = None
        """The quarter shown, or None to show every enquiry."""
        self._last_quarter: Quarter | None = None
        """The quarter shown last, which [ and ] step from while every enquiry is shown."""
        self._shown: dict[int, Enquiry] = {}
        """The enquiries in the list, by id."""
        self._loaded = False
        self._damaged_file_reported = False

    @property
    def sendias(self) -> SendiasApp:
        return cast("SendiasApp", self.app)

    def compose(self) -> ComposeResult:
        yield Static(id="list-header", classes="screen-header")
        yield EnquiryTable(id="enquiry-table")
        yield Static(id="list-empty", classes="empty-message")
        yield Static(id="enquiry-detail")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.quarter = self.sendias.current_quarter()
        self.refresh_list()
        self._loaded = True
        self.set_interval(CHECK_FOR_CHANGES_SECONDS, self._check_for_changes)
        if self.sendias.store.is_empty():
            self.app.push_screen(DemoOfferScreen(), callback=self._demo_offer_answered)

    def on_screen_resume(self) -> None:
        # Other screens may have changed the records, and the first resume
        # can come before on_mount has set the quarter.
        if self._loaded:
            self._read_other_programs_saves()
            self.refresh_list()

    def _check_for_changes(self) -> None:
        if self.app.screen is self and self._read_other_programs_saves():
            self.refresh_list()

    def _read_other_programs_saves(self) -> bool:
        """Read saves that other programs made to the data file; return whether any were found."""
        try:
            return self.sendias.store.refresh()
        except DataFileError as error:
            # The store keeps the records it has in memory, so the list stays usable.
            if not self._damaged_file_reported:
                self._damaged_file_reported = True
                self.notify(str(error), title="Data file", severity="error", timeout=15, markup=False)
            return False

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "load_demo":
            return self.sendias.store.is_empty()
        if action in {"delete_enquiry", "previous_quarter", "next_quarter", "choose_quarter"}:
            # Nothing to delete or look for in an empty file, and the room
            # goes to Load demo.
            return not self.sendias.store.is_empty()
        return True

    # The list

    def highlighted_enquiry(self) -> Enquiry | None:
        """Return the enquiry under the cursor, or None when the list is empty."""
        record_id = self.query_one(EnquiryTable).highlighted_id()
        return self._shown.get(record_id) if record_id is not None else None

    def refresh_list(self, *, select_id: int | None = None) -> None:
        """Reload the list from the store and put the cursor back where it makes sense.

        Args:
            select_id: the enquiry to highlight; by default the one highlighted
                before, or the row at the same place if that one is gone.
        """
        store = self.sendias.store
        if self.quarter is None:
            enquiries = store.all()
        else:
            enquiries = store.between(self.quarter.start, self.quarter.end)
        self._shown = {enquiry.id: enquiry for enquiry in enquiries if enquiry.id is not None}

        id_width = max([COLUMNS[0][1]] + [len(str(record_id)) for record_id in self._shown])
        columns = [(label, id_width if label == "ID" else width) for label, width in COLUMNS]
        rows = [(record_id, enquiry_cells(enquiry)) for record_id, enquiry in self._shown.items()]
        self.query_one(EnquiryTable).show_records(rows, columns=columns, select_id=select_id)

        self._show_header()
        self._show_empty_message()
        self._show_detail()
        self.refresh_bindings()

    def _show_header(self) -> None:
        count = len(self._shown)
        noun = "enquiry" if count == 1 else "enquiries"
        where = "All quarters" if self.quarter is None else self.quarter.title
        self.query_one("#list-header", Static).update(Text(f"{where}: {count} {noun}"))

    def _show_empty_message(self) -> None:
        message = self.query_one("#list-empty", Static)
        if self.sendias.store.is_empty():
            text = (
                "The data file is empty. Press n to record the first enquiry, "
                "l to load the demo data, or h to enter totals published before."
            )
        elif not self._shown and self.quarter is None:
            text = "No enquiries in any quarter."
        elif not self._shown and self.quarter is not None:
            text = (
                f"No enquiries in {self.quarter.code}. "
                "Press [ or ] to change quarter, or a to show all."
            )
            latest = self._latest_quarter_with_records()
            if latest is not None:
                text += (
                    f"\nThe latest quarter with records is {latest.code}: "
                    "press g, then Enter, to go there."
                )
        else:
            text = ""
        message.update(Text(text))
        message.display = bool(text)

    def _show_detail(self) -> None:
        enquiry = self.highlighted_enquiry()
        detail = self.query_one("#enquiry-detail", Static)
        detail.update(enquiry_detail(enquiry) if enquiry else Text(""))

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show_detail()

    # Quarters

    def _show_quarter(self, quarter: Quarter | None) -> None:
        """Show ``quarter``, or every enquiry when None, remembering the last quarter shown."""
        if self.quarter is not None:
            self._last_quarter = self.quarter
        self.quarter = quarter
        self.refresh_list()

    def _viewed_quarter(self) -> Quarter:
        """Return the quarter shown, or the one shown last while every enquiry is listed."""
        return self.quarter or self._last_quarter or self.sendias.current_quarter()

    def _latest_quarter_with_records(self) -> Quarter | None:
        newest = self.sendias.store.latest()
        if newest is None:
            return None
        return Quarter.containing(newest.date_received, self.sendias.quarter_scheme)

    def action_previous_quarter(self) -> None:
        self._show_quarter(self._viewed_quarter().previous())

    def action_next_quarter(self) -> None:
        self._show_quarter(self._viewed_quarter().next())

    def action_toggle_all(self) -> None:
        self._show_quarter(self._viewed_quarter() if self.quarter is None else None)

    def action_choose_quarter(self) -> None:
        """Ask for a quarter code, offering the latest quarter with records when this one is empty."""
        offered = self._viewed_quarter()
        if not self._shown:
            offered = self._latest_quarter_with_records() or offered
        self.app.push_screen(QuarterPromptScreen(offered), callback=self._quarter_chosen)

    def _quarter_chosen(self, quarter: Quarter | None) -> None:
        if quarter is not None:
            self._show_quarter(quarter)

    def action_toggle_keys(self) -> None:
        """Show every key of this screen, the hidden ones included, until Escape or ? closes the list."""
        self.app.push_screen(KeysScreen(screen_keys(self)))

    # Adding, editing and deleting

    def action_new_enquiry(self) -> None:
        self._open_form(None)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        enquiry = self.highlighted_enquiry()
        if enquiry is None or enquiry.id is None:
            return
        current = self.sendias.store.get(enquiry.id)
        if current is None:
            self.notify(
                f"Enquiry {enquiry.id} was not found; it may have been deleted.",
                severity="warning",
            )
            self.refresh_list()
            return
        self._open_form(current)

    def _open_form(self, enquiry: Enquiry | None) -> None:
        # Imported here so the list works while the form module is being built.
        from sendias_tui.screens.enquiry_form import EnquiryFormScreen

        form = EnquiryFormScreen(
            self.sendias.store, self.sendias.categories, enquiry=enquiry, today=self.sendias.today
        )
        self.app.push_screen(form, callback=self._form_closed)

    def _form_closed(self, saved: Enquiry | None) -> None:
        if saved is None or saved.id is None:
            self.refresh_list()
            return
        if self.quarter is not None and saved.date_received not in self.quarter:
            self.quarter = Quarter.containing(saved.date_received, self.sendias.quarter_scheme)
            self.notify(f"Showing {self.quarter.code}, the quarter of enquiry {saved.id}.")
        self.refresh_list(select_id=saved.id)

    def action_delete_enquiry(self) -> None:
        enquiry = self.highlighted_enquiry()
        if enquiry is None or enquiry.id is None:
            self.notify("There is no enquiry to delete in this list.", severity="warning")
            return
        question = (
            f"Delete enquiry {enquiry.id}, received on {enquiry.date_received:%d/%m/%Y}? "
            "This cannot be undone."
        )
        self.app.push_screen(ConfirmScreen(question), callback=partial(self._delete_answered, enquiry))

    def _delete_answered(self, enquiry: Enquiry, confirmed: bool | None) -> None:
        if not confirmed or enquiry.id is None:
            return
        try:
            self.sendias.store.delete(enquiry.id)
        except (StorageWriteError, DataFileError) as error:
            self.sendias.report_storage_error(error)
            return
        except KeyError:
            self.notify(
                f"Enquiry {enquiry.id} was not found; it may have been deleted already.",
                severity="warning",
            )
        else:
            self.notify(f"Deleted enquiry {enquiry.id}.")
        self.refresh_list()

    # Other screens

    def action_redirects(self) -> None:
        from sendias_tui.screens.redirects import RedirectsScreen

        self.app.push_screen(RedirectsScreen())

    def action_summary(self) -> None:
        from sendias_tui.screens.summary import SummaryScreen

        self.app.push_screen(SummaryScreen(self.quarter or self.sendias.current_quarter()))

    def action_metrics(self) -> None:
        from sendias_tui.screens.metrics import MetricsScreen

        self.app.push_screen(MetricsScreen())

    def action_published_totals(self) -> None:
        from sendias_tui.screens.published_totals import PublishedTotalsScreen

        self.app.push_screen(PublishedTotalsScreen())

    def action_quit(self) -> None:
        self.app.exit()

    # Demo data

    def _demo_offer_answered(self, accepted: bool | None) -> None:
        if accepted:
            self.action_load_demo()

    def action_load_demo(self) -> None:
        # Imported here: the demo records are only needed on an empty file.
        from sendias_tui.demo import DemoRefused, load_demo

        try:
            count = load_demo(self.sendias.store)
        except DemoRefused as refused:
            self.notify(str(refused), severity="warning", markup=False)
            return
        except (StorageWriteError, DataFileError) as error:
            self.sendias.report_storage_error(error)
            return
        message = f"Loaded {count} demo enquiries."
        latest = self._latest_quarter_with_records()
        if latest is not None:
            message += f" Showing {latest.code}, the latest quarter with records."
        self.notify(message)
        self._show_quarter(latest or self.quarter)
