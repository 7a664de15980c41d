"""``sendias summary``: print a quarter's summary in the terminal, as the summary screen shows it."""

from __future__ import annotations

from datetime import date

import typer
from rich.console import Console
from rich.text import Text

from sendias_tui.cli.application import app
from sendias_tui.cli.common import (
    QuarterOption,
    categories,
    choose_quarter,
    open_store,
    reported_errors,
)
from sendias_tui.report.full_report import build_full_report, records_for_report
from sendias_tui.report.summary_blocks import summary_blocks


@app.command()
def summary(ctx: typer.Context, quarter: QuarterOption = None) -> None:
    """Print a quarter's data checks, sentences, tables and figures.

    The quarter defaults to the current one. Use sendias check for the
    checks alone and sendias report for a document to publish.
    """
    with reported_errors():
        with open_store(ctx, create=False) as store:
            chosen = choose_quarter(store, quarter)
            enquiries, redirects = records_for_report(store, chosen)
            full = build_full_report(
                chosen,
                enquiries,
                redirects,
                store.all_metrics(),
                store.published_totals(),
                categories(),
                today=date.today(),
            )
        console = Console(highlight=False)
        console.print(Text(f"Quarterly data summary, {chosen.title}", style="bold underline"))
        console.print(Text(f"New enquiries in the quarter: {full.report.new_enquiries}"))
        if full.issues:
            console.print()
            console.print(Text("Data checks", style="bold"))
            for issue in full.issues:
                console.print(Text(f"{issue.severity.value.capitalize()}: {issue.message}"))
        for block in summary_blocks(full):
            console.print()
            console.print(block.renderable)
