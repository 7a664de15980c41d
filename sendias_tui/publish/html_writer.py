"""Write a ``Document`` as one self-contained HTML page.

Charts are embedded as base64 PNG images, so the page can be sent as a single
file. Every text goes through ``html.escape``, so a category named
``<b>x</b>`` shows as typed. A Content-Security-Policy allows no scripts and no
outside resources at all, only the inline style and the embedded images.
"""

from __future__ import annotations

import base64
from html import escape

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
from sendias_tui.report.model import ReportRow

STYLE = """
:root { color: #1b1b1b; background: #ffffff; }
body { font-family: Arial, "Helvetica Neue", Helvetica, sans-serif; line-height: 1.45;
       max-width: 50rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.7rem; margin-bottom: 1.5rem; }
h2 { font-size: 1.35rem; margin-top: 2.2rem; border-bottom: 2px solid #0072b2; }
h3 { font-size: 1.1rem; margin-top: 1.4rem; }
p.note { font-size: 0.85rem; font-style: italic; color: #404040; }
table { border-collapse: collapse; margin: 0.5rem 0 1.5rem; min-width: 60%; }
caption { caption-side: top; text-align: left; font-weight: bold; padding-bottom: 0.4rem; }
th, td { border: 1px solid #8c8c8c; padding: 0.25rem 0.55rem; vertical-align: top; }
thead th { background: #e8eef4; text-align: left; }
tbody th { font-weight: normal; text-align: left; }
td.number { text-align: right; font-variant-numeric: tabular-nums; }
tr.total th, tr.total td { font-weight: bold; border-top: 2px solid #1b1b1b; }
figure { margin: 0.5rem 0 1.5rem; }
figcaption { font-weight: bold; margin-bottom: 0.4rem; }
figure img { max-width: 100%; height: auto; }
@page { size: A4; margin: 18mm; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 10.5pt; }
  h2, h3, caption, figcaption { break-after: avoid; }
  table, figure { break-inside: avoid; }
  thead { display: table-header-group; }
  .appendix { break-before: page; }
}
"""

# Only the inline style sheet and the embedded data: images may load.
CONTENT_SECURITY_POLICY = "default-src 'none'; img-src data:; style-src 'unsafe-inline'"


def html_text(document: Document) -> str:
    """Return ``document`` as the text of a complete HTML page."""
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en-GB">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{CONTENT_SECURITY_POLICY}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(document.title)}</title>",
        f"<style>{STYLE}</style>",
        "</head>",
        "<body>",
        "<main>",
        f"<h1>{escape(document.title)}</h1>",
    ]
    for block in document.blocks:
        if isinstance(block, Heading):
            level = block.level + 1
            parts.append(f"<h{level}>{escape(block.text)}</h{level}>")
        elif isinstance(block, Paragraph):
            parts.append(_paragraph(block.text, note=block.note))
        elif isinstance(block, TableBlock):
            parts.append(_table(block))
        elif isinstance(block, FigureBlock):
            parts.append(_figure(block))
        elif isinstance(block, AppendixBlock):
            parts.append(_appendix(block))
    parts += ["</main>", "</body>", "</html>", ""]
    return "\n".join(parts)


def _paragraph(text: str, *, note: bool = False) -> str:
    css_class = ' class="note"' if note else ""
    return f"<p{css_class}>{escape(text)}</p>"


def _row(row: ReportRow, *, total: bool = False) -> str:
    cells = [f'<th scope="row">{escape(row.label)}</th>']
    for value in row.values:
        css_class = ' class="number"' if is_number(value) else ""
        cells.append(f"<td{css_class}>{escape(format_cell(value))}</td>")
    css_class = ' class="total"' if total else ""
    return f"<tr{css_class}>{''.join(cells)}</tr>"


def _table(block: TableBlock) -> str:
    """Lay out a table with its caption, column headings, body and bold total row."""
    table = block.table
    headings = "".join(f'<th scope="col">{escape(column)}</th>' for column in table.columns)
    body = [_row(row) for row in table.rows]
    if table.total is not None:
        body.append(_row(table.total, total=True))
    lines = [
        "<table>",
        f"<caption>{escape(table.caption)}</caption>",
        f"<thead><tr>{headings}</tr></thead>",
        "<tbody>",
        *body,
        "</tbody>",
        "</table>",
    ]
    lines += [_paragraph(note, note=True) for note in table.notes]
    return "\n".join(lines)


def _figure(block: FigureBlock) -> str:
    """Embed the chart as a PNG whose alternative text gives every value."""
    chart = block.chart
    image = base64.b64encode(render_chart_png(chart, block.data)).decode("ascii")
    lines = [
        "<figure>",
        f"<figcaption>{escape(chart.caption)}</figcaption>",
        f'<img src="data:image/png;base64,{image}" alt="{escape(chart_alt_text(chart, block.data))}">',
        "</figure>",
    ]
    lines += [_paragraph(note, note=True) for note in block.notes]
    return "\n".join(lines)


def _appendix(block: AppendixBlock) -> str:
    lines = ['<section class="appendix">', f"<h2>{escape(block.title)}</h2>"]
    for entry in block.entries:
        lines.append(f"<h3>{escape(entry.heading)}</h3>")
        lines += [_paragraph(text) for text in entry.paragraphs]
    lines.append("</section>")
    return "\n".join(lines)
