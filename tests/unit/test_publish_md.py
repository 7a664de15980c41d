"""The Markdown writer."""

from __future__ import annotations

import pytest
from publish_samples import FORMULA_NAME, MARKUP_NAME, PIPE_NAME, full_document, hidden_gender_document

from sendias_tui.publish.document import APPENDIX_TITLE
from sendias_tui.publish.md_writer import escape_markdown, markdown_text


@pytest.fixture
def document(categories):
    return full_document(categories)


@pytest.fixture
def text(document):
    return markdown_text(document)


def test_each_table_present(text, document):
    lines = text.splitlines()

    for table in document.tables:
        caption_line = f"**{escape_markdown(table.caption)}**"
        assert caption_line in lines
        header = lines[lines.index(caption_line) + 2]
        assert header == "| " + " | ".join(escape_markdown(c) for c in table.columns) + " |"


def test_each_figure_given_as_data(text, document):
    lines = text.splitlines()

    for chart in document.figures:
        caption_line = f"**{escape_markdown(chart.caption)}**"
        assert caption_line in lines
        assert lines[lines.index(caption_line) + 2].startswith(f"| {escape_markdown(chart.category_label)} |")


def test_known_row_and_bold_total(text):
    assert "| Calls or emails for SENAT | 3 | 0 | 0 | 3 |" in text
    assert "| **Total** | **5** |" in text


def test_user_text_escaped(text):
    assert "\\<b\\>x\\</b\\>" in text
    assert MARKUP_NAME not in text
    assert "Speech\\|Language" in text
    assert PIPE_NAME not in text
    assert "| \\" + FORMULA_NAME + " |" in text


def test_appendix_present(text):
    assert f"## {APPENDIX_TITLE}" in text
    assert "### Level 4: Tribunal and legal processes" in text


@pytest.mark.parametrize(
    ("raw", "escaped"),
    [
        ("a|b", "a\\|b"),
        ("<i>", "\\<i\\>"),
        ("*bold*", "\\*bold\\*"),
        ("[link](x)", "\\[link\\](x)"),
        ("# heading", "\\# heading"),
        ("- item", "\\- item"),
        ("1. item", "1\\. item"),
        ("12) item", "12\\) item"),
        ("=1+2", "\\=1+2"),
        ("5-10", "5-10"),
        ("&amp;", "\\&amp;"),
        ("two\nlines", "two lines"),
    ],
)
def test_escape_markdown(raw, escaped):
    assert escape_markdown(raw) == escaped


def test_figure_shows_its_table_with_markers(categories):
    text = markdown_text(hidden_gender_document(categories))

    assert "| Female | \\* |" in text
    assert "| **Total** | **\\*** |" in text
