"""Category lists (ethnic groups, districts, SEN, reasons...) loaded from data.

The defaults ship as ``sendias_tui/data/categories.json``. A service can add
categories and retire old ones: a retired category is no longer offered for new
records but stays valid on the records that use it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

LIST_KEYS = (
    "enquirer",
    "age_group",
    "gender",
    "ethnicity",
    "postal_district",
    "sen",
    "referral_source",
    "reason_ehcp",
    "reason_no_ehcp",
    "contact_method",
    "accessibility_function",
)
"""The category lists every categories file must define, in display order."""


def normalise_name(name: str) -> str:
    """Return the key used to match a category name typed by a person.

    Case and runs of white space do not matter, so " complaints  SCHOOL"
    matches "Complaints school".
    """
    return " ".join(name.split()).casefold()


@dataclass(frozen=True)
class Category:
    """One choice in a category list."""

    name: str
    retired: bool = False
    """Retired categories are not offered for new records but remain valid."""
    professional: bool = False
    """Enquirer categories only: counted in Table 1's professional rows."""
    report_label: str | None = None
    """Row label in the report when it differs from the name."""

    @property
    def label(self) -> str:
        """Return the label the report uses for this category."""
        return self.report_label or self.name


@dataclass(frozen=True)
class CategoryList:
    """An ordered list of categories, such as the postal districts."""

    key: str
    label: str
    items: tuple[Category, ...]
    _index: dict[str, Category] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(
            self, "_index", {normalise_name(item.name): item for item in self.items}
        )

    @property
    def names(self) -> list[str]:
        """Return every name, retired ones included, in configured order."""
        return [item.name for item in self.items]

    @property
    def active_names(self) -> list[str]:
        """Return the names offered for new records, in configured order."""
        return [item.name for item in self.items if not item.retired]

    def match(self, name: str) -> str | None:
        """Return the configured spelling of ``name``, or None if it is not listed."""
        item = self._index.get(normalise_name(name))
        return item.name if item else None

    def get(self, name: str) -> Category | None:
        """Return the category called ``name`` (any case), or None."""
        return self._index.get(normalise_name(name))

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and normalise_name(name) in self._index


class CategoriesError(ValueError):
    """A categories file is missing a list or contains an invalid entry."""


@dataclass(frozen=True)
class Categories:
    """Every category list a service uses."""

    lists: dict[str, CategoryList]

    def __getitem__(self, key: str) -> CategoryList:
        return self.lists[key]

    @property
    def enquirer(self) -> CategoryList:
        return self.lists["enquirer"]

    @property
    def age_group(self) -> CategoryList:
        return self.lists["age_group"]

    @property
    def gender(self) -> CategoryList:
        return self.lists["gender"]

    @property
    def ethnicity(self) -> CategoryList:
        return self.lists["ethnicity"]

    @property
    def postal_district(self) -> CategoryList:
        return self.lists["postal_district"]

    @property
    def sen(self) -> CategoryList:
        return self.lists["sen"]

    @property
    def referral_source(self) -> CategoryList:
        return self.lists["referral_source"]

    @property
    def reason_ehcp(self) -> CategoryList:
        return self.lists["reason_ehcp"]

    @property
    def reason_no_ehcp(self) -> CategoryList:
        return self.lists["reason_no_ehcp"]

    @property
    def contact_method(self) -> CategoryList:
        return self.lists["contact_method"]

    @property
    def accessibility_function(self) -> CategoryList:
        return self.lists["accessibility_function"]

    def reasons_for(self, ehcp: bool | None) -> CategoryList:
        """Return the reason list that applies to an enquiry's EHC plan answer."""
        return self.reason_ehcp if ehcp else self.reason_no_ehcp

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Categories:
        """Build categories from the parsed JSON of a categories file.

        Raises:
            CategoriesError: a list is missing, or an entry has no name or
                repeats another entry's name.
        """
        raw_lists = data.get("lists")
        if not isinstance(raw_lists, dict):
            raise CategoriesError("the categories file has no 'lists' object")
        lists: dict[str, CategoryList] = {}
        for key in LIST_KEYS:
            raw = raw_lists.get(key)
            if not isinstance(raw, dict) or not isinstance(raw.get("items"), list):
                raise CategoriesError(f"the category list '{key}' is missing")
            items = []
            seen: set[str] = set()
            for entry in raw["items"]:
                name = " ".join(str(entry.get("name", "")).split())
                if not name:
                    raise CategoriesError(f"an entry of '{key}' has no name")
                if normalise_name(name) in seen:
                    raise CategoriesError(f"'{name}' appears twice in '{key}'")
                seen.add(normalise_name(name))
                items.append(
                    Category(
                        name=name,
                        retired=bool(entry.get("retired", False)),
                        professional=bool(entry.get("professional", False)),
                        report_label=entry.get("report_label"),
                    )
                )
            lists[key] = CategoryList(key, str(raw.get("label", key)), tuple(items))
        return cls(lists)

    @classmethod
    def from_file(cls, path: Path) -> Categories:
        """Load categories from a JSON file."""
        return cls.from_dict(json.loads(path.read_text(encoding="utf-8")))


def default_categories() -> Categories:
    """Load the category lists shipped with the package."""
    text = resources.files("sendias_tui").joinpath("data/categories.json").read_text(
        encoding="utf-8"
    )
    return Categories.from_dict(json.loads(text))
