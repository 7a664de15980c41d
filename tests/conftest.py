"""Fixtures shared by every test folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from sendias_tui.domain.categories import Categories, default_categories
from sendias_tui.storage import EnquiryStore


@pytest.fixture
def categories() -> Categories:
    return default_categories()


@pytest.fixture
def data_file(tmp_path: Path) -> Path:
    """Return a data file path under tmp_path that does not exist yet."""
    return tmp_path / "sendias.json"


@pytest.fixture
def store(data_file: Path):
    with EnquiryStore(data_file, user="test") as opened:
        yield opened


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep every test away from the real user data directory."""
    monkeypatch.setenv("SENDIAS_DATA_FILE", str(tmp_path / "default-sendias.json"))
