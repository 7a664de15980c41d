"""Data quality checks that find what would make a quarter's report wrong.

``check_quarter`` runs before a report is published, from ``sendias check``
and the summary screen. Each finding names the records and the field to fix
and the tables it affects, so a manager can correct the records first.
Messages name records by their store id only and never repeat record contents.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence, Set
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from sendias_tui.domain.enquiry import Enquiry
from sendias_tui.domain.quarters import Quarter
from sendias_tui.domain.working_days import working_days_between
from sendias_tui.report.model import QuarterReport, ReportTable
from sendias_tui.report.enquiries_by_month import TABLE1_ROWS
from sendias_tui.report.waiting import MONTH_NAMES, WAIT_LIMIT

LISTED_RECORDS = 10
"""How many record ids a message lists before it adds "and N more"."""

METRICS_FIGURES = ("Figure 5", "Figure 9", "Figure 11", "Table 10", "Table 11")
"""The parts of the report that show monthly website and social media figures."""


class Severity(StrEnum):
    """How much a finding matters for publishing."""

    ERROR = "error"
    """A table would leave records out, disagree with another or miss data."""
    WARNING = "warning"
    """The report is consistent but shows a gap a reader will ask about."""


@dataclass(frozen=True)
class QualityIssue:
    """One finding of the checks, worded for the service manager."""

    severity: Severity
    message: str
    """Plain sentences naming the records, the field and what to do."""
    tables: tuple[str, ...]
    """Numbers of the tables and figures affected, such as ("Table 4",)."""
    record_ids: tuple[int, ...] = ()
    """Store ids of the records to fix, or empty when the finding is about the report."""
    field: str | None = None
    """The ``Enquiry`` attribute to fill in, when the finding is about one field."""


@dataclass(frozen=True)
class _CountedField:
    """A field of new enquiries that one table or figure counts."""

    field: str
    words: str
    """The field as it reads in a sentence."""
    number: str
    table_key: str | None
    """The table whose rows add up to the new enquiries, if there is one."""


_COUNTED_FIELDS = (
    _CountedField("age_group", "age group", "Figure 2", "figure2_age_group"),
    _CountedField("main_sen", "main SEN", "Table 2", "table2_main_sen"),
    _CountedField("ethnicity", "ethnic group", "Table 3", "table3_ethnicity"),
    _CountedField("gender", "gender", "Figure 3", "figure3_gender"),
    _CountedField("referral_source", "referral source", "Table 4", "table4_referral_source"),
    _CountedField("postal_district", "postal district", "Table 6", "table6_postal_district"),
    _CountedField(
        "intervention_level", "intervention level", "Figure 4", "figure4_intervention_level"
    ),
    _CountedField("new_family", "answer to whether the family is new", "Table 1", None),
)  # fmt: skip


def check_quarter(
    quarter: Quarter,
    enquiries: Iterable[Enquiry],
    report: QuarterReport,
    *,
    today: date,
    months_with_metrics: Set[tuple[int, int]] | None = None,
) -> list[QualityIssue]:
    """List what would make ``report`` wrong or incomplete, errors first.

    Args:
        quarter: the quarter to check.
        enquiries: enquiry records from any dates; those outside the
            quarter are ignored, as ``build_report`` ignores them.
        report: the report built for ``quarter`` from the same records.
        today: the date of the check, which decides which enquiries are
            still waiting past the service level and which months are over.
        months_with_metrics: (year, month) pairs that have service metrics.
            None skips the check, for callers that keep no metrics.
    """
    in_quarter = [enquiry for enquiry in enquiries if enquiry.date_received in quarter]
    new = [enquiry for enquiry in in_quarter if enquiry.is_new]

    issues: list[QualityIssue] = []
    issues += _check_report_matches(quarter, new, report)
    issues += _check_duplicate_rows(report)
    issues += _check_table_totals(new, report)
    issues += _check_missing_fields(new)
    issues += _check_reasons(new)
    issues += _check_waiting(new, today)
    if months_with_metrics is not None:
        issues += _check_metrics(quarter, months_with_metrics, today)
    if today < quarter.end:
        issues.append(
            QualityIssue(
                Severity.WARNING,
                f"{quarter.code} runs until {format_day(quarter.end)}, so the report "
                f"does not yet cover the whole quarter.",
                tables=(),
            )
        )
    # Stable sort: errors first, each group in the order of the checks above.
    return sorted(issues, key=lambda issue: issue.severity is not Severity.ERROR)


def format_day(day: date) -> str:
    """Format a date as "3 July 2023", whatever the system locale."""
    return f"{day.day} {MONTH_NAMES[day.month - 1]} {day.year}"


def _join(items: Sequence[str]) -> str:
    """Join items as a sentence lists them: "a", "a and b", "a, b and c"."""
    if len(items) == 1:
        return items[0]
    return f"{', '.join(items[:-1])} and {items[-1]}"


def _name_records(enquiries: Sequence[Enquiry]) -> str:
    """Name records by store id, such as "records 4, 9 and 15" or "record 4"."""
    ids = [str(enquiry.id) for enquiry in enquiries if enquiry.id is not None]
    unsaved = len(enquiries) - len(ids)
    named = ""
    if ids:
        shown = ids[:LISTED_RECORDS]
        if len(ids) > len(shown):
            shown.append(f"{len(ids) - len(shown)} more")
        named = f"{'record' if len(ids) == 1 else 'records'} {_join(shown)}"
    if unsaved:
        extra = f"{unsaved} unsaved {'record' if unsaved == 1 else 'records'}"
        named = f"{named}, and {extra}" if named else extra
    return named


def _record_ids(enquiries: Iterable[Enquiry]) -> tuple[int, ...]:
    return tuple(enquiry.id for enquiry in enquiries if enquiry.id is not None)


def _records_issue(
    severity: Severity,
    records: Sequence[Enquiry],
    finding: tuple[str, str],
    effect: str,
    *,
    tables: tuple[str, ...],
    field: str,
) -> QualityIssue:
    """Build a finding that reads "<N new enquiries> <finding>: <record ids>. <effect>".

    Args:
        finding: the predicate for one record and for several, such as
            ("has no gender", "have no gender").
        effect: what the finding does to the report, as a sentence.
    """
    predicate = finding[0] if len(records) == 1 else finding[1]
    return QualityIssue(
        severity,
        f"{_new_enquiries(len(records)).capitalize()} {predicate}: "
        f"{_name_records(records)}. {effect}",
        tables=tables,
        record_ids=_record_ids(records),
        field=field,
    )


def _new_enquiries(count: int) -> str:
    return f"{count} new {'enquiry' if count == 1 else 'enquiries'}"


def _them(count: int) -> str:
    return "it" if count == 1 else "them"


def _is_count(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_missing(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _check_report_matches(
    quarter: Quarter, new: Sequence[Enquiry], report: QuarterReport
) -> list[QualityIssue]:
    """Check that the report is for this quarter and counts the records given."""
    issues = []
    if report.quarter != quarter:
        issues.append(
            QualityIssue(
                Severity.ERROR,
                f"The report is for {report.quarter.code}, not {quarter.code}. "
                f"Build the report for {quarter.code} and check again.",
                tables=(),
            )
        )
    if report.new_enquiries != len(new):
        issues.append(
            QualityIssue(
                Severity.ERROR,
                f"The report counts {_new_enquiries(report.new_enquiries)} but the records "
                f"hold {len(new)} for {quarter.code}. Build the report again from the "
                f"current records.",
                tables=(),
            )
        )
    for table in report.tables:
        if quarter.code not in table.title:
            issues.append(
                QualityIssue(
                    Severity.ERROR,
                    f"The title of {table.number} does not name {quarter.code}: "
                    f"'{table.title}'.",
                    tables=(table.number,),
                )
            )
    return issues


def _check_duplicate_rows(report: QuarterReport) -> list[QualityIssue]:
    """Find tables that list a row twice, which inflates their totals."""
    issues = []
    for table in report.tables:
        label_counts = Counter(row.label for row in table.rows)
        repeated = [label for label, count in label_counts.items() if count > 1]
        if repeated:
            listed = ", ".join(f"'{label}'" for label in repeated)
            issues.append(
                QualityIssue(
                    Severity.ERROR,
                    f"{table.number} lists these rows more than once: {listed}.",
                    tables=(table.number,),
                )
            )
    return issues


def _first_column_sum(table: ReportTable) -> int | None:
    """Add up the first value column, or return None if a cell is not a count."""
    total = 0
    for row in table.rows:
        value = row.values[0] if row.values else None
        if isinstance(value, bool) or not isinstance(value, int):
            return None
        total += value
    return total


def _check_table_totals(new: Sequence[Enquiry], report: QuarterReport) -> list[QualityIssue]:
    """Check that every table of new enquiries adds up to the number of new enquiries.

    A difference is explained by the records that leave the table's field
    empty when their number matches it. Otherwise the report was built from
    other records or edited by hand.
    """
    issues = []
    expected = report.new_enquiries
    for spec in _COUNTED_FIELDS:
        if spec.table_key is None:
            continue
        try:
            table = report.table(spec.table_key)
        except KeyError:
            issues.append(
                QualityIssue(
                    Severity.ERROR,
                    f"The report has no {spec.number} (new enquiries by {spec.words}).",
                    tables=(spec.number,),
                )
            )
            continue
        rows_sum = _first_column_sum(table)
        if rows_sum is None:
            continue
        shown_total = table.total.values[0] if table.total and table.total.values else None
        if isinstance(shown_total, int) and shown_total != rows_sum:
            issues.append(
                QualityIssue(
                    Severity.ERROR,
                    f"The total row of {table.number} says {shown_total} but its rows "
                    f"add up to {rows_sum}.",
                    tables=(table.number,),
                )
            )
        if rows_sum == expected:
            continue
        missing = [enquiry for enquiry in new if _is_missing(getattr(enquiry, spec.field))]
        if missing and len(missing) == expected - rows_sum:
            reason = (
                f"{len(missing)} {'has' if len(missing) == 1 else 'have'} no {spec.words} "
                f"({_name_records(missing)}) and the table has no row for them."
            )
        else:
            reason = "the records do not explain the difference, so build the report again."
        issues.append(
            QualityIssue(
                Severity.ERROR,
                f"{table.number} totals {rows_sum} but there are "
                f"{_new_enquiries(expected)}: {reason}",
                tables=(table.number,),
                record_ids=_record_ids(missing),
                field=spec.field,
            )
        )
    issues += _check_table1(report)
    return issues


def _check_table1(report: QuarterReport) -> list[QualityIssue]:
    """Check Table 1's quarter totals against its months and the new enquiries."""
    try:
        table = report.table("table1_enquiries")
    except KeyError:
        return [QualityIssue(Severity.ERROR, "The report has no Table 1.", tables=("Table 1",))]
    issues = []
    values = {row.label: row.values for row in table.rows}
    for row in table.rows:
        counts = [value for value in row.values if _is_count(value)]
        # Rows holding a suppression marker or no value cannot be added up.
        if len(counts) != len(row.values) or len(counts) < 2:
            continue
        *months, total = counts
        if sum(months) != total:
            issues.append(
                QualityIssue(
                    Severity.ERROR,
                    f"In Table 1, '{row.label}' totals {total} for the quarter but its "
                    f"months add up to {sum(months)}.",
                    tables=("Table 1",),
                )
            )
    new_row = values.get(TABLE1_ROWS[0])
    if new_row is not None and new_row[-1] != report.new_enquiries:
        issues.append(
            QualityIssue(
                Severity.ERROR,
                f"Table 1 counts {_new_enquiries(new_row[-1])} but the other tables count "
                f"{report.new_enquiries}. Build the report again from the current records.",
                tables=("Table 1",),
            )
        )
    return issues


