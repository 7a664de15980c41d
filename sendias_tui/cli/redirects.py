"""``sendias redirects``: move redirected calls (for SENAT, out of area) in and out as CSV.

The records file carries enquiries only, so without these commands a move to
another data file would lose the calls that Table 1 counts.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from sendias_tui.cli.common import (
    CsvOutputOption,
    ForceOption,
    QuarterOption,
    choose_quarter,
    data_file,
    fail,
    open_store,
    output_exists,
    reported_errors,
    require_input_file,
)
from sendias_tui.export.redirects_csv import (
    RedirectsSummary,
    read_redirects,
    write_redirects,
)

app = typer.Typer(
    help="Import or export the redirected calls: calls or emails for SENAT and those "
    "transferred to another SENDIAS service.",
    rich_markup_mode=None,
    no_args_is_help=True,
)


@app.command("export")
def export_redirects(
    ctx: typer.Context,
    output: CsvOutputOption,
    quarter: QuarterOption = None,
    force: ForceOption = False,
) -> None:
    """Write the redirected-call entries to a CSV file that redirects import reads back.

    Every entry is written unless --quarter is given.
    """
    with reported_errors():
        if output.exists() and not force:
            fail(output_exists(output))
        with open_store(ctx, create=False) as store:
            if quarter is None:
                calls = store.redirects()
                scope = "every redirected-call entry"
            else:
                chosen = choose_quarter(store, quarter)
                calls = store.redirects_between(chosen.start, chosen.end)
                scope = f"the redirected calls of {chosen.code}"
        try:
            written = write_redirects(output, calls, overwrite=force)
        except FileExistsError:
            # Created by someone else after the check above.
            fail(output_exists(output))
    typer.echo(f"Wrote {scope} ({written}) to {output}.")


@app.command("import")
def import_redirects(
    ctx: typer.Context,
    csv_file: Annotated[
        Path,
        typer.Argument(
            metavar="FILE.csv",
            help="CSV file of redirected calls, one entry per row under the header date,kind,count.",
            show_default=False,
        ),
    ],
) -> None:
    """Add the redirected-call entries in a CSV file.

    The import is all or nothing: if any row is invalid, every problem is
    listed and no entry is added.
    """
    with reported_errors():
        require_input_file(csv_file)
        calls = read_redirects(csv_file)
        with open_store(ctx, create=True) as store:
            _, saved = store.add_records([], calls)
    if not saved:
        typer.echo(f"{csv_file} has no entries, so nothing was imported.")
        return
    typer.echo(
        f"Imported the redirected calls ({RedirectsSummary.of(saved)}) from {csv_file} into {data_file(ctx)}."
    )
