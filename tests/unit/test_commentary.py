"""Sentences that interpret a quarter's report."""

from __future__ import annotations

from datetime import date

from report_records import existing_enquiry, new_enquiry, report_for

from sendias_tui.domain.metrics import PublishedTotals
from sendias_tui.domain.quarters import Quarter
from sendias_tui.report.commentary import write_commentary
from sendias_tui.report.suppression import SUPPRESSED, suppress_report

Q3_2022 = Quarter(2022, 3)
JULY = date(2023, 7, 3)  # a Monday


def _levels(counts, day=JULY):
    return [
        new_enquiry(day, intervention_level=level)
        for level, count in counts.items()
        for _ in range(count)
    ]


def test_totals_against_last_year(categories):
    this_year = [new_enquiry(JULY) for _ in range(14)] + [existing_enquiry(JULY) for _ in range(5)]
    last_year_day = date(2022, 7, 4)
    last_year = [new_enquiry(last_year_day) for _ in range(12)]
    last_year += [existing_enquiry(last_year_day) for _ in range(8)]
    report = report_for(categories, this_year)
    earlier = report_for(categories, last_year, quarter=Q3_2022)

    totals = write_commentary(report, earlier).totals

    assert totals == (
        "There were 14 new enquiries in 2023-Q3, 2 more than in 2022-Q3 (12).",
        "There were 5 enquiries on existing casework in 2023-Q3, 3 fewer than in 2022-Q3 (8).",
    )


def test_totals_same_as_last_year(categories):
    report = report_for(categories, [new_enquiry(JULY)])
    earlier = report_for(categories, [new_enquiry(date(2022, 8, 1))], quarter=Q3_2022)

    totals = write_commentary(report, earlier).totals

    assert totals[0] == "There was 1 new enquiry in 2023-Q3, the same as in 2022-Q3."
    assert totals[1] == "No enquiries on existing casework were recorded in 2023-Q3."


def test_totals_without_last_year(categories):
    report = report_for(categories, [new_enquiry(JULY), new_enquiry(JULY)])

    totals = write_commentary(report).totals

    assert totals[0] == "There were 2 new enquiries in 2023-Q3."


def test_empty_last_year_not_compared(categories):
    report = report_for(categories, [new_enquiry(JULY)])
    empty = report_for(categories, [], quarter=Q3_2022)

    totals = write_commentary(report, empty).totals

    assert totals[0] == "There was 1 new enquiry in 2023-Q3."


def test_totals_against_published_figures(categories):
    report = report_for(categories, [new_enquiry(JULY) for _ in range(3)])
    published = PublishedTotals("2022-Q3", new_enquiries=126, existing_enquiries=None)

    totals = write_commentary(report, published).totals

    assert totals[0] == "There were 3 new enquiries in 2023-Q3, 123 fewer than in 2022-Q3 (126)."
    assert totals[1] == "No enquiries on existing casework were recorded in 2023-Q3."
    assert totals[-1].startswith("The figures for 2022-Q3 are the totals published")


def test_no_enquiries_reads_plainly(categories):
    commentary = write_commentary(report_for(categories, []))

    assert commentary.totals == (
        "No new enquiries were recorded in 2023-Q3.",
        "No enquiries on existing casework were recorded in 2023-Q3.",
    )
    assert commentary.intervention_levels == ()
    assert commentary.waiting_times == (
        "No new enquiries were recorded in 2023-Q3, so there are no waiting times to report.",
    )


def test_level_shares_named(categories):
    report = report_for(categories, _levels({1: 64, 2: 45, 3: 21, 4: 8}))

    levels = write_commentary(report).intervention_levels

    assert levels[0] == "Level 1 work was 46% of new casework: information and advice."
    assert levels[1].startswith("Level 2 work was 33% of new casework: ")
    assert levels[2].startswith("Level 3 work was 15% of new casework: ")
    assert levels[3].startswith("Level 4 work was 6% of new casework: ")
    assert len(levels) == 4


