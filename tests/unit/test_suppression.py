"""Disclosure control: small counts hidden so that no hidden count can be worked out."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, timedelta

import pytest
from report_records import Q3_2023, existing_enquiry, new_enquiry, report_for

from sendias_tui.domain.enquiry import RedirectedCall, RedirectKind
from sendias_tui.report.model import ReportRow, ReportTable
from sendias_tui.report.secondary_suppression import SumLayout, choose_hidden, solved_unknowns
from sendias_tui.report.suppression import (
    PROTECTED_TABLES,
    SUPPRESSED,
    suppress,
    suppress_report,
    suppression_note,
)

SEEDS = range(100)

COUNT_COLUMNS = {"table5_waiting_times": (0, 1, 5), "figure4_intervention_level": (0,)}
"""Value columns that hold counts, where other columns hold shares or days."""

SUM_COLUMNS = {"table5_waiting_times": (0, 1, 5), "figure4_intervention_level": (0, 1)}
"""Value columns whose rows add up to the total row. Waiting times in days do not."""


def _category_table(counts, labels=None, key="table2_main_sen", notes=()):
    labels = labels or [f"Category {index}" for index in range(len(counts))]
    return ReportTable(
        key=key,
        number="Table 2",
        title="New enquiries by main SEN, 2023-Q3",
        columns=("Main SEN", "New enquiries"),
        rows=tuple(ReportRow(label, (count,)) for label, count in zip(labels, counts, strict=True)),
        total=ReportRow("Total", (sum(counts),)),
        notes=tuple(notes),
    )


def _column(table, column=0):
    return [row.values[column] for row in table.rows]


# --- Behaviour on hand-built tables ----------------------------------------


def test_threshold_below_two_is_off():
    table = _category_table([1, 2, 3])

    assert suppress(table, 1) is table
    assert suppress(table, 0) is table
    assert suppress(table, -3) is table


def test_nothing_small_leaves_table_alone():
    table = _category_table([0, 5, 12, 7])

    assert suppress(table, 5) is table


def test_small_count_and_next_smallest_hidden():
    table = suppress(_category_table([10, 3, 8, 0, 12]), 5)

    assert _column(table) == [10, SUPPRESSED, SUPPRESSED, 0, 12]
    assert table.total.values == (33,)


def test_zero_stays_visible():
    table = suppress(_category_table([0, 2, 9, 0]), 5)

    assert _column(table) == [0, SUPPRESSED, SUPPRESSED, 0]


def test_small_hidden_sum_hides_more():
    # Two hidden 1s would tell a reader that 2 enquiries fall in these rows.
    table = suppress(_category_table([1, 1, 20, 30]), 5)

    assert _column(table) == [SUPPRESSED, SUPPRESSED, SUPPRESSED, 30]


def test_hidden_ones_not_left_alone():
    # Hidden cells 1, 1, 1 add up to 3: a reader who knows each is at least
    # 1 would know each is exactly 1, so a zero row is hidden as well.
    table = suppress(_category_table([1, 1, 1, 0, 0]), 3)

    assert _column(table).count(SUPPRESSED) == 4
    assert table.total.values == (3,)


def test_small_total_hidden():
    table = suppress(_category_table([1, 2, 0]), 5)

    assert _column(table) == [SUPPRESSED, SUPPRESSED, 0]
    assert table.total.values == (SUPPRESSED,)


def test_table_note_names_marker():
    table = suppress(_category_table([4, 9, 10]), 5)

    assert table.notes[-1].startswith(f"{SUPPRESSED}: hidden to protect privacy")
    assert "below 5" in table.notes[-1]


def test_note_counts_hidden_when_small():
    notes = [
        "New enquiries with no main SEN recorded: 2.",
        "Enquiries with no contacts recorded: 40.",
    ]
    table = suppress(_category_table([2, 30, 40], notes=notes), 5)

    assert table.notes[0] == f"New enquiries with no main SEN recorded: {SUPPRESSED}."
    assert table.notes[1] == "Enquiries with no contacts recorded: 40."


def test_table1_row_and_column_secondary(categories):
    # July has 2 new enquiries: hidden, with the next smallest month and the
    # cells of other rows that would give them away through the totals.
    enquiries = [new_enquiry(date(2023, 7, 3)) for _ in range(2)]
    enquiries += [new_enquiry(date(2023, 8, 3)) for _ in range(10)]
    enquiries += [new_enquiry(date(2023, 9, 4)) for _ in range(12)]
    enquiries += [existing_enquiry(date(2023, 7, 5)) for _ in range(20)]
    enquiries += [existing_enquiry(date(2023, 8, 5)) for _ in range(20)]
    enquiries += [existing_enquiry(date(2023, 9, 5)) for _ in range(20)]
    table = report_for(categories, enquiries).table("table1_enquiries")

    hidden = suppress(table, 5)
    new_row = hidden.row("New enquiries (previous users and new families)").values
    totals = hidden.row("Total enquiries (new and existing casework)").values

    assert new_row[0] == SUPPRESSED
    assert new_row.count(SUPPRESSED) >= 2
    assert new_row[3] == 24
    # Existing enquiries and the total for July cannot both stay shown.
    existing = hidden.row("Existing open casework").values
    assert SUPPRESSED in (existing[0], totals[0])


def test_shares_hidden_with_counts(categories):
    enquiries = [new_enquiry(date(2023, 7, 3), intervention_level=1) for _ in range(20)]
    enquiries += [new_enquiry(date(2023, 7, 3), intervention_level=2) for _ in range(8)]
    enquiries += [new_enquiry(date(2023, 7, 3), intervention_level=3) for _ in range(7)]
    enquiries += [new_enquiry(date(2023, 7, 3), intervention_level=4) for _ in range(2)]
    table = report_for(categories, enquiries).table("figure4_intervention_level")

    hidden = suppress(table, 5)
    values = {row.label: row.values for row in hidden.rows}

    assert values["Level 4"] == (SUPPRESSED, SUPPRESSED)
    assert values["Level 3"] == (SUPPRESSED, SUPPRESSED)
    assert values["Level 1"] == (20, 54)
    assert hidden.total.values == (37, 100)


def test_hidden_not_recorded_hides_every_share(categories):
    enquiries = [new_enquiry(date(2023, 7, 3), intervention_level=1) for _ in range(20)]
    enquiries += [new_enquiry(date(2023, 7, 3), intervention_level=2) for _ in range(10)]
    enquiries += [new_enquiry(date(2023, 7, 3), intervention_level=None) for _ in range(2)]
    table = report_for(categories, enquiries).table("figure4_intervention_level")

    hidden = suppress(table, 5)

    assert [row.values[1] for row in hidden.rows if row.label != "Not recorded"] == [
        SUPPRESSED
    ] * 4
    assert hidden.row("Not recorded").values == (SUPPRESSED, None)


def test_waits_hidden_with_their_count(categories):
    july = date(2023, 7, 3)
    enquiries = [new_enquiry(july, first_advisor_contact=july + timedelta(days=1))]
    enquiries += [new_enquiry(date(2023, 8, 1)) for _ in range(10)]
    enquiries += [new_enquiry(date(2023, 9, 1)) for _ in range(10)]
    table = report_for(categories, enquiries).table("table5_waiting_times")

    hidden = suppress(table, 5)
    july_row = hidden.row("July").values

    # Spoke to an advisor, average, shortest and longest wait of one enquiry.
    assert july_row[0] == SUPPRESSED
    assert july_row[2:5] == (SUPPRESSED, SUPPRESSED, SUPPRESSED)


def test_report_note_and_metrics_untouched(categories):
    report = report_for(categories, [new_enquiry(date(2023, 7, 3))])
    metrics = _category_table([1, 2], key="table11_accessibility")
    report = replace(report, tables=(*report.tables, metrics))

    hidden = suppress_report(report, 5)

    assert hidden.notes[-1] == suppression_note(5)
    assert hidden.table("table11_accessibility") is metrics
    assert hidden.table("table2_main_sen").total.values == (SUPPRESSED,)
    assert suppress_report(report, 1) is report


@pytest.mark.parametrize(
    ("threshold", "start"),
    [(2, "Counts of 1 are shown as *"), (10, "Counts from 1 to 9 are shown as *")],
)
def test_note_names_threshold(threshold, start):
    assert suppression_note(threshold).startswith(start)


def _grid_layout(interior):
    """Build a layout of a grid of counts with a total for every row and column."""
    layout = SumLayout()
    rows, columns = len(interior), len(interior[0])
    for r, values in enumerate(interior):
        for c, value in enumerate(values):
            layout.add_count((r, c), value)
        layout.add_count((r, columns), sum(values))
    for c in range(columns + 1):
        layout.add_count((rows, c), sum(layout.values[(r, c)] for r in range(rows)))
    for r in range(rows + 1):
        layout.add_sum([(r, c) for c in range(columns)], (r, columns))
    for c in range(columns + 1):
        layout.add_sum([(r, c) for r in range(rows)], (rows, c))
    return layout


def test_two_blocks_joined_by_one_cell():
    # Two 2 x 2 blocks of small counts are joined by one small cell. Every row
    # and column hides at least two cells. Yet the sums of rows 0 and 1 less
    # those of columns 0 and 1 leave the joining cell (1, 2) alone.
    interior = [
        [2, 2, 10, 10],
        [2, 2, 2, 10],
        [10, 10, 2, 2],
        [10, 10, 2, 2],
    ]
    layout = _grid_layout(interior)
    primary = {
        (r, c) for r, values in enumerate(interior) for c, value in enumerate(values) if value < 3
    }

    assert solved_unknowns(layout.sums, sorted(primary)) == [(1, 2)]

    hidden = choose_hidden(layout, 3)

    assert primary < hidden
    assert solved_unknowns(layout.sums, sorted(hidden, key=str)) == []


# --- A reader trying to recover hidden counts -------------------------------


PRIME = 2**61 - 1
"""Modulus for exact rank computation with machine-sized integers.

