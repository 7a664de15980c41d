"""The enquiry store: every read and write of records goes through here.

Screens and commands use this class only, never TinyDB, so the storage can
change underneath them.
"""

from __future__ import annotations

import getpass
import os
from collections.abc import Iterable
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

from tinydb import TinyDB
from tinydb.table import Document

from sendias_tui.domain.enquiry import Enquiry, RedirectedCall
from sendias_tui.storage.atomic_json import OWNER_ONLY, AtomicJSONStorage
from sendias_tui.storage.errors import DataFileError
from sendias_tui.storage.records import (
    enquiry_from_document,
    enquiry_to_document,
    redirect_from_document,
    redirect_to_document,
)

SCHEMA_VERSION = 1
"""Version of the data file layout this program writes and reads."""

_META_ID = 1


def current_user() -> str:
    """Return the operating-system user name recorded in the audit fields."""
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "unknown"


class EnquiryStore:
    """Enquiries, redirected calls and settings in one TinyDB data file."""

    def __init__(self, path: Path, *, user: str | None = None) -> None:
        """Open the data file at ``path``, creating it (owner-only) if missing.

        Raises:
            DataFileError: the file is damaged or from a newer version; it is
                left as it was.
            StorageWriteError: a new file could not be created.
        """
        self.path = Path(path)
        self.user = user or current_user()
        if not self.path.exists():
            self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        self._db = TinyDB(self.path, storage=AtomicJSONStorage)
        self._enquiries = self._db.table("enquiries", cache_size=0)
        self._redirects = self._db.table("redirects", cache_size=0)
        self._settings = self._db.table("settings", cache_size=0)
        self._meta = self._db.table("meta", cache_size=0)
        self._cached_enquiries: list[Enquiry] | None = None
        self._check_schema()

    def _check_schema(self) -> None:
        meta = self._meta.get(doc_id=_META_ID)
        if meta is None:
            if self._enquiries or self._redirects:
                raise DataFileError(self.path, "has records but no schema version")
            self._meta.insert(
                Document(
                    {"schema_version": SCHEMA_VERSION, "next_enquiry_id": 1, "next_redirect_id": 1},
                    doc_id=_META_ID,
                )
            )
            os.chmod(self.path, OWNER_ONLY)
            return
        version = meta.get("schema_version")
        if not isinstance(version, int):
            raise DataFileError(self.path, "has no valid schema version")
        if version > SCHEMA_VERSION:
            raise DataFileError(
                self.path,
                f"was written by a newer version of sendias (data format {version}; "
                f"this version reads up to {SCHEMA_VERSION}). Upgrade sendias to open it",
            )

    def close(self) -> None:
        """Release the data file."""
        self._db.close()

    def __enter__(self) -> EnquiryStore:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

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
        pending = list(enquiries)
        if not pending:
            return []
        first_id = self._take_ids("next_enquiry_id", len(pending))
        saved = self._stamp_new(pending, first_id)
        self._enquiries.insert_multiple(
            Document(enquiry_to_document(enquiry), doc_id=enquiry.id) for enquiry in saved
        )
        self._cached_enquiries = None
        return saved

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
        self, enquiries: Iterable[Enquiry], redirects: Iterable[RedirectedCall]
    ) -> tuple[list[Enquiry], list[RedirectedCall]]:
        """Save new enquiries and redirected calls in a single write of the data file.

        A failed write saves none of them, so a bulk load such as the demo
        never leaves part of its records behind.
        """
        data = self._db.storage.read() or {}
        meta = data["meta"][str(_META_ID)]
        first_enquiry = int(meta.get("next_enquiry_id", 1))
        first_redirect = int(meta.get("next_redirect_id", 1))
        saved = self._stamp_new(enquiries, first_enquiry)
        saved_calls = [
            replace(call, id=first_redirect + offset) for offset, call in enumerate(redirects)
        ]

        enquiry_table = data.setdefault("enquiries", {})
        for enquiry in saved:
            enquiry_table[str(enquiry.id)] = enquiry_to_document(enquiry)
        redirect_table = data.setdefault("redirects", {})
        for call in saved_calls:
            redirect_table[str(call.id)] = redirect_to_document(call)
        meta["next_enquiry_id"] = first_enquiry + len(saved)
        meta["next_redirect_id"] = first_redirect + len(saved_calls)
        self._db.storage.write(data)
        self._cached_enquiries = None
        return saved, saved_calls

    def update(self, enquiry: Enquiry) -> Enquiry:
        """Replace a stored enquiry with ``enquiry``, which carries its id.

        Raises:
            KeyError: no enquiry has that id (it may have been deleted).
        """
        if enquiry.id is None or not self._enquiries.contains(doc_id=enquiry.id):
            raise KeyError(f"enquiry {enquiry.id} not found; it may have been deleted")
        updated = replace(
            enquiry, updated_at=datetime.now().replace(microsecond=0), updated_by=self.user
        )
        self._enquiries.upsert(Document(enquiry_to_document(updated), doc_id=enquiry.id))
        self._cached_enquiries = None
        return updated

    def delete(self, record_id: int) -> None:
        """Delete an enquiry. Its id is not given to any later record.

        Raises:
            KeyError: no enquiry has that id.
        """
        if not self._enquiries.contains(doc_id=record_id):
            raise KeyError(f"enquiry {record_id} not found")
        self._enquiries.remove(doc_ids=[record_id])
        self._cached_enquiries = None

    def get(self, record_id: int) -> Enquiry | None:
        """Return the enquiry with ``record_id``, or None."""
        document = self._enquiries.get(doc_id=record_id)
        return enquiry_from_document(document) if document else None

    def all(self) -> list[Enquiry]:
        """Return every enquiry, newest date first (then newest id first)."""
        if self._cached_enquiries is None:
            records = [enquiry_from_document(document) for document in self._enquiries.all()]
            records.sort(key=lambda e: (e.date_received, e.id or 0), reverse=True)
            self._cached_enquiries = records
        return list(self._cached_enquiries)

    def between(self, start: date, end: date) -> list[Enquiry]:
        """Return the enquiries received from ``start`` to ``end`` inclusive, newest first."""
        return [e for e in self.all() if start <= e.date_received <= end]

    def count(self) -> int:
        """Return how many enquiries are stored."""
        return len(self._enquiries)

    def is_empty(self) -> bool:
        """Return whether the file holds no enquiries and no redirected calls."""
        return len(self._enquiries) == 0 and len(self._redirects) == 0

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
        record_id = self._take_ids("next_redirect_id", 1)
        saved = replace(call, id=record_id)
        self._redirects.insert(Document(redirect_to_document(saved), doc_id=record_id))
        return saved

    def delete_redirect(self, record_id: int) -> None:
        """Delete a redirected-call entry.

        Raises:
            KeyError: no entry has that id.
        """
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
        document = dict(self._settings.get(doc_id=1) or {})
        document[key] = value
        self._settings.upsert(Document(document, doc_id=1))
