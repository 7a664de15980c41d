"""Backups: one a day on the first write, on request, rotated, and restorable."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest
from storage_records import enquiry

import sendias_tui.storage.backup as backup_module
from sendias_tui.storage import BackupError, EnquiryStore
from sendias_tui.storage.backup import backup_folder, list_backups, restore_backup
from sendias_tui.storage.journal import journal_path_for


def set_today(monkeypatch, day: date) -> None:
    """Make backups believe it is noon on ``day``."""
    monkeypatch.setattr(backup_module, "now", lambda: datetime.combine(day, time(12)))


def test_daily_backup_once_per_day(store, monkeypatch):
    set_today(monkeypatch, date(2024, 5, 1))
    store.add(enquiry())
    assert list_backups(store.path) == []  # nothing to keep before the first record

    store.add(enquiry())
    store.add(enquiry())
    [first] = store.list_backups()
    assert first.reason == "daily"

    set_today(monkeypatch, date(2024, 5, 2))
    store.add(enquiry())
    assert [backup.reason for backup in store.list_backups()] == ["daily", "daily"]


def test_daily_backup_holds_data_before_write(store, monkeypatch):
    set_today(monkeypatch, date(2024, 5, 1))
    store.add(enquiry(advisor="AB"))
    store.add(enquiry(advisor="CD"))
    [daily] = store.list_backups()

    store.restore(daily)
    assert [record.advisor for record in store.all()] == ["AB"]


def test_other_program_backup_counts_for_today(store, data_file, monkeypatch):
    set_today(monkeypatch, date(2024, 5, 1))
    store.add(enquiry())
    store.add(enquiry())
    with EnquiryStore(data_file, user="other") as other:
        other.add(enquiry())
    assert len(store.list_backups()) == 1


def test_backups_rotate_to_setting(store):
    store.set_setting("backups_to_keep", 3)
    store.add(enquiry())
    made = [store.backup_now() for _ in range(5)]

    kept = store.list_backups()
    assert [backup.path for backup in kept] == [backup.path for backup in made[:1:-1]]
    leftovers = {path.name for path in backup_folder(store.path).iterdir()}
    assert leftovers == {name for backup in kept for name in (backup.name, backup.name + ".journal")}


def test_backup_and_restore_round_trip(store):
    kept = store.add(enquiry(advisor="AB"))
    backup = store.backup_now()
    store.add(enquiry(advisor="CD"))
    store.delete(kept.id)

    store.restore(backup.name)

    assert [(record.id, record.advisor) for record in store.all()] == [(kept.id, "AB")]
    # Ids handed out after the backup are still not reused.
    assert store.add(enquiry()).id == 3


def test_restore_keeps_copy_of_replaced_files(store, data_file):
    store.add(enquiry(advisor="AB"))
    backup = store.backup_now()
    store.add(enquiry(advisor="CD"))
    snapshot, journal = data_file.read_bytes(), journal_path_for(data_file).read_bytes()

    replaced = store.restore(backup)

    assert replaced.reason == "before-restore"
    assert replaced.path.read_bytes() == snapshot
    assert journal_path_for(replaced.path).read_bytes() == journal
    store.restore(replaced)
    assert [record.advisor for record in store.all()] == ["CD", "AB"]


def test_restore_replaces_damaged_file(data_file):
    with EnquiryStore(data_file, user="test") as store:
        store.add(enquiry(advisor="AB"))
        backup = store.backup_now()
    data_file.write_bytes(b'{"enquiries": ')

    replaced = restore_backup(data_file, backup.path)

    assert replaced.path.read_bytes() == b'{"enquiries": '
    with EnquiryStore(data_file, user="test") as store:
        assert [record.advisor for record in store.all()] == ["AB"]


def test_damaged_backup_not_restored(store, data_file):
    store.add(enquiry())
    backup = store.backup_now()
    backup.path.write_bytes(b"[]")
    before = data_file.read_bytes(), journal_path_for(data_file).read_bytes()

    with pytest.raises(BackupError) as raised:
        store.restore(backup)

    assert str(backup.path) in str(raised.value)
    assert (data_file.read_bytes(), journal_path_for(data_file).read_bytes()) == before
    assert len(store.list_backups()) == 1


def test_unknown_backup_names_folder(store):
    with pytest.raises(BackupError, match="was not found.*sendias-backups"):
        store.restore("sendias-20240101-000000-manual.json")


def test_restore_seen_by_other_store(store, data_file):
    store.add(enquiry(advisor="AB"))
    backup = store.backup_now()
    store.add(enquiry(advisor="CD"))
    with EnquiryStore(data_file, user="other") as other:
        assert other.count() == 2
        store.restore(backup)
        assert other.refresh() is True
        assert [record.advisor for record in other.all()] == ["AB"]


def test_backups_owner_only(store):
    store.add(enquiry())
    backup = store.backup_now()
    assert backup_folder(store.path).stat().st_mode & 0o777 == 0o700
    assert backup.path.stat().st_mode & 0o777 == 0o600
    assert journal_path_for(backup.path).stat().st_mode & 0o777 == 0o600
