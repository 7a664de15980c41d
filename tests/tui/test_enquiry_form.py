"""The enquiry form, driven with real key presses at 80x24 over a real store."""

from __future__ import annotations

from datetime import date

from textual.app import App
from textual.message import Message
from textual.notifications import Notify
from textual.widgets import Input, OptionList, Static

from sendias_tui.domain.categories import Categories
from sendias_tui.domain.enquiry import Enquiry, EnquiryType
from sendias_tui.screens.enquiry_form import EnquiryFormScreen
from sendias_tui.storage import EnquiryStore, StorageWriteError
from sendias_tui.widgets.choice_select import ChoiceSelect
from sendias_tui.widgets.level_picker import LevelPicker
from sendias_tui.widgets.multi_choice import MultiChoice

TODAY = date(2023, 10, 2)
SIZE = (80, 24)

class FormApp(App[None]):
    """A bare app that opens the form and keeps what it returns and notifies."""

    def __init__(self, store: EnquiryStore, categories: Categories, enquiry: Enquiry | None = None) -> None:
        super().__init__()
        self.store = store
        self.categories = categories
        self.enquiry = enquiry
        self.results: list[Enquiry | None] = []
        self.notifications: list[str] = []

    def on_mount(self) -> None:
        screen = EnquiryFormScreen(self.store, self.categories, self.enquiry, today=TODAY)
        self.push_screen(screen, self.results.append)

    def keep_notification(self, message: Message) -> None:
        if isinstance(message, Notify):
            self.notifications.append(message.notification.message)


def run_form(store: EnquiryStore, categories: Categories, enquiry: Enquiry | None = None):
    app = FormApp(store, categories, enquiry)
    return app, app.run_test(size=SIZE, message_hook=app.keep_notification)


def focused_id(app: App) -> str | None:
    return app.focused.id if app.focused else None


async def type_text(pilot, text: str) -> None:
    await pilot.press(*text)


async def choose(pilot, text: str) -> None:
    """Open the focused drop-down, type part of a name and take the match."""
    await pilot.press("enter", *text, "enter")


async def fill_complete_enquiry(pilot) -> None:
    """Type a complete new enquiry from the date field to the first-contact date."""
    await type_text(pilot, "14/07/2023")
    await pilot.press("tab")  # enquiry type stays New
    await pilot.press("tab")
    await type_text(pilot, "C-101")
    await pilot.press("tab")
    await type_text(pilot, "AB")

    await pilot.press("tab")
    await choose(pilot, "parent")
    await pilot.press("tab")
    await choose(pilot, "y")
    await pilot.press("tab")
    await choose(pilot, "5-10")
    await pilot.press("tab")
    await choose(pilot, "fem")
    await pilot.press("tab")
    await choose(pilot, "white - b")
    await pilot.press("tab")
    await choose(pilot, "bisc")
    await pilot.press("tab")
    await choose(pilot, "asd")

    await pilot.press("tab")  # additional SEN filter
    await type_text(pilot, "anx")
    await pilot.press("enter")
    await pilot.press("tab", "tab")  # past the list to referral source
    await choose(pilot, "goog")
    await pilot.press("tab")
    await choose(pilot, "no")
    await pilot.press("tab")  # reasons filter
    await type_text(pilot, "sen sup")
    await pilot.press("enter")

    await pilot.press("tab", "tab")  # past the list to the levels
    await pilot.press("2")
    await pilot.press("tab")  # Phone
    await type_text(pilot, "2")
    await pilot.press("tab")  # Email
    await type_text(pilot, "1")
    contact_inputs = len(pilot.app.categories.contact_method.active_names)
    await pilot.press(*["tab"] * (contact_inputs - 1))
    await type_text(pilot, "17/07/2023")


