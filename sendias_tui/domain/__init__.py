"""The records sendias keeps and the rules that apply to them.

Nothing in this package imports Textual or Typer: both front ends build on it.
"""
