"""Monthly metrics and published totals live in the records' data file, one document per month or quarter."""

from __future__ import annotations

import errno
import json
import os
from datetime import date
from pathlib import Path

import pytest
from storage_records import enquiry, redirect

from sendias_tui.domain.metrics import MonthlyMetrics, PublishedTotals, TopPost
from sendias_tui.domain.quarters import QuarterError, QuarterScheme
from sendias_tui.storage import DataFileError, EnquiryStore, StorageWriteError
from sendias_tui.storage.journal import journal_path_for

JULY = MonthlyMetrics(
    2023, 7, website_views=2150,
    top_pages=(("Landing page", 234), ("Contact Us", 40), ("What We Do", 40)),
    accessibility={"Speech": 1, "Toolbar": 31}, translations={"Swahili": 1},
    facebook_reach=429, instagram_reach=212,
    top_posts=(TopPost("Summer clubs", date(2023, 7, 14), 210),),
)  # fmt: skip
AUGUST = MonthlyMetrics(2023, 8, facebook_reach=1119)
TOTALS_2022 = PublishedTotals(
    "2022-Q3", new_enquiries=126, existing_enquiries=240,
    level_shares={1: 45.0, 2: 34.0, 3: 15.0, 4: 6.0},
    average_monthly_website_views=1905.5, facebook_reach=1840, instagram_reach=None,
)  # fmt: skip
TOTALS_2021 = PublishedTotals("2021-Q3", new_enquiries=112)


def without_id(item):
    return type(item)(**{**item.__dict__, "id": None})


def journal_writes(data_file: Path) -> int:
    """Return how many writes the journal records, one line of operations each."""
    journal = journal_path_for(data_file)
    if not journal.exists():
        return 0
    return sum(1 for line in journal.read_text(encoding="utf-8").splitlines() if '"ops"' in line)


def test_saved_month_reads_back(store: EnquiryStore, data_file: Path):
    saved = store.save_metrics(JULY)

    with EnquiryStore(data_file, user="test") as reopened:
        [stored] = reopened.all_metrics()

    assert saved.id == 202307
    assert stored == saved
    assert without_id(stored) == JULY


def test_saving_month_again_replaces_it(store: EnquiryStore):
    store.save_metrics(JULY)

    store.save_metrics(MonthlyMetrics(2023, 7, instagram_reach=5))

    [stored] = store.all_metrics()
    assert without_id(stored) == MonthlyMetrics(2023, 7, instagram_reach=5)


def test_metrics_for_months_skips_empty(store: EnquiryStore):
    store.replace_metrics_many([AUGUST, JULY, MonthlyMetrics(2023, 10, website_views=3)])

    found = store.metrics_for_months([(2023, 9), (2023, 8), (2023, 7)])

    assert [item.month_key for item in found] == [(2023, 7), (2023, 8)]


def test_all_metrics_oldest_first(store: EnquiryStore):
    store.save_metrics(MonthlyMetrics(2024, 1, website_views=1))
    store.save_metrics(AUGUST)
    store.save_metrics(MonthlyMetrics(2022, 12, website_views=2))

    assert [item.month_key for item in store.all_metrics()] == [(2022, 12), (2023, 8), (2024, 1)]


def test_delete_metrics(store: EnquiryStore):
    store.replace_metrics_many([JULY, AUGUST])

    store.delete_metrics(2023, 7)

    assert [item.month_key for item in store.all_metrics()] == [(2023, 8)]
    with pytest.raises(KeyError, match="2023-07"):
        store.delete_metrics(2023, 7)


def test_published_totals_one_per_quarter(store: EnquiryStore, data_file: Path):
    store.save_published_totals(TOTALS_2022)
    store.save_published_totals(TOTALS_2021)
    store.save_published_totals(PublishedTotals("2021-Q3", new_enquiries=113))

    with EnquiryStore(data_file, user="test") as reopened:
        stored = reopened.published_totals()

    assert [item.quarter for item in stored] == ["2021-Q3", "2022-Q3"]
    assert stored[0].new_enquiries == 113
    assert without_id(stored[1]) == TOTALS_2022
    assert stored[1].level_shares == {1: 45.0, 2: 34.0, 3: 15.0, 4: 6.0}


