"""Enter one month's service metrics: website, accessibility toolbar and social media figures.

Parsing and the rules live in ``metrics_form_values`` and
``domain.metrics_validation``. This screen moves text in and out of its
inputs, marks the problems and saves through the store.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, cast

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Input, Label, Static

from sendias_tui.domain.metrics import MonthlyMetrics
from sendias_tui.metrics_form_values import (
    FORM_ORDER,
    FormProblem,
    MetricsFormValues,
    NamedCountText,
    PostText,
    accessibility_names,
    build_metrics,
    values_from_metrics,
)
from sendias_tui.screens.confirm import ConfirmScreen
from sendias_tui.screens.month_prompt import MonthPromptScreen
from sendias_tui.storage import DataFileError, StorageWriteError
from sendias_tui.widgets.metric_rows import Column, EntryRows, NamedCounts, count_column

if TYPE_CHECKING:
    from sendias_tui.app import SendiasApp

MONTH_ABBREVIATIONS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

PAGE_COLUMNS = (
    Column("name", "Page", placeholder="page name", max_length=200),
    count_column("count", "Views"),
)
LANGUAGE_COLUMNS = (
    Column("name", "Language", placeholder="language", max_length=200),
    count_column("count", "Uses"),
)
POST_COLUMNS = (
    Column("title", "Title", placeholder="post title", max_length=200),
    # One cell more than dd/mm/yyyy, for the cursor after the last digit.
    Column("posted_on", "Date", width=11, placeholder="dd/mm/yyyy", max_length=10),
    count_column("reach", "Reach"),
)
LIST_PREFIXES = ("top_pages", "translations", "top_posts")
"""The fields entered as rows, which ctrl+n and ctrl+r add to and remove from."""


def previous_month(year: int, month: int) -> tuple[int, int]:
    return (year - 1, 12) if month == 1 else (year, month - 1)


def next_month(year: int, month: int) -> tuple[int, int]:
    return (year + 1, 1) if month == 12 else (year, month + 1)


def month_name(year: int, month: int) -> str:
    """Return a month as "July 2023"."""
    return f"{date(year, month, 1):%B %Y}"


class MonthPicker(Static, can_focus=True):
    """The month being entered; left and right step it, like [ and ]."""

    BINDINGS = [
        Binding("left", "screen.previous_month", "Previous month", show=False),
        Binding("right", "screen.next_month", "Next month", show=False),
    ]


class MetricsScreen(Screen[None]):
    """Type in, correct and save the service metrics of one month at a time."""

    CSS_PATH = "../styles/metrics.tcss"

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", priority=True),
        Binding("left_square_bracket", "previous_month", "Prev month", key_display="["),
        Binding("right_square_bracket", "next_month", "Next month", key_display="]"),
        Binding("g", "choose_month", "Go to month"),
        Binding("ctrl+n", "add_row", "Add row"),
        Binding("ctrl+r", "remove_row", "Remove row"),
        Binding("escape", "close", "Back"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.year = 0
        self.month = 0
        self._pristine = MetricsFormValues()
        """The values as loaded or last saved, to tell whether anything was typed since."""
        self._month_saved = False
        """Whether the store has figures for the month shown."""

    @property
    def sendias(self) -> SendiasApp:
        return cast("SendiasApp", self.app)

    def compose(self) -> ComposeResult:
        yield Static(id="metrics-header", classes="screen-header")
        with VerticalScroll(id="metrics-body"):
            with Horizontal(classes="metrics-row"):
                yield Label("Month", classes="metrics-label")
                yield MonthPicker(id="metrics-month")
                yield Static("[ ] step, g goes to a month", classes="metrics-hint", markup=False)
            yield Static(id="metrics-saved", classes="metrics-hint")
            yield self._error_line("month")
            yield from self._total_row("Website page views", "website_views")
            yield Static(
                "Most viewed pages (ctrl+n adds a row, ctrl+r removes the row you are in)",
                classes="metrics-section",
            )
            yield EntryRows("top_pages", PAGE_COLUMNS, id="top_pages")
            yield self._error_line("top_pages")
            yield Static("Accessibility toolbar uses by function", classes="metrics-section")
            yield NamedCounts(
                "accessibility",
                self.sendias.categories.accessibility_function.active_names,
                id="accessibility",
            )
            yield self._error_line("accessibility")
            yield Static("Translation uses by language", classes="metrics-section")
            yield EntryRows("translations", LANGUAGE_COLUMNS, id="translations")
            yield self._error_line("translations")
            yield from self._total_row("Facebook reach", "facebook_reach")
            yield from self._total_row("Instagram reach", "instagram_reach")
            yield Static("Top posts", classes="metrics-section")
            yield EntryRows("top_posts", POST_COLUMNS, id="top_posts")
            yield self._error_line("top_posts")
        yield Footer(compact=True)

    def _total_row(self, label: str, field: str) -> ComposeResult:
        """Yield a labelled input for one monthly total, with its error line."""
        with Horizontal(classes="metrics-row"):
            yield Label(label, classes="metrics-label")
            yield Input(max_length=9, placeholder="-", compact=True, id=field)
        yield self._error_line(field)

    def _error_line(self, field: str) -> Static:
        return Static(id=f"{field}-error", classes="metrics-error", markup=False)

    async def on_mount(self) -> None:
        today = self.sendias.today
        await self.show_month(*previous_month(today.year, today.month))
        self.query_one(MonthPicker).focus()

    # Moving between months

    def _saved(self) -> dict[tuple[int, int], MonthlyMetrics]:
        return {item.month_key: item for item in self.sendias.store.all_metrics()}

    async def show_month(self, year: int, month: int) -> None:
        """Load the figures saved for a month into the form, or empty it when there are none."""
        self.year, self.month = year, month
        saved = self._saved()
        metrics = saved.get((year, month))
        functions = self.sendias.categories.accessibility_function
        values = values_from_metrics(metrics, accessibility_names(functions, metrics))
        await self._fill(values)
        self._pristine = self.collect_values()
        self._show_problems([])
        self._show_month_state(saved)

    async def _fill(self, values: MetricsFormValues) -> None:
        for name in ("website_views", "facebook_reach", "instagram_reach"):
            self.query_one(f"#{name}", Input).value = getattr(values, name)
        await self.query_one("#top_pages", EntryRows).set_texts(
            [(row.name, row.count) for row in values.top_pages]
        )
        await self.query_one("#translations", EntryRows).set_texts(
            [(row.name, row.count) for row in values.translations]
        )
        await self.query_one("#top_posts", EntryRows).set_texts(
            [(post.title, post.posted_on, post.reach) for post in values.top_posts]
        )
        await self.query_one("#accessibility", NamedCounts).set_texts(
            list(values.accessibility), values.accessibility
        )

    def _show_month_state(self, saved: dict[tuple[int, int], MonthlyMetrics]) -> None:
        name = month_name(self.year, self.month)
        self._month_saved = (self.year, self.month) in saved
        self._show_heading()
        self.query_one(MonthPicker).update(Text(f"< {name} >"))
        in_year = [MONTH_ABBREVIATIONS[month - 1] for year, month in sorted(saved) if year == self.year]
        others = sum(1 for year, _ in saved if year != self.year)
        line = f"Saved months in {self.year}: {' '.join(in_year) if in_year else 'none'}"
        if others:
            line += f"; {others} in other years"
        self.query_one("#metrics-saved", Static).update(Text(line))

    def _show_heading(self) -> None:
        if self._has_changes():
            state = "unsaved changes"
        else:
            state = "saved" if self._month_saved else "not saved yet"
        name = month_name(self.year, self.month)
        self.query_one("#metrics-header", Static).update(Text(f"Service metrics for {name} ({state})"))

    def on_input_changed(self, event: Input.Changed) -> None:
        if self.year:
            self._show_heading()

    def collect_values(self) -> MetricsFormValues:
        """Return what the form shows now, as typed."""
        pages = self.query_one("#top_pages", EntryRows).texts()
        languages = self.query_one("#translations", EntryRows).texts()
        posts = self.query_one("#top_posts", EntryRows).texts()
        return MetricsFormValues(
            website_views=self.query_one("#website_views", Input).value,
            top_pages=tuple(NamedCountText(*row) for row in pages),
            accessibility=self.query_one("#accessibility", NamedCounts).texts(),
            translations=tuple(NamedCountText(*row) for row in languages),
            facebook_reach=self.query_one("#facebook_reach", Input).value,
            instagram_reach=self.query_one("#instagram_reach", Input).value,
            top_posts=tuple(PostText(*row) for row in posts),
        )

    def _has_changes(self) -> bool:
        return _without_blank_rows(self.collect_values()) != _without_blank_rows(self._pristine)

    def _then_if_discarded(self, question: str, action: Callable[[], object]) -> None:
        """Run ``action`` at once, or after the manager agrees to lose what was typed."""
        if not self._has_changes():
            action()
            return

        def answered(confirmed: bool | None) -> None:
            if confirmed:
                action()

        self.app.push_screen(ConfirmScreen(question), answered)

    def _step_month(self, year: int, month: int) -> None:
        name = month_name(self.year, self.month)
        self._then_if_discarded(
            f"The figures typed for {name} are not saved. Discard them?",
            lambda: self.call_later(self.show_month, year, month),
        )

    def action_previous_month(self) -> None:
        self._step_month(*previous_month(self.year, self.month))

    def action_next_month(self) -> None:
        self._step_month(*next_month(self.year, self.month))

    def action_choose_month(self) -> None:
        def chosen(month: tuple[int, int] | None) -> None:
            if month is not None and month != (self.year, self.month):
                self._step_month(*month)

        self.app.push_screen(MonthPromptScreen(self.year, self.month, today=self.sendias.today), chosen)

    def action_close(self) -> None:
        name = month_name(self.year, self.month)
        self._then_if_discarded(
            f"The figures typed for {name} are not saved. Discard them?", self.app.pop_screen
        )

    # Rows

    def _rows_with_focus(self) -> tuple[EntryRows | None, int | None]:
        focused = self.focused
        for prefix in LIST_PREFIXES:
            rows = self.query_one(f"#{prefix}", EntryRows)
            if focused is not None and focused in rows.query(Input):
                return rows, rows.row_of(focused.id)
        return None, None

    async def action_add_row(self) -> None:
        rows, _ = self._rows_with_focus()
        if rows is None:
            self.notify("Move to the pages, languages or posts first, then press ctrl+n to add a row.")
            return
        field = await rows.add_row()
        field.focus()
        self._show_heading()

    async def action_remove_row(self) -> None:
        rows, index = self._rows_with_focus()
        if rows is None or index is None:
            self.notify("Move to the row to remove, then press ctrl+r.")
            return
        field = await rows.remove_row(index)
        field.focus()
        self._show_heading()

    # Saving

    def _show_problems(self, problems: list[FormProblem]) -> None:
        for field in self.query(".field-invalid"):
            field.remove_class("field-invalid")
        messages: dict[str, list[str]] = {name: [] for name in FORM_ORDER}
        for problem in problems:
            messages.setdefault(problem.key.partition(".")[0], []).append(str(problem))
            widget_id = self._input_id(problem.key)
            if widget_id:
                for field in self.query(f"#{widget_id}"):
                    field.add_class("field-invalid")
        for name, lines in messages.items():
            for line in self.query(f"#{name}-error"):
                cast(Static, line).update(Text("\n".join(lines)))
                line.display = bool(lines)

    def _input_id(self, key: str) -> str | None:
        """Return the id of the input a problem's form key names, or None for a whole field."""
        field, _, rest = key.partition(".")
        if field == "month":
            return "metrics-month"
        if field == "accessibility":
            counts = self.query_one("#accessibility", NamedCounts)
            return counts.input_id(rest) if rest in counts.names else None
        if field in LIST_PREFIXES:
            index, _, part = rest.partition(".")
            return f"{field}-{index}-{part}" if part else None
        return field

    async def action_save(self) -> None:
        """Validate and save the month's figures; on a problem keep everything typed and mark it."""
        values = self.collect_values()
        name = month_name(self.year, self.month)

        if values.is_blank:
            if (self.year, self.month) in self._saved():
                self._confirm_delete()
            else:
                self.notify(f"Nothing to save: enter at least one figure for {name}.", severity="warning")
            return
        functions = self.sendias.categories.accessibility_function
        metrics, problems = build_metrics(self.year, self.month, values, functions, today=self.sendias.today)

        if metrics is None:
            self._show_problems(problems)
            count = len(problems)
            self.notify(
                f"Not saved: {count} problem{'s' if count != 1 else ''} to correct.", severity="error"
            )
            first = self._input_id(problems[0].key) if problems else None
            if first:
                for field in self.query(f"#{first}"):
                    field.focus()
                    break
            return

        try:
            self.sendias.store.save_metrics(metrics)
        except (StorageWriteError, DataFileError) as error:
            self.sendias.report_storage_error(error)
            return
        self._show_problems([])
        self._pristine = values
        self._show_month_state(self._saved())
        self.notify(f"Saved the service metrics of {name}.")

    def _confirm_delete(self) -> None:
        year, month = self.year, self.month
        name = month_name(year, month)

        async def answered(confirmed: bool | None) -> None:
            if not confirmed:
                return
            try:
                self.sendias.store.delete_metrics(year, month)
            except (StorageWriteError, DataFileError) as error:
                self.sendias.report_storage_error(error)
                return
            except KeyError:
                self.notify(f"{name} has no saved metrics; they may have been deleted already.")
            await self.show_month(year, month)
            self.notify(f"Deleted the service metrics of {name}.")

        self.app.push_screen(
            ConfirmScreen(f"Every figure is empty. Delete the saved service metrics of {name}?"), answered
        )


def _without_blank_rows(values: MetricsFormValues) -> MetricsFormValues:
    """Return ``values`` without empty rows, which an empty form shows but saving ignores."""
    return MetricsFormValues(
        website_views=values.website_views.strip(),
        top_pages=tuple(row for row in values.top_pages if not row.is_blank),
        accessibility={name: text.strip() for name, text in values.accessibility.items()},
        translations=tuple(row for row in values.translations if not row.is_blank),
        facebook_reach=values.facebook_reach.strip(),
        instagram_reach=values.instagram_reach.strip(),
        top_posts=tuple(post for post in values.top_posts if not post.is_blank),
    )
