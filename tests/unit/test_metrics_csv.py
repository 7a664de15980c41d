"""Monthly metrics as CSV: one figure per row, all or nothing, and a lossless round trip."""

from __future__ import annotations

import stat
from datetime import date
from pathlib import Path

import pytest

from sendias_tui.domain.categories import Categories
from sendias_tui.domain.metrics import MonthlyMetrics, TopPost
from sendias_tui.export.csv_reading import RowError
from sendias_tui.export.metrics_csv import (
    COLUMNS,
    MetricsImportError,
    format_metrics,
    parse_metrics,
    parse_month,
    read_metrics,
    write_metrics,
)

TODAY = date(2024, 1, 15)
HEADER = ",".join(COLUMNS)

GOOD = f"""{HEADER}
2023-07,website_views,,2100,
2023-07,page_views,Landing page,250,
2023-07,page_views,"Support for parents & carers, EHCP",60,
2023-07,accessibility,toolbar,33,
2023-07,translation,Swahili,1,
2023-07,facebook_reach,,429,
2023-07,instagram_reach,,150,
2023-07,top_post,Summer clubs,180,14/07/2023
2023-8,facebook_reach,,1119,
"""


def rejection(text: str, categories: Categories) -> MetricsImportError:
    with pytest.raises(MetricsImportError) as caught:
        parse_metrics(text, categories, today=TODAY)
    return caught.value


def error_at(error: MetricsImportError, row: int, column: str) -> RowError:
    matches = [item for item in error.errors if item.row == row and item.column == column]
    assert matches, f"no error at row {row}, column {column}: {[str(item) for item in error.errors]}"
    return matches[0]


def test_good_file_builds_one_record_per_month(categories):
    july, august = parse_metrics(GOOD, categories, today=TODAY)

    assert july == MonthlyMetrics(
        2023, 7, website_views=2100,
        top_pages=(("Landing page", 250), ("Support for parents & carers, EHCP", 60)),
        accessibility={"Toolbar": 33}, translations={"Swahili": 1},
        facebook_reach=429, instagram_reach=150,
        top_posts=(TopPost("Summer clubs", date(2023, 7, 14), 180),),
    )  # fmt: skip
    assert august == MonthlyMetrics(2023, 8, facebook_reach=1119)


def test_columns_in_any_order_and_case(categories):
    text = "VALUE,Name,date,Measure,month\r\n429,,,facebook_reach,2023-07\r\n"

    [july] = parse_metrics(text, categories, today=TODAY)

    assert july.facebook_reach == 429


def test_byte_order_mark_accepted(tmp_path: Path, categories):
    path = tmp_path / "metrics.csv"
    path.write_bytes(GOOD.encode("utf-8-sig"))

    assert len(read_metrics(path, categories, today=TODAY)) == 2


def test_not_utf8_rejected(tmp_path: Path, categories):
    path = tmp_path / "metrics.csv"
    path.write_bytes(f"{HEADER}\n2023-07,translation,Fran\xe7ais,1,\n".encode("latin-1"))

    with pytest.raises(MetricsImportError) as caught:
        read_metrics(path, categories, today=TODAY)

    assert "is not UTF-8 text" in str(caught.value)


def test_other_header_rejected(categories):
    error = rejection("quarter,new_enquiries\n2022-Q3,126\n", categories)

    assert "does not start with the metrics header" in str(error)
    assert HEADER in str(error)


def test_records_file_rejected_column_by_column(categories):
    error = rejection("date,enquiry_type\n2023-07-01,new\n", categories)

    assert "has the wrong columns" in str(error)
    assert "unknown column" in error_at(error, 1, "enquiry_type").message
    assert error_at(error, 1, "measure").message == "this column is missing from the header"


def test_missing_column_rejected(categories):
    error = rejection("month,measure,name,value\n2023-07,website_views,,1\n", categories)

    assert error_at(error, 1, "date").message == "this column is missing from the header"


