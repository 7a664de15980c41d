"""Check an enquiry against the rules and the service's categories.

The form and the CSV import call the same function, so a value the form
rejects is rejected by an import too, with the same words.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from sendias_tui.domain.categories import Categories, CategoryList
from sendias_tui.domain.enquiry import INTERVENTION_LEVELS, Enquiry

REQUIRED_ON_NEW = (
    "new_family",
    "age_group",
    "gender",
    "ethnicity",
    "postal_district",
    "main_sen",
    "referral_source",
    "ehcp",
)
"""Fields every new enquiry needs: the report's tables count them."""

FIELD_LABELS = {
    "date_received": "Date received",
    "enquiry_type": "Enquiry type",
    "case_ref": "Case reference",
    "advisor": "Advisor",
    "enquirer": "Enquirer",
    "new_family": "New family",
    "age_group": "Age group",
    "gender": "Gender",
    "ethnicity": "Ethnic group",
    "postal_district": "Postal district",
    "main_sen": "Main SEN",
    "additional_sen": "Additional SEN",
    "referral_source": "Referral source",
    "ehcp": "EHC plan",
    "reasons": "Reasons for enquiry",
    "intervention_level": "Intervention level",
    "contacts": "Contacts",
    "first_advisor_contact": "First spoke to an advisor",
}
"""The words a person sees for each field, in the form and in error messages."""

MAX_CASE_REF = 40
MAX_ADVISOR = 20


@dataclass(frozen=True)
class FieldError:
    """One rejected value: which field, what was given, and what is allowed."""

    field: str
    value: str
    message: str

    @property
    def label(self) -> str:
        return FIELD_LABELS.get(self.field, self.field)

    def __str__(self) -> str:
        return f"{self.label}: {self.message}"


CATEGORY_FIELDS = {
    "enquirer": "enquirer",
    "age_group": "age_group",
    "gender": "gender",
    "ethnicity": "ethnicity",
    "postal_district": "postal_district",
    "main_sen": "sen",
    "referral_source": "referral_source",
}
"""Single-choice fields and the category list each one is checked against."""


_MISSING_HINTS = {
    "age_group": "; choose 'Not known' if the caller did not say",
    "gender": "; choose 'Not known' if the caller did not say",
    "ethnicity": "; choose 'Unknown/ Not stated' if the caller did not say",
    "postal_district": "; choose 'Unknown/ not provided' if the caller did not say",
    "main_sen": "; choose 'Unknown' if the caller did not say",
    "referral_source": "; choose 'Not known' if the caller did not say",
}


_FUTURE_HINTS = {
    "date_received": "; enter the day the enquiry came in",
}


def future_date_problem(field_name: str, day: date, today: date) -> str | None:
    """Return why a date after ``today`` is rejected, or None for today or earlier.

    The form checks this as the advisor leaves a date field, with the same
    words as the check on save.
    """
    if day <= today:
        return None
    return f"{day:%d/%m/%Y} is in the future{_FUTURE_HINTS.get(field_name, '')}"


def _not_listed(field: str, value: str, choices: CategoryList) -> FieldError:
    allowed = ", ".join(choices.active_names)
    return FieldError(field, value, f"'{value}' is not in the list. Choose one of: {allowed}")


