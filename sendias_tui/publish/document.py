"""A quarter's report as an ordered list of blocks, ready for any document writer.

``build_document`` numbers the tables and the figures in the order they
appear, so no number repeats or skips, and gives every caption the quarter's
code. The writers only lay the blocks out, so a Word file, a web page, a
Markdown file and a workbook of one quarter always show the same figures.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from sendias_tui.domain.quarters import Quarter
from sendias_tui.publish.layout import (
    FIGURE_KEYS,
    INTERVENTION_LEVEL_KEY,
    SECTIONS,
    TABLE_KEYS,
    SlotKind,
)
from sendias_tui.publish.levels import InterventionLevel, intervention_levels
from sendias_tui.report.charts import ChartSpec
from sendias_tui.report.figures import charts_from_report
from sendias_tui.report.model import QuarterReport, ReportTable


@dataclass(frozen=True)
class Heading:
    """A section heading."""

    text: str
    level: int = 1
    """1 for a section, 2 for a part of one."""


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of plain text; writers escape it, so it may contain any characters."""

    text: str
    note: bool = False
    """True for a note about the figures, which writers set in smaller type."""


@dataclass(frozen=True)
class TableBlock:
    """A numbered table; its caption is ``table.caption``."""

    table: ReportTable


@dataclass(frozen=True)
class FigureBlock:
    """A numbered chart; its caption is ``chart.caption``."""

    chart: ChartSpec
    notes: tuple[str, ...] = ()
    """Notes from the report table behind the chart, such as records lacking a value."""
    data: ReportTable | None = None
    """The report table the chart was computed from, with its total and any
    hidden-count markers; None when the chart came from other data."""


@dataclass(frozen=True)
class AppendixEntry:
    """One titled definition in an appendix."""

    heading: str
    paragraphs: tuple[str, ...]


@dataclass(frozen=True)
class AppendixBlock:
    """An appendix after the body of the report."""

    title: str
    entries: tuple[AppendixEntry, ...]


Block = Heading | Paragraph | TableBlock | FigureBlock | AppendixBlock


@dataclass(frozen=True)
class Document:
    """The whole report of one quarter, in reading order."""

    quarter: Quarter
    title: str
    blocks: tuple[Block, ...]

    @property
    def tables(self) -> tuple[ReportTable, ...]:
        """Return the tables in document order."""
        return tuple(block.table for block in self.blocks if isinstance(block, TableBlock))

    @property
    def figures(self) -> tuple[ChartSpec, ...]:
        """Return the charts in document order."""
        return tuple(block.chart for block in self.blocks if isinstance(block, FigureBlock))


class DocumentError(ValueError):
    """Report parts that cannot make a correct document, such as a caption naming another quarter."""


APPENDIX_TITLE = "Appendix A: Levels of service"

# A quarter named in a caption, written as a code ("2023-Q2", "2023 Q2") or in
# words ("quarter two"), as the published summaries do.
_QUARTER_CODE = re.compile(r"\b(\d{4})\s*-?\s*Q([1-4])\b", re.IGNORECASE)
_QUARTER_WORDS = re.compile(r"\bquarter\s+(one|two|three|four|[1-4])\b", re.IGNORECASE)
_QUARTER_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_REFERENCE = re.compile(r"\b(Table|Figure) (\d+)\b")


