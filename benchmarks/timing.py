"""Timing helpers and the result rows that the benchmark command prints."""

from __future__ import annotations

import os
import statistics
import subprocess
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass


@dataclass
class Result:
    """One line of the results table: ours against a baseline measured in the same run."""

    what: str
    size: str
    ours: float
    """Median, in the unit below."""
    baseline: float
    unit: str
    goal: float | None = None
    """Largest ratio ours / baseline that meets the goal; None when there is no goal."""
    ours_p95: float | None = None
    baseline_p95: float | None = None
    note: str = ""

    @property
    def ratio(self) -> float:
        return self.ours / self.baseline if self.baseline else float("inf")

    @property
    def verdict(self) -> str:
        if self.goal is None:
            return ""
        return "met" if self.ratio <= self.goal else "NOT MET"


def percentile(values: Sequence[float], share: float) -> float:
    """Return the ``share`` percentile (0 to 1) of ``values``, by the nearest-rank method."""
    ordered = sorted(values)
    rank = max(1, round(share * len(ordered) + 0.5))
    return ordered[min(rank, len(ordered)) - 1]


def time_alternately(
    ours: Callable[[int], object], baseline: Callable[[int], object], runs: int
) -> tuple[list[float], list[float]]:
    """Time ``ours(i)`` and ``baseline(i)`` in turn, ``runs`` times each, in seconds.

    Alternating the two keeps a slow spell on a shared machine from landing
    on one side only.
    """
    ours_times, baseline_times = [], []
    for run in range(runs):
        start = time.perf_counter()
        ours(run)
        ours_times.append(time.perf_counter() - start)
        start = time.perf_counter()
        baseline(run)
        baseline_times.append(time.perf_counter() - start)
    return ours_times, baseline_times


def run_process(command: Sequence[str], *, env: dict[str, str] | None = None) -> tuple[float, str]:
    """Run ``command`` to the end and return its wall time in seconds and its output.

    The child's environment gets ``BENCHMARK_SPAWNED_AT``, the time just
    before it started, so that it can time its own start-up.

    Raises:
        RuntimeError: the command failed; the message contains its error output.
    """
    spawned_at = time.time()
    start = time.perf_counter()
    completed = subprocess.run(
        command,
        capture_output=True,
        env={**os.environ, **(env or {}), "BENCHMARK_SPAWNED_AT": repr(spawned_at)},
        check=False,
    )
    seconds = time.perf_counter() - start
    if completed.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{completed.stderr.decode(errors='replace')}")
    return seconds, completed.stdout.decode(errors="replace")


def median(values: Sequence[float]) -> float:
    return statistics.median(values)