def test_every_bad_cell_named(categories):
    text = f"""{HEADER}
2023-13,website_views,,100,
2023-07,page_count,Home,5,
2023-07,page_views,,5,
2023-07,facebook_reach,Page,-4,
2023-07,top_post,Clubs,10,
2023-07,translation,Urdu,2,2023-07-01
2023-07,website_views,,,
"""
    error = rejection(text, categories)

    assert "Nothing was imported" in str(error)
    assert "was rejected: 7 rows are invalid" in str(error)
    assert "is not a month" in error_at(error, 2, "month").message
    assert "is not a measure: expected one of website_views," in error_at(error, 3, "measure").message
    assert error_at(error, 4, "name").message == "missing: a page_views row needs the page name here"
    assert "must be empty" in error_at(error, 5, "name").message
    assert error_at(error, 5, "value").value == "-4"
    assert "needs the date the post went out" in error_at(error, 6, "date").message
    assert "only top_post rows have a date" in error_at(error, 7, "date").message
    assert "missing" in error_at(error, 8, "value").message


def test_figure_given_twice_rejected(categories):
    text = f"""{HEADER}
2023-07,facebook_reach,,429,
2023-07,page_views,Contact Us,5,
2023-07,facebook_reach,,430,
2023-07,page_views,contact  us,6,
2023-08,page_views,Contact Us,7,
"""
    error = rejection(text, categories)

    assert "already has the total for facebook_reach in row 2" in error_at(error, 4, "measure").message
    assert "already has 'contact us' for page_views in row 3" in error_at(error, 5, "name").message
    assert {item.row for item in error.errors} == {4, 5}


def test_posts_sharing_a_title_accepted(categories):
    text = f"""{HEADER}
2023-07,top_post,Coffee morning,10,2023-07-05
2023-07,top_post,Coffee morning,12,2023-07-19
"""
    [july] = parse_metrics(text, categories, today=TODAY)

    assert [post.reach for post in july.top_posts] == [10, 12]


def test_validation_errors_point_at_their_row(categories):
    text = f"""{HEADER}
2023-07,website_views,,100,
2023-07,page_views,Home,80,
2023-07,accessibility,Magnifier,3,
2023-07,top_post,Clubs,10,2023-07-02
2023-07,top_post,Clubs,11,2023-09-01
2024-03,facebook_reach,,5,
2024-03,instagram_reach,,5,
"""
    error = rejection(text, categories)

    assert "Choose one of: Speech, Toolbar" in error_at(error, 4, "name").message
    assert "must be dated" in error_at(error, 6, "date").message
    assert "has not started yet" in error_at(error, 7, "month").message
    assert {item.row for item in error.errors} == {4, 6, 7}


def test_pages_above_total_reported_on_total_row(categories):
    text = f"""{HEADER}
2023-07,page_views,Home,80,
2023-07,website_views,,50,
"""
    error = rejection(text, categories)

    assert "add up to 80 views" in error_at(error, 3, "value").message


def test_export_round_trips(categories):
    metrics = parse_metrics(GOOD, categories, today=TODAY)

    text = format_metrics(reversed(metrics))

    assert text.splitlines()[0] == HEADER
    assert text.splitlines()[1] == "2023-07,website_views,,2100,"
    assert parse_metrics(text, categories, today=TODAY) == metrics


def test_write_creates_owner_only_file(tmp_path: Path, categories):
    metrics = parse_metrics(GOOD, categories, today=TODAY)
    path = tmp_path / "out.csv"

    count = write_metrics(path, metrics)

    assert count == 2
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert read_metrics(path, categories, today=TODAY) == metrics
    with pytest.raises(FileExistsError):
        write_metrics(path, metrics)


def test_parse_month_forms():
    assert parse_month("2023-07") == (2023, 7)
    assert parse_month(" 2023-7 ") == (2023, 7)
    for text in ("07/2023", "2023-00", "2023-13", "July 2023"):
        with pytest.raises(ValueError, match="is not a month"):
            parse_month(text)
