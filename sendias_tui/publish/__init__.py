"""Publishable report documents: Word, HTML, Markdown and Excel, built from one document model.

Typical use::

    report = build_report(quarter, enquiries, redirects, categories)
    document = build_document(report)
    write_report(document, Path("2023-Q3.docx"), "docx")

Nothing here imports Textual or Typer, so the CLI and the summary screen
share it.
"""

from __future__ import annotations

import errno
from enum import StrEnum
from pathlib import Path

from sendias_tui.export.files import ExportWriteError, write_owner_only
from sendias_tui.publish.document import Document, DocumentError, build_document

__all__ = [
    "Document",
    "DocumentError",
    "ExportWriteError",
    "ReportFormat",
    "build_document",
    "report_bytes",
    "write_report",
]


class ReportFormat(StrEnum):
    """A file format the report can be written in; the value is the usual file suffix."""

    DOCX = "docx"
    HTML = "html"
    MD = "md"
    XLSX = "xlsx"


def report_bytes(document: Document, format: ReportFormat | str) -> bytes:
    """Return ``document`` as the bytes of a file in ``format``.

    Raises:
        ValueError: ``format`` is not docx, html, md or xlsx.
    """
    chosen = _parse_format(format)
    # Each writer imports its library only when that format is requested,
    # so Markdown output does not pay for loading matplotlib or python-docx.
    if chosen is ReportFormat.DOCX:
        from sendias_tui.publish.docx_writer import docx_bytes

        return docx_bytes(document)
    if chosen is ReportFormat.HTML:
        from sendias_tui.publish.html_writer import html_text

        return html_text(document).encode("utf-8")
    if chosen is ReportFormat.MD:
        from sendias_tui.publish.md_writer import markdown_text

        return markdown_text(document).encode("utf-8")
    from sendias_tui.publish.xlsx_writer import xlsx_bytes

    return xlsx_bytes(document)


def write_report(
    document: Document, path: Path, format: ReportFormat | str, *, overwrite: bool = False
) -> None:
    """Write ``document`` to ``path`` as a file only its owner can read or write.

    The whole file is built in memory, written to a temporary name in the same
    folder and renamed to ``path``, so a failure at any step leaves no partial
    report and any earlier file whole.

    Args:
        document: the laid-out report.
        path: the file to write.
        format: docx, html, md or xlsx.
        overwrite: replace a file already at ``path``. Without it an existing
            file is kept. The check runs before the write, so a file that
            another program creates at the same moment could still be replaced.

    Raises:
        ValueError: ``format`` is not docx, html, md or xlsx.
        FileExistsError: ``path`` exists and ``overwrite`` is false.
        ExportWriteError: the folder is missing or not writable, or the disk is full.
    """
    path = Path(path)
    data = report_bytes(document, format)
    if not overwrite and path.exists():
        raise FileExistsError(errno.EEXIST, "a file already exists at this path", str(path))
    write_owner_only(path, data, overwrite=True)


def _parse_format(format: ReportFormat | str) -> ReportFormat:
    try:
        return ReportFormat(str(format).strip().lower())
    except ValueError:
        allowed = ", ".join(member.value for member in ReportFormat)
        raise ValueError(f"report format '{format}' is invalid: use one of {allowed}") from None