async def test_new_enquiry_typed_with_keys_only(store, categories):
    app, running = run_form(store, categories)
    async with running as pilot:
        await pilot.pause()
        assert focused_id(app) == "date_received"
        await fill_complete_enquiry(pilot)
        assert focused_id(app) == "first_advisor_contact"
        await pilot.press("ctrl+s")
        await pilot.pause()

        [saved] = store.all()
        assert app.results == [saved]
        assert "Enquiry 1 saved" in app.notifications
    assert saved.id == 1
    assert saved.date_received == date(2023, 7, 14)
    assert saved.enquiry_type is EnquiryType.NEW
    assert saved.case_ref == "C-101"
    assert saved.advisor == "AB"
    assert saved.enquirer == "Parent/carer"
    assert saved.new_family is True
    assert saved.age_group == "5-10"
    assert saved.gender == "Female"
    assert saved.ethnicity == "White - British"
    assert saved.postal_district == "Biscot"
    assert saved.main_sen == "ASD"
    assert saved.additional_sen == ("SEMH - Anxiety",)
    assert saved.referral_source == "Google"
    assert saved.ehcp is False
    assert saved.reasons == ("SEN Support",)
    assert saved.intervention_level == 2
    assert saved.contacts == {"Phone": 2, "Email": 1}
    assert saved.first_advisor_contact == date(2023, 7, 17)
    assert saved.no_advisor_needed is False
    assert saved.created_by == "test"


async def test_save_and_new_keeps_date_and_advisor(store, categories):
    app, running = run_form(store, categories)
    async with running as pilot:
        await pilot.pause()
        await fill_complete_enquiry(pilot)
        await pilot.press("ctrl+n")
        await pilot.pause()

        assert store.count() == 1
        assert "Enquiry 1 saved" in app.notifications
        assert app.results == []
        screen = app.screen
        assert isinstance(screen, EnquiryFormScreen)
        values = screen.collect_values()
        assert values.date_received == "14/07/2023"
        assert values.advisor == "AB"
        assert values.case_ref == ""
        assert values.main_sen is None
        assert values.additional_sen == ()
        assert values.reasons == ()
        assert values.intervention_level is None
        assert set(values.contacts.values()) == {""}
        assert values.first_advisor_contact == ""
        assert focused_id(app) == "enquiry_type"

        await pilot.press("escape")
        await pilot.pause()
        assert app.results == [store.get(1)]


async def test_problems_reported_and_nothing_saved(store, categories):
    app, running = run_form(store, categories)
    async with running as pilot:
        await pilot.pause()
        await type_text(pilot, "31/02/2023")
        await pilot.press("tab")
        await pilot.pause()
        date_error = app.screen.query_one("#date_received-error", Static)
        assert date_error.display
        assert "'31/02/2023' is not a real date" in str(date_error.render())

        await pilot.press("tab", "tab")
        await type_text(pilot, "AB")
        await pilot.press("ctrl+s")
        await pilot.pause()

        assert store.count() == 0
        assert app.results == []
        assert isinstance(app.screen, EnquiryFormScreen)
        problems = [note for note in app.notifications if note.startswith("Not saved")]
        assert problems == ["Not saved: 11 problems"]
        assert focused_id(app) == "date_received"
        assert app.screen.query_one("#date_received").has_class("field-invalid")
        assert app.screen.query_one("#enquirer").has_class("field-invalid")
        assert app.screen.query_one("#reasons").has_class("field-invalid")
        assert app.screen.query_one("#enquirer-row").has_class("has-error")
        enquirer_error = str(app.screen.query_one("#enquirer-error", Static).render())
        assert "choose who got in touch" in enquirer_error
        age_error = str(app.screen.query_one("#age_group-error", Static).render())
        assert "Not known" in age_error
        assert not app.screen.query_one("#advisor").has_class("field-invalid")

        values = app.screen.collect_values()
        assert values.date_received == "31/02/2023"
        assert values.advisor == "AB"


async def test_fixing_field_clears_its_mark(store, categories):
    app, running = run_form(store, categories)
    async with running as pilot:
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen.query_one("#gender").has_class("field-invalid")
        app.screen.query_one("#gender", ChoiceSelect).focus()
        await pilot.pause()
        await choose(pilot, "male")
        await pilot.pause()
        assert app.screen.query_one("#gender", ChoiceSelect).choice == "Male"
        assert not app.screen.query_one("#gender").has_class("field-invalid")
        assert not app.screen.query_one("#gender-error", Static).display


