"""``sendias metrics`` and ``sendias history``: all or nothing imports and exports that read back."""

from __future__ import annotations

import stat
from pathlib import Path

from cli_helpers import assert_clean_failure, invoke

from sendias_tui.domain.metrics import MonthlyMetrics, PublishedTotals
from sendias_tui.export.metrics_csv import COLUMNS as METRICS_COLUMNS
from sendias_tui.export.published_csv import COLUMNS as HISTORY_COLUMNS
from sendias_tui.storage import EnquiryStore

METRICS_HEADER = ",".join(METRICS_COLUMNS)
HISTORY_HEADER = ",".join(HISTORY_COLUMNS)

METRICS = f"""{METRICS_HEADER}
2023-07,website_views,,2100,
2023-07,page_views,Landing page,250,
2023-07,accessibility,Toolbar,33,
2023-07,facebook_reach,,429,
2023-07,top_post,Summer clubs,180,2023-07-14
2023-08,facebook_reach,,1119,
2023-10,facebook_reach,,700,
"""

HISTORY = f"""{HISTORY_HEADER}
2022-Q3,126,240,44,35,15,6,1850.5,1620,480
2021-Q3,118,231,,,,,,1290,
"""


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def stored_metrics(data_file: Path) -> list[MonthlyMetrics]:
    with EnquiryStore(data_file, user="test") as store:
        return store.all_metrics()


def stored_totals(data_file: Path) -> list[PublishedTotals]:
    with EnquiryStore(data_file, user="test") as store:
        return store.published_totals()


def test_metrics_import_stores_months(tmp_path: Path, data_file: Path):
    csv_file = write(tmp_path / "metrics.csv", METRICS)

    result = invoke("--data-file", str(data_file), "metrics", "import", str(csv_file))

    assert result.exit_code == 0, result.output
    assert "Imported the figures of 3 months (2023-07 to 2023-10)" in result.stdout
    months = stored_metrics(data_file)
    assert [item.month_key for item in months] == [(2023, 7), (2023, 8), (2023, 10)]
    assert months[0].top_pages == (("Landing page", 250),)
    assert months[0].accessibility == {"Toolbar": 33}
    assert months[1].facebook_reach == 1119


def test_metrics_import_replaces_whole_month(tmp_path: Path, data_file: Path):
    first = write(tmp_path / "first.csv", METRICS)
    second = write(tmp_path / "second.csv", f"{METRICS_HEADER}\n2023-07,instagram_reach,,99,\n")
    assert invoke("--data-file", str(data_file), "metrics", "import", str(first)).exit_code == 0

    result = invoke("--data-file", str(data_file), "metrics", "import", str(second))

    assert result.exit_code == 0, result.output
    july, august, october = stored_metrics(data_file)
    assert july == MonthlyMetrics(2023, 7, instagram_reach=99, id=july.id)
    assert august.facebook_reach == 1119
    assert october.facebook_reach == 700


def test_metrics_import_bad_rows_imports_nothing(tmp_path: Path, data_file: Path):
    text = f"""{METRICS_HEADER}
2023-07,website_views,,2100,
2023-07,accessibility,Magnifier,3,
2023-13,facebook_reach,,429,
"""
    csv_file = write(tmp_path / "metrics.csv", text)

    result = invoke("--data-file", str(data_file), "metrics", "import", str(csv_file))

    assert_clean_failure(result)
    assert "Nothing was imported" in result.stderr
    assert "Row 3, column name, value 'Magnifier'" in result.stderr
    assert "Choose one of: Speech, Toolbar, Translate, Picture Dictate" in result.stderr
    assert "Row 4, column month, value '2023-13'" in result.stderr
    assert not data_file.exists() or stored_metrics(data_file) == []


def test_metrics_import_missing_file(tmp_path: Path, data_file: Path):
    result = invoke("--data-file", str(data_file), "metrics", "import", str(tmp_path / "none.csv"))

    assert_clean_failure(result)
    assert "was not found. Nothing was imported." in result.stderr
    assert not data_file.exists()


def test_metrics_export_round_trips(tmp_path: Path, data_file: Path):
    csv_file = write(tmp_path / "metrics.csv", METRICS)
    invoke("--data-file", str(data_file), "metrics", "import", str(csv_file))
    output = tmp_path / "out.csv"

    result = invoke("--data-file", str(data_file), "metrics", "export", "--output", str(output))

    assert result.exit_code == 0, result.output
    assert "Wrote the metrics of every month (3 months)" in result.stdout
    assert stat.S_IMODE(output.stat().st_mode) == 0o600
    assert output.read_text(encoding="utf-8").replace("\r\n", "\n") == METRICS


def test_metrics_export_one_quarter(tmp_path: Path, data_file: Path):
    invoke("--data-file", str(data_file), "metrics", "import", str(write(tmp_path / "m.csv", METRICS)))
    output = tmp_path / "q3.csv"

    result = invoke(
        "--data-file", str(data_file), "metrics", "export", "--output", str(output), "--quarter", "2023-Q3"
    )

    assert result.exit_code == 0, result.output
    assert "Wrote the metrics of 2023-Q3 (2 months)" in result.stdout
    lines = output.read_text(encoding="utf-8").splitlines()
    assert not [line for line in lines if line.startswith("2023-10")]


