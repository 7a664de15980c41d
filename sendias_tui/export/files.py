"""Write export files that only their owner can read, since they describe children."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from sendias_tui.storage.atomic_json import OWNER_ONLY, fsync_directory


class ExportWriteError(Exception):
    """An export file could not be written; any file already at the path is unchanged."""

    def __init__(self, path: Path, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"Could not write {path}: {reason}.")


def write_owner_only(path: Path, data: bytes, *, overwrite: bool = False) -> None:
    """Write ``data`` to a new file at ``path`` that only its owner can read or write.

    Without ``overwrite`` the file is created exclusively, so an existing file
    is never replaced, even one that appears after the caller checked. With
    ``overwrite`` the data goes to a temporary file that is then renamed over
    ``path``, so a failed write leaves the old file whole.

    Raises:
        FileExistsError: ``path`` exists and ``overwrite`` is false.
        ExportWriteError: the folder is missing or not writable, the disk is
            full, or another OS error stopped the write.
    """
    if overwrite:
        _replace_file(path, data)
        return
    try:
        handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, OWNER_ONLY)
    except FileExistsError:
        raise
    except OSError as error:
        raise ExportWriteError(path, error.strerror or str(error)) from error
    try:
        with os.fdopen(handle, "wb") as output:
            # The umask can only take permissions away, but an explicit chmod
            # makes sure the owner can read the file back.
            os.fchmod(output.fileno(), OWNER_ONLY)
            output.write(data)
            output.flush()
            os.fsync(output.fileno())
    except OSError as error:
        _remove_quietly(path)
        raise ExportWriteError(path, error.strerror or str(error)) from error


def _replace_file(path: Path, data: bytes) -> None:
    try:
        handle, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as error:
        raise ExportWriteError(path, error.strerror or str(error)) from error
    try:
        with os.fdopen(handle, "wb") as output:
            output.write(data)
            output.flush()
            os.fsync(output.fileno())
        os.chmod(temp_name, OWNER_ONLY)
        os.replace(temp_name, path)
    except OSError as error:
        _remove_quietly(Path(temp_name))
        raise ExportWriteError(path, error.strerror or str(error)) from error
    fsync_directory(path.parent)


def _remove_quietly(path: Path) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass
