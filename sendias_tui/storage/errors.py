"""Errors the storage layer raises, worded for the person at the terminal."""

from __future__ import annotations

from pathlib import Path


class DataFileError(Exception):
    """The data file cannot be used as it is. It is left untouched."""

    def __init__(self, path: Path, problem: str) -> None:
        self.path = path
        self.problem = problem
        super().__init__(f"The data file {path} {problem}. It has not been changed.")


class StorageWriteError(Exception):
    """A save failed; the data file still contains what it contained before."""

    def __init__(self, path: Path, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(
            f"Could not save to {path}: {reason}. Nothing was changed; try again once it is fixed."
        )


class StorageLockedError(StorageWriteError):
    """Another program kept the data file locked for longer than the lock timeout."""

    def __init__(self, path: Path, holder: str, timeout: float) -> None:
        self.holder = holder
        self.timeout = timeout
        super().__init__(path, f"{holder} is saving to it and did not finish within {timeout:g} seconds")
        message = (
            f"Could not save to {path}: {holder} is saving to it and did not finish within "
            f"{timeout:g} seconds. Nothing was changed; try again in a moment."
        )
        self.args = (message,)


class BackupError(Exception):
    """A backup cannot be restored as it is. The data file is left untouched."""

    def __init__(self, path: Path, problem: str) -> None:
        self.path = path
        self.problem = problem
        super().__init__(f"The backup {path} {problem}. Nothing was restored.")
