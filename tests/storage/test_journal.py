"""Saves go to the journal; the snapshot is rewritten rarely, atomically, and stays TinyDB JSON."""

from __future__ import annotations

import json
import os

from storage_records import enquiry
from tinydb import TinyDB

from sendias_tui.storage import EnquiryStore, atomic_json
from sendias_tui.storage.journal import entry_line, header_line, journal_path_for
from sendias_tui.storage.records import enquiry_to_document


def test_small_save_leaves_snapshot_alone(store, data_file):
    store.add(enquiry())
    snapshot = data_file.read_bytes()
    journal_size = journal_path_for(data_file).stat().st_size

    store.add(enquiry())

    assert data_file.read_bytes() == snapshot
    assert journal_path_for(data_file).stat().st_size > journal_size


def test_compaction_folds_journal_into_snapshot(data_file):
    with EnquiryStore(data_file, user="test", journal_limit=2_000) as store:
        saved = [store.add(enquiry()) for _ in range(20)]
        store.compact()

    with TinyDB(data_file, access_mode="r") as plain:
        stored = plain.table("enquiries").all()
    assert sorted(document.doc_id for document in stored) == [record.id for record in saved]
    assert json.loads(data_file.read_text())["meta"]["1"]["next_enquiry_id"] == 21


def test_journal_limit_triggers_rewrite(data_file):
    with EnquiryStore(data_file, user="test", journal_limit=3_000) as store:
        for _ in range(10):
            store.add(enquiry())
        assert journal_path_for(data_file).stat().st_size < 3_000 + 2_000
    with EnquiryStore(data_file, user="test") as reopened:
        assert reopened.count() == 10


def test_large_save_writes_snapshot_once(store, data_file, monkeypatch):
    real_replace = atomic_json.os.replace
    replaced = []

    def counting_replace(source, target):
        replaced.append(target)
        real_replace(source, target)

    monkeypatch.setattr(atomic_json.os, "replace", counting_replace)
    store.add_many([enquiry()] * 1_000)

    assert [os.fspath(target) for target in replaced] == [os.fspath(data_file)]
    assert len(json.loads(data_file.read_text())["enquiries"]) == 1_000


def test_torn_last_line_ignored_then_cut(store, data_file):
    store.add(enquiry(advisor="AB"))
    journal = journal_path_for(data_file)
    complete = journal.read_bytes()
    journal.write_bytes(complete + b'{"ops":[["put","enquiries","2",{"id":2,"adv')

    with EnquiryStore(data_file, user="test") as reopened:
        assert [record.advisor for record in reopened.all()] == ["AB"]
        reopened.add(enquiry(advisor="CD"))

    assert journal.read_bytes().startswith(complete)
    assert b'"adv{' not in journal.read_bytes()
    with EnquiryStore(data_file, user="test") as again:
        assert [record.advisor for record in again.all()] == ["CD", "AB"]


def test_journal_of_other_snapshot_ignored(store, data_file):
    store.add(enquiry(advisor="AB"))
    store.compact()
    stray = enquiry_to_document(enquiry(advisor="ZZ").with_id(99))
    journal_path_for(data_file).write_bytes(
        header_line("another-snapshot") + entry_line([["put", "enquiries", "99", stray]])
    )

    with EnquiryStore(data_file, user="test") as reopened:
        assert [record.advisor for record in reopened.all()] == ["AB"]


def test_dates_stored_as_iso_text(store, data_file):
    saved = store.add(enquiry())
    store.compact()
    document = json.loads(data_file.read_text())["enquiries"][str(saved.id)]
    assert document["date_received"] == "2023-07-14"
    assert document["first_advisor_contact"] == "2023-07-14"
    assert document["created_at"] == saved.created_at.isoformat()


def test_files_owner_only(store, data_file):
    store.add(enquiry())
    for path in data_file.parent.iterdir():
        if path.is_file():
            assert path.stat().st_mode & 0o777 == 0o600, path.name


def test_close_folds_journal_into_data_file(data_file, tmp_path):
    with EnquiryStore(data_file, user="test") as store:
        saved = [store.add(enquiry()) for _ in range(3)]
    copy = tmp_path / "copied.json"
    copy.write_bytes(data_file.read_bytes())

    with EnquiryStore(copy, user="test") as reopened:
        assert sorted(record.id for record in reopened.all()) == [record.id for record in saved]


def test_close_without_saves_leaves_files_alone(data_file):
    with EnquiryStore(data_file, user="test") as store:
        store.add(enquiry())
        store.add(enquiry())
    # Another program's journalled save, left for whoever opens the file next.
    with EnquiryStore(data_file, user="test") as writer:
        writer.add(enquiry())
        snapshot = data_file.read_bytes()
        with EnquiryStore(data_file, user="reader") as reader:
            assert len(reader.all()) == 3
        assert data_file.read_bytes() == snapshot


def test_close_keeps_journal_when_fold_fails(data_file, monkeypatch):
    store = EnquiryStore(data_file, user="test")
    saved = store.add(enquiry())

    def fail_replace(source, target):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic_json.os, "replace", fail_replace)
    store.close()
    monkeypatch.undo()

    with EnquiryStore(data_file, user="test") as reopened:
        assert [record.id for record in reopened.all()] == [saved.id]
