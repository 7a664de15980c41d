"""Sentences that interpret a quarter's figures, computed from its report.

The published summary explains its numbers in prose: how the quarter's
enquiries compare with the same quarter a year earlier, what share of new
casework each intervention level took, and how waiting times compare with
the service level. Computing these sentences from the report keeps the prose
in step with the tables.

A figure that disclosure control has hidden (a text marker in place of a
number) is left out of the sentences, so prose built from a suppressed
report reveals no more than its tables.
"""

from __future__ import annotations

from dataclasses import dataclass

from sendias_tui.domain.metrics import PublishedTotals
from sendias_tui.report.counting import NOT_RECORDED
from sendias_tui.report.enquiries_by_month import TABLE1_ROWS
from sendias_tui.report.model import Cell, QuarterReport, ReportTable
from sendias_tui.report.waiting import WAIT_LIMIT

SERVICE_LEVEL = "a response within 2-3 working days"
"""The response time that the service level agreement sets."""

LEVELS_KEY = "figure4_intervention_level"
WAITING_KEY = "table5_waiting_times"
ENQUIRIES_KEY = "table1_enquiries"


@dataclass(frozen=True)
class Commentary:
    """The interpreting sentences of one quarter, grouped by the part of the report they explain."""

    totals: tuple[str, ...]
    """New and existing enquiries, against the same quarter a year earlier."""
    intervention_levels: tuple[str, ...]
    waiting_times: tuple[str, ...]

    @property
    def sentences(self) -> tuple[str, ...]:
        """Return every sentence in report order."""
        return (*self.totals, *self.intervention_levels, *self.waiting_times)


@dataclass(frozen=True)
class _Earlier:
    """The figures of the quarter a report is compared with."""

    code: str
    new: int | None
    existing: int | None
    level_shares: dict[int, float]
    published: bool
    """True when the figures were typed in from an earlier published report."""


def write_commentary(
    report: QuarterReport, previous: QuarterReport | PublishedTotals | None = None
) -> Commentary:
    """Compute the sentences that interpret ``report``.

    Args:
        report: the quarter to describe, suppressed or not.
        previous: the same quarter a year earlier, as a report built from
            records or as totals typed in from a published report. None, or a
            report without any enquiries, leaves out the comparisons.
    """
    earlier = _earlier_figures(previous)
    return Commentary(
        totals=tuple(_totals_sentences(report, earlier)),
        intervention_levels=tuple(_level_sentences(report, earlier)),
        waiting_times=tuple(_waiting_sentences(report)),
    )


def _number(cell: Cell) -> int | float | None:
    """Return a cell as a number, or None for no value or a suppression marker."""
    if isinstance(cell, bool) or not isinstance(cell, int | float):
        return None
    return cell


def _count(cell: Cell) -> int | None:
    return cell if isinstance(cell, int) and not isinstance(cell, bool) else None


def _plural(count: int, singular: str, plural: str) -> str:
    return f"{count} {singular if count == 1 else plural}"


def _format_share(share: float) -> str:
    return f"{share:.0f}" if float(share).is_integer() else f"{share:.1f}"


def _table(report: QuarterReport, key: str) -> ReportTable | None:
    try:
        return report.table(key)
    except KeyError:
        return None


def _quarter_totals(report: QuarterReport) -> tuple[int | None, int | None]:
    """Return the quarter's new and existing enquiries from Table 1, None where hidden."""
    table = _table(report, ENQUIRIES_KEY)
    if table is None:
        return report.new_enquiries, None
    values = {row.label: row.values for row in table.rows}
    new = values.get(TABLE1_ROWS[0])
    existing = values.get(TABLE1_ROWS[1])
    return (
        _count(new[-1]) if new else None,
        _count(existing[-1]) if existing else None,
    )


def _level_shares(report: QuarterReport) -> dict[int, float]:
    """Return each level's share of new enquiries, leaving out hidden or missing shares."""
    table = _table(report, LEVELS_KEY)
    shares: dict[int, float] = {}
    if table is None:
        return shares
    for row in table.rows:
        level = _level_number(row.label)
        share = _number(row.values[1]) if len(row.values) > 1 else None
        if level is not None and share is not None:
            shares[level] = share
    return shares


