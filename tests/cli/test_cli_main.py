"""The console script's last guard: an unexpected error ends in one line, not a traceback."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from sendias_tui import cli
from sendias_tui.storage import EnquiryStore


def fail_to_build(*args, **kwargs):
    raise RuntimeError("synthetic failure")


def test_unexpected_error_prints_one_line(data_file: Path, monkeypatch, capsys):
    EnquiryStore(data_file, user="test").close()
    monkeypatch.setattr(cli.summary, "build_full_report", fail_to_build)
    monkeypatch.setattr(sys, "argv", ["sendias", "--data-file", str(data_file), "summary", "--quarter", "2023-Q3"])
    monkeypatch.delenv(cli.DEBUG_ENV, raising=False)

    with pytest.raises(SystemExit) as stopped:
        cli.main()

    assert stopped.value.code == 1
    error_output = capsys.readouterr().err
    assert "unexpected error (RuntimeError: synthetic failure)" in error_output
    assert "Traceback" not in error_output


def test_debug_variable_lets_error_through(data_file: Path, monkeypatch):
    EnquiryStore(data_file, user="test").close()
    monkeypatch.setattr(cli.summary, "build_full_report", fail_to_build)
    monkeypatch.setattr(sys, "argv", ["sendias", "--data-file", str(data_file), "summary", "--quarter", "2023-Q3"])
    monkeypatch.setenv(cli.DEBUG_ENV, "1")

    with pytest.raises(RuntimeError, match="synthetic failure"):
        cli.main()
