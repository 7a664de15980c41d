"""Waiting times in working days, with bank holidays in England."""

import random
from datetime import date, timedelta

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


def _count_by_walking(start, end):
    count = 0
    day = start
    while day < end:
        day += timedelta(days=1)
        if is_working_day(day):
            count += 1
    return count


def test_matches_day_by_day_count():
    # Random pairs across 2019 to 2026, up to about two years apart, mix
    # start weekdays, part weeks and year boundaries.
    rng = random.Random(20241204)
    first = date(2019, 1, 1)
    span = (date(2026, 12, 31) - first).days
    for _ in range(1000):
        start = first + timedelta(days=rng.randrange(span + 1))
        end = start + timedelta(days=rng.randrange(min(span - (start - first).days, 800) + 1))
        assert working_days_between(start, end) == _count_by_walking(start, end), (start, end)


def test_matches_day_by_day_short_spans():
    # Every start in 2023 with spans up to three weeks covers the
    # coronation, Easter and Christmas bank holidays at each offset.
    for offset in range(365):
        start = date(2023, 1, 1) + timedelta(days=offset)
        for length in range(22):
            end = start + timedelta(days=length)
            assert working_days_between(start, end) == _count_by_walking(start, end), (start, end)
