"""The quarterly summary as plain data, ready for any renderer or exporter.

The TUI, ``sendias summary`` and every export format read these objects, so
they all show the same figures.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sendias_tui.domain.quarters import Quarter

Cell = int | float | str | None
"""A table cell: a count, an average or percentage, a text, or None for no value."""


@dataclass(frozen=True)
class ReportRow:
    """One row: a label and one value per value column."""

    label: str
    values: tuple[Cell, ...]


@dataclass(frozen=True)
class ReportTable:
    """One numbered table or figure of the summary."""

    key: str
    """Stable identifier, for example ``table2_main_sen``; used by exports and tests."""
    number: str
    """The published numbering, for example "Table 2" or "Figure 3"."""
    title: str
    """Caption naming the quarter, for example "New enquiries by main SEN, 2023-Q3"."""
    columns: tuple[str, ...]
    """Headings: the label column first, then one per value."""
    rows: tuple[ReportRow, ...]
    total: ReportRow | None = None
    notes: tuple[str, ...] = ()
    """Sentences a reader needs, such as how many records lacked a value."""

    @property
    def caption(self) -> str:
        return f"{self.number}: {self.title}"

    def row(self, label: str) -> ReportRow:
        """Return the row with this label.

        Raises:
            KeyError: no row has that label.
        """
        for row in self.rows:
            if row.label == label:
                return row
        raise KeyError(f"{self.number} has no row '{label}'")


@dataclass(frozen=True)
class QuarterReport:
    """Every table of one quarter's summary, in the published order."""

    quarter: Quarter
    tables: tuple[ReportTable, ...]
    new_enquiries: int
    """Number of new enquiries in the quarter, which the demographic tables add up to."""
    notes: tuple[str, ...] = field(default=())

    def table(self, key: str) -> ReportTable:
        """Return the table with ``key``.

        Raises:
            KeyError: the report has no such table.
        """
        for table in self.tables:
            if table.key == key:
                return table
        raise KeyError(f"the report has no table '{key}'")
