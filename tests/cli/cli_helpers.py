"""Run the ``sendias`` command in-process and write records files for it."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from synthetic_rows import csv_text
from typer.testing import CliRunner, Result

from sendias_tui.cli import app
from sendias_tui.export.records_csv import COLUMNS

WIDE_TERMINAL = {"COLUMNS": "200"}
"""Rich reads COLUMNS, so a wide value keeps each table row on one line."""


def invoke(*args: str, env: Mapping[str, str | None] | None = None) -> Result:
    """Run ``sendias ARGS`` and return the result, with stdout and stderr apart."""
    return CliRunner().invoke(app, list(args), env={**WIDE_TERMINAL, **(env or {})})


def assert_clean_failure(result: Result) -> None:
    """Check that a command failed with a message and without a traceback."""
    assert result.exit_code != 0
    assert isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    assert result.stderr.strip()


def write_csv(
    path: Path,
    rows: list[dict[str, str]],
    *,
    columns: tuple[str, ...] | list[str] = COLUMNS,
    encoding: str = "utf-8",
) -> Path:
    """Write a records CSV file with ``columns`` as its header."""
    path.write_bytes(csv_text(rows, columns).encode(encoding))
    return path


def row_figures(output: str, label: str) -> list[str]:
    """Return the figures printed after ``label`` on the one line that starts with it."""
    lines = [line.strip() for line in output.splitlines() if line.strip().startswith(label)]
    assert len(lines) == 1, f"expected one line starting {label!r}, found {lines}"
    return lines[0][len(label):].split()
