"""The publishing package is core: it loads without the terminal front ends."""

from __future__ import annotations

import subprocess
import sys

IMPORT_PUBLISH = """
import importlib
import pkgutil
import sys

import sendias_tui.publish

for module in pkgutil.iter_modules(sendias_tui.publish.__path__, "sendias_tui.publish."):
    importlib.import_module(module.name)
import sendias_tui.report.figures

print(sorted(name for name in ("textual", "typer") if name in sys.modules))
"""


def test_publish_imports_without_textual_or_typer():
    result = subprocess.run(
        [sys.executable, "-c", IMPORT_PUBLISH], capture_output=True, text=True, check=False
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
