"""Synthetic enquiries for the report tests: every field filled, nothing real.

The enquiry builders come from ``tests/synthetic_rows.py``, which the CLI
tests share, and are re-exported here for the report tests.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import date

from synthetic_rows import existing_enquiry, new_enquiry

from sendias_tui.domain.categories import Categories, CategoryList
from sendias_tui.domain.enquiry import Enquiry, RedirectedCall
from sendias_tui.domain.quarters import Quarter
from sendias_tui.report.model import QuarterReport
from sendias_tui.report.summary import build_report

Q3_2023 = Quarter(2023, 3)
AFTER_Q3_2023 = date(2023, 10, 2)

__all__ = [
    "AFTER_Q3_2023",
    "Q3_2023",
    "existing_enquiry",
    "new_enquiry",
    "report_for",
    "retire",
    "values_by_label",
]


def retire(categories: Categories, key: str, name: str) -> Categories:
    """Return the categories with ``name`` retired from the list ``key``."""
    category_list = categories[key]
    assert name in category_list.names, f"{name!r} is not in {key}"
    items = tuple(
        replace(item, retired=True) if item.name == name else item for item in category_list.items
    )
    return Categories({**categories.lists, key: CategoryList(key, category_list.label, items)})


def report_for(
    categories: Categories,
    enquiries: Iterable[Enquiry],
    redirects: Iterable[RedirectedCall] = (),
    quarter: Quarter = Q3_2023,
    today: date = AFTER_Q3_2023,
) -> QuarterReport:
    """Build the report for ``quarter`` as it would read on ``today``."""
    return build_report(quarter, enquiries, redirects, categories, today=today)


def values_by_label(report: QuarterReport, key: str) -> dict[str, tuple]:
    """Return one table's rows as label to values, for compact assertions."""
    return {row.label: row.values for row in report.table(key).rows}