async def test_bad_first_contact_date_marked_on_leaving(store, categories):
    app, running = run_form(store, categories)
    async with running as pilot:
        await pilot.pause()
        app.screen.query_one("#first_advisor_contact", Input).focus()
        await pilot.pause()
        await type_text(pilot, "17.07.2023")
        await pilot.press("tab")
        await pilot.pause()
        error = app.screen.query_one("#first_advisor_contact-error", Static)
        assert error.display
        assert "'17.07.2023' is not a date" in str(error.render())


async def test_reasons_follow_ehcp_answer(store, categories):
    app, running = run_form(store, categories)
    async with running as pilot:
        await pilot.pause()
        screen = app.screen
        reasons = screen.query_one("#reasons", MultiChoice)
        assert "SEN Support" in reasons.names
        assert "Annual Review Support" not in reasons.names

        reasons.focus()
        await pilot.pause()
        await type_text(pilot, "sen sup")
        await pilot.press("enter")
        await type_text(pilot, "admis")
        await pilot.press("enter")
        assert reasons.values == ("Admissions", "SEN Support")

        screen.query_one("#ehcp", ChoiceSelect).focus()
        await pilot.pause()
        await choose(pilot, "yes")
        await pilot.pause()

        assert "Annual Review Support" in reasons.names
        assert "SEN Support" not in reasons.names
        assert reasons.values == ("Admissions",)
        hint = str(screen.query_one("#reasons-hint", Static).render())
        assert hint == "Reason for enquiry (with an EHC plan)"
        assert any(
            "do not apply to enquiries with an EHC plan: SEN Support" in note
            for note in app.notifications
        )


async def test_multi_choice_filter_narrows_list(store, categories):
    app, running = run_form(store, categories)
    async with running as pilot:
        await pilot.pause()
        additional = app.screen.query_one("#additional_sen", MultiChoice)
        additional.focus()
        await pilot.pause()
        await type_text(pilot, "medical")
        shown = additional.query_one(OptionList)
        assert shown.option_count == 6
        await pilot.press("down", "down", "space")
        assert additional.values == ("Medical - Cerebral Palsy",)
        assert "Autism" not in additional.names


async def test_case_reference_prefills_existing(store, categories, make_enquiry):
    store.add(
        make_enquiry(
            date(2023, 7, 3),
            case_ref="C-202",
            age_group="11-15",
            gender="Male",
            ethnicity="White - Irish",
            postal_district="Dallow",
            main_sen="Dyslexia",
            additional_sen=("SEMH",),
            ehcp=True,
            reasons=("EHCP review",),
            intervention_level=3,
            contacts={"Phone": 4},
        )
    )
    app, running = run_form(store, categories)
    async with running as pilot:
        await pilot.pause()
        await pilot.press("tab")
        await choose(pilot, "exist")
        await pilot.press("tab")
        await type_text(pilot, "c-202")
        await pilot.press("tab")
        await pilot.pause()

        values = app.screen.collect_values()
        assert values.enquiry_type == "existing"
        assert values.age_group == "11-15"
        assert values.gender == "Male"
        assert values.ethnicity == "White - Irish"
        assert values.postal_district == "Dallow"
        assert values.main_sen == "Dyslexia"
        assert values.additional_sen == ("SEMH",)
        assert values.referral_source == "School"
        assert values.ehcp is True
        assert values.date_received == "02/10/2023"
        assert values.reasons == ()
        assert values.intervention_level is None
        assert set(values.contacts.values()) == {""}
        assert values.first_advisor_contact == ""
        assert "Annual Review Support" in app.screen.query_one("#reasons", MultiChoice).names
        assert "Filled in 8 fields from case c-202 (enquiry of 03/07/2023)." in app.notifications
        assert focused_id(app) == "advisor"


async def test_case_reference_ignored_on_new(store, categories, make_enquiry):
    store.add(make_enquiry(date(2023, 7, 3), case_ref="C-303"))
    app, running = run_form(store, categories)
    async with running as pilot:
        await pilot.pause()
        await pilot.press("tab", "tab")
        await type_text(pilot, "C-303")
        await pilot.press("tab")
        await pilot.pause()
        assert app.screen.collect_values().age_group is None
        assert not any(note.startswith("Filled in") for note in app.notifications)


