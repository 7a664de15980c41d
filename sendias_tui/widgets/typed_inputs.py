"""Inputs for dates and counts, checked as the advisor leaves them."""

from __future__ import annotations

from datetime import date

from textual.validation import ValidationResult, Validator
from textual.widgets import Input

from sendias_tui.form_values import check_count_text, check_date_text


class DateText(Validator):
    """Accept a UK date such as 14/07/2023 or an ISO date such as 2023-07-14, up to ``today``."""

    def __init__(self, *, required: bool, field_name: str = "", today: date | None = None) -> None:
        super().__init__()
        self.required = required
        self.field_name = field_name
        self.today = today

    def validate(self, value: str) -> ValidationResult:
        problem = check_date_text(
            value, required=self.required, field_name=self.field_name, today=self.today
        )
        return self.failure(problem, value) if problem else self.success()


class CountText(Validator):
    """Accept an empty text (no contacts) or a whole number of 0 or more."""

    def validate(self, value: str) -> ValidationResult:
        problem = check_count_text(value)
        return self.failure(problem, value) if problem else self.success()


class DateInput(Input):
    """A compact date input checked when the advisor leaves it.

    The input's id names the field in the future-date message, and ``today``
    is the latest date it accepts (None accepts any date).
    """

    def __init__(
        self, value: str = "", *, required: bool, today: date | None = None, id: str | None = None
    ) -> None:
        super().__init__(
            value,
            placeholder="dd/mm/yyyy",
            max_length=10,
            validators=[DateText(required=required, field_name=id or "", today=today)],
            validate_on=["blur"],
            compact=True,
            id=id,
        )


class CountInput(Input):
    """A compact input for a number of contacts, which accepts digits only."""

    def __init__(self, value: str = "", *, id: str | None = None) -> None:
        super().__init__(
            value,
            placeholder="0",
            restrict=r"[0-9]*",
            max_length=4,
            validators=[CountText()],
            validate_on=["blur"],
            compact=True,
            id=id,
        )
