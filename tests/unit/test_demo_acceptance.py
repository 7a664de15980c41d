"""The demo data reproduces the published 2023-Q3 summary, table by table.

The published tables are read from the copy in ``tests/data/``. Where the published report contradicts
itself, the demo follows the figures that agree with each other. Those cells
are listed here and in docs/demo-data.md, and the tests assert both values.
"""

from __future__ import annotations

import hashlib
import re
import subprocess
import sys
from datetime import date

import pytest
from reference import reference_tables

from sendias_tui.demo import DemoRefused, demo_records, load_demo
from sendias_tui.domain.categories import Categories, default_categories, normalise_name
from sendias_tui.domain.enquiry import Enquiry, EnquiryType, RedirectedCall, RedirectKind
from sendias_tui.domain.quarters import Quarter
from sendias_tui.domain.validation import normalise_enquiry
from sendias_tui.report.model import QuarterReport, ReportTable
from sendias_tui.report.summary import build_report
from sendias_tui.storage import EnquiryStore, StorageWriteError, atomic_json

REPORT_DATE = date(2024, 1, 1)
Q3 = Quarter(2023, 3)

PUBLISHED_NEW = "New enquiries (previous users & new families)"
PUBLISHED_TOTAL = "Total number of enquiries this month (New & existing casework)"

TABLE1_LABELS = {
    PUBLISHED_NEW: "New enquiries (previous users and new families)",
    "Existing open casework": "Existing open casework",
    "New families/ CYP to SENDIAS": "New families or young people new to SENDIAS",
    PUBLISHED_TOTAL: "Total enquiries (new and existing casework)",
    "Professionals (Health)": "Professionals (health)",
    "Professionals (Education)": "Professionals (education)",
    "Professionals (Social Care i.e FPS)": "Professionals (social care)",
    "Professionals (Other)": "Professionals (other)",
    "Calls / Emails for SENAT": "Calls or emails for SENAT",
    "Calls / Emails transferred to Central Bedfordshire SENDIAS": (
        "Calls or emails transferred to another SENDIAS service"
    ),
}
"""Published Table 1 row names and the report's row labels."""

TABLE1_DIFFERENCES = {
    (PUBLISHED_NEW, "September"): (70, 71),
    (PUBLISHED_NEW, "Total for quarter"): (137, 138),
    (PUBLISHED_TOTAL, "September"): (128, 129),
    (PUBLISHED_TOTAL, "Total for quarter"): (396, 397),
}
"""(row, column): (published, demo). Tables 2, 3 and 6 each add up to 138 new enquiries."""

CONTACT_ALIASES = {
    "Number of Contacts By Phone": "Phone",
    "Number of Contacts By Email": "Email",
}

CATEGORY_TABLES = [
    # reference key, report key, category list, rows the report adds: {label: count}
    ("table2_main_sen", "table2_main_sen", "sen", {}),
    ("table3_ethnicity", "table3_ethnicity", "ethnicity", {}),
    ("table4_referral_source", "table4_referral_source", "referral_source", {"Not known": 18}),
    ("table6_postal_district", "table6_postal_district", "postal_district", {}),
    ("table7_contacts", "table7_contacts", "contact_method", {}),
    ("table8_ehcp_reasons", "table8_reasons_ehcp", "reason_ehcp", {}),
    ("table9_no_ehcp_reasons", "table9_reasons_no_ehcp", "reason_no_ehcp", {}),
]

TABLE3_REPEATED = [
    "African (Black) - Ghanaian",
    "African (Black) - Nigerian",
    "Black or Black British - Caribbean",
]
"""Rows the published Table 3 lists a second time at its end."""

WAITING_DIFFERENCES = {
    # month: (published more than three days, published "out of" enquiries,
    #         demo more than three days, demo spoke to an advisor)
    "July": (15, 54, 37, 47),
    "August": (None, None, 11, 15),
    "September": (None, None, 42, 66),
}


@pytest.fixture(scope="module")
def published() -> dict:
    return reference_tables()


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> QuarterReport:
    """Load the demo into a real data file and build its 2023-Q3 report from what was stored."""
    data_file = tmp_path_factory.mktemp("demo") / "sendias.json"
    with EnquiryStore(data_file, user="test") as store:
        load_demo(store)
    with EnquiryStore(data_file, user="test") as reopened:
        return build_report(
            Q3, reopened.all(), reopened.redirects(), default_categories(), today=REPORT_DATE
        )


def values_by_label(table: ReportTable) -> dict[str, tuple]:
    return {row.label: row.values for row in table.rows}


def existing_enquiry(received: date) -> Enquiry:
    return Enquiry(
        date_received=received,
        enquiry_type=EnquiryType.EXISTING,
        advisor="AB",
        enquirer="Parent/carer",
    )


def configured_label(categories: Categories, list_key: str, published_name: str) -> str:
    """Return the report's row label for a published row name, merging case and spacing variants."""
    name = CONTACT_ALIASES.get(published_name, published_name)
    category = categories[list_key].get(name)
    assert category is not None, f"'{published_name}' matches no configured {list_key}"
    return category.label


