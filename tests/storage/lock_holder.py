"""Hold a data file's write lock until a line arrives on stdin, as a slow writer would."""

from __future__ import annotations

import sys
from pathlib import Path

from sendias_tui.storage.locking import DataFileLock


def main() -> None:
    with DataFileLock(Path(sys.argv[1])).hold():
        print("locked", flush=True)
        sys.stdin.readline()


if __name__ == "__main__":
    main()
