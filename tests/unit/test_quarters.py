"""Quarters under the calendar and the financial-year schemes."""

from datetime import date

import pytest

from sendias_tui.domain.quarters import Quarter, QuarterError, QuarterScheme


def test_calendar_q3_is_july_to_september():
    quarter = Quarter.parse("2023-Q3")
    assert quarter.start == date(2023, 7, 1)
    assert quarter.end == date(2023, 9, 30)
    assert quarter.months == [(2023, 7), (2023, 8), (2023, 9)]


def test_financial_q1_is_april_to_june():
    quarter = Quarter.parse("2023-Q1", QuarterScheme.FINANCIAL)
    assert quarter.start == date(2023, 4, 1)
    assert quarter.end == date(2023, 6, 30)


def test_financial_q4_ends_next_march():
    quarter = Quarter.parse("2023-Q4", QuarterScheme.FINANCIAL)
    assert quarter.months == [(2024, 1), (2024, 2), (2024, 3)]
    assert quarter.end == date(2024, 3, 31)
    assert "January to March 2024" in quarter.title


@pytest.mark.parametrize(
    ("day", "scheme", "code"),
    [
        (date(2023, 7, 1), QuarterScheme.CALENDAR, "2023-Q3"),
        (date(2023, 12, 31), QuarterScheme.CALENDAR, "2023-Q4"),
        (date(2024, 1, 1), QuarterScheme.CALENDAR, "2024-Q1"),
        (date(2023, 3, 31), QuarterScheme.FINANCIAL, "2022-Q4"),
        (date(2023, 4, 1), QuarterScheme.FINANCIAL, "2023-Q1"),
        (date(2024, 2, 29), QuarterScheme.FINANCIAL, "2023-Q4"),
    ],
)
def test_containing_day(day, scheme, code):
    assert Quarter.containing(day, scheme).code == code


def test_quarter_contains_its_last_day_only():
    quarter = Quarter(2023, 3)
    assert date(2023, 9, 30) in quarter
    assert date(2023, 10, 1) not in quarter
    assert date(2023, 6, 30) not in quarter


@pytest.mark.parametrize("text", ["2023-q3", "2023Q3", " 2023 - Q3 "])
def test_parse_accepts_variants(text):
    assert Quarter.parse(text) == Quarter(2023, 3)


@pytest.mark.parametrize("text", ["2023-Q5", "Q3 2023", "2023", "", "23-Q1"])
def test_parse_rejects_with_example(text):
    with pytest.raises(QuarterError, match="2023-Q3"):
        Quarter.parse(text)


def test_previous_and_next_cross_years():
    assert Quarter(2023, 1).previous() == Quarter(2022, 4)
    assert Quarter(2023, 4).next() == Quarter(2024, 1)
    assert Quarter(2023, 3).same_quarter_last_year() == Quarter(2022, 3)


def test_title_names_the_months():
    assert Quarter(2023, 3).title == "2023-Q3 (July to September 2023)"


def test_cached_bounds_leave_equality_alone():
    used = Quarter(2023, 3)
    assert date(2023, 8, 1) in used
    fresh = Quarter(2023, 3)
    assert used == fresh
    assert hash(used) == hash(fresh)
    assert repr(used) == repr(fresh)
    assert {used: "x"}[fresh] == "x"


def test_cached_bounds_leave_ordering_alone():
    later = Quarter(2024, 1)
    assert later.start == date(2024, 1, 1)
    assert sorted([later, Quarter(2023, 4), Quarter(2023, 1)]) == [
        Quarter(2023, 1),
        Quarter(2023, 4),
        Quarter(2024, 1),
    ]


def test_months_list_changes_stay_local():
    quarter = Quarter(2023, 3)
    quarter.months.append((2099, 1))
    assert quarter.months == [(2023, 7), (2023, 8), (2023, 9)]


def test_quarter_stays_frozen():
    quarter = Quarter(2023, 3)
    with pytest.raises(AttributeError):
        quarter.year = 2024  # type: ignore[misc]
