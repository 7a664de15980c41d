"""Check a redirected-call entry typed by a person before it is saved."""

from __future__ import annotations

from datetime import date

from sendias_tui.domain.enquiry import RedirectedCall, RedirectKind
from sendias_tui.domain.parsing import DATE_HELP, parse_count, parse_date
from sendias_tui.domain.validation import FieldError

REDIRECT_FIELD_LABELS = {
    "date_received": "Date",
    "count": "Number of calls",
}

COUNT_HELP = "is not a whole number of 1 or more; enter how many calls or emails came in"

KIND_LABELS = {
    RedirectKind.SENAT: "For SENAT",
    RedirectKind.OUT_OF_AREA: "Transferred to another SENDIAS service",
}
"""The label shown for each kind of redirected call."""


def parse_redirect(
    kind: RedirectKind, date_text: str, count_text: str, *, today: date | None = None
) -> tuple[RedirectedCall | None, list[FieldError]]:
    """Build a redirected-call entry from the typed date and count.

    Args:
        kind: why the calls were passed on.
        date_text: ``14/07/2023`` or ``2023-07-14``.
        count_text: how many calls or emails, a whole number of 1 or more.
        today: the latest allowed date; defaults to the real today.

    Returns:
        The entry, without an id, and no errors; or None and every error found.
    """
    today = today or date.today()
    errors: list[FieldError] = []
    received: date | None = None
    count: int | None = None

    if not date_text.strip():
        errors.append(FieldError("date_received", "", f"missing: enter {DATE_HELP}"))
    else:
        try:
            received = parse_date(date_text)
        except ValueError as error:
            errors.append(FieldError("date_received", date_text.strip(), str(error)))
    if received is not None and received > today:
        errors.append(
            FieldError(
                "date_received",
                received.isoformat(),
                f"{received:%d/%m/%Y} is in the future; enter the day the calls came in",
            )
        )

    try:
        count = parse_count(count_text)
    except ValueError:
        errors.append(FieldError("count", count_text.strip(), f"'{count_text.strip()}' {COUNT_HELP}"))
    if count == 0:
        errors.append(FieldError("count", "0", f"'0' {COUNT_HELP}"))

    if errors or received is None or count is None:
        return None, errors
    return RedirectedCall(date_received=received, kind=kind, count=count), []


def describe_field_error(error: FieldError) -> str:
    """Return an error message that starts with the redirected-call field's label."""
    return f"{REDIRECT_FIELD_LABELS.get(error.field, error.field)}: {error.message}"
