"""Every field of an enquiry, laid out as a scrolling column of labelled rows.

This widget moves values between its inputs and ``FormValues`` and shows the
problems found in them. Saving and the rules belong to the screen and the core.
"""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widget import Widget
from textual.widgets import Checkbox, Input, Label, Select, SelectionList, Static

from sendias_tui.domain.categories import Categories
from sendias_tui.domain.enquiry import EnquiryType
from sendias_tui.domain.validation import (
    CATEGORY_FIELDS,
    FIELD_LABELS,
    MAX_ADVISOR,
    MAX_CASE_REF,
    FieldError,
)
from sendias_tui.form_values import CONTACTS_PREFIX, FormValues, error_field_key
from sendias_tui.widgets.choice_select import ChoiceSelect
from sendias_tui.widgets.contact_counts import ContactCounts
from sendias_tui.widgets.level_picker import LevelPicker
from sendias_tui.widgets.multi_choice import MultiChoice
from sendias_tui.widgets.typed_inputs import DateInput

YES_NO = [("Yes", True), ("No", False)]

FILL_MESSAGES = (
    Input.Changed,
    Select.Changed,
    Checkbox.Changed,
    SelectionList.SelectedChanged,
    MultiChoice.Changed,
    LevelPicker.Changed,
)
"""Messages that filling the fields in code must not send, so no handler mistakes it for typing."""


