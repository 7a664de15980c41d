"""The ``sendias`` command: start the terminal app, or summarise, import and export from a shell.

Every command is a thin layer over the core. Errors a person can fix print
one plain message to stderr and exit with status 1, never a traceback. Each
module of this package contains one group of commands and registers it with the
Typer application in ``application.py``.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer

from sendias_tui.cli import (
    backup,
    metrics,
    records,
    redirects,
    report,
    settings,
    summary,
)
from sendias_tui.cli.application import app
from sendias_tui.cli.common import categories, open_store, reported_errors
from sendias_tui.paths import DATA_FILE_ENV, resolve_data_file

DEBUG_ENV = "SENDIAS_DEBUG"
"""Set to any value to let an unexpected error show its traceback."""

app.add_typer(settings.app, name="settings")
app.add_typer(redirects.app, name="redirects")

__all__ = ["app", "backup", "main", "metrics", "records", "report", "summary"]


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

    with reported_errors(), open_store(ctx, create=True) as store:
        SendiasApp(store, categories()).run()


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