def _check_missing_fields(new: Sequence[Enquiry]) -> list[QualityIssue]:
    """List new enquiries that leave a counted field empty, one finding per field."""
    issues = []
    for spec in _COUNTED_FIELDS:
        missing = [enquiry for enquiry in new if _is_missing(getattr(enquiry, spec.field))]
        if not missing:
            continue
        if spec.field == "new_family":
            counted_as = "it as a new family" if len(missing) == 1 else "them as new families"
            effect = f"Table 1 does not count {counted_as}."
        else:
            effect = f'{spec.number} shows {_them(len(missing))} as "Not recorded".'
        issues.append(
            _records_issue(
                Severity.WARNING,
                missing,
                (f"has no {spec.words}", f"have no {spec.words}"),
                effect,
                tables=(spec.number,),
                field=spec.field,
            )
        )
    return issues


def _check_reasons(new: Sequence[Enquiry]) -> list[QualityIssue]:
    """Find reasons that Tables 8 and 9 cannot place, and enquiries with no reason."""
    issues = []
    unanswered = [enquiry for enquiry in new if enquiry.reasons and enquiry.ehcp is None]
    if unanswered:
        finding = "reasons for the enquiry but no answer to whether there is an EHC plan"
        issues.append(
            _records_issue(
                Severity.ERROR,
                unanswered,
                (f"gives {finding}", f"give {finding}"),
                "Tables 8 and 9 leave their reasons out until the EHC plan answer is recorded.",
                tables=("Table 8", "Table 9"),
                field="ehcp",
            )
        )
    without_reason = [enquiry for enquiry in new if not enquiry.reasons]
    if without_reason:
        them = _them(len(without_reason))
        issues.append(
            _records_issue(
                Severity.WARNING,
                without_reason,
                ("has no reason for the enquiry", "have no reason for the enquiry"),
                f'Tables 8 and 9 show {them} as "Not recorded", or leave {them} out when '
                f"the EHC plan answer is missing too.",
                tables=("Table 8", "Table 9"),
                field="reasons",
            )
        )
    return issues


