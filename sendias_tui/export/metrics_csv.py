"""Read and write monthly service metrics as CSV, one figure per row.

The layout is long: each row contains one figure of one month, so a month can
list as many pages, functions, languages and posts as it needs::

    month,measure,name,value,date
    2023-07,website_views,,2100,
    2023-07,page_views,Landing page,250,
    2023-07,accessibility,Toolbar,33,
    2023-07,translation,Swahili,1,
    2023-07,facebook_reach,,429,
    2023-07,top_post,Summer holiday clubs,180,2023-07-14

``docs/metrics-csv.md`` describes every measure. An import is all or
nothing, like the records import, and each month it contains replaces that
month's stored figures as a whole.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sendias_tui.domain.categories import Categories, normalise_name
from sendias_tui.domain.metrics import MonthlyMetrics, TopPost
from sendias_tui.domain.metrics_validation import (
    MetricsFieldError,
    clean_name,
    month_code,
    normalise_metrics,
)
from sendias_tui.domain.parsing import parse_count, parse_date
from sendias_tui.domain.validation import FieldError
from sendias_tui.export.csv_reading import (
    CsvImportError,
    CsvRow,
    RowError,
    decode_csv_file,
    raise_row_errors,
    read_csv_rows,
)
from sendias_tui.export.files import write_owner_only

COLUMNS = ("month", "measure", "name", "value", "date")
"""The header of a metrics file, in the order an export writes it."""

WEBSITE_VIEWS = "website_views"
PAGE_VIEWS = "page_views"
ACCESSIBILITY = "accessibility"
TRANSLATION = "translation"
FACEBOOK_REACH = "facebook_reach"
INSTAGRAM_REACH = "instagram_reach"
TOP_POST = "top_post"

MEASURES = (
    WEBSITE_VIEWS,
    PAGE_VIEWS,
    ACCESSIBILITY,
    TRANSLATION,
    FACEBOOK_REACH,
    INSTAGRAM_REACH,
    TOP_POST,
)
"""Every measure, in the order an export writes a month's rows."""

_MONTH_TOTALS = {
    WEBSITE_VIEWS: "website_views",
    FACEBOOK_REACH: "facebook_reach",
    INSTAGRAM_REACH: "instagram_reach",
}
"""Measures with one figure per month and no name, and the ``MonthlyMetrics`` field of each."""

_NAME_WORDS = {
    PAGE_VIEWS: "page name",
    ACCESSIBILITY: "accessibility function",
    TRANSLATION: "language",
    TOP_POST: "post title",
}
"""Measures with a name per row, and what the name column contains for each."""

_MEASURE_OF_FIELD = {
    "website_views": WEBSITE_VIEWS,
    "top_pages": PAGE_VIEWS,
    "accessibility": ACCESSIBILITY,
    "translations": TRANSLATION,
    "facebook_reach": FACEBOOK_REACH,
    "instagram_reach": INSTAGRAM_REACH,
    "top_posts": TOP_POST,
}
"""``MonthlyMetrics`` fields and the measure whose rows fill them."""

_COLUMN_OF_PART = {"month": "month", "name": "name", "count": "value", "date": "date"}
"""The column that contains each part of an entry that validation can reject."""

_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
MONTH_HELP = "a month written as the year and month, such as 2023-07"


class MetricsImportError(CsvImportError):
    """A metrics file was rejected as a whole, so nothing from it may be saved."""


def parse_month(text: str) -> tuple[int, int]:
    """Parse ``2023-07`` (or ``2023-7``) into (year, month).

    Raises:
        ValueError: the text is not a year and a month from 1 to 12.
    """
    found = _MONTH.match(text.strip())
    if not found or not 1 <= int(found.group(2)) <= 12:
        raise ValueError(f"'{text.strip()}' is not a month: expected {MONTH_HELP}")
    return int(found.group(1)), int(found.group(2))


