"""Storage benchmarks: saving one enquiry and importing a CSV file, against plain-file baselines."""

from __future__ import annotations

import csv
import json
import os
import time
from pathlib import Path

from benchmarks.synthetic import synthetic_enquiries, synthetic_redirects
from benchmarks.timing import Result, median, percentile, time_alternately
from sendias_tui.domain.categories import default_categories
from sendias_tui.domain.validation import normalise_enquiry
from sendias_tui.export.records_csv import read_records, write_records
from sendias_tui.storage import EnquiryStore, journal_storage
from sendias_tui.storage.records import enquiry_to_document

SAVES = 50
IMPORT_ROWS = 10_000
IMPORT_RUNS = 3


def make_data_file(folder: Path, count: int) -> Path:
    """Write a data file of ``count`` synthetic enquiries and their redirected calls, and return it."""
    path = folder / f"sendias-{count}.json"
    with EnquiryStore(path, user="benchmark") as store:
        store.add_records(synthetic_enquiries(count), synthetic_redirects(count))
        store.compact()
    return path


class WriteCounter:
    """Count snapshot rewrites and journal appends while it is installed."""

    def __init__(self) -> None:
        self.rewrites = 0
        self.appends = 0
        self._originals = (journal_storage.write_atomically, journal_storage.append_line)

    def __enter__(self) -> WriteCounter:
        write_atomically, append_line = self._originals

        def counted_rewrite(*args, **kwargs):
            self.rewrites += 1
            return write_atomically(*args, **kwargs)

        def counted_append(*args, **kwargs):
            self.appends += 1
            return append_line(*args, **kwargs)

        journal_storage.write_atomically = counted_rewrite
        journal_storage.append_line = counted_append
        return self

    def __exit__(self, *exc_info: object) -> None:
        journal_storage.write_atomically, journal_storage.append_line = self._originals


def bench_save(data_file: Path, size_label: str) -> list[Result]:
    """Time saving one enquiry as the form does (validate, then add) against append and fsync."""
    categories = default_categories()
    fresh = synthetic_enquiries(SAVES + 1, seed=99)
    store = EnquiryStore(data_file, user="benchmark")

    start = time.perf_counter()
    store.add(fresh[0])
    first_save = time.perf_counter() - start

    baseline_path = data_file.with_suffix(".baseline.jsonl")
    handle = os.open(baseline_path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)

    def save(run: int) -> None:
        enquiry, errors = normalise_enquiry(fresh[run + 1], categories)
        assert not errors, errors
        store.add(enquiry)

    def append(run: int) -> None:
        line = json.dumps(enquiry_to_document(fresh[run + 1]), ensure_ascii=False) + "\n"
        os.write(handle, line.encode("utf-8"))
        os.fsync(handle)

    try:
        ours, baseline = time_alternately(save, append, SAVES)
    finally:
        os.close(handle)
        baseline_path.unlink()

    start = time.perf_counter()
    store.compact()
    rewrite = time.perf_counter() - start
    store.close()
    return [
        Result(
            "save one enquiry (validate + add)",
            size_label,
            median(ours) * 1000,
            median(baseline) * 1000,
            "ms",
            goal=10,
            ours_p95=percentile(ours, 0.95) * 1000,
            baseline_p95=percentile(baseline, 0.95) * 1000,
            note=(
                f"first save of the day, with its backup: {first_save * 1000:.0f} ms; "
                f"journal folded into the data file: {rewrite * 1000:.0f} ms"
            ),
        )
    ]


def bench_import(folder: Path, data_file: Path | None, size_label: str) -> list[Result]:
    """Time importing a 10,000-row CSV file (read, validate, save) against reading it with DictReader.

    Args:
        folder: where to write the CSV file and the empty data files.
        data_file: a data file to import into; None imports into an empty one.
        size_label: the size column of the result.
    """
    categories = default_categories()
    csv_path = folder / "import.csv"
    write_records(csv_path, synthetic_enquiries(IMPORT_ROWS, seed=7), overwrite=True)
    counts: list[WriteCounter] = []
    # The command or screen that imports has the store open already, so
    # opening it is not timed.
    if data_file is None:
        stores = [EnquiryStore(folder / f"import-{run}.json", user="benchmark") for run in range(IMPORT_RUNS)]
    else:
        stores = [EnquiryStore(data_file, user="benchmark")]

    def import_file(run: int) -> None:
        enquiries = read_records(csv_path, categories)
        with WriteCounter() as counter:
            stores[run % len(stores)].add_many(enquiries)
        counts.append(counter)

    def read_plain(run: int) -> None:
        with open(csv_path, newline="", encoding="utf-8") as handle:
            rows = list(csv.DictReader(handle))
        assert len(rows) == IMPORT_ROWS

    ours, baseline = time_alternately(import_file, read_plain, IMPORT_RUNS)
    for store in stores:
        store.close()
    writes = {(counter.rewrites, counter.appends) for counter in counts}
    described = "; ".join(f"{rewrites} data file rewrite(s) and {appends} journal append(s)" for rewrites, appends in writes)
    return [
        Result(
            "import a 10,000-row CSV",
            size_label,
            median(ours),
            median(baseline),
            "s",
            goal=10,
            note=f"each import: {described}",
        )
    ]

