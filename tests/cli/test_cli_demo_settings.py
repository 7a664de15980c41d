"""``sendias demo`` and ``sendias settings``."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import typer
from cli_helpers import assert_clean_failure, invoke
from synthetic_rows import new_enquiry

from sendias_tui.cli import app
from sendias_tui.storage import EnquiryStore


def test_demo_fills_empty_file(data_file: Path):
    result = invoke("--data-file", str(data_file), "demo")

    assert result.exit_code == 0, result.output
    with EnquiryStore(data_file) as store:
        count = store.count()
        assert count > 0
        assert store.between(date(2023, 7, 1), date(2023, 9, 30))
    assert f"Added {count} synthetic demo enquiries" in result.stdout


def test_demo_refuses_file_with_records(data_file: Path):
    with EnquiryStore(data_file, user="test") as store:
        store.add(new_enquiry(date(2023, 7, 3)))
    before = data_file.read_bytes()

    result = invoke("--data-file", str(data_file), "demo")

    assert_clean_failure(result)
    assert result.exit_code == 1
    assert str(data_file) in result.stderr
    assert "already has records" in result.stderr
    assert data_file.read_bytes() == before


def test_settings_show_defaults_without_creating_file(data_file: Path):
    result = invoke("--data-file", str(data_file), "settings")

    assert result.exit_code == 0, result.output
    assert "Quarter scheme: calendar" in result.stdout
    assert "not created yet" in result.stdout
    assert not data_file.exists()


def test_settings_quarter_scheme_set_and_shown(data_file: Path):
    changed = invoke("--data-file", str(data_file), "settings", "quarter-scheme", "financial")
    settings_listed = invoke("--data-file", str(data_file), "settings")
    scheme_listed = invoke("--data-file", str(data_file), "settings", "quarter-scheme")

    assert changed.exit_code == 0, changed.output
    assert "set to financial" in changed.stdout
    assert "Quarter scheme: financial (Q1 is April to June)" in settings_listed.stdout
    assert "Quarter scheme: financial" in scheme_listed.stdout
    with EnquiryStore(data_file) as store:
        assert store.get_setting("quarter_scheme") == "financial"


def test_settings_rejects_unknown_scheme(data_file: Path):
    result = invoke("--data-file", str(data_file), "settings", "quarter-scheme", "monthly")

    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert "'monthly' is not one of 'calendar', 'financial'" in result.stderr
    assert not data_file.exists()


def test_stored_unknown_scheme_explained(data_file: Path):
    with EnquiryStore(data_file, user="test") as store:
        store.set_setting("quarter_scheme", "lunar")

    result = invoke("--data-file", str(data_file), "summary", "--quarter", "2023-Q3")

    assert_clean_failure(result)
    assert "unknown quarter scheme 'lunar'" in result.stderr


def all_commands(command, path=("sendias",)):
    yield path, command
    for name, child in getattr(command, "commands", {}).items():
        yield from all_commands(child, (*path, name))


def test_every_parameter_has_help():
    root = typer.main.get_command(app)

    for path, command in all_commands(root):
        assert command.help, f"{' '.join(path)} has no help"
        for parameter in command.params:
            assert getattr(parameter, "help", None), f"{' '.join(path)} {parameter.name} has no help"


def test_help_prints_without_error():
    for command in ([], ["summary"], ["import"], ["export"], ["demo"], ["settings"], ["settings", "quarter-scheme"]):
        result = invoke(*command, "--help")

        assert result.exit_code == 0, result.output
        assert "Usage: " in result.stdout

