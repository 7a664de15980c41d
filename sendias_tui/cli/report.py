"""``sendias report`` and ``sendias check``: the publishable report and its checks."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from sendias_tui.cli.application import app
from sendias_tui.cli.common import (
    QuarterOption,
    categories,
    choose_quarter,
    fail,
    open_store,
    reported_errors,
)
from sendias_tui.publish import DocumentError, ReportFormat, write_report


@app.command()
def report(
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
    report_format: Annotated[
        ReportFormat | None,
        typer.Option(
            "--format",
            case_sensitive=False,
            help="docx (Word), html, md (Markdown) or xlsx. Defaults to the one the --output extension names.",
            show_default=False,
        ),
    ] = None,
    suppress_below: Annotated[
        int | None,
        typer.Option(
            "--suppress-below",
            min=0,
            help="Hide counts from 1 to N-1 (and any count that would reveal them) before publishing. "
            "0 turns it off. Remembered for the next report from this data file.",
            show_default=False,
        ),
    ] = None,
    force: Annotated[
        bool,
        typer.Option("--force", help="Replace the output file if it already exists."),
    ] = False,
) -> None:
    """Write a quarter's whole report as a document to publish.

    Tables and figures are numbered in the published summary's order, every
    caption names the quarter, and the appendix defines the intervention
    levels. The quarter defaults to the current one.
    """
    # Imported here, like those of check, so that other commands start
    # without loading the whole report's code.
    from sendias_tui.publish.assemble import SUPPRESS_BELOW_SETTING, assemble_document

    with reported_errors():
        chosen_format = report_format or _format_from_suffix(output)
        if output.exists() and not force:
            fail(f"{output} already exists. Choose another --output, or add --force to replace it.")
        with open_store(ctx, create=False) as store:
            chosen = choose_quarter(store, quarter)
            if suppress_below is None:
                threshold = int(store.get_setting(SUPPRESS_BELOW_SETTING, 0) or 0)
            else:
                threshold = suppress_below
                store.set_setting(SUPPRESS_BELOW_SETTING, threshold)
            try:
                assembled = assemble_document(chosen, store, categories(), suppress_below=threshold)
            except DocumentError as error:
                fail(f"The {chosen.code} report could not be laid out: {error}.")
        try:
            write_report(assembled.document, output, chosen_format, overwrite=force)
        except FileExistsError:
            fail(f"{output} already exists. Choose another --output, or add --force to replace it.")
    hidden = f", counts below {threshold} hidden" if threshold >= 2 else ""
    typer.echo(f"Wrote the {chosen.code} report ({chosen_format.value}{hidden}) to {output}.")


def _format_from_suffix(output: Path) -> ReportFormat:
    suffix = output.suffix.lower().lstrip(".")
    if suffix == "htm":
        suffix = "html"
    try:
        return ReportFormat(suffix)
    except ValueError:
        allowed = ", ".join(item.value for item in ReportFormat)
        fail(f"Cannot tell the format from the file name {output.name}. Add --format with one of: {allowed}.")


@app.command()
def check(ctx: typer.Context, quarter: QuarterOption = None) -> None:
    """List what would make a quarter's report wrong before it is published.

    Exits with status 1 when any problem is an error, so scripts can stop.
    """
    from sendias_tui.report.full_report import build_full_report, records_for_report
    from sendias_tui.report.quality import Severity

    today = date.today()
    with reported_errors(), open_store(ctx, create=False) as store:
        chosen = choose_quarter(store, quarter)
        enquiries, redirects = records_for_report(store, chosen)
        full = build_full_report(
            chosen,
            enquiries,
            redirects,
            store.all_metrics(),
            store.published_totals(),
            categories(),
            today=today,
        )
    issues = full.issues
    if not issues:
        typer.echo(f"No problems found in {chosen.code}.")
        return
    for issue in issues:
        typer.echo(f"{issue.severity.value.capitalize()}: {issue.message}")
    errors = sum(1 for issue in issues if issue.severity is Severity.ERROR)
    warnings = len(issues) - errors
    typer.echo(
        f"{_count(len(issues), 'problem')} in {chosen.code}: "
        f"{_count(errors, 'error')}, {_count(warnings, 'warning')}."
    )
    if errors:
        raise typer.Exit(1)


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"
