"""A lock around each write, so two programs never change one data file at once.

The lock is a ``filelock.FileLock`` on ``<data file>.lock``, which the
operating system releases when the holding process dies, so a crash never
leaves the file locked. The process holding the lock records its user, host
and process id in ``<data file>.lock.owner``, so that a writer that gives up
can name the holder it waited for. That record lives in a separate file because a waiting
``FileLock`` may truncate the lock file itself when it opens it.
"""

from __future__ import annotations

import getpass
import json
import os
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from filelock import FileLock, Timeout

from sendias_tui.storage.errors import StorageLockedError, StorageWriteError

OWNER_ONLY = 0o600
DEFAULT_LOCK_TIMEOUT = 5.0
"""Seconds a writer waits for another writer before giving up."""
_OWNER_RECORD_SIZE = 512
_POLL_INTERVAL = 0.005


def current_user() -> str:
    """Return the operating-system user name recorded in the audit fields and the lock."""
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "unknown"


def lock_path_for(data_file: Path) -> Path:
    """Return the lock file that guards ``data_file``."""
    return data_file.with_name(data_file.name + ".lock")


def owner_path_for(data_file: Path) -> Path:
    """Return the file in which the lock holder records who it is."""
    return data_file.with_name(data_file.name + ".lock.owner")


def describe_holder(data_file: Path) -> str:
    """Return who holds the lock, for example ``"user ana on host desk-3 (process 4242) since 10:15:02"``."""
    try:
        text = owner_path_for(data_file).read_text(encoding="utf-8").strip()
        owner, _ = json.JSONDecoder().raw_decode(text)
        since = datetime.fromisoformat(owner["since"])
        return (
            f"user {owner['user']} on host {owner['host']} "
            f"(process {owner['pid']}) since {since:%H:%M:%S}"
        )
    except (OSError, ValueError, KeyError, TypeError):
        return "another program (it did not record who it is)"


class DataFileLock:
    """A re-entrant lock on one data file, shared by the threads of this process.

    ``FileLock`` excludes other processes. The ``threading.RLock`` makes
    threads of this process (the app's workers) wait for each other, because
    they share one in-memory copy of the data.
    """

    def __init__(self, data_file: Path, *, timeout: float = DEFAULT_LOCK_TIMEOUT) -> None:
        self.data_file = data_file
        self.timeout = timeout
        self._file_lock = FileLock(
            str(lock_path_for(data_file)),
            timeout=timeout,
            mode=OWNER_ONLY,
            thread_local=False,
        )
        self._thread_lock = threading.RLock()
        self._depth = 0

    @property
    def thread_lock(self) -> threading.RLock:
        """The in-process part of the lock, for readers that must not see a write half done."""
        return self._thread_lock

    @contextmanager
    def hold(self) -> Iterator[None]:
        """Hold the lock for the ``with`` block.

        Raises:
            StorageLockedError: another process held the lock for longer than
                the timeout; the message names it.
            StorageWriteError: the lock file could not be created, for example
                in a read-only folder.
        """
        if not self._thread_lock.acquire(timeout=self.timeout):
            raise StorageLockedError(self.data_file, "another task of this program", self.timeout)
        try:
            if self._depth == 0:
                self._acquire_file_lock()
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
                if self._depth == 0:
                    self._file_lock.release()
        finally:
            self._thread_lock.release()

    def _acquire_file_lock(self) -> None:
        # FileLock (4.x) would create a missing folder, which for a drive that
        # has been disconnected means a new, empty folder in its place.
        if not self.data_file.parent.is_dir():
            raise StorageWriteError(
                self.data_file,
                f"its folder {self.data_file.parent} is not there any more; it may have been "
                "moved or deleted, or its drive disconnected",
            )
        try:
            # Saves hold the lock for about a millisecond, so a waiter polls
            # often; the default of 50 ms would slow two busy writers a lot.
            self._file_lock.acquire(poll_interval=_POLL_INTERVAL)
        except Timeout:
            raise StorageLockedError(
                self.data_file, describe_holder(self.data_file), self.timeout
            ) from None
        except OSError as error:
            raise StorageWriteError(
                self.data_file,
                f"its lock file {lock_path_for(self.data_file)} cannot be created "
                f"({error.strerror or error})",
            ) from error
        self._record_owner()

    def _record_owner(self) -> None:
        owner = {
            "user": current_user(),
            "host": socket.gethostname(),
            "pid": os.getpid(),
            "since": datetime.now().isoformat(timespec="seconds"),
        }
        # The record is padded to a fixed size and written over the old one
        # in place: truncating a file and writing it again makes ext4 flush
        # it to disk on close, which would cost several milliseconds a save.
        record = json.dumps(owner).encode("utf-8").ljust(_OWNER_RECORD_SIZE)
        try:
            handle = os.open(owner_path_for(self.data_file), os.O_WRONLY | os.O_CREAT, OWNER_ONLY)
            try:
                os.write(handle, record)
            finally:
                os.close(handle)
        except OSError:
            # NOTE: the record is only used to name the holder in a timeout
            # message, so a write that fails here must not stop the save.
            pass
