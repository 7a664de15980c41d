"""Turn what an advisor typed and chose in the enquiry form into an enquiry.

The form screen only reads and writes widgets. Everything here works on plain
values, so the rules behind the form can be tested without a terminal.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, fields, replace
from datetime import date

from sendias_tui.domain.categories import Categories
from sendias_tui.domain.enquiry import Enquiry, EnquiryType
from sendias_tui.domain.parsing import DATE_HELP, parse_count, parse_date
from sendias_tui.domain.validation import (
    FIELD_LABELS,
    FieldError,
    future_date_problem,
    normalise_enquiry,
)

CONTACTS_PREFIX = "contacts:"
"""Prefix of the form key for one contact method's count, as in ``contacts:Phone``."""

FORM_ORDER = tuple(FIELD_LABELS)
"""Fields in the order the form shows them, which is the order of FIELD_LABELS.

Problems are listed and focused in this order, top to bottom."""

CASE_FIELDS = (
    "age_group",
    "gender",
    "ethnicity",
    "postal_district",
    "main_sen",
    "additional_sen",
    "referral_source",
    "ehcp",
)
"""Fields that describe the child or young person rather than one contact.

An existing enquiry copies them from the case's latest enquiry. The date,
enquirer, reasons, level and contacts belong to each enquiry and are not copied.
"""


@dataclass(frozen=True)
class FormValues:
    """The form's content as typed: dates and counts are still text.

    Choice fields hold a category name, or None when nothing is chosen.
    """

    date_received: str = ""
    enquiry_type: str | None = EnquiryType.NEW.value
    case_ref: str = ""
    advisor: str = ""
    enquirer: str | None = None
    new_family: bool | None = None
    age_group: str | None = None
    gender: str | None = None
    ethnicity: str | None = None
    postal_district: str | None = None
    main_sen: str | None = None
    additional_sen: tuple[str, ...] = ()
    referral_source: str | None = None
    ehcp: bool | None = None
    reasons: tuple[str, ...] = ()
    intervention_level: int | None = None
    contacts: dict[str, str] = field(default_factory=dict)
    """Count text per contact method name; an empty text counts as 0."""
    first_advisor_contact: str = ""
    """Date text; empty while the service user has not yet spoken to an advisor."""
    no_advisor_needed: bool = False


def format_date(day: date) -> str:
    """Return ``day`` the way advisors type it, such as 14/07/2023."""
    return f"{day:%d/%m/%Y}"


def blank_values(today: date, *, advisor: str = "", date_received: str | None = None) -> FormValues:
    """Return the values of an empty form, dated today unless a date text is given."""
    return FormValues(
        date_received=format_date(today) if date_received is None else date_received,
        advisor=advisor,
    )


def values_from_enquiry(enquiry: Enquiry) -> FormValues:
    """Return the form values that show a stored enquiry for editing."""
    return FormValues(
        date_received=format_date(enquiry.date_received),
        enquiry_type=enquiry.enquiry_type.value,
        case_ref=enquiry.case_ref,
        advisor=enquiry.advisor,
        enquirer=enquiry.enquirer or None,
        new_family=enquiry.new_family,
        age_group=enquiry.age_group,
        gender=enquiry.gender,
        ethnicity=enquiry.ethnicity,
        postal_district=enquiry.postal_district,
        main_sen=enquiry.main_sen,
        additional_sen=tuple(enquiry.additional_sen),
        referral_source=enquiry.referral_source,
        ehcp=enquiry.ehcp,
        reasons=tuple(enquiry.reasons),
        intervention_level=enquiry.intervention_level,
        contacts={method: str(count) for method, count in enquiry.contacts.items()},
        first_advisor_contact=(
            format_date(enquiry.first_advisor_contact) if enquiry.first_advisor_contact else ""
        ),
        no_advisor_needed=enquiry.no_advisor_needed,
    )


def check_date_text(
    text: str, *, required: bool, field_name: str = "", today: date | None = None
) -> str | None:
    """Return what is wrong with a typed date, or None when it is a date (or may be empty).

    Args:
        text: the date as typed.
        required: whether an empty text is a problem.
        field_name: the field the date is for, which words the future-date message.
        today: the latest allowed date, or None to allow any date.
    """
    if not text.strip():
        return f"missing: enter {DATE_HELP}" if required else None
    try:
        day = parse_date(text)
    except ValueError as error:
        return str(error)
    if today is None:
        return None
    return future_date_problem(field_name, day, today)


def check_count_text(text: str) -> str | None:
    """Return what is wrong with a typed count, or None when it is empty or a whole number."""
    if not text.strip():
        return None
    try:
        parse_count(text)
    except ValueError as error:
        return str(error)
    return None


