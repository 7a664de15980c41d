"""``sendias summary`` prints the quarter's tables from the data file."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from cli_helpers import assert_clean_failure, invoke, row_figures
from synthetic_rows import existing_enquiry, new_enquiry

from sendias_tui.domain.enquiry import RedirectedCall, RedirectKind
from sendias_tui.domain.quarters import Quarter, QuarterScheme
from sendias_tui.storage import EnquiryStore


@pytest.fixture
def small_file(data_file: Path) -> Path:
    """Return a data file whose 2023-Q3 figures are worked out by hand below."""
    with EnquiryStore(data_file, user="test") as store:
        store.add_many(
            [
                new_enquiry(date(2023, 6, 30)),  # 2023-Q2: must not be counted
                new_enquiry(date(2023, 7, 3), new_family=True, age_group="Under 5"),
                new_enquiry(date(2023, 7, 20), age_group="11-15"),
                existing_enquiry(date(2023, 7, 21), enquirer="Professional (education)"),
                new_enquiry(date(2023, 8, 9), age_group="11-15"),
                existing_enquiry(date(2023, 9, 12)),
                existing_enquiry(date(2023, 9, 13)),
            ]
        )
        store.add_redirect(RedirectedCall(date(2023, 7, 5), RedirectKind.SENAT, 3))
        store.add_redirect(RedirectedCall(date(2023, 9, 1), RedirectKind.OUT_OF_AREA, 1))
    return data_file


def test_summary_prints_known_figures(small_file: Path):
    result = invoke("--data-file", str(small_file), "summary", "--quarter", "2023-Q3")

    assert result.exit_code == 0, result.output
    # Chart lines repeat the labels beside their bars; the figures are read from the tables.
    output = "\n".join(line for line in result.stdout.splitlines() if "│" not in line)
    assert "2023-Q3" in output
    assert row_figures(output, "New enquiries (previous users and new families)") == ["2", "1", "0", "3"]
    assert row_figures(output, "Existing open casework") == ["1", "0", "2", "3"]
    assert row_figures(output, "New families or young people new to SENDIAS") == ["1", "0", "0", "1"]
    assert row_figures(output, "Total enquiries (new and existing casework)") == ["3", "1", "2", "6"]
    assert row_figures(output, "Professionals (education)") == ["1", "0", "0", "1"]
    assert row_figures(output, "Calls or emails for SENAT") == ["3", "0", "0", "3"]
    assert row_figures(output, "Calls or emails transferred to another SENDIAS service") == ["0", "0", "1", "1"]
    assert row_figures(output, "Under 5") == ["1"]
    assert row_figures(output, "11-15") == ["2"]


def test_summary_default_is_current_quarter(small_file: Path):
    current = Quarter.containing(date.today())

    result = invoke("--data-file", str(small_file), "summary")

    assert result.exit_code == 0, result.output
    assert current.code in result.stdout


def test_summary_financial_quarters(small_file: Path):
    assert invoke("--data-file", str(small_file), "settings", "quarter-scheme", "financial").exit_code == 0

    result = invoke("--data-file", str(small_file), "summary", "--quarter", "2023-Q2")

    assert result.exit_code == 0, result.output
    # Financial 2023-Q2 is July to September 2023, the same months as calendar Q3.
    assert row_figures(result.stdout, "New enquiries (previous users and new families)") == ["2", "1", "0", "3"]
    with EnquiryStore(small_file) as store:
        assert store.get_setting("quarter_scheme") == QuarterScheme.FINANCIAL.value


def test_summary_bad_quarter(small_file: Path):
    result = invoke("--data-file", str(small_file), "summary", "--quarter", "Q3 2023")

    assert_clean_failure(result)
    assert "'Q3 2023' is not a quarter" in result.stderr
    assert "2023-Q3" in result.stderr


def test_summary_missing_data_file(data_file: Path):
    result = invoke("--data-file", str(data_file), "summary", "--quarter", "2023-Q3")

    assert_clean_failure(result)
    assert str(data_file) in result.stderr
    assert "does not exist" in result.stderr
    assert not data_file.exists()



def test_summary_shows_checks_sentences_and_charts(small_file: Path):
    result = invoke("--data-file", str(small_file), "summary", "--quarter", "2023-Q3")

    assert result.exit_code == 0, result.output
    assert "Data checks" in result.stdout
    assert "Warning: No service metrics have been entered" in result.stdout
    assert "What the figures say" in result.stdout
    assert "There were 3 new enquiries in 2023-Q3." in result.stdout
    assert "Under 5   │█" in result.stdout