def _level_number(label: str) -> int | None:
    prefix = "Level "
    if label.startswith(prefix) and label[len(prefix):].isdigit():
        return int(label[len(prefix):])
    return None


def _earlier_figures(previous: QuarterReport | PublishedTotals | None) -> _Earlier | None:
    if previous is None:
        return None
    if isinstance(previous, PublishedTotals):
        return _Earlier(
            code=previous.quarter,
            new=previous.new_enquiries,
            existing=previous.existing_enquiries,
            level_shares=dict(previous.level_shares),
            published=True,
        )
    new, existing = _quarter_totals(previous)
    # NOTE: a quarter with no enquiries at all is taken to be one without
    # records, not a quarter with none, so "138 more than (0)" never appears.
    if not new and not existing:
        return None
    return _Earlier(
        code=previous.quarter.code,
        new=new,
        existing=existing,
        level_shares=_level_shares(previous),
        published=False,
    )


def _against(current: int, earlier: int | None, code: str) -> str:
    """Compare a count with the same quarter a year earlier, as a clause."""
    if earlier is None:
        return ""
    difference = current - earlier
    if difference > 0:
        return f", {difference} more than in {code} ({earlier})"
    if difference < 0:
        return f", {-difference} fewer than in {code} ({earlier})"
    return f", the same as in {code}"


def _totals_sentences(report: QuarterReport, earlier: _Earlier | None) -> list[str]:
    """Describe the quarter's new and existing enquiries against a year earlier."""
    code = report.quarter.code
    new, existing = _quarter_totals(report)
    sentences = []
    for count, singular, plural, earlier_count in (
        (new, "new enquiry", "new enquiries", earlier.new if earlier else None),
        (
            existing,
            "enquiry on existing casework",
            "enquiries on existing casework",
            earlier.existing if earlier else None,
        ),
    ):
        if count is None:
            continue
        if count == 0:
            against = ""
            if earlier and earlier_count:
                against = f", against {earlier_count} in {earlier.code}"
            sentences.append(f"No {plural} were recorded in {code}{against}.")
            continue
        verb = "was" if count == 1 else "were"
        against = _against(count, earlier_count, earlier.code) if earlier else ""
        sentences.append(f"There {verb} {_plural(count, singular, plural)} in {code}{against}.")
    if earlier and earlier.published and sentences:
        sentences.append(
            f"The figures for {earlier.code} are the totals published for that quarter, "
            f"from before its records were kept in sendias."
        )
    return sentences


def _level_sentences(report: QuarterReport, earlier: _Earlier | None) -> list[str]:
    """Describe each intervention level's share of new casework.

    Levels 1 to 4 are named by the titles of the level definitions.
    """
    table = _table(report, LEVELS_KEY)
    if table is None:
        return []
    # NOTE: imported here because the publish package imports report modules,
    # so a module-level import would be circular once it uses this one.
    from sendias_tui.publish.levels import intervention_levels

    titles = {level.level: level.title for level in intervention_levels()}
    code = report.quarter.code
    shares = _level_shares(report)
    counts = {
        _level_number(row.label): _count(row.values[0]) for row in table.rows if row.values
    }
    with_level = [count for level, count in counts.items() if level is not None]
    not_recorded = next((row for row in table.rows if row.label == NOT_RECORDED), None)
    missing = _count(not_recorded.values[0]) if not_recorded else None
    if not shares:
        # The count comes from the table, so a hidden count stays hidden here.
        if missing and with_level and all(count == 0 for count in with_level):
            enquiries = _plural(missing, "new enquiry", "new enquiries")
            return [f"No intervention level was recorded on the {enquiries} of {code}."]
        return []

    sentences = []
    for level, share in shares.items():
        against = ""
        if earlier and (earlier_share := earlier.level_shares.get(level)) is not None:
            against = f" ({_format_share(earlier_share)}% in {earlier.code})"
        title = titles.get(level)
        about = f": {title[0].lower()}{title[1:]}" if title else ""
        sentences.append(
            f"Level {level} work was {_format_share(share)}% of new casework{against}{about}."
        )

    if missing:
        sentences.append(
            f"{_plural(missing, 'new enquiry has', 'new enquiries have')} no intervention "
            f"level recorded, so the shares are of the enquiries that have one."
        )
    return sentences


