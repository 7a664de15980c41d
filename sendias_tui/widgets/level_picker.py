"""Choose an intervention level while reading what each level means."""

from __future__ import annotations

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from sendias_tui.domain.enquiry import INTERVENTION_LEVELS
from sendias_tui.publish.levels import InterventionLevel, intervention_levels

NOT_SET_LABEL = "Not set yet"


def heading(definition: InterventionLevel) -> str:
    """Return a level's number and title, such as "Level 1: Information and advice"."""
    return f"Level {definition.level}: {definition.title}"


class LevelPicker(Vertical):
    """A list of the levels above the definition of the highlighted one.

    Up and Down move through the levels and show each definition. Enter or
    space chooses the highlighted level, and the keys 1 to 4 choose directly.
    """

    BINDINGS = [
        Binding("space", "choose_highlighted", "Choose level", show=False),
        *(Binding(str(level), f"choose({level})", show=False) for level in INTERVENTION_LEVELS),
    ]

    class Changed(Message):
        """Posted when the chosen level changes."""

        def __init__(self, picker: LevelPicker, level: int | None) -> None:
            super().__init__()
            self.picker = picker
            self.level = level
            """1 to 4, or None when no level is set."""

        @property
        def control(self) -> LevelPicker:
            """Return the picker that changed, for the ``on`` decorator."""
            return self.picker

    def __init__(self, *, level: int | None = None, id: str | None = None) -> None:
        super().__init__(id=id)
        self._level = level

    def compose(self) -> ComposeResult:
        yield OptionList(*self._options(), markup=False, compact=True, classes="level-list")
        yield Static(classes="level-definition", markup=False)

    def on_mount(self) -> None:
        self.query_one(".level-list", OptionList).highlighted = self._index(self._level)
        self._describe(self._level)

    @property
    def level(self) -> int | None:
        """Return the chosen level, 1 to 4, or None."""
        return self._level

    def set_level(self, level: int | None) -> None:
        """Choose ``level`` (None for not set) without posting Changed."""
        self._level = level
        option_list = self.query_one(".level-list", OptionList)
        option_list.set_options(self._options())
        option_list.highlighted = self._index(level)
        self._describe(level)

    def focus(self, scroll_visible: bool = True) -> LevelPicker:
        """Focus the list of levels."""
        self.query_one(".level-list", OptionList).focus(scroll_visible)
        return self

    @staticmethod
    def _index(level: int | None) -> int:
        return 0 if level is None else level

    def _options(self) -> list[Option]:
        options = [Option(self._mark(None) + NOT_SET_LABEL, id="level-none")]
        for definition in intervention_levels():
            options.append(
                Option(self._mark(definition.level) + heading(definition), id=f"level-{definition.level}")
            )
        return options

    def _mark(self, level: int | None) -> str:
        return "(•) " if level == self._level else "( ) "

    def _describe(self, level: int | None) -> None:
        """Show the definition of ``level`` under the list."""
        if level is None:
            text = Text("No level chosen. Move through the levels to read what each one covers.")
        else:
            definition = intervention_levels()[level - 1]
            text = Text()
            text.append(heading(definition) + "\n", style="bold")
            text.append(definition.description + "\n")
            text.append("Outcome: ", style="italic")
            text.append(definition.outcome)
        self.query_one(".level-definition", Static).update(text)

    def _choose(self, level: int | None) -> None:
        if level == self._level:
            return
        self.set_level(level)
        self.post_message(self.Changed(self, level))

    def on_descendant_blur(self, _event: events.DescendantBlur) -> None:
        # Leaving the list puts the highlight back on the chosen level, so the
        # definition shown is the one that will be saved.
        self.query_one(".level-list", OptionList).highlighted = self._index(self._level)
        self._describe(self._level)

    @on(OptionList.OptionHighlighted, ".level-list")
    def _show_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        self._describe(None if event.option_index == 0 else event.option_index)
        if self.query_one(".level-list", OptionList).has_focus:
            # The definition sits under the list, so scroll it into view as well
            # once its new height is laid out.
            self.call_after_refresh(self.scroll_visible, animate=False)

    @on(OptionList.OptionSelected, ".level-list")
    def _choose_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._choose(None if event.option_index == 0 else event.option_index)

    def action_choose_highlighted(self) -> None:
        """Choose the highlighted level."""
        highlighted = self.query_one(".level-list", OptionList).highlighted
        if highlighted is not None:
            self._choose(None if highlighted == 0 else highlighted)

    def action_choose(self, level: int) -> None:
        """Choose ``level`` directly."""
        self._choose(level)
