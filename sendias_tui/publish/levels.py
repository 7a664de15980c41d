"""The four intervention levels (levels of service), loaded from package data.

The report's appendix and its intervention level text read
``sendias_tui/data/intervention_levels.json``. Screens that help choose a
level can load the same file, so every place describes a level in the same words.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from sendias_tui.domain.enquiry import INTERVENTION_LEVELS


@dataclass(frozen=True)
class InterventionLevel:
    """The definition of one level of service."""

    level: int
    """1 to 4."""
    title: str
    """A short name, such as "Information and advice"."""
    summary: str
    """Completes the sentence "It covers ..." in the report's level text."""
    description: str
    """The work the level includes, in full, for the appendix and the form."""
    outcome: str
    """The result the service user confirms when the work at this level is done."""

    @property
    def heading(self) -> str:
        """Return the level with its title, such as "Level 1: Information and advice"."""
        return f"Level {self.level}: {self.title}"


class InterventionLevelsError(ValueError):
    """Intervention level data that misses, repeats or leaves incomplete a level 1 to 4."""


def parse_intervention_levels(data: dict[str, Any]) -> tuple[InterventionLevel, ...]:
    """Build the level definitions from parsed JSON, checking that none is missing.

    Raises:
        InterventionLevelsError: a level is missing, repeated or outside 1 to 4,
            or an entry lacks one of its texts.
    """
    entries = data.get("levels")
    if not isinstance(entries, list):
        raise InterventionLevelsError("the intervention level data has no 'levels' list")
    levels: dict[int, InterventionLevel] = {}
    for entry in entries:
        number = entry.get("level") if isinstance(entry, dict) else None
        if number not in INTERVENTION_LEVELS:
            raise InterventionLevelsError(
                f"intervention level {number!r} is invalid: use a whole number 1 to 4"
            )
        if number in levels:
            raise InterventionLevelsError(f"intervention level {number} is defined twice")
        texts = {}
        for name in ("title", "summary", "description", "outcome"):
            text = entry.get(name)
            if not isinstance(text, str) or not text.strip():
                raise InterventionLevelsError(f"intervention level {number} has no {name}")
            texts[name] = " ".join(text.split())
        levels[number] = InterventionLevel(level=number, **texts)
    missing = [number for number in INTERVENTION_LEVELS if number not in levels]
    if missing:
        listed = ", ".join(str(number) for number in missing)
        raise InterventionLevelsError(f"intervention level data is missing level {listed}")
    return tuple(levels[number] for number in INTERVENTION_LEVELS)


@cache
def intervention_levels() -> tuple[InterventionLevel, ...]:
    """Return the definitions shipped with the package, levels 1 to 4 in order."""
    text = (
        resources.files("sendias_tui")
        .joinpath("data/intervention_levels.json")
        .read_text(encoding="utf-8")
    )
    return parse_intervention_levels(json.loads(text))
