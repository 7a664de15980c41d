"""Schema versions of the data file, and the steps that bring old files forward.

The version lives in the ``meta`` table (document 1, ``schema_version``).

- Version 1: the snapshot alone holds every record.
- Version 2: saves since the last snapshot rewrite are in the journal beside
  it (``<data file>.journal``). A version 1 program would read only the
  snapshot, miss those saves and then overwrite the file without them, so it
  must reject a version 2 file, which it does for any newer version.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from sendias_tui.storage.errors import DataFileError
from sendias_tui.storage.snapshot import Tables

SCHEMA_VERSION = 2
"""Version of the data file layout this program writes; it reads this and every older one."""

META_TABLE = "meta"
META_KEY = "1"


def schema_version(path: Path, data: Tables) -> int | None:
    """Return the file's schema version, or None for a file with no records and no version yet.

    Raises:
        DataFileError: the file has records but no valid version.
    """
    meta = data.get(META_TABLE, {}).get(META_KEY)
    if meta is None:
        if data.get("enquiries") or data.get("redirects"):
            raise DataFileError(path, "has records but no schema version")
        return None
    version = meta.get("schema_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise DataFileError(path, "has no valid schema version")
    return version


def check_schema(path: Path, data: Tables) -> None:
    """Reject a file this program cannot read.

    Raises:
        DataFileError: the file has records without a valid version, or was
            written by a newer version of sendias.
    """
    version = schema_version(path, data)
    if version is not None and version > SCHEMA_VERSION:
        raise DataFileError(
            path,
            f"was written by a newer version of sendias (data format {version}; "
            f"this version reads up to {SCHEMA_VERSION}). Upgrade sendias to open it",
        )


def needs_migration(path: Path, data: Tables) -> bool:
    """Return whether ``data`` is in an older layout than ``SCHEMA_VERSION``."""
    version = schema_version(path, data)
    return version is not None and version < SCHEMA_VERSION


def _journal_beside_snapshot(data: Tables) -> None:
    """Move from version 1 to 2.

    The documents keep their layout. What changes is where recent saves
    live, and the storage adds the snapshot id that ties the journal to the
    snapshot whenever it writes one.
    """


MIGRATIONS: dict[int, Callable[[Tables], None]] = {1: _journal_beside_snapshot}
"""Step from each version to the next, changing the data in place."""


def migrate(path: Path, data: Tables) -> int:
    """Bring ``data`` forward to ``SCHEMA_VERSION`` in place and return the version it had.

    Raises:
        DataFileError: the version is invalid or newer than this program.
    """
    check_schema(path, data)
    original = schema_version(path, data)
    if original is None:
        return SCHEMA_VERSION
    version = original
    while version < SCHEMA_VERSION:
        MIGRATIONS[version](data)
        version += 1
        data[META_TABLE][META_KEY]["schema_version"] = version
    return original
