"""The Word report built from the demo data carries the published 2023-Q3 figures.

The document is read back with python-docx: tables cell by cell, and charts
through the alt text that describes each image with its values.
"""

from __future__ import annotations

import io
import re
from datetime import date
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from reference import reference_tables

from sendias_tui.demo import load_demo
from sendias_tui.domain.quarters import Quarter
from sendias_tui.publish import report_bytes
from sendias_tui.publish.assemble import assemble_document
from sendias_tui.storage import EnquiryStore

CAPTION = re.compile(r"^(Table|Figure) \d+: ")


@pytest.fixture(scope="module")
def word_report(tmp_path_factory: pytest.TempPathFactory, categories_module) -> docx.document.Document:
    data_file: Path = tmp_path_factory.mktemp("report") / "sendias.json"
    with EnquiryStore(data_file, user="test") as store:
        load_demo(store)
        assembled = assemble_document(Quarter(2023, 3), store, categories_module, today=date(2024, 1, 1))
    return docx.Document(io.BytesIO(report_bytes(assembled.document, "docx")))


@pytest.fixture(scope="module")
def categories_module():
    from sendias_tui.domain.categories import default_categories

    return default_categories()


def table_rows(document) -> set[tuple[str, ...]]:
    return {tuple(cell.text for cell in row.cells) for table in document.tables for row in table.rows}


def chart_descriptions(document) -> list[str]:
    return [element.get("descr", "") for element in document.element.body.iter(qn("wp:docPr"))]


def test_table10_top_pages(word_report):
    rows = table_rows(word_report)
    for page, views in reference_tables()["table10_top_pages"]:
        assert (page, f"{views:,}") in rows, page


def test_table11_accessibility_with_total(word_report):
    rows = table_rows(word_report)
    published = reference_tables()["table11_accessibility"]
    for function, uses in published:
        assert (function, str(uses)) in rows, function
    assert ("Total", str(sum(uses for _, uses in published))) in rows


def test_main_sen_table(word_report):
    rows = table_rows(word_report)
    for name, count in reference_tables()["table2_main_sen"]:
        assert (name.strip(), str(count)) in rows, name


def test_translation_languages_chart(word_report):
    [language, uses] = reference_tables()["figure_translation_languages"][0]
    assert any(f"{language} {uses}" in text for text in chart_descriptions(word_report))


def test_facebook_reach_chart(word_report):
    reach = reference_tables()["figure_facebook_total_reach"]
    expected = ", ".join(f"{month} {value:,}" for month, value in reach)
    assert any(expected in text for text in chart_descriptions(word_report)), expected


def test_captions_name_only_the_quarter(word_report):
    captions = [p.text for p in word_report.paragraphs if CAPTION.match(p.text)]
    assert len(captions) == 23
    for caption in captions:
        assert "2023-Q3" in caption, caption
    numbers = [caption.split(":")[0] for caption in captions]
    assert len(numbers) == len(set(numbers))


def test_label_column_wider_than_figures(word_report):
    for table in word_report.tables:
        widths = [column.width for column in table.columns]
        if len(widths) > 1:
            assert widths[0] > max(widths[1:])