def _check_waiting(new: Sequence[Enquiry], today: date) -> list[QualityIssue]:
    """Find waits past the service level with no first contact, and impossible dates."""
    issues = []
    overdue: list[tuple[Enquiry, int]] = []
    backwards = []
    for enquiry in new:
        if enquiry.no_advisor_needed:
            continue
        contact = enquiry.first_advisor_contact
        if contact is not None:
            if contact < enquiry.date_received:
                backwards.append(enquiry)
            continue
        if today < enquiry.date_received:
            continue
        waited = working_days_between(enquiry.date_received, today)
        if waited > WAIT_LIMIT:
            overdue.append((enquiry, waited))

    if overdue:
        waits = [
            f"{enquiry.id if enquiry.id is not None else 'unsaved'} ({days} working days)"
            for enquiry, days in overdue[:LISTED_RECORDS]
        ]
        if len(overdue) > LISTED_RECORDS:
            waits.append(f"{len(overdue) - LISTED_RECORDS} more")
        count = len(overdue)
        issues.append(
            QualityIssue(
                Severity.WARNING,
                f"{_new_enquiries(count).capitalize()} {'has' if count == 1 else 'have'} "
                f"waited more than {WAIT_LIMIT} working days by {format_day(today)} with no "
                f"first contact with an advisor recorded: "
                f"{'record' if count == 1 else 'records'} {_join(waits)}. Record the date "
                f"each first spoke to an advisor, or mark it as needing no advisor, so that "
                f"Table 5 shows its wait.",
                tables=("Table 5",),
                record_ids=_record_ids(enquiry for enquiry, _ in overdue),
                field="first_advisor_contact",
            )
        )
    if backwards:
        finding = "a first contact with an advisor dated before the enquiry was received"
        issues.append(
            _records_issue(
                Severity.ERROR,
                backwards,
                (f"has {finding}", f"have {finding}"),
                f"Table 5 leaves {_them(len(backwards))} out until the dates are corrected.",
                tables=("Table 5",),
                field="first_advisor_contact",
            )
        )
    return issues


def _check_metrics(
    quarter: Quarter, months_with_metrics: Set[tuple[int, int]], today: date
) -> list[QualityIssue]:
    """Find months of the quarter that are over but have no service metrics."""
    missing = []
    for year, month in quarter.months:
        month_end = date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
        # A month still running has no figures to enter yet.
        if month_end < today and (year, month) not in months_with_metrics:
            missing.append(f"{MONTH_NAMES[month - 1]} {year}")
    if not missing:
        return []
    listed = _join(missing)
    # A warning, not an error: the enquiry tables are right without metrics,
    # and some services publish no website or social media figures.
    return [
        QualityIssue(
            Severity.WARNING,
            f"No service metrics have been entered for {listed}, so the website and "
            f"social media figures have no values for {'it' if len(missing) == 1 else 'them'}.",
            tables=METRICS_FIGURES,
        )
    ]