def build_document(
    report: QuarterReport,
    *,
    commentary: Sequence[str] = (),
    charts: Sequence[ChartSpec] = (),
    extra_tables: Sequence[ReportTable] = (),
    suppression_note: str | None = None,
    service_name: str = "SENDIAS service",
) -> Document:
    """Lay out a quarter's report in the published summary's order.

    The figures that ``report`` alone can fill (age group, gender and
    intervention level) are added from it. A chart in ``charts`` with the same
    key replaces the computed one, for example an intervention level chart
    that also shows earlier years. Sections whose tables and figures are all
    missing, such as social media when no metrics were entered, are left out.

    Args:
        report: the quarter's computed tables.
        commentary: paragraphs the service writes about the quarter, shown
            under "Summary" before the tables.
        charts: year-on-year and service metrics figures, keyed as in
            ``sendias_tui.publish.layout``.
        extra_tables: tables not in ``report``, such as the top pages.
        suppression_note: the sentence saying that small counts were hidden,
            shown near the top once, even when ``report.notes`` already
            contains it; None when no disclosure control was applied.
        service_name: the name at the start of the document title.

    Raises:
        DocumentError: a chart or table has a key the layout does not place,
            or a caption names a quarter other than ``report.quarter``.
    """
    quarter = report.quarter
    tables = {table.key: table for table in (*report.tables, *extra_tables)}
    figures = {chart.key: chart for chart in (*charts_from_report(report), *charts)}
    given_figures = {chart.key for chart in charts}
    _check_keys(tables, figures)

    builder = _Builder(quarter)
    notes = list(report.notes)
    if suppression_note and suppression_note not in notes:
        notes.append(suppression_note)
    builder.blocks.extend(Paragraph(note, note=True) for note in notes)
    if commentary:
        builder.blocks.append(Heading("Summary"))
        builder.blocks.extend(Paragraph(text) for text in commentary)

    for section in SECTIONS:
        filled = [
            slot for slot in section.slots
            if (slot.key in tables if slot.kind is SlotKind.TABLE else slot.key in figures)
        ]  # fmt: skip
        if not filled:
            continue
        builder.blocks.append(Heading(section.heading))
        if section.intro:
            builder.blocks.append(Paragraph(section.intro.format(code=quarter.code)))
        for slot in filled:
            if slot.kind is SlotKind.TABLE:
                builder.add_table(tables[slot.key], slot.intro)
                continue
            if slot.key == INTERVENTION_LEVEL_KEY and slot.key in tables:
                builder.blocks.extend(
                    Paragraph(text) for text in level_sentences(tables[slot.key], quarter)
                )
            source = tables.get(slot.key)
            # A given chart may show other data, such as earlier years, than the table.
            data = source if slot.key not in given_figures else None
            builder.add_figure(figures[slot.key], slot.intro, source.notes if source else (), data)

    builder.blocks.append(levels_appendix(intervention_levels()))
    return Document(
        quarter=quarter,
        title=f"{service_name}: data summary for {quarter.title}",
        blocks=builder.renumbered_blocks(),
    )


def level_sentences(table: ReportTable, quarter: Quarter) -> list[str]:
    """Write one sentence per intervention level giving its share of new casework.

    Args:
        table: the intervention level table, with rows "Level 1" to "Level 4"
            and a "Share (%)" column.
        quarter: the quarter the shares belong to.
    """
    share_index = table.columns.index("Share (%)") - 1
    shares = {row.label: row.values[share_index] for row in table.rows}
    if all(shares.get(f"Level {level.level}") is None for level in intervention_levels()):
        return [f"No new enquiry in {quarter.code} has an intervention level recorded."]
    sentences = []
    for level in intervention_levels():
        share = shares.get(f"Level {level.level}")
        name = f"Level {level.level} ({level.title.lower()})"
        if isinstance(share, int | float) and not isinstance(share, bool):
            sentences.append(
                f"{name} accounted for {share:g}% of new casework in {quarter.code}. "
                f"It covers {level.summary}"
            )
        else:
            # A suppressed or missing share is not written out as a number.
            sentences.append(f"{name} covers {level.summary}")
    return sentences


def levels_appendix(levels: Iterable[InterventionLevel]) -> AppendixBlock:
    """Build the appendix that defines each intervention level."""
    entries = tuple(
        AppendixEntry(
            heading=level.heading,
            paragraphs=(level.description, f"Outcome: {level.outcome}"),
        )
        for level in levels
    )
    return AppendixBlock(APPENDIX_TITLE, entries)


