"""Disclosure control: hide small counts so no child or family can be singled out.

Published figures about children are special category data, so a service
can choose a threshold N. Every count from 1 to N-1 is replaced by
``SUPPRESSED`` ("*"): this is primary suppression. Zero stays visible
because a count of zero identifies no one. Then secondary suppression hides further cells
until no hidden count can be worked out from a total or from the other cells
of its row or column:

- In every row or column whose total is shown, the hidden cells number 0 or
  at least 2, add up to at least N, and are not all 1s (a reader who knows
  that each hidden cell is at least 1 could otherwise solve them).
- No hidden cell can be solved from all of a table's totals together, which
  is checked by Gaussian elimination over the table's sum relations.
- A count that is not shown but follows from two shown counts, such as the
  previous users among new enquiries (new enquiries less new families), is
  treated as a hidden cell, so when it is small the shown counts are hidden.
- Percentages and waiting-time figures computed from a hidden count are hidden.

Secondary suppression hides the smallest count that fixes the problem, so
readers lose as little as possible. The same marker is used for primary and
secondary suppression, so a reader cannot tell which cells are small.

NOTE: the checks look at one table at a time. A total hidden in one table may
still be printed in another (the new enquiries appear in several tables), so
hiding a total is the last resort after every other cell of its line.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from dataclasses import replace

from sendias_tui.report.counting import NOT_RECORDED
from sendias_tui.report.enquiries_by_month import OUT_OF_AREA_ROW, SENAT_ROW, TABLE1_ROWS
from sendias_tui.report.model import Cell, QuarterReport, ReportRow, ReportTable
from sendias_tui.report.secondary_suppression import SumLayout, choose_hidden

SUPPRESSED = "*"
"""The marker that replaces a hidden count, the same for primary and secondary suppression."""

PROTECTED_TABLES = frozenset(
    {
        "table1_enquiries",
        "figure2_age_group",
        "table2_main_sen",
        "table3_ethnicity",
        "figure3_gender",
        "table4_referral_source",
        "table5_waiting_times",
        "table6_postal_district",
        "figure4_intervention_level",
        "table7_contacts",
        "table8_reasons_ehcp",
        "table9_reasons_no_ehcp",
    }
)
"""Tables that count children, families or their contacts with the service.

Website and social media figures count page views and reach, not people, so
they are left as they are.
"""

# A count at the end of a note sentence, as in "New enquiries with no gender
# recorded: 2." from the report builder.
_NOTE_COUNT = re.compile(r"(?<=: )(\d+)(?=\.(\s|$))")


def suppression_note(threshold: int) -> str:
    """Return the sentence a suppressed report carries, naming the threshold."""
    if threshold == 2:
        small = "Counts of 1 are"
    else:
        small = f"Counts from 1 to {threshold - 1} are"
    return (
        f"{small} shown as {SUPPRESSED} to protect the privacy of the children and "
        f"families counted. Some larger counts are also shown as {SUPPRESSED} so that "
        f"the hidden counts cannot be worked out from totals."
    )


def suppress_report(
    report: QuarterReport,
    threshold: int,
    *,
    keys: Collection[str] = PROTECTED_TABLES,
) -> QuarterReport:
    """Apply ``suppress`` to every table listed in ``keys`` and note the threshold.

    A threshold below 2 turns suppression off and returns ``report`` unchanged.

    NOTE: ``report.new_enquiries`` stays a number because other code adds it
    up. Anything that prints it in a published document must hide it when
    it is from 1 to ``threshold`` - 1.
    """
    if threshold < 2:
        return report
    tables = tuple(
        suppress(table, threshold) if table.key in keys else table for table in report.tables
    )
    return replace(report, tables=tables, notes=(*report.notes, suppression_note(threshold)))


def suppress(table: ReportTable, threshold: int) -> ReportTable:
    """Return ``table`` with small counts, and the cells that would reveal them, hidden.

    A threshold below 2 turns suppression off and returns ``table`` unchanged.
    Cells that are not whole numbers (text, averages, None) are never counted
    as counts, and a sum relation that the table's own numbers do not satisfy
    is not used, because a reader could not use it either.
    """
    if threshold < 2:
        return table
    layout = _layout_for(table)
    hidden = choose_hidden(layout, threshold)
    # Only cells of the table can carry the marker, not the counts it leaves out.
    cells: set[tuple[int, int]] = {key for key in hidden if isinstance(key, tuple)}
    if not cells:
        return table

    hidden_values = {layout.values[key] for key in cells if key in layout.values}
    notes = tuple(_suppress_note(note, threshold, hidden_values) for note in table.notes)
    marker_note = (
        f"{SUPPRESSED}: hidden to protect privacy, because the count is below {threshold} "
        f"or would reveal one that is."
    )
    return replace(
        table,
        rows=tuple(_hide_row(row, index, cells) for index, row in enumerate(table.rows)),
        total=_hide_row(table.total, len(table.rows), cells) if table.total else None,
        notes=(*notes, marker_note),
    )


def _hide_row(row: ReportRow, index: int, hidden: set[tuple[int, int]]) -> ReportRow:
    values = tuple(
        SUPPRESSED if (index, column) in hidden else value
        for column, value in enumerate(row.values)
    )
    return ReportRow(row.label, values)


def _suppress_note(note: str, threshold: int, hidden_values: set[int]) -> str:
    """Hide the count a note ends with when it is small or equals a hidden cell."""

    def hide(found: re.Match[str]) -> str:
        count = int(found.group(1))
        if 1 <= count < threshold or (count and count in hidden_values):
            return SUPPRESSED
        return found.group(1)

    return _NOTE_COUNT.sub(hide, note)


# --- Which cells are counts, and which sums tie them together ---------------


def _count(value: Cell) -> int | None:
    if isinstance(value, bool) or not isinstance(value, int):
        return None
    return value


def _rows_with_total(table: ReportTable) -> list[ReportRow]:
    rows = list(table.rows)
    if table.total is not None:
        rows.append(table.total)
    return rows


def _add_counts(layout: SumLayout, table: ReportTable, columns: Iterable[int]) -> None:
    for index, row in enumerate(_rows_with_total(table)):
        for column in columns:
            if column < len(row.values) and (value := _count(row.values[column])) is not None:
                layout.add_count((index, column), value)


def _add_column_totals(layout: SumLayout, table: ReportTable, column: int) -> None:
    """Relate a column's rows to its total row, leaving out "Not recorded" if it is not in it."""
    if table.total is None:
        return
    total = (len(table.rows), column)
    parts = [(index, column) for index in range(len(table.rows))]
    if not layout.add_sum(parts, total):
        recorded = [
            (index, column)
            for index, row in enumerate(table.rows)
            if row.label != NOT_RECORDED
        ]
        layout.add_sum(recorded, total)


