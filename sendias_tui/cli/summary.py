"""``sendias summary``: print a quarter's tables in the terminal."""

from __future__ import annotations

import typer
from rich.console import Console

from sendias_tui.cli.application import app
from sendias_tui.cli.common import QuarterOption, categories, choose_quarter, open_store, reported_errors
from sendias_tui.report.render import render_report
from sendias_tui.report.summary import build_report


@app.command()
def summary(ctx: typer.Context, quarter: QuarterOption = None) -> None:
    """Print a quarter's summary tables.

    The quarter defaults to the current one.
    """
    with reported_errors():
        with open_store(ctx, create=False) as store:
            chosen = choose_quarter(store, quarter)
            report = build_report(
                chosen,
                store.between(chosen.start, chosen.end),
                store.redirects_between(chosen.start, chosen.end),
                categories(),
            )
        Console(highlight=False).print(render_report(report))