@dataclass
class _Month:
    """The figures of one month gathered from its rows, and where each came from."""

    year: int
    month: int
    first_row: int
    totals: dict[str, int] = field(default_factory=dict)
    top_pages: list[tuple[str, int]] = field(default_factory=list)
    accessibility: dict[str, int] = field(default_factory=dict)
    translations: dict[str, int] = field(default_factory=dict)
    top_posts: list[TopPost] = field(default_factory=list)
    rows: dict[tuple[str, str], int] = field(default_factory=dict)
    """Row number of each figure seen, keyed by ``_row_key``."""

    def add(self, measure: str, name: str, value: int, posted_on: date | None) -> None:
        if measure in _MONTH_TOTALS:
            self.totals[_MONTH_TOTALS[measure]] = value
        elif measure == PAGE_VIEWS:
            self.top_pages.append((name, value))
        elif measure == ACCESSIBILITY:
            self.accessibility[name] = value
        elif measure == TRANSLATION:
            self.translations[name] = value
        else:
            assert posted_on is not None, "a top post row always has a date"
            self.top_posts.append(TopPost(name, posted_on, value))

    def metrics(self) -> MonthlyMetrics:
        return MonthlyMetrics(
            year=self.year,
            month=self.month,
            top_pages=tuple(self.top_pages),
            accessibility=dict(self.accessibility),
            translations=dict(self.translations),
            top_posts=tuple(self.top_posts),
            **self.totals,  # type: ignore[arg-type]
        )

    def locate(self, error: FieldError) -> RowError:
        """Turn a validation error into a row error on the row that contains the value."""
        entry = error.entry if isinstance(error, MetricsFieldError) else ""
        part = error.part if isinstance(error, MetricsFieldError) else ""
        measure = _MEASURE_OF_FIELD.get(error.field, "")
        # A post's error gives its date as the value when the date is wrong.
        posted_on = error.value if measure == TOP_POST else ""
        row = self.rows.get(_row_key(measure, entry, posted_on))
        if row is None and measure == TOP_POST:
            prefix = _row_key(TOP_POST, entry, "")[1]
            rows = [number for (kind, key), number in self.rows.items() if kind == TOP_POST and key.startswith(prefix)]
            row = min(rows, default=None)
        if row is None:
            rows = [number for (kind, _), number in self.rows.items() if kind == measure]
            row = min(rows, default=self.first_row)
        return RowError(row, _COLUMN_OF_PART.get(part, ""), error.value, error.message)


def _row_key(measure: str, name: str, posted_on: str) -> tuple[str, str]:
    """Return the key that two rows giving the same figure share.

    Two posts of a month may share a title, so a post's key includes its date.
    """
    key = normalise_name(name)
    return (measure, f"{key}|{posted_on}") if measure == TOP_POST else (measure, key)


# Reading


def read_metrics(path: Path, categories: Categories, *, today: date | None = None) -> list[MonthlyMetrics]:
    """Read and validate the monthly metrics in the CSV file at ``path``.

    Args:
        path: a metrics CSV file, UTF-8 with or without a byte-order mark.
        categories: the service's category lists; accessibility functions must match.
        today: decides which months have started; defaults to the real today.

    Returns:
        One ``MonthlyMetrics`` per month in the file, oldest first.

    Raises:
        MetricsImportError: the file is not UTF-8 CSV, its header is wrong, or
            any row is invalid. The error lists every problem.
        OSError: the file cannot be opened.
    """
    text = decode_csv_file(path, MetricsImportError)
    return parse_metrics(text, categories, today=today, source=f"The file {path}")


def parse_metrics(
    text: str, categories: Categories, *, today: date | None = None, source: str = "The CSV text"
) -> list[MonthlyMetrics]:
    """Parse and validate the monthly metrics in CSV ``text``.

    Raises:
        MetricsImportError: the header is wrong or any row is invalid.
    """
    rows, errors = read_csv_rows(
        text, COLUMNS, source=source, layout="metrics", error_type=MetricsImportError
    )
    months: dict[tuple[int, int], _Month] = {}
    for row in rows:
        errors.extend(_add_row(row, months))

    valid: list[MonthlyMetrics] = []
    for key in sorted(months):
        gathered = months[key]
        metrics, field_errors = normalise_metrics(
            gathered.metrics(), categories.accessibility_function, today=today
        )
        errors.extend(gathered.locate(error) for error in field_errors)
        valid.append(metrics)
    raise_row_errors(errors, COLUMNS, source=source, error_type=MetricsImportError)
    return valid


