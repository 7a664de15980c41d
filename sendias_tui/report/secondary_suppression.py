"""Choose which cells of a table to hide so that no hidden count can be worked out.

This is the part of disclosure control that works for any table. A
``SumLayout`` lists a table's numbers and the sums that tie them together.
``choose_hidden`` hides the small counts and then as few further cells as it can.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from fractions import Fraction

CellKey = tuple[int, int] | str
"""A shown cell as (row index, value column index), or the name of a number not shown."""


@dataclass(frozen=True)
class Sum:
    """A relation a reader can use: the parts add up to the total."""

    parts: tuple[CellKey, ...]
    total: CellKey
    of_counts: bool = True
    """False for percentages, which the threshold on the hidden sum does not apply to."""


@dataclass
class SumLayout:
    """The numbers of one table and the sums that tie them together."""

    values: dict[CellKey, int] = field(default_factory=dict)
    """Every number that takes part in a sum, shown or not."""
    counts: set[CellKey] = field(default_factory=set)
    """The numbers that count people or contacts, which the threshold applies to."""
    sums: list[Sum] = field(default_factory=list)
    dependents: dict[CellKey, set[CellKey]] = field(default_factory=dict)
    """Cells to hide whenever a key is hidden, such as a count's percentage share."""

    def add_count(self, key: CellKey, value: int) -> None:
        self.values[key] = value
        self.counts.add(key)

    def add_sum(self, parts: Sequence[CellKey], total: CellKey, *, of_counts: bool = True) -> bool:
        """Record that ``parts`` add up to ``total`` if the numbers agree, and return whether."""
        if total not in self.values or any(part not in self.values for part in parts):
            return False
        if sum(self.values[part] for part in parts) != self.values[total]:
            return False
        self.sums.append(Sum(tuple(parts), total, of_counts))
        return True

    def add_rest(self, name: str, parts: Sequence[CellKey], total: CellKey) -> None:
        """Record the count not shown that is ``total`` less ``parts``, called ``name``.

        The parts are some of the total, such as the new families among the
        new enquiries, so a reader can work out the rest by subtraction.
        """
        if total not in self.values or any(part not in self.values for part in parts):
            return
        rest = self.values[total] - sum(self.values[part] for part in parts)
        if rest < 0:
            return
        self.add_count(name, rest)
        self.sums.append(Sum((*parts, name), total))

    def hide_together(self, key: CellKey, *others: CellKey) -> None:
        """Hide ``others`` whenever ``key`` is hidden."""
        self.dependents.setdefault(key, set()).update(others)


def choose_hidden(layout: SumLayout, threshold: int) -> set[CellKey]:
    """Hide the small counts, then further cells until no hidden number can be worked out.

    A count from 1 to ``threshold`` - 1 is hidden (primary suppression). Then
    each sum whose total is shown must have no hidden part, or at least two
    hidden parts that add up to ``threshold`` or more and are not all 1s. A
    number not shown (a named rest) counts as hidden but matters only when
    it is small itself. Finally no hidden number may follow from all the sums
    together. Each fix hides the smallest shown part that is not 0, then a
    shown 0, and only then the total, so the total of a line stays shown
    for as long as possible.

    Returns:
        The hidden keys, named rests included.
    """
    values = layout.values
    not_shown = {key for key in values if isinstance(key, str)}
    hidden: set[CellKey] = {key for key in layout.counts if 1 <= values[key] < threshold}
    hidden |= not_shown
    _add_dependents(layout, hidden)

    def exposed(key: CellKey) -> bool:
        return key not in not_shown or 1 <= values[key] < threshold

    while True:
        extra = _fix_line(layout, hidden, threshold, exposed)
        if extra is None:
            extra = _fix_solvable(layout, hidden, exposed)
        if extra is None:
            return hidden
        hidden.add(extra)
        _add_dependents(layout, hidden)


