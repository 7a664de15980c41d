"""A small synthetic 2023-Q3 report and document for the publishing tests."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from report_records import Q3_2023, existing_enquiry, new_enquiry, report_for

from sendias_tui.domain.categories import Categories
from sendias_tui.domain.enquiry import RedirectedCall, RedirectKind
from sendias_tui.publish.document import Document, build_document
from sendias_tui.report.charts import ChartKind, ChartSpec, Series
from sendias_tui.report.model import QuarterReport, ReportRow, ReportTable

MARKUP_NAME = "<b>x</b>"
"""A main SEN value that HTML and Markdown would read as markup if not escaped."""
FORMULA_NAME = "=1+2"
"""A referral source that a spreadsheet would read as a formula if not stored as text."""
PIPE_NAME = "Speech|Language"
"""A main SEN value that would split a Markdown table cell if not escaped."""


def sample_report(categories: Categories) -> QuarterReport:
    """Build a 2023-Q3 report from a handful of synthetic enquiries.

    Two values are not in the category lists, so they keep their own rows:
    one looks like HTML and one like a spreadsheet formula.
    """
    enquiries = [
        new_enquiry(date(2023, 7, 3), age_group="Under 5", intervention_level=1),
        new_enquiry(date(2023, 7, 4), main_sen=MARKUP_NAME, intervention_level=1),
        new_enquiry(date(2023, 8, 7), referral_source=FORMULA_NAME, intervention_level=2),
        new_enquiry(date(2023, 8, 8), main_sen=PIPE_NAME, gender="Male", intervention_level=3),
        new_enquiry(
            date(2023, 9, 11), ehcp=True, reasons=("Transport",), intervention_level=4,
            first_advisor_contact=date(2023, 9, 18),
        ),
        existing_enquiry(date(2023, 9, 12)),
        # Outside the quarter, so it must not count.
        new_enquiry(date(2023, 6, 30), main_sen="Dyslexia"),
    ]  # fmt: skip
    redirects = [RedirectedCall(date(2023, 7, 5), RedirectKind.SENAT, 3)]
    return report_for(categories, enquiries, redirects, quarter=Q3_2023)


def metrics_tables() -> list[ReportTable]:
    """Return hand-built Tables 10 and 11, as the service metrics code would give them."""
    top_pages = ReportTable(
        key="table10_top_pages",
        number="Table 10",
        title="Most viewed pages of the website, 2023-Q3",
        columns=("Page", "Views"),
        rows=(ReportRow("Landing page", (755,)), ReportRow("Contact Us", (128,))),
    )
    accessibility = ReportTable(
        key="table11_accessibility",
        number="Table 11",
        title="Uses of the accessibility toolbar by function, 2023-Q3",
        columns=("Function", "Uses"),
        rows=(ReportRow("Speech", (3,)), ReportRow("Toolbar", (99,))),
        total=ReportRow("Total", (102,)),
    )
    return [top_pages, accessibility]


def _chart(key: str, number: str, title: str, categories: tuple[str, ...],
           values: tuple[int, ...], kind: ChartKind = ChartKind.BAR) -> ChartSpec:
    return ChartSpec(
        key=key, number=number, title=title, kind=kind, categories=categories,
        series=(Series("Value", values),), category_label="Month", value_label="Value",
    )  # fmt: skip


def metrics_charts() -> list[ChartSpec]:
    """Return year-on-year and metrics charts, numbered as the published summary numbered them.

    The published summary numbered both the translation chart and the Facebook
    reach chart "Figure 8"; the document must give them different numbers.
    """
    months = ("July", "August", "September")
    return [
        _chart(
            "figure1_enquiries_by_year", "Figure 1",
            "New and existing enquiries in quarter 3, 2020 to 2023",
            ("2020", "2021", "2022", "2023"), (120, 130, 125, 5),
        ),
        _chart("figure5_website_views", "Figure 5", "Website page views by month", months,
               (2100, 1900, 2500), ChartKind.LINE),
        _chart("figure_translation_languages", "Figure 8", "Languages chosen for translation",
               ("Swahili",), (1,)),
        _chart("figure8_facebook_reach", "Figure 8", "Facebook total reach by month", months,
               (429, 1119, 494)),
    ]  # fmt: skip


def full_document(categories: Categories) -> Document:
    """Build the sample document with metrics, commentary and a suppression note."""
    return build_document(
        sample_report(categories),
        commentary=["New enquiries fell against the same quarter of 2022."],
        charts=metrics_charts(),
        extra_tables=metrics_tables(),
        suppression_note="Counts from 1 to 4 are shown as [c] to protect privacy.",
    )


HIDDEN = "*"
"""The marker a suppressed report shows in place of a small count."""


def hidden_gender_document(categories: Categories) -> Document:
    """Build the sample document with every gender count hidden, as disclosure control would."""
    report = sample_report(categories)
    gender = report.table("figure3_gender")
    hidden = replace(
        gender,
        rows=tuple(ReportRow(row.label, (HIDDEN,)) for row in gender.rows),
        total=ReportRow("Total", (HIDDEN,)),
    )
    tables = tuple(hidden if table.key == gender.key else table for table in report.tables)
    return build_document(replace(report, tables=tables))
