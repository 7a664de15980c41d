"""``sendias import``, ``export`` and ``demo``: move records and tables in and out."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from sendias_tui.cli.application import app
from sendias_tui.cli.common import (
    QuarterOption,
    categories,
    choose_quarter,
    data_file,
    fail,
    open_store,
    output_exists,
    reported_errors,
    require_input_file,
)
from sendias_tui.domain.enquiry import Enquiry
from sendias_tui.export.record_duplicates import DuplicateRow, find_duplicate_rows
from sendias_tui.export.records_csv import RecordRow, read_record_rows, write_records
from sendias_tui.export.summary_files import SummaryFormat, write_summary
from sendias_tui.report.summary import build_report
from sendias_tui.storage import EnquiryStore

LISTED_DUPLICATES = 20
"""How many repeated rows a message lists by number before it only counts the rest."""


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
    allow_duplicates: Annotated[
        bool,
        typer.Option(
            "--allow-duplicates",
            help="Import rows that are the same as records already stored, instead of rejecting the file.",
        ),
    ] = False,
) -> None:
    """Add the enquiries in a records CSV file.

    The import is all or nothing: if any row is invalid, every problem is
    listed and no enquiry is added. A row the same in every column as a
    stored record rejects the file too, unless --allow-duplicates is given,
    so that a file imported twice does not double the counts. Rows repeated
    within the file are imported, with a note.
    """
    with reported_errors():
        require_input_file(csv_file)
        rows = read_record_rows(csv_file, categories())
        with open_store(ctx, create=True) as store:
            duplicates = find_duplicate_rows(rows, _stored_on_dates_of(store, rows))
            repeats_stored = [duplicate for duplicate in duplicates if duplicate.stored]
            if repeats_stored and not allow_duplicates:
                fail(_rejected_duplicates(csv_file, repeats_stored))
            saved = store.add_many(row.enquiry for row in rows)
    noun = "enquiry" if len(saved) == 1 else "enquiries"
    typer.echo(f"Imported {len(saved)} {noun} from {csv_file} into {data_file(ctx)}.")
    if duplicates:
        count = len(duplicates)
        subject = "1 row repeats" if count == 1 else f"{count} rows repeat"
        verb = "was" if count == 1 else "were"
        typer.echo(f"Note: {subject} another row or a stored record, and {verb} imported as well.")
        typer.echo("\n".join(_listed(duplicates)))


def _stored_on_dates_of(store: EnquiryStore, rows: list[RecordRow]) -> list[Enquiry]:
    """Return the stored enquiries received on a date that some row has, the only ones a row can repeat."""
    dates = {row.enquiry.date_received for row in rows}
    if not dates:
        return []
    return [enquiry for enquiry in store.between(min(dates), max(dates)) if enquiry.date_received in dates]


def _rejected_duplicates(csv_file: Path, duplicates: list[DuplicateRow]) -> str:
    count = len(duplicates)
    rows = "1 row is" if count == 1 else f"{count} rows are"
    summary = (
        f"The file {csv_file} was rejected: {rows} the same as records already stored, "
        "so it may have been imported before. Nothing was imported. "
        "Add --allow-duplicates to import it anyway."
    )
    return "\n".join([summary, *_listed(duplicates)])


def _listed(duplicates: list[DuplicateRow]) -> list[str]:
    lines = [str(duplicate) for duplicate in duplicates[:LISTED_DUPLICATES]]
    more = len(duplicates) - LISTED_DUPLICATES
    if more > 0:
        lines.append(f"... and {more} more {'row' if more == 1 else 'rows'}")
    return lines


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
    exists = output_exists(output)
    with reported_errors():
        if output.exists() and not force:
            fail(exists)
        try:
            if records:
                _export_records(ctx, output, quarter, summary_format, force)
            else:
                _export_summary(ctx, output, quarter, summary_format, force)
        except FileExistsError:
            # Created by someone else after the check above.
            fail(exists)


def _export_records(
    ctx: typer.Context, output: Path, quarter: str | None, summary_format: SummaryFormat | None, force: bool
) -> None:
    if summary_format not in (None, SummaryFormat.CSV):
        fail(f"--records writes CSV only, not {summary_format}. Leave out --format or use --format csv.")
    with open_store(ctx, create=False) as store:
        if quarter is None:
            enquiries = store.all()
            scope = "every enquiry"
        else:
            chosen = choose_quarter(store, quarter)
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
        fail(
            f"Cannot tell the format from the file name {output.name}. "
            f"Add --format with one of: {allowed}."
        )
    with open_store(ctx, create=False) as store:
        chosen = choose_quarter(store, quarter)
        report = build_report(
            chosen,
            store.between(chosen.start, chosen.end),
            store.redirects_between(chosen.start, chosen.end),
            categories(),
        )
    write_summary(output, report, chosen_format, overwrite=force)
    typer.echo(f"Wrote the {chosen.code} summary tables ({chosen_format.value}) to {output}.")


@app.command()
def demo(ctx: typer.Context) -> None:
    """Load synthetic demo records into an empty file.

    The records are made up, from 2023, so that 2023-Q3 has figures to show.
    """
    # Imported here: the demo's record builder is only needed by this command.
    from sendias_tui.demo import DemoRefused, load_demo

    with reported_errors(), open_store(ctx, create=True) as store:
        try:
            count = load_demo(store)
        except DemoRefused as refused:
            fail(str(refused))
    typer.echo(f"Added {count} synthetic demo enquiries to {store.path}. Try: sendias summary --quarter 2023-Q3")


