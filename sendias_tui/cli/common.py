"""Helpers every ``sendias`` command shares: opening the data file and reporting errors."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Annotated, NoReturn

import typer

from sendias_tui.domain.categories import (
    Categories,
    CategoriesError,
    default_categories,
)
from sendias_tui.domain.quarters import Quarter, QuarterError, QuarterScheme
from sendias_tui.export.csv_reading import CsvImportError
from sendias_tui.export.files import ExportWriteError
from sendias_tui.paths import DATA_FILE_ENV
from sendias_tui.storage import (
    BackupError,
    DataFileError,
    EnquiryStore,
    StorageWriteError,
)
from sendias_tui.storage.backup import list_backups

QUARTER_SCHEME_SETTING = "quarter_scheme"

SCHEME_DESCRIPTIONS = {
    QuarterScheme.CALENDAR: "Q1 is January to March",
    QuarterScheme.FINANCIAL: "Q1 is April to June",
}


class Failure(Exception):
    """A problem a person can fix, already worded for them."""


def fail(message: str) -> NoReturn:
    raise Failure(message)


@contextmanager
def reported_errors() -> Iterator[None]:
    """Print any error a person can fix as one line on stderr and exit with status 1."""
    try:
        yield
    except Failure as failure:
        message = str(failure)
    except DataFileError as error:
        message = str(error) + _restore_hint(error.path)
    except (
        BackupError,
        CategoriesError,
        CsvImportError,
        ExportWriteError,
        QuarterError,
        StorageWriteError,
    ) as error:
        message = str(error)
    except OSError as error:
        where = f" {error.filename}" if error.filename else ""
        message = f"Could not use{where}: {error.strerror or error}."
    else:
        return
    typer.echo(message, err=True)
    raise typer.Exit(1)


def _restore_hint(path: Path) -> str:
    """Return a sentence pointing to the backups of a damaged data file, or nothing when it has none."""
    if not list_backups(path):
        return ""
    return " To go back to a backup, run sendias backup --list, then sendias restore NAME."


def require_input_file(csv_file: Path) -> None:
    """Fail with a plain message unless ``csv_file`` is an existing file to import."""
    if not csv_file.exists():
        fail(f"The file {csv_file} was not found. Nothing was imported.")
    if not csv_file.is_file():
        fail(f"{csv_file} is not a file. Nothing was imported.")


CsvOutputOption = Annotated[
    Path,
    typer.Option(
        "--output",
        "-o",
        help="CSV file to write. An existing file is kept unless --force is given.",
        show_default=False,
    ),
]
ForceOption = Annotated[
    bool,
    typer.Option("--force", help="Replace the output file if it already exists."),
]


def output_exists(output: Path) -> str:
    """Return the message for an output file that is kept because --force was not given."""
    return f"{output} already exists. Choose another --output, or add --force to replace it."


def data_file(ctx: typer.Context) -> Path:
    return ctx.find_root().obj


@contextmanager
def open_store(ctx: typer.Context, *, create: bool) -> Iterator[EnquiryStore]:
    """Open the data file; with ``create`` false, a missing file is an error, not a new file."""
    path = data_file(ctx)
    if not create and not path.exists():
        fail(
            f"The data file {path} does not exist. Check --data-file or {DATA_FILE_ENV}, "
            "or run sendias to start recording."
        )
    try:
        store = EnquiryStore(path)
    except OSError as error:
        fail(f"Could not open the data file {path}: {error.strerror or error}.")
    with store:
        yield store


def categories() -> Categories:
    # TODO: load the service's own category lists once they can be configured.
    return default_categories()


def quarter_scheme(store: EnquiryStore) -> QuarterScheme:
    value = store.get_setting(QUARTER_SCHEME_SETTING, QuarterScheme.CALENDAR.value)
    try:
        return QuarterScheme(value)
    except ValueError:
        fail(
            f"The data file {store.path} has an unknown quarter scheme '{value}'. "
            "Run sendias settings quarter-scheme calendar (or financial) to set it."
        )


def choose_quarter(store: EnquiryStore, text: str | None) -> Quarter:
    """Return the quarter named by ``text``, or the current one, in the store's scheme."""
    scheme = quarter_scheme(store)
    if text is None:
        return Quarter.containing(date.today(), scheme)
    return Quarter.parse(text, scheme)


QuarterOption = Annotated[
    str | None,
    typer.Option(
        "--quarter",
        help="Quarter to cover, written like 2023-Q3, numbered by the quarter scheme setting.",
        show_default=False,
    ),
]


