"""Paths of the files sendias keeps, from platformdirs and the environment."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_path

APP_NAME = "sendias"
DATA_FILE_ENV = "SENDIAS_DATA_FILE"
"""Environment variable that selects another data file."""


def default_data_file() -> Path:
    """Return the data file in the user data directory (for example ~/.local/share/sendias)."""
    return user_data_path(APP_NAME, appauthor=False) / "sendias.json"


def resolve_data_file(option: str | os.PathLike[str] | None = None) -> Path:
    """Return the data file to use: the option, else SENDIAS_DATA_FILE, else the default."""
    if option:
        return Path(option).expanduser()
    from_env = os.environ.get(DATA_FILE_ENV)
    if from_env:
        return Path(from_env).expanduser()
    return default_data_file()
