"""Convert monthly metrics and published totals to and from the JSON documents stored in the data file.

Each month and each quarter has a fixed document id made from its date, so
saving a month or quarter again replaces its document instead of adding one.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sendias_tui.domain.metrics import MonthlyMetrics, PublishedTotals, TopPost
from sendias_tui.domain.quarters import Quarter, QuarterScheme


def metrics_id(year: int, month: int) -> int:
    """Return the document id of a month, such as 202307 for July 2023."""
    return year * 100 + month


def published_totals_id(code: str, scheme: QuarterScheme = QuarterScheme.CALENDAR) -> int:
    """Return the document id of a quarter code, such as 20213 for calendar ``2021-Q3``.

    The id is that of the calendar quarter covering the same months, so the
    totals of those months have one document whichever scheme named them
    (financial ``2021-Q2``, July to September 2021, is also 20213).

    Raises:
        QuarterError: the code does not name a quarter.
    """
    quarter = Quarter.containing(Quarter.parse(code, scheme).start)
    return quarter.year * 10 + quarter.number


def metrics_to_document(metrics: MonthlyMetrics) -> dict[str, Any]:
    """Return the stored form of one month's metrics."""
    return {
        "year": metrics.year,
        "month": metrics.month,
        "website_views": metrics.website_views,
        "top_pages": [[name, views] for name, views in metrics.top_pages],
        "accessibility": dict(metrics.accessibility),
        "translations": dict(metrics.translations),
        "facebook_reach": metrics.facebook_reach,
        "instagram_reach": metrics.instagram_reach,
        "top_posts": [
            {"title": post.title, "posted_on": post.posted_on.isoformat(), "reach": post.reach}
            for post in metrics.top_posts
        ],
    }


def metrics_from_document(document: dict[str, Any], document_id: int) -> MonthlyMetrics:
    """Rebuild one month's metrics from its stored form.

    Raises:
        KeyError, TypeError, ValueError: the document is damaged.
    """
    return MonthlyMetrics(
        year=int(document["year"]),
        month=int(document["month"]),
        website_views=document.get("website_views"),
        top_pages=tuple((str(name), int(views)) for name, views in document.get("top_pages", [])),
        accessibility={str(name): int(uses) for name, uses in document.get("accessibility", {}).items()},
        translations={str(name): int(uses) for name, uses in document.get("translations", {}).items()},
        facebook_reach=document.get("facebook_reach"),
        instagram_reach=document.get("instagram_reach"),
        top_posts=tuple(
            TopPost(str(post["title"]), date.fromisoformat(post["posted_on"]), int(post["reach"]))
            for post in document.get("top_posts", [])
        ),
        id=document_id,
    )


def published_totals_to_document(totals: PublishedTotals) -> dict[str, Any]:
    """Return the stored form of one quarter's published totals."""
    return {
        "quarter": totals.quarter,
        "new_enquiries": totals.new_enquiries,
        "existing_enquiries": totals.existing_enquiries,
        # JSON object keys are text, so the levels are stored as "1" to "4".
        "level_shares": {str(level): share for level, share in totals.level_shares.items()},
        "average_monthly_website_views": totals.average_monthly_website_views,
        "facebook_reach": totals.facebook_reach,
        "instagram_reach": totals.instagram_reach,
        "scheme": totals.scheme.value,
    }


def published_totals_from_document(document: dict[str, Any], document_id: int) -> PublishedTotals:
    """Rebuild one quarter's published totals from its stored form.

    Raises:
        KeyError, TypeError, ValueError: the document is damaged.
    """
    return PublishedTotals(
        quarter=str(document["quarter"]),
        new_enquiries=document.get("new_enquiries"),
        existing_enquiries=document.get("existing_enquiries"),
        level_shares={int(level): share for level, share in document.get("level_shares", {}).items()},
        average_monthly_website_views=document.get("average_monthly_website_views"),
        facebook_reach=document.get("facebook_reach"),
        instagram_reach=document.get("instagram_reach"),
        # Documents saved before the scheme was recorded were all calendar quarters.
        scheme=QuarterScheme(document.get("scheme", QuarterScheme.CALENDAR.value)),
        id=document_id,
    )

