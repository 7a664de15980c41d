"""Synthetic records-CSV rows and enquiries shared by the unit and CLI tests; nothing real."""

from __future__ import annotations

import csv
import io
from datetime import date
from typing import Any

from sendias_tui.domain.enquiry import Enquiry, EnquiryType
from sendias_tui.export.records_csv import COLUMNS

NEW_ROW = {
    "date": "2023-07-14",
    "enquiry_type": "new",
    "case_ref": "C-001",
    "advisor": "AB",
    "enquirer": "Parent/carer",
    "new_family": "yes",
    "age_group": "5-10",
    "gender": "Female",
    "ethnicity": "White - British",
    "postal_district": "Biscot",
    "main_sen": "Autism",
    "additional_sen": "Dyslexia;ADD/ADHD",
    "referral_source": "Google",
    "ehcp": "no",
    "reasons": "SEN Support;Bullying",
    "intervention_level": "2",
    "contacts": "Phone:3;Email:2",
    "first_advisor_contact": "2023-07-17",
}
"""A complete new enquiry as a CSV row."""

EXISTING_ROW = {column: "" for column in COLUMNS} | {
    "date": "2023-08-01",
    "enquiry_type": "existing",
    "case_ref": "C-001",
    "advisor": "AB",
    "enquirer": "Parent/carer",
    "contacts": "Phone:1",
    "first_advisor_contact": "none",
}
"""Further work on the same case, with only the cells an existing enquiry needs."""


def csv_text(rows: list[dict[str, str]], columns: tuple[str, ...] | list[str] = COLUMNS) -> str:
    """Return records CSV text with ``columns`` as the header and a row per dict."""
    output = io.StringIO(newline="")
    writer = csv.writer(output, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([row.get(column, "") for column in columns])
    return output.getvalue()


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