def _layout_for(table: ReportTable) -> SumLayout:
    if table.key == "table1_enquiries":
        return _table1_layout(table)
    if table.key == "table5_waiting_times":
        return _waiting_layout(table)
    if table.key == "figure4_intervention_level":
        return _levels_layout(table)
    return _category_layout(table)


def _category_layout(table: ReportTable) -> SumLayout:
    """Treat every column of whole numbers as counts that add up to the total row."""
    layout = SumLayout()
    for column in range(len(table.columns) - 1):
        cells = [row.values[column] for row in _rows_with_total(table) if column < len(row.values)]
        if cells and all(_count(cell) is not None for cell in cells):
            _add_counts(layout, table, [column])
            _add_column_totals(layout, table, column)
    return layout


def _table1_layout(table: ReportTable) -> SumLayout:
    """Relate Table 1's months to the quarter and its rows to each other.

    Each row's months add up to its quarter total. New and existing
    enquiries add up to the total enquiries. New families are some of the new
    enquiries, and the professional rows are some of all enquiries, so the
    rest of each is a count a reader can work out.
    """
    layout = SumLayout()
    width = len(table.columns) - 1
    _add_counts(layout, table, range(width))
    for index in range(len(table.rows)):
        layout.add_sum([(index, column) for column in range(width - 1)], (index, width - 1))

    row_of = {row.label: index for index, row in enumerate(table.rows)}
    new, existing, families, total = (row_of.get(label) for label in TABLE1_ROWS)
    professionals: list[int] = []
    if total is not None:
        end = row_of.get(SENAT_ROW, row_of.get(OUT_OF_AREA_ROW, len(table.rows)))
        professionals = list(range(total + 1, end))
    for column in range(width):
        if new is not None and existing is not None and total is not None:
            layout.add_sum([(new, column), (existing, column)], (total, column))
        if new is not None and families is not None:
            layout.add_rest(f"previous users {column}", [(families, column)], (new, column))
        if total is not None and professionals:
            parts = [(index, column) for index in professionals]
            layout.add_rest(f"not from professionals {column}", parts, (total, column))
    return layout


def _waiting_layout(table: ReportTable) -> SumLayout:
    """Relate Table 5's monthly counts to the quarter, and hide waiting times with their count.

    Value columns: spoke to an advisor (0), waited past the limit (1),
    average (2), shortest (3) and longest wait (4), still waiting (5).
    """
    spoke, waited, still = 0, 1, 5
    layout = SumLayout()
    _add_counts(layout, table, (spoke, waited, still))
    for column in (spoke, waited, still):
        _add_column_totals(layout, table, column)
    for index in range(len(_rows_with_total(table))):
        layout.add_rest(f"within the limit {index}", [(index, waited)], (index, spoke))
        layout.hide_together((index, spoke), (index, 2), (index, 3), (index, 4))
    return layout


def _levels_layout(table: ReportTable) -> SumLayout:
    """Tie each level's share to its count, and every share to "Not recorded".

    The shares add up to 100, so they are a sum of their own. They are of the
    enquiries that have a level: when the "Not recorded" count is hidden, a
    shown share beside its shown count would give away the number of
    enquiries with a level, and so the hidden count.
    """
    layout = SumLayout()
    _add_counts(layout, table, [0])
    _add_column_totals(layout, table, 0)

    shares = []
    for index, row in enumerate(_rows_with_total(table)):
        share = _count(row.values[1]) if len(row.values) > 1 else None
        if share is None:
            continue
        layout.values[(index, 1)] = share
        if index < len(table.rows):
            shares.append((index, 1))
            layout.hide_together((index, 0), (index, 1))
            layout.hide_together((index, 1), (index, 0))
    if table.total is not None:
        layout.add_sum(shares, (len(table.rows), 1), of_counts=False)
    for index, row in enumerate(table.rows):
        if row.label == NOT_RECORDED:
            layout.hide_together((index, 0), *shares)
    return layout
