"""Read and write enquiry records in the CSV interchange format.

One row per enquiry under a header naming the columns in ``COLUMNS``, in any
order and any case. Dates are ISO (``2023-07-14``) or UK (``14/07/2023``),
yes/no fields contain ``yes`` or ``no``, list columns separate names with
``;`` and ``contacts`` contains ``Method:count`` pairs. ``first_advisor_contact``
is a date, ``none`` when no advisor was needed, or empty while the enquirer
waits.

An import is all or nothing: every row is parsed and validated before any is
returned, and one ``RecordsImportError`` lists every problem found.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TypeVar

from sendias_tui.domain.categories import Categories
from sendias_tui.domain.enquiry import INTERVENTION_LEVELS, Enquiry, EnquiryType
from sendias_tui.domain.parsing import DATE_HELP, parse_contacts, parse_date, parse_yes_no, split_names
from sendias_tui.domain.validation import normalise_enquiry
from sendias_tui.export.csv_reading import (
    CsvImportError,
    RowError,
    decode_csv_file,
    raise_row_errors,
    read_csv_rows,
)
from sendias_tui.export.files import write_owner_only

COLUMNS = (
    "date",
    "enquiry_type",
    "case_ref",
    "advisor",
    "enquirer",
    "new_family",
    "age_group",
    "gender",
    "ethnicity",
    "postal_district",
    "main_sen",
    "additional_sen",
    "referral_source",
    "ehcp",
    "reasons",
    "intervention_level",
    "contacts",
    "first_advisor_contact",
)
"""The header of a records file, in the order an export writes it."""

NO_ADVISOR_NEEDED = "none"
"""Cell text of ``first_advisor_contact`` for an enquiry that needed no advisor."""

_COLUMN_OF_FIELD = {"date_received": "date"}
"""Enquiry fields whose column has another name; the rest share the field's name."""

_LIST_COLUMNS = ("additional_sen", "reasons", "contacts")
"""Columns holding several values, where an error names the one bad value."""

T = TypeVar("T")


class RecordsImportError(CsvImportError):
    """A records file was rejected as a whole, so nothing from it may be saved."""


@dataclass(frozen=True)
class RecordRow:
    """An enquiry read from a records file, with the row it came from."""

    number: int
    """Row number with the header as row 1, as in error messages."""
    enquiry: Enquiry


# Reading


def read_records(path: Path, categories: Categories, *, today: date | None = None) -> list[Enquiry]:
    """Read and validate every enquiry in the CSV file at ``path``.

    Args:
        path: a records CSV file, UTF-8 with or without a byte-order mark.
        categories: the service's category lists, which names must match.
        today: the latest allowed date; defaults to the real today.

    Returns:
        The enquiries in file order, category names in their configured spelling.

    Raises:
        RecordsImportError: the file is not UTF-8 CSV, its header is wrong, or
            any row is invalid. The error lists every problem.
        OSError: the file cannot be opened.
    """
    return [row.enquiry for row in read_record_rows(path, categories, today=today)]


def read_record_rows(path: Path, categories: Categories, *, today: date | None = None) -> list[RecordRow]:
    """Read and validate the CSV file at ``path`` as ``read_records`` does, keeping row numbers.

    Raises:
        RecordsImportError: as ``read_records``.
        OSError: the file cannot be opened.
    """
    text = decode_csv_file(path, RecordsImportError)
    return parse_record_rows(text, categories, today=today, source=f"The file {path}")


def parse_records(
    text: str, categories: Categories, *, today: date | None = None, source: str = "The CSV text"
) -> list[Enquiry]:
    """Parse and validate the enquiries in CSV ``text``.

    Args:
        text: the file's text without a byte-order mark (one is dropped if present).
        categories: the service's category lists.
        today: the latest allowed date; defaults to the real today.
        source: how error messages name the file.

    Raises:
        RecordsImportError: the header is wrong or any row is invalid.
    """
    return [row.enquiry for row in parse_record_rows(text, categories, today=today, source=source)]


def parse_record_rows(
    text: str, categories: Categories, *, today: date | None = None, source: str = "The CSV text"
) -> list[RecordRow]:
    """Parse and validate CSV ``text`` as ``parse_records`` does, keeping row numbers.

    Raises:
        RecordsImportError: the header is wrong or any row is invalid.
    """
    rows, errors = read_csv_rows(
        text, COLUMNS, source=source, layout="records", error_type=RecordsImportError
    )
    today = today or date.today()
    parsed: list[RecordRow] = []
    for row in rows:
        enquiry, row_errors = _parse_row(row.cells, row.number, categories, today)
        errors.extend(row_errors)
        if not row_errors:
            parsed.append(RecordRow(row.number, enquiry))
    raise_row_errors(errors, COLUMNS, source=source, error_type=RecordsImportError)
    return parsed


class _RowParser:
    """Parse one row's cells, collecting an error per unreadable cell."""

    def __init__(self, cells: dict[str, str], row_number: int) -> None:
        self.cells = cells
        self.row_number = row_number
        self.errors: list[RowError] = []

    def text(self, column: str) -> str:
        return self.cells[column].strip()

    def optional(self, column: str) -> str | None:
        return self.text(column) or None

    def parsed(self, column: str, parse: Callable[[str], T]) -> T | None:
        """Return ``parse(cell)``, or None when the cell is empty or invalid."""
        value = self.text(column)
        if not value:
            return None
        try:
            return parse(value)
        except ValueError as error:
            self.errors.append(RowError(self.row_number, column, value, str(error)))
            return None


def _parse_enquiry_type(text: str) -> EnquiryType:
    try:
        return EnquiryType(text.casefold())
    except ValueError:
        raise ValueError(f"'{text}' is not an enquiry type: expected new or existing") from None


