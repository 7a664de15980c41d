"""Read and write the snapshot: the data file itself, in TinyDB's JSON layout.

The snapshot is ``{"table": {"doc_id": {document}, ...}, ...}``, as TinyDB's
own ``JSONStorage`` writes it, so ``json.load`` and TinyDB can read it. It is
written with one document per line so that a person comparing two versions,
or a tool, can see which records changed.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from sendias_tui.storage.errors import DataFileError

Tables = dict[str, dict[str, dict[str, Any]]]
"""TinyDB's data: table name to document id (as text) to document."""

_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


def dump_snapshot(data: Tables) -> str:
    """Return the text of a snapshot holding ``data``."""
    parts = []
    for name, table in data.items():
        lines = ",\n".join(f"{_ENCODER.encode(key)}:{_ENCODER.encode(doc)}" for key, doc in table.items())
        parts.append(f"{_ENCODER.encode(name)}:{{\n{lines}\n}}" if lines else f"{_ENCODER.encode(name)}:{{}}")
    return "{" + ",\n".join(parts) + "}\n"


def parse_snapshot(path: Path, raw: bytes) -> Tables:
    """Parse the bytes of a snapshot and check that it has TinyDB's shape.

    Args:
        path: the file the bytes came from, named in error messages.
        raw: the file's content.

    Raises:
        DataFileError: the file is empty, not UTF-8 text, not JSON, or not an
            object of tables of documents with numeric ids.
    """
    if not raw.strip():
        raise DataFileError(path, "is empty (0 records could be read); it may have been cut short")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise DataFileError(path, "is not a text file") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise DataFileError(
            path,
            f"is not valid JSON (line {error.lineno}, column {error.colno}: {error.msg}); "
            "it may be truncated or edited by hand",
        ) from None
    del text
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

