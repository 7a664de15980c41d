"""The Word writer, read back with python-docx."""

from __future__ import annotations

import io

import docx
import pytest
from publish_samples import MARKUP_NAME, full_document

from sendias_tui.domain.categories import default_categories
from sendias_tui.publish.docx_writer import docx_bytes
from sendias_tui.publish.document import APPENDIX_TITLE


@pytest.fixture(scope="module")
def document():
    return full_document(default_categories())


@pytest.fixture(scope="module")
def word(document):
    # Module scope, because drawing the charts takes a few seconds.
    return docx.Document(io.BytesIO(docx_bytes(document)))


def _paragraph_texts(word):
    return [paragraph.text for paragraph in word.paragraphs]


def _word_table(word, document, key):
    """Return the Word table that contains the document's table ``key``."""
    index = [table.key for table in document.tables].index(key)
    return word.tables[index]


def test_every_caption_present(word, document):
    captions = [p.text for p in word.paragraphs if p.style.name == "Caption"]

    expected = [table.caption for table in document.tables]
    expected += [chart.caption for chart in document.figures]
    assert sorted(captions) == sorted(expected)


def test_one_word_table_per_table(word, document):
    assert len(word.tables) == len(document.tables)


def test_known_cell_value(word, document):
    table1 = _word_table(word, document, "table1_enquiries")
    rows = {row.cells[0].text: [cell.text for cell in row.cells[1:]] for row in table1.rows}

    assert [cell.text for cell in table1.rows[0].cells] == [
        "Enquiry type", "July", "August", "September", "Total for quarter",
    ]  # fmt: skip
    assert rows["Calls or emails for SENAT"] == ["3", "0", "0", "3"]
    assert rows["New enquiries (previous users and new families)"] == ["2", "2", "1", "5"]


def test_header_and_total_rows_bold(word, document):
    main_sen = _word_table(word, document, "table2_main_sen")
    header, first, last = main_sen.rows[0], main_sen.rows[1], main_sen.rows[-1]

    assert all(run.bold for cell in header.cells for run in cell.paragraphs[0].runs)
    assert last.cells[0].text == "Total"
    assert last.cells[1].text == "5"
    assert all(run.bold for cell in last.cells for run in cell.paragraphs[0].runs)
    assert not any(run.bold for cell in first.cells for run in cell.paragraphs[0].runs)


def test_header_row_repeats_on_each_page(word, document):
    header = _word_table(word, document, "table2_main_sen").rows[0]

    assert header._tr.trPr.xpath("./w:tblHeader")


def test_user_text_kept_literally(word, document):
    main_sen = _word_table(word, document, "table2_main_sen")

    assert MARKUP_NAME in [row.cells[0].text for row in main_sen.rows]


def test_chart_per_figure_with_alt_text(word, document):
    shapes = word.inline_shapes

    assert len(shapes) == len(document.figures)
    for shape, chart in zip(shapes, document.figures, strict=True):
        description = shape._inline.docPr.get("descr")
        assert description.startswith(("Bar chart", "Line chart"))
        assert chart.categories[0] in description


def test_appendix_present(word):
    texts = _paragraph_texts(word)

    assert APPENDIX_TITLE in texts
    for level in range(1, 5):
        assert any(text.startswith(f"Level {level}: ") for text in texts)
    assert texts.index(APPENDIX_TITLE) > texts.index("Social media")


def test_level_text_present(word):
    texts = _paragraph_texts(word)

    assert any(text.startswith("Level 1 (information and advice) accounted for 40%") for text in texts)


def test_page_is_a4(word):
    section = word.sections[0]

    # Word stores sizes in twentieths of a point, so millimetres round-trip only approximately.
    assert round(section.page_width.mm) == 210
    assert round(section.page_height.mm) == 297


def test_properties_name_no_library(word, document):
    properties = word.core_properties

    assert properties.title == document.title
    assert properties.author == ""
    assert "python-docx" not in (properties.comments or "")