def _waiting_sentences(report: QuarterReport) -> list[str]:
    """Describe waiting times by month and for the quarter against the service level."""
    table = _table(report, WAITING_KEY)
    if table is None:
        return []
    code = report.quarter.code
    sentences = [
        f"The service level agreement sets {SERVICE_LEVEL}, so a wait of more than "
        f"{WAIT_LIMIT} working days misses it."
    ]
    quarter_row = table.total.values if table.total else None
    spoke = _count(quarter_row[0]) if quarter_row else None
    still = _count(quarter_row[5]) if quarter_row else None
    if spoke == 0 and not still:
        reason = "were recorded" if report.new_enquiries == 0 else "needed an advisor"
        return [f"No new enquiries {reason} in {code}, so there are no waiting times to report."]

    for row in table.rows:
        sentence = _month_sentence(row.label, row.values)
        if sentence:
            sentences.append(sentence)
    if quarter_row is not None:
        sentence = _quarter_sentence(code, quarter_row)
        if sentence:
            sentences.append(sentence)
    return sentences


def _still_waiting(values: tuple[Cell, ...]) -> str:
    still = _count(values[5])
    if not still:
        return ""
    verb = "was" if still == 1 else "were"
    return f" {still} more {verb} still waiting to speak to an advisor."


def _month_sentence(month: str, values: tuple[Cell, ...]) -> str | None:
    """Describe one month of Table 5, or return None when its counts are hidden."""
    spoke, waited = _count(values[0]), _count(values[1])
    average, shortest, longest = _number(values[2]), _number(values[3]), _number(values[4])
    if spoke is None:
        return None
    if spoke == 0:
        still = _count(values[5])
        if still:
            waiting = _plural(still, "new enquiry was", "new enquiries were")
            return (
                f"In {month}, no new enquiry had spoken to an advisor yet and {waiting} "
                f"still waiting."
            )
        return f"In {month}, no new enquiry needed an advisor."
    if spoke == 1 and shortest is not None:
        days = _plural(int(shortest), "working day", "working days")
        late = f", more than {WAIT_LIMIT}" if shortest > WAIT_LIMIT else ""
        return (
            f"In {month}, 1 new enquiry spoke to an advisor, after {days}{late}."
            f"{_still_waiting(values)}"
        )

    over = f"waited more than {WAIT_LIMIT} working days"
    if waited is None:
        first = f"In {month}, {spoke} new enquiries spoke to an advisor"
    elif waited == 0:
        first = f"In {month}, none of {spoke} new enquiries {over}"
    else:
        first = f"In {month}, {waited} of {spoke} new enquiries {over}"
    if average is None:
        return f"{first}.{_still_waiting(values)}"
    spread = ""
    if shortest is not None and longest is not None:
        spread = f", ranging from {shortest} to {longest}"
    return (
        f"{first}, and the average wait was {average:.1f} working days{spread}."
        f"{_still_waiting(values)}"
    )


def _quarter_sentence(code: str, values: tuple[Cell, ...]) -> str | None:
    """Sum up the quarter's waits against the service level, or return None when hidden."""
    spoke, waited, average = _count(values[0]), _count(values[1]), _number(values[2])
    if not spoke or waited is None:
        return None
    percent = (200 * waited + spoke) // (2 * spoke)  # rounded half up
    spoke_text = _plural(spoke, "new enquiry", "new enquiries")
    if waited == 0:
        share = f"none of the {spoke_text} that spoke to an advisor"
    else:
        share = f"{waited} of the {spoke_text} that spoke to an advisor ({percent}%)"
    sentence = f"Across {code}, {share} waited more than {WAIT_LIMIT} working days"
    if average is not None:
        sentence += f", and the average wait was {average:.1f} working days"
    return f"{sentence}.{_still_waiting(values)}"