async def test_edit_updates_same_record(store, categories, make_enquiry):
    original = store.add(
        make_enquiry(
            date(2023, 7, 3),
            case_ref="C-404",
            gender="Male",
            main_sen="Autism",
            reasons=("Bullying",),
            contacts={"Phone": 1, "Message": 2},
        )
    )
    store.add(make_enquiry(date(2023, 7, 4), case_ref="C-405"))
    app, running = run_form(store, categories, original)
    async with running as pilot:
        await pilot.pause()
        screen = app.screen
        assert str(screen.query_one("#form-title", Static).render()) == "Edit enquiry 1"
        values = screen.collect_values()
        assert values.date_received == "03/07/2023"
        assert values.main_sen == "Autism"
        assert values.contacts["Message"] == "2"
        assert values.reasons == ("Bullying",)

        screen.query_one("#gender", ChoiceSelect).focus()
        await pilot.pause()
        await choose(pilot, "female")
        await pilot.press("ctrl+s")
        await pilot.pause()

        assert app.results and app.results[0] is not None
    assert store.count() == 2
    updated = store.get(original.id)
    assert updated.gender == "Female"
    assert updated.main_sen == "Autism"
    assert updated.case_ref == "C-404"
    assert updated.contacts == {"Phone": 1, "Message": 2}
    assert updated.created_at == original.created_at
    assert app.results == [updated]


async def test_edit_offers_retired_value_only_to_its_record(store, categories, make_enquiry):
    original = store.add(make_enquiry(date(2023, 7, 3), main_sen="Autism"))
    app, running = run_form(store, categories, original)
    async with running as pilot:
        await pilot.pause()
        main_sen = app.screen.query_one("#main_sen", ChoiceSelect)
        assert main_sen.choice == "Autism"
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert main_sen.choice is None
        assert "Autism" not in main_sen.offered
        assert "ASD" in main_sen.offered


async def test_level_definition_shown_while_choosing(store, categories):
    app, running = run_form(store, categories)
    async with running as pilot:
        await pilot.pause()
        picker = app.screen.query_one("#intervention_level", LevelPicker)
        picker.focus()
        await pilot.pause()
        definition = picker.query_one(".level-definition", Static)
        assert "No level chosen" in str(definition.render())

        await pilot.press("down", "down", "down")
        text = str(definition.render())
        assert text.startswith("Level 3: Continuing casework")
        assert "mediation" in text
        assert picker.level is None

        await pilot.press("enter")
        assert picker.level == 3
        await pilot.press("1")
        assert picker.level == 1
        assert str(definition.render()).startswith("Level 1: Information and advice")


async def test_escape_on_changed_form_asks_first(store, categories):
    app, running = run_form(store, categories)
    async with running as pilot:
        await pilot.pause()
        await pilot.press("tab", "tab")
        await type_text(pilot, "C-1")
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, EnquiryFormScreen)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, EnquiryFormScreen)
        assert app.screen.collect_values().case_ref == "C-1"

        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert app.results == [None]
    assert store.count() == 0


async def test_escape_on_untouched_form_closes(store, categories):
    app, running = run_form(store, categories)
    async with running as pilot:
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert app.results == [None]


async def test_failed_write_keeps_form(store, categories, monkeypatch):
    def refuse(enquiry):
        raise StorageWriteError(store.path, "No space left on device")

    monkeypatch.setattr(store, "add", refuse)
    app, running = run_form(store, categories)
    async with running as pilot:
        await pilot.pause()
        await fill_complete_enquiry(pilot)
        await pilot.press("ctrl+s")
        await pilot.pause()

        assert app.results == []
        assert isinstance(app.screen, EnquiryFormScreen)
        status = app.screen.query_one("#form-status", Static)
        assert status.display
        assert "No space left on device" in str(status.render())
        assert any("No space left on device" in note for note in app.notifications)
        assert app.screen.collect_values().case_ref == "C-101"


async def test_untouched_edit_closes_without_asking(store, categories, make_enquiry):
    original = store.add(make_enquiry(date(2023, 7, 3), ehcp=True, reasons=("EHCP review",)))
    app, running = run_form(store, categories, original)
    async with running as pilot:
        await pilot.pause()
        assert app.screen.query_one("#reasons", MultiChoice).values == ("EHCP review",)
        await pilot.press("escape")
        await pilot.pause()
        assert app.results == [None]
        assert app.notifications == []