# Table 1


def test_table1_columns_match(published, report):
    table = report.table("table1_enquiries")
    assert list(table.columns[1:]) == published["table1_enquiries_by_month"]["columns"]


def test_table1_has_published_rows_only(published, report):
    table = report.table("table1_enquiries")
    expected = [TABLE1_LABELS[name] for name, _ in published["table1_enquiries_by_month"]["rows"]]
    assert [row.label for row in table.rows] == expected


def test_table1_cells_match(published, report):
    reference = published["table1_enquiries_by_month"]
    ours = values_by_label(report.table("table1_enquiries"))
    for name, published_values in reference["rows"]:
        for column, published_value, value in zip(
            reference["columns"], published_values, ours[TABLE1_LABELS[name]], strict=True
        ):
            if (name, column) in TABLE1_DIFFERENCES:
                continue
            assert value == published_value, f"Table 1 '{name}', {column}"


def test_table1_documented_differences(published, report):
    reference = published["table1_enquiries_by_month"]
    published_rows = dict(reference["rows"])
    ours = values_by_label(report.table("table1_enquiries"))
    for (name, column), (published_value, demo_value) in TABLE1_DIFFERENCES.items():
        index = reference["columns"].index(column)
        assert published_rows[name][index] == published_value, f"published '{name}', {column}"
        assert ours[TABLE1_LABELS[name]][index] == demo_value, f"demo Table 1 '{name}', {column}"


def test_new_enquiries_agree_across_tables(report):
    assert report.new_enquiries == 138
    for key in (
        "table2_main_sen",
        "table3_ethnicity",
        "table4_referral_source",
        "table6_postal_district",
    ):
        assert report.table(key).total.values == (138,), key


# Category tables


def test_table3_repeats_three_rows(published):
    names = [name for name, _ in published["table3_ethnicity"]]
    assert names[-3:] == TABLE3_REPEATED
    assert names[:3] == TABLE3_REPEATED
    assert len(set(names)) == len(names) - 3


@pytest.mark.parametrize(("reference_key", "report_key", "list_key", "added"), CATEGORY_TABLES)
def test_category_table_cells_match(
    published, report, categories, reference_key, report_key, list_key, added
):
    ours = values_by_label(report.table(report_key))
    expected: dict[str, int] = {}
    for name, count in published[reference_key]:
        label = configured_label(categories, list_key, name)
        # Table 3's repeated rows carry the same counts as their first listing.
        assert expected.setdefault(label, count) == count, f"{reference_key} '{name}' differs"
    for label, count in expected.items():
        assert ours.get(label) == (count,), f"{report_key} '{label}'"
    extra = {label: values[0] for label, values in ours.items() if label not in expected}
    assert extra == added


@pytest.mark.parametrize(("reference_key", "report_key", "list_key", "added"), CATEGORY_TABLES)
def test_category_table_total(published, report, reference_key, report_key, list_key, added):
    unique = dict((normalise_name(name), count) for name, count in published[reference_key])
    expected_total = sum(unique.values()) + sum(added.values())
    assert report.table(report_key).total.values == (expected_total,)


def test_referral_sources_published_sum_is_120(published):
    assert sum(count for _, count in published["table4_referral_source"]) == 120


def test_reasons_count_over_new_enquiries(report):
    with_plan = report.table("table8_reasons_ehcp").total.values[0]
    without_plan = report.table("table9_reasons_no_ehcp").total.values[0]
    assert (with_plan, without_plan) == (77, 144)


# Table 5


def test_waiting_average_and_range_match(published, report):
    ours = values_by_label(report.table("table5_waiting_times"))
    for month in published["table5_waiting_times"]["rows"]:
        spoke, over, average, shortest, longest, still_waiting = ours[month["month"]]
        assert average == month["average_days"], month["month"]
        assert [shortest, longest] == month["range_days"], month["month"]
        assert still_waiting == 0, month["month"]


def test_waiting_counts_documented_differences(published, report):
    ours = values_by_label(report.table("table5_waiting_times"))
    published_rows = {row["month"]: row for row in published["table5_waiting_times"]["rows"]}
    for month, (published_over, published_of, demo_over, demo_spoke) in WAITING_DIFFERENCES.items():
        assert published_rows[month]["over_three_days"] == published_over, month
        assert published_rows[month]["enquiries"] == published_of, month
        assert ours[month][0] == demo_spoke, month
        assert ours[month][1] == demo_over, month


# Figure 4


def test_intervention_shares_match(published, report):
    ours = values_by_label(report.table("figure4_intervention_level"))
    for level, share in published["intervention_levels_new_casework_percent"].items():
        assert ours[level][1] == share, level
    assert [ours[f"Level {level}"][0] for level in (1, 2, 3, 4)] == [64, 45, 21, 8]


def test_unpublished_figures_cover_new_enquiries(report):
    for key in ("figure2_age_group", "figure3_gender"):
        table = report.table(key)
        assert table.total.values == (138,), key
        assert "Not recorded" not in values_by_label(table), key