def test_delete_published_totals(store: EnquiryStore):
    store.save_published_totals(TOTALS_2021)

    store.delete_published_totals("2021-Q3")

    assert store.published_totals() == []
    with pytest.raises(KeyError, match="2021-Q3"):
        store.delete_published_totals("2021-Q3")


def test_published_totals_keep_scheme(store: EnquiryStore, data_file: Path):
    financial = PublishedTotals("2022-Q2", new_enquiries=126, scheme=QuarterScheme.FINANCIAL)

    store.save_published_totals(financial)
    # Calendar 2022-Q3 covers the same months, so it replaces the financial entry.
    store.save_published_totals(PublishedTotals("2022-Q3", new_enquiries=127))
    store.save_published_totals(financial)
    with EnquiryStore(data_file, user="test") as reopened:
        stored = reopened.published_totals()

    assert [without_id(item) for item in stored] == [financial]
    store.delete_published_totals("2022-Q3")
    assert store.published_totals() == []


def test_totals_without_scheme_read_as_calendar(store: EnquiryStore, data_file: Path):
    store.save_published_totals(TOTALS_2021)
    store.close()
    content = json.loads(data_file.read_text(encoding="utf-8"))
    for document in content["published_totals"].values():
        del document["scheme"]
    data_file.write_text(json.dumps(content), encoding="utf-8")

    with EnquiryStore(data_file, user="test") as reopened:
        stored = reopened.published_totals()

    assert [item.scheme for item in stored] == [QuarterScheme.CALENDAR]


def test_bad_quarter_code_saves_nothing(store: EnquiryStore):
    with pytest.raises(QuarterError):
        store.replace_metrics_many([JULY], [TOTALS_2021, PublishedTotals("2021-Q9")])

    assert store.all_metrics() == []
    assert store.published_totals() == []


def test_bulk_save_is_one_journal_line(store: EnquiryStore, data_file: Path):
    store.add(enquiry())
    before = journal_writes(data_file)

    store.replace_metrics_many([JULY, AUGUST], [TOTALS_2021, TOTALS_2022])

    assert before == 1
    assert journal_writes(data_file) == 2


def test_failed_bulk_save_changes_nothing(store: EnquiryStore, data_file: Path, monkeypatch):
    store.save_metrics(AUGUST)
    before = (data_file.read_bytes(), journal_path_for(data_file).read_bytes())

    def disk_full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "write", disk_full)
    with pytest.raises(StorageWriteError):
        store.replace_metrics_many([JULY, MonthlyMetrics(2023, 8, website_views=1)], [TOTALS_2021])
    monkeypatch.undo()

    assert (data_file.read_bytes(), journal_path_for(data_file).read_bytes()) == before
    assert [without_id(item) for item in store.all_metrics()] == [AUGUST]
    assert store.published_totals() == []


def test_add_records_saves_metrics_in_same_write(store: EnquiryStore, data_file: Path):
    before = journal_writes(data_file)

    store.add_records([enquiry()], [redirect()], metrics=[JULY], published_totals=[TOTALS_2022])

    assert journal_writes(data_file) == before + 1
    assert store.count() == 1
    assert len(store.redirects()) == 1
    assert [item.month_key for item in store.all_metrics()] == [(2023, 7)]
    assert [item.quarter for item in store.published_totals()] == ["2022-Q3"]


def test_metrics_make_store_non_empty(store: EnquiryStore):
    assert store.is_empty()

    store.save_published_totals(TOTALS_2021)

    assert not store.is_empty()
    assert store.count() == 0


def test_metrics_survive_compaction(store: EnquiryStore, data_file: Path):
    store.replace_metrics_many([JULY], [TOTALS_2022])

    store.compact()

    with EnquiryStore(data_file, user="test") as reopened:
        assert [item.month_key for item in reopened.all_metrics()] == [(2023, 7)]
        assert [item.quarter for item in reopened.published_totals()] == ["2022-Q3"]


def test_damaged_metrics_document_named(store: EnquiryStore, data_file: Path):
    store.save_metrics(JULY)
    store.compact()
    data = json.loads(data_file.read_text(encoding="utf-8"))
    del data["metrics"]["202307"]["year"]
    data_file.write_text(json.dumps(data), encoding="utf-8")

    with EnquiryStore(data_file, user="test") as reopened:
        with pytest.raises(DataFileError, match="metrics 202307, which has no field 'year'"):
            reopened.all_metrics()
