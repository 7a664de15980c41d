"""Backups of the data file, and restoring one.

Backups live in a folder beside the data file, ``<stem>-backups`` (for
``sendias.json``, ``sendias-backups``), named by when and why they were made:
``sendias-20240501-101500-daily.json``. The store makes one before a
migration and one a day on the first write; ``backup_now`` makes one on
request. After each, only the newest ``keep`` backups are kept.

Restoring keeps a byte-for-byte copy of the files it replaces (the snapshot
and, beside it, the journal), so a restore can itself be undone, even when the
data file it replaced was damaged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from sendias_tui.storage.atomic_json import write_atomically
from sendias_tui.storage.errors import BackupError, DataFileError, StorageWriteError
from sendias_tui.storage.journal import apply_ops, journal_path_for, read_journal
from sendias_tui.storage.journal_storage import JournalStorage, snapshot_id_of
from sendias_tui.storage.locking import DataFileLock
from sendias_tui.storage.migrations import META_KEY, META_TABLE, check_schema, migrate
from sendias_tui.storage.snapshot import Tables, parse_snapshot

DEFAULT_KEEP = 10
"""Backups kept when the ``backups_to_keep`` setting is not set."""
KEEP_SETTING = "backups_to_keep"
"""Store setting: how many backups to keep, at least 1."""

REASONS = ("daily", "manual", "before-migration", "before-restore")
_STAMP_FORMAT = "%Y%m%d-%H%M%S"
_NAME_PATTERN = re.compile(
    r"^(?P<stamp>\d{8}-\d{6})-(?P<reason>" + "|".join(REASONS) + r")(?:-(?P<count>\d+))?\.json$"
)


@dataclass(frozen=True)
class Backup:
    """One backup file."""

    path: Path
    created: datetime
    """When it was made, local time, to the second."""
    reason: str
    """One of ``REASONS``."""

    @property
    def name(self) -> str:
        return self.path.name


def now() -> datetime:
    """Return the local time to the second that backups are named and dated by."""
    return datetime.now().replace(microsecond=0)


def backup_folder(data_file: Path) -> Path:
    """Return the folder that contains the backups of ``data_file``."""
    return data_file.with_name(f"{data_file.stem}-backups")


def list_backups(data_file: Path) -> list[Backup]:
    """Return the backups of ``data_file``, newest first."""
    found = sorted(_scan(data_file), key=lambda item: (item[0], item[1]), reverse=True)
    return [backup for _, _, backup in found]


def _scan(data_file: Path) -> list[tuple[datetime, int, Backup]]:
    """Return each backup with its time and its number within that second."""
    folder = backup_folder(data_file)
    prefix = f"{data_file.stem}-"
    found = []
    try:
        entries = list(folder.iterdir())
    except (FileNotFoundError, NotADirectoryError):
        return []
    for entry in entries:
        if not entry.name.startswith(prefix):
            continue
        match = _NAME_PATTERN.match(entry.name[len(prefix) :])
        if match is None:
            continue
        created = datetime.strptime(match["stamp"], _STAMP_FORMAT)
        found.append((created, int(match["count"] or 1), Backup(entry, created, match["reason"])))
    return found


def has_backup_on(data_file: Path, day: date, reason: str) -> bool:
    """Return whether a backup for ``reason`` was made on ``day``."""
    return any(b.created.date() == day and b.reason == reason for b in list_backups(data_file))


def _new_backup_path(data_file: Path, reason: str) -> tuple[Path, datetime]:
    folder = backup_folder(data_file)
    try:
        folder.mkdir(mode=0o700, exist_ok=True)
    except OSError as error:
        raise StorageWriteError(folder, f"the backup folder cannot be created ({error.strerror})") from error
    made = now()
    stem = f"{data_file.stem}-{made.strftime(_STAMP_FORMAT)}-{reason}"
    # Backups made in the same second are numbered on, past any that
    # rotation deleted, so that the newest always sorts last.
    count = 1 + max((n for created, n, _ in _scan(data_file) if created == made), default=0)
    path = folder / (f"{stem}.json" if count == 1 else f"{stem}-{count}.json")
    while path.exists():
        count += 1
        path = folder / f"{stem}-{count}.json"
    return path, made


def copy_as_backup(data_file: Path, reason: str) -> Backup | None:
    """Copy the data file and its journal byte for byte into a new backup.

    Returns:
        The backup, or None when there is no data file to copy.

    Raises:
        StorageWriteError: a file could not be read or the copy written.
    """
    try:
        snapshot = data_file.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as error:
        raise StorageWriteError(data_file, f"it could not be read to back it up ({error.strerror})") from error
    try:
        journal: bytes | None = journal_path_for(data_file).read_bytes()
    except FileNotFoundError:
        journal = None
    except OSError as error:
        raise StorageWriteError(data_file, f"its journal could not be read to back it up ({error.strerror})") from error
    path, made = _new_backup_path(data_file, reason)
    if journal is not None:
        write_atomically(journal_path_for(path), journal)
    write_atomically(path, snapshot)
    return Backup(path, made, reason)


def rotate_backups(data_file: Path, keep: int) -> list[Path]:
    """Delete all but the newest ``keep`` backups (at least one is kept) and return what was deleted."""
    deleted = []
    for backup in list_backups(data_file)[max(1, keep) :]:
        for path in (backup.path, journal_path_for(backup.path)):
            try:
                path.unlink()
                deleted.append(path)
            except FileNotFoundError:
                pass
            except OSError:
                # NOTE: a backup that cannot be deleted is left for the next
                # rotation; failing the save over it would be worse.
                pass
    return deleted


def resolve_backup(data_file: Path, name_or_path: str | Path) -> Path:
    """Find a backup given as a path or as a file name in the backup folder.

    Raises:
        BackupError: no such file.
    """
    given = Path(name_or_path).expanduser()
    for candidate in (given, backup_folder(data_file) / given.name):
        if candidate.is_file():
            return candidate
    raise BackupError(given, f"was not found (the backups of this data file are in {backup_folder(data_file)})")


def read_backup(path: Path) -> Tables:
    """Read a backup, with its journal if it has one, and bring it to the current schema.

    Raises:
        BackupError: the backup is missing, damaged or from a newer version.
    """
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise BackupError(path, f"cannot be read ({error.strerror or error})") from error
    try:
        data = parse_snapshot(path, raw)
        check_schema(path, data)
        journal = read_journal(journal_path_for(path), snapshot_id_of(data))
        apply_ops(data, journal.ops)
        migrate(path, data)
    except DataFileError as error:
        raise BackupError(error.path, error.problem) from error
    return data


def restore_backup(
    data_file: Path,
    backup: Backup | Path | str,
    *,
    lock: DataFileLock | None = None,
    storage: JournalStorage | None = None,
) -> Backup | None:
    """Make the data file hold what ``backup`` holds, after copying what it held into a new backup.

    Works when the current data file is damaged, so that a damaged file can
    be replaced.

    Args:
        data_file: the data file to replace.
        backup: the backup, its path, or its file name in the backup folder.
        lock: the data file's lock, when the caller already has one.
        storage: the open store's storage, so that it picks up the restored data.

    Returns:
        The copy of what was replaced, or None when there was no data file.

    Raises:
        BackupError: the backup is missing or cannot be read; nothing changed.
        StorageWriteError: the copy or the new data file could not be
            written; the data file is as it was.
    """
    path = backup.path if isinstance(backup, Backup) else resolve_backup(data_file, backup)
    data = read_backup(path)
    lock = lock or (storage.lock if storage else DataFileLock(data_file))
    storage = storage or JournalStorage(data_file, lock=lock, validate=check_schema)
    with lock.hold():
        _keep_id_counters(data, _current_counters(storage))
        replaced = copy_as_backup(data_file, "before-restore")
        storage.replace_all(data)
    return replaced


def _current_counters(storage: JournalStorage) -> dict[str, int]:
    """Return the next-id counters of the data file being replaced, or none if it cannot be read."""
    try:
        storage.refresh()
    except DataFileError:
        return {}
    meta = (storage.read() or {}).get(META_TABLE, {}).get(META_KEY, {})
    return {key: value for key, value in meta.items() if key.startswith("next_") and isinstance(value, int)}


def _keep_id_counters(data: Tables, current: dict[str, int]) -> None:
    """Raise the restored data's next-id counters to the current ones, so no id is given twice."""
    meta = data.get(META_TABLE, {}).get(META_KEY)
    if meta is None:
        return
    for key, value in current.items():
        if isinstance(meta.get(key), int):
            meta[key] = max(meta[key], value)
