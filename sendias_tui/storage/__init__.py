"""Record storage: a TinyDB data file plus a journal of recent saves, safe through crashes and concurrent writers."""

from sendias_tui.storage.backup import Backup
from sendias_tui.storage.errors import (
    BackupError,
    DataFileError,
    StorageLockedError,
    StorageWriteError,
)
from sendias_tui.storage.store import EnquiryStore

__all__ = [
    "Backup",
    "BackupError",
    "DataFileError",
    "EnquiryStore",
    "StorageLockedError",
    "StorageWriteError",
]
