"""Tables 10 and 11 and the monthly charts, from a quarter's service metrics.

Website, accessibility toolbar and social media figures are typed in once a
month (``MonthlyMetrics``). These functions turn the months of one quarter
into the report's top pages table, its accessibility table and the charts of
website views, translation languages, Facebook posts and reach, and
Instagram reach. Metrics of other months are ignored, so callers can pass
everything they hold.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from datetime import date

from sendias_tui.domain.categories import Categories, CategoryList, normalise_name
from sendias_tui.domain.metrics import MonthlyMetrics, TopPost
from sendias_tui.domain.quarters import Quarter
from sendias_tui.report.charts import ChartKind, ChartSpec, Series
from sendias_tui.report.counting import count_categories
from sendias_tui.report.model import ReportRow, ReportTable
from sendias_tui.report.waiting import MONTH_NAMES

TOP_PAGES_KEY = "table10_top_pages"
ACCESSIBILITY_KEY = "table11_accessibility"
WEBSITE_VIEWS_KEY = "figure5_website_views"
TOP_POSTS_KEY = "figure7_facebook_top_posts"
FACEBOOK_REACH_KEY = "figure8_facebook_reach"
INSTAGRAM_REACH_KEY = "figure10_instagram_reach"
TRANSLATION_KEY = "figure_translation_languages"

TRANSLATION_NUMBER = "Figure 7"
"""The published summary numbered the translation chart "Figure 8", the same
number as the Facebook reach chart. Here every chart has the number of its
place in the document's reading order, so the screen and the written report
agree; ``build_document`` renumbers in that order anyway."""

TOP_PAGES = 10
"""Pages shown in Table 10 unless the caller asks for another number."""
TOP_POSTS = 5
"""Posts shown in Figure 8 unless the caller asks for another number."""


def quarter_months(quarter: Quarter, metrics: Iterable[MonthlyMetrics]) -> list[MonthlyMetrics | None]:
    """Return the metrics of each month of ``quarter`` in order, None for a month without any.

    When several records exist for one month, the last one given wins; the
    store keeps one per month, so this happens only with hand-built lists.
    """
    by_month = {item.month_key: item for item in metrics}
    return [by_month.get(month) for month in quarter.months]


def _month_label(year_month: tuple[int, int]) -> str:
    return MONTH_NAMES[year_month[1] - 1]


def _month_year(year_month: tuple[int, int]) -> str:
    year, month = year_month
    return f"{date(year, month, 1):%B %Y}"


def _missing_note(
    quarter: Quarter,
    months: Sequence[MonthlyMetrics | None],
    has_figures: Callable[[MonthlyMetrics], bool],
    words: str,
) -> str | None:
    """Say which months of the quarter have no figures of one kind, or None when all have."""
    missing = [
        _month_year(year_month)
        for year_month, item in zip(quarter.months, months, strict=True)
        if item is None or not has_figures(item)
    ]
    if not missing:
        return None
    listed = missing[0] if len(missing) == 1 else f"{', '.join(missing[:-1])} and {missing[-1]}"
    return f"No {words} were entered for {listed}; the figures cover the other months."


def top_pages_table(
    quarter: Quarter, metrics: Iterable[MonthlyMetrics], *, limit: int = TOP_PAGES
) -> ReportTable:
    """Build Table 10: the most viewed pages over the quarter.

    A page's views are added up across the months, matching names without
    regard to case or spacing, and the most viewed ``limit`` pages are
    listed. Equal views are ordered by page name, so the order never depends
    on the order of entry.
    """
    months = quarter_months(quarter, metrics)
    views: Counter[str] = Counter()
    spelling: dict[str, str] = {}
    for item in months:
        for name, count in item.top_pages if item else ():
            key = normalise_name(name)
            # The first spelling met is the one shown.
            spelling.setdefault(key, " ".join(name.split()))
            views[key] += count
    ranked = sorted(views, key=lambda key: (-views[key], spelling[key].casefold(), spelling[key]))
    shown = ranked[:limit]

    notes = [
        "A page's views are added up over the months in which it was among the most "
        "viewed; a month where it was not listed adds nothing."
    ]
    if len(ranked) > limit:
        others = len(ranked) - limit
        noun = "page" if others == 1 else "pages"
        notes.append(f"{others} other {noun} with fewer views are not shown.")
    missing = _missing_note(quarter, months, lambda item: bool(item.top_pages), "most viewed pages")
    if missing:
        notes.append(missing)
    return ReportTable(
        key=TOP_PAGES_KEY,
        number="Table 10",
        title=f"Most viewed pages of the website, {quarter.code}",
        columns=("Page", "Views"),
        rows=tuple(ReportRow(spelling[key], (views[key],)) for key in shown),
        notes=tuple(notes),
    )


def accessibility_table(
    quarter: Quarter, metrics: Iterable[MonthlyMetrics], functions: CategoryList
) -> ReportTable:
    """Build Table 11: uses of the accessibility toolbar by function, with a total.

    Functions follow the configured order with zeros included, as the other
    category tables do.
    """
    months = quarter_months(quarter, metrics)
    uses: Counter[str | None] = Counter()
    for item in months:
        for name, count in item.accessibility.items() if item else ():
            uses[name] += count
    counted = count_categories(functions, uses)
    notes = []
    if counted.unlisted:
        listed = ", ".join(f"'{name}'" for name in counted.unlisted)
        notes.append(f"Not in the current accessibility function list: {listed}.")
    missing = _missing_note(
        quarter, months, lambda item: bool(item.accessibility), "accessibility toolbar figures"
    )
    if missing:
        notes.append(missing)
    return ReportTable(
        key=ACCESSIBILITY_KEY,
        number="Table 11",
        title=f"Uses of the accessibility toolbar by function, {quarter.code}",
        columns=("Accessibility function", "Uses"),
        rows=counted.rows,
        total=counted.total,
        notes=tuple(notes),
    )


def _monthly_chart(
    quarter: Quarter,
    metrics: Iterable[MonthlyMetrics],
    *,
    field: str,
    key: str,
    number: str,
    title: str,
    value_label: str,
) -> ChartSpec:
    """Chart one monthly figure across the quarter's months; a month without it has no value."""
    months = quarter_months(quarter, metrics)
    values = tuple(getattr(item, field) if item else None for item in months)
    return ChartSpec(
        key=key,
        number=number,
        title=f"{title}, {quarter.code}",
        kind=ChartKind.BAR,
        categories=tuple(_month_label(month) for month in quarter.months),
        series=(Series(value_label, values),),
        category_label="Month",
        value_label=value_label,
    )


