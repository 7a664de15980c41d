"""``sendias settings``: show or change the service's settings."""

from __future__ import annotations

from typing import Annotated

import typer

from sendias_tui.cli.common import (
    QUARTER_SCHEME_SETTING,
    SCHEME_DESCRIPTIONS,
    data_file,
    open_store,
    quarter_scheme,
    reported_errors,
)
from sendias_tui.domain.quarters import QuarterScheme
from sendias_tui.publish.assemble import SUPPRESS_BELOW_SETTING

app = typer.Typer(
    help="Show or change the service's settings.",
    rich_markup_mode=None,
)


def _show_settings(ctx: typer.Context) -> None:
    """Print the data file and its settings; a missing file shows the defaults and is not created."""
    path = data_file(ctx)
    with reported_errors():
        threshold = 0
        if not path.exists():
            scheme = QuarterScheme.CALENDAR
            typer.echo(f"Data file: {path} (not created yet)")
        else:
            with open_store(ctx, create=False) as store:
                scheme = quarter_scheme(store)
                threshold = int(store.get_setting(SUPPRESS_BELOW_SETTING, 0) or 0)
            typer.echo(f"Data file: {path}")
    typer.echo(f"Quarter scheme: {scheme.value} ({SCHEME_DESCRIPTIONS[scheme]})")
    if threshold >= 2:
        hidden = f"counts from 1 to {threshold - 1} are hidden"
    else:
        hidden = "off"
    typer.echo(
        f"Small counts in reports: {hidden} (change with sendias report --suppress-below N; 0 turns it off)"
    )


@app.callback(invoke_without_command=True)
def _settings(ctx: typer.Context) -> None:
    if ctx.invoked_subcommand is None:
        _show_settings(ctx)


@app.command("quarter-scheme")
def set_quarter_scheme(
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
    with reported_errors(), open_store(ctx, create=True) as store:
        store.set_setting(QUARTER_SCHEME_SETTING, scheme.value)
    typer.echo(f"Quarter scheme set to {scheme.value} ({SCHEME_DESCRIPTIONS[scheme]}).")


