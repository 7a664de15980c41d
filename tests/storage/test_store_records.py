"""The store's records: ids, audit fields, order and date ranges, across reopening."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import pytest
from storage_records import enquiry, redirect

from sendias_tui.storage import EnquiryStore


def test_saved_records_survive_reopen(store, data_file):
    first = store.add(enquiry(date(2023, 7, 14)))
    second, third = store.add_many([enquiry(date(2023, 8, 1)), enquiry(date(2023, 7, 1))])
    call = store.add_redirect(redirect())

    with EnquiryStore(data_file, user="test") as reopened:
        assert reopened.all() == [second, first, third]
        assert reopened.redirects() == [call]


def test_ids_never_reused(store, data_file):
    first = store.add(enquiry())
    second = store.add(enquiry())
    store.delete(second.id)

    with EnquiryStore(data_file, user="test") as reopened:
        assert reopened.add(enquiry()).id == 3
    assert first.id == 1


def test_add_sets_audit_fields(data_file):
    before = datetime.now().replace(microsecond=0)
    with EnquiryStore(data_file, user="ana") as store:
        saved = store.add(enquiry())
    after = datetime.now()

    assert saved.created_by == saved.updated_by == "ana"
    assert before <= saved.created_at == saved.updated_at <= after


def test_update_keeps_creation_fields(data_file):
    with EnquiryStore(data_file, user="ana") as store:
        saved = store.add(enquiry(advisor="AB"))
    with EnquiryStore(data_file, user="ben") as other:
        # A form may build the enquiry afresh, without the creation fields.
        edited = replace(saved, advisor="CD", created_at=None, created_by=None)
        updated = other.update(edited)

    assert updated.created_by == "ana"
    assert updated.created_at == saved.created_at
    assert updated.updated_by == "ben"
    assert updated.updated_at >= saved.updated_at
    with EnquiryStore(data_file, user="test") as reopened:
        assert reopened.get(saved.id) == updated


def test_update_of_deleted_record_fails(store):
    saved = store.add(enquiry())
    store.delete(saved.id)
    with pytest.raises(KeyError):
        store.update(saved)
    with pytest.raises(KeyError):
        store.delete(saved.id)


def test_between_same_before_and_after_index(store, data_file):
    for day in (date(2023, 6, 30), date(2023, 7, 1), date(2023, 9, 30), date(2023, 10, 1)):
        store.add(enquiry(day))

    with EnquiryStore(data_file, user="test") as reopened:
        from_documents = reopened.between(date(2023, 7, 1), date(2023, 9, 30))
        reopened.all()
        from_index = reopened.between(date(2023, 7, 1), date(2023, 9, 30))

    assert [record.date_received for record in from_documents] == [date(2023, 9, 30), date(2023, 7, 1)]
    assert from_index == from_documents


def test_index_follows_each_change(store):
    store.add(enquiry(date(2023, 7, 1)))
    assert len(store.all()) == 1
    moved = store.add(enquiry(date(2023, 7, 2)))
    store.update(replace(moved, date_received=date(2023, 6, 1)))
    store.delete(1)

    assert [(record.id, record.date_received) for record in store.all()] == [(2, date(2023, 6, 1))]
    assert store.between(date(2023, 7, 1), date(2023, 7, 31)) == []


def test_add_records_saves_both_kinds(store):
    saved, calls = store.add_records([enquiry(), enquiry()], [redirect(), redirect()])
    assert [record.id for record in saved] == [1, 2]
    assert [call.id for call in calls] == [1, 2]
    assert store.count() == 2
    assert len(store.redirects()) == 2


def test_settings_persist(store, data_file):
    assert store.get_setting("quarter_scheme", "calendar") == "calendar"
    store.set_setting("quarter_scheme", "financial")
    with EnquiryStore(data_file, user="test") as reopened:
        assert reopened.get_setting("quarter_scheme") == "financial"


def test_index_follows_bulk_change(store, data_file):
    store.add_many([enquiry(date(2023, 7, 1))] * 3)
    assert len(store.all()) == 3
    with EnquiryStore(data_file, user="other") as other:
        other.delete(2)
        other.add_many([enquiry(date(2023, 6, 1))] * 150)

    store.refresh()
    records = store.all()
    assert len(records) == 152
    assert [record.id for record in records[:2]] == [3, 1]
    assert store.get(2) is None
    assert records == sorted(records, key=lambda e: (e.date_received, e.id), reverse=True)
