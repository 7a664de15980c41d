"""A damaged data file or journal stops with a message naming it and is left byte for byte."""

from __future__ import annotations

import json

import pytest
from storage_records import enquiry, folder_bytes

from sendias_tui.storage import DataFileError, EnquiryStore
from sendias_tui.storage.journal import journal_path_for


@pytest.fixture
def good_file(data_file):
    """Return the bytes of a compacted data file holding two enquiries."""
    with EnquiryStore(data_file, user="test") as store:
        store.add(enquiry())
        store.add(enquiry())
        store.compact()
    return data_file.read_bytes()


def meta(version) -> dict:
    return {"1": {"schema_version": version, "next_enquiry_id": 2, "next_redirect_id": 1}}


DAMAGED = {
    "empty": lambda good: b"",
    "blank": lambda good: b"  \n\n",
    "truncated": lambda good: good[: len(good) // 2],
    "trailing junk": lambda good: good + b"}junk",
    "not json": lambda good: b"enquiries,date\n1,2023-07-14\n",
    "not utf-8": lambda good: b"\xff\xfe\x00{\x00}",
    "list": lambda good: b"[1, 2, 3]",
    "table not object": lambda good: b'{"enquiries": []}',
    "record not object": lambda good: b'{"enquiries": {"1": "Parent/carer"}}',
    "record id not number": lambda good: b'{"enquiries": {"first": {}}}',
    "records without version": lambda good: json.dumps(
        {"enquiries": json.loads(good)["enquiries"]}
    ).encode(),
    "invalid version": lambda good: json.dumps({"meta": meta("two")}).encode(),
    "newer version": lambda good: json.dumps({"meta": meta(99)}).encode(),
}


@pytest.mark.parametrize("damage", DAMAGED)
def test_damaged_file_left_unchanged(good_file, data_file, damage):
    data_file.write_bytes(DAMAGED[damage](good_file))
    before = folder_bytes(data_file.parent)

    with pytest.raises(DataFileError) as raised:
        EnquiryStore(data_file, user="test")

    assert str(data_file) in str(raised.value)
    assert "has not been changed" in str(raised.value)
    assert folder_bytes(data_file.parent) == before


def test_newer_version_says_upgrade(data_file):
    data_file.write_text(json.dumps({"meta": meta(3)}))
    with pytest.raises(DataFileError, match="newer version of sendias.*Upgrade sendias"):
        EnquiryStore(data_file, user="test")


def test_damaged_record_named_on_read(good_file, data_file):
    data = json.loads(good_file)
    del data["enquiries"]["2"]["advisor"]
    data_file.write_text(json.dumps(data))
    before = folder_bytes(data_file.parent)

    store = EnquiryStore(data_file, user="test")
    with pytest.raises(DataFileError, match="enquiry 2, which has no field 'advisor'"):
        store.all()
    assert folder_bytes(data_file.parent) == before


def test_damaged_journal_line_left_unchanged(data_file):
    # Left open, as by a program that stopped before it could fold its journal.
    store = EnquiryStore(data_file, user="test")
    for _ in range(3):
        store.add(enquiry())
    journal = journal_path_for(data_file)
    lines = journal.read_bytes().splitlines(keepends=True)
    lines[1] = b'{"ops": [["put", "enquiries"\n'
    journal.write_bytes(b"".join(lines))
    before = folder_bytes(data_file.parent)

    with pytest.raises(DataFileError) as raised:
        EnquiryStore(data_file, user="test")

    assert str(journal) in str(raised.value)
    assert "damaged line 2" in str(raised.value)
    assert folder_bytes(data_file.parent) == before


def test_invalid_journal_header_left_unchanged(data_file):
    with EnquiryStore(data_file, user="test") as store:
        store.add(enquiry())
    journal = journal_path_for(data_file)
    journal.write_bytes(b"not a header\n" + journal.read_bytes())
    before = folder_bytes(data_file.parent)

    with pytest.raises(DataFileError, match="valid journal header"):
        EnquiryStore(data_file, user="test")
    assert folder_bytes(data_file.parent) == before


def test_file_damaged_while_open_stops_save(store, data_file):
    store.add(enquiry())
    store.compact()
    data_file.write_bytes(b"{")
    with pytest.raises(DataFileError, match="not valid JSON"):
        store.add(enquiry())
    assert data_file.read_bytes() == b"{"
    assert store.count() == 1
