"""Figure 4: intervention levels and their whole-number shares."""

from __future__ import annotations

from datetime import date

import pytest
from report_records import existing_enquiry, new_enquiry, report_for, values_by_label

from sendias_tui.report.counting import largest_remainder_percentages

JULY = date(2023, 7, 10)


def _with_levels(counts: dict[int | None, int]):
    return [
        new_enquiry(JULY, intervention_level=level)
        for level, count in counts.items()
        for _ in range(count)
    ]


def test_largest_remainder_reference_quarter():
    assert largest_remainder_percentages([64, 45, 21, 8]) == [46, 33, 15, 6]


@pytest.mark.parametrize(
    "counts",
    [[1, 1, 1], [1, 2], [2, 2, 2, 1], [7, 0, 0, 0], [1, 1, 1, 1, 1, 1], [333, 333, 334], [3, 5, 9, 13]],
)
def test_largest_remainder_adds_to_100(counts):
    shares = largest_remainder_percentages(counts)

    assert shares is not None
    assert sum(shares) == 100
    for count, share in zip(counts, shares, strict=True):
        assert abs(share - count * 100 / sum(counts)) < 1


def test_largest_remainder_ties_go_first():
    assert largest_remainder_percentages([1, 1, 1]) == [34, 33, 33]


def test_largest_remainder_nothing_to_share():
    assert largest_remainder_percentages([0, 0, 0]) is None
    assert largest_remainder_percentages([]) is None


def test_levels_table_shares(categories):
    enquiries = _with_levels({1: 64, 2: 45, 3: 21, 4: 8})
    enquiries.append(existing_enquiry(JULY, intervention_level=4))

    report = report_for(categories, enquiries)
    table = report.table("figure4_intervention_level")

    assert table.number == "Figure 4"
    assert table.columns == ("Intervention level", "New enquiries", "Share (%)")
    assert values_by_label(report, "figure4_intervention_level") == {
        "Level 1": (64, 46),
        "Level 2": (45, 33),
        "Level 3": (21, 15),
        "Level 4": (8, 6),
    }
    assert table.total.label == "Total"
    assert table.total.values == (138, 100)


def test_levels_not_recorded_has_no_share(categories):
    enquiries = _with_levels({1: 3, 2: 1, None: 2})

    table = report_for(categories, enquiries).table("figure4_intervention_level")

    assert table.rows[-1].label == "Not recorded"
    assert table.rows[-1].values == (2, None)
    assert table.row("Level 1").values == (3, 75)
    assert table.row("Level 2").values == (1, 25)
    assert table.row("Level 3").values == (0, 0)
    assert table.total.values == (6, 100)
    assert any("no intervention level recorded: 2" in note for note in table.notes)


def test_levels_without_any_level(categories):
    table = report_for(categories, _with_levels({None: 2})).table("figure4_intervention_level")

    assert table.row("Level 1").values == (0, None)
    assert table.total.values == (2, None)


def test_levels_zero_rows_listed(categories):
    table = report_for(categories, []).table("figure4_intervention_level")

    assert [row.label for row in table.rows] == ["Level 1", "Level 2", "Level 3", "Level 4"]
    assert table.total.values == (0, None)
