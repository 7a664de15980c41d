"""The enquiry record and the redirected-call record."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime
from enum import StrEnum

INTERVENTION_LEVELS = (1, 2, 3, 4)


class EnquiryType(StrEnum):
    """Whether an enquiry opens new casework or continues open casework."""

    NEW = "new"
    EXISTING = "existing"


class RedirectKind(StrEnum):
    """The reason a call or email was passed on instead of taken as an enquiry."""

    SENAT = "senat"
    """Meant for the local authority's SEN Assessment Team."""
    OUT_OF_AREA = "out_of_area"
    """Transferred to the SENDIAS service where the caller lives."""


@dataclass(frozen=True)
class Enquiry:
    """One enquiry an advisor logs. Holds no names or free-text notes.

    Category fields hold the category's configured name. Demographic fields
    may be None on existing enquiries, where they are usually the case's.
    """

    date_received: date
    enquiry_type: EnquiryType
    advisor: str
    """Initials or staff id."""
    enquirer: str
    case_ref: str = ""
    """The service's own pseudonymous case reference; empty when not given."""
    new_family: bool | None = None
    """First time this family or young person contacts the service."""
    age_group: str | None = None
    gender: str | None = None
    ethnicity: str | None = None
    postal_district: str | None = None
    main_sen: str | None = None
    additional_sen: tuple[str, ...] = ()
    referral_source: str | None = None
    ehcp: bool | None = None
    """Whether the child or young person has an EHC plan; decides the reason list."""
    reasons: tuple[str, ...] = ()
    intervention_level: int | None = None
    """1 to 4, as defined in the levels of service."""
    contacts: dict[str, int] = field(default_factory=dict)
    """Number of contacts per contact method."""
    first_advisor_contact: date | None = None
    """When the service user first spoke to an advisor; None while waiting."""
    no_advisor_needed: bool = False
    """The enquiry was resolved without an advisor, so it has no waiting time."""
    id: int | None = None
    """Stable record id assigned by the store and never reused."""
    created_at: datetime | None = None
    created_by: str | None = None
    updated_at: datetime | None = None
    updated_by: str | None = None

    @property
    def is_new(self) -> bool:
        return self.enquiry_type is EnquiryType.NEW

    @property
    def total_contacts(self) -> int:
        return sum(self.contacts.values())

    def with_id(self, record_id: int) -> Enquiry:
        """Return a copy that carries the store's record id."""
        return replace(self, id=record_id)


@dataclass(frozen=True)
class RedirectedCall:
    """Calls or emails on one day that were passed on, not taken as enquiries."""

    date_received: date
    kind: RedirectKind
    count: int = 1
    id: int | None = None