def _parse_level(text: str) -> int:
    allowed = ", ".join(str(level) for level in INTERVENTION_LEVELS)
    if not text.isdigit() or int(text) not in INTERVENTION_LEVELS:
        raise ValueError(f"'{text}' is not an intervention level: expected {allowed} or empty")
    return int(text)


def _parse_first_contact(text: str) -> date | str:
    if text.casefold() == NO_ADVISOR_NEEDED:
        return NO_ADVISOR_NEEDED
    try:
        return parse_date(text)
    except ValueError as error:
        raise ValueError(
            f"{error}, or 'none' when no advisor was needed, or empty while the enquirer is waiting"
        ) from None


def _parse_row(
    cells: dict[str, str], row_number: int, categories: Categories, today: date
) -> tuple[Enquiry, list[RowError]]:
    row = _RowParser(cells, row_number)
    date_received = row.parsed("date", parse_date)
    if date_received is None and not row.text("date"):
        row.errors.append(RowError(row_number, "date", "", f"missing: expected {DATE_HELP}"))
    enquiry_type = row.parsed("enquiry_type", _parse_enquiry_type)
    if enquiry_type is None and not row.text("enquiry_type"):
        row.errors.append(RowError(row_number, "enquiry_type", "", "missing: expected new or existing"))
    first_contact = row.parsed("first_advisor_contact", _parse_first_contact)

    enquiry = Enquiry(
        # A date or type that failed to parse is already reported; the
        # stand-ins below only let the other cells be checked as well.
        date_received=date_received or date.min,
        enquiry_type=enquiry_type or EnquiryType.EXISTING,
        case_ref=row.text("case_ref"),
        advisor=row.text("advisor"),
        enquirer=row.text("enquirer"),
        new_family=row.parsed("new_family", parse_yes_no),
        age_group=row.optional("age_group"),
        gender=row.optional("gender"),
        ethnicity=row.optional("ethnicity"),
        postal_district=row.optional("postal_district"),
        main_sen=row.optional("main_sen"),
        additional_sen=tuple(split_names(row.text("additional_sen"))),
        referral_source=row.optional("referral_source"),
        ehcp=row.parsed("ehcp", parse_yes_no),
        reasons=tuple(split_names(row.text("reasons"))),
        intervention_level=row.parsed("intervention_level", _parse_level),
        contacts=row.parsed("contacts", parse_contacts) or {},
        first_advisor_contact=first_contact if isinstance(first_contact, date) else None,
        no_advisor_needed=first_contact == NO_ADVISOR_NEEDED,
    )
    normalised, field_errors = normalise_enquiry(enquiry, categories, today=today)

    unreadable = {error.column for error in row.errors}
    if "ehcp" in unreadable:
        # The reason list to check against depends on the ehcp cell.
        unreadable.add("reasons")
    for field_error in field_errors:
        column = _COLUMN_OF_FIELD.get(field_error.field, field_error.field)
        # A cell that could not be parsed was left empty above, so the
        # validator's "missing" for it would only repeat the parse error.
        if column in unreadable:
            continue
        value = field_error.value if column in _LIST_COLUMNS else row.text(column)
        row.errors.append(RowError(row_number, column, value, field_error.message))
    return normalised, row.errors


# Writing


def _yes_no(value: bool | None) -> str:
    if value is None:
        return ""
    return "yes" if value else "no"


def _first_contact_cell(enquiry: Enquiry) -> str:
    if enquiry.no_advisor_needed:
        return NO_ADVISOR_NEEDED
    if enquiry.first_advisor_contact is None:
        return ""
    return enquiry.first_advisor_contact.isoformat()


def enquiry_to_row(enquiry: Enquiry) -> list[str]:
    """Return the cells of ``enquiry`` in ``COLUMNS`` order.

    NOTE: a category name containing ';' would split into two names when the
    row is read back, so such names do not round-trip.
    """
    return [
        enquiry.date_received.isoformat(),
        enquiry.enquiry_type.value,
        enquiry.case_ref,
        enquiry.advisor,
        enquiry.enquirer,
        _yes_no(enquiry.new_family),
        enquiry.age_group or "",
        enquiry.gender or "",
        enquiry.ethnicity or "",
        enquiry.postal_district or "",
        enquiry.main_sen or "",
        ";".join(enquiry.additional_sen),
        enquiry.referral_source or "",
        _yes_no(enquiry.ehcp),
        ";".join(enquiry.reasons),
        "" if enquiry.intervention_level is None else str(enquiry.intervention_level),
        ";".join(f"{method}:{count}" for method, count in enquiry.contacts.items()),
        _first_contact_cell(enquiry),
    ]


def format_records(enquiries: Iterable[Enquiry]) -> str:
    """Return the CSV text for ``enquiries``, oldest first, with the header row."""
    ordered = sorted(enquiries, key=lambda enquiry: (enquiry.date_received, enquiry.id or 0))
    output = io.StringIO(newline="")
    writer = csv.writer(output, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    writer.writerows(enquiry_to_row(enquiry) for enquiry in ordered)
    return output.getvalue()


def write_records(path: Path, enquiries: Iterable[Enquiry], *, overwrite: bool = False) -> int:
    """Write ``enquiries`` to a new owner-only CSV file and return how many were written.

    The file is UTF-8 without a byte-order mark, which the import reads back
    exactly.

    Raises:
        FileExistsError: ``path`` exists and ``overwrite`` is false.
        ExportWriteError: the file could not be written.
    """
    records = list(enquiries)
    write_owner_only(path, format_records(records).encode("utf-8"), overwrite=overwrite)
    return len(records)
