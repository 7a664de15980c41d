"""The journal: saves appended to a file beside the snapshot, one JSON line each.

Rewriting a snapshot of 100,000 records takes about a second, so a save
appends one line instead and fsyncs it. The first line names the snapshot
the journal belongs to::

    {"sendias_journal":1,"snapshot_id":"5f0c..."}
    {"ops":[["put","meta","1",{...}],["put","enquiries","812",{...}]]}
    {"ops":[["del","enquiries","17"]]}

A ``put`` holds the whole document as it is after the save, so applying a
line twice gives the same result. Rewriting the snapshot gives it a new id,
so the old journal, already folded into it, no longer matches and is
ignored; the next append replaces it (atomically) with a journal that names
the new id.

A crash in the middle of an append leaves a last line without its newline,
or a line that is not valid JSON with nothing valid after it. That line was
never reported as saved: readers skip it and the next writer cuts it off.
Anything invalid followed by a valid line is damage and stops the program.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sendias_tui.storage.atomic_json import write_atomically
from sendias_tui.storage.errors import DataFileError, StorageWriteError
from sendias_tui.storage.snapshot import Tables

JOURNAL_FORMAT = 1
"""Version of the journal's line layout, in its first line."""

Op = list[Any]
"""``["put", table, doc_id, document]`` or ``["del", table, doc_id]``."""


def journal_path_for(data_file: Path) -> Path:
    """Return the journal that belongs to ``data_file``."""
    return data_file.with_name(data_file.name + ".journal")


def header_line(snapshot_id: str) -> bytes:
    """Return the first line of a journal for the snapshot ``snapshot_id``."""
    header = {"sendias_journal": JOURNAL_FORMAT, "snapshot_id": snapshot_id}
    return (json.dumps(header, separators=(",", ":")) + "\n").encode("utf-8")


def entry_line(ops: list[Op]) -> bytes:
    """Return one journal line that applies ``ops`` together."""
    text = json.dumps({"ops": ops}, ensure_ascii=False, separators=(",", ":"))
    return (text + "\n").encode("utf-8")


@dataclass
class JournalRead:
    """The result of one read of the journal."""

    ops: list[Op] = field(default_factory=list)
    end: int = 0
    """Offset just past the last complete, valid line; the next read or append starts here."""
    lines: int = 0
    """Complete lines up to ``end``, the header included."""
    identity: tuple[int, int] | None = None
    """``(st_dev, st_ino)`` of the file read, or None when there is none."""
    matches: bool = False
    """Whether the journal belongs to the snapshot; a stale journal has no ops."""


def read_journal(
    path: Path, snapshot_id: str | None, *, start: int = 0, lines_before: int = 0
) -> JournalRead:
    """Read the journal at ``path`` from byte ``start``.

    Args:
        path: the journal file.
        snapshot_id: the id of the snapshot in memory; a journal naming
            another id (or any journal when this is None) is stale.
        start: 0 to read the whole file, or the ``end`` of an earlier read of
            the same file to read only what was appended since.
        lines_before: the ``lines`` of that earlier read, for error messages.

    Raises:
        DataFileError: the journal cannot be read, its header is invalid, or
            a damaged line is followed by valid ones.
    """
    try:
        handle = open(path, "rb")
    except FileNotFoundError:
        return JournalRead()
    except OSError as error:
        raise DataFileError(path, f"cannot be read ({error.strerror or error})") from error
    with handle:
        status = os.fstat(handle.fileno())
        identity = (status.st_dev, status.st_ino)
        if start == 0:
            header = handle.readline()
            if not header:
                return JournalRead(identity=identity)
            if _parse_header(path, header) != snapshot_id or snapshot_id is None:
                return JournalRead(end=status.st_size, identity=identity, matches=False)
            start = len(header)
            lines_before = 1
        handle.seek(start)
        raw = handle.read()
    result = JournalRead(end=start, lines=lines_before, identity=identity, matches=True)
    _parse_entries(path, raw, result)
    return result


