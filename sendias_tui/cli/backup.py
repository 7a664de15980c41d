"""``sendias backup`` and ``sendias restore``: copies of the data file to go back to."""

from __future__ import annotations

from typing import Annotated

import typer

from sendias_tui.cli.application import app
from sendias_tui.cli.common import data_file, fail, open_store, reported_errors
from sendias_tui.storage import DataFileError
from sendias_tui.storage import backup as backups


@app.command()
def backup(
    ctx: typer.Context,
    list_only: Annotated[
        bool,
        typer.Option("--list", help="List the backups, newest first, instead of making one."),
    ] = False,
) -> None:
    """Copy the data file into its backup folder, or list the backups.

    sendias also makes a backup once a day on the first save and before
    upgrading a file; the oldest beyond the kept number are removed.
    """
    with reported_errors():
        path = data_file(ctx)
        if list_only:
            found = backups.list_backups(path)
            if not found:
                typer.echo(f"{path} has no backups yet.")
            for item in found:
                typer.echo(f"{item.name}  {item.created:%d/%m/%Y %H:%M:%S}  {item.reason}")
            return
        with open_store(ctx, create=False) as store:
            made = store.backup_now()
    typer.echo(f"Backed up {path} to {made.path}.")


@app.command()
def restore(
    ctx: typer.Context,
    name: Annotated[
        str,
        typer.Argument(
            metavar="BACKUP",
            help="The backup to restore: a name from sendias backup --list, or a path.",
            show_default=False,
        ),
    ],
    yes: Annotated[
        bool,
        typer.Option("--yes", "-y", help="Restore without asking for confirmation."),
    ] = False,
) -> None:
    """Replace the data file with a backup, keeping a copy of what it replaces.

    Works on a damaged data file too, so that it can be replaced.
    """
    with reported_errors():
        path = data_file(ctx)
        if not yes and not typer.confirm(
            f"Replace everything in {path} with the backup {name}? A copy of the current file is kept.",
            default=False,
        ):
            fail("Nothing was restored.")
        try:
            with open_store(ctx, create=False) as store:
                replaced = store.restore(name)
        except DataFileError:
            # A damaged data file cannot be opened, but it can still be replaced.
            replaced = backups.restore_backup(path, name)
    kept = f" The replaced file was kept as {replaced.path}." if replaced else ""
    typer.echo(f"Restored {path} from {name}.{kept}")