def test_metrics_export_keeps_existing_file(tmp_path: Path, data_file: Path):
    invoke("--data-file", str(data_file), "metrics", "import", str(write(tmp_path / "m.csv", METRICS)))
    output = write(tmp_path / "out.csv", "keep me")

    refused = invoke("--data-file", str(data_file), "metrics", "export", "--output", str(output))
    forced = invoke("--data-file", str(data_file), "metrics", "export", "--output", str(output), "--force")

    assert_clean_failure(refused)
    assert "already exists" in refused.stderr
    assert forced.exit_code == 0, forced.output
    assert output.read_text(encoding="utf-8").startswith(METRICS_HEADER)


def test_metrics_export_needs_data_file(tmp_path: Path, data_file: Path):
    result = invoke("--data-file", str(data_file), "metrics", "export", "--output", str(tmp_path / "o.csv"))

    assert_clean_failure(result)
    assert "does not exist" in result.stderr


def test_history_import_and_export(tmp_path: Path, data_file: Path):
    csv_file = write(tmp_path / "published.csv", HISTORY)
    output = tmp_path / "out.csv"

    imported = invoke("--data-file", str(data_file), "history", "import", str(csv_file))
    exported = invoke("--data-file", str(data_file), "history", "export", "--output", str(output))

    assert imported.exit_code == 0, imported.output
    assert "Imported the published totals of 2 quarters (2021-Q3 to 2022-Q3)" in imported.stdout
    assert [item.quarter for item in stored_totals(data_file)] == ["2021-Q3", "2022-Q3"]
    assert exported.exit_code == 0, exported.output
    assert "(2 quarters)" in exported.stdout
    lines = output.read_text(encoding="utf-8").splitlines()
    assert lines == [
        HISTORY_HEADER,
        "2021-Q3,118,231,,,,,,1290,",
        "2022-Q3,126,240,44,35,15,6,1850.5,1620,480",
    ]


def test_history_import_replaces_quarter(tmp_path: Path, data_file: Path):
    invoke("--data-file", str(data_file), "history", "import", str(write(tmp_path / "a.csv", HISTORY)))
    update = write(tmp_path / "b.csv", f"{HISTORY_HEADER}\n2022q3,130,,,,,,,,\n")

    result = invoke("--data-file", str(data_file), "history", "import", str(update))

    assert result.exit_code == 0, result.output
    totals = {item.quarter: item for item in stored_totals(data_file)}
    assert totals["2022-Q3"].new_enquiries == 130
    assert totals["2022-Q3"].existing_enquiries is None
    assert totals["2021-Q3"].new_enquiries == 118


def test_history_import_bad_rows_imports_nothing(tmp_path: Path, data_file: Path):
    text = f"{HISTORY_HEADER}\n2022-Q3,126,,,,,,,,\n2021-Q5,x,,,,,,,,\n"
    csv_file = write(tmp_path / "published.csv", text)

    result = invoke("--data-file", str(data_file), "history", "import", str(csv_file))

    assert_clean_failure(result)
    assert "Row 3, column quarter, value '2021-Q5'" in result.stderr
    assert "Row 3, column new_enquiries, value 'x'" in result.stderr
    assert not data_file.exists()


def test_history_reads_financial_codes(tmp_path: Path, data_file: Path):
    assert invoke("--data-file", str(data_file), "settings", "quarter-scheme", "financial").exit_code == 0
    csv_file = write(tmp_path / "published.csv", f"{HISTORY_HEADER}\n2022-Q1,5,,,,,,,,\n2021-Q4,6,,,,,,,,\n")

    result = invoke("--data-file", str(data_file), "history", "import", str(csv_file))

    assert result.exit_code == 0, result.output
    assert "(2021-Q4 to 2022-Q1)" in result.stdout


def test_groups_list_their_commands():
    for group in ("metrics", "history"):
        result = invoke(group, "--help")

        assert result.exit_code == 0, result.output
        assert "import" in result.stdout
        assert "export" in result.stdout


def test_history_keeps_months_after_scheme_change(tmp_path: Path, data_file: Path):
    # Typed under the calendar scheme: 2022-Q2 is April to June, 2022-Q3 July to September.
    history = f"{HISTORY_HEADER}\n2022-Q2,119,228,,,,,1830,,\n2022-Q3,126,240,,,,,1905,,\n"
    invoke("--data-file", str(data_file), "history", "import", str(write(tmp_path / "h.csv", history)))
    switched = invoke("--data-file", str(data_file), "settings", "quarter-scheme", "financial")
    report_file = tmp_path / "fq2.md"
    exported_file = tmp_path / "out.csv"

    summary = invoke("--data-file", str(data_file), "summary", "--quarter", "2023-Q2")
    report = invoke("--data-file", str(data_file), "report", "--quarter", "2023-Q2", "-o", str(report_file))
    exported = invoke("--data-file", str(data_file), "history", "export", "--output", str(exported_file))

    assert switched.exit_code == 0, switched.output
    assert summary.exit_code == 0, summary.output
    # Financial 2022-Q2 is July to September 2022, so it gets the calendar 2022-Q3 figures.
    assert "2022-Q2 │" in summary.stdout
    assert "1905" in summary.stdout
    assert "1830" not in summary.stdout
    assert report.exit_code == 0, report.output
    text = report_file.read_text(encoding="utf-8")
    assert "| 2022-Q2 | 126 | 240 |" in text
    assert "against 126 in 2022-Q2" in text
    assert "119" not in text
    assert exported.exit_code == 0, exported.output
    assert exported_file.read_text(encoding="utf-8").splitlines()[1:] == [
        "2022-Q1,119,228,,,,,1830,,",
        "2022-Q2,126,240,,,,,1905,,",
    ]