def _add_dependents(layout: SumLayout, hidden: set[CellKey]) -> None:
    pending = list(hidden)
    while pending:
        for other in layout.dependents.get(pending.pop(), ()):
            if other not in hidden:
                hidden.add(other)
                pending.append(other)


def _next_to_hide(layout: SumLayout, line: Sum, hidden: set[CellKey]) -> CellKey | None:
    """Pick the smallest shown part that is not 0, then a shown 0, then the total."""
    shown = [part for part in line.parts if part not in hidden]
    if shown:
        return min(shown, key=lambda part: (layout.values[part] == 0, layout.values[part]))
    if line.total not in hidden:
        return line.total
    return None


def _fix_line(
    layout: SumLayout, hidden: set[CellKey], threshold: int, exposed: Callable[[CellKey], bool]
) -> CellKey | None:
    """Return a cell to hide for the first sum that gives a hidden number away, if any."""
    for line in layout.sums:
        unknown = [key for key in (*line.parts, line.total) if key in hidden]
        if not unknown:
            continue
        if len(unknown) == 1:
            extra = _next_to_hide(layout, line, hidden) if exposed(unknown[0]) else None
            if extra is not None:
                return extra
            continue
        if line.total in hidden:
            continue
        hidden_parts = [layout.values[part] for part in line.parts if part in hidden]
        hidden_sum = sum(hidden_parts)
        # A reader who knows that each hidden count is at least 1 can solve
        # parts that add up to their own number: they are all 1s.
        all_ones = hidden_sum == len(hidden_parts) and all(hidden_parts)
        if all_ones or (line.of_counts and hidden_sum < threshold):
            extra = _next_to_hide(layout, line, hidden)
            if extra is not None:
                return extra
    return None


def _fix_solvable(
    layout: SumLayout, hidden: set[CellKey], exposed: Callable[[CellKey], bool]
) -> CellKey | None:
    """Return a cell to hide when the sums together solve a hidden number, if any."""
    unknown = sorted((key for key in hidden if key in layout.values), key=str)
    for key in solved_unknowns(layout.sums, unknown):
        if not exposed(key):
            continue
        for line in layout.sums:
            if key in line.parts or key == line.total:
                extra = _next_to_hide(layout, line, hidden)
                if extra is not None:
                    return extra
    return None


def solved_unknowns(sums: Iterable[Sum], unknown: Sequence[CellKey]) -> list[CellKey]:
    """Return the unknowns that the sums fix to one value, by Gaussian elimination.

    Each sum is one linear equation over the unknown cells, and the shown
    cells only move its constant. An unknown is fixed when the reduced row
    echelon form has a row with no other unknown in it. Bounds such as "no
    count is negative" are not used here, because the line rules cover them.
    """
    column_of = {key: index for index, key in enumerate(unknown)}
    rows: list[list[Fraction]] = []
    for line in sums:
        row = [Fraction(0)] * len(unknown)
        for part in line.parts:
            if part in column_of:
                row[column_of[part]] += 1
        if line.total in column_of:
            row[column_of[line.total]] -= 1
        if any(row):
            rows.append(row)

    pivot_row = 0
    for column in range(len(unknown)):
        pivot = next((r for r in range(pivot_row, len(rows)) if rows[r][column]), None)
        if pivot is None:
            continue
        rows[pivot_row], rows[pivot] = rows[pivot], rows[pivot_row]
        lead = rows[pivot_row][column]
        rows[pivot_row] = [value / lead for value in rows[pivot_row]]
        for r in range(len(rows)):
            if r != pivot_row and rows[r][column]:
                factor = rows[r][column]
                rows[r] = [a - factor * b for a, b in zip(rows[r], rows[pivot_row], strict=True)]
        pivot_row += 1

    solved = []
    for row in rows[:pivot_row]:
        nonzero = [index for index, value in enumerate(row) if value]
        if len(nonzero) == 1:
            solved.append(unknown[nonzero[0]])
    return solved