async def test_reasons_return_when_plan_answer_restored(store, categories, make_enquiry):
    original = store.add(
        make_enquiry(date(2023, 7, 3), ehcp=False, reasons=("Bullying", "EHC needs assessment"))
    )
    app, running = run_form(store, categories, original)
    async with running as pilot:
        await pilot.pause()
        await pilot.press(*["tab"] * 14)
        assert focused_id(app) == "ehcp"
        reasons = app.screen.query_one("#reasons", MultiChoice)

        await choose(pilot, "yes")
        await pilot.pause()
        assert reasons.values == ()
        assert any("Change EHC plan back to No" in note for note in app.notifications)
        await pilot.press("tab")
        await type_text(pilot, "ehcp rev")
        await pilot.press("enter")
        assert reasons.values == ("EHCP review",)

        await pilot.press("shift+tab")
        assert focused_id(app) == "ehcp"
        await choose(pilot, "no")
        await pilot.pause()
        assert reasons.values == ("Bullying", "EHC needs assessment")

        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.results == [store.get(original.id)]
    saved = store.get(original.id)
    assert saved.ehcp is False
    assert saved.reasons == ("Bullying", "EHC needs assessment")


async def test_future_dates_marked_on_leaving(store, categories):
    app, running = run_form(store, categories)
    async with running as pilot:
        await pilot.pause()
        await type_text(pilot, "03/10/2023")
        await pilot.press("tab")
        await pilot.pause()
        received_error = app.screen.query_one("#date_received-error", Static)
        assert received_error.display
        assert str(received_error.render()) == (
            "03/10/2023 is in the future; enter the day the enquiry came in"
        )

        await pilot.press(*["shift+tab"] * 6)
        assert focused_id(app) == "first_advisor_contact"
        await type_text(pilot, "05/10/2023")
        await pilot.press("tab")
        await pilot.pause()
        contact_error = app.screen.query_one("#first_advisor_contact-error", Static)
        assert contact_error.display
        assert str(contact_error.render()) == "05/10/2023 is in the future"


async def test_existing_type_clears_stale_marks(store, categories):
    app, running = run_form(store, categories)
    async with running as pilot:
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        screen = app.screen
        assert focused_id(app) == "advisor"
        assert screen.query_one("#age_group").has_class("field-invalid")
        assert screen.query_one("#reasons").has_class("field-invalid")

        await pilot.press("shift+tab", "shift+tab")
        assert focused_id(app) == "enquiry_type"
        await choose(pilot, "exi")
        await pilot.pause()

        assert screen.query_one("#enquiry_type", ChoiceSelect).choice == "existing"
        for key in ("new_family", "age_group", "gender", "main_sen", "ehcp", "reasons"):
            assert not screen.query_one(f"#{key}").has_class("field-invalid"), key
            assert not screen.query_one(f"#{key}-error", Static).display, key
        assert screen.query_one("#advisor").has_class("field-invalid")
        assert screen.query_one("#enquirer").has_class("field-invalid")
        assert screen.query_one("#enquirer-error", Static).display


async def test_rejected_save_shows_focused_message(store, categories):
    app, running = run_form(store, categories)
    async with running as pilot:
        await pilot.pause()
        await fill_complete_enquiry(pilot)
        await pilot.press(*["backspace"] * 10)
        await type_text(pilot, "01/07/2023")
        app.screen.query_one("#date_received", Input).focus()
        await pilot.pause()

        await pilot.press("ctrl+s")
        await pilot.pause()

        assert store.count() == 0
        assert focused_id(app) == "first_advisor_contact"
        error = app.screen.query_one("#first_advisor_contact-error", Static)
        assert "is before the date received" in str(error.render())
        form = app.screen.query_one("#first_advisor_contact-row").parent
        visible = app.screen.find_widget(form).region
        assert visible.contains_region(app.screen.find_widget(error).region)
        assert visible.contains_region(app.screen.find_widget(app.focused).region)
