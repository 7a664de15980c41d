"""A TinyDB storage that appends each save to a journal and folds it into the snapshot later.

TinyDB's own storages rewrite the whole file on every change, which takes
seconds at 100,000 records. Here the data stays in memory. A change made
through ``JournalTable`` is appended to the journal as one fsynced line with
the changed documents, and the snapshot is rewritten (atomically) only when
the journal has grown past a limit. Every write holds the data
file's lock and first reads what other programs saved since, so two programs
can write to one file without losing each other's saves.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator, MutableMapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tinydb import TinyDB
from tinydb.storages import Storage
from tinydb.table import Table

from sendias_tui.storage.atomic_json import write_atomically
from sendias_tui.storage.errors import StorageWriteError
from sendias_tui.storage.journal import (
    JournalRead,
    append_line,
    apply_ops,
    entry_line,
    header_line,
    journal_path_for,
    read_journal,
    start_journal,
)
from sendias_tui.storage.locking import DataFileLock
from sendias_tui.storage.snapshot import (
    Tables,
    dump_snapshot,
    parse_snapshot,
    read_snapshot_text,
)

JOURNAL_TABLE = "journal"
"""Snapshot table holding the id that ties the journal to this snapshot."""

MIN_JOURNAL_LIMIT = 256 * 1024
"""Journal size, in bytes, below which the snapshot is never rewritten."""

Changes = set[tuple[str, str]] | None
"""``(table, doc_id)`` pairs that changed, or None when everything may have."""

_MISSING = object()
_MIN_OP_BYTES = len('["del","t","1"],')
_READ_ATTEMPTS = 3


def _copy_json(value: Any) -> Any:
    """Return a deep copy of JSON data, several times faster than ``copy.deepcopy``."""
    if isinstance(value, dict):
        return {key: _copy_json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_copy_json(item) for item in value]
    return value


def _signature(status: os.stat_result) -> tuple[int, int, int, int]:
    """Return the stat fields that change whenever a file is written or replaced."""
    return (status.st_dev, status.st_ino, status.st_size, status.st_mtime_ns)


def snapshot_id_of(data: Tables) -> str | None:
    """Return the id in ``data`` that its journal must carry, or None (files before the journal)."""
    entry = data.get(JOURNAL_TABLE, {}).get("1", {})
    value = entry.get("snapshot_id")
    return value if isinstance(value, str) else None


@dataclass
class _Transaction:
    depth: int = 0
    originals: dict[tuple[str, str], Any] = field(default_factory=dict)
    """First value seen of every document touched, or ``_MISSING``; used to roll back and to find changes."""


@dataclass
class _DiskState:
    """The versions of the snapshot and journal that the data in memory came from."""

    snapshot: tuple[int, int, int, int] | None = None
    snapshot_size: int = 0
    journal: JournalRead = field(default_factory=JournalRead)


class JournalStorage(Storage):
    """TinyDB storage over a snapshot file and its journal.

    ``read()`` returns the data held in memory, not a copy: only
    ``JournalTable`` may change it, inside ``transaction()``.
    """

    def __init__(
        self,
        path: Path,
        *,
        lock: DataFileLock,
        validate: Callable[[Path, Tables], None] | None = None,
        journal_limit: int | None = None,
    ) -> None:
        """Prepare the storage; ``load()`` reads the files.

        Args:
            path: the snapshot, which is the data file people see.
            lock: the lock that every write holds.
            validate: called with each snapshot read, to reject, for
                example, a schema version newer than this program.
            journal_limit: journal size in bytes after which the next write
                first rewrites the snapshot. By default an eighth of the
                snapshot's size, and at least ``MIN_JOURNAL_LIMIT``.
        """
        self.path = path
        self.journal_path = journal_path_for(path)
        self.lock = lock
        self._validate = validate
        self._journal_limit = journal_limit
        self._data: Tables | None = None
        self._disk = _DiskState()
        self._transaction: _Transaction | None = None
        self.listeners: list[Callable[[Changes], None]] = []
        """Called after the data in memory changed, with what changed."""
        self.appended = False
        """Whether this storage has appended to the journal since it was opened."""

    # TinyDB's storage interface

    def read(self) -> Tables | None:
        return self._data

    def write(self, data: Tables) -> None:
        """Replace everything, as TinyDB's ``drop_tables`` does, with a full snapshot rewrite."""
        self.replace_all(data)

    def close(self) -> None:
        pass

    # Reading the files

    def load(self) -> None:
        """Read the snapshot and replay its journal.

        Raises:
            DataFileError: the snapshot or the journal is damaged, or
                ``validate`` rejected the snapshot. Neither file is changed.
        """
        self._install(self._read_consistent())

    def _read_consistent(self) -> tuple[Tables | None, _DiskState]:
        """Read both files, retrying when another program replaced the snapshot meanwhile."""
        for _ in range(_READ_ATTEMPTS):
            found = self._read_files()
            if found is not None:
                return found
        with self.lock.hold():
            found = self._read_files()
        assert found is not None, "the snapshot changed while this program held the lock"
        return found

    def _read_files(self) -> tuple[Tables | None, _DiskState] | None:
        """Read the snapshot and then the journal; return None if the snapshot changed meanwhile."""
        try:
            text, status = read_snapshot_text(self.path)
        except FileNotFoundError:
            return None, _DiskState()
        data = parse_snapshot(self.path, text)
        del text
        if self._validate is not None:
            self._validate(self.path, data)
        journal = read_journal(self.journal_path, snapshot_id_of(data))
        try:
            if _signature(os.stat(self.path)) != _signature(status):
                return None
        except FileNotFoundError:
            return None
        apply_ops(data, journal.ops)
        journal.ops = []
        return data, _DiskState(_signature(status), status.st_size, journal)

    def _install(self, found: tuple[Tables | None, _DiskState]) -> None:
        self._data, self._disk = found
        self._notify(None)

    def _notify(self, changes: Changes) -> None:
        if changes is not None and not changes:
            return
        for listener in self.listeners:
            listener(changes)

    def refresh(self) -> bool:
        """Read what other programs saved since the last read.

        Returns:
            Whether anything changed.

        Raises:
            DataFileError: a file became damaged; the data in memory is kept.
        """
        with self.lock.thread_lock:
            try:
                changes = self._read_changes()
            except FileNotFoundError:
                # The next save raises StorageWriteError for this; until
                # then the data in memory is kept.
                return False
        self._notify(changes)
        return changes is None or bool(changes)

    def _reload(self) -> None:
        """Read both files again, keeping the data in memory if the snapshot has gone."""
        data, disk = self._read_consistent()
        if data is None and self._data is not None:
            raise FileNotFoundError(self.path)
        self._data, self._disk = data, disk

    def _read_changes(self) -> Changes:
        """Bring the data in memory up to date with the files and return what changed.

        Raises:
            FileNotFoundError: the snapshot read before is not there any more.
        """
        try:
            snapshot = _signature(os.stat(self.path))
        except FileNotFoundError:
            if self._data is None:
                return set()
            raise
        if snapshot != self._disk.snapshot:
            return self._reload()
        known = self._disk.journal
        try:
            status = os.stat(self.journal_path)
        except FileNotFoundError:
            if known.identity is None:
                return set()
            status = None
        if status is None or (status.st_dev, status.st_ino) != known.identity or status.st_size < known.end:
            # The journal was reset or replaced without a new snapshot, which a
            # writer does after a crash between the two; read both again.
            return self._reload()
        if status.st_size == known.end or not known.matches:
            return set()
        assert self._data is not None
        update = read_journal(
            self.journal_path,
            snapshot_id_of(self._data),
            start=known.end,
            lines_before=known.lines,
        )
        if update.identity != known.identity:
            return self._reload()
        changes = apply_ops(self._data, update.ops)
        update.ops = []
        self._disk.journal = update
        return changes

    # Writing

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Group changes into one journal line, written when the outermost block ends.

        The block runs holding the lock, on data that includes every save
        other programs made before it. If the block raises, or the line
        cannot be written, the data in memory is put back as it was.

        Raises:
            StorageLockedError: another program held the lock too long.
            StorageWriteError: the journal or snapshot could not be written.
            DataFileError: a file became damaged.
        """
        with self.lock.hold():
            if self._transaction is not None:
                self._transaction.depth += 1
                try:
                    yield
                finally:
                    self._transaction.depth -= 1
                return
            self._notify(self._changes_before_write())
            self._compact_if_due()
            transaction = self._transaction = _Transaction()
            try:
                yield
                changes = self._commit(transaction)
            except BaseException:
                self._roll_back(transaction)
                raise
            finally:
                self._transaction = None
        self._notify(changes)

    def _changes_before_write(self) -> Changes:
        try:
            changes = self._read_changes()
        except FileNotFoundError:
            changes = None
        if changes is None and not self.path.exists():
            raise StorageWriteError(
                self.path,
                "the data file is not there any more; it may have been moved or deleted, "
                "or its drive disconnected",
            )
        return changes

    def tracked_table(self, name: str) -> MutableMapping[int, dict[str, Any]]:
        """Return a table of the data in memory whose changes the open transaction records."""
        if self._transaction is None or self._data is None:
            raise RuntimeError("change the data only inside JournalStorage.transaction()")
        return _TrackedDocuments(self, name, self._data.setdefault(name, {}))

    def _remember(self, table: str, key: str, current: Any) -> None:
        assert self._transaction is not None
        originals = self._transaction.originals
        if (table, key) not in originals:
            originals[(table, key)] = _MISSING if current is _MISSING else _copy_json(current)

    def _commit(self, transaction: _Transaction) -> set[tuple[str, str]]:
        assert self._data is not None
        ops: list[list[Any]] = []
        for (table, key), original in transaction.originals.items():
            current = self._data.get(table, {}).get(key, _MISSING)
            if current is _MISSING:
                if original is not _MISSING:
                    ops.append(["del", table, key])
            elif current != original:
                ops.append(["put", table, key, current])
        if not ops:
            return set()
        changed = {(op[1], op[2]) for op in ops}
        snapshot_id = snapshot_id_of(self._data)
        # Every op takes at least _MIN_OP_BYTES, so a batch too large for the
        # journal is recognised before spending time encoding it.
        too_large = len(ops) * _MIN_OP_BYTES > self._limit()
        line = b"" if too_large or snapshot_id is None else entry_line(ops)
        if too_large or snapshot_id is None or len(line) > self._limit():
            # The journal would be folded in at the next write anyway, so a
            # large save (an import) rewrites the snapshot once instead.
            self._write_snapshot(self._data)
            return changed
        if not self._disk.journal.matches:
            self._start_journal(snapshot_id)
        journal = self._disk.journal
        append_line(self.journal_path, journal.end, line, self.path)
        journal.end += len(line)
        journal.lines += 1
        self.appended = True
        return changed

    def _roll_back(self, transaction: _Transaction) -> None:
        assert self._data is not None
        for (table, key), original in transaction.originals.items():
            documents = self._data.setdefault(table, {})
            if original is _MISSING:
                documents.pop(key, None)
            else:
                documents[key] = original

    def _start_journal(self, snapshot_id: str) -> None:
        identity = start_journal(self.journal_path, snapshot_id, self.path)
        self._disk.journal = JournalRead(
            end=len(header_line(snapshot_id)), lines=1, identity=identity, matches=True
        )

    def _limit(self) -> int:
        """Return the journal size in bytes beyond which the snapshot is rewritten."""
        if self._journal_limit is not None:
            return self._journal_limit
        return max(MIN_JOURNAL_LIMIT, self._disk.snapshot_size // 8)

    def _compact_if_due(self) -> None:
        if self._disk.journal.matches and self._disk.journal.end > self._limit():
            assert self._data is not None
            self._write_snapshot(self._data)

    def compact(self) -> None:
        """Fold the journal into a rewritten snapshot now.

        Raises:
            StorageWriteError: the snapshot could not be written; both files
                are as they were.
        """
        with self.lock.hold():
            self._notify(self._changes_before_write())
            assert self._data is not None
            self._write_snapshot(self._data)

    def replace_all(self, data: Tables) -> None:
        """Make ``data`` the whole content of the data file, with an empty journal.

        Used to create a file, to migrate one and to restore a backup. The
        current files need not be readable.

        Raises:
            StorageWriteError: the snapshot could not be written; the files
                are as they were.
        """
        if self._transaction is not None:
            raise RuntimeError("replace_all() cannot run inside a transaction")
        with self.lock.hold():
            self._write_snapshot(data)
            self._data = data
        self._notify(None)

    def _write_snapshot(self, data: Tables) -> None:
        """Write ``data`` as a new snapshot with a new id.

        The old journal names the old id, so from then on it is ignored, and
        the next append replaces it with a journal for the new id.
        """
        previous = data.get(JOURNAL_TABLE)
        snapshot_id = uuid.uuid4().hex
        data[JOURNAL_TABLE] = {"1": {"snapshot_id": snapshot_id}}
        try:
            write_atomically(self.path, dump_snapshot(data))
        except StorageWriteError:
            if previous is None:
                del data[JOURNAL_TABLE]
            else:
                data[JOURNAL_TABLE] = previous
            raise
        status = os.stat(self.path)
        try:
            journal_status = os.stat(self.journal_path)
            stale = JournalRead(
                end=journal_status.st_size,
                identity=(journal_status.st_dev, journal_status.st_ino),
            )
        except FileNotFoundError:
            stale = JournalRead()
        self._disk = _DiskState(_signature(status), status.st_size, stale)


class _TrackedDocuments(MutableMapping[int, dict[str, Any]]):
    """One table of the data in memory, keyed by int ids as TinyDB's updaters expect.

    Every document read or written through it is remembered by the open
    transaction, because TinyDB's ``update`` changes documents in place.
    """

    def __init__(self, storage: JournalStorage, name: str, documents: dict[str, Any]) -> None:
        self._storage = storage
        self._name = name
        self._documents = documents

    def __contains__(self, doc_id: object) -> bool:
        return str(doc_id) in self._documents

    def __getitem__(self, doc_id: int) -> dict[str, Any]:
        key = str(doc_id)
        document = self._documents[key]
        self._storage._remember(self._name, key, document)
        return document

    def __setitem__(self, doc_id: int, document: dict[str, Any]) -> None:
        key = str(doc_id)
        self._storage._remember(self._name, key, self._documents.get(key, _MISSING))
        self._documents[key] = document

    def __delitem__(self, doc_id: int) -> None:
        key = str(doc_id)
        self._storage._remember(self._name, key, self._documents[key])
        del self._documents[key]

    def __iter__(self) -> Iterator[int]:
        return iter([int(key) for key in self._documents])

    def __len__(self) -> int:
        return len(self._documents)


class JournalTable(Table):
    """A TinyDB table whose writes go to the journal instead of rewriting the file."""

    def _update_table(self, updater: Callable[[dict[int, Any]], None]) -> None:
        # NOTE: overrides a private method of TinyDB 4 (4.8 and 4.9 checked).
        # The public write methods all funnel through it, and the original
        # copies the whole table twice per call.
        storage = self._storage
        assert isinstance(storage, JournalStorage)
        with storage.transaction():
            updater(storage.tracked_table(self.name))  # type: ignore[arg-type]
        self.clear_cache()


class JournalTinyDB(TinyDB):
    """TinyDB over a ``JournalStorage``."""

    table_class = JournalTable
