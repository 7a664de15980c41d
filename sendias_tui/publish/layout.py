"""The order of the published quarterly summary: sections, and the tables and figures in each.

Each slot names the key of a report table or chart and the sentence that
introduces it. The sentence is a template with ``{number}`` (the number the
document assigns, such as "Table 2") and ``{code}`` (the quarter, such as
"2023-Q3"), so the text always points at the right table of the right quarter.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from sendias_tui.report.figures import INTERVENTION_LEVEL_KEY


class SlotKind(StrEnum):
    """Whether a slot contains a numbered table or a numbered figure."""

    TABLE = "table"
    FIGURE = "figure"


@dataclass(frozen=True)
class Slot:
    """A place for one table or figure in the document."""

    key: str
    """The ``ReportTable`` or ``ChartSpec`` key that fills the slot."""
    kind: SlotKind
    intro: str
    """Template of the sentence before the caption; see the module docstring."""


@dataclass(frozen=True)
class Section:
    """A titled part of the document; left out when none of its slots is filled."""

    heading: str
    slots: tuple[Slot, ...]
    intro: str = ""
    """Sentence before the section's first table or figure; may contain ``{code}``."""


def _table(key: str, intro: str) -> Slot:
    return Slot(key, SlotKind.TABLE, intro)


def _figure(key: str, intro: str) -> Slot:
    return Slot(key, SlotKind.FIGURE, intro)


WHO_USES_THE_SERVICE = Section(
    "Who is using the service?",
    (
        _table(
            "table1_enquiries",
            "{number} shows the enquiries the service responded to in {code}, month by "
            "month, and the calls and emails it passed on to other services.",
        ),
        _figure(
            "figure1_enquiries_by_year",
            "{number} compares new and existing enquiries with the same quarter of earlier years.",
        ),
        _figure(
            "figure2_age_group",
            "{number} shows the age group of the child or young person for each new enquiry.",
        ),
        _table(
            "table2_main_sen",
            "{number} shows the main special educational need or disability of each new "
            "enquiry, as the service user describes it. Additional needs are recorded too "
            "but are not counted here.",
        ),
        _table(
            "table3_ethnicity",
            "{number} shows new enquiries by the ethnic group that service users identify with.",
        ),
        _figure("figure3_gender", "{number} shows new enquiries by gender."),
        _table(
            "table4_referral_source",
            "{number} shows how the service users who made a new enquiry heard about the service.",
        ),
        _table(
            "table5_waiting_times",
            "{number} shows how long new enquirers waited to speak to a trained SENDIAS "
            "advisor, in working days (Monday to Friday, not counting bank holidays in "
            "England). The service level agreement is a response within 2 to 3 working "
            "days. Enquiries that needed no advisor are left out.",
        ),
        _table("table6_postal_district", "{number} shows new enquiries by postal district."),
    ),
)

SUPPORT_REQUIRED = Section(
    "What type of support is required?",
    (
        _figure(INTERVENTION_LEVEL_KEY, "{number} shows each level's share of new enquiries."),
        _table(
            "table7_contacts",
            "{number} shows the contacts the service made, by method, on new and existing "
            "casework.",
        ),
        _table(
            "table8_reasons_ehcp",
            "{number} shows the reasons for new enquiries about a child or young person "
            "with an EHC plan. An enquiry can give several reasons.",
        ),
        _table(
            "table9_reasons_no_ehcp",
            "{number} shows the reasons for new enquiries about a child or young person "
            "without an EHC plan. An enquiry can give several reasons.",
        ),
    ),
    intro=(
        "Each new enquiry is given one of four intervention levels, following the "
        "national IASS guidance, so that the demand for each type of support can be "
        "monitored locally and regionally. Appendix A defines the levels in full."
    ),
)

WEBSITE = Section(
    "The service's website",
    (
        _figure(
            "figure5_website_views",
            "{number} shows the page views of the service's website in each month of {code}.",
        ),
        _figure(
            "figure6_website_views_by_year",
            "{number} compares the average monthly page views with the same quarter of "
            "earlier years.",
        ),
        _table("table10_top_pages", "{number} lists the most viewed pages of the website."),
        _table(
            "table11_accessibility",
            "{number} shows how often each function of the website's accessibility toolbar "
            "was used.",
        ),
        _figure(
            "figure_translation_languages",
            "{number} shows the languages that visitors chose in the website's translation "
            "feature.",
        ),
    ),
)

SOCIAL_MEDIA = Section(
    "Social media",
    (
        _figure(
            "figure7_facebook_top_posts",
            "{number} shows the Facebook posts that reached the most people in {code}.",
        ),
        _figure(
            "figure8_facebook_reach",
            "{number} shows the total reach of the service's Facebook page in each month.",
        ),
        _figure(
            "figure9_facebook_reach_by_year",
            "{number} compares the average monthly Facebook reach with the same quarter of "
            "earlier years.",
        ),
        _figure(
            "figure10_instagram_reach",
            "{number} shows the total reach of the service's Instagram account in each month.",
        ),
        _figure(
            "figure11_instagram_reach_by_year",
            "{number} compares the average monthly Instagram reach with the same quarter of "
            "earlier years.",
        ),
    ),
)

SECTIONS = (WHO_USES_THE_SERVICE, SUPPORT_REQUIRED, WEBSITE, SOCIAL_MEDIA)
"""Every section in the published order."""

TABLE_KEYS = frozenset(
    slot.key for section in SECTIONS for slot in section.slots if slot.kind is SlotKind.TABLE
)
FIGURE_KEYS = frozenset(
    slot.key for section in SECTIONS for slot in section.slots if slot.kind is SlotKind.FIGURE
)
