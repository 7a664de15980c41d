"""Child-process probes for the benchmarks; each prints one JSON line of measurements.

``python -m benchmarks.probe MODE [DATA_FILE] [QUARTER]``:

- ``bare``: a bare Textual app with a header and footer, started headless.
- ``app``: the sendias app over DATA_FILE, started headless.
- ``app-summary``: as ``app``, then open the summary of QUARTER.

Each reports the seconds from its start by the parent to the first screen
being ready (all workers done), and its peak resident memory.
"""

from __future__ import annotations

import asyncio
import json
import os
import resource
import sys
import time
from pathlib import Path

SPAWNED_AT_ENV = "BENCHMARK_SPAWNED_AT"
"""Environment variable with the parent's ``time.time()`` just before it started this process."""


def _seconds_since_spawn() -> float:
    """Return the seconds since the parent started this process, as it set in SPAWNED_AT_ENV."""
    return time.time() - float(os.environ[SPAWNED_AT_ENV])


def _peak_memory_bytes() -> int:
    """Return this process's peak resident memory.

    Linux carries ``ru_maxrss`` over from the parent through fork and exec,
    so a probe started by a benchmark that holds 100,000 records would report
    the parent's peak. ``VmHWM`` belongs to this process's own address space.
    """
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    # ru_maxrss is in kilobytes on Linux and in bytes on macOS.
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak if sys.platform == "darwin" else peak * 1024


async def _run_bare() -> dict[str, float]:
    from textual.app import App, ComposeResult
    from textual.widgets import Footer, Header

    class BareApp(App[None]):
        def compose(self) -> ComposeResult:
            yield Header()
            yield Footer()

    app = BareApp()
    async with app.run_test(headless=True, size=(100, 30)) as pilot:
        await pilot.pause()
        ready = _seconds_since_spawn()
    return {"ready_seconds": ready}


async def _run_sendias(data_file: Path, quarter_code: str | None) -> dict[str, float]:
    from sendias_tui.app import SendiasApp
    from sendias_tui.domain.categories import default_categories
    from sendias_tui.domain.quarters import Quarter
    from sendias_tui.screens.summary import SummaryScreen
    from sendias_tui.storage import EnquiryStore

    store = EnquiryStore(data_file)
    app = SendiasApp(store, default_categories())
    result: dict[str, float] = {}
    async with app.run_test(headless=True, size=(100, 30)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        result["ready_seconds"] = _seconds_since_spawn()
        if quarter_code is not None:
            start = time.perf_counter()
            await app.push_screen(SummaryScreen(Quarter.parse(quarter_code)))
            await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.pause()
            result["summary_seconds"] = time.perf_counter() - start
    return result


def main() -> None:
    mode = sys.argv[1]
    if mode == "bare":
        result = asyncio.run(_run_bare())
    else:
        quarter = sys.argv[3] if mode == "app-summary" else None
        result = asyncio.run(_run_sendias(Path(sys.argv[2]), quarter))
    result["peak_memory_bytes"] = _peak_memory_bytes()
    print(json.dumps(result))


if __name__ == "__main__":
    main()
