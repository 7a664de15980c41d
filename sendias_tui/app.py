"""The sendias terminal app: the enquiry list and the screens it opens."""

from __future__ import annotations

import os
from datetime import date

from rich.text import Text
from textual.app import App
from textual.screen import Screen

from sendias_tui.domain.categories import Categories
from sendias_tui.domain.quarters import Quarter, QuarterScheme
from sendias_tui.screens.enquiry_list import EnquiryListScreen
from sendias_tui.storage import DataFileError, EnquiryStore, StorageWriteError

QUARTER_SCHEME_SETTING = "quarter_scheme"

DEBUG_ENV = "SENDIAS_DEBUG"
"""Set to any value to see an unexpected error's traceback, as the sendias command also allows."""


class SendiasApp(App[None]):
    """Record enquiries and read the quarterly summary, all from the keyboard."""

    TITLE = "sendias"
    CSS_PATH = "styles/app.tcss"
    # The palette's footer entry costs room that the list's keys need at 80 columns.
    ENABLE_COMMAND_PALETTE = False

    def __init__(
        self, store: EnquiryStore, categories: Categories, *, today: date | None = None
    ) -> None:
        """Prepare the app over an open store.

        Args:
            store: where every record is read and written.
            categories: the service's category lists.
            today: the date to treat as today; tests pin it, None means the real date.
        """
        super().__init__()
        self.store = store
        self.categories = categories
        self._today = today
        self._warned_about_scheme = False

    @property
    def today(self) -> date:
        """The date that decides the current quarter and the form's defaults."""
        return self._today or date.today()

    @property
    def quarter_scheme(self) -> QuarterScheme:
        """The service's quarter numbering, calendar unless the data file sets financial."""
        value = self.store.get_setting(QUARTER_SCHEME_SETTING, QuarterScheme.CALENDAR.value)
        try:
            return QuarterScheme(value)
        except ValueError:
            if not self._warned_about_scheme:
                self._warned_about_scheme = True
                self.notify(
                    f"The quarter_scheme setting '{value}' is not calendar or financial; "
                    "using calendar quarters.",
                    severity="warning",
                    markup=False,
                )
            return QuarterScheme.CALENDAR

    def current_quarter(self) -> Quarter:
        """Return the quarter that today falls in, under the service's scheme."""
        return Quarter.containing(self.today, self.quarter_scheme)

    def get_default_screen(self) -> Screen:
        return EnquiryListScreen()

    def report_storage_error(self, error: StorageWriteError | DataFileError) -> None:
        """Tell the user a save failed; the data file still contains what it did before.

        A DataFileError here means the save found the file damaged, and its
        message states that the file was left unchanged.
        """
        self.notify(str(error), title="Not saved", severity="error", timeout=15, markup=False)

    def _fatal_error(self) -> None:
        # NOTE: this overrides a private method of Textual (checked on 8.2),
        # because Textual's report of a crash is a traceback with local
        # variables, and those can hold record values.
        if os.environ.get(DEBUG_ENV):
            super()._fatal_error()
            return
        error = self._exception
        cause = f"{type(error).__name__}: {error}" if error else "no details"
        self.panic(
            Text(
                f"sendias stopped because of an unexpected error ({cause}). "
                f"Records saved before it are in the data file. "
                f"Set {DEBUG_ENV}=1 to see the details."
            )
        )
