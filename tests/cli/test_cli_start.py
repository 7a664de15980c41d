"""``sendias`` with no command opens the terminal app on the chosen data file."""

from __future__ import annotations

from pathlib import Path

from cli_helpers import invoke

from sendias_tui.app import SendiasApp


def test_no_command_starts_app(data_file: Path, monkeypatch):
    started: list[Path] = []

    def record_run(app_instance: SendiasApp, *args, **kwargs) -> None:
        started.append(app_instance.store.path)

    monkeypatch.setattr(SendiasApp, "run", record_run)

    result = invoke("--data-file", str(data_file))

    assert result.exit_code == 0, result.output
    assert started == [data_file]
    assert data_file.exists()