class EnquiryFields(VerticalScroll, can_focus=False):
    """One labelled row per field, each with an optional hint and an error line.

    Field widgets have the field's name as id (``#main_sen``), and rows and
    error lines add ``-row`` and ``-error`` to it. Tab and shift+Tab follow
    the order of ``FIELD_LABELS``.
    """

    def __init__(
        self,
        categories: Categories,
        *,
        reasons_for_ehcp: bool | None,
        contact_methods: list[str],
        today: date | None = None,
        id: str | None = None,
    ) -> None:
        """Build empty fields. ``fill`` shows values once they are mounted.

        Args:
            categories: the service's category lists.
            reasons_for_ehcp: the EHC plan answer whose reason list to offer first.
            contact_methods: the methods to give a count input, retired ones
                included when an older record uses them.
            today: the latest date the date fields accept as the advisor
                leaves them; None accepts any date.
            id: the widget id.
        """
        super().__init__(id=id)
        self._categories = categories
        self._reasons_for_ehcp = reasons_for_ehcp
        self._contact_methods = contact_methods
        self._today = today

    def compose(self) -> ComposeResult:
        lists = self._categories
        yield self._row("date_received", DateInput(required=True, today=self._today, id="date_received"))
        yield self._row(
            "enquiry_type",
            ChoiceSelect(
                [("New", EnquiryType.NEW.value), ("Existing", EnquiryType.EXISTING.value)],
                value=EnquiryType.NEW.value,
                allow_blank=False,
                id="enquiry_type",
            ),
        )
        yield self._row(
            "case_ref",
            Input(max_length=MAX_CASE_REF, compact=True, id="case_ref"),
            hint="On an existing enquiry, leaving this field fills in the case's details.",
        )
        yield self._row(
            "advisor",
            Input(max_length=MAX_ADVISOR, placeholder="Initials or staff id", compact=True, id="advisor"),
        )

        for key in ("enquirer", "new_family", "age_group", "gender", "ethnicity", "postal_district", "main_sen"):
            yield self._row(key, self._single_choice(key))
        yield self._row("additional_sen", MultiChoice(lists.sen, id="additional_sen"))
        yield self._row("referral_source", self._single_choice("referral_source"))

        yield self._row("ehcp", ChoiceSelect(YES_NO, id="ehcp"))
        reasons = lists.reasons_for(self._reasons_for_ehcp)
        yield self._row("reasons", MultiChoice(reasons, id="reasons"), hint=reasons.label)

        yield self._row("intervention_level", LevelPicker(id="intervention_level"), wide=True)
        yield self._row("contacts", ContactCounts(self._contact_methods, id="contacts"), wide=True)

        yield self._row(
            "first_advisor_contact",
            Horizontal(
                DateInput(required=False, today=self._today, id="first_advisor_contact"),
                Checkbox("No advisor needed", compact=True, id="no_advisor_needed"),
                classes="first-contact",
            ),
            hint="Leave the date empty while the service user is still waiting.",
        )

    def _single_choice(self, key: str) -> ChoiceSelect:
        if key == "new_family":
            return ChoiceSelect(YES_NO, id=key)
        return ChoiceSelect.from_categories(self._categories[CATEGORY_FIELDS[key]], id=key)

    def _row(self, key: str, widget: Widget, *, hint: str | None = None, wide: bool = False) -> Widget:
        """Put a field's label, widget, hint and error line together."""
        body: list[Widget] = [widget]
        if hint is not None:
            body.append(Static(hint, markup=False, classes="field-hint", id=f"{key}-hint"))
        body.append(Static(markup=False, classes="field-error", id=f"{key}-error"))
        label = Label(FIELD_LABELS[key], classes="field-label")
        if wide:
            return Vertical(label, *body, classes="field-row wide", id=f"{key}-row")
        return Horizontal(label, Vertical(*body, classes="field-body"), classes="field-row", id=f"{key}-row")

    # Values

    def fill(self, values: FormValues) -> None:
        """Show ``values`` without sending change messages."""
        with self.prevent(*FILL_MESSAGES):
            self.query_one("#date_received", Input).value = values.date_received
            self.query_one("#enquiry_type", ChoiceSelect).set_choice(values.enquiry_type)
            self.query_one("#case_ref", Input).value = values.case_ref
            self.query_one("#advisor", Input).value = values.advisor
            for key in (*CATEGORY_FIELDS, "new_family", "ehcp"):
                self.query_one(f"#{key}", ChoiceSelect).set_choice(getattr(values, key))
            self.query_one("#additional_sen", MultiChoice).set_values(values.additional_sen)
            self.show_reason_list(values.ehcp, values.reasons)
            self.query_one("#intervention_level", LevelPicker).set_level(values.intervention_level)
            self.query_one("#contacts", ContactCounts).set_texts(values.contacts)
            first_contact = self.query_one("#first_advisor_contact", Input)
            first_contact.value = values.first_advisor_contact
            first_contact.disabled = values.no_advisor_needed
            self.query_one("#no_advisor_needed", Checkbox).value = values.no_advisor_needed

    def collect(self) -> FormValues:
        """Return what the fields show now, as typed."""
        choice = self._choice
        return FormValues(
            date_received=self.query_one("#date_received", Input).value,
            enquiry_type=choice("enquiry_type"),
            case_ref=self.query_one("#case_ref", Input).value,
            advisor=self.query_one("#advisor", Input).value,
            enquirer=choice("enquirer"),
            new_family=choice("new_family"),
            age_group=choice("age_group"),
            gender=choice("gender"),
            ethnicity=choice("ethnicity"),
            postal_district=choice("postal_district"),
            main_sen=choice("main_sen"),
            additional_sen=self.query_one("#additional_sen", MultiChoice).values,
            referral_source=choice("referral_source"),
            ehcp=choice("ehcp"),
            reasons=self.query_one("#reasons", MultiChoice).values,
            intervention_level=self.query_one("#intervention_level", LevelPicker).level,
            contacts=self.query_one("#contacts", ContactCounts).texts(),
            first_advisor_contact=self.query_one("#first_advisor_contact", Input).value,
            no_advisor_needed=self.query_one("#no_advisor_needed", Checkbox).value,
        )

    def _choice(self, key: str) -> str | bool | None:
        return self.query_one(f"#{key}", ChoiceSelect).choice

    @property
    def reasons_for_ehcp(self) -> bool | None:
        """The EHC plan answer whose reason list is offered now."""
        return self._reasons_for_ehcp

    def show_reason_list(self, ehcp: bool | None, reasons: tuple[str, ...]) -> None:
        """Offer the reason list for the EHC plan answer ``ehcp`` and tick ``reasons``."""
        self._reasons_for_ehcp = ehcp
        reason_list = self._categories.reasons_for(ehcp)
        self.query_one("#reasons", MultiChoice).set_categories(reason_list, reasons)
        self.query_one("#reasons-hint", Static).update(reason_list.label)

    async def offer_active_only(self) -> None:
        """Stop offering the retired values an older record needed, before a new record."""
        active_methods = self._categories.contact_method.active_names
        contacts = self.query_one("#contacts", ContactCounts)
        if contacts.methods != active_methods:
            await contacts.reset(active_methods)
        for select in self.query(ChoiceSelect).results(ChoiceSelect):
            select.reset_choices()

    # Problems

    def widget_for(self, key: str) -> Widget:
        """Return the widget of a form key such as ``main_sen`` or ``contacts:Phone``."""
        if key.startswith(CONTACTS_PREFIX):
            contacts = self.query_one("#contacts", ContactCounts)
            input_id = contacts.input_id(key.removeprefix(CONTACTS_PREFIX))
            return self.query_one(f"#{input_id}") if input_id else contacts
        return self.query_one(f"#{key}")

    def key_for(self, widget: Widget) -> str | None:
        """Return the form key of a field widget, or None for other widgets."""
        if widget.id is None:
            return None
        if widget.id.startswith("contact-"):
            methods = self.query_one("#contacts", ContactCounts).methods
            return CONTACTS_PREFIX + methods[int(widget.id.removeprefix("contact-"))]
        return widget.id

    def mark(self, key: str, message: str | None) -> None:
        """Show ``message`` under a field and mark it, or clear the mark when None."""
        widget = self.widget_for(key)
        if key.startswith(CONTACTS_PREFIX):
            line = self.query_one(f"#{widget.id}-error", Static)
            row = line.parent
        else:
            line = self.query_one(f"#{key}-error", Static)
            row = self.query_one(f"#{key}-row")
        line.update(Text(message or ""))
        line.display = message is not None
        widget.set_class(message is not None, "field-invalid")
        if row is not None:
            row.set_class(message is not None, "has-error")

    def clear_marks(self) -> None:
        """Remove every problem shown."""
        for line in self.query(".field-error").results(Static):
            line.update("")
            line.display = False
        self.query(".field-invalid").remove_class("field-invalid")
        self.query(".has-error").remove_class("has-error")

    def refresh_marks(self, errors: list[FieldError]) -> None:
        """Update the marks already shown to ``errors``, clearing those that no longer apply.

        Fields without a mark stay unmarked, so the advisor sees new problems
        only when saving or leaving a field.
        """
        messages: dict[str, list[str]] = {}
        for error in errors:
            messages.setdefault(error_field_key(error), []).append(error.message)
        for widget in list(self.query(".field-invalid")):
            key = self.key_for(widget)
            if key is not None:
                lines = messages.get(key)
                self.mark(key, "\n".join(lines) if lines else None)

    def show_problems(self, errors: list[FieldError]) -> None:
        """Mark every field with a problem and focus the first of them."""
        self.clear_marks()
        messages: dict[str, list[str]] = {}
        for error in errors:
            messages.setdefault(error_field_key(error), []).append(error.message)
        for key, lines in messages.items():
            self.mark(key, "\n".join(lines))
        if errors:
            key = error_field_key(errors[0])
            widget = self.widget_for(key)
            widget.focus()
            # Focusing scrolls only the field into view, and its message is on
            # the line below, so bring the whole row in once it is laid out.
            if key.startswith(CONTACTS_PREFIX):
                row = self.query_one(f"#{widget.id}-error", Static).parent
            else:
                row = self.query_one(f"#{key}-row")
            if row is not None:
                self.call_after_refresh(self.scroll_to_widget, row, animate=False)

    # Reacting to the advisor

    @on(Checkbox.Changed, "#no_advisor_needed")
    def _no_advisor_changed(self, event: Checkbox.Changed) -> None:
        # A date and "no advisor needed" contradict each other, so ticking the
        # box empties the date and locks it.
        first_contact = self.query_one("#first_advisor_contact", Input)
        if event.value:
            first_contact.value = ""
            self.mark("first_advisor_contact", None)
        first_contact.disabled = event.value

    def on_input_blurred(self, event: Input.Blurred) -> None:
        key = self.key_for(event.input)
        result = event.validation_result
        if key is not None and result is not None:
            self.mark(key, None if result.is_valid else "\n".join(result.failure_descriptions))

    @on(Input.Changed)
    @on(Select.Changed)
    @on(MultiChoice.Changed)
    @on(LevelPicker.Changed)
    def _field_changed(
        self, event: Input.Changed | Select.Changed | MultiChoice.Changed | LevelPicker.Changed
    ) -> None:
        # A field the advisor has changed loses its mark until the next check.
        widget = event.control
        key = self.key_for(widget)
        if key is not None and widget.has_class("field-invalid"):
            self.mark(key, None)
