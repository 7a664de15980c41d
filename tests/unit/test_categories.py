"""Category lists shipped with the package and how names are matched."""

import pytest

from sendias_tui.domain.categories import Categories, CategoriesError, normalise_name


def test_default_lists_have_published_sizes(categories):
    assert len(categories.postal_district.names) == 25
    assert len(categories.sen.names) == 24
    assert len(categories.ethnicity.names) == 22


def test_no_repeats_after_cleaning(categories):
    for category_list in categories.lists.values():
        keys = [normalise_name(name) for name in category_list.names]
        assert len(keys) == len(set(keys)), category_list.key


def test_names_are_trimmed(categories):
    for category_list in categories.lists.values():
        for name in category_list.names:
            assert name == " ".join(name.split())


def test_match_ignores_case_and_spaces(categories):
    assert categories.reason_ehcp.match("  COMPLAINTS   School ") == "Complaints school"
    assert categories.reason_no_ehcp.match("complaints school") == "Complaints school"
    assert categories.postal_district.match("nowhere") is None


def test_retired_category_still_matches_but_not_offered(categories):
    assert categories.sen.match("autism") == "Autism"
    assert "Autism" not in categories.sen.active_names
    assert "ASD" in categories.sen.active_names


def test_professional_enquirers_flagged(categories):
    professionals = [c.name for c in categories.enquirer.items if c.professional]
    assert professionals == [
        "Professional (health)",
        "Professional (education)",
        "Professional (social care)",
        "Professional (other)",
    ]


def test_reasons_follow_ehcp_answer(categories):
    assert categories.reasons_for(True) is categories.reason_ehcp
    assert categories.reasons_for(False) is categories.reason_no_ehcp


def test_missing_list_rejected():
    with pytest.raises(CategoriesError, match="'enquirer' is missing"):
        Categories.from_dict({"lists": {}})


def test_repeated_name_rejected(categories):
    lists = {
        key: {"label": key, "items": [{"name": n} for n in categories[key].names]}
        for key in categories.lists
    }
    lists["gender"]["items"].append({"name": " female "})
    with pytest.raises(CategoriesError, match="'female' appears twice in 'gender'"):
        Categories.from_dict({"lists": lists})
