"""Run every benchmark and print a table of medians and their ratios to same-run baselines.

``python -m benchmarks`` runs the sizes 2,000, 20,000 and 100,000 and the full
crash test (200 SIGKILL trials), in a few minutes. ``--sizes`` and
``--crash-trials`` change that; ``--only storage`` skips the app benchmarks.
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks import app_bench, storage_bench
from benchmarks.timing import Result

DEFAULT_SIZES = (2_000, 20_000, 100_000)
DEFAULT_CRASH_TRIALS = 200
REPOSITORY = Path(__file__).resolve().parent.parent


def machine_description() -> str:
    """Return the processor, core count, memory, operating system and Python version."""
    processor = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                processor = line.split(":", 1)[1].strip()
                break
        memory_kib = int(Path("/proc/meminfo").read_text().split()[1])
        memory = f", {memory_kib / 1024 / 1024:.0f} GiB memory"
    except (OSError, ValueError, IndexError):
        memory = ""
    return (
        f"{processor}, {os.cpu_count()} cores{memory}; {platform.system()} {platform.release()}; "
        f"Python {platform.python_version()}"
    )


def format_table(results: list[Result]) -> str:
    """Return the results as a Markdown table."""
    lines = [
        "| benchmark | size | ours: median (p95) | baseline: median (p95) | ratio | goal | result |",
        "|---|---|---|---|---|---|---|",
    ]
    for result in results:
        ours = _with_p95(result.ours, result.ours_p95, result.unit)
        baseline = _with_p95(result.baseline, result.baseline_p95, result.unit)
        goal = f"<= {result.goal:g}x" if result.goal is not None else ""
        lines.append(
            f"| {result.what} | {result.size} | {ours} | {baseline} | {result.ratio:.2f}x | {goal} | {result.verdict} |"
        )
    notes = [f"- {result.what}, {result.size}: {result.note}" for result in results if result.note]
    return "\n".join(lines + ([""] + notes if notes else []))


def _with_p95(value: float, p95: float | None, unit: str) -> str:
    text = f"{value:.3g} {unit}" if value < 100 else f"{value:.0f} {unit}"
    return f"{text} ({p95:.3g})" if p95 is not None else text


def run_crash_test(trials: int) -> str:
    """Run the SIGKILL crash test with ``trials`` trials and return a one-line outcome."""
    start = time.perf_counter()
    completed = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/storage/test_crash_safety.py"],
        cwd=REPOSITORY,
        env={**os.environ, "SENDIAS_CRASH_TRIALS": str(trials)},
        capture_output=True,
        text=True,
        check=False,
    )
    seconds = time.perf_counter() - start
    outcome = "passed" if completed.returncode == 0 else "FAILED"
    last_line = completed.stdout.strip().splitlines()[-1] if completed.stdout.strip() else ""
    return f"crash test, {trials} SIGKILL trials: {outcome} in {seconds:.0f} s ({last_line})"


def main(arguments: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes",
        default=",".join(str(size) for size in DEFAULT_SIZES),
        help="comma-separated numbers of enquiries in the data file (default: %(default)s)",
    )
    parser.add_argument(
        "--crash-trials",
        type=int,
        default=DEFAULT_CRASH_TRIALS,
        help="SIGKILL trials of the crash test; 0 skips it (default: %(default)s)",
    )
    parser.add_argument(
        "--only", choices=("storage", "app"), help="run only the storage or only the summary and app benchmarks"
    )
    options = parser.parse_args(arguments)
    sizes = [int(size.replace("_", "")) for size in options.sizes.split(",") if size]

    print(f"Machine: {machine_description()}", flush=True)
    started = time.perf_counter()
    results: list[Result] = []
    with tempfile.TemporaryDirectory(prefix="sendias-benchmarks-") as folder_name:
        folder = Path(folder_name)
        for size in sizes:
            label = f"{size:,}"
            print(f"Writing a data file of {label} enquiries...", flush=True)
            data_file = storage_bench.make_data_file(folder, size)
            steps: list[Callable[[Path, str], list[Result]]] = []
            if options.only != "app":
                steps.append(storage_bench.bench_save)
            if options.only != "storage":
                steps += [
                    app_bench.bench_tables,
                    app_bench.bench_summary_command,
                    app_bench.bench_app_start,
                    app_bench.bench_memory,
                ]
            for step in steps:
                results.extend(step(data_file, label))
                print(f"  {results[-1].what}: {results[-1].ratio:.2f}x", flush=True)
            if options.only != "app" and size == max(sizes):
                results.extend(storage_bench.bench_import(folder, None, "empty file"))
                results.extend(storage_bench.bench_import(folder, data_file, f"into {label}"))
                print(f"  import: {results[-1].ratio:.2f}x", flush=True)
    crash = run_crash_test(options.crash_trials) if options.crash_trials > 0 else "crash test skipped"

    print()
    print(format_table(results))
    print()
    print(crash)
    print(f"Total time: {time.perf_counter() - started:.0f} s")
