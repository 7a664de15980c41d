"""Compute the quarterly data summary from enquiry and redirected-call records.

``build_report`` is the one entry point: the summary screen, ``sendias
summary`` and every export call it, so they always show the same figures.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date

from sendias_tui.domain.categories import Categories, CategoryList
from sendias_tui.domain.enquiry import INTERVENTION_LEVELS, Enquiry, RedirectedCall
from sendias_tui.domain.quarters import Quarter
from sendias_tui.report.counting import (
    NOT_RECORDED,
    TOTAL,
    count_categories,
    largest_remainder_percentages,
)
from sendias_tui.report.enquiries_by_month import enquiries_by_month_table
from sendias_tui.report.model import QuarterReport, ReportRow, ReportTable
from sendias_tui.report.waiting import waiting_times_table

@dataclass(frozen=True)
class _FieldTable:
    """A table that counts new enquiries by one single-valued category field."""

    key: str
    number: str
    heading: str
    words: str
    """The field as it reads inside a sentence, for titles and notes."""
    list_key: str
    field: str


_FIELD_TABLES = (
    _FieldTable("figure2_age_group", "Figure 2", "Age group", "age group", "age_group", "age_group"),
    _FieldTable("table2_main_sen", "Table 2", "Main SEN", "main SEN", "sen", "main_sen"),
    _FieldTable("table3_ethnicity", "Table 3", "Ethnic group", "ethnic group", "ethnicity", "ethnicity"),
    _FieldTable("figure3_gender", "Figure 3", "Gender", "gender", "gender", "gender"),
    _FieldTable(
        "table4_referral_source", "Table 4", "Referral source", "referral source",
        "referral_source", "referral_source",
    ),
    _FieldTable(
        "table6_postal_district", "Table 6", "Postal district", "postal district",
        "postal_district", "postal_district",
    ),
)  # fmt: skip


def build_report(
    quarter: Quarter,
    enquiries: Iterable[Enquiry],
    redirects: Iterable[RedirectedCall],
    categories: Categories,
    *,
    today: date | None = None,
) -> QuarterReport:
    """Compute every table of one quarter's summary, in the published order.

    Records outside the quarter are ignored, so callers can pass everything
    they hold.

    Args:
        quarter: the quarter to report on, under either quarter scheme.
        enquiries: enquiry records, from any dates.
        redirects: redirected-call records, from any dates.
        categories: the service's category lists, which set row order.
        today: the report date; defaults to the system date. It decides
            whether the quarter is still running and which still-waiting
            enquiries are past the response limit.
    """
    today = today or date.today()
    in_quarter = [enquiry for enquiry in enquiries if enquiry.date_received in quarter]
    new = [enquiry for enquiry in in_quarter if enquiry.is_new]
    redirected = [call for call in redirects if call.date_received in quarter]
    code = quarter.code

    def by_field(spec: _FieldTable) -> ReportTable:
        counts = Counter(getattr(enquiry, spec.field) for enquiry in new)
        return _category_table(
            spec.key, spec.number, f"New enquiries by {spec.words}, {code}",
            (spec.heading, "New enquiries"), categories[spec.list_key], counts,
            words=spec.words,
        )  # fmt: skip

    field_tables = {spec.key: by_field(spec) for spec in _FIELD_TABLES}
    tables = (
        enquiries_by_month_table(quarter, in_quarter, redirected, categories.enquirer),
        field_tables["figure2_age_group"],
        field_tables["table2_main_sen"],
        field_tables["table3_ethnicity"],
        field_tables["figure3_gender"],
        field_tables["table4_referral_source"],
        waiting_times_table(quarter, new, today),
        field_tables["table6_postal_district"],
        _intervention_levels(code, new),
        _contacts(code, in_quarter, categories.contact_method),
        _reasons(code, new, categories.reason_ehcp, has_ehcp=True),
        _reasons(code, new, categories.reason_no_ehcp, has_ehcp=False),
    )  # fmt: skip

    notes = []
    if today < quarter.end:
        notes.append(
            f"{code} runs to {quarter.end:%d/%m/%Y}, so these figures cover only "
            f"records up to {today:%d/%m/%Y}."
        )
    return QuarterReport(quarter, tables, new_enquiries=len(new), notes=tuple(notes))


def _category_table(
    key: str,
    number: str,
    title: str,
    columns: tuple[str, str],
    category_list: CategoryList,
    counts: Counter[str | None],
    *,
    words: str,
    missing: str | None = None,
) -> ReportTable:
    """Build a one-column table that counts records by one category list.

    Args:
        words: the counted field as it reads in a sentence, for the notes.
        missing: the note's wording for records without a value. The
            default is "New enquiries with no <words> recorded".
    """
    result = count_categories(category_list, counts)
    notes = []
    if result.not_recorded:
        missing = missing or f"New enquiries with no {words} recorded"
        notes.append(f"{missing}: {result.not_recorded}.")
    if result.unlisted:
        listed = ", ".join(f"'{value}'" for value in result.unlisted)
        notes.append(f"Not in the current {words} list: {listed}.")
    return ReportTable(
        key=key,
        number=number,
        title=title,
        columns=columns,
        rows=result.rows,
        total=result.total,
        notes=tuple(notes),
    )


def _intervention_levels(code: str, new: Sequence[Enquiry]) -> ReportTable:
    """Build Figure 4: new enquiries per intervention level and each level's share."""
    counts = Counter(enquiry.intervention_level for enquiry in new)
    levels = list(INTERVENTION_LEVELS)
    # A level outside 1-4 can only come from an old or hand-edited file. It
    # keeps its own row so the record still counts in the total.
    levels += sorted(level for level in counts if level is not None and level not in levels)
    level_counts = [counts[level] for level in levels]
    shares = largest_remainder_percentages(level_counts)

    rows = [
        ReportRow(f"Level {level}", (count, shares[index] if shares else None))
        for index, (level, count) in enumerate(zip(levels, level_counts, strict=True))
    ]
    notes = []
    if counts[None]:
        rows.append(ReportRow(NOT_RECORDED, (counts[None], None)))
        notes.append(
            f"New enquiries with no intervention level recorded: {counts[None]}. "
            "The shares are of the enquiries that have one."
        )
    return ReportTable(
        key="figure4_intervention_level",
        number="Figure 4",
        title=f"New enquiries by intervention level, {code}",
        columns=("Intervention level", "New enquiries", "Share (%)"),
        rows=tuple(rows),
        total=ReportRow(TOTAL, (len(new), 100 if shares else None)),
        notes=tuple(notes),
    )


