"""Read and write the published totals of earlier quarters as CSV, one quarter per row.

Year-on-year figures go back to 2020, before most services used sendias, so
the totals of those quarters are copied from the reports published then::

    quarter,new_enquiries,existing_enquiries,level1_percent,level2_percent,level3_percent,level4_percent,average_monthly_website_views,facebook_reach,instagram_reach
    2022-Q3,126,240,44,35,15,6,1850.5,1620,480

An empty cell means the figure is not known. ``docs/metrics-csv.md``
describes every column. An import is all or nothing, and each quarter it
contains replaces that quarter's stored totals.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

from sendias_tui.domain.enquiry import INTERVENTION_LEVELS
from sendias_tui.domain.metrics import PublishedTotals
from sendias_tui.domain.metrics_validation import MetricsFieldError, normalise_published_totals
from sendias_tui.domain.parsing import parse_count
from sendias_tui.domain.quarters import Quarter, QuarterError, QuarterScheme
from sendias_tui.export.csv_reading import (
    CsvImportError,
    CsvRow,
    RowError,
    decode_csv_file,
    raise_row_errors,
    read_csv_rows,
)
from sendias_tui.export.files import write_owner_only

LEVEL_COLUMNS = tuple(f"level{level}_percent" for level in INTERVENTION_LEVELS)
COLUMNS = (
    "quarter",
    "new_enquiries",
    "existing_enquiries",
    *LEVEL_COLUMNS,
    "average_monthly_website_views",
    "facebook_reach",
    "instagram_reach",
)
"""The header of a published totals file, in the order an export writes it."""

_DECIMAL = re.compile(r"^\d+(\.\d+)?$")

T = TypeVar("T")


class PublishedTotalsImportError(CsvImportError):
    """A published totals file was rejected as a whole, so nothing from it may be saved."""


def parse_decimal(text: str, *, percent: bool = False) -> float:
    """Parse a number of 0 or more such as ``45`` or ``45.5``; with ``percent``, also ``45.5%``.

    Raises:
        ValueError: the text is not such a number.
    """
    stripped = text.strip()
    number = stripped.removesuffix("%").strip() if percent else stripped
    if not _DECIMAL.match(number):
        example = "45 or 45.5" if percent else "1850 or 1850.5"
        raise ValueError(f"'{stripped}' is not a number of 0 or more, such as {example}")
    return float(number)


# Reading


def read_published_totals(
    path: Path, scheme: QuarterScheme = QuarterScheme.CALENDAR
) -> list[PublishedTotals]:
    """Read and validate the published totals in the CSV file at ``path``.

    Args:
        path: a published totals CSV file, UTF-8 with or without a byte-order mark.
        scheme: the service's quarter scheme, which quarter codes are read under.

    Returns:
        One ``PublishedTotals`` per row, oldest quarter first.

    Raises:
        PublishedTotalsImportError: the file is not UTF-8 CSV, its header is
            wrong, or any row is invalid. The error lists every problem.
        OSError: the file cannot be opened.
    """
    text = decode_csv_file(path, PublishedTotalsImportError)
    return parse_published_totals(text, scheme, source=f"The file {path}")


def parse_published_totals(
    text: str, scheme: QuarterScheme = QuarterScheme.CALENDAR, *, source: str = "The CSV text"
) -> list[PublishedTotals]:
    """Parse and validate the published totals in CSV ``text``.

    Raises:
        PublishedTotalsImportError: the header is wrong or any row is invalid,
            or two rows give the same quarter.
    """
    rows, errors = read_csv_rows(
        text, COLUMNS, source=source, layout="published totals", error_type=PublishedTotalsImportError
    )
    found: dict[str, int] = {}
    valid: list[PublishedTotals] = []
    for row in rows:
        totals, row_errors = _parse_row(row, scheme)
        if not row_errors:
            earlier = found.get(totals.quarter)
            if earlier is not None:
                row_errors.append(
                    RowError(
                        row.number, "quarter", row.cells["quarter"].strip(),
                        f"{totals.quarter} is already given in row {earlier}; give each quarter once",
                    )
                )  # fmt: skip
            found.setdefault(totals.quarter, row.number)
        errors.extend(row_errors)
        valid.append(totals)
    raise_row_errors(errors, COLUMNS, source=source, error_type=PublishedTotalsImportError)
    return sorted(valid, key=lambda totals: _quarter_order(totals.quarter, scheme))


def _parse_row(row: CsvRow, scheme: QuarterScheme) -> tuple[PublishedTotals, list[RowError]]:
    errors: list[RowError] = []

    def cell(column: str) -> str:
        return row.cells[column].strip()

    def parsed(column: str, parse: Callable[[str], T]) -> T | None:
        if not cell(column):
            return None
        try:
            return parse(cell(column))
        except ValueError as problem:
            errors.append(RowError(row.number, column, cell(column), str(problem)))
            return None

    def percent(text: str) -> float:
        return parse_decimal(text, percent=True)

    if not cell("quarter"):
        errors.append(RowError(row.number, "quarter", "", "missing: expected a quarter such as 2022-Q3"))
    shares: dict[int, float] = {}
    for level, column in zip(INTERVENTION_LEVELS, LEVEL_COLUMNS, strict=True):
        share = parsed(column, percent)
        if share is not None:
            shares[level] = share
    totals = PublishedTotals(
        quarter=cell("quarter"),
        new_enquiries=parsed("new_enquiries", parse_count),
        existing_enquiries=parsed("existing_enquiries", parse_count),
        level_shares=shares,
        average_monthly_website_views=parsed("average_monthly_website_views", parse_decimal),
        facebook_reach=parsed("facebook_reach", parse_count),
        instagram_reach=parsed("instagram_reach", parse_count),
    )
    unreadable = {error.column for error in errors}
    normalised, field_errors = normalise_published_totals(totals, scheme)
    for field_error in field_errors:
        column = field_error.field
        if column == "level_shares":
            entry = field_error.entry if isinstance(field_error, MetricsFieldError) else ""
            # The check of the four shares' sum concerns no single cell.
            column = f"level{entry}_percent" if entry else ""
        if column in unreadable:
            continue
        value = cell(column) if column in COLUMNS else field_error.value
        errors.append(RowError(row.number, column, value, field_error.message))
    return normalised, errors


def _quarter_order(code: str, scheme: QuarterScheme) -> tuple[int, int]:
    try:
        quarter = Quarter.parse(code, scheme)
    except QuarterError:
        return (0, 0)
    return (quarter.year, quarter.number)


# Writing


def _number_cell(value: float | None) -> str:
    """Return a number as typed: whole numbers without a decimal point, others exactly."""
    if value is None:
        return ""
    if float(value).is_integer():
        return str(int(value))
    return repr(float(value))


def published_totals_to_row(totals: PublishedTotals) -> list[str]:
    """Return one quarter's totals as cells in ``COLUMNS`` order."""
    return [
        totals.quarter,
        _number_cell(totals.new_enquiries),
        _number_cell(totals.existing_enquiries),
        *(_number_cell(totals.level_shares.get(level)) for level in INTERVENTION_LEVELS),
        _number_cell(totals.average_monthly_website_views),
        _number_cell(totals.facebook_reach),
        _number_cell(totals.instagram_reach),
    ]


