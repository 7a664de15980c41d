"""The form an advisor uses to log a new enquiry or correct a stored one.

Parsing and the rules live in ``form_values`` and ``domain.validation``, and
the fields in ``widgets.enquiry_fields``. This screen connects them, saves
through the store and decides when to fill in a case's details.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Button, Footer, Input, Select, Static

from sendias_tui.domain.categories import Categories
from sendias_tui.domain.enquiry import Enquiry, EnquiryType
from sendias_tui.form_values import (
    FormValues,
    SetAsideReasons,
    blank_values,
    build_enquiry,
    changed_fields,
    format_date,
    prefill_from_case,
    values_from_enquiry,
)
from sendias_tui.screens.confirm import ConfirmScreen
from sendias_tui.storage import EnquiryStore, StorageWriteError
from sendias_tui.widgets.choice_select import ChoiceSelect
from sendias_tui.widgets.enquiry_fields import EnquiryFields
from sendias_tui.widgets.multi_choice import MultiChoice


class EnquiryFormScreen(Screen[Enquiry | None]):
    """Every field of an enquiry on one scrolling form, worked from the keyboard.

    The screen saves through the store itself and dismisses with the last
    enquiry it saved (also after Save and new, then Cancel), or None when
    nothing was saved.
    """

    CSS_PATH = "../styles/form.tcss"

    AUTO_FOCUS = ""
    """No automatic focus: on_mount focuses the date after filling it, so the
    date's text is selected and typing replaces it."""

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", priority=True),
        Binding("ctrl+n", "save_and_new", "Save and new", priority=True),
        Binding("escape", "cancel", "Cancel"),
    ]

    def __init__(
        self,
        store: EnquiryStore,
        categories: Categories,
        enquiry: Enquiry | None = None,
        today: date | None = None,
    ) -> None:
        """Open the form.

        Args:
            store: where the enquiry is saved.
            categories: the service's category lists.
            enquiry: the stored enquiry to edit, or None for a new one.
            today: the date a new enquiry defaults to and the latest allowed.
        """
        super().__init__()
        self._store = store
        self._categories = categories
        self._editing = enquiry
        self._today = today or date.today()
        self._last_saved: Enquiry | None = None
        self._looked_up_case = enquiry.case_ref.casefold() if enquiry else ""
        self._initial = values_from_enquiry(enquiry) if enquiry else blank_values(self._today)
        self._pristine = self._initial
        self._set_aside = SetAsideReasons(categories)

    # Layout

    def compose(self) -> ComposeResult:
        yield Static(self._title(), id="form-title", markup=False)
        methods = list(self._categories.contact_method.active_names)
        methods += [method for method in self._initial.contacts if method not in methods]
        yield EnquiryFields(
            self._categories,
            reasons_for_ehcp=self._initial.ehcp,
            contact_methods=methods,
            today=self._today,
            id="form-body",
        )
        yield Static(id="form-status", markup=False)
        with Horizontal(id="form-buttons"):
            yield Button("Save  ctrl+s", id="save", variant="primary", compact=True)
            yield Button("Save and new  ctrl+n", id="save-new", compact=True)
            yield Button("Cancel  esc", id="cancel", compact=True)
        yield Footer()

    @property
    def fields(self) -> EnquiryFields:
        """Return the widget that contains every field."""
        return self.query_one(EnquiryFields)

    def _title(self) -> str:
        if self._editing is None or self._editing.id is None:
            return "New enquiry"
        return f"Edit enquiry {self._editing.id}"

    def on_mount(self) -> None:
        self.fields.fill(self._initial)
        self._pristine = self.collect_values()
        self.query_one("#date_received", Input).focus()

    def collect_values(self) -> FormValues:
        """Return what the form shows now, as typed."""
        return self.fields.collect()

    def _show_status(self, message: str) -> None:
        status = self.query_one("#form-status", Static)
        status.update(Text(message))
        status.display = True

    # Saving

    def _save(self) -> Enquiry | None:
        """Validate and save the form, returning the stored enquiry or None if it was not saved."""
        enquiry, errors = build_enquiry(
            self.collect_values(), self._categories, today=self._today, original=self._editing
        )
        if errors or enquiry is None:
            self.fields.show_problems(errors)
            count = len(errors)
            self.notify(f"Not saved: {count} problem{'s' if count != 1 else ''}", severity="error")
            return None
        self.fields.clear_marks()
        self.query_one("#form-status", Static).display = False
        self._set_aside = SetAsideReasons(self._categories)
        try:
            if enquiry.id is None:
                saved = self._store.add(enquiry)
            else:
                saved = self._store.update(enquiry)
        except StorageWriteError as error:
            self._show_status(str(error))
            self.notify(str(error), title="Not saved", severity="error", markup=False)
            return None
        except KeyError:
            message = (
                f"Not saved: enquiry {enquiry.id} no longer exists; it may have been deleted. "
                "Cancel to close the form."
            )
            self._show_status(message)
            self.notify(message, severity="error", markup=False)
            return None
        self._last_saved = saved
        self.notify(f"Enquiry {saved.id} saved")
        return saved

    def action_save(self) -> None:
        """Save the enquiry and close the form."""
        saved = self._save()
        if saved is not None:
            self.dismiss(saved)

    async def action_save_and_new(self) -> None:
        """Save the enquiry and clear the form for the next one, keeping the date and advisor."""
        current = self.collect_values()
        saved = self._save()
        if saved is None:
            return
        self._editing = None
        self._looked_up_case = ""
        self.query_one("#form-title", Static).update(Text(self._title()))
        await self.fields.offer_active_only()
        self.fields.fill(
            blank_values(self._today, advisor=current.advisor, date_received=current.date_received)
        )
        self._pristine = self.collect_values()
        self.query_one("#enquiry_type", ChoiceSelect).focus()

    def action_cancel(self) -> None:
        """Close the form, asking first if that would lose changes."""
        if not changed_fields(self._pristine, self.collect_values()):
            self.dismiss(self._last_saved)
            return

        def discard(confirmed: bool | None) -> None:
            if confirmed:
                self.dismiss(self._last_saved)

        self.app.push_screen(
            ConfirmScreen("This enquiry has changes that are not saved. Discard them?"),
            discard,
        )

    @on(Button.Pressed, "#save")
    def _save_pressed(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#save-new")
    async def _save_new_pressed(self) -> None:
        await self.action_save_and_new()

    @on(Button.Pressed, "#cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()

    # Reacting to the advisor

    @on(Select.Changed, "#ehcp")
    def _ehcp_changed(self, event: Select.Changed) -> None:
        ehcp = self.query_one("#ehcp", ChoiceSelect).choice
        reasons = self.query_one("#reasons", MultiChoice).values
        ticked, set_aside = self._set_aside.switch(reasons, self.fields.reasons_for_ehcp, ehcp)
        self.fields.show_reason_list(ehcp, ticked)
        if set_aside:
            which = "with" if ehcp else "without"
            back = "No" if ehcp else "Yes"
            self.notify(
                f"Set aside reasons that do not apply to enquiries {which} an EHC plan: "
                + "; ".join(set_aside)
                + f". Change EHC plan back to {back} to tick them again.",
                markup=False,
            )

    @on(Select.Changed, "#enquiry_type")
    def _type_changed(self) -> None:
        # New and existing enquiries need different fields, so marks from the
        # last save may no longer apply.
        _enquiry, errors = build_enquiry(
            self.collect_values(), self._categories, today=self._today, original=self._editing
        )
        self.fields.refresh_marks(errors)

    @on(Input.Blurred, "#case_ref")
    def _case_ref_left(self) -> None:
        self._prefill_from_case()

    def _prefill_from_case(self) -> None:
        """Fill the empty case fields from the case's latest enquiry, on existing enquiries only."""
        case_ref = self.query_one("#case_ref", Input).value.strip()
        if not case_ref or case_ref.casefold() == self._looked_up_case:
            return
        if self.query_one("#enquiry_type", ChoiceSelect).choice != EnquiryType.EXISTING.value:
            return
        self._looked_up_case = case_ref.casefold()
        previous = self._store.latest_for_case(case_ref)
        if previous is None or (self._editing is not None and previous.id == self._editing.id):
            self.notify(f"No earlier enquiry has case reference {case_ref}.", markup=False)
            return
        values, filled = prefill_from_case(self.collect_values(), previous)
        if not filled:
            self.notify(f"Case {case_ref}: its details are already filled in.", markup=False)
            return
        ticked, set_aside = self._set_aside.switch(
            values.reasons, self.fields.reasons_for_ehcp, values.ehcp
        )
        self.fields.fill(replace(values, reasons=ticked))
        count = len(filled)
        self.notify(
            f"Filled in {count} field{'s' if count != 1 else ''} from case {case_ref} "
            f"(enquiry of {format_date(previous.date_received)}).",
            markup=False,
        )
        if set_aside:
            self.notify(
                "Set aside reasons that do not apply to the case's EHC plan answer: "
                + "; ".join(set_aside),
                markup=False,
            )
