"""Replace a whole file so that a crash leaves either the old file or the new one.

Each write goes to a temporary file in the same folder, which is flushed and
fsynced and then renamed over the target with ``os.replace``.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from sendias_tui.storage.errors import StorageWriteError

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


def write_atomically(path: Path, text: str | bytes) -> None:
    """Replace ``path`` with ``text`` so that readers see the old or the new file, never a mix.

    Text is written as UTF-8; bytes are written as they are.

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
        with os.fdopen(handle, "wb") as temp_file:
            temp_file.write(text.encode("utf-8") if isinstance(text, str) else text)
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