def format_published_totals(
    totals: Iterable[PublishedTotals], scheme: QuarterScheme = QuarterScheme.CALENDAR
) -> str:
    """Return the CSV text for ``totals``, oldest quarter first, with the header row.

    Each quarter is written as ``scheme`` names its months, because an import
    reads the codes under the data file's scheme.

    Raises:
        QuarterError: a quarter code does not name a quarter.
    """
    recoded = [item.in_scheme(scheme) for item in totals]
    output = io.StringIO(newline="")
    writer = csv.writer(output, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for item in sorted(recoded, key=lambda item: _quarter_order(item.quarter, scheme)):
        writer.writerow(published_totals_to_row(item))
    return output.getvalue()


def write_published_totals(
    path: Path,
    totals: Iterable[PublishedTotals],
    scheme: QuarterScheme = QuarterScheme.CALENDAR,
    *,
    overwrite: bool = False,
) -> int:
    """Write ``totals`` to a new owner-only CSV file and return how many quarters were written.

    Raises:
        FileExistsError: ``path`` exists and ``overwrite`` is false.
        ExportWriteError: the file could not be written.
    """
    quarters = list(totals)
    write_owner_only(path, format_published_totals(quarters, scheme).encode("utf-8"), overwrite=overwrite)
    return len(quarters)
