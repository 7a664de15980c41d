"""Chart data for the report's figures, independent of how a chart is drawn.

The terminal draws a ``ChartSpec`` with Rich; documents draw it as an image.
Both read the same numbers, so a chart never disagrees with its table.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class ChartKind(StrEnum):
    """The shape of a chart: bars or lines."""

    BAR = "bar"
    """Bars per category; several series are drawn side by side."""
    LINE = "line"
    """One line per series across the categories, for trends over time."""


@dataclass(frozen=True)
class Series:
    """One named run of values, one per category of the chart."""

    name: str
    values: tuple[int | float | None, ...]


@dataclass(frozen=True)
class ChartSpec:
    """The data and labels of one figure."""

    key: str
    """Stable identifier, for example ``figure2_age_group``."""
    number: str
    """The figure's number in the report, for example "Figure 2"."""
    title: str
    """Caption naming the quarter."""
    kind: ChartKind
    categories: tuple[str, ...]
    """Labels along the category axis (age groups, months, years...)."""
    series: tuple[Series, ...]
    category_label: str
    value_label: str
    unit: str = ""
    """Suffix for values, such as "%"; empty for counts."""

    @property
    def caption(self) -> str:
        return f"{self.number}: {self.title}"
