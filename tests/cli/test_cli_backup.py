"""``sendias backup`` and ``sendias restore``."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from cli_helpers import assert_clean_failure, invoke
from synthetic_rows import new_enquiry
from typer.testing import CliRunner

from sendias_tui.cli import app
from sendias_tui.storage import EnquiryStore


def stored_ids(data_file: Path) -> list[int]:
    with EnquiryStore(data_file, user="test") as store:
        return sorted(record.id for record in store.all())


def make_backup(data_file: Path) -> str:
    result = invoke("--data-file", str(data_file), "backup")
    assert result.exit_code == 0, result.output
    listed = invoke("--data-file", str(data_file), "backup", "--list")
    return listed.stdout.split()[0]


def test_backup_listed_newest_first(data_file: Path):
    with EnquiryStore(data_file, user="test") as store:
        store.add(new_enquiry(date(2023, 7, 3)))

    name = make_backup(data_file)

    assert name.endswith("-manual.json")
    assert (data_file.parent / "sendias-backups" / name).exists()


def test_restore_brings_back_deleted_record(data_file: Path):
    with EnquiryStore(data_file, user="test") as store:
        saved = store.add(new_enquiry(date(2023, 7, 3)))
    name = make_backup(data_file)
    with EnquiryStore(data_file, user="test") as store:
        store.delete(saved.id)

    result = invoke("--data-file", str(data_file), "restore", "--yes", name)

    assert result.exit_code == 0, result.output
    assert "The replaced file was kept as" in result.stdout
    assert stored_ids(data_file) == [saved.id]


def test_restore_asks_first(data_file: Path):
    with EnquiryStore(data_file, user="test") as store:
        saved = store.add(new_enquiry(date(2023, 7, 3)))
    name = make_backup(data_file)
    with EnquiryStore(data_file, user="test") as store:
        store.delete(saved.id)

    result = CliRunner().invoke(app, ["--data-file", str(data_file), "restore", name], input="n\n")

    assert result.exit_code == 1
    assert "Nothing was restored." in result.stderr
    assert stored_ids(data_file) == []


def test_restore_replaces_damaged_file(data_file: Path):
    with EnquiryStore(data_file, user="test") as store:
        saved = store.add(new_enquiry(date(2023, 7, 3)))
    name = make_backup(data_file)
    data_file.write_bytes(b"{")

    result = invoke("--data-file", str(data_file), "restore", "-y", name)

    assert result.exit_code == 0, result.output
    assert stored_ids(data_file) == [saved.id]


def test_restore_unknown_backup(data_file: Path):
    with EnquiryStore(data_file, user="test") as store:
        store.add(new_enquiry(date(2023, 7, 3)))
    before = data_file.read_bytes()

    result = invoke("--data-file", str(data_file), "restore", "-y", "missing.json")

    assert_clean_failure(result)
    assert "missing.json was not found" in result.stderr
    assert data_file.read_bytes() == before


def test_backup_of_missing_file(tmp_path: Path):
    result = invoke("--data-file", str(tmp_path / "none.json"), "backup")

    assert_clean_failure(result)
    assert "does not exist" in result.stderr


def test_damaged_file_message_points_to_restore(data_file: Path):
    with EnquiryStore(data_file, user="test") as store:
        store.add(new_enquiry(date(2023, 7, 3)))
    make_backup(data_file)
    data_file.write_bytes(b"{")

    result = invoke("--data-file", str(data_file), "summary", "--quarter", "2023-Q3")

    assert_clean_failure(result)
    assert "not valid JSON" in result.stderr
    assert "sendias restore NAME" in result.stderr
