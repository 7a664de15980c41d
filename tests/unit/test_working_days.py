"""Waiting times in working days, with bank holidays in England."""

from datetime import date

import pytest

from sendias_tui.domain.working_days import is_working_day, working_days_between


def test_same_day_is_zero():
    assert working_days_between(date(2023, 7, 14), date(2023, 7, 14)) == 0


def test_friday_to_monday_is_one():
    assert working_days_between(date(2023, 7, 14), date(2023, 7, 17)) == 1


def test_weekend_received_answered_monday():
    assert working_days_between(date(2023, 7, 15), date(2023, 7, 17)) == 1


def test_summer_bank_holiday_skipped():
    # Monday 28 August 2023 was the summer bank holiday in England.
    assert not is_working_day(date(2023, 8, 28))
    assert working_days_between(date(2023, 8, 25), date(2023, 8, 29)) == 1


def test_coronation_bank_holiday_skipped():
    # Monday 8 May 2023 was a one-off bank holiday for the coronation.
    assert not is_working_day(date(2023, 5, 8))
    assert working_days_between(date(2023, 5, 5), date(2023, 5, 9)) == 1


def test_scottish_only_holiday_is_a_working_day():
    # 2 January is a bank holiday in Scotland, not in England (2024 was a Tuesday).
    assert is_working_day(date(2024, 1, 2))


def test_christmas_across_years():
    # 25 and 26 December 2023 and 1 January 2024 are bank holidays.
    assert working_days_between(date(2023, 12, 22), date(2024, 1, 2)) == 4


def test_end_before_start_rejected():
    with pytest.raises(ValueError, match="before"):
        working_days_between(date(2023, 7, 14), date(2023, 7, 13))
