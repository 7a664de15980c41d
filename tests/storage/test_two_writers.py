"""Two programs writing to one data file lose nothing, and a blocked writer says who blocks it."""

from __future__ import annotations

import socket
from collections import Counter
from dataclasses import replace

import pytest
from storage_records import enquiry, start_helper

from sendias_tui.storage import EnquiryStore, StorageLockedError
from sendias_tui.storage.journal import journal_path_for
from sendias_tui.storage.locking import current_user


def run_writers(data_file, *jobs: tuple[int, str, str]) -> None:
    """Start one writer per ``(count, advisor, mode)``, let them go at once, and wait for them."""
    writers = [start_helper("busy_writer.py", data_file, *job) for job in jobs]
    for writer in writers:
        assert writer.stdout.readline() == "ready\n", writer.stderr.read()
    for writer in writers:
        writer.stdin.write("go\n")
        writer.stdin.flush()
    for writer in writers:
        output, errors = writer.communicate(timeout=300)
        assert writer.returncode == 0, errors
        assert output == "done\n"


def test_two_writers_keep_all_saves(data_file):
    EnquiryStore(data_file, user="setup").close()

    run_writers(data_file, (500, "AA", "each"), (500, "BB", "each"))

    with EnquiryStore(data_file, user="checker") as store:
        records = store.all()
    assert len(records) == 1000
    assert Counter(record.advisor for record in records) == {"AA": 500, "BB": 500}
    assert sorted(record.id for record in records) == list(range(1, 1001))


def test_import_while_store_open_loses_nothing(store, data_file):
    first = store.add(enquiry(advisor="TU"))

    run_writers(data_file, (300, "IM", "import"))
    assert store.refresh() is True
    assert store.count() == 301
    assert store.get(first.id).advisor == "TU"

    # A save with no refresh before it still picks up the other program's saves.
    run_writers(data_file, (100, "IM", "import"))
    later = store.add(enquiry(advisor="TU"))
    assert later.id == 402
    assert store.count() == 402

    with EnquiryStore(data_file, user="checker") as reopened:
        advisors = Counter(record.advisor for record in reopened.all())
    assert advisors == {"IM": 400, "TU": 2}


def test_refresh_reports_no_change(store):
    store.add(enquiry())
    assert store.refresh() is False


def test_refresh_picks_up_update_and_delete(store, data_file):
    kept = store.add(enquiry(advisor="AB"))
    doomed = store.add(enquiry(advisor="CD"))
    listed = store.all()

    with EnquiryStore(data_file, user="other") as other:
        other.update(replace(other.get(kept.id), advisor="ZZ"))
        other.delete(doomed.id)

    assert [record.id for record in listed] == [doomed.id, kept.id]
    assert store.refresh() is True
    assert [record.id for record in store.all()] == [kept.id]
    assert store.get(kept.id).advisor == "ZZ"
    assert store.get(kept.id).updated_by == "other"
    assert store.get(doomed.id) is None


def test_locked_file_names_holder_and_writes_nothing(store, data_file):
    store.add(enquiry())
    journal = journal_path_for(data_file)
    snapshot_before, journal_before = data_file.read_bytes(), journal.read_bytes()
    holder = start_helper("lock_holder.py", data_file)
    try:
        assert holder.stdout.readline() == "locked\n", holder.stderr.read()
        waiting = EnquiryStore(data_file, user="test", lock_timeout=0.2)
        with pytest.raises(StorageLockedError) as raised:
            waiting.add(enquiry())
    finally:
        holder.stdin.write("\n")
        holder.stdin.flush()
        holder.communicate(timeout=30)

    message = str(raised.value)
    assert str(data_file) in message
    assert f"process {holder.pid}" in message
    assert f"user {current_user()}" in message
    assert f"host {socket.gethostname()}" in message
    assert data_file.read_bytes() == snapshot_before
    assert journal.read_bytes() == journal_before
    assert waiting.count() == 1

    # Once the holder is gone the same store saves normally.
    assert waiting.add(enquiry()).id == 2
