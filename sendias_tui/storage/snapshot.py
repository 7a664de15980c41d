"""Read and write the snapshot: the data file itself, in TinyDB's JSON layout.

The snapshot is ``{"table": {"doc_id": {document}, ...}, ...}``, as TinyDB's
own ``JSONStorage`` writes it, so ``json.load`` and TinyDB can read it. It is
written with one document per line so that a person comparing two versions,
or a tool, can see which records changed.
"""

from __future__ import annotations

import gc
import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sendias_tui.storage.errors import DataFileError

Tables = dict[str, dict[str, dict[str, Any]]]
"""TinyDB's data: table name to document id (as text) to document."""

_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))
_FREEZE_AFTER_ALLOCATIONS = 200_000
"""Objects allocated during a load (about 50,000 records) above which the load is frozen."""


def dump_snapshot(data: Tables) -> str:
    """Return the text of a snapshot holding ``data``."""
    parts = []
    for name, table in data.items():
        lines = ",\n".join(f"{_ENCODER.encode(key)}:{_ENCODER.encode(doc)}" for key, doc in table.items())
        parts.append(f"{_ENCODER.encode(name)}:{{\n{lines}\n}}" if lines else f"{_ENCODER.encode(name)}:{{}}")
    return "{" + ",\n".join(parts) + "}\n"


@contextmanager
def paused_garbage_collection() -> Iterator[None]:
    """Pause Python's cyclic garbage collector for a bulk load, then exempt what it loaded.

    Parsing or converting 100,000 documents allocates millions of objects,
    which makes the collector scan the growing heap again and again: about
    a third of the load time. After a large load ``gc.freeze()`` moves every
    object alive to the permanent generation, so that later collections in
    the running app do not scan the records again. The documents contain no
    reference cycles, so the collector had nothing to find in them.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        # NOTE: freezing also exempts whatever else is alive at this moment,
        # so a reference cycle among those objects that later becomes garbage
        # is never collected. Large loads happen at start-up and after another
        # program rewrites the snapshot, when little else is alive.
        if gc.get_count()[0] > _FREEZE_AFTER_ALLOCATIONS:
            gc.freeze()
        if was_enabled:
            gc.enable()


def read_snapshot_text(path: Path) -> tuple[str, os.stat_result]:
    """Return the text of the snapshot at ``path`` and the status of the file read.

    Raises:
        FileNotFoundError: there is no file.
        DataFileError: the file cannot be read or is not UTF-8 text.
    """
    try:
        with open(path, encoding="utf-8") as handle:
            return handle.read(), os.fstat(handle.fileno())
    except FileNotFoundError:
        raise
    except UnicodeDecodeError:
        raise DataFileError(path, "is not a text file") from None
    except OSError as error:
        raise DataFileError(path, f"cannot be read ({error.strerror or error})") from error


def parse_snapshot(path: Path, content: str | bytes) -> Tables:
    """Parse a snapshot and check that it has TinyDB's shape.

    Args:
        path: the file the content came from, named in error messages.
        content: the file's text, or its bytes (read as UTF-8).

    Raises:
        DataFileError: the file is empty, not UTF-8 text, not JSON, or not an
            object of tables of documents with numeric ids.
    """
    if not content or content.isspace():
        raise DataFileError(path, "is empty (0 records could be read); it may have been cut short")
    if isinstance(content, bytes):
        try:
            content = content.decode("utf-8")
        except UnicodeDecodeError:
            raise DataFileError(path, "is not a text file") from None
    try:
        with paused_garbage_collection():
            data = json.loads(content)
    except json.JSONDecodeError as error:
        raise DataFileError(
            path,
            f"is not valid JSON (line {error.lineno}, column {error.colno}: {error.msg}); "
            "it may be truncated or edited by hand",
        ) from None
    check_tables(path, data)
    return data


def check_tables(path: Path, data: object) -> None:
    """Check that parsed JSON is an object of tables whose documents have numeric ids.

    Raises:
        DataFileError: it is not.
    """
    if not isinstance(data, dict):
        raise DataFileError(path, "is valid JSON but not a sendias data file (it is not an object of tables)")
    for name, table in data.items():
        if not isinstance(table, dict):
            raise DataFileError(
                path, f"is valid JSON but not a sendias data file (\"{name}\" is not a table)"
            )
        for key, document in table.items():
            if not key.isdigit() or not isinstance(document, dict):
                raise DataFileError(
                    path,
                    f"is valid JSON but not a sendias data file "
                    f"(\"{name}\" holds an entry \"{key}\" that is not a numbered record)",
                )

