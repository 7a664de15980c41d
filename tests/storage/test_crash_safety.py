"""A writer killed with SIGKILL at random moments loses no save that had returned.

CI runs 20 trials; ``SENDIAS_CRASH_TRIALS=200`` (the benchmark command sets
it) runs more. ``SENDIAS_CRASH_SEED`` repeats a failing run.
"""

from __future__ import annotations

import json
import os
import random
import signal
import sys

import pytest
from storage_records import start_helper

from sendias_tui.storage import EnquiryStore

TRIALS = int(os.environ.get("SENDIAS_CRASH_TRIALS", "20"))
SEED = int(os.environ.get("SENDIAS_CRASH_SEED", random.randrange(1_000_000)))


def run_until_killed(data_file, journal_limit: int, trial: int, saves: int) -> list[str]:
    """Let the writer report ``saves`` returned saves, kill it, and return every line it printed."""
    writer = start_helper("crash_writer.py", data_file, journal_limit, trial)
    lines = []
    for _ in range(saves):
        line = writer.stdout.readline()
        if not line:
            break
        lines.append(line)
    os.kill(writer.pid, signal.SIGKILL)
    rest, errors = writer.communicate()
    lines.extend(rest.splitlines(keepends=True))
    assert writer.returncode == -signal.SIGKILL, f"writer stopped by itself: {errors}"
    return lines


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX only")
def test_killed_writer_keeps_returned_saves(tmp_path):
    rng = random.Random(SEED)
    data_file = tmp_path / "sendias.json"
    returned_ids: list[int] = []
    advisors: dict[int, str] = {}

    for trial in range(TRIALS):
        # Small journal limits make the writer rewrite the snapshot every few
        # saves, so kills also land in the middle of a rewrite.
        journal_limit = rng.choice([1_500, 4_000, 20_000, 1_000_000])
        lines = run_until_killed(data_file, journal_limit, trial, rng.randint(1, 40))
        for line in lines:
            kind, *values = line.split()
            if kind == "add":
                returned_ids.extend(int(value) for value in values)
            else:
                advisors[int(values[0])] = values[1]

        context = f"trial {trial} of seed {SEED}"
        json.loads(data_file.read_bytes())
        with EnquiryStore(data_file, user="checker") as store:
            stored = {record.id: record for record in store.all()}
        missing = sorted(set(returned_ids) - set(stored))
        assert missing == [], context
        assert len(returned_ids) == len(set(returned_ids)), f"an id was given twice, {context}"
        for record_id, advisor in advisors.items():
            assert stored[record_id].advisor == advisor, context
