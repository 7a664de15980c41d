"""Files that leave or enter sendias: records CSV and the quarterly summary tables.

Nothing here imports Textual or Typer; the CLI and the TUI both call it.
"""
