"""The enquiry form's values: parsing, checking, prefill and the reason lists."""

from dataclasses import replace
from datetime import date

from sendias_tui.domain.enquiry import Enquiry, EnquiryType
from sendias_tui.domain.validation import FieldError
from sendias_tui.form_values import (
    FormValues,
    SetAsideReasons,
    blank_values,
    build_enquiry,
    changed_fields,
    check_count_text,
    check_date_text,
    error_field_key,
    prefill_from_case,
    split_reasons,
    values_from_enquiry,
)

TODAY = date(2023, 10, 2)


def complete_values(**changes) -> FormValues:
    values = FormValues(
        date_received="14/07/2023",
        enquiry_type="new",
        case_ref="C-101",
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
        contacts={"Phone": "2", "Email": "1", "Text": ""},
        first_advisor_contact="2023-07-17",
    )
    return replace(values, **changes)


def test_complete_values_build_enquiry(categories):
    enquiry, errors = build_enquiry(complete_values(), categories, today=TODAY)
    assert errors == []
    assert enquiry is not None
    assert enquiry.date_received == date(2023, 7, 14)
    assert enquiry.enquiry_type is EnquiryType.NEW
    assert enquiry.case_ref == "C-101"
    assert enquiry.first_advisor_contact == date(2023, 7, 17)
    assert enquiry.contacts == {"Phone": 2, "Email": 1}
    assert enquiry.additional_sen == ("SEMH - Anxiety",)
    assert enquiry.id is None


def test_unreadable_date_is_reported_with_other_problems(categories):
    values = complete_values(date_received="31/02/2023", age_group=None, gender=None)
    enquiry, errors = build_enquiry(values, categories, today=TODAY)
    assert enquiry is None
    assert [error.field for error in errors] == ["date_received", "age_group", "gender"]
    assert errors[0].value == "31/02/2023"
    assert "14/07/2023" in errors[0].message


def test_missing_date_says_what_to_type(categories):
    _enquiry, errors = build_enquiry(complete_values(date_received="  "), categories, today=TODAY)
    assert [error.field for error in errors] == ["date_received"]
    assert errors[0].message.startswith("missing")


def test_unreadable_date_adds_no_second_date_error(categories):
    values = complete_values(date_received="yesterday", first_advisor_contact="01/10/2023")
    _enquiry, errors = build_enquiry(values, categories, today=TODAY)
    assert [error.field for error in errors] == ["date_received"]


def test_empty_first_contact_means_still_waiting(categories):
    enquiry, errors = build_enquiry(complete_values(first_advisor_contact=""), categories, today=TODAY)
    assert errors == []
    assert enquiry.first_advisor_contact is None
    assert enquiry.no_advisor_needed is False


def test_bad_count_names_method_and_value(categories):
    values = complete_values(contacts={"Phone": "two", "Email": "1"})
    _enquiry, errors = build_enquiry(values, categories, today=TODAY)
    [error] = errors
    assert error.field == "contacts"
    assert error.value == "Phone:two"
    assert "whole number" in error.message
    assert error_field_key(error) == "contacts:Phone"


def test_error_keys_follow_fields():
    assert error_field_key(FieldError("main_sen", "", "missing")) == "main_sen"
    assert error_field_key(FieldError("contacts", "Fax", "not in the list")) == "contacts:Fax"
    assert error_field_key(FieldError("contacts", "Phone:-1", "negative")) == "contacts:Phone"


def test_errors_come_in_form_order(categories):
    values = complete_values(
        first_advisor_contact="99/99/2023", advisor="", reasons=(), date_received="2024-01-01"
    )
    _enquiry, errors = build_enquiry(values, categories, today=TODAY)
    assert [error.field for error in errors] == [
        "date_received",
        "advisor",
        "reasons",
        "first_advisor_contact",
    ]


def test_edit_keeps_id_and_creation(categories):
    original = Enquiry(
        date_received=date(2023, 7, 14),
        enquiry_type=EnquiryType.NEW,
        advisor="AB",
        enquirer="Parent/carer",
        id=7,
        created_by="someone",
    )
    enquiry, errors = build_enquiry(complete_values(), categories, today=TODAY, original=original)
    assert errors == []
    assert enquiry.id == 7
    assert enquiry.created_by == "someone"


def test_stored_enquiry_round_trips(categories):
    enquiry, _errors = build_enquiry(complete_values(), categories, today=TODAY)
    values = values_from_enquiry(enquiry)
    assert values.date_received == "14/07/2023"
    assert values.first_advisor_contact == "17/07/2023"
    assert values.contacts == {"Phone": "2", "Email": "1"}
    rebuilt, errors = build_enquiry(values, categories, today=TODAY)
    assert errors == []
    assert rebuilt == enquiry


