"""The rules every enquiry must pass, in the form and in an import."""

from dataclasses import replace
from datetime import date

import pytest

from sendias_tui.domain.enquiry import Enquiry, EnquiryType
from sendias_tui.domain.validation import normalise_enquiry

TODAY = date(2023, 10, 2)


def complete_new_enquiry(**changes) -> Enquiry:
    enquiry = Enquiry(
        date_received=date(2023, 7, 14),
        enquiry_type=EnquiryType.NEW,
        advisor="AB",
        enquirer="Parent/carer",
        new_family=True,
        age_group="5-10",
        gender="Female",
        ethnicity="White - British",
        postal_district="Biscot",
        main_sen="ASD",
        additional_sen=("SEMH - Anxiety",),
        referral_source="Google",
        ehcp=False,
        reasons=("SEN Support",),
        intervention_level=2,
        contacts={"Phone": 2, "Email": 1},
        first_advisor_contact=date(2023, 7, 17),
    )
    return replace(enquiry, **changes)


def errors_for(enquiry, categories):
    return normalise_enquiry(enquiry, categories, today=TODAY)[1]


def test_complete_enquiry_passes(categories):
    assert errors_for(complete_new_enquiry(), categories) == []


def test_category_names_take_configured_spelling(categories):
    typed = complete_new_enquiry(
        enquirer=" parent/CARER ", main_sen="asd", postal_district="BISCOT", reasons=("sen support",)
    )
    normalised, errors = normalise_enquiry(typed, categories, today=TODAY)
    assert errors == []
    assert normalised.enquirer == "Parent/carer"
    assert normalised.main_sen == "ASD"
    assert normalised.postal_district == "Biscot"
    assert normalised.reasons == ("SEN Support",)


def test_unknown_district_names_value_and_choices(categories):
    [error] = errors_for(complete_new_enquiry(postal_district="Atlantis"), categories)
    assert error.field == "postal_district"
    assert error.value == "Atlantis"
    assert "'Atlantis' is not in the list" in error.message
    assert "Biscot" in error.message


def test_new_enquiry_needs_demographics(categories):
    errors = errors_for(complete_new_enquiry(gender=None, referral_source=None), categories)
    assert {error.field for error in errors} == {"gender", "referral_source"}
    gender_error = next(error for error in errors if error.field == "gender")
    assert "Not known" in gender_error.message


def test_existing_enquiry_may_omit_demographics(categories):
    enquiry = Enquiry(date(2023, 7, 14), EnquiryType.EXISTING, "AB", "Parent/carer")
    assert errors_for(enquiry, categories) == []


def test_new_enquiry_needs_a_reason(categories):
    [error] = errors_for(complete_new_enquiry(reasons=()), categories)
    assert error.field == "reasons"


def test_reason_must_match_ehcp_answer(categories):
    # "SEN Support" is only on the list for enquiries without an EHC plan.
    [error] = errors_for(complete_new_enquiry(ehcp=True), categories)
    assert error.field == "reasons"
    assert "with an EHC plan" in error.message


def test_future_date_rejected(categories):
    [error] = errors_for(
        complete_new_enquiry(date_received=date(2023, 10, 3), first_advisor_contact=None),
        categories,
    )
    assert error.field == "date_received"
    assert "future" in error.message


def test_first_contact_before_received_rejected(categories):
    [error] = errors_for(complete_new_enquiry(first_advisor_contact=date(2023, 7, 13)), categories)
    assert error.field == "first_advisor_contact"
    assert "before the date received" in error.message


def test_first_contact_and_no_advisor_needed_conflict(categories):
    [error] = errors_for(complete_new_enquiry(no_advisor_needed=True), categories)
    assert error.field == "first_advisor_contact"


@pytest.mark.parametrize("level", [0, 5])
def test_intervention_level_range(categories, level):
    [error] = errors_for(complete_new_enquiry(intervention_level=level), categories)
    assert error.field == "intervention_level"


def test_unknown_contact_method_rejected(categories):
    [error] = errors_for(complete_new_enquiry(contacts={"Carrier pigeon": 1}), categories)
    assert error.field == "contacts"
    assert "Carrier pigeon" in error.message


def test_zero_contacts_dropped(categories):
    normalised, errors = normalise_enquiry(
        complete_new_enquiry(contacts={"phone": 0, "email": 2}), categories, today=TODAY
    )
    assert errors == []
    assert normalised.contacts == {"Email": 2}


def test_missing_advisor_explained(categories):
    [error] = errors_for(complete_new_enquiry(advisor="  "), categories)
    assert error.field == "advisor"
    assert "initials" in error.message


def test_retired_category_accepted_on_records(categories):
    assert errors_for(complete_new_enquiry(main_sen="Autism"), categories) == []


def test_repeated_additional_sen_kept_once(categories):
    normalised, _ = normalise_enquiry(
        complete_new_enquiry(additional_sen=("SEMH", "semh")), categories, today=TODAY
    )
    assert normalised.additional_sen == ("SEMH",)


def test_main_sen_repeated_as_additional_rejected(categories):
    [error] = errors_for(
        complete_new_enquiry(main_sen="Dyslexia", additional_sen=("dyslexia", "SEMH")), categories
    )
    assert error.field == "additional_sen"
    assert error.value == "dyslexia"
    assert "'Dyslexia' is already the main SEN" in error.message


def test_additional_sen_without_main_accepted(categories):
    enquiry = Enquiry(
        date(2023, 7, 14), EnquiryType.EXISTING, "AB", "Parent/carer", additional_sen=("Dyslexia",)
    )
    assert errors_for(enquiry, categories) == []


def test_future_first_contact_rejected(categories):
    [error] = errors_for(complete_new_enquiry(first_advisor_contact=date(2023, 10, 3)), categories)
    assert error.field == "first_advisor_contact"
    assert error.message == "03/10/2023 is in the future"
