"""Synthetic records and file helpers for the storage tests; nothing real."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

from sendias_tui.domain.enquiry import (
    Enquiry,
    EnquiryType,
    RedirectedCall,
    RedirectKind,
)

HERE = Path(__file__).parent


def enquiry(day: date = date(2023, 7, 14), advisor: str = "AB", **fields) -> Enquiry:
    """Return a complete new enquiry received on ``day``."""
    values = {
        "date_received": day,
        "enquiry_type": EnquiryType.NEW,
        "advisor": advisor,
        "enquirer": "Parent/carer",
        "new_family": True,
        "age_group": "5-10",
        "gender": "Female",
        "ethnicity": "White - British",
        "postal_district": "Biscot",
        "main_sen": "ASD",
        "referral_source": "Friend",
        "ehcp": False,
        "reasons": ("SEN Support",),
        "intervention_level": 2,
        "contacts": {"Phone": 2, "Email": 1},
        "first_advisor_contact": day,
    }
    values.update(fields)
    return Enquiry(**values)


def redirect(day: date = date(2023, 7, 14), count: int = 3) -> RedirectedCall:
    return RedirectedCall(day, RedirectKind.SENAT, count)


def folder_bytes(folder: Path) -> dict[str, bytes]:
    """Return every file under ``folder`` with its content, to compare before and after."""
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def start_helper(script: str, *args: object) -> subprocess.Popen[str]:
    """Start one of the helper scripts beside this file in a new Python process."""
    return subprocess.Popen(
        [sys.executable, str(HERE / script), *map(str, args)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
