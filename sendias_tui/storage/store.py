"""The enquiry store: every read and write of records goes through here.

Screens and commands use this class only, never TinyDB, so the storage can
change underneath them. Records live in a TinyDB data file plus a journal of
recent saves beside it (see ``journal_storage``). Each write holds a lock on
the file and first reads what other programs saved, so several advisors can
keep the same file open. ``refresh()`` reads those saves without writing.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

from tinydb.table import Document

from sendias_tui.domain.enquiry import Enquiry, RedirectedCall
from sendias_tui.domain.metrics import MonthlyMetrics, PublishedTotals
from sendias_tui.storage import backup as backups
from sendias_tui.storage.enquiry_index import EnquiryIndex
from sendias_tui.storage.errors import DataFileError, StorageWriteError
from sendias_tui.storage.journal_storage import Changes, JournalStorage, JournalTinyDB
from sendias_tui.storage.locking import DEFAULT_LOCK_TIMEOUT, DataFileLock, current_user
from sendias_tui.storage.metrics_store import MetricsStorage
from sendias_tui.storage.migrations import (
    SCHEMA_VERSION,
    check_schema,
    migrate,
    needs_migration,
    schema_version,
)
from sendias_tui.storage.records import (
    enquiry_from_document,
    enquiry_to_document,
    redirect_from_document,
    redirect_to_document,
)
from sendias_tui.storage.snapshot import paused_garbage_collection

__all__ = ["SCHEMA_VERSION", "EnquiryStore", "current_user"]

_META_ID = 1
_ENQUIRIES = "enquiries"
_BULK_CHANGE = 100
"""Changed enquiries above which the index is re-sorted once instead of updated one by one."""


class EnquiryStore(MetricsStorage):
    """Enquiries, redirected calls, settings, monthly metrics and published totals in one TinyDB data file."""

    def __init__(
        self,
        path: Path,
        *,
        user: str | None = None,
        lock_timeout: float = DEFAULT_LOCK_TIMEOUT,
        journal_limit: int | None = None,
    ) -> None:
        """Open the data file at ``path``, creating it (owner-only) if missing.

        An older file is backed up and then migrated to the current schema.

        Args:
            path: the data file.
            user: the name recorded in the audit fields; the login name by default.
            lock_timeout: seconds to wait for another program's write before giving up.
            journal_limit: journal size in bytes after which the data file is
                rewritten; by default an eighth of the data file's size.

        Raises:
            DataFileError: the file is damaged or from a newer version; it is
                left as it was.
            StorageWriteError: a new file, or the backup before a migration,
                could not be written.
        """
        self.path = Path(path)
        self.user = user or current_user()
        self.last_backup_error: StorageWriteError | None = None
        """Why the last automatic daily backup failed, or None; saves go on regardless."""
        if not self.path.exists():
            self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        self._lock = DataFileLock(self.path, timeout=lock_timeout)
        self._storage = JournalStorage(
            self.path, lock=self._lock, validate=check_schema, journal_limit=journal_limit
        )
        self._index: EnquiryIndex | None = None
        self._daily_backup_done: date | None = None
        self._storage.listeners.append(self._on_change)
        self._storage.load()
        self._db = JournalTinyDB(storage=lambda: self._storage)
        self._enquiries = self._db.table(_ENQUIRIES, cache_size=0)
        self._redirects = self._db.table("redirects", cache_size=0)
        self._settings = self._db.table("settings", cache_size=0)
        self._meta = self._db.table("meta", cache_size=0)
        self._prepare_file()

    def _prepare_file(self) -> None:
        """Create the file, or migrate it after a backup, unless it is ready already."""
        data = self._storage.read()
        if data is not None and schema_version(self.path, data) == SCHEMA_VERSION:
            return
        with self._lock.hold():
            self._storage.refresh()
            data = self._storage.read()
            if data is None or schema_version(self.path, data) is None:
                data = data or {}
                data["meta"] = {
                    str(_META_ID): {
                        "schema_version": SCHEMA_VERSION,
                        "next_enquiry_id": 1,
                        "next_redirect_id": 1,
                    }
                }
                self._storage.replace_all(data)
            elif needs_migration(self.path, data):
                backups.copy_as_backup(self.path, "before-migration")
                migrate(self.path, data)
                self._storage.replace_all(data)
                backups.rotate_backups(self.path, self._backups_to_keep())

    def close(self) -> None:
        """Fold this program's journalled saves into the data file, then release it.

        Folding on close leaves the data file complete on its own once every
        program has finished, so copying just that file copies every record.
        A fold that fails, or finds the files damaged, is not an error here:
        the files stay as they are and the next program to open them reads
        the journal or reports the damage.
        """
        if self._storage.appended:
            try:
                self._storage.compact()
            except (StorageWriteError, DataFileError):
                pass
        self._db.close()

    def __enter__(self) -> EnquiryStore:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # Keeping the data in memory current

    def refresh(self) -> bool:
        """Read what other programs saved since this store last read the file.

        Returns:
            Whether anything changed, so that a screen redraws only when needed.

        Raises:
            DataFileError: the file became damaged; what is in memory is kept.
        """
        return self._storage.refresh()

    def _on_change(self, changes: Changes) -> None:
        """Keep the enquiry index in step with the data, one changed record at a time."""
        if self._index is None:
            return
        if changes is None:
            self._index = None
            return
        documents = self._raw_table(_ENQUIRIES)
        keys = [key for table, key in changes if table == _ENQUIRIES]
        removed = [int(key) for key in keys if key not in documents]
        added = [self._to_enquiry(key, documents[key]) for key in keys if key in documents]
        if len(keys) > _BULK_CHANGE:
            self._index.replace_many(removed, added)
            return
        for record_id in removed:
            self._index.remove(record_id)
        for enquiry in added:
            self._index.put(enquiry)

    def _raw_table(self, name: str) -> dict[str, dict[str, Any]]:
        """Return a table's stored documents, keyed by id as text; read-only for callers."""
        data = self._storage.read() or {}
        return data.get(name, {})

    def _to_enquiry(self, key: str, document: dict[str, Any]) -> Enquiry:
        try:
            return enquiry_from_document(document)
        except KeyError as error:
            problem = f"has no field {error.args[0]!r}"
        except (TypeError, ValueError, AttributeError) as error:
            problem = f"has a value that cannot be read ({error})"
        raise DataFileError(
            self.path, f"holds enquiry {key}, which {problem}; restore a backup or correct it"
        )

    def _enquiry_index(self) -> EnquiryIndex:
        if self._index is None:
            documents = self._raw_table(_ENQUIRIES)
            with paused_garbage_collection():
                self._index = EnquiryIndex(self._to_enquiry(key, doc) for key, doc in documents.items())
        return self._index

    @contextmanager
    def _writing(self) -> Iterator[None]:
        """Hold the lock and gather the block's changes into one fsynced journal line."""
        with self._storage.transaction():
            self._back_up_daily()
            yield

    def _take_ids(self, counter: str, count: int) -> int:
        """Reserve ``count`` new ids and return the first; ids are never reused."""
        meta = self._meta.get(doc_id=_META_ID) or {}
        first = int(meta.get(counter, 1))
        self._meta.update({counter: first + count}, doc_ids=[_META_ID])
        return first

    # Enquiries

    def add(self, enquiry: Enquiry) -> Enquiry:
        """Save a new enquiry and return it with its id and audit fields."""
        return self.add_many([enquiry])[0]

    def add_many(self, enquiries: Iterable[Enquiry]) -> list[Enquiry]:
        """Save several new enquiries in one write, as an import does."""
        return self.add_records(enquiries, ())[0]

    def _stamp_new(self, enquiries: Iterable[Enquiry], first_id: int) -> list[Enquiry]:
        """Return copies of new enquiries with consecutive ids from ``first_id`` and audit fields."""
        now = datetime.now().replace(microsecond=0)
        return [
            replace(
                enquiry,
                id=first_id + offset,
                created_at=now,
                created_by=self.user,
                updated_at=now,
                updated_by=self.user,
            )
            for offset, enquiry in enumerate(enquiries)
        ]

    def add_records(
        self,
        enquiries: Iterable[Enquiry],
        redirects: Iterable[RedirectedCall],
        *,
        metrics: Iterable[MonthlyMetrics] = (),
        published_totals: Iterable[PublishedTotals] = (),
    ) -> tuple[list[Enquiry], list[RedirectedCall]]:
        """Save new enquiries and redirected calls in a single write of the data file.

        A failed write saves none of them, so a bulk load such as the demo
        never leaves part of its records behind. ``metrics`` and
        ``published_totals`` go into the same write, each month or quarter
        replacing what was stored for it, as ``replace_metrics_many`` does.
        """
        pending = list(enquiries)
        pending_calls = list(redirects)
        pending_metrics = list(metrics)
        pending_totals = list(published_totals)
        if not (pending or pending_calls or pending_metrics or pending_totals):
            return [], []
        with self._writing():
            self._put(pending_metrics, pending_totals)
            saved = self._stamp_new(pending, self._take_ids("next_enquiry_id", len(pending)))
            first_call = self._take_ids("next_redirect_id", len(pending_calls))
            saved_calls = [replace(call, id=first_call + n) for n, call in enumerate(pending_calls)]
            self._enquiries.insert_multiple(
                Document(enquiry_to_document(enquiry), doc_id=enquiry.id) for enquiry in saved
            )
            self._redirects.insert_multiple(
                Document(redirect_to_document(call), doc_id=call.id) for call in saved_calls
            )
        return saved, saved_calls

    def update(self, enquiry: Enquiry) -> Enquiry:
        """Replace a stored enquiry with ``enquiry``, which carries its id.

        The creation fields are kept from the stored record; the update
        fields are set to now and this store's user.

        Raises:
            KeyError: no enquiry has that id (it may have been deleted,
                possibly by another program).
        """
        with self._writing():
            stored = self._enquiries.get(doc_id=enquiry.id) if enquiry.id is not None else None
            if stored is None:
                raise KeyError(f"enquiry {enquiry.id} not found; it may have been deleted")
            original = self._to_enquiry(str(enquiry.id), stored)
            updated = replace(
                enquiry,
                created_at=original.created_at,
                created_by=original.created_by,
                updated_at=datetime.now().replace(microsecond=0),
                updated_by=self.user,
            )
            self._enquiries.upsert(Document(enquiry_to_document(updated), doc_id=enquiry.id))
        return updated

    def delete(self, record_id: int) -> None:
        """Delete an enquiry. Its id is not given to any later record.

        Raises:
            KeyError: no enquiry has that id.
        """
        with self._writing():
            if not self._enquiries.contains(doc_id=record_id):
                raise KeyError(f"enquiry {record_id} not found")
            self._enquiries.remove(doc_ids=[record_id])

    def get(self, record_id: int) -> Enquiry | None:
        """Return the enquiry with ``record_id``, or None."""
        if self._index is not None:
            return self._index.get(record_id)
        document = self._raw_table(_ENQUIRIES).get(str(record_id))
        return self._to_enquiry(str(record_id), document) if document is not None else None

    def all(self) -> list[Enquiry]:
        """Return every enquiry, newest date first (then newest id first)."""
        return self._enquiry_index().newest_first()

    def between(self, start: date, end: date) -> list[Enquiry]:
        """Return the enquiries received from ``start`` to ``end`` inclusive, newest first."""
        if self._index is not None:
            return self._index.between(start, end)
        # Before anything needs every record, compare the stored ISO dates as
        # text, which sorts like the dates, and build only the matches.
        first, last = start.isoformat(), end.isoformat()
        found = []
        for key, document in self._raw_table(_ENQUIRIES).items():
            received = document.get("date_received")
            if not isinstance(received, str) or first <= received <= last:
                found.append(self._to_enquiry(key, document))
        found = [e for e in found if start <= e.date_received <= end]
        found.sort(key=lambda e: (e.date_received, e.id or 0), reverse=True)
        return found

    def latest(self) -> Enquiry | None:
        """Return the enquiry that ``all()`` lists first, or None when there are none.

        Until something needs every record, this builds only that one, so a
        screen can point to the latest records without loading them all.
        """
        if self._index is not None:
            return self._index.newest()
        documents = self._raw_table(_ENQUIRIES)
        if not documents:
            return None
        # Stored ISO dates sort like the dates, as in between(), and ids
        # (digits without leading zeros) sort like numbers by length first.
        # A document without a readable date may come out on top, and then
        # building it raises DataFileError, as all() would.
        key = max(documents, key=lambda each: (str(documents[each].get("date_received")), len(each), each))
        return self._to_enquiry(key, documents[key])

    def count(self) -> int:
        """Return how many enquiries are stored."""
        return len(self._enquiries)

    def is_empty(self) -> bool:
        """Return whether the file contains no enquiries, redirected calls, metrics or published totals."""
        return len(self._enquiries) == 0 and len(self._redirects) == 0 and not self._has_metrics()

    def latest_for_case(self, case_ref: str) -> Enquiry | None:
        """Return the most recent enquiry with this case reference (any case), or None."""
        wanted = case_ref.strip().casefold()
        if not wanted:
            return None
        for enquiry in self.all():
            if enquiry.case_ref.casefold() == wanted:
                return enquiry
        return None

    # Redirected calls

    def add_redirect(self, call: RedirectedCall) -> RedirectedCall:
        """Save a redirected-call entry and return it with its id."""
        return self.add_records((), [call])[1][0]

    def delete_redirect(self, record_id: int) -> None:
        """Delete a redirected-call entry.

        Raises:
            KeyError: no entry has that id.
        """
        with self._writing():
            if not self._redirects.contains(doc_id=record_id):
                raise KeyError(f"redirected-call entry {record_id} not found")
            self._redirects.remove(doc_ids=[record_id])

    def redirects(self) -> list[RedirectedCall]:
        """Return every redirected-call entry, newest first."""
        calls = [redirect_from_document(document) for document in self._redirects.all()]
        calls.sort(key=lambda c: (c.date_received, c.id or 0), reverse=True)
        return calls

    def redirects_between(self, start: date, end: date) -> list[RedirectedCall]:
        """Return the redirected-call entries from ``start`` to ``end`` inclusive."""
        return [c for c in self.redirects() if start <= c.date_received <= end]

    # Settings

    def get_setting(self, key: str, default: Any = None) -> Any:
        """Return a service setting, or ``default`` when it was never set."""
        document = self._settings.get(doc_id=1)
        return document.get(key, default) if document else default

    def set_setting(self, key: str, value: Any) -> None:
        """Store a service setting."""
        with self._writing():
            document = dict(self._settings.get(doc_id=1) or {})
            document[key] = value
            self._settings.upsert(Document(document, doc_id=1))

    # Backups and upkeep

    def _backups_to_keep(self) -> int:
        keep = self.get_setting(backups.KEEP_SETTING, backups.DEFAULT_KEEP)
        return keep if isinstance(keep, int) and not isinstance(keep, bool) and keep >= 1 else backups.DEFAULT_KEEP

    def _back_up_daily(self) -> None:
        """Copy the data file into a backup on the first write of each day.

        A failed backup does not stop the save; it is stored in
        ``last_backup_error`` and tried again on the next write.
        """
        today = backups.now().date()
        if self._daily_backup_done == today or self.is_empty():
            return
        try:
            if not backups.has_backup_on(self.path, today, "daily"):
                backups.copy_as_backup(self.path, "daily")
                backups.rotate_backups(self.path, self._backups_to_keep())
        except StorageWriteError as error:
            self.last_backup_error = error
            return
        self.last_backup_error = None
        self._daily_backup_done = today

    def backup_now(self) -> backups.Backup:
        """Copy the data file into a new backup now, then drop the oldest beyond the kept number.

        Raises:
            StorageWriteError: the backup could not be written.
            StorageLockedError: another program held the file too long.
        """
        with self._lock.hold():
            made = backups.copy_as_backup(self.path, "manual")
            backups.rotate_backups(self.path, self._backups_to_keep())
        assert made is not None, "the data file exists while the store is open"
        return made

    def list_backups(self) -> list[backups.Backup]:
        """Return the backups of this data file, newest first."""
        return backups.list_backups(self.path)

    def restore(self, backup: backups.Backup | Path | str) -> backups.Backup | None:
        """Replace everything with what ``backup`` holds, keeping a copy of what it replaces.

        Args:
            backup: a backup from ``list_backups()``, a path, or a file name
                in the backup folder.

        Returns:
            The copy of what was replaced.

        Raises:
            BackupError: the backup is missing or damaged; nothing changed.
            StorageWriteError: the copy or the new file could not be written;
                the data file is as it was.
        """
        return backups.restore_backup(self.path, backup, storage=self._storage)

    def compact(self) -> None:
        """Fold the journal into the data file now, instead of when it next passes its limit."""
        self._storage.compact()
