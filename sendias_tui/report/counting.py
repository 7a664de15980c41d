"""Counting records into category rows, and whole-number percentage shares."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from sendias_tui.domain.categories import CategoryList, normalise_name
from sendias_tui.report.model import ReportRow

NOT_RECORDED = "Not recorded"
"""Row label for records that leave the counted field empty."""
TOTAL = "Total"


@dataclass(frozen=True)
class CategoryCounts:
    """Rows of a one-column category table, with the figures notes need."""

    rows: tuple[ReportRow, ...]
    total: ReportRow
    not_recorded: int
    """How many counted records had no value. The row appears only when this is above 0."""
    unlisted: tuple[str, ...]
    """Values the category list does not contain, in the order of their rows."""


def count_categories(
    category_list: CategoryList, counts: Mapping[str | None, int]
) -> CategoryCounts:
    """Turn raw value counts into rows in the list's configured order.

    Every active category gets a row, zeros included, so a reader sees what
    did not occur. A retired category gets a row only when it occurs, because
    the records of that quarter still use it. A value the list does not
    contain keeps its own row after the configured ones, so no record drops
    out of the total. None and blank values count towards "Not recorded".

    Args:
        category_list: the configured categories, in display order.
        counts: count per value as stored on the records; spellings that
            differ only in case or spacing are counted together.
    """
    configured: dict[str, int] = {item.name: 0 for item in category_list.items}
    unlisted: dict[str, tuple[str, int]] = {}
    not_recorded = 0
    for value, count in counts.items():
        if value is None or not value.strip():
            not_recorded += count
            continue
        category = category_list.get(value)
        if category is not None:
            configured[category.name] += count
            continue
        key = normalise_name(value)
        spelling, previous = unlisted.get(key, (" ".join(value.split()), 0))
        unlisted[key] = (spelling, previous + count)

    rows = [
        ReportRow(item.label, (configured[item.name],))
        for item in category_list.items
        if not item.retired or configured[item.name]
    ]
    extra = sorted(
        (entry for entry in unlisted.values() if entry[1]),
        key=lambda entry: entry[0].casefold(),
    )
    rows.extend(ReportRow(spelling, (count,)) for spelling, count in extra)
    if not_recorded:
        rows.append(ReportRow(NOT_RECORDED, (not_recorded,)))

    total = sum(row.values[0] for row in rows)  # type: ignore[misc]
    return CategoryCounts(
        rows=tuple(rows),
        total=ReportRow(TOTAL, (total,)),
        not_recorded=not_recorded,
        unlisted=tuple(spelling for spelling, _ in extra),
    )


def largest_remainder_percentages(counts: Sequence[int]) -> list[int] | None:
    """Split 100 in proportion to ``counts`` so the whole-number shares add up to 100.

    Each share is first rounded down, then the points still missing go one
    each to the largest remainders. Plain rounding can give totals of 99 or
    101, which readers of a published table query. Equal remainders go to the
    earlier count, so the result does not depend on anything but the input.

    Returns:
        One percentage per count, or None when the counts add up to 0.
    """
    total = sum(counts)
    if total <= 0:
        return None
    shares = [count * 100 // total for count in counts]
    remainders = [count * 100 % total for count in counts]
    missing = 100 - sum(shares)
    by_remainder = sorted(range(len(counts)), key=lambda index: -remainders[index])
    for index in by_remainder[:missing]:
        shares[index] += 1
    return shares
