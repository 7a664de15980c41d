"""Synthetic service metrics for 2023 and published totals for 2020 to 2022, for the demo.

July to September 2023 reproduce the service metrics of the published Luton
SENDIAS summary for 2023-Q3: the top pages (Table 10), the accessibility
toolbar functions (Table 11), the translation languages and the Facebook
reach by month. The summary gives Table 10 and Table 11 as quarter totals
only, so they are split over the three months here. Everything else (website
totals, Instagram reach, top posts, the other months of 2023 and every
published total of 2020 to 2022) is invented, as ``docs/demo-data.md``
explains. The random choices come from one ``random.Random`` with a fixed
seed, so every run gives the same figures.
"""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date

from sendias_tui.domain.metrics import MonthlyMetrics, PublishedTotals, TopPost

SEED = 20231001
YEAR = 2023
Q3_MONTHS = (7, 8, 9)

Q3_TOP_PAGES = {
    "Landing page": 755,
    "Support for parents & carers - EHCP": 177,
    "Support for parents & carers": 151,
    "Support Groups": 137,
    "Contact Us": 128,
    "What We Do": 119,
    "Support for parents & carers - EHCNA": 119,
    "Support for children": 109,
    "Useful Information": 101,
    "Useful Information - EHCP": 99,
}
"""The published Table 10: views over the whole of 2023-Q3."""

OTHER_PAGES = {"Local Offer": 96, "Training and events": 74, "News": 58}
"""Invented pages with fewer views, so that Table 10 has pages to leave out."""

Q3_ACCESSIBILITY = {"Speech": 3, "Toolbar": 99, "Translate": 23, "Picture Dictate": 1}
"""The published Table 11: uses of each accessibility function over 2023-Q3."""

Q3_TRANSLATIONS = {9: {"Swahili": 1}}
"""The published translation chart (Swahili, 1 use), placed in September."""

Q3_FACEBOOK_REACH = {7: 429, 8: 1119, 9: 494}
"""The published Facebook total reach of each month."""

Q3_SPLIT = (0.31, 0.29, 0.40)
"""Invented share of each quarter total that falls in July, August and September."""

Q3_WEBSITE_VIEWS = {7: 2150, 8: 1830, 9: 2460}
Q3_INSTAGRAM_REACH = {7: 212, 8: 348, 9: 187}
Q3_TOP_POSTS = {
    7: (
        TopPost("Summer holiday activities for families", date(YEAR, 7, 14), 210),
        TopPost("Getting ready for the new school year", date(YEAR, 7, 25), 160),
    ),
    8: (
        TopPost("Exam results day: where to get advice", date(YEAR, 8, 24), 540),
        TopPost("Applying for SEND transport for September", date(YEAR, 8, 9), 310),
    ),
    9: (
        TopPost("Coffee morning for parents and carers", date(YEAR, 9, 13), 190),
        TopPost("EHC needs assessment webinar", date(YEAR, 9, 27), 150),
    ),
}
"""Invented top posts; none reaches more people than the page did that month."""

LANGUAGES = ("Urdu", "Polish", "Romanian", "Bengali", "Arabic")
POST_TITLES = (
    "Half-term activities near you",
    "Annual reviews explained",
    "Our drop-in sessions this month",
    "Support groups for parents and carers",
    "Preparing for adulthood: a short guide",
    "What SEN Support looks like in school",
)


def split(total: int, shares: tuple[float, ...]) -> list[int]:
    """Split ``total`` into whole parts in proportion to ``shares`` that add up to ``total`` exactly.

    Each part is rounded down, then the units still missing go one each to
    the largest remainders, the earlier part first when remainders are equal.
    """
    exact = [total * share / sum(shares) for share in shares]
    parts = [int(value) for value in exact]
    by_remainder = sorted(range(len(parts)), key=lambda index: -(exact[index] - parts[index]))
    for index in by_remainder[: total - sum(parts)]:
        parts[index] += 1
    return parts


def demo_metrics() -> list[MonthlyMetrics]:
    """Build the demo's metrics for every month of 2023, oldest first."""
    rng = random.Random(SEED)
    months = []
    for month in range(1, 13):
        if month in Q3_MONTHS:
            months.append(_published_month(month))
        else:
            months.append(_plausible_month(month, rng))
    return months


def _split_by_month(totals: dict[str, int]) -> dict[int, dict[str, int]]:
    by_month: dict[int, dict[str, int]] = {month: {} for month in Q3_MONTHS}
    for name, total in totals.items():
        for month, part in zip(Q3_MONTHS, split(total, Q3_SPLIT), strict=True):
            by_month[month][name] = part
    return by_month