def normalise_enquiry(
    enquiry: Enquiry, categories: Categories, *, today: date | None = None
) -> tuple[Enquiry, list[FieldError]]:
    """Validate ``enquiry`` and return it with every category name in its configured spelling.

    Retired categories are accepted: old records keep their values.

    Args:
        enquiry: the record as entered.
        categories: the service's category lists.
        today: the latest allowed date received; defaults to the real today.

    Returns:
        The normalised enquiry and a list of errors, empty when it is valid.
    """
    errors: list[FieldError] = []
    today = today or date.today()
    changes: dict[str, object] = {}

    future = future_date_problem("date_received", enquiry.date_received, today)
    if future:
        errors.append(FieldError("date_received", enquiry.date_received.isoformat(), future))
    advisor = enquiry.advisor.strip()
    if not advisor:
        errors.append(FieldError("advisor", "", "missing: enter the advisor's initials or staff id"))
    elif len(advisor) > MAX_ADVISOR:
        errors.append(
            FieldError("advisor", advisor, f"is longer than {MAX_ADVISOR} characters; use initials or a staff id")
        )
    changes["advisor"] = advisor
    case_ref = enquiry.case_ref.strip()
    if len(case_ref) > MAX_CASE_REF:
        errors.append(
            FieldError("case_ref", case_ref, f"is longer than {MAX_CASE_REF} characters")
        )
    changes["case_ref"] = case_ref

    for field_name, list_key in CATEGORY_FIELDS.items():
        value = getattr(enquiry, field_name)
        if value is None or value == "":
            changes[field_name] = None
            continue
        matched = categories[list_key].match(value)
        if matched is None:
            errors.append(_not_listed(field_name, value, categories[list_key]))
        else:
            changes[field_name] = matched
    if not enquiry.enquirer:
        errors.append(FieldError("enquirer", "", "missing: choose who got in touch"))

    if enquiry.is_new:
        for field_name in REQUIRED_ON_NEW:
            if getattr(enquiry, field_name) in (None, ""):
                hint = _MISSING_HINTS.get(field_name, "")
                errors.append(
                    FieldError(field_name, "", f"missing: a new enquiry needs it for the report{hint}")
                )

    additional = []
    for name in enquiry.additional_sen:
        matched = categories.sen.match(name)
        if matched is None:
            errors.append(_not_listed("additional_sen", name, categories.sen))
        elif matched == changes.get("main_sen"):
            errors.append(
                FieldError(
                    "additional_sen",
                    name,
                    f"'{matched}' is already the main SEN; list only the other needs as additional SEN",
                )
            )
        elif matched not in additional:
            additional.append(matched)
    changes["additional_sen"] = tuple(additional)

    reason_list = categories.reasons_for(enquiry.ehcp)
    reasons = []
    for name in enquiry.reasons:
        matched = reason_list.match(name)
        if matched is None:
            which = "with" if enquiry.ehcp else "without"
            errors.append(
                FieldError(
                    "reasons",
                    name,
                    f"'{name}' is not a reason for enquiries {which} an EHC plan. "
                    f"Choose from: {', '.join(reason_list.active_names)}",
                )
            )
        elif matched not in reasons:
            reasons.append(matched)
    if enquiry.is_new and not enquiry.reasons:
        errors.append(FieldError("reasons", "", "missing: choose at least one reason for the enquiry"))
    changes["reasons"] = tuple(reasons)

    if enquiry.intervention_level is not None and enquiry.intervention_level not in INTERVENTION_LEVELS:
        errors.append(
            FieldError("intervention_level", str(enquiry.intervention_level), "must be a level from 1 to 4")
        )

    contacts: dict[str, int] = {}
    for method, count in enquiry.contacts.items():
        matched = categories.contact_method.match(method)
        if matched is None:
            errors.append(_not_listed("contacts", method, categories.contact_method))
        elif count < 0:
            errors.append(FieldError("contacts", f"{method}:{count}", "a count cannot be negative"))
        elif count:
            contacts[matched] = contacts.get(matched, 0) + count
    changes["contacts"] = contacts

    if enquiry.first_advisor_contact is not None:
        if enquiry.no_advisor_needed:
            errors.append(
                FieldError(
                    "first_advisor_contact",
                    enquiry.first_advisor_contact.isoformat(),
                    "give a date or 'no advisor needed', not both",
                )
            )
        elif enquiry.first_advisor_contact < enquiry.date_received:
            errors.append(
                FieldError(
                    "first_advisor_contact",
                    enquiry.first_advisor_contact.isoformat(),
                    f"{enquiry.first_advisor_contact:%d/%m/%Y} is before the date received "
                    f"{enquiry.date_received:%d/%m/%Y}",
                )
            )
        elif future := future_date_problem("first_advisor_contact", enquiry.first_advisor_contact, today):
            errors.append(
                FieldError("first_advisor_contact", enquiry.first_advisor_contact.isoformat(), future)
            )

    return replace(enquiry, **changes), errors  # type: ignore[arg-type]
