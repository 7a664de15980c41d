"""Read and write redirected-call entries as CSV, one entry per row.

The records file carries enquiries only, so this file moves the calls and
emails for SENAT and those transferred out of area, which Table 1 counts::

    date,kind,count
    2023-07-14,senat,2
    2023-07-17,out_of_area,1

``docs/records-csv.md`` describes the columns. An import is all or nothing,
like the records import, and checks each row with the rules the redirected
calls screen uses.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sendias_tui.domain.enquiry import RedirectedCall, RedirectKind
from sendias_tui.domain.redirects import parse_redirect
from sendias_tui.export.csv_reading import (
    CsvImportError,
    CsvRow,
    RowError,
    decode_csv_file,
    raise_row_errors,
    read_csv_rows,
)
from sendias_tui.export.files import write_owner_only

COLUMNS = ("date", "kind", "count")
"""The header of a redirected-calls file, in the order an export writes it."""

KIND_HELP = ", ".join(kind.value for kind in RedirectKind)
"""The values the kind column accepts, for messages."""

_COLUMN_OF_FIELD = {"date_received": "date", "count": "count"}
"""Fields that ``parse_redirect`` names in its errors, and the column of each."""


class RedirectsImportError(CsvImportError):
    """A redirected-calls file was rejected as a whole, so nothing from it may be saved."""


@dataclass(frozen=True)
class RedirectsSummary:
    """How many entries and calls a list of redirected-call entries contains, for messages."""

    entries: int
    calls: int

    @classmethod
    def of(cls, calls: Iterable[RedirectedCall]) -> RedirectsSummary:
        listed = list(calls)
        return cls(len(listed), sum(call.count for call in listed))

    def __str__(self) -> str:
        entries = "1 entry" if self.entries == 1 else f"{self.entries} entries"
        calls = "1 call" if self.calls == 1 else f"{self.calls} calls"
        return f"{entries}, {calls}"


# Reading


def read_redirects(path: Path, *, today: date | None = None) -> list[RedirectedCall]:
    """Read and validate every redirected-call entry in the CSV file at ``path``.

    Args:
        path: a redirected-calls CSV file, UTF-8 with or without a byte-order mark.
        today: the latest allowed date; defaults to the real today.

    Returns:
        The entries in file order, without ids.

    Raises:
        RedirectsImportError: the file is not UTF-8 CSV, its header is wrong,
            or any row is invalid. The error lists every problem.
        OSError: the file cannot be opened.
    """
    text = decode_csv_file(path, RedirectsImportError)
    return parse_redirects(text, today=today, source=f"The file {path}")


def parse_redirects(
    text: str, *, today: date | None = None, source: str = "The CSV text"
) -> list[RedirectedCall]:
    """Parse and validate the redirected-call entries in CSV ``text``.

    Raises:
        RedirectsImportError: the header is wrong or any row is invalid.
    """
    rows, errors = read_csv_rows(
        text, COLUMNS, source=source, layout="redirected calls", error_type=RedirectsImportError
    )
    calls: list[RedirectedCall] = []
    for row in rows:
        call, row_errors = _parse_row(row, today)
        errors.extend(row_errors)
        if call is not None:
            calls.append(call)
    raise_row_errors(errors, COLUMNS, source=source, error_type=RedirectsImportError)
    return calls


def _parse_row(row: CsvRow, today: date | None) -> tuple[RedirectedCall | None, list[RowError]]:
    errors: list[RowError] = []
    kind_text = row.cells["kind"].strip()
    count_text = row.cells["count"].strip()

    kind: RedirectKind | None = None
    if not kind_text:
        errors.append(RowError(row.number, "kind", "", f"missing: expected one of {KIND_HELP}"))
    else:
        try:
            kind = RedirectKind(kind_text.casefold())
        except ValueError:
            message = f"'{kind_text}' is not a kind of redirected call: expected one of {KIND_HELP}"
            errors.append(RowError(row.number, "kind", kind_text, message))
    if not count_text:
        errors.append(RowError(row.number, "count", "", "missing: expected a whole number of 1 or more"))

    # An invalid kind is already reported; the stand-in only lets the date
    # and count be checked as well.
    call, field_errors = parse_redirect(
        kind or RedirectKind.SENAT, row.cells["date"], count_text or "1", today=today
    )
    for error in field_errors:
        column = _COLUMN_OF_FIELD[error.field]
        errors.append(RowError(row.number, column, row.cells[column].strip(), error.message))
    return (call if not errors else None), errors


# Writing


def redirect_to_row(call: RedirectedCall) -> list[str]:
    """Return the cells of ``call`` in ``COLUMNS`` order."""
    return [call.date_received.isoformat(), call.kind.value, str(call.count)]


def format_redirects(calls: Iterable[RedirectedCall]) -> str:
    """Return the CSV text for ``calls``, oldest first, with the header row."""
    ordered = sorted(calls, key=lambda call: (call.date_received, call.id or 0))
    output = io.StringIO(newline="")
    writer = csv.writer(output, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    writer.writerows(redirect_to_row(call) for call in ordered)
    return output.getvalue()


def write_redirects(path: Path, calls: Iterable[RedirectedCall], *, overwrite: bool = False) -> RedirectsSummary:
    """Write ``calls`` to a new owner-only CSV file and return how many entries and calls it has.

    Raises:
        FileExistsError: ``path`` exists and ``overwrite`` is false.
        ExportWriteError: the file could not be written.
    """
    listed = list(calls)
    write_owner_only(path, format_redirects(listed).encode("utf-8"), overwrite=overwrite)
    return RedirectsSummary.of(listed)
