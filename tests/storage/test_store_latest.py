"""The latest enquiry, found before and after the store has built every record."""

from __future__ import annotations

from datetime import date

from storage_records import enquiry

from sendias_tui.storage import EnquiryStore


def test_latest_of_empty_store(store):
    assert store.latest() is None


def test_latest_is_newest_date(store, data_file):
    store.add_many([enquiry(date(2023, 7, 14)), enquiry(date(2024, 1, 2)), enquiry(date(2022, 12, 31))])

    with EnquiryStore(data_file, user="test") as reopened:
        latest = reopened.latest()
        assert latest == reopened.all()[0]
        assert latest.date_received == date(2024, 1, 2)


def test_latest_same_day_highest_id(store, data_file):
    # Twelve records on one day get ids 1 to 12, and as text "9" sorts
    # after "12".
    store.add_many([enquiry(date(2023, 7, 14)) for _ in range(12)])
    store.add(enquiry(date(2023, 7, 13)))

    with EnquiryStore(data_file, user="test") as reopened:
        assert reopened.latest().id == 12
        assert reopened.all()[0].id == 12
        assert reopened.latest().id == 12


def test_latest_follows_saves_and_deletes(store):
    older = store.add(enquiry(date(2024, 3, 1)))
    store.all()
    newest = store.add(enquiry(date(2025, 3, 1)))
    assert store.latest() == newest

    store.delete(newest.id)
    assert store.latest() == older
