"""Files from older versions are backed up and then brought forward on open."""

from __future__ import annotations

import errno
import json
import os
from dataclasses import replace

import pytest
from storage_records import enquiry, redirect

from sendias_tui.storage import EnquiryStore, StorageWriteError
from sendias_tui.storage.migrations import SCHEMA_VERSION
from sendias_tui.storage.records import enquiry_to_document, redirect_to_document


def write_version_1_file(data_file) -> bytes:
    """Write a data file as the first release did, with enquiry 2 deleted, and return its bytes."""
    data = {
        "enquiries": {
            "1": enquiry_to_document(enquiry(advisor="AB").with_id(1)),
            "3": enquiry_to_document(enquiry(advisor="CD").with_id(3)),
        },
        "redirects": {"1": redirect_to_document(replace(redirect(), id=1))},
        "settings": {"1": {"quarter_scheme": "financial"}},
        "meta": {"1": {"schema_version": 1, "next_enquiry_id": 4, "next_redirect_id": 2}},
    }
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    data_file.write_text(text, encoding="utf-8")
    return data_file.read_bytes()


def test_version_1_file_migrated(data_file):
    write_version_1_file(data_file)

    with EnquiryStore(data_file, user="test") as store:
        assert [(record.id, record.advisor) for record in store.all()] == [(3, "CD"), (1, "AB")]
        assert [call.count for call in store.redirects()] == [3]
        assert store.get_setting("quarter_scheme") == "financial"
        assert store.add(enquiry()).id == 4
        assert store.add_redirect(redirect()).id == 2

    on_disk = json.loads(data_file.read_text())
    assert on_disk["meta"]["1"]["schema_version"] == SCHEMA_VERSION == 2


def test_migration_backs_up_first(data_file):
    original = write_version_1_file(data_file)

    with EnquiryStore(data_file, user="test") as store:
        [backup] = store.list_backups()

    assert backup.reason == "before-migration"
    assert backup.path.read_bytes() == original


def test_failed_backup_stops_migration(data_file, monkeypatch):
    original = write_version_1_file(data_file)

    def fail(*args):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(StorageWriteError):
        EnquiryStore(data_file, user="test")
    monkeypatch.undo()

    assert data_file.read_bytes() == original


def test_empty_object_file_initialised(data_file):
    data_file.write_text("{}")
    with EnquiryStore(data_file, user="test") as store:
        assert store.is_empty()
        assert store.add(enquiry()).id == 1
    assert json.loads(data_file.read_text())["meta"]["1"]["schema_version"] == SCHEMA_VERSION