def caption_title(title: str, quarter: Quarter) -> str:
    """Return ``title`` ending with the quarter's code unless it already names it.

    Raises:
        DocumentError: the title names another quarter, such as "quarter two"
            in a quarter three report.
    """
    for found in _QUARTER_CODE.finditer(title):
        if (int(found.group(1)), int(found.group(2))) != (quarter.year, quarter.number):
            raise DocumentError(
                f"the caption '{title}' names {found.group(0)} in a report of {quarter.code}"
            )
    for found in _QUARTER_WORDS.finditer(title):
        if _QUARTER_NUMBERS[found.group(1).lower()] != quarter.number:
            raise DocumentError(
                f"the caption '{title}' names {found.group(0)} in a report of {quarter.code}"
            )
    if quarter.code in title:
        return title
    return f"{title}, {quarter.code}"


def _check_keys(tables: dict[str, ReportTable], figures: dict[str, ChartSpec]) -> None:
    """Reject parts the layout has no place for, so none silently drops out of the document."""
    # Report tables with a figure key hold the data behind a chart.
    unplaced = sorted(set(tables) - TABLE_KEYS - FIGURE_KEYS) + sorted(set(figures) - FIGURE_KEYS)
    if unplaced:
        known = ", ".join(sorted(TABLE_KEYS | FIGURE_KEYS))
        raise DocumentError(
            f"the document layout has no place for {', '.join(unplaced)}; known keys: {known}"
        )


class _Builder:
    """Collects blocks, numbering tables and figures as they are added."""

    def __init__(self, quarter: Quarter) -> None:
        self.quarter = quarter
        self.blocks: list[Block] = []
        self._counts = {"Table": 0, "Figure": 0}
        # The number each part had before, mapped to the one it gets. None marks
        # a number that two parts shared, so a note citing it cannot be resolved.
        self._new_numbers: dict[str, str | None] = {}

    def add_table(self, table: ReportTable, intro: str) -> None:
        number = self._next_number("Table", table.number)
        self.blocks.append(Paragraph(intro.format(number=number, code=self.quarter.code)))
        title = caption_title(table.title, self.quarter)
        self.blocks.append(TableBlock(replace(table, number=number, title=title)))

    def add_figure(
        self, chart: ChartSpec, intro: str, notes: Sequence[str], data: ReportTable | None
    ) -> None:
        number = self._next_number("Figure", chart.number)
        self.blocks.append(Paragraph(intro.format(number=number, code=self.quarter.code)))
        title = caption_title(chart.title, self.quarter)
        if data is not None:
            data = replace(data, number=number, title=title)
        chart = replace(chart, number=number, title=title)
        self.blocks.append(FigureBlock(chart, tuple(notes), data))

    def _next_number(self, kind: str, old_number: str) -> str:
        self._counts[kind] += 1
        number = f"{kind} {self._counts[kind]}"
        if old_number in self._new_numbers:
            self._new_numbers[old_number] = None
        else:
            self._new_numbers[old_number] = number
        return number

    def renumbered_blocks(self) -> tuple[Block, ...]:
        """Return the blocks with notes that cite "Table 8" or "Figure 4" pointing at the new numbers."""
        blocks: list[Block] = []
        for block in self.blocks:
            if isinstance(block, TableBlock):
                notes = tuple(self._renumber(note) for note in block.table.notes)
                block = TableBlock(replace(block.table, notes=notes))
            elif isinstance(block, FigureBlock):
                notes = tuple(self._renumber(note) for note in block.notes)
                data = block.data and replace(block.data, notes=notes)
                block = replace(block, notes=notes, data=data)
            elif isinstance(block, Paragraph) and block.note:
                block = replace(block, text=self._renumber(block.text))
            blocks.append(block)
        return tuple(blocks)

    def _renumber(self, text: str) -> str:
        def swap(found: re.Match[str]) -> str:
            return self._new_numbers.get(found.group(0)) or found.group(0)

        return _REFERENCE.sub(swap, text)
