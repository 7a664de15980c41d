"""A TinyDB storage that never leaves a half-written data file.

Each write goes to a temporary file in the same folder, which is flushed and
fsynced and then renamed over the data file with ``os.replace``, so a crash
leaves either the old file or the new one. A file that cannot be parsed stops
the program instead of being overwritten.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

from tinydb.storages import Storage

from sendias_tui.storage.errors import DataFileError, StorageWriteError

OWNER_ONLY = 0o600


def fsync_directory(folder: Path) -> None:
    """Make a rename in ``folder`` durable; a no-op where directories cannot be opened."""
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(handle)
    except OSError:
        pass
    finally:
        os.close(handle)


def write_atomically(path: Path, text: str) -> None:
    """Replace ``path`` with ``text`` so that readers see the old or the new file, never a mix.

    The new file is readable and writable by its owner only.

    Raises:
        StorageWriteError: the folder is not writable, the disk is full, or
            another OS error stopped the write. ``path`` is unchanged.
    """
    folder = path.parent
    try:
        handle, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as error:
        raise StorageWriteError(path, error.strerror or str(error)) from error
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as temp_file:
            temp_file.write(text)
            temp_file.flush()
            os.fsync(temp_file.fileno())
        os.chmod(temp_name, OWNER_ONLY)
        os.replace(temp_name, path)
    except OSError as error:
        try:
            os.unlink(temp_name)
        except OSError:
            pass
        raise StorageWriteError(path, error.strerror or str(error)) from error
    fsync_directory(folder)


def parse_data_file(path: Path, text: str) -> dict[str, Any]:
    """Parse the text of a data file and check its outer shape.

    Raises:
        DataFileError: the text is empty, not JSON, or not an object of tables.
    """
    if not text.strip():
        raise DataFileError(path, "is empty (0 records could be read); it may have been cut short")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise DataFileError(
            path,
            f"is not valid JSON (line {error.lineno}, column {error.colno}: {error.msg}); "
            "it may be truncated or edited by hand",
        ) from None
    if not isinstance(data, dict) or not all(isinstance(table, dict) for table in data.values()):
        raise DataFileError(path, "is valid JSON but not a sendias data file")
    return data


class AtomicJSONStorage(Storage):
    """TinyDB storage over one JSON file, kept in memory between writes."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        self._text: str | None = None

    def read(self) -> dict[str, Any] | None:
        if self._text is None:
            if not self.path.exists():
                return None
            try:
                self._text = self.path.read_text(encoding="utf-8")
            except UnicodeDecodeError:
                raise DataFileError(self.path, "is not a text file") from None
            except OSError as error:
                raise DataFileError(self.path, f"cannot be read ({error.strerror})") from error
            parse_data_file(self.path, self._text)
        # A fresh parse each time: TinyDB mutates what read() returns before
        # calling write(), and a failed write must not leave that in memory.
        return json.loads(self._text)

    def write(self, data: dict[str, Any]) -> None:
        text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        write_atomically(self.path, text)
        self._text = text

    def close(self) -> None:
        pass
