"""A failed save raises StorageWriteError and leaves the data file, journal and memory as they were."""

from __future__ import annotations

import errno
import os
from dataclasses import replace

import pytest
from storage_records import enquiry, redirect

from sendias_tui.storage import EnquiryStore, StorageWriteError
from sendias_tui.storage.journal import journal_path_for

DISK_FULL = OSError(errno.ENOSPC, "No space left on device")


def data_files(data_file) -> dict[str, bytes | None]:
    """Return the snapshot and journal bytes (None for a missing file)."""
    found = {}
    for path in (data_file, journal_path_for(data_file)):
        found[path.name] = path.read_bytes() if path.exists() else None
    return found


def fail(*args, **kwargs):
    raise DISK_FULL


@pytest.fixture
def filled(store):
    """Return the store with one enquiry and one redirected call saved, journal and all."""
    store.add(enquiry(advisor="AB"))
    store.add_redirect(redirect())
    return store


@pytest.mark.parametrize("failing", ["write", "fsync"])
def test_failed_append_changes_nothing(filled, data_file, monkeypatch, failing):
    before = data_files(data_file)
    monkeypatch.setattr(os, failing, fail)

    with pytest.raises(StorageWriteError, match="No space left on device") as raised:
        filled.add(enquiry(advisor="CD"))
    monkeypatch.undo()

    assert str(data_file) in str(raised.value)
    assert data_files(data_file) == before
    assert filled.count() == 1
    assert [record.advisor for record in filled.all()] == ["AB"]
    # The failed save used no id, and the same enquiry saves once the disk has room.
    assert filled.add(enquiry(advisor="CD")).id == 2


def test_half_written_line_cut_back(filled, data_file, monkeypatch):
    before = data_files(data_file)
    real_write = os.write

    def write_half_then_fail(handle, data):
        if len(data) > 1:
            return real_write(handle, data[: len(data) // 2])
        raise DISK_FULL

    monkeypatch.setattr(os, "write", write_half_then_fail)
    with pytest.raises(StorageWriteError):
        filled.add(enquiry(advisor="CD"))
    monkeypatch.undo()

    assert data_files(data_file) == before


def test_failed_update_keeps_old_version(filled, data_file, monkeypatch):
    original = filled.all()[0]
    before = data_files(data_file)
    monkeypatch.setattr(os, "write", fail)

    with pytest.raises(StorageWriteError):
        filled.update(replace(original, advisor="ZZ"))
    monkeypatch.undo()

    assert data_files(data_file) == before
    assert filled.get(original.id) == original
    assert filled.all() == [original]


def test_failed_delete_keeps_record(filled, data_file, monkeypatch):
    original = filled.all()[0]
    monkeypatch.setattr(os, "write", fail)

    with pytest.raises(StorageWriteError):
        filled.delete(original.id)
    monkeypatch.undo()

    assert filled.get(original.id) == original
    with EnquiryStore(data_file, user="test") as reopened:
        assert reopened.get(original.id) == original


def test_failed_rewrite_changes_nothing(filled, data_file, monkeypatch):
    before = data_files(data_file)
    monkeypatch.setattr(os, "replace", fail)

    with pytest.raises(StorageWriteError):
        filled.compact()
    with pytest.raises(StorageWriteError):
        filled.add_many([enquiry()] * 500)
    monkeypatch.undo()

    assert data_files(data_file) == before
    assert filled.count() == 1
    assert not [path for path in data_file.parent.iterdir() if path.name.endswith(".tmp")]
    assert filled.add(enquiry()).id == 2


def test_failed_create_leaves_no_file(data_file, monkeypatch):
    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(StorageWriteError):
        EnquiryStore(data_file, user="test")
    monkeypatch.undo()

    assert not data_file.exists()
    assert not [path for path in data_file.parent.iterdir() if path.name.endswith(".tmp")]


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root can write to read-only folders")
def test_read_only_folder_changes_nothing(filled, data_file):
    before = data_files(data_file)
    data_file.parent.chmod(0o500)
    try:
        with pytest.raises(StorageWriteError):
            filled.compact()
    finally:
        data_file.parent.chmod(0o700)
    assert data_files(data_file) == before


def test_missing_folder_is_a_write_error(tmp_path):
    drive = tmp_path / "drive"
    store = EnquiryStore(drive / "sendias.json", user="test")
    store.add(enquiry())
    drive.rename(tmp_path / "moved")

    with pytest.raises(StorageWriteError, match="not there any more"):
        store.add(enquiry())
    assert not drive.exists()
    assert store.count() == 1
