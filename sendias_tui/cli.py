"""The ``sendias`` command: start the terminal app, or summarise, import and export from a shell.

Every command is a thin layer over the core. Errors a person can fix print
one plain message to stderr and exit with status 1, never a traceback.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Annotated, NoReturn

import typer
from rich.console import Console

from sendias_tui.domain.categories import Categories, CategoriesError, default_categories
from sendias_tui.domain.quarters import Quarter, QuarterError, QuarterScheme
from sendias_tui.export.files import ExportWriteError
from sendias_tui.export.records_csv import RecordsImportError, read_records, write_records
from sendias_tui.export.summary_files import SummaryFormat, write_summary
from sendias_tui.paths import DATA_FILE_ENV, resolve_data_file
from sendias_tui.report.render import render_report
from sendias_tui.report.summary import build_report
from sendias_tui.storage import BackupError, DataFileError, EnquiryStore, StorageWriteError

QUARTER_SCHEME_SETTING = "quarter_scheme"
DEBUG_ENV = "SENDIAS_DEBUG"
"""Set to any value to let an unexpected error show its traceback."""

_SCHEME_DESCRIPTIONS = {
    QuarterScheme.CALENDAR: "Q1 is January to March",
    QuarterScheme.FINANCIAL: "Q1 is April to June",
}

app = typer.Typer(
    name="sendias",
    help="Record SENDIAS enquiries and produce the quarterly data summary. "
    "Run without a command to open the terminal app.",
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
settings_app = typer.Typer(
    help="Show or change the service's settings.",
    rich_markup_mode=None,
)
app.add_typer(settings_app, name="settings")


class _Failure(Exception):
    """A problem a person can fix, already worded for them."""


def _fail(message: str) -> NoReturn:
    raise _Failure(message)


@contextmanager
def _reported_errors() -> Iterator[None]:
    """Print any error a person can fix as one line on stderr and exit with status 1."""
    try:
        yield
    except _Failure as failure:
        message = str(failure)
    except (
        BackupError,
        CategoriesError,
        DataFileError,
        ExportWriteError,
        QuarterError,
        RecordsImportError,
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


def _data_file(ctx: typer.Context) -> Path:
    return ctx.find_root().obj


@contextmanager
def _open_store(ctx: typer.Context, *, create: bool) -> Iterator[EnquiryStore]:
    """Open the data file; with ``create`` false, a missing file is an error, not a new file."""
    path = _data_file(ctx)
    if not create and not path.exists():
        _fail(
            f"The data file {path} does not exist. Check --data-file or {DATA_FILE_ENV}, "
            "or run sendias to start recording."
        )
    try:
        store = EnquiryStore(path)
    except OSError as error:
        _fail(f"Could not open the data file {path}: {error.strerror or error}.")
    with store:
        yield store


def _categories() -> Categories:
    # TODO: load the service's own category lists once they can be configured.
    return default_categories()


def _quarter_scheme(store: EnquiryStore) -> QuarterScheme:
    value = store.get_setting(QUARTER_SCHEME_SETTING, QuarterScheme.CALENDAR.value)
    try:
        return QuarterScheme(value)
    except ValueError:
        _fail(
            f"The data file {store.path} has an unknown quarter scheme '{value}'. "
            "Run sendias settings quarter-scheme calendar (or financial) to set it."
        )


def _choose_quarter(store: EnquiryStore, text: str | None) -> Quarter:
    """Return the quarter named by ``text``, or the current one, in the store's scheme."""
    scheme = _quarter_scheme(store)
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


@app.callback(invoke_without_command=True)
def _main(
    ctx: typer.Context,
    data_file: Annotated[
        Path | None,
        typer.Option(
            "--data-file",
            envvar=DATA_FILE_ENV,
            help="Data file to read and write instead of the default one in your user data folder.",
            show_default=False,
        ),
    ] = None,
) -> None:
    ctx.obj = resolve_data_file(data_file)
    if ctx.invoked_subcommand is None:
        _run_app(ctx)


def _run_app(ctx: typer.Context) -> None:
    # Imported here so that the shell commands never load Textual.
    from sendias_tui.app import SendiasApp

    with _reported_errors(), _open_store(ctx, create=True) as store:
        SendiasApp(store, _categories()).run()


@app.command()
def summary(ctx: typer.Context, quarter: QuarterOption = None) -> None:
    """Print a quarter's summary tables.

    The quarter defaults to the current one.
    """
    with _reported_errors():
        with _open_store(ctx, create=False) as store:
            chosen = _choose_quarter(store, quarter)
            report = build_report(chosen, store.all(), store.redirects(), _categories())
        Console(highlight=False).print(render_report(report))


@app.command("import")
def import_records(
    ctx: typer.Context,
    csv_file: Annotated[
        Path,
        typer.Argument(
            metavar="FILE.csv",
            help="CSV file of enquiry records to add, one row per enquiry under the records header.",
            show_default=False,
        ),
    ],
) -> None:
    """Add the enquiries in a records CSV file.

    The import is all or nothing: if any row is invalid, every problem is
    listed and no enquiry is added.
    """
    with _reported_errors():
        if not csv_file.exists():
            _fail(f"The file {csv_file} was not found. Nothing was imported.")
        if not csv_file.is_file():
            _fail(f"{csv_file} is not a file. Nothing was imported.")
        enquiries = read_records(csv_file, _categories())
        with _open_store(ctx, create=True) as store:
            saved = store.add_many(enquiries)
    noun = "enquiry" if len(saved) == 1 else "enquiries"
    typer.echo(f"Imported {len(saved)} {noun} from {csv_file} into {_data_file(ctx)}.")


