"""``sendias metrics`` and ``sendias history``: move service metrics and published totals in and out.

Both import CSV files all or nothing, in the layouts ``docs/metrics-csv.md``
describes, and save everything a file contains in one write of the data file.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from sendias_tui.cli.application import app
from sendias_tui.cli.common import (
    CsvOutputOption,
    ForceOption,
    QuarterOption,
    categories,
    choose_quarter,
    data_file,
    fail,
    open_store,
    output_exists,
    quarter_scheme,
    reported_errors,
    require_input_file,
)
from sendias_tui.domain.metrics_validation import month_code
from sendias_tui.domain.quarters import QuarterScheme
from sendias_tui.export.csv_reading import CsvImportError
from sendias_tui.export.metrics_csv import read_metrics, write_metrics
from sendias_tui.export.published_csv import (
    read_published_totals,
    write_published_totals,
)

metrics_app = typer.Typer(
    help="Import or export the monthly service metrics: website, accessibility toolbar "
    "and social media figures.",
    rich_markup_mode=None,
    no_args_is_help=True,
)
history_app = typer.Typer(
    help="Import or export the published totals of earlier quarters, which year-on-year "
    "figures use where there are no records.",
    rich_markup_mode=None,
    no_args_is_help=True,
)
app.add_typer(metrics_app, name="metrics")
app.add_typer(history_app, name="history")

def _plural(count: int, singular: str, plural: str) -> str:
    return f"{count} {singular if count == 1 else plural}"


@metrics_app.command("import")
def import_metrics(
    ctx: typer.Context,
    csv_file: Annotated[
        Path,
        typer.Argument(
            metavar="FILE.csv",
            help="CSV file of monthly metrics, one figure per row under the header "
            "month,measure,name,value,date.",
            show_default=False,
        ),
    ],
) -> None:
    """Save the monthly metrics in a CSV file.

    Each month in the file replaces every figure stored for that month. The
    import is all or nothing: if any row is invalid, every problem is listed
    and nothing is saved.
    """
    with reported_errors():
        require_input_file(csv_file)
        try:
            metrics = read_metrics(csv_file, categories())
        except CsvImportError as error:
            fail(str(error))
        with open_store(ctx, create=True) as store:
            store.replace_metrics_many(metrics)
    if not metrics:
        typer.echo(f"{csv_file} has no figures, so nothing was imported.")
        return
    first = month_code(metrics[0].year, metrics[0].month)
    last = month_code(metrics[-1].year, metrics[-1].month)
    span = first if first == last else f"{first} to {last}"
    typer.echo(
        f"Imported the figures of {_plural(len(metrics), 'month', 'months')} ({span}) "
        f"from {csv_file} into {data_file(ctx)}."
    )


@metrics_app.command("export")
def export_metrics(
    ctx: typer.Context, output: CsvOutputOption, quarter: QuarterOption = None, force: ForceOption = False
) -> None:
    """Write the monthly metrics to a CSV file that metrics import reads back.

    Every month is written unless --quarter is given.
    """
    with reported_errors():
        if output.exists() and not force:
            fail(output_exists(output))
        with open_store(ctx, create=False) as store:
            if quarter is None:
                metrics = store.all_metrics()
                scope = "the metrics of every month"
            else:
                chosen = choose_quarter(store, quarter)
                metrics = store.metrics_for_months(chosen.months)
                scope = f"the metrics of {chosen.code}"
        try:
            count = write_metrics(output, metrics, overwrite=force)
        except FileExistsError:
            # Created by someone else after the check above.
            fail(output_exists(output))
    typer.echo(f"Wrote {scope} ({_plural(count, 'month', 'months')}) to {output}.")


@history_app.command("import")
def import_history(
    ctx: typer.Context,
    csv_file: Annotated[
        Path,
        typer.Argument(
            metavar="FILE.csv",
            help="CSV file of published totals, one earlier quarter per row.",
            show_default=False,
        ),
    ],
) -> None:
    """Save the published totals of earlier quarters from a CSV file.

    Quarter codes are read under the data file's quarter scheme. Each quarter
    in the file replaces the totals stored for it. The import is all or
    nothing: if any row is invalid, every problem is listed and nothing is saved.
    """
    with reported_errors():
        require_input_file(csv_file)
        scheme = QuarterScheme.CALENDAR
        if data_file(ctx).exists():
            with open_store(ctx, create=False) as store:
                scheme = quarter_scheme(store)
        try:
            totals = read_published_totals(csv_file, scheme)
        except CsvImportError as error:
            fail(str(error))
        with open_store(ctx, create=True) as store:
            store.replace_metrics_many(published_totals=totals)
    if not totals:
        typer.echo(f"{csv_file} has no quarters, so nothing was imported.")
        return
    codes = [item.quarter for item in totals]
    span = codes[0] if len(codes) == 1 else f"{codes[0]} to {codes[-1]}"
    typer.echo(
        f"Imported the published totals of {_plural(len(totals), 'quarter', 'quarters')} ({span}) "
        f"from {csv_file} into {data_file(ctx)}."
    )


@history_app.command("export")
def export_history(ctx: typer.Context, output: CsvOutputOption, force: ForceOption = False) -> None:
    """Write the published totals of earlier quarters to a CSV file that history import reads back."""
    with reported_errors():
        if output.exists() and not force:
            fail(output_exists(output))
        with open_store(ctx, create=False) as store:
            totals = store.published_totals()
            scheme = quarter_scheme(store)
        try:
            count = write_published_totals(output, totals, scheme, overwrite=force)
        except FileExistsError:
            fail(output_exists(output))
    typer.echo(f"Wrote the published totals ({_plural(count, 'quarter', 'quarters')}) to {output}.")
