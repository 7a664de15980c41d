"""Where records live: one TinyDB JSON file, written atomically."""

from sendias_tui.storage.errors import DataFileError, StorageWriteError
from sendias_tui.storage.store import EnquiryStore

__all__ = ["DataFileError", "EnquiryStore", "StorageWriteError"]