def test_level_shares_against_last_year(categories):
    report = report_for(categories, _levels({1: 1, 2: 1}))
    published = PublishedTotals("2022-Q3", level_shares={1: 40.0, 2: 35.5})

    levels = write_commentary(report, published).intervention_levels

    assert levels[0].startswith("Level 1 work was 50% of new casework (40% in 2022-Q3): ")
    assert levels[1].startswith("Level 2 work was 50% of new casework (35.5% in 2022-Q3): ")
    assert levels[2] == "Level 3 work was 0% of new casework: continuing casework."


def test_levels_missing_explained(categories):
    report = report_for(categories, _levels({1: 3, None: 2}))

    levels = write_commentary(report).intervention_levels

    assert levels[0].startswith("Level 1 work was 100% of new casework")
    assert levels[-1] == (
        "2 new enquiries have no intervention level recorded, so the shares are of the "
        "enquiries that have one."
    )


def test_no_levels_recorded(categories):
    report = report_for(categories, _levels({None: 3}))

    levels = write_commentary(report).intervention_levels

    assert levels == ("No intervention level was recorded on the 3 new enquiries of 2023-Q3.",)


def test_no_levels_hidden_count_stays_hidden(categories):
    report = suppress_report(report_for(categories, _levels({None: 3})), 5)

    assert write_commentary(report).intervention_levels == ()


def test_waiting_by_month(categories):
    # Four enquiries in July: two first spoke to an advisor after 5 working
    # days, two on the day they arrived.
    enquiries = [new_enquiry(JULY, first_advisor_contact=date(2023, 7, 10)) for _ in range(2)]
    enquiries += [new_enquiry(JULY) for _ in range(2)]
    enquiries.append(new_enquiry(date(2023, 9, 4), first_advisor_contact=date(2023, 9, 11)))
    enquiries.append(new_enquiry(date(2023, 9, 5), first_advisor_contact=None))
    report = report_for(categories, enquiries)

    waiting = write_commentary(report).waiting_times

    assert waiting[0].startswith(
        "The service level agreement sets a response within 2-3 working days"
    )
    assert waiting[1] == (
        "In July, 2 of 4 new enquiries waited more than 3 working days, and the average "
        "wait was 2.5 working days, ranging from 0 to 5."
    )
    assert waiting[2] == "In August, no new enquiry needed an advisor."
    assert waiting[3] == (
        "In September, 1 new enquiry spoke to an advisor, after 5 working days, more than 3. "
        "1 more was still waiting to speak to an advisor."
    )
    assert waiting[4] == (
        "Across 2023-Q3, 3 of the 5 new enquiries that spoke to an advisor (60%) waited more "
        "than 3 working days, and the average wait was 3.0 working days. 1 more was still "
        "waiting to speak to an advisor."
    )


def test_waiting_within_service_level(categories):
    report = report_for(categories, [new_enquiry(JULY) for _ in range(3)])

    waiting = write_commentary(report).waiting_times

    assert waiting[1].startswith("In July, none of 3 new enquiries waited more than 3 working days")
    assert waiting[-1].startswith("Across 2023-Q3, none of the 3 new enquiries that spoke")


def test_waiting_none_needed_advisor(categories):
    report = report_for(categories, [new_enquiry(JULY, no_advisor_needed=True)])

    waiting = write_commentary(report).waiting_times

    assert waiting == (
        "No new enquiries needed an advisor in 2023-Q3, so there are no waiting times to report.",
    )


def test_suppressed_figures_left_out(categories):
    enquiries = _levels({1: 30, 2: 20, 3: 6, 4: 1})
    report = suppress_report(report_for(categories, enquiries), 5)
    shares = {row.label: row.values[1] for row in report.table("figure4_intervention_level").rows}
    assert shares["Level 4"] == SUPPRESSED

    commentary = write_commentary(report)

    assert [sentence[:7] for sentence in commentary.intervention_levels] == ["Level 1", "Level 2"]
    for sentence in commentary.sentences:
        assert SUPPRESSED not in sentence
