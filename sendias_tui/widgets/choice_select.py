"""A drop-down for one choice, where typing part of a name jumps to it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Generic, TypeVar

from rich.text import Text
from textual.widgets import Select

from sendias_tui.domain.categories import CategoryList

ChoiceType = TypeVar("ChoiceType")

BLANK_PROMPT = "(not chosen)"
"""Shown while nothing is chosen. It starts with a bracket so that typing the
first letters of a name matches a real choice before this one."""


def category_label(categories: CategoryList, name: str) -> str:
    """Return how a category value no longer offered for new records is shown."""
    category = categories.get(name)
    if category is None:
        return f"{name} (no longer in the list)"
    return f"{category.name} (retired)" if category.retired else category.name


class ChoiceSelect(Generic[ChoiceType], Select[ChoiceType]):
    """A compact Select whose open menu jumps to the first option containing what is typed.

    Press Enter (or space or Down) to open the menu, type part of a name, and
    press Enter to choose it.
    """

    def __init__(
        self,
        options: Sequence[tuple[str, ChoiceType]],
        *,
        value: ChoiceType | None = None,
        allow_blank: bool = True,
        categories: CategoryList | None = None,
        id: str | None = None,
    ) -> None:
        """Build the select.

        Args:
            options: (label, value) pairs in display order.
            value: the initial choice. A value missing from ``options`` is
                added, labelled as retired or no longer in the list.
            allow_blank: whether "(not chosen)" is a valid state.
            categories: the list the values come from, to label retired values.
            id: the widget id.
        """
        self._offered: list[tuple[str, ChoiceType]] = list(options)
        self._choices: list[tuple[str, ChoiceType]] = list(options)
        self._categories = categories
        self._blank_allowed = allow_blank
        self._add_missing(value)
        super().__init__(
            self._renderables(),
            prompt=BLANK_PROMPT,
            allow_blank=allow_blank,
            value=Select.NULL if value is None else value,
            type_to_search=True,
            compact=True,
            id=id,
        )

    @classmethod
    def from_categories(
        cls, categories: CategoryList, *, value: str | None = None, id: str | None = None
    ) -> ChoiceSelect[str]:
        """Offer the active categories of a list, plus ``value`` if it is retired."""
        options = [(name, name) for name in categories.active_names]
        return ChoiceSelect(options, value=value, categories=categories, id=id)

    def _renderables(self) -> list[tuple[Text, ChoiceType]]:
        # Category names are service data: rich Text keeps "[x]" from being read as markup.
        return [(Text(label), value) for label, value in self._choices]

    def _add_missing(self, value: ChoiceType | None) -> bool:
        """Add ``value`` to the options when a record has a value no longer offered."""
        if value is None or any(choice == value for _label, choice in self._choices):
            return False
        if self._categories is not None and isinstance(value, str):
            label = category_label(self._categories, value)
        else:
            label = str(value)
        self._choices.append((label, value))
        return True

    @property
    def offered(self) -> list[ChoiceType]:
        """Return the values offered now, in display order."""
        return [value for _label, value in self._choices]

    @property
    def choice(self) -> ChoiceType | None:
        """Return the chosen value, or None when nothing is chosen."""
        return self.selection

    def set_choice(self, value: ChoiceType | None) -> None:
        """Choose ``value``, adding it to the options first if it is no longer offered.

        None clears the choice, or is ignored where a blank is not allowed.
        """
        if value is None:
            if self._blank_allowed:
                self.clear()
            return
        if self._add_missing(value):
            self.set_options(self._renderables())
        self.value = value

    def reset_choices(self) -> None:
        """Offer only the original options again and clear the choice where a blank is allowed.

        A form that goes on to a new record calls this, so retired values
        shown for an older record are no longer offered.
        """
        if self._choices != self._offered:
            self._choices = list(self._offered)
            self.set_options(self._renderables())
        elif self._blank_allowed:
            self.clear()
