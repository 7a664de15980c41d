"""Find the rows of a records import that repeat an enquiry already stored or an earlier row.

Two enquiries are the same when every column of their CSV interchange row
matches. Stored ids and audit fields are not in that row, so an export
imported back into the same file is found in full. Names in list columns are
compared as sets, because their order carries no meaning.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sendias_tui.domain.enquiry import Enquiry
from sendias_tui.export.records_csv import COLUMNS, RecordRow, enquiry_to_row

_SET_COLUMNS = tuple(COLUMNS.index(name) for name in ("additional_sen", "reasons", "contacts"))
"""Positions of the columns whose ';'-separated names may come in any order."""


@dataclass(frozen=True)
class DuplicateRow:
    """A row of an import that is the same as a stored enquiry or an earlier row."""

    row: int
    """Row number with the header as row 1."""
    same_as: int
    """The id of the stored enquiry when ``stored`` is true, else the earlier row's number."""
    stored: bool

    def __str__(self) -> str:
        if self.stored:
            return f"Row {self.row} is the same as record {self.same_as} already stored"
        return f"Row {self.row} is the same as row {self.same_as} of the file"


def interchange_key(enquiry: Enquiry) -> tuple[str, ...]:
    """Return the enquiry's CSV interchange row, with list cells in a fixed order, for comparing."""
    cells = enquiry_to_row(enquiry)
    for position in _SET_COLUMNS:
        cells[position] = ";".join(sorted(cells[position].split(";")))
    return tuple(cells)


def find_duplicate_rows(rows: Iterable[RecordRow], stored: Iterable[Enquiry]) -> list[DuplicateRow]:
    """List the rows that repeat a stored enquiry or an earlier row, in row order.

    A row that repeats a stored enquiry is reported as such even when an
    earlier row repeats it too, because importing it adds a second copy of
    a stored record.

    Args:
        rows: the validated rows of the file, as ``read_record_rows`` returns them.
        stored: the enquiries already stored. Only those received on a date
            of the file can match, so a caller may pass just those.

    Returns:
        One ``DuplicateRow`` per repeated row; the first row of a repeated
        group inside the file is not listed.
    """
    stored_ids: dict[tuple[str, ...], int] = {}
    for enquiry in stored:
        if enquiry.id is None:
            continue
        key = interchange_key(enquiry)
        stored_ids[key] = min(enquiry.id, stored_ids.get(key, enquiry.id))

    first_rows: dict[tuple[str, ...], int] = {}
    duplicates: list[DuplicateRow] = []
    for row in rows:
        key = interchange_key(row.enquiry)
        if key in stored_ids:
            duplicates.append(DuplicateRow(row.number, stored_ids[key], stored=True))
        elif key in first_rows:
            duplicates.append(DuplicateRow(row.number, first_rows[key], stored=False))
        else:
            first_rows[key] = row.number
    return duplicates
