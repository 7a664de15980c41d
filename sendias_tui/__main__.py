"""Allow `python -m sendias_tui`."""

from sendias_tui.cli import main

main()