def build_enquiry(
    values: FormValues,
    categories: Categories,
    *,
    today: date,
    original: Enquiry | None = None,
) -> tuple[Enquiry | None, list[FieldError]]:
    """Parse and validate the form's values with the same rules a CSV import uses.

    Every problem is reported at once: a date that cannot be read does not hide
    a missing age group.

    Args:
        values: the form's content.
        categories: the service's category lists.
        today: the latest allowed date.
        original: the stored enquiry being edited, whose id and creation
            details the result keeps; None for a new enquiry.

    Returns:
        The enquiry ready to save and an empty list, or None and the problems
        in form order.
    """
    errors: list[FieldError] = []

    received: date | None = None
    problem = check_date_text(values.date_received, required=True)
    if problem:
        errors.append(FieldError("date_received", values.date_received.strip(), problem))
    else:
        received = parse_date(values.date_received)

    first_contact: date | None = None
    problem = check_date_text(values.first_advisor_contact, required=False)
    if problem:
        errors.append(
            FieldError("first_advisor_contact", values.first_advisor_contact.strip(), problem)
        )
    elif values.first_advisor_contact.strip():
        first_contact = parse_date(values.first_advisor_contact)

    contacts: dict[str, int] = {}
    for method, text in values.contacts.items():
        problem = check_count_text(text)
        if problem:
            errors.append(FieldError("contacts", f"{method}:{text.strip()}", problem))
        elif text.strip():
            contacts[method] = parse_count(text)

    if values.enquiry_type in {kind.value for kind in EnquiryType}:
        enquiry_type = EnquiryType(values.enquiry_type)
    else:
        errors.append(
            FieldError("enquiry_type", values.enquiry_type or "", "missing: choose new or existing")
        )
        enquiry_type = EnquiryType.NEW

    # A date that could not be read is replaced by one that raises no second
    # error, so the checks below still report every other field.
    stand_in = first_contact if first_contact and first_contact <= today else today
    draft = Enquiry(
        date_received=received or stand_in,
        enquiry_type=enquiry_type,
        case_ref=values.case_ref,
        advisor=values.advisor,
        enquirer=values.enquirer or "",
        new_family=values.new_family,
        age_group=values.age_group,
        gender=values.gender,
        ethnicity=values.ethnicity,
        postal_district=values.postal_district,
        main_sen=values.main_sen,
        additional_sen=values.additional_sen,
        referral_source=values.referral_source,
        ehcp=values.ehcp,
        reasons=values.reasons,
        intervention_level=values.intervention_level,
        contacts=contacts,
        first_advisor_contact=first_contact,
        no_advisor_needed=values.no_advisor_needed,
    )
    if original is not None:
        draft = replace(
            draft,
            id=original.id,
            created_at=original.created_at,
            created_by=original.created_by,
            updated_at=original.updated_at,
            updated_by=original.updated_by,
        )
    normalised, check_errors = normalise_enquiry(draft, categories, today=today)
    errors.extend(check_errors)
    if errors:
        return None, sorted(errors, key=_form_position)
    return normalised, []


def _form_position(error: FieldError) -> int:
    return FORM_ORDER.index(error.field) if error.field in FORM_ORDER else len(FORM_ORDER)


def error_field_key(error: FieldError) -> str:
    """Return the form key of the input an error belongs to.

    Contact errors name one method, as in ``contacts:Phone``, because each
    method has its own count input.
    """
    if error.field != "contacts":
        return error.field
    method, separator, _count = error.value.rpartition(":")
    return CONTACTS_PREFIX + (method if separator else error.value)


def split_reasons(
    reasons: Iterable[str], ehcp: bool | None, categories: Categories
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Split chosen reasons into those the EHC plan answer allows and those it does not.

    A reason that appears in both lists, such as "Admissions", is kept and takes
    the spelling of the list that now applies.

    Returns:
        The reasons kept and the reasons dropped, each in the order given.
    """
    allowed = categories.reasons_for(ehcp)
    kept: list[str] = []
    dropped: list[str] = []
    for name in reasons:
        matched = allowed.match(name)
        if matched is None:
            dropped.append(name)
        elif matched not in kept:
            kept.append(matched)
    return tuple(kept), tuple(dropped)


class SetAsideReasons:
    """Reasons ticked on a reason list that the EHC plan answer no longer offers.

    Changing the answer sets the other list's ticks aside, and changing it
    back ticks them again, so a slip of the key loses nothing. Only the list
    the form shows, which matches the answer, is saved; the form starts a new
    ``SetAsideReasons`` once it has saved.
    """

    def __init__(self, categories: Categories) -> None:
        self._categories = categories
        self._ticked: dict[bool, tuple[str, ...]] = {}
        """Ticks per reason list, keyed by whether it is the list for an EHC plan."""

    def switch(
        self, ticked: Iterable[str], old_ehcp: bool | None, new_ehcp: bool | None
    ) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """Move from the reason list of ``old_ehcp`` to the one of ``new_ehcp``.

        A reason on both lists, such as "Admissions", stays as it is ticked
        now. The other reasons of the new list come back as they were left.

        Args:
            ticked: the reasons ticked on the old list.
            old_ehcp: the EHC plan answer whose list was shown.
            new_ehcp: the answer now chosen.

        Returns:
            The reasons to tick on the new list, and the reasons set aside
            because the new list does not offer them.
        """
        ticked = tuple(ticked)
        if bool(old_ehcp) == bool(new_ehcp):
            return ticked, ()
        self._ticked[bool(old_ehcp)] = ticked
        kept, set_aside = split_reasons(ticked, new_ehcp, self._categories)
        old_list = self._categories.reasons_for(old_ehcp)
        restored = [
            name
            for name in self._ticked.get(bool(new_ehcp), ())
            if old_list.match(name) is None and name not in kept
        ]
        return kept + tuple(restored), set_aside


def prefill_from_case(values: FormValues, previous: Enquiry) -> tuple[FormValues, list[str]]:
    """Copy the case details of an earlier enquiry into the fields still empty.

    Fields the advisor already filled in are left alone, so nothing typed is lost.

    Returns:
        The new values and the keys of the fields that were filled in.
    """
    changes: dict[str, object] = {}
    for key in CASE_FIELDS:
        current = getattr(values, key)
        earlier = getattr(previous, key)
        if current in (None, "", ()) and earlier not in (None, "", ()):
            changes[key] = tuple(earlier) if isinstance(earlier, tuple) else earlier
    return replace(values, **changes), list(changes)  # type: ignore[arg-type]


def changed_fields(before: FormValues, after: FormValues) -> list[str]:
    """Return the keys whose values differ, to tell whether closing would lose work."""
    return [
        item.name
        for item in fields(FormValues)
        if getattr(before, item.name) != getattr(after, item.name)
    ]