def website_views_chart(quarter: Quarter, metrics: Iterable[MonthlyMetrics]) -> ChartSpec:
    """Build Figure 5: page views of the whole website in each month."""
    return _monthly_chart(
        quarter, metrics, field="website_views", key=WEBSITE_VIEWS_KEY, number="Figure 5",
        title="Website page views by month", value_label="Page views",
    )  # fmt: skip


def facebook_reach_chart(quarter: Quarter, metrics: Iterable[MonthlyMetrics]) -> ChartSpec:
    """Build Figure 9: the Facebook page's total reach in each month."""
    return _monthly_chart(
        quarter, metrics, field="facebook_reach", key=FACEBOOK_REACH_KEY, number="Figure 9",
        title="Facebook total reach by month", value_label="Reach",
    )  # fmt: skip


def instagram_reach_chart(quarter: Quarter, metrics: Iterable[MonthlyMetrics]) -> ChartSpec:
    """Build Figure 11: the Instagram account's total reach in each month."""
    return _monthly_chart(
        quarter, metrics, field="instagram_reach", key=INSTAGRAM_REACH_KEY, number="Figure 11",
        title="Instagram total reach by month", value_label="Reach",
    )  # fmt: skip


def translation_chart(quarter: Quarter, metrics: Iterable[MonthlyMetrics]) -> ChartSpec:
    """Build the chart of languages chosen in the website's translation feature.

    Uses are added up over the quarter, and the languages are ordered from
    the most used, then by name.
    """
    uses: Counter[str] = Counter()
    spelling: dict[str, str] = {}
    for item in quarter_months(quarter, metrics):
        for name, count in item.translations.items() if item else ():
            key = normalise_name(name)
            spelling.setdefault(key, " ".join(name.split()))
            uses[key] += count
    ranked = sorted(uses, key=lambda key: (-uses[key], spelling[key].casefold(), spelling[key]))
    return ChartSpec(
        key=TRANSLATION_KEY,
        number=TRANSLATION_NUMBER,
        title=f"Languages chosen in the website's translation feature, {quarter.code}",
        kind=ChartKind.BAR,
        categories=tuple(spelling[key] for key in ranked),
        series=(Series("Uses", tuple(uses[key] for key in ranked)),),
        category_label="Language",
        value_label="Uses",
    )


