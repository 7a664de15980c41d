"""Redirected-call entries typed by a person: what is accepted and the messages."""

from __future__ import annotations

from datetime import date

import pytest

from sendias_tui.domain.enquiry import RedirectKind
from sendias_tui.domain.redirects import describe_field_error, parse_redirect

TODAY = date(2023, 9, 29)


@pytest.mark.parametrize("typed", ["14/07/2023", "2023-07-14", " 14/7/2023 "])
def test_redirect_accepts_uk_and_iso_dates(typed):
    call, errors = parse_redirect(RedirectKind.SENAT, typed, "2", today=TODAY)
    assert errors == []
    assert call is not None
    assert call.date_received == date(2023, 7, 14)
    assert call.count == 2
    assert call.kind is RedirectKind.SENAT
    assert call.id is None


def test_redirect_today_is_allowed():
    call, errors = parse_redirect(RedirectKind.OUT_OF_AREA, "29/09/2023", "1", today=TODAY)
    assert errors == []
    assert call is not None


@pytest.mark.parametrize(
    ("date_text", "count_text", "expected"),
    [
        ("", "1", ["Date: missing: enter a date such as 14/07/2023 or 2023-07-14"]),
        ("31/02/2023", "1", ["Date: '31/02/2023' is not a real date: expected a date such as 14/07/2023 or 2023-07-14"]),
        ("yesterday", "1", ["Date: 'yesterday' is not a date: expected a date such as 14/07/2023 or 2023-07-14"]),
        ("30/09/2023", "1", ["Date: 30/09/2023 is in the future; enter the day the calls came in"]),
        ("14/07/2023", "0", ["Number of calls: '0' is not a whole number of 1 or more; enter how many calls or emails came in"]),
        ("14/07/2023", "-2", ["Number of calls: '-2' is not a whole number of 1 or more; enter how many calls or emails came in"]),
        ("14/07/2023", "", ["Number of calls: '' is not a whole number of 1 or more; enter how many calls or emails came in"]),
    ],
)
def test_redirect_rejects_with_message(date_text, count_text, expected):
    call, errors = parse_redirect(RedirectKind.SENAT, date_text, count_text, today=TODAY)
    assert call is None
    assert [describe_field_error(error) for error in errors] == expected


def test_redirect_reports_both_fields_at_once():
    call, errors = parse_redirect(RedirectKind.SENAT, "x", "y", today=TODAY)
    assert call is None
    assert [error.field for error in errors] == ["date_received", "count"]
