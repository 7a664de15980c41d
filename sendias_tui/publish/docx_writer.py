"""Write a ``Document`` as a Word file with python-docx.

Tables are real Word tables with a header row that repeats across pages and a
bold total row. Charts are PNG images with the chart's data as alternative
text. Pages are A4, since the report is printed and sent in England.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

import docx
from docx.document import Document as WordDocument
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.table import Table, _Cell, _Row
from docx.text.paragraph import Paragraph as WordParagraph

from sendias_tui.publish.chart_images import render_chart_png
from sendias_tui.publish.document import (
    AppendixBlock,
    Document,
    FigureBlock,
    Heading,
    Paragraph,
    TableBlock,
)
from sendias_tui.publish.formatting import chart_alt_text, format_cell, is_number

PAGE_WIDTH = Mm(210)
PAGE_HEIGHT = Mm(297)
MARGIN = Mm(20)
TEXT_WIDTH = Mm(170)
"""The A4 text width between the margins."""
MAX_VALUE_WIDTH = Mm(32)
"""Widest a column of figures gets, so that a two-column table keeps its label wide."""
IMAGE_WIDTH = Mm(165)
"""Chart width: the A4 text width between the margins, less a little."""
NOTE_SIZE = Pt(9)


def docx_bytes(document: Document) -> bytes:
    """Return ``document`` as the bytes of a .docx file."""
    word = docx.Document()
    _set_up_page(word, document)
    word.add_heading(document.title, level=0)

    for block in document.blocks:
        if isinstance(block, Heading):
            word.add_heading(block.text, level=block.level)
        elif isinstance(block, Paragraph):
            _add_paragraph(word, block)
        elif isinstance(block, TableBlock):
            _add_table(word, block)
        elif isinstance(block, FigureBlock):
            _add_figure(word, block)
        elif isinstance(block, AppendixBlock):
            _add_appendix(word, block)

    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()


def _set_up_page(word: WordDocument, document: Document) -> None:
    """Set A4 pages, a footer with the title and page number, and the file's properties."""
    section = word.sections[0]
    section.page_width, section.page_height = PAGE_WIDTH, PAGE_HEIGHT
    section.left_margin = section.right_margin = MARGIN
    section.top_margin = section.bottom_margin = MARGIN

    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run(f"{document.title}. Page ").font.size = NOTE_SIZE
    _add_page_number(footer)

    # The blank template names python-docx as author and in the comments,
    # which would go out with the report.
    properties = word.core_properties
    properties.title = document.title
    properties.subject = f"Quarterly data summary, {document.quarter.code}"
    properties.author = ""
    properties.last_modified_by = ""
    properties.comments = ""
    properties.keywords = "SENDIAS"


def _add_page_number(paragraph: WordParagraph) -> None:
    """Append a PAGE field, which Word fills in on each page."""
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def _add_paragraph(word: WordDocument, block: Paragraph) -> None:
    paragraph = word.add_paragraph()
    run = paragraph.add_run(block.text)
    if block.note:
        run.italic = True
        run.font.size = NOTE_SIZE


def _add_caption(word: WordDocument, text: str) -> None:
    caption = word.add_paragraph(text, style="Caption")
    caption.paragraph_format.keep_with_next = True


def _add_notes(word: WordDocument, notes: Sequence[str]) -> None:
    for note in notes:
        _add_paragraph(word, Paragraph(note, note=True))


def _add_table(word: WordDocument, block: TableBlock) -> None:
    """Add the caption, then a table whose header row repeats and whose total row is bold."""
    table = block.table
    _add_caption(word, table.caption)
    rows = [*table.rows, *([table.total] if table.total is not None else [])]
    grid = word.add_table(rows=1 + len(rows), cols=len(table.columns))
    grid.style = "Table Grid"
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER

    for cell, heading in zip(grid.rows[0].cells, table.columns, strict=True):
        _fill_cell(cell, heading, bold=True)
    _repeat_as_header(grid.rows[0])

    for index, row in enumerate(rows, start=1):
        is_total = table.total is not None and index == len(rows)
        cells = grid.rows[index].cells
        _fill_cell(cells[0], row.label, bold=is_total)
        for cell, value in zip(cells[1:], row.values, strict=True):
            _fill_cell(cell, format_cell(value), bold=is_total, right=is_number(value))
    _set_column_widths(grid, len(table.columns))
    _add_notes(word, table.notes)
    word.add_paragraph()


def _set_column_widths(grid: Table, columns: int) -> None:
    """Make the figure columns just wide enough and give the label column the rest.

    Word otherwise makes every column equally wide, which squeezes long
    labels such as "Calls or emails transferred to another SENDIAS service".
    """
    grid.autofit = False
    value_width = min(MAX_VALUE_WIDTH, TEXT_WIDTH * 7 // 10 // max(columns - 1, 1))
    label_width = TEXT_WIDTH - value_width * (columns - 1)
    # Word reads the cell widths and LibreOffice the column grid, so set both.
    for index, column in enumerate(grid.columns):
        column.width = label_width if index == 0 else value_width
    for row in grid.rows:
        for index, cell in enumerate(row.cells):
            cell.width = label_width if index == 0 else value_width


def _fill_cell(cell: _Cell, text: str, *, bold: bool = False, right: bool = False) -> None:
    paragraph = cell.paragraphs[0]
    paragraph.add_run(text).bold = bold
    if right:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT


def _repeat_as_header(row: _Row) -> None:
    """Mark ``row`` as the header, so Word repeats it on each page the table spans."""
    properties = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


def _add_figure(word: WordDocument, block: FigureBlock) -> None:
    """Add the caption, then the chart as an image whose alternative text gives every value."""
    chart = block.chart
    _add_caption(word, chart.caption)
    image = render_chart_png(chart, block.data)
    picture = word.add_picture(io.BytesIO(image), width=IMAGE_WIDTH)
    properties = picture._inline.docPr
    properties.set("descr", chart_alt_text(chart, block.data))
    properties.set("title", chart.caption)
    _add_notes(word, block.notes)


def _add_appendix(word: WordDocument, block: AppendixBlock) -> None:
    """Start the appendix on a new page, one sub-heading per definition."""
    word.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    word.add_heading(block.title, level=1)
    for entry in block.entries:
        word.add_heading(entry.heading, level=2)
        for text in entry.paragraphs:
            word.add_paragraph(text)
