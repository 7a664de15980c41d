"""Summary and app benchmarks: computing the tables, ``sendias summary``, app start-up and memory."""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from benchmarks.timing import Result, median, percentile, run_process, time_alternately
from sendias_tui.domain.categories import default_categories
from sendias_tui.domain.quarters import Quarter
from sendias_tui.report.summary import build_report
from sendias_tui.storage import EnquiryStore

QUARTER = "2024-Q4"
"""The newest quarter of the synthetic data, so that every size has a full quarter to report."""

TABLE_RUNS = 20
PROCESS_RUNS = 5
MEMORY_RUNS = 3


def bench_tables(data_file: Path, size_label: str) -> list[Result]:
    """Time computing every table of one quarter from a store already in memory, as the summary screen does."""
    categories = default_categories()
    quarter = Quarter.parse(QUARTER)
    store = EnquiryStore(data_file, user="benchmark")
    store.all()  # the list screen has loaded every record before the summary opens

    def compute(run: int) -> None:
        build_report(quarter, store.all(), store.redirects(), categories)

    def count_one_field(run: int) -> None:
        Counter(enquiry.main_sen for enquiry in store.all())

    ours, baseline = time_alternately(compute, count_one_field, TABLE_RUNS)
    store.close()
    return [
        Result(
            "compute every table of one quarter",
            size_label,
            median(ours) * 1000,
            median(baseline) * 1000,
            "ms",
            goal=3,
            ours_p95=percentile(ours, 0.95) * 1000,
            baseline_p95=percentile(baseline, 0.95) * 1000,
        )
    ]


def bench_summary_command(data_file: Path, size_label: str) -> list[Result]:
    """Time ``sendias summary`` as a whole process against a process that only loads the file."""
    summary = [sys.executable, "-m", "sendias_tui", "--data-file", str(data_file), "summary", "--quarter", QUARTER]
    load = [sys.executable, "-c", f"import json; json.load(open({str(data_file)!r}))"]
    ours, baseline = time_alternately(
        lambda run: run_process(summary), lambda run: run_process(load), PROCESS_RUNS
    )
    return [Result("`sendias summary` process", size_label, median(ours), median(baseline), "s", goal=1.5)]


def _probe(*arguments: str) -> dict[str, float]:
    _, output = run_process([sys.executable, "-m", "benchmarks.probe", *arguments])
    return json.loads(output.strip().splitlines()[-1])


def bench_app_start(data_file: Path, size_label: str) -> list[Result]:
    """Time the app's start until its first screen is ready against a bare Textual app."""
    ours, baseline = [], []
    for _ in range(PROCESS_RUNS):
        ours.append(_probe("app", str(data_file))["ready_seconds"])
        baseline.append(_probe("bare")["ready_seconds"])
    return [Result("start the app (headless)", size_label, median(ours), median(baseline), "s", goal=1.3)]


def bench_memory(data_file: Path, size_label: str) -> list[Result]:
    """Measure peak memory of the app showing a quarter's summary against the bare app's plus 3x the file."""
    ours, bare, summary_seconds = [], [], []
    for _ in range(MEMORY_RUNS):
        probe = _probe("app-summary", str(data_file), QUARTER)
        ours.append(probe["peak_memory_bytes"])
        summary_seconds.append(probe["summary_seconds"])
        bare.append(_probe("bare")["peak_memory_bytes"])
    file_size = data_file.stat().st_size
    megabyte = 1024 * 1024
    budget = median(bare) + 3 * file_size
    return [
        Result(
            "peak memory while summarising",
            size_label,
            median(ours) / megabyte,
            budget / megabyte,
            "MiB",
            goal=1.0,
            note=(
                f"baseline is the bare app ({median(bare) / megabyte:.0f} MiB) plus 3x the "
                f"{file_size / megabyte:.0f} MiB data file; opening the summary screen took "
                f"{median(summary_seconds):.2f} s"
            ),
        )
    ]

