"""Inputs for lists of entries (pages, languages, posts) and for counts per named item.

Both widgets only move text in and out of their inputs. What the text means
is decided by ``metrics_form_values``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from textual.app import ComposeResult
from textual.containers import Grid, Horizontal, Vertical
from textual.widgets import Input, Label


@dataclass(frozen=True)
class Column:
    """One input of a row."""

    part: str
    """The part of the entry, such as "name" or "count"; it ends the input's id."""
    label: str
    width: int | None = None
    """Width of the input in cells; None takes the room left."""
    placeholder: str = ""
    restrict: str | None = None
    """Regular expression of what may be typed, such as digits only."""
    max_length: int = 0


def count_column(part: str, label: str) -> Column:
    """Return a column for a whole number.

    Any character may be typed, so that a slip such as ``-5`` or ``1O5`` is
    rejected with a message on saving instead of being changed silently.
    """
    return Column(part, label, width=9, placeholder=label.lower(), max_length=9)


class EntryRows(Vertical, can_focus=False):
    """One line of inputs per entry; the screen adds and removes rows.

    Inputs have ids such as ``top_pages-2-count``: the prefix, the row
    number from 0 and the column's part. There is always at least one row,
    so an empty list still has an input to type into.
    """

    def __init__(self, prefix: str, columns: Sequence[Column], *, id: str | None = None) -> None:
        super().__init__(id=id, classes="entry-rows")
        self.prefix = prefix
        self.columns = tuple(columns)
        self._rows: list[tuple[str, ...]] = [self._blank()]

    def _blank(self) -> tuple[str, ...]:
        return tuple("" for _ in self.columns)

    def compose(self) -> ComposeResult:
        for index, texts in enumerate(self._rows):
            with Horizontal(classes="entry-row"):
                for column, text in zip(self.columns, texts, strict=True):
                    yield Label(column.label, classes="entry-label")
                    field = Input(
                        text,
                        placeholder=column.placeholder,
                        restrict=column.restrict,
                        max_length=column.max_length,
                        compact=True,
                        id=self.input_id(index, column.part),
                    )
                    if column.width is not None:
                        field.styles.width = column.width
                    yield field

    def input_id(self, index: int, part: str) -> str:
        """Return the id of the input for ``part`` of row ``index``."""
        return f"{self.prefix}-{index}-{part}"

    def row_of(self, widget_id: str | None) -> int | None:
        """Return the row number of the input with ``widget_id``, or None when it is not one of ours."""
        if not widget_id or not widget_id.startswith(f"{self.prefix}-"):
            return None
        number = widget_id[len(self.prefix) + 1 :].partition("-")[0]
        return int(number) if number.isdigit() else None

    def texts(self) -> list[tuple[str, ...]]:
        """Return every row's text as typed, in column order."""
        return [
            tuple(
                self.query_one(f"#{self.input_id(index, column.part)}", Input).value
                for column in self.columns
            )
            for index in range(len(self._rows))
        ]

    async def set_texts(self, rows: Sequence[Sequence[str]]) -> None:
        """Show ``rows``, or one empty row when there are none."""
        self._rows = [tuple(row) for row in rows] or [self._blank()]
        await self.recompose()

    async def add_row(self) -> Input:
        """Add an empty row at the end and return its first input."""
        self._rows = [*self.texts(), self._blank()]
        await self.recompose()
        return self.query_one(f"#{self.input_id(len(self._rows) - 1, self.columns[0].part)}", Input)

    async def remove_row(self, index: int) -> Input:
        """Remove row ``index``, keeping one empty row when it was the last, and return the input to focus."""
        rows = self.texts()
        del rows[index]
        await self.set_texts(rows)
        kept = min(index, len(self._rows) - 1)
        return self.query_one(f"#{self.input_id(kept, self.columns[0].part)}", Input)


class NamedCounts(Grid, can_focus=False):
    """A count input per named item, such as each accessibility function, two to a line.

    Inputs have ids such as ``accessibility-0`` in name order, because names
    need not be valid widget ids.
    """

    def __init__(self, prefix: str, names: Sequence[str], *, id: str | None = None) -> None:
        super().__init__(id=id, classes="named-counts")
        self.prefix = prefix
        self.names = list(names)

    def compose(self) -> ComposeResult:
        for index, name in enumerate(self.names):
            with Horizontal(classes="named-count"):
                yield Label(name, markup=False, classes="named-count-label")
                yield Input(placeholder="-", max_length=9, compact=True, id=self.input_id(name))

    def input_id(self, name: str) -> str:
        """Return the id of ``name``'s input.

        Raises:
            ValueError: ``name`` has no input.
        """
        return f"{self.prefix}-{self.names.index(name)}"

    def texts(self) -> dict[str, str]:
        """Return the typed count per name, empty text where nothing was typed."""
        return {name: self.query_one(f"#{self.input_id(name)}", Input).value for name in self.names}

    async def set_texts(self, names: Sequence[str], counts: Mapping[str, str]) -> None:
        """Offer an input for each of ``names`` and show ``counts``."""
        if list(names) != self.names:
            self.names = list(names)
            await self.recompose()
        for name in self.names:
            self.query_one(f"#{self.input_id(name)}", Input).value = counts.get(name, "")