def top_posts_chart(
    quarter: Quarter, metrics: Iterable[MonthlyMetrics], *, limit: int = TOP_POSTS
) -> ChartSpec:
    """Build Figure 8: the Facebook posts of the quarter that reached the most people.

    Posts are ordered by reach, then by date and title. A title that two
    listed posts share is followed by its date, so every bar has its own label.
    """
    posts: list[TopPost] = [
        post for item in quarter_months(quarter, metrics) if item for post in item.top_posts
    ]
    posts.sort(key=lambda post: (-post.reach, post.posted_on, post.title))
    shown = posts[:limit]
    titles = Counter(normalise_name(post.title) for post in shown)
    labels = tuple(
        f"{post.title} ({post.posted_on:%d/%m/%Y})" if titles[normalise_name(post.title)] > 1 else post.title
        for post in shown
    )
    return ChartSpec(
        key=TOP_POSTS_KEY,
        number="Figure 8",
        title=f"Facebook posts with the greatest reach, {quarter.code}",
        kind=ChartKind.BAR,
        categories=labels,
        series=(Series("Reach", tuple(post.reach for post in shown)),),
        category_label="Post",
        value_label="Reach",
    )


def metrics_tables(
    quarter: Quarter, metrics: Iterable[MonthlyMetrics], categories: Categories
) -> list[ReportTable]:
    """Build Tables 10 and 11 for the quarter, leaving out each one no month has figures for.

    The document leaves out a section whose tables and figures are all
    missing, so a service that enters no metrics gets no empty website section.
    """
    months = [item for item in quarter_months(quarter, metrics) if item]
    tables = []
    if any(item.top_pages for item in months):
        tables.append(top_pages_table(quarter, months))
    if any(item.accessibility for item in months):
        tables.append(accessibility_table(quarter, months, categories.accessibility_function))
    return tables


def metrics_charts(quarter: Quarter, metrics: Iterable[MonthlyMetrics]) -> list[ChartSpec]:
    """Build the monthly metrics charts for the quarter, leaving out those without any figures.

    Returns:
        Figures 5, the translation chart, 7, 8 and 10, in report order, each
        only when at least one month of the quarter has a figure for it.
    """
    months = [item for item in quarter_months(quarter, metrics) if item]
    charts = []
    if any(item.website_views is not None for item in months):
        charts.append(website_views_chart(quarter, months))
    if any(item.translations for item in months):
        charts.append(translation_chart(quarter, months))
    if any(item.top_posts for item in months):
        charts.append(top_posts_chart(quarter, months))
    if any(item.facebook_reach is not None for item in months):
        charts.append(facebook_reach_chart(quarter, months))
    if any(item.instagram_reach is not None for item in months):
        charts.append(instagram_reach_chart(quarter, months))
    return charts
