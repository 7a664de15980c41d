"""Turn what a manager typed on the monthly metrics screen into ``MonthlyMetrics``.

The screen only reads and writes widgets. Parsing happens here and the rules
in ``domain.metrics_validation``, which the CSV import shares, so the screen
and the import reject the same values with the same words.

Each problem carries a form key that names the input to mark:
``website_views``, ``top_pages.2.count``, ``accessibility.Speech``,
``top_posts.0.posted_on`` and so on. Row numbers count from 0.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from sendias_tui.domain.categories import CategoryList, normalise_name
from sendias_tui.domain.metrics import MonthlyMetrics, TopPost
from sendias_tui.domain.metrics_validation import (
    FIRST_YEAR,
    MetricsFieldError,
    clean_name,
    month_code,
    normalise_metrics,
)
from sendias_tui.domain.parsing import DATE_HELP, parse_count, parse_date
from sendias_tui.domain.validation import FieldError
from sendias_tui.form_values import format_date

TOTAL_FIELDS = ("website_views", "facebook_reach", "instagram_reach")
"""Monthly totals typed as one count each."""
NAMED_COUNT_WORDS = {"top_pages": ("page", "views"), "translations": ("language", "uses")}
"""For each list of (name, count) rows: what a name is and what its count counts."""


@dataclass(frozen=True)
class FormProblem:
    """One rejected value and the form key of the input that contains it."""

    key: str
    error: FieldError

    def __str__(self) -> str:
        return str(self.error)


@dataclass(frozen=True)
class NamedCountText:
    """One row of a (name, count) list as typed, such as a page and its views."""

    name: str = ""
    count: str = ""

    @property
    def is_blank(self) -> bool:
        return not self.name.strip() and not self.count.strip()


@dataclass(frozen=True)
class PostText:
    """One top post as typed."""

    title: str = ""
    posted_on: str = ""
    reach: str = ""

    @property
    def is_blank(self) -> bool:
        return not (self.title.strip() or self.posted_on.strip() or self.reach.strip())


@dataclass(frozen=True)
class MetricsFormValues:
    """The metrics screen's content as typed: every figure is still text.

    An empty text means the figure was not entered.
    """

    website_views: str = ""
    top_pages: tuple[NamedCountText, ...] = ()
    accessibility: dict[str, str] = field(default_factory=dict)
    """Count text per accessibility function name."""
    translations: tuple[NamedCountText, ...] = ()
    facebook_reach: str = ""
    instagram_reach: str = ""
    top_posts: tuple[PostText, ...] = ()

    @property
    def is_blank(self) -> bool:
        """Return True when no figure at all was entered."""
        return (
            not any(getattr(self, name).strip() for name in TOTAL_FIELDS)
            and all(row.is_blank for row in (*self.top_pages, *self.translations))
            and not any(text.strip() for text in self.accessibility.values())
            and all(post.is_blank for post in self.top_posts)
        )


MONTH_HELP = "a month such as 10/2023 or 2023-10"


def parse_month(text: str, *, today: date) -> tuple[int, int]:
    """Read a month typed as ``10/2023`` or ``2023-10`` into (year, month).

    Raises:
        ValueError: the text is not such a month, or the month is before
            2000 or has not started by ``today``. The message names what is allowed.
    """
    stripped = text.strip()
    first, separator, second = stripped.partition("/") if "/" in stripped else stripped.partition("-")
    if separator == "/":
        month_text, year_text = first.strip(), second.strip()
    else:
        year_text, month_text = first.strip(), second.strip()
    readable = (
        separator
        and len(year_text) == 4
        and _is_ascii_number(year_text)
        and _is_ascii_number(month_text)
        and 1 <= int(month_text) <= 12
    )
    if not readable:
        raise ValueError(f"'{stripped}' is not a month: expected {MONTH_HELP}")
    year, month = int(year_text), int(month_text)
    if year < FIRST_YEAR:
        raise ValueError(f"'{stripped}' is before {FIRST_YEAR}: expected a month from 01/{FIRST_YEAR} on")
    if (year, month) > (today.year, today.month):
        raise ValueError(
            f"{month_code(year, month)} has not started yet: expected a month up to "
            f"{month_code(today.year, today.month)}"
        )
    return year, month


def _is_ascii_number(text: str) -> bool:
    return text.isascii() and text.isdigit()


def accessibility_names(functions: CategoryList, metrics: MonthlyMetrics | None) -> list[str]:
    """Return the functions to give an input: the offered ones, then any others ``metrics`` uses."""
    names = list(functions.active_names)
    known = {normalise_name(name) for name in names}
    for name in metrics.accessibility if metrics else ():
        if normalise_name(name) not in known:
            names.append(name)
            known.add(normalise_name(name))
    return names


def values_from_metrics(metrics: MonthlyMetrics | None, function_names: Iterable[str]) -> MetricsFormValues:
    """Return the form values that show a saved month, or an empty form for None."""

    def text(value: int | None) -> str:
        return "" if value is None else str(value)

    saved = metrics or MonthlyMetrics(year=2000, month=1)
    uses = {normalise_name(name): count for name, count in saved.accessibility.items()}
    return MetricsFormValues(
        website_views=text(saved.website_views),
        top_pages=tuple(NamedCountText(name, str(views)) for name, views in saved.top_pages),
        accessibility={name: text(uses.get(normalise_name(name))) for name in function_names},
        translations=tuple(NamedCountText(name, str(count)) for name, count in saved.translations.items()),
        facebook_reach=text(saved.facebook_reach),
        instagram_reach=text(saved.instagram_reach),
        top_posts=tuple(
            PostText(post.title, format_date(post.posted_on), str(post.reach)) for post in saved.top_posts
        ),
    )


def _error(field_name: str, value: str, message: str, *, entry: str = "", part: str = "") -> FieldError:
    return MetricsFieldError(field_name, value, message, entry, part)


class _Parser:
    """Parse typed text, collecting a problem for each value that cannot be read."""

    def __init__(self) -> None:
        self.problems: list[FormProblem] = []

    def count(
        self, key: str, field_name: str, text: str, *, required: str = "", entry: str = ""
    ) -> int | None:
        """Return the count in ``text``, or None when it is empty or after recording why it is rejected.

        Args:
            required: the missing-value message for a text that may not be
                empty; empty text is allowed when this is empty.
        """
        if not text.strip():
            if required:
                self.problems.append(
                    FormProblem(key, _error(field_name, "", required, entry=entry, part="count"))
                )
            return None
        try:
            return parse_count(text)
        except ValueError as error:
            self.problems.append(
                FormProblem(key, _error(field_name, text.strip(), str(error), entry=entry, part="count"))
            )
            return None


def build_metrics(
    year: int,
    month: int,
    values: MetricsFormValues,
    functions: CategoryList,
    *,
    today: date,
) -> tuple[MonthlyMetrics | None, list[FormProblem]]:
    """Parse and validate one month's typed figures with the rules the CSV import uses.

    Every problem is reported at once, so an unreadable count does not hide a
    post dated in the wrong month.

    Returns:
        The month's metrics ready to save and an empty list, or None and the
        problems in form order.
    """
    parse = _Parser()
    totals = {name: parse.count(name, name, getattr(values, name)) for name in TOTAL_FIELDS}

    named: dict[str, list[tuple[int, str, int]]] = {}
    for field_name, (noun, counted) in NAMED_COUNT_WORDS.items():
        rows = []
        for index, row in enumerate(getattr(values, field_name)):
            if row.is_blank:
                continue
            shown = row.name.strip() or f"row {index + 1}"
            count = parse.count(
                f"{field_name}.{index}.count",
                field_name,
                row.count,
                required=f"missing: enter the {counted} of {noun} '{shown}'",
                entry=row.name.strip(),
            )
            if count is not None:
                rows.append((index, row.name, count))
        named[field_name] = rows

    accessibility = {}
    for name, text in values.accessibility.items():
        count = parse.count(f"accessibility.{name}", "accessibility", text, entry=name)
        if count is not None:
            accessibility[name] = count

    posts: list[tuple[int, TopPost]] = []
    for index, post in enumerate(values.top_posts):
        if post.is_blank:
            continue
        posted_on = _post_date(parse, index, post)
        reach = parse.count(
            f"top_posts.{index}.reach",
            "top_posts",
            post.reach,
            required=f"missing: enter the reach of post '{post.title.strip() or f'row {index + 1}'}'",
            entry=post.title.strip(),
        )
        if posted_on is not None and reach is not None:
            posts.append((index, TopPost(post.title, posted_on, reach)))

    draft = MonthlyMetrics(
        year=year,
        month=month,
        website_views=totals["website_views"],
        top_pages=tuple((name, count) for _, name, count in named["top_pages"]),
        accessibility=accessibility,
        translations={name: count for _, name, count in named["translations"]},
        facebook_reach=totals["facebook_reach"],
        instagram_reach=totals["instagram_reach"],
        top_posts=tuple(post for _, post in posts),
    )
    metrics, errors = normalise_metrics(draft, functions, today=today)
    problems = parse.problems + [_locate(error, values) for error in errors]
    if problems:
        return None, sorted(problems, key=lambda problem: _form_order(problem.key, values))
    return metrics, []


def _post_date(parse: _Parser, index: int, post: PostText) -> date | None:
    key = f"top_posts.{index}.posted_on"
    title = post.title.strip() or f"row {index + 1}"
    if not post.posted_on.strip():
        message = f"missing: enter the date post '{title}' was posted, as {DATE_HELP}"
        parse.problems.append(
            FormProblem(key, _error("top_posts", "", message, entry=post.title.strip(), part="date"))
        )
        return None
    try:
        return parse_date(post.posted_on)
    except ValueError as error:
        message = f"post '{title}': {error}"
        parse.problems.append(
            FormProblem(
                key,
                _error("top_posts", post.posted_on.strip(), message, entry=post.title.strip(), part="date"),
            )
        )
        return None


_PART_SUFFIXES = {
    "top_pages": {"name": "name", "count": "count"},
    "translations": {"name": "name", "count": "count"},
    "top_posts": {"name": "title", "date": "posted_on", "count": "reach"},
}
"""For each list field, the form key suffix of each part an error can name."""


def _locate(error: FieldError, values: MetricsFormValues) -> FormProblem:
    """Return ``error`` with the key of the input that contains the value it rejects.

    A list entry is found by its name. An error about a missing name has no
    entry, so it points at the first row whose name is blank. An error about
    a name points at the last row spelled as the error quotes it, because a
    name given twice is reported on its later row.
    """
    entry = error.entry if isinstance(error, MetricsFieldError) else ""
    part = error.part if isinstance(error, MetricsFieldError) else ""
    if error.field in _PART_SUFFIXES:
        suffixes = _PART_SUFFIXES[error.field]
        suffix = suffixes.get(part, suffixes["name"])
        names = [
            (index, row.title if isinstance(row, PostText) else row.name)
            for index, row in enumerate(getattr(values, error.field))
            if not row.is_blank
        ]
        matching = [index for index, name in names if normalise_name(name) == normalise_name(entry)]
        if part == "name" and entry:
            spelled = [index for index, name in names if clean_name(name) == entry]
            matching = (spelled or matching)[-1:]
        if matching:
            return FormProblem(f"{error.field}.{matching[0]}.{suffix}", error)
        return FormProblem(error.field, error)
    wanted = normalise_name(entry)
    if error.field == "accessibility":
        for name in values.accessibility:
            if normalise_name(name) == wanted:
                return FormProblem(f"accessibility.{name}", error)
        return FormProblem("accessibility", error)
    if error.field == "year":
        return FormProblem("month", error)
    return FormProblem(error.field, error)


FORM_ORDER = (
    "month",
    "website_views",
    "top_pages",
    "accessibility",
    "translations",
    "facebook_reach",
    "instagram_reach",
    "top_posts",
)
"""Fields in the order the metrics screen shows them, so problems are listed top to bottom."""


def _form_order(key: str, values: MetricsFormValues) -> tuple[int, int]:
    """Return a sort key that puts a problem where its input is on the form."""
    field_name, _, rest = key.partition(".")
    position = FORM_ORDER.index(field_name) if field_name in FORM_ORDER else len(FORM_ORDER)
    if field_name == "accessibility":
        names = list(values.accessibility)
        return (position, names.index(rest) if rest in names else 0)
    row, _, _ = rest.partition(".")
    return (position, int(row) if row.isdigit() else 0)
