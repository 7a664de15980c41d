"""The HTML writer, read back with the standard library's HTML parser."""

from __future__ import annotations

import base64
from html.parser import HTMLParser

import pytest
from publish_samples import MARKUP_NAME, full_document

from sendias_tui.domain.categories import default_categories
from sendias_tui.domain.quarters import Quarter
from sendias_tui.publish.document import APPENDIX_TITLE, Document, FigureBlock
from sendias_tui.publish.html_writer import html_text
from sendias_tui.report.charts import ChartKind, ChartSpec, Series

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


class _PageReader(HTMLParser):
    """Collects the tags, captions, images and text of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.images: list[dict[str, str | None]] = []
        self.captions: list[str] = []
        self.cells: list[str] = []
        self.texts: list[str] = []
        self._open: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self._open.append(tag)
        if tag == "img":
            self.images.append(dict(attrs))
            self._open.pop()
        elif tag in ("caption", "figcaption"):
            self.captions.append("")
        elif tag in ("th", "td"):
            self.cells.append("")

    def handle_endtag(self, tag):
        if self._open and self._open[-1] == tag:
            self._open.pop()

    def handle_data(self, data):
        self.texts.append(data)
        if not self._open:
            return
        if self._open[-1] in ("caption", "figcaption"):
            self.captions[-1] += data
        elif self._open[-1] in ("th", "td"):
            self.cells[-1] += data


@pytest.fixture(scope="module")
def document():
    return full_document(default_categories())


@pytest.fixture(scope="module")
def page(document):
    # Module scope, because drawing the charts takes a few seconds.
    return html_text(document)


@pytest.fixture(scope="module")
def reader(page):
    parsed = _PageReader()
    parsed.feed(page)
    parsed.close()
    return parsed


def test_table_per_report_table(reader, document):
    assert reader.tags.count("table") == len(document.tables)


def test_every_caption_present(reader, document):
    expected = [table.caption for table in document.tables]
    expected += [chart.caption for chart in document.figures]

    assert sorted(reader.captions) == sorted(expected)


def test_known_cell_values(reader):
    assert "Calls or emails for SENAT" in reader.cells
    assert "Total for quarter" in reader.cells


def test_image_per_figure(reader, document):
    assert len(reader.images) == len(document.figures)
    for image, chart in zip(reader.images, document.figures, strict=True):
        prefix = "data:image/png;base64,"
        assert image["src"].startswith(prefix)
        assert base64.b64decode(image["src"][len(prefix):]).startswith(PNG_SIGNATURE)
        assert image["alt"].startswith(("Bar chart", "Line chart"))
        assert chart.categories[0] in image["alt"]


def test_user_text_escaped(page, reader):
    assert "&lt;b&gt;x&lt;/b&gt;" in page
    assert MARKUP_NAME in reader.cells
    assert "b" not in reader.tags


def test_alt_text_quotes_escaped():
    """A category with a quote cannot end the alt attribute and start a tag."""
    chart = ChartSpec(
        key="figure2_age_group",
        number="Figure 1",
        title="New enquiries by age group, 2023-Q3",
        kind=ChartKind.BAR,
        categories=('"><script>x</script>', "5-10"),
        series=(Series("New enquiries", (1, 2)),),
        category_label="Age group",
        value_label="New enquiries",
    )
    document = Document(Quarter(2023, 3), "Sample", (FigureBlock(chart),))
    page = html_text(document)

    assert "<script>" not in page
    assert "&quot;&gt;&lt;script&gt;" in page


def test_page_loads_nothing_from_outside(page, reader):
    assert "script" not in reader.tags
    assert "Content-Security-Policy" in page
    assert "http://" not in page
    assert "https://" not in page


def test_appendix_and_language(page, reader):
    assert APPENDIX_TITLE in reader.texts
    assert '<html lang="en-GB">' in page
    assert "@media print" in page
