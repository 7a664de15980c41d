"""The core must load without the terminal front ends, so both can share it."""

from __future__ import annotations

import subprocess
import sys

IMPORT_CORE = """
import importlib
import pkgutil
import sys

import sendias_tui.domain
import sendias_tui.report
import sendias_tui.storage

for package in (sendias_tui.domain, sendias_tui.report):
    for module in pkgutil.iter_modules(package.__path__, package.__name__ + "."):
        importlib.import_module(module.name)
import sendias_tui.report.render
import sendias_tui.report.summary

print(sorted(name for name in ("textual", "typer") if name in sys.modules))
"""


def test_core_imports_without_textual_or_typer():
    result = subprocess.run(
        [sys.executable, "-c", IMPORT_CORE], capture_output=True, text=True, check=False
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
