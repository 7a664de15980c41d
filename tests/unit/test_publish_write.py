"""Writing report files: formats, owner-only permissions and replacing files."""

from __future__ import annotations

import os
import stat

import pytest
from publish_samples import sample_report

from sendias_tui.publish import ReportFormat, build_document, report_bytes, write_report


@pytest.fixture
def document(categories):
    return build_document(sample_report(categories))


# Word and Excel files are zip archives, which start with "PK".
FILE_STARTS = {
    ReportFormat.DOCX: b"PK",
    ReportFormat.XLSX: b"PK",
    ReportFormat.HTML: b"<!DOCTYPE html>",
    ReportFormat.MD: b"# SENDIAS",
}


@pytest.mark.parametrize("format", list(ReportFormat))
def test_file_is_owner_only(document, tmp_path, format):
    path = tmp_path / f"report.{format.value}"

    write_report(document, path, format)

    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert path.read_bytes().startswith(FILE_STARTS[format])


@pytest.mark.parametrize("format", list(ReportFormat))
def test_format_by_name(document, format):
    assert report_bytes(document, format.value).startswith(FILE_STARTS[format])


def test_format_name_case_ignored(document):
    assert report_bytes(document, " MD ") == report_bytes(document, "md")


def test_invalid_format_rejected(document, tmp_path):
    path = tmp_path / "report.pdf"

    with pytest.raises(ValueError, match="report format 'pdf' is invalid: use one of docx, html, md, xlsx"):
        write_report(document, path, "pdf")
    assert not path.exists()


def test_existing_file_kept(document, tmp_path):
    path = tmp_path / "report.md"
    path.write_text("earlier report")

    with pytest.raises(FileExistsError):
        write_report(document, path, "md")
    assert path.read_text() == "earlier report"


def test_overwrite_replaces_file(document, tmp_path):
    path = tmp_path / "report.md"
    path.write_text("earlier report")
    os.chmod(path, 0o644)

    write_report(document, path, "md", overwrite=True)

    assert path.read_bytes() == report_bytes(document, "md")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert sorted(item.name for item in tmp_path.iterdir()) == ["report.md"]
