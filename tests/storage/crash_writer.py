"""Save enquiries in a loop, printing what each returned save holds, until killed.

Used by the crash test: ``crash_writer.py DATA_FILE JOURNAL_LIMIT TRIAL``. Each
output line is printed and flushed only after the save returned, as
``add ID...`` or ``update ID ADVISOR``.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

from storage_records import enquiry

from sendias_tui.storage import EnquiryStore


def main() -> None:
    data_file, journal_limit, trial = Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    store = EnquiryStore(data_file, user="crash-test", journal_limit=journal_limit)
    step = 0
    while True:
        step += 1
        day = date(2023, 1, 1) + timedelta(days=(trial * 37 + step) % 365)
        if step % 5 == 0:
            saved = store.add_many([enquiry(day, advisor="AA"), enquiry(day, advisor="BB")])
        else:
            saved = [store.add(enquiry(day))]
        print("add", *(record.id for record in saved), flush=True)
        if step % 7 == 0:
            changed = store.update(replace(saved[0], advisor=f"U{trial}x{step}"))
            print("update", changed.id, changed.advisor, flush=True)


if __name__ == "__main__":
    main()
