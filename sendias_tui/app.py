"""The sendias terminal app: the enquiry list and the screens it opens."""

from __future__ import annotations

from datetime import date

from textual.app import App
from textual.screen import Screen

from sendias_tui.domain.categories import Categories
from sendias_tui.domain.quarters import Quarter, QuarterScheme
from sendias_tui.screens.enquiry_list import EnquiryListScreen
from sendias_tui.storage import DataFileError, EnquiryStore, StorageWriteError

QUARTER_SCHEME_SETTING = "quarter_scheme"


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
