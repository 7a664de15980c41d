"""Parsing what people type into dates, yes/no answers and contact counts."""

from datetime import date

import pytest

from sendias_tui.domain.parsing import parse_contacts, parse_count, parse_date, parse_yes_no


@pytest.mark.parametrize("text", ["2023-07-14", "14/07/2023", " 14/7/2023 "])
def test_date_formats(text):
    assert parse_date(text) == date(2023, 7, 14)


def test_impossible_date_named():
    with pytest.raises(ValueError, match="'31/02/2023' is not a real date"):
        parse_date("31/02/2023")


@pytest.mark.parametrize("text", ["07/14/23", "tomorrow", "", "2023/07/14"])
def test_not_a_date_says_what_is_expected(text):
    with pytest.raises(ValueError, match="14/07/2023 or 2023-07-14"):
        parse_date(text)


@pytest.mark.parametrize(("text", "expected"), [("yes", True), ("NO", False), (" y ", True)])
def test_yes_no(text, expected):
    assert parse_yes_no(text) is expected


def test_yes_no_rejects_other_words():
    with pytest.raises(ValueError, match="yes or no"):
        parse_yes_no("maybe")


def test_count_rejects_negative_and_text():
    assert parse_count(" 3 ") == 3
    with pytest.raises(ValueError, match="whole number"):
        parse_count("-1")
    with pytest.raises(ValueError, match="whole number"):
        parse_count("two")


def test_contacts_pairs_add_up():
    assert parse_contacts("Phone:3; Email:2;Phone:1") == {"Phone": 4, "Email": 2}


def test_contacts_method_may_contain_colon_free_text():
    assert parse_contacts("Telephone - No Answer:2") == {"Telephone - No Answer": 2}


def test_contacts_without_count_rejected():
    with pytest.raises(ValueError, match="Method:count"):
        parse_contacts("Phone")


def test_count_rejects_superscript_digits():
    with pytest.raises(ValueError, match="whole number"):
        parse_count("2²")