# The records themselves


def test_every_demo_record_validates(categories):
    enquiries, _ = demo_records()
    for enquiry in enquiries:
        normalised, errors = normalise_enquiry(enquiry, categories, today=REPORT_DATE)
        assert errors == [], f"{enquiry.case_ref} on {enquiry.date_received}: {errors}"
        assert normalised == enquiry, f"{enquiry.case_ref} names a category in another spelling"


def test_demo_covers_2023_only():
    enquiries, redirects = demo_records()
    for record in [*enquiries, *redirects]:
        assert record.date_received.year == 2023
    for enquiry in enquiries:
        if enquiry.first_advisor_contact is not None:
            assert enquiry.first_advisor_contact <= date(2023, 12, 31), enquiry.case_ref


def test_demo_holds_no_names():
    enquiries, _ = demo_records()
    for enquiry in enquiries:
        assert re.fullmatch(r"DEMO-\d{4}", enquiry.case_ref), enquiry.case_ref
        assert re.fullmatch(r"[A-Z]{2}", enquiry.advisor), enquiry.advisor


def test_other_quarters_smaller_than_q3(categories):
    enquiries, redirects = demo_records()
    q3_total = sum(1 for enquiry in enquiries if enquiry.date_received in Q3)
    for number in (1, 2, 4):
        quarter = Quarter(2023, number)
        report = build_report(quarter, enquiries, redirects, categories, today=REPORT_DATE)
        table1 = report.table("table1_enquiries")
        total = table1.row("Total enquiries (new and existing casework)").values[-1]
        assert 0 < total < q3_total, quarter.code
        assert 0 < report.new_enquiries < total, quarter.code


def test_retired_autism_absent_from_q4(categories):
    enquiries, redirects = demo_records()
    report = build_report(Quarter(2023, 4), enquiries, redirects, categories, today=REPORT_DATE)
    assert "Autism" not in values_by_label(report.table("table2_main_sen"))


def test_existing_enquiries_continue_cases():
    enquiries, _ = demo_records()
    existing = [enquiry for enquiry in enquiries if enquiry.enquiry_type is EnquiryType.EXISTING]
    assert existing
    for enquiry in existing:
        assert enquiry.case_ref, enquiry.date_received


# Loading


def test_load_demo_fills_empty_store(store):
    enquiries, redirects = demo_records()
    assert load_demo(store) == len(enquiries)
    assert store.count() == len(enquiries)
    assert len(store.redirects()) == len(redirects)


def test_load_demo_ids_follow_on(store):
    load_demo(store)
    added = store.add(existing_enquiry(date(2024, 1, 2)))
    assert added.id == store.count()
    call = store.add_redirect(RedirectedCall(date(2024, 1, 2), RedirectKind.SENAT))
    assert call.id == len(store.redirects())


def test_load_demo_writes_file_once(store, monkeypatch):
    real_replace = atomic_json.os.replace
    writes = []

    def counting_replace(source, target):
        writes.append(target)
        real_replace(source, target)

    monkeypatch.setattr(atomic_json.os, "replace", counting_replace)
    load_demo(store)
    assert len(writes) == 1


def test_load_demo_failed_write_saves_nothing(store, data_file, monkeypatch):
    before = data_file.read_bytes()

    def fail_replace(source, target):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic_json.os, "replace", fail_replace)
    with pytest.raises(StorageWriteError):
        load_demo(store)
    monkeypatch.undo()

    assert data_file.read_bytes() == before
    with EnquiryStore(data_file, user="test") as reopened:
        assert reopened.is_empty()


def test_load_demo_rejects_store_with_enquiries(store, data_file):
    store.add(existing_enquiry(date(2023, 7, 3)))
    before = data_file.read_bytes()
    with pytest.raises(DemoRefused) as refused:
        load_demo(store)
    assert str(data_file) in str(refused.value)
    assert data_file.read_bytes() == before
    assert store.count() == 1


def test_load_demo_rejects_store_with_redirects(store, data_file):
    store.add_redirect(RedirectedCall(date(2023, 7, 3), RedirectKind.SENAT, 2))
    before = data_file.read_bytes()
    with pytest.raises(DemoRefused):
        load_demo(store)
    assert data_file.read_bytes() == before
    assert store.count() == 0


# Determinism


def test_demo_records_repeat_exactly():
    assert demo_records() == demo_records()


DIGEST_SCRIPT = """
import hashlib
from sendias_tui.demo import demo_records
print(hashlib.sha256(repr(demo_records()).encode()).hexdigest())
"""


def test_demo_records_independent_of_hash_seed():
    digests = set()
    for hash_seed in ("1", "2"):
        completed = subprocess.run(
            [sys.executable, "-c", DIGEST_SCRIPT],
            capture_output=True,
            text=True,
            check=True,
            env={"PYTHONHASHSEED": hash_seed, "PATH": ""},
        )
        digests.add(completed.stdout.strip())
    assert digests == {hashlib.sha256(repr(demo_records()).encode()).hexdigest()}