The equations have coefficients 0, 1 and -1 and a few dozen unknowns. A rank
over this prime equals the rank over the rationals unless the prime divides a
minor of the matrix, which is far less likely than a hardware error.
"""


def _rank(rows):
    """Return the rank of equal-length integer coefficient rows, modulo ``PRIME``."""
    matrix = [[value % PRIME for value in row] for row in rows]
    rank = 0
    for column in range(len(matrix[0]) if matrix else 0):
        pivot = next((r for r in range(rank, len(matrix)) if matrix[r][column]), None)
        if pivot is None:
            continue
        matrix[rank], matrix[pivot] = matrix[pivot], matrix[rank]
        inverse = pow(matrix[rank][column], PRIME - 2, PRIME)
        for r in range(len(matrix)):
            if r != rank and matrix[r][column]:
                factor = matrix[r][column] * inverse % PRIME
                pairs = zip(matrix[r], matrix[rank], strict=True)
                matrix[r] = [(a - factor * b) % PRIME for a, b in pairs]
        rank += 1
    return rank


class _Reader:
    """What a reader of one suppressed table can use: shown cells and sums that hold.

    Unknowns are the hidden cells and the counts that follow from two shown
    counts by subtraction. Each equation says that some cells add up to another.
    """

    def __init__(self, original: ReportTable, hidden: ReportTable):
        self.original = original
        self.hidden = hidden
        self.values = {}
        self.unknown = set()
        self.equations = []
        pairs = zip(self._rows(original), self._rows(hidden), strict=True)
        for index, (before, after) in enumerate(pairs):
            for column, (value, shown) in enumerate(zip(before.values, after.values, strict=True)):
                if isinstance(value, int) and not isinstance(value, bool):
                    self.values[(index, column)] = value
                    if shown == SUPPRESSED:
                        self.unknown.add((index, column))

    @staticmethod
    def _rows(table):
        return [*table.rows, table.total] if table.total else list(table.rows)

    def add_sum(self, parts, total):
        if all(key in self.values for key in (*parts, total)):
            if sum(self.values[key] for key in parts) == self.values[total]:
                self.equations.append((tuple(parts), total))

    def add_rest(self, name, parts, total):
        if all(key in self.values for key in (*parts, total)):
            self.values[name] = self.values[total] - sum(self.values[key] for key in parts)
            self.unknown.add(name)
            self.equations.append(((*parts, name), total))

    def solvable(self, key):
        """Return whether the equations fix ``key``: adding the row for ``key`` alone
        leaves the rank unchanged exactly when that row is a combination of them."""
        order = sorted(self.unknown, key=str)
        rows = []
        for parts, total in self.equations:
            row = [0] * len(order)
            for part in parts:
                if part in self.unknown:
                    row[order.index(part)] += 1
            if total in self.unknown:
                row[order.index(total)] -= 1
            if any(row):
                rows.append(row)
        target = [1 if other == key else 0 for other in order]
        return _rank([*rows, target]) == _rank(rows)

    def all_ones(self):
        """Return sums whose hidden parts are all 1s, which a reader who knows each is 1 or
        more can solve."""
        found = []
        for parts, total in self.equations:
            if total in self.unknown:
                continue
            hidden = [key for key in parts if key in self.unknown]
            if hidden and all(self.values[key] == 1 for key in hidden):
                found.append((parts, total))
        return found


def _reader_for(original, hidden):
    reader = _Reader(original, hidden)
    rows = len(original.rows)
    width = len(original.columns) - 1
    if original.total is not None:
        for column in SUM_COLUMNS.get(original.key, range(width)):
            parts = [(index, column) for index in range(rows) if (index, column) in reader.values]
            reader.add_sum(parts, (rows, column))
            recorded = [
                (index, column)
                for index in range(rows)
                if original.rows[index].label != "Not recorded"
            ]
            reader.add_sum(recorded, (rows, column))
    if original.key == "table1_enquiries":
        labels = [row.label for row in original.rows]
        new, existing, families, total = 0, 1, 2, 3
        senat = labels.index("Calls or emails for SENAT")
        for index in range(rows):
            reader.add_sum([(index, column) for column in range(3)], (index, 3))
        for column in range(4):
            reader.add_sum([(new, column), (existing, column)], (total, column))
            reader.add_rest(f"previous {column}", [(families, column)], (new, column))
            professionals = [(index, column) for index in range(total + 1, senat)]
            reader.add_rest(f"others {column}", professionals, (total, column))
    if original.key == "table5_waiting_times":
        for index in range(rows + 1):
            reader.add_rest(f"within {index}", [(index, 1)], (index, 0))
    return reader


def _random_quarter(rng, categories):
    """Return random records for 2023-Q3 with small counts, where disclosure bites."""
    days = [Q3_2023.start + timedelta(days=offset) for offset in range(92)]

    def pick(key, missing=0.1):
        if rng.random() < missing:
            return None
        return rng.choice(categories[key].active_names[:6])

    enquiries = []
    for _ in range(rng.randint(0, 30)):
        day = rng.choice(days)
        contact = None if rng.random() < 0.2 else day + timedelta(days=rng.randint(0, 9))
        enquiries.append(
            new_enquiry(
                day,
                enquirer=rng.choice(categories.enquirer.active_names),
                new_family=rng.random() < 0.4,
                age_group=pick("age_group"),
                gender=pick("gender"),
                ethnicity=pick("ethnicity"),
                postal_district=pick("postal_district"),
                main_sen=pick("sen"),
                referral_source=pick("referral_source"),
                intervention_level=rng.choice([1, 1, 2, 2, 3, 4, None]),
                first_advisor_contact=contact,
                no_advisor_needed=rng.random() < 0.1,
            )
        )
    for _ in range(rng.randint(0, 30)):
        enquiries.append(
            existing_enquiry(
                rng.choice(days), enquirer=rng.choice(categories.enquirer.active_names)
            )
        )
    redirects = [
        RedirectedCall(rng.choice(days), rng.choice(list(RedirectKind)), rng.randint(1, 3))
        for _ in range(rng.randint(0, 6))
    ]
    return enquiries, redirects


@pytest.mark.parametrize("seed", SEEDS)
def test_hidden_counts_cannot_be_recovered(seed, categories):
    rng = random.Random(seed)
    threshold = rng.randint(2, 6)
    enquiries, redirects = _random_quarter(rng, categories)
    report = report_for(categories, enquiries, redirects)

    for original in report.tables:
        if original.key not in PROTECTED_TABLES:
            continue
        hidden = suppress(original, threshold)
        reader = _reader_for(original, hidden)

        for key, value in reader.values.items():
            shown = isinstance(key, tuple) and key not in reader.unknown
            count_columns = COUNT_COLUMNS.get(original.key, (0, 1, 2, 3))
            if not shown or key[1] not in count_columns:
                continue
            assert not 1 <= value < threshold, f"{original.number} shows {key}={value}"
        for key in sorted(reader.unknown, key=str):
            small_rest = isinstance(key, str) and 1 <= reader.values[key] < threshold
            if isinstance(key, tuple) or small_rest:
                assert not reader.solvable(key), f"{original.number}: {key} can be worked out"
        assert reader.all_ones() == [], f"{original.number}: hidden cells must all be 1"


@pytest.mark.parametrize("seed", SEEDS)
def test_random_column_tables_safe(seed):
    rng = random.Random(seed)
    threshold = rng.randint(2, 8)
    counts = [rng.choice([0, 0, 1, 1, 2, 3, 4, 5, 7, 12, 30]) for _ in range(rng.randint(1, 8))]
    original = _category_table(counts)

    hidden = suppress(original, threshold)
    reader = _reader_for(original, hidden)
    visible = {
        index: value for index, value in enumerate(_column(hidden)) if value != SUPPRESSED
    }

    for index, count in enumerate(counts):
        if 1 <= count < threshold:
            assert index not in visible
    for key in reader.unknown:
        assert not reader.solvable(key), f"{counts} -> {_column(hidden)}: {key}"
    assert reader.all_ones() == []
    assert all(visible[index] == counts[index] for index in visible)
