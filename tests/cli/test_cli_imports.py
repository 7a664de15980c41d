"""The command line loads the file-format libraries only for the commands that write those files."""

from __future__ import annotations

import subprocess
import sys

HEAVY = ("openpyxl", "docx", "matplotlib", "numpy", "textual")

IMPORT_CLI = f"""
import sys

import sendias_tui.cli

print(sorted(name for name in {HEAVY!r} if name in sys.modules))
"""


def test_cli_import_skips_format_libraries():
    result = subprocess.run(
        [sys.executable, "-c", IMPORT_CLI], capture_output=True, text=True, check=False
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