def _contacts(code: str, enquiries: Sequence[Enquiry], methods: CategoryList) -> ReportTable:
    """Build Table 7: contacts by method over new and existing enquiries."""
    counts = Counter[str | None]()
    without_contacts = 0
    for enquiry in enquiries:
        if not enquiry.contacts:
            without_contacts += 1
        for method, count in enquiry.contacts.items():
            counts[method] += count
    table = _category_table(
        "table7_contacts", "Table 7", f"Contacts by method, new and existing enquiries, {code}",
        ("Contact method", "Contacts"), methods, counts, words="contact method",
    )  # fmt: skip
    if not without_contacts:
        return table
    # NOTE: the table counts contacts, not enquiries, so enquiries without any
    # contact get a note instead of a "Not recorded" row that would mix units.
    note = f"Enquiries with no contacts recorded: {without_contacts}."
    return replace(table, notes=(*table.notes, note))


def _reasons(
    code: str, new: Sequence[Enquiry], reasons: CategoryList, *, has_ehcp: bool
) -> ReportTable:
    """Build Table 8 or 9: reasons given on new enquiries with or without an EHC plan."""
    counts = Counter[str | None]()
    for enquiry in new:
        if enquiry.ehcp is not has_ehcp:
            continue
        # An enquiry giving several reasons counts once under each of them.
        for reason in enquiry.reasons or (None,):
            counts[reason] += 1
    with_or_without = "with" if has_ehcp else "without"
    table = _category_table(
        "table8_reasons_ehcp" if has_ehcp else "table9_reasons_no_ehcp",
        "Table 8" if has_ehcp else "Table 9",
        f"Reasons for new enquiries {with_or_without} an EHC plan, {code}",
        (f"Reason for enquiry ({with_or_without} an EHC plan)", "New enquiries"),
        reasons,
        counts,
        words="reason for enquiry",
        missing=f"New enquiries {with_or_without} an EHC plan and no reason recorded",
    )
    notes = [*table.notes, "An enquiry giving several reasons counts once under each."]
    unanswered = sum(1 for enquiry in new if enquiry.ehcp is None)
    if unanswered:
        notes.append(
            "New enquiries left out of Tables 8 and 9 because they do not say "
            f"whether there is an EHC plan: {unanswered}."
        )
    return replace(table, notes=tuple(notes))