def _parse_header(path: Path, line: bytes) -> str:
    try:
        header = json.loads(line) if line.endswith(b"\n") else None
    except ValueError:
        header = None
    if (
        not isinstance(header, dict)
        or header.get("sendias_journal") != JOURNAL_FORMAT
        or not isinstance(header.get("snapshot_id"), str)
    ):
        raise DataFileError(path, "does not start with a valid journal header; it may have been edited by hand")
    return header["snapshot_id"]


def _parse_entries(path: Path, raw: bytes, result: JournalRead) -> None:
    """Parse complete lines of ``raw`` into ``result``, stopping before a torn tail."""
    position = 0
    first_bad_line: int | None = None
    pending: list[Op] = []
    while True:
        newline = raw.find(b"\n", position)
        if newline < 0:
            break
        ops = _parse_entry(raw[position:newline])
        line_number = result.lines + 1
        if ops is None:
            if first_bad_line is None:
                first_bad_line = line_number
        elif first_bad_line is not None:
            raise DataFileError(
                path,
                f"has a damaged line {first_bad_line} followed by valid saves; "
                "restore a backup or ask for help before going on",
            )
        else:
            pending.extend(ops)
            result.end += newline + 1 - position
        result.lines += 1 if first_bad_line is None else 0
        position = newline + 1
    result.ops.extend(pending)


def _parse_entry(line: bytes) -> list[Op] | None:
    """Return the ops of one journal line, or None when the line is not a valid entry."""
    try:
        entry = json.loads(line)
    except ValueError:
        return None
    ops = entry.get("ops") if isinstance(entry, dict) else None
    if not isinstance(ops, list) or not all(_is_valid_op(op) for op in ops):
        return None
    return ops


def _is_valid_op(op: object) -> bool:
    if not isinstance(op, list) or len(op) < 3:
        return False
    kind, table, key = op[0], op[1], op[2]
    if not isinstance(table, str) or not isinstance(key, str) or not key.isdigit():
        return False
    if kind == "put":
        return len(op) == 4 and isinstance(op[3], dict)
    return kind == "del" and len(op) == 3


def apply_ops(data: Tables, ops: list[Op]) -> set[tuple[str, str]]:
    """Apply journal ops to ``data`` in order and return the ``(table, doc_id)`` pairs they touched."""
    touched = set()
    for op in ops:
        kind, table, key = op[0], op[1], op[2]
        if kind == "put":
            data.setdefault(table, {})[key] = op[3]
        else:
            data.get(table, {}).pop(key, None)
        touched.add((table, key))
    return touched


def start_journal(path: Path, snapshot_id: str, data_file: Path) -> tuple[int, int]:
    """Create or replace the journal with an empty one for ``snapshot_id``.

    Returns:
        ``(st_dev, st_ino)`` of the new journal.

    Raises:
        StorageWriteError: the journal could not be written; it is unchanged.
    """
    try:
        write_atomically(path, header_line(snapshot_id).decode("utf-8"))
        status = os.stat(path)
    except StorageWriteError as error:
        raise StorageWriteError(data_file, error.reason) from error
    except OSError as error:
        raise StorageWriteError(data_file, error.strerror or str(error)) from error
    return (status.st_dev, status.st_ino)


def append_line(path: Path, end: int, line: bytes, data_file: Path) -> None:
    """Write ``line`` at offset ``end`` of the journal and fsync it.

    Anything after ``end`` is a torn line from a writer that crashed, and is
    cut off first. The caller must hold the data file's lock.

    Raises:
        StorageWriteError: the line could not be written and fsynced; the
            journal is cut back to ``end``, so it contains what it contained before.
    """
    try:
        handle = os.open(path, os.O_WRONLY)
    except OSError as error:
        raise StorageWriteError(data_file, error.strerror or str(error)) from error
    try:
        if os.fstat(handle).st_size != end:
            os.ftruncate(handle, end)
        os.lseek(handle, end, os.SEEK_SET)
        written = 0
        while written < len(line):
            written += os.write(handle, line[written:])
        os.fsync(handle)
    except OSError as error:
        try:
            os.ftruncate(handle, end)
        except OSError:
            pass
        raise StorageWriteError(data_file, error.strerror or str(error)) from error
    finally:
        os.close(handle)
