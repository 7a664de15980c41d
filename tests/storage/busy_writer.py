"""Save enquiries into a shared data file after a start signal, as a second program would.

``busy_writer.py DATA_FILE COUNT ADVISOR MODE``: prints ``ready``, waits for a
line on stdin, then saves COUNT enquiries with ADVISOR, one at a time (MODE
``each``) or in one batch as an import does (MODE ``import``).
"""

from __future__ import annotations

import sys
from datetime import date, timedelta
from pathlib import Path

from storage_records import enquiry

from sendias_tui.storage import EnquiryStore


def main() -> None:
    data_file, count, advisor, mode = Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3], sys.argv[4]
    store = EnquiryStore(data_file, user=f"writer-{advisor}", lock_timeout=30)
    records = [enquiry(date(2023, 1, 1) + timedelta(days=n % 365), advisor=advisor) for n in range(count)]
    print("ready", flush=True)
    sys.stdin.readline()
    if mode == "import":
        store.add_many(records)
    else:
        for record in records:
            store.add(record)
    print("done", flush=True)


if __name__ == "__main__":
    main()
