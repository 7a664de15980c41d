"""Fetching only the quarters a full report reads gives the same report as passing every record."""

from __future__ import annotations

from datetime import date

import pytest

from sendias_tui.demo import demo_records
from sendias_tui.demo_metrics import demo_metrics, demo_published_totals
from sendias_tui.domain.enquiry import RedirectedCall, RedirectKind
from sendias_tui.domain.quarters import Quarter, QuarterScheme
from sendias_tui.report.full_report import build_full_report, records_for_report, report_quarters
from tests.unit.report_records import new_enquiry


@pytest.fixture
def filled_store(store):
    enquiries, redirects = demo_records()
    # Records in quarters the report does not read, and in the year before
    # 2020, which a 2020 report compares with.
    extra = [
        new_enquiry(date(2018, 8, 1)),
        new_enquiry(date(2019, 9, 30)),
        new_enquiry(date(2020, 7, 1)),
        new_enquiry(date(2023, 6, 30)),
        new_enquiry(date(2023, 10, 1)),
    ]
    extra_calls = [
        RedirectedCall(date(2023, 6, 30), RedirectKind.SENAT),
        RedirectedCall(date(2022, 7, 4), RedirectKind.OUT_OF_AREA),
    ]
    store.add_records([*enquiries, *extra], [*redirects, *extra_calls])
    return store


def test_report_quarters_from_2020():
    assert report_quarters(Quarter(2023, 3)) == [Quarter(year, 3) for year in range(2020, 2024)]


def test_report_quarters_include_year_before():
    assert report_quarters(Quarter(2020, 1)) == [Quarter(2019, 1), Quarter(2020, 1)]
    assert report_quarters(Quarter(2018, 2)) == [Quarter(2017, 2), Quarter(2018, 2)]


def test_fetch_keeps_only_report_quarters(filled_store):
    quarter = Quarter(2023, 3)
    wanted = report_quarters(quarter)

    enquiries, redirects = records_for_report(filled_store, quarter)

    assert enquiries
    assert all(Quarter.containing(enquiry.date_received) in wanted for enquiry in enquiries)
    expected = [enquiry for enquiry in filled_store.all() if Quarter.containing(enquiry.date_received) in wanted]
    assert sorted(enquiry.id for enquiry in enquiries) == sorted(enquiry.id for enquiry in expected)
    assert all(Quarter.containing(call.date_received) in wanted for call in redirects)
    assert len(redirects) == sum(1 for call in filled_store.redirects() if Quarter.containing(call.date_received) in wanted)


@pytest.mark.parametrize(
    "quarter",
    [Quarter(2023, 3), Quarter(2020, 3), Quarter(2023, 1, QuarterScheme.FINANCIAL)],
)
def test_fetched_records_give_same_report(filled_store, categories, quarter):
    today = date(2024, 2, 1)
    enquiries, redirects = records_for_report(filled_store, quarter)

    fetched = build_full_report(
        quarter, enquiries, redirects, demo_metrics(), demo_published_totals(), categories, today=today
    )
    from_all = build_full_report(
        quarter,
        filled_store.all(),
        filled_store.redirects(),
        demo_metrics(),
        demo_published_totals(),
        categories,
        today=today,
    )

    assert fetched == from_all
