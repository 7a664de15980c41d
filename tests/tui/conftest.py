"""Fixtures for driving the app with Textual's pilot at 80x24."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

import pytest
from textual.message import Message
from textual.notifications import Notify
from textual.widgets import Input, TextArea

from sendias_tui.app import SendiasApp
from sendias_tui.domain.categories import Categories
from sendias_tui.domain.enquiry import Enquiry, EnquiryType
from sendias_tui.storage import EnquiryStore

SIZE = (80, 24)
"""The smallest terminal the app is built for."""


@pytest.fixture(autouse=True)
def _steady_cursor(monkeypatch: pytest.MonkeyPatch) -> None:
    """Stop cursors blinking so that screen contents never depend on timing."""
    monkeypatch.setattr(Input, "_toggle_cursor", lambda self: None)
    monkeypatch.setattr(TextArea, "_toggle_cursor_blink_visible", lambda self: None)


@pytest.fixture
def today() -> date:
    """The app's today in these tests: late in 2023-Q3."""
    return date(2023, 9, 29)


class AppRunner:
    """Start the app over the test store and keep every notification it shows."""

    def __init__(self, store: EnquiryStore, categories: Categories, today: date) -> None:
        self.store = store
        self.categories = categories
        self.today = today
        self.notifications: list[str] = []

    def _collect(self, message: Message) -> None:
        if isinstance(message, Notify):
            self.notifications.append(message.notification.message)

    def run(self):
        """Return the app's run_test context at 80x24."""
        app = SendiasApp(self.store, self.categories, today=self.today)
        return app.run_test(size=SIZE, message_hook=self._collect)


@pytest.fixture
def make_runner(categories: Categories, today: date) -> Callable[[EnquiryStore], AppRunner]:
    """Return a factory of runners over a store the test opened itself."""
    return lambda store: AppRunner(store, categories, today)


@pytest.fixture
def runner(store: EnquiryStore, make_runner: Callable[[EnquiryStore], AppRunner]) -> AppRunner:
    return make_runner(store)


@pytest.fixture
def make_enquiry() -> Callable[..., Enquiry]:
    """Return a factory of complete, valid, synthetic new enquiries."""

    def make(received: date, **changes: object) -> Enquiry:
        enquiry = Enquiry(
            date_received=received,
            enquiry_type=EnquiryType.NEW,
            advisor="AB",
            enquirer="Parent/carer",
            new_family=True,
            age_group="5-10",
            gender="Female",
            ethnicity="White - British",
            postal_district="Biscot",
            main_sen="ASD",
            referral_source="School",
            ehcp=False,
            reasons=("SEN Support",),
            intervention_level=2,
            contacts={"Phone": 1},
            first_advisor_contact=received,
        )
        return replace(enquiry, **changes)

    return make
