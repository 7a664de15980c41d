"""The export package is core: the CLI and the TUI both call it, so it loads neither."""

from __future__ import annotations

import subprocess
import sys

IMPORT_EXPORT = """
import sys

import sendias_tui.export.files
import sendias_tui.export.record_duplicates
import sendias_tui.export.records_csv
import sendias_tui.export.redirects_csv
import sendias_tui.export.summary_files
import sendias_tui.export.summary_xlsx

print(sorted(name for name in ("textual", "typer") if name in sys.modules))
"""


def test_export_imports_without_front_ends():
    result = subprocess.run(
        [sys.executable, "-c", IMPORT_EXPORT], capture_output=True, text=True, check=False
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