def _published_month(month: int) -> MonthlyMetrics:
    """Build a month of 2023-Q3 whose quarter totals are the published ones."""
    pages = _split_by_month({**Q3_TOP_PAGES, **OTHER_PAGES})[month]
    ranked = sorted(pages.items(), key=lambda item: (-item[1], item[0]))
    return MonthlyMetrics(
        year=YEAR,
        month=month,
        website_views=Q3_WEBSITE_VIEWS[month],
        top_pages=tuple(ranked),
        accessibility=_split_by_month(Q3_ACCESSIBILITY)[month],
        translations=dict(Q3_TRANSLATIONS.get(month, {})),
        facebook_reach=Q3_FACEBOOK_REACH[month],
        instagram_reach=Q3_INSTAGRAM_REACH[month],
        top_posts=Q3_TOP_POSTS[month],
    )


def _plausible_month(month: int, rng: random.Random) -> MonthlyMetrics:
    """Draw a month outside 2023-Q3 at random, in the range of the Q3 figures."""
    website_views = rng.randint(1500, 2600)
    pages = {**Q3_TOP_PAGES, **OTHER_PAGES}
    top_pages = {name: max(1, round(total / 3 * rng.uniform(0.7, 1.3))) for name, total in pages.items()}
    ranked = sorted(top_pages.items(), key=lambda item: (-item[1], item[0]))
    accessibility = {name: rng.randint(0, max(1, total // 2)) for name, total in Q3_ACCESSIBILITY.items()}
    translations = {language: rng.randint(1, 3) for language in rng.sample(LANGUAGES, rng.randint(0, 2))}
    facebook_reach = rng.randint(350, 1200)
    posts = tuple(
        TopPost(title, date(YEAR, month, rng.randint(1, 28)), rng.randint(80, facebook_reach // 2))
        for title in rng.sample(POST_TITLES, 2)
    )
    return MonthlyMetrics(
        year=YEAR,
        month=month,
        website_views=website_views,
        top_pages=tuple(ranked),
        accessibility=accessibility,
        translations=translations,
        facebook_reach=facebook_reach,
        instagram_reach=rng.randint(120, 400),
        top_posts=posts,
    )


PUBLISHED_TOTALS = (
    # The Facebook page started in February 2021 and Instagram in April 2021,
    # so 2020 has no reach and early 2021 only Facebook's.
    PublishedTotals("2020-Q1", 96, 181, {1: 52, 2: 29, 3: 14, 4: 5}, 1420, None, None),
    PublishedTotals("2020-Q2", 71, 158, {1: 55, 2: 28, 3: 13, 4: 4}, 1690, None, None),
    PublishedTotals("2020-Q3", 84, 172, {1: 51, 2: 30, 3: 14, 4: 5}, 1540, None, None),
    PublishedTotals("2020-Q4", 92, 186, {1: 50, 2: 31, 3: 14, 4: 5}, 1480, None, None),
    PublishedTotals("2021-Q1", 99, 193, {1: 49, 2: 31, 3: 15, 4: 5}, 1610, 640, None),
    PublishedTotals("2021-Q2", 104, 201, {1: 48, 2: 32, 3: 15, 4: 5}, 1660, 1180, 260),
    PublishedTotals("2021-Q3", 112, 214, {1: 48, 2: 31, 3: 15, 4: 6}, 1720, 1390, 410),
    PublishedTotals("2021-Q4", 108, 209, {1: 47, 2: 32, 3: 15, 4: 6}, 1650, 1460, 450),
    PublishedTotals("2022-Q1", 115, 221, {1: 47, 2: 32, 3: 15, 4: 6}, 1780, 1620, 520),
    PublishedTotals("2022-Q2", 119, 228, {1: 46, 2: 33, 3: 15, 4: 6}, 1830, 1710, 560),
    PublishedTotals("2022-Q3", 126, 240, {1: 45, 2: 34, 3: 15, 4: 6}, 1905, 1840, 600),
    PublishedTotals("2022-Q4", 121, 236, {1: 46, 2: 33, 3: 15, 4: 6}, 1870, 1790, 590),
)
"""Invented totals for every quarter of 2020 to 2022, as if copied from earlier reports."""


def demo_published_totals() -> list[PublishedTotals]:
    """Return the demo's published totals of 2020 to 2022, oldest first."""
    # Copies, so a caller changing a dict of shares cannot change the demo.
    return [replace(totals, level_shares=dict(totals.level_shares)) for totals in PUBLISHED_TOTALS]
