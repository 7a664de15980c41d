"""``sendias report`` and ``sendias check``."""

from __future__ import annotations

import stat
from dataclasses import replace
from datetime import date
from pathlib import Path

from cli_helpers import assert_clean_failure, invoke
from docx import Document as read_docx
from synthetic_rows import new_enquiry

from sendias_tui.domain.enquiry import Enquiry
from sendias_tui.domain.metrics import MonthlyMetrics
from sendias_tui.publish.assemble import SUPPRESS_BELOW_SETTING
from sendias_tui.storage import EnquiryStore


def fill(data_file: Path, *enquiries: Enquiry) -> None:
    with EnquiryStore(data_file, user="test") as store:
        store.add_many(enquiries)


def enter_q3_metrics(data_file: Path) -> None:
    with EnquiryStore(data_file, user="test") as store:
        store.replace_metrics_many(
            metrics=[MonthlyMetrics(2023, month, website_views=100) for month in (7, 8, 9)]
        )


def test_report_writes_word_document(data_file: Path, tmp_path: Path):
    fill(data_file, new_enquiry(date(2023, 7, 3)), new_enquiry(date(2023, 8, 10)))
    output = tmp_path / "2023-Q3.docx"

    result = invoke("--data-file", str(data_file), "report", "--quarter", "2023-Q3", "-o", str(output))

    assert result.exit_code == 0, result.output
    assert "Wrote the 2023-Q3 report (docx)" in result.stdout
    assert stat.S_IMODE(output.stat().st_mode) == 0o600
    text = "\n".join(paragraph.text for paragraph in read_docx(str(output)).paragraphs)
    assert "2023-Q3" in text
    assert "2023-Q2" not in text


def test_report_format_from_suffix(data_file: Path, tmp_path: Path):
    fill(data_file, new_enquiry(date(2023, 7, 3)))
    output = tmp_path / "report.html"

    result = invoke("--data-file", str(data_file), "report", "--quarter", "2023-Q3", "-o", str(output))

    assert result.exit_code == 0, result.output
    assert output.read_text(encoding="utf-8").lstrip().lower().startswith("<!doctype html")


def test_report_unknown_suffix_rejected(data_file: Path, tmp_path: Path):
    fill(data_file, new_enquiry(date(2023, 7, 3)))

    result = invoke("--data-file", str(data_file), "report", "-o", str(tmp_path / "report.pdf"))

    assert_clean_failure(result)
    assert "docx, html, md, xlsx" in result.stderr


def test_report_keeps_existing_file(data_file: Path, tmp_path: Path):
    fill(data_file, new_enquiry(date(2023, 7, 3)))
    output = tmp_path / "report.md"
    output.write_text("keep me", encoding="utf-8")

    result = invoke("--data-file", str(data_file), "report", "--quarter", "2023-Q3", "-o", str(output))

    assert_clean_failure(result)
    assert "--force" in result.stderr
    assert output.read_text(encoding="utf-8") == "keep me"


def test_suppression_applied_and_remembered(data_file: Path, tmp_path: Path):
    fill(data_file, new_enquiry(date(2023, 7, 3)), new_enquiry(date(2023, 7, 4)))
    first = tmp_path / "first.md"
    second = tmp_path / "second.md"

    result = invoke(
        "--data-file", str(data_file), "report", "--quarter", "2023-Q3", "--suppress-below", "5", "-o", str(first)
    )
    again = invoke("--data-file", str(data_file), "report", "--quarter", "2023-Q3", "-o", str(second))

    assert result.exit_code == 0, result.output
    assert again.exit_code == 0, again.output
    assert "counts below 5 hidden" in again.stdout
    assert "Counts from 1 to 4 are shown as" in second.read_text(encoding="utf-8")
    with EnquiryStore(data_file) as store:
        assert store.get_setting(SUPPRESS_BELOW_SETTING) == 5


def test_suppression_turned_off_with_zero(data_file: Path, tmp_path: Path):
    fill(data_file, new_enquiry(date(2023, 7, 3)))
    invoke("--data-file", str(data_file), "report", "--quarter", "2023-Q3", "--suppress-below", "5",
           "-o", str(tmp_path / "a.md"))

    result = invoke(
        "--data-file", str(data_file), "report", "--quarter", "2023-Q3", "--suppress-below", "0",
        "-o", str(tmp_path / "b.md"),
    )

    assert result.exit_code == 0, result.output
    assert "shown as" not in (tmp_path / "b.md").read_text(encoding="utf-8")


def test_report_missing_data_file(tmp_path: Path):
    missing = tmp_path / "missing.json"

    result = invoke("--data-file", str(missing), "report", "-o", str(tmp_path / "r.md"))

    assert_clean_failure(result)
    assert "does not exist" in result.stderr
    assert not missing.exists()


def test_check_clean_quarter(data_file: Path):
    fill(data_file, new_enquiry(date(2023, 7, 3)))
    enter_q3_metrics(data_file)

    result = invoke("--data-file", str(data_file), "check", "--quarter", "2023-Q3")

    assert result.exit_code == 0, result.output
    assert "No problems found in 2023-Q3." in result.stdout


def test_check_warns_of_missing_metrics(data_file: Path):
    fill(data_file, new_enquiry(date(2023, 7, 3)))

    result = invoke("--data-file", str(data_file), "check", "--quarter", "2023-Q3")

    assert result.exit_code == 0, result.output
    assert "Warning: No service metrics have been entered for July 2023" in result.stdout


def test_check_names_missing_field(data_file: Path):
    fill(data_file, new_enquiry(date(2023, 7, 3)))
    with EnquiryStore(data_file, user="test") as store:
        [stored] = store.all()
        # As an import from an older tool might leave it: a new enquiry without a gender.
        store.update(replace(stored, gender=None))

    result = invoke("--data-file", str(data_file), "check", "--quarter", "2023-Q3")

    assert "gender" in result.stdout
    assert f"{stored.id}" in result.stdout


def test_check_counts_one_problem_singular(data_file: Path):
    fill(data_file, new_enquiry(date(2023, 7, 3), first_advisor_contact=None))
    enter_q3_metrics(data_file)

    result = invoke("--data-file", str(data_file), "check", "--quarter", "2023-Q3")

    assert result.exit_code == 0, result.output
    assert "1 problem in 2023-Q3: 0 errors, 1 warning." in result.stdout


def test_demo_report_has_every_part(data_file: Path, tmp_path: Path):
    output = tmp_path / "q3.md"
    invoke("--data-file", str(data_file), "demo")

    result = invoke("--data-file", str(data_file), "report", "--quarter", "2023-Q3", "-o", str(output))

    assert result.exit_code == 0, result.output
    text = output.read_text(encoding="utf-8")
    for caption in ("Table 1:", "Table 9:", "Table 10:", "Table 11:", "Figure 1:", "Figure 12:"):
        assert text.count(f"**{caption}") == 1, caption
    assert "Appendix A: Levels of service" in text
    assert "from published totals" in text