def _add_row(row: CsvRow, months: dict[tuple[int, int], _Month]) -> list[RowError]:
    """Check one row's cells and add its figure to its month; return the row's errors."""
    errors: list[RowError] = []

    def cell(column: str) -> str:
        return row.cells[column].strip()

    def error(column: str, message: str) -> None:
        errors.append(RowError(row.number, column, cell(column), message))

    year_month = None
    if not cell("month"):
        error("month", f"missing: expected {MONTH_HELP}")
    else:
        try:
            year_month = parse_month(cell("month"))
        except ValueError as problem:
            error("month", str(problem))

    measure = cell("measure").casefold()
    if measure not in MEASURES:
        allowed = ", ".join(MEASURES)
        message = f"'{cell('measure')}' is not a measure: expected one of {allowed}"
        error("measure", message if cell("measure") else f"missing: expected one of {allowed}")

    value = None
    if not cell("value"):
        error("value", "missing: expected a whole number of 0 or more")
    else:
        try:
            value = parse_count(cell("value"))
        except ValueError as problem:
            error("value", str(problem))

    name = clean_name(row.cells["name"])
    posted_on = None
    if measure in _NAME_WORDS and not name:
        error("name", f"missing: a {measure} row needs the {_NAME_WORDS[measure]} here")
    if measure in _MONTH_TOTALS and name:
        error("name", f"must be empty: {measure} is one total for the whole month")
    if measure == TOP_POST:
        if not cell("date"):
            error("date", "missing: a top_post row needs the date the post went out, such as 2023-07-14")
        else:
            try:
                posted_on = parse_date(cell("date"))
            except ValueError as problem:
                error("date", str(problem))
    elif measure in MEASURES and cell("date"):
        error("date", f"must be empty: only top_post rows have a date, not {measure}")

    if errors or year_month is None or value is None:
        return errors
    gathered = months.setdefault(year_month, _Month(*year_month, first_row=row.number))
    key = _row_key(measure, name, posted_on.isoformat() if posted_on else "")
    if key in gathered.rows:
        what = f"'{name}'" if name else "the total"
        error(
            "name" if name else "measure",
            f"{month_code(*year_month)} already has {what} for {measure} in row "
            f"{gathered.rows[key]}; give each figure once",
        )
        return errors
    gathered.rows[key] = row.number
    gathered.add(measure, name, value, posted_on)
    return errors


# Writing


def metrics_to_rows(metrics: MonthlyMetrics) -> list[list[str]]:
    """Return one month's figures as rows of cells in ``COLUMNS`` order, in ``MEASURES`` order."""
    code = month_code(metrics.year, metrics.month)
    rows: list[list[str]] = []

    def total(measure: str, value: int | None) -> None:
        if value is not None:
            rows.append([code, measure, "", str(value), ""])

    total(WEBSITE_VIEWS, metrics.website_views)
    rows.extend([code, PAGE_VIEWS, name, str(views), ""] for name, views in metrics.top_pages)
    rows.extend([code, ACCESSIBILITY, name, str(uses), ""] for name, uses in metrics.accessibility.items())
    rows.extend([code, TRANSLATION, name, str(uses), ""] for name, uses in metrics.translations.items())
    total(FACEBOOK_REACH, metrics.facebook_reach)
    total(INSTAGRAM_REACH, metrics.instagram_reach)
    rows.extend(
        [code, TOP_POST, post.title, str(post.reach), post.posted_on.isoformat()]
        for post in metrics.top_posts
    )
    return rows


def format_metrics(metrics: Iterable[MonthlyMetrics]) -> str:
    """Return the CSV text for ``metrics``, oldest month first, with the header row.

    NOTE: a month without any figure has no rows, so it does not come back
    when the text is imported again.
    """
    output = io.StringIO(newline="")
    writer = csv.writer(output, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for item in sorted(metrics, key=lambda item: item.month_key):
        writer.writerows(metrics_to_rows(item))
    return output.getvalue()


def write_metrics(path: Path, metrics: Iterable[MonthlyMetrics], *, overwrite: bool = False) -> int:
    """Write ``metrics`` to a new owner-only CSV file and return how many months were written.

    Raises:
        FileExistsError: ``path`` exists and ``overwrite`` is false.
        ExportWriteError: the file could not be written.
    """
    months = list(metrics)
    write_owner_only(path, format_metrics(months).encode("utf-8"), overwrite=overwrite)
    return len(months)