@app.command()
def export(
    ctx: typer.Context,
    output: Annotated[
        Path,
        typer.Option(
            "--output",
            "-o",
            help="File to write. An existing file is kept unless --force is given.",
            show_default=False,
        ),
    ],
    quarter: QuarterOption = None,
    summary_format: Annotated[
        SummaryFormat | None,
        typer.Option(
            "--format",
            case_sensitive=False,
            help="File format of the summary tables. Defaults to the one the --output extension names.",
            show_default=False,
        ),
    ] = None,
    records: Annotated[
        bool,
        typer.Option(
            "--records",
            help="Export the enquiry records as CSV instead of the summary tables; "
            "all records unless --quarter is given.",
        ),
    ] = False,
    force: Annotated[
        bool,
        typer.Option("--force", help="Replace the output file if it already exists."),
    ] = False,
) -> None:
    """Write summary tables or enquiry records to a file.

    Without --records, writes a quarter's summary tables (default: the
    current quarter). With --records, writes enquiry records as CSV in the
    format that import reads.
    """
    exists = f"{output} already exists. Choose another --output, or add --force to replace it."
    with _reported_errors():
        if output.exists() and not force:
            _fail(exists)
        try:
            if records:
                _export_records(ctx, output, quarter, summary_format, force)
            else:
                _export_summary(ctx, output, quarter, summary_format, force)
        except FileExistsError:
            # Created by someone else after the check above.
            _fail(exists)


def _export_records(
    ctx: typer.Context, output: Path, quarter: str | None, summary_format: SummaryFormat | None, force: bool
) -> None:
    if summary_format not in (None, SummaryFormat.CSV):
        _fail(f"--records writes CSV only, not {summary_format}. Leave out --format or use --format csv.")
    with _open_store(ctx, create=False) as store:
        if quarter is None:
            enquiries = store.all()
            scope = "every enquiry"
        else:
            chosen = _choose_quarter(store, quarter)
            enquiries = store.between(chosen.start, chosen.end)
            scope = f"the enquiries of {chosen.code}"
    count = write_records(output, enquiries, overwrite=force)
    noun = "enquiry" if count == 1 else "enquiries"
    typer.echo(f"Wrote {scope} ({count} {noun}) to {output}.")


def _export_summary(
    ctx: typer.Context, output: Path, quarter: str | None, summary_format: SummaryFormat | None, force: bool
) -> None:
    chosen_format = summary_format or SummaryFormat.from_path(output)
    if chosen_format is None:
        allowed = ", ".join(item.value for item in SummaryFormat)
        _fail(
            f"Cannot tell the format from the file name {output.name}. "
            f"Add --format with one of: {allowed}."
        )
    with _open_store(ctx, create=False) as store:
        chosen = _choose_quarter(store, quarter)
        report = build_report(chosen, store.all(), store.redirects(), _categories())
    write_summary(output, report, chosen_format, overwrite=force)
    typer.echo(f"Wrote the {chosen.code} summary tables ({chosen_format.value}) to {output}.")


@app.command()
def demo(ctx: typer.Context) -> None:
    """Load synthetic demo records into an empty file.

    The records are made up, from 2023, so that 2023-Q3 has figures to show.
    """
    # Imported here: the demo's record builder is only needed by this command.
    from sendias_tui.demo import DemoRefused, load_demo

    with _reported_errors(), _open_store(ctx, create=True) as store:
        try:
            count = load_demo(store)
        except DemoRefused as refused:
            _fail(str(refused))
    typer.echo(f"Added {count} synthetic demo enquiries to {store.path}. Try: sendias summary --quarter 2023-Q3")


def _show_settings(ctx: typer.Context) -> None:
    """Print the data file and its settings; a missing file shows the defaults and is not created."""
    path = _data_file(ctx)
    with _reported_errors():
        if not path.exists():
            scheme = QuarterScheme.CALENDAR
            typer.echo(f"Data file: {path} (not created yet)")
        else:
            with _open_store(ctx, create=False) as store:
                scheme = _quarter_scheme(store)
            typer.echo(f"Data file: {path}")
    typer.echo(f"Quarter scheme: {scheme.value} ({_SCHEME_DESCRIPTIONS[scheme]})")


@settings_app.callback(invoke_without_command=True)
def _settings(ctx: typer.Context) -> None:
    if ctx.invoked_subcommand is None:
        _show_settings(ctx)


@settings_app.command("quarter-scheme")
def quarter_scheme(
    ctx: typer.Context,
    scheme: Annotated[
        QuarterScheme | None,
        typer.Argument(
            case_sensitive=False,
            help="How quarters are numbered: calendar (Q1 is January to March) "
            "or financial (Q1 is April to June). Leave out to show the current scheme.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Show or set how quarters are numbered."""
    if scheme is None:
        _show_settings(ctx)
        return
    with _reported_errors(), _open_store(ctx, create=True) as store:
        store.set_setting(QUARTER_SCHEME_SETTING, scheme.value)
    typer.echo(f"Quarter scheme set to {scheme.value} ({_SCHEME_DESCRIPTIONS[scheme]}).")


def main() -> None:
    """Run the ``sendias`` command; the console script's entry point."""
    try:
        app(prog_name="sendias")
    except Exception as error:  # noqa: BLE001 - the last guard before a traceback
        if os.environ.get(DEBUG_ENV):
            raise
        typer.echo(
            f"sendias stopped because of an unexpected error ({type(error).__name__}: {error}). "
            f"Set {DEBUG_ENV}=1 to see the details.",
            err=True,
        )
        raise SystemExit(1) from None
