"""Convert records to and from the JSON documents stored in the data file.

Dates are stored as ISO text (``2023-07-14``) and times as ISO date-times.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sendias_tui.domain.enquiry import Enquiry, EnquiryType, RedirectedCall, RedirectKind


def _iso(value: date | datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _datetime(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def enquiry_to_document(enquiry: Enquiry) -> dict[str, Any]:
    """Return the stored form of ``enquiry``."""
    return {
        "id": enquiry.id,
        "date_received": enquiry.date_received.isoformat(),
        "enquiry_type": enquiry.enquiry_type.value,
        "case_ref": enquiry.case_ref,
        "advisor": enquiry.advisor,
        "enquirer": enquiry.enquirer,
        "new_family": enquiry.new_family,
        "age_group": enquiry.age_group,
        "gender": enquiry.gender,
        "ethnicity": enquiry.ethnicity,
        "postal_district": enquiry.postal_district,
        "main_sen": enquiry.main_sen,
        "additional_sen": list(enquiry.additional_sen),
        "referral_source": enquiry.referral_source,
        "ehcp": enquiry.ehcp,
        "reasons": list(enquiry.reasons),
        "intervention_level": enquiry.intervention_level,
        "contacts": dict(enquiry.contacts),
        "first_advisor_contact": _iso(enquiry.first_advisor_contact),
        "no_advisor_needed": enquiry.no_advisor_needed,
        "created_at": _iso(enquiry.created_at),
        "created_by": enquiry.created_by,
        "updated_at": _iso(enquiry.updated_at),
        "updated_by": enquiry.updated_by,
    }


def enquiry_from_document(document: dict[str, Any]) -> Enquiry:
    """Rebuild an enquiry from its stored form."""
    return Enquiry(
        id=document["id"],
        date_received=date.fromisoformat(document["date_received"]),
        enquiry_type=EnquiryType(document["enquiry_type"]),
        case_ref=document.get("case_ref", ""),
        advisor=document["advisor"],
        enquirer=document["enquirer"],
        new_family=document.get("new_family"),
        age_group=document.get("age_group"),
        gender=document.get("gender"),
        ethnicity=document.get("ethnicity"),
        postal_district=document.get("postal_district"),
        main_sen=document.get("main_sen"),
        additional_sen=tuple(document.get("additional_sen", ())),
        referral_source=document.get("referral_source"),
        ehcp=document.get("ehcp"),
        reasons=tuple(document.get("reasons", ())),
        intervention_level=document.get("intervention_level"),
        contacts=dict(document.get("contacts", {})),
        first_advisor_contact=_date(document.get("first_advisor_contact")),
        no_advisor_needed=bool(document.get("no_advisor_needed", False)),
        created_at=_datetime(document.get("created_at")),
        created_by=document.get("created_by"),
        updated_at=_datetime(document.get("updated_at")),
        updated_by=document.get("updated_by"),
    )


def redirect_to_document(call: RedirectedCall) -> dict[str, Any]:
    """Return the stored form of a redirected-call entry."""
    return {
        "id": call.id,
        "date_received": call.date_received.isoformat(),
        "kind": call.kind.value,
        "count": call.count,
    }


def redirect_from_document(document: dict[str, Any]) -> RedirectedCall:
    """Rebuild a redirected-call entry from its stored form."""
    return RedirectedCall(
        id=document["id"],
        date_received=date.fromisoformat(document["date_received"]),
        kind=RedirectKind(document["kind"]),
        count=int(document["count"]),
    )
