"""Read the CSV files sendias imports, and word their problems the same way for every layout.

Records, monthly metrics and published totals each have their own columns,
but they share how a file is decoded, how the header is checked and how an
error names a row, a column and a value. An import is all or nothing, so
every problem is collected and reported in one ``CsvImportError``.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

@dataclass(frozen=True)
class RowError:
    """One problem in an imported file, located as a spreadsheet shows it."""

    row: int
    """Row number with the header as row 1, so the first data row is row 2."""
    column: str
    """Column name, or empty when the problem concerns the whole row."""
    value: str
    message: str
    """The problem, with the values allowed."""

    def __str__(self) -> str:
        where = f"Row {self.row}"
        if self.column:
            where += f", column {self.column}"
        if self.value:
            where += f", value '{self.value}'"
        return f"{where}: {self.message}"


class CsvImportError(ValueError):
    """An imported file was rejected as a whole, so nothing from it may be saved."""

    def __init__(self, source: str, problem: str, errors: Iterable[RowError] = ()) -> None:
        self.source = source
        self.problem = problem
        self.errors = tuple(errors)
        lines = [f"{source} {problem}. Nothing was imported."]
        lines.extend(str(error) for error in self.errors)
        super().__init__("\n".join(lines))


@dataclass(frozen=True)
class CsvRow:
    """One data row of a file, its cells keyed by lower-case column name."""

    number: int
    """Row number with the header as row 1."""
    cells: dict[str, str]


def decode_csv_file(path: Path, error_type: type[CsvImportError] = CsvImportError) -> str:
    """Return the text of the UTF-8 file at ``path``, without any byte-order mark.

    Raises:
        CsvImportError: of ``error_type``, when the file is not UTF-8.
        OSError: the file cannot be opened.
    """
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise error_type(
            f"The file {path}",
            f"is not UTF-8 text (byte 0x{data[error.start]:02x} at position {error.start}). "
            "If it is a spreadsheet, save it as 'CSV UTF-8 (comma delimited)' and import that",
        ) from None


def read_csv_rows(
    text: str,
    columns: Sequence[str],
    *,
    source: str,
    layout: str,
    error_type: type[CsvImportError] = CsvImportError,
) -> tuple[list[CsvRow], list[RowError]]:
    """Split CSV ``text`` into rows under a header that names exactly ``columns``.

    Column names may come in any order and any case. Blank rows are skipped.

    Args:
        text: the file's text; a leading byte-order mark is dropped.
        columns: every column the layout has, lower case.
        source: how error messages name the file, such as "The file x.csv".
        layout: the layout's name in messages, such as "records".
        error_type: the error raised, so callers can tell layouts apart.

    Returns:
        The rows whose number of cells matches the header, and an error for
        each row that does not. Callers add their own cell errors and pass
        them all to ``raise_row_errors``.

    Raises:
        CsvImportError: the text is not CSV or its header is wrong.
    """
    text = text.removeprefix("\ufeff")
    if "\x00" in text:
        raise error_type(source, "is not a CSV file (it contains NUL characters)")
    try:
        lines = list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error as error:
        raise error_type(source, f"is not a valid CSV file ({error})") from None
    expected = ",".join(columns)
    if not lines or not any(cell.strip() for cell in lines[0]):
        raise error_type(source, f"has no header row: the first row must name the columns {expected}")

    header = [cell.strip().casefold() for cell in lines[0]]
    if len(header) == 1 and ";" in header[0]:
        raise error_type(
            source,
            "separates its columns with ';' but sendias expects commas. "
            "Save it as 'CSV UTF-8 (comma delimited)' and import that",
        )
    if not set(header) & set(columns):
        raise error_type(
            source,
            f"does not start with the {layout} header: the first row must name the columns {expected}",
        )
    header_errors = check_header(header, columns)
    if header_errors:
        raise error_type(source, "has the wrong columns", header_errors)

    rows: list[CsvRow] = []
    errors: list[RowError] = []
    for number, cells in enumerate(lines[1:], start=2):
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) != len(header):
            errors.append(
                RowError(
                    number,
                    "",
                    "",
                    f"has {len(cells)} cells but the header has {len(header)} columns; "
                    "check for a missing or extra comma",
                )
            )
            continue
        rows.append(CsvRow(number, dict(zip(header, cells, strict=True))))
    return rows, errors


def check_header(header: Sequence[str], columns: Sequence[str]) -> list[RowError]:
    """Return an error for each unknown, repeated or missing column of ``header``."""
    errors: list[RowError] = []
    seen: set[str] = set()
    allowed = ", ".join(columns)
    for name in header:
        if name in seen:
            errors.append(RowError(1, name, "", "this column appears twice; keep one of them"))
        elif name not in columns:
            message = f"unknown column. Allowed columns: {allowed}"
            errors.append(RowError(1, name or "(no name)", "", message))
        seen.add(name)
    for name in columns:
        if name not in seen:
            errors.append(RowError(1, name, "", "this column is missing from the header"))
    return errors


def raise_row_errors(
    errors: Sequence[RowError],
    columns: Sequence[str],
    *,
    source: str,
    error_type: type[CsvImportError] = CsvImportError,
) -> None:
    """Raise one error listing ``errors`` by row and column order; do nothing when there are none.

    Raises:
        CsvImportError: of ``error_type``, when ``errors`` is not empty.
    """
    if not errors:
        return

    def position(column: str) -> int:
        return columns.index(column) if column in columns else -1

    ordered = sorted(errors, key=lambda error: (error.row, position(error.column)))
    count = len({error.row for error in ordered})
    plural = "row is" if count == 1 else "rows are"
    raise error_type(source, f"was rejected: {count} {plural} invalid", ordered)
