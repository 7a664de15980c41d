"""Several choices from a long list, narrowed by typing part of a name."""

from __future__ import annotations

from collections.abc import Iterable

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, SelectionList, Static
from textual.widgets.selection_list import Selection

from sendias_tui.domain.categories import CategoryList
from sendias_tui.widgets.choice_select import category_label


class MultiChoice(Vertical):
    """A filter box over a list of ticked choices, with the ticked ones listed below.

    Type in the filter box to narrow the list. Enter ticks (or unticks) the
    first match and clears the filter. Down moves into the list, where space
    or Enter ticks the highlighted choice.
    """

    BINDINGS = [Binding("down", "enter_list", "Into the list", show=False)]

    class Changed(Message):
        """Posted when a choice is ticked or unticked."""

        def __init__(self, multi_choice: MultiChoice, values: tuple[str, ...]) -> None:
            super().__init__()
            self.multi_choice = multi_choice
            self.values = values
            """The ticked names in list order."""

        @property
        def control(self) -> MultiChoice:
            """Return the widget that changed, for the ``on`` decorator."""
            return self.multi_choice

    def __init__(
        self,
        categories: CategoryList,
        *,
        values: Iterable[str] = (),
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self._categories = categories
        self._names: list[str] = list(categories.active_names)
        self._chosen: set[str] = set()
        self._add_values(values)

    def compose(self) -> ComposeResult:
        yield Input(
            placeholder="Type to filter; Enter ticks the first match",
            compact=True,
            select_on_focus=False,
            classes="multi-filter",
        )
        yield SelectionList[str](compact=True, classes="multi-list")
        yield Static(classes="multi-chosen", markup=False)

    def on_mount(self) -> None:
        self._rebuild()

    @property
    def values(self) -> tuple[str, ...]:
        """Return the ticked names in list order."""
        return tuple(name for name in self._names if name in self._chosen)

    @property
    def names(self) -> list[str]:
        """Return every name offered, in list order."""
        return list(self._names)

    def set_values(self, values: Iterable[str]) -> None:
        """Tick exactly ``values``, offering any retired ones among them."""
        self._chosen = set()
        self._add_values(values)
        self._rebuild()

    def set_categories(self, categories: CategoryList, values: Iterable[str]) -> None:
        """Offer another list, such as the other reason list, and tick ``values``."""
        self._categories = categories
        self._names = list(categories.active_names)
        self.set_values(values)

    def _add_values(self, values: Iterable[str]) -> None:
        for name in values:
            if name not in self._names:
                self._names.append(name)
            self._chosen.add(name)

    def focus(self, scroll_visible: bool = True) -> MultiChoice:
        """Focus the filter box, where typing starts."""
        self.query_one(".multi-filter", Input).focus(scroll_visible)
        return self

    def _label(self, name: str) -> Text:
        if name in self._categories.active_names:
            return Text(name)
        return Text(category_label(self._categories, name))

    def _visible_names(self) -> list[str]:
        wanted = self.query_one(".multi-filter", Input).value.strip().casefold()
        return [name for name in self._names if wanted in name.casefold()]

    def _rebuild(self) -> None:
        """Show the names that match the filter, ticked as chosen."""
        selection_list = self.query_one(".multi-list", SelectionList)
        selections = [
            Selection(self._label(name), name, name in self._chosen)
            for name in self._visible_names()
        ]
        with self.prevent(SelectionList.SelectedChanged, SelectionList.SelectionToggled):
            selection_list.clear_options()
            selection_list.add_options(selections)
        if selections:
            selection_list.highlighted = 0
        self._show_chosen()

    def _show_chosen(self) -> None:
        chosen = "; ".join(self.values) or "none"
        self.query_one(".multi-chosen", Static).update(Text(f"Chosen: {chosen}"))

    def _toggle(self, name: str) -> None:
        if name in self._chosen:
            self._chosen.discard(name)
        else:
            self._chosen.add(name)
        self._show_chosen()
        self.post_message(self.Changed(self, self.values))

    @on(Input.Changed, ".multi-filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        # Filtering changes what is shown, not what is chosen, so the message
        # stops here.
        event.stop()
        self._rebuild()

    @on(Input.Submitted, ".multi-filter")
    def _tick_first_match(self, event: Input.Submitted) -> None:
        event.stop()
        selection_list = self.query_one(".multi-list", SelectionList)
        if selection_list.option_count == 0:
            self.app.bell()
            return
        index = selection_list.highlighted or 0
        self._toggle(selection_list.get_option_at_index(index).value)
        with self.prevent(Input.Changed):
            event.input.value = ""
        self._rebuild()

    @on(SelectionList.SelectionToggled)
    def _ticked_in_list(self, event: SelectionList.SelectionToggled) -> None:
        event.stop()
        self._toggle(event.selection.value)

    @on(SelectionList.SelectedChanged)
    @on(SelectionList.SelectionHighlighted)
    def _keep_inside(self, event: Message) -> None:
        event.stop()

    def action_enter_list(self) -> None:
        """Move from the filter box into the list."""
        selection_list = self.query_one(".multi-list", SelectionList)
        if selection_list.option_count:
            selection_list.focus()
