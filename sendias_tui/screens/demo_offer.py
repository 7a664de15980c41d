"""The offer to load the demo data into an empty data file."""

from __future__ import annotations

from sendias_tui.screens.confirm import ConfirmScreen

DEMO_QUESTION = "The data file is empty. Load the demo data (2023 records) to explore?"


class DemoOfferScreen(ConfirmScreen):
    """Ask whether to fill an empty data file with the synthetic 2023 records.

    Yes has the focus: the file is empty, so loading loses nothing.
    """

    def __init__(self) -> None:
        super().__init__(DEMO_QUESTION, default=True)
