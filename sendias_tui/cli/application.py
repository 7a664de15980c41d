"""The Typer application that every command module registers with."""

from __future__ import annotations

import typer

app = typer.Typer(
    name="sendias",
    help="Record SENDIAS enquiries and produce the quarterly data summary. "
    "Run without a command to open the terminal app.",
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
