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
    """A save failed; the data file still holds what it held before."""

    def __init__(self, path: Path, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(
            f"Could not save to {path}: {reason}. Nothing was changed; try again once it is fixed."
        )
