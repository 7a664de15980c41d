"""Choosing the data file, and leaving a damaged one exactly as it was."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_helpers import assert_clean_failure, invoke, write_csv
from synthetic_rows import NEW_ROW

from sendias_tui.storage import EnquiryStore


def count_in(data_file: Path) -> int:
    with EnquiryStore(data_file, user="test") as store:
        return store.count()


def test_data_file_option_selects_file(tmp_path: Path):
    chosen = tmp_path / "chosen.json"
    csv_file = write_csv(tmp_path / "records.csv", [NEW_ROW])

    result = invoke("--data-file", str(chosen), "import", str(csv_file))

    assert result.exit_code == 0, result.output
    assert count_in(chosen) == 1
    assert str(chosen) in result.stdout


def test_environment_variable_selects_file(tmp_path: Path):
    chosen = tmp_path / "from-env.json"
    csv_file = write_csv(tmp_path / "records.csv", [NEW_ROW])

    result = invoke("import", str(csv_file), env={"SENDIAS_DATA_FILE": str(chosen)})

    assert result.exit_code == 0, result.output
    assert count_in(chosen) == 1


def test_option_wins_over_environment(tmp_path: Path):
    from_option = tmp_path / "option.json"
    from_env = tmp_path / "env.json"
    csv_file = write_csv(tmp_path / "records.csv", [NEW_ROW])

    result = invoke("--data-file", str(from_option), "import", str(csv_file), env={"SENDIAS_DATA_FILE": str(from_env)})

    assert result.exit_code == 0, result.output
    assert count_in(from_option) == 1
    assert not from_env.exists()


def test_new_data_file_is_owner_only(tmp_path: Path):
    data_file = tmp_path / "new.json"
    csv_file = write_csv(tmp_path / "records.csv", [NEW_ROW])

    invoke("--data-file", str(data_file), "import", str(csv_file))

    assert data_file.stat().st_mode & 0o777 == 0o600


DAMAGED = b'{"enquiries": {"1": {"date_received": "2023-07-'


@pytest.mark.parametrize(
    "args",
    [
        ["summary", "--quarter", "2023-Q3"],
        ["import", "RECORDS"],
        ["export", "--records", "-o", "OUTPUT"],
        ["export", "--quarter", "2023-Q3", "-o", "OUTPUT"],
        ["demo"],
        ["settings"],
        ["settings", "quarter-scheme", "financial"],
    ],
    ids=lambda args: " ".join(args),
)
def test_damaged_file_left_unchanged(tmp_path: Path, args: list[str]):
    data_file = tmp_path / "damaged.json"
    data_file.write_bytes(DAMAGED)
    csv_file = write_csv(tmp_path / "records.csv", [NEW_ROW])
    output = tmp_path / "out.csv"
    placeholders = {"RECORDS": str(csv_file), "OUTPUT": str(output)}
    args = [placeholders.get(arg, arg) for arg in args]

    result = invoke("--data-file", str(data_file), *args)

    assert_clean_failure(result)
    assert str(data_file) in result.stderr
    assert "not valid JSON" in result.stderr
    assert data_file.read_bytes() == DAMAGED
    assert not output.exists()


def test_data_file_is_a_folder(tmp_path: Path):
    result = invoke("--data-file", str(tmp_path), "summary", "--quarter", "2023-Q3")

    assert_clean_failure(result)
    assert str(tmp_path) in result.stderr


def test_unknown_command_is_usage_error():
    result = invoke("sumary")

    assert result.exit_code == 2
    assert "Traceback" not in result.output
