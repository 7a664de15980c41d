"""Published totals of earlier quarters as CSV: one quarter per row, all or nothing."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from sendias_tui.domain.metrics import PublishedTotals
from sendias_tui.domain.quarters import QuarterScheme
from sendias_tui.export.csv_reading import RowError
from sendias_tui.export.published_csv import (
    COLUMNS,
    PublishedTotalsImportError,
    format_published_totals,
    parse_decimal,
    parse_published_totals,
    read_published_totals,
    write_published_totals,
)

HEADER = ",".join(COLUMNS)
GOOD = f"""{HEADER}
2022-Q3,126,240,44,35,15,6,1850.5,1620,480
2021q3,118,,49%,30,15,6,,1290,
"""


def rejection(text: str) -> PublishedTotalsImportError:
    with pytest.raises(PublishedTotalsImportError) as caught:
        parse_published_totals(text)
    return caught.value


def error_at(error: PublishedTotalsImportError, row: int, column: str) -> RowError:
    matches = [item for item in error.errors if item.row == row and item.column == column]
    assert matches, f"no error at row {row}, column {column}: {[str(item) for item in error.errors]}"
    return matches[0]


def test_header_lists_every_figure():
    assert HEADER == (
        "quarter,new_enquiries,existing_enquiries,level1_percent,level2_percent,"
        "level3_percent,level4_percent,average_monthly_website_views,facebook_reach,instagram_reach"
    )


def test_good_file_sorted_oldest_first():
    earlier, later = parse_published_totals(GOOD)

    assert earlier == PublishedTotals(
        "2021-Q3", new_enquiries=118, level_shares={1: 49.0, 2: 30.0, 3: 15.0, 4: 6.0},
        facebook_reach=1290,
    )  # fmt: skip
    assert later.quarter == "2022-Q3"
    assert later.average_monthly_website_views == 1850.5
    assert later.instagram_reach == 480


def test_empty_cells_are_unknown():
    [totals] = parse_published_totals(f"{HEADER}\n2020-Q3,,,,,,,,,\n")

    assert totals == PublishedTotals("2020-Q3")


def test_every_bad_cell_named():
    text = f"""{HEADER}
2022-Q5,x,240,101%,35,15,6,-1,1620,480
,1,,,,,,,,
2021-Q3,1,2,46,33,15,16,,,
"""
    error = rejection(text)

    assert "is not a quarter" in error_at(error, 2, "quarter").message
    assert error_at(error, 2, "new_enquiries").value == "x"
    assert error_at(error, 2, "level1_percent").message == "level 1: '101' is not a percentage from 0 to 100"
    assert "is not a number of 0 or more" in error_at(error, 2, "average_monthly_website_views").message
    assert error_at(error, 3, "quarter").message == "missing: expected a quarter such as 2022-Q3"
    assert "add up to 110%" in error_at(error, 4, "").message


def test_quarter_given_twice_rejected():
    error = rejection(f"{HEADER}\n2022-Q3,1,,,,,,,,\n2022q3,2,,,,,,,,\n")

    assert error_at(error, 3, "quarter").message == (
        "2022-Q3 is already given in row 2; give each quarter once"
    )


def test_wrong_header_rejected():
    error = rejection("month,measure,name,value,date\n2023-07,website_views,,1,\n")

    assert "does not start with the published totals header" in str(error)


def test_export_round_trips():
    totals = parse_published_totals(GOOD)

    text = format_published_totals(reversed(totals))

    assert text.splitlines()[1] == "2021-Q3,118,,49,30,15,6,,1290,"
    assert text.splitlines()[2] == "2022-Q3,126,240,44,35,15,6,1850.5,1620,480"
    assert parse_published_totals(text) == totals


def test_write_creates_owner_only_file(tmp_path: Path):
    totals = parse_published_totals(GOOD)
    path = tmp_path / "published.csv"

    assert write_published_totals(path, totals) == 2
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert read_published_totals(path) == totals


def test_financial_scheme_orders_its_quarters():
    text = f"{HEADER}\n2022-Q1,1,,,,,,,,\n2021-Q4,2,,,,,,,,\n"

    totals = parse_published_totals(text, QuarterScheme.FINANCIAL)

    assert [item.quarter for item in totals] == ["2021-Q4", "2022-Q1"]


def test_parse_decimal_forms():
    assert parse_decimal("45") == 45.0
    assert parse_decimal(" 45.5 ") == 45.5
    assert parse_decimal("45.5%", percent=True) == 45.5
    for text in ("-1", "1e3", "nan", "45%", "4,5"):
        with pytest.raises(ValueError, match="is not a number of 0 or more"):
            parse_decimal(text)
