"""Synthetic enquiries for the report tests: every field filled, nothing real."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import date
from typing import Any

from sendias_tui.domain.categories import Categories, CategoryList
from sendias_tui.domain.enquiry import Enquiry, EnquiryType, RedirectedCall
from sendias_tui.domain.quarters import Quarter
from sendias_tui.report.model import QuarterReport
from sendias_tui.report.summary import build_report

Q3_2023 = Quarter(2023, 3)
AFTER_Q3_2023 = date(2023, 10, 2)


def new_enquiry(day: date, **fields: Any) -> Enquiry:
    """Return a complete new enquiry received on ``day``, first spoke to an advisor the same day."""
    values: dict[str, Any] = {
        "date_received": day,
        "enquiry_type": EnquiryType.NEW,
        "advisor": "AB",
        "enquirer": "Parent/carer",
        "new_family": False,
        "age_group": "5-10",
        "gender": "Female",
        "ethnicity": "White - British",
        "postal_district": "Biscot",
        "main_sen": "ASD",
        "referral_source": "Friend",
        "ehcp": False,
        "reasons": ("SEN Support",),
        "intervention_level": 1,
        "contacts": {"Phone": 1},
        "first_advisor_contact": day,
    }
    values.update(fields)
    return Enquiry(**values)


def existing_enquiry(day: date, **fields: Any) -> Enquiry:
    """Return further work on open casework, with only the fields it needs."""
    values: dict[str, Any] = {
        "date_received": day,
        "enquiry_type": EnquiryType.EXISTING,
        "advisor": "AB",
        "enquirer": "Parent/carer",
        "contacts": {"Phone": 1},
    }
    values.update(fields)
    return Enquiry(**values)


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