def test_retired_value_stays_valid_on_edit(categories):
    enquiry, errors = build_enquiry(complete_values(main_sen="Autism"), categories, today=TODAY)
    assert errors == []
    assert enquiry.main_sen == "Autism"


def test_blank_form_is_dated_today():
    values = blank_values(TODAY, advisor="AB")
    assert values.date_received == "02/10/2023"
    assert values.advisor == "AB"
    assert values.enquiry_type == "new"
    assert values.main_sen is None


def test_date_and_count_checks():
    assert check_date_text("14/07/2023", required=True) is None
    assert check_date_text("2023-07-14", required=True) is None
    assert check_date_text("", required=False) is None
    assert "missing" in check_date_text("", required=True)
    assert "14/07/2023" in check_date_text("14.07.2023", required=False)
    assert check_count_text("") is None
    assert check_count_text("12") is None
    assert "'-1'" in check_count_text("-1")


def test_reasons_split_when_plan_answer_changes(categories):
    kept, dropped = split_reasons(("Admissions", "SEN Support", "Bullying"), True, categories)
    assert kept == ("Admissions",)
    assert dropped == ("SEN Support", "Bullying")


def test_reasons_kept_take_new_spelling(categories):
    kept, dropped = split_reasons(("annual review support",), True, categories)
    assert kept == ("Annual Review Support",)
    assert dropped == ()


def test_reasons_without_answer_use_no_plan_list(categories):
    kept, dropped = split_reasons(("SEN Support", "EHCP review"), None, categories)
    assert kept == ("SEN Support",)
    assert dropped == ("EHCP review",)


def test_future_date_checked_against_today():
    problem = check_date_text("03/10/2023", required=True, field_name="date_received", today=TODAY)
    assert problem == "03/10/2023 is in the future; enter the day the enquiry came in"
    assert check_date_text("02/10/2023", required=True, field_name="date_received", today=TODAY) is None
    assert check_date_text("03/10/2023", required=False) is None


def test_set_aside_reasons_come_back(categories):
    set_aside = SetAsideReasons(categories)

    ticked, dropped = set_aside.switch(("Bullying", "EHC needs assessment"), False, True)
    assert ticked == ()
    assert dropped == ("Bullying", "EHC needs assessment")

    ticked, dropped = set_aside.switch(ticked, True, False)
    assert ticked == ("Bullying", "EHC needs assessment")
    assert dropped == ()


def test_set_aside_keeps_each_lists_ticks(categories):
    set_aside = SetAsideReasons(categories)
    set_aside.switch(("Bullying",), False, True)
    set_aside.switch(("EHCP review",), True, False)

    ticked, dropped = set_aside.switch(("Bullying",), False, True)

    assert ticked == ("EHCP review",)
    assert dropped == ("Bullying",)


def test_shared_reason_follows_latest_ticks(categories):
    set_aside = SetAsideReasons(categories)
    # "Admissions" is on both lists: unticked while the plan answer was Yes,
    # it stays unticked when the answer goes back to No.
    ticked, _ = set_aside.switch(("Admissions", "Bullying"), False, True)
    assert ticked == ("Admissions",)

    ticked, _ = set_aside.switch((), True, False)

    assert ticked == ("Bullying",)


def test_no_answer_shares_the_no_plan_list(categories):
    ticked, dropped = SetAsideReasons(categories).switch(("Bullying",), None, False)
    assert ticked == ("Bullying",)
    assert dropped == ()


def test_prefill_fills_only_empty_case_fields():
    previous = Enquiry(
        date_received=date(2023, 6, 1),
        enquiry_type=EnquiryType.NEW,
        advisor="CD",
        enquirer="Young person",
        case_ref="C-101",
        age_group="11-15",
        gender="Male",
        ethnicity="White - Irish",
        postal_district="Dallow",
        main_sen="Dyslexia",
        additional_sen=("SEMH",),
        referral_source="School",
        ehcp=True,
        reasons=("EHCP review",),
        intervention_level=3,
        contacts={"Phone": 4},
    )
    typed = FormValues(
        date_received="02/10/2023", enquiry_type="existing", case_ref="C-101", gender="Female"
    )

    values, filled = prefill_from_case(typed, previous)

    assert filled == [
        "age_group",
        "ethnicity",
        "postal_district",
        "main_sen",
        "additional_sen",
        "referral_source",
        "ehcp",
    ]
    assert values.gender == "Female"
    assert values.age_group == "11-15"
    assert values.additional_sen == ("SEMH",)
    assert values.ehcp is True
    assert values.date_received == "02/10/2023"
    assert values.reasons == ()
    assert values.contacts == {}
    assert values.intervention_level is None
    assert values.enquirer is None


def test_changed_fields_lists_differences():
    before = blank_values(TODAY)
    assert changed_fields(before, before) == []
    after = replace(before, gender="Male", contacts={"Phone": "1"})
    assert changed_fields(before, after) == ["gender", "contacts"]
