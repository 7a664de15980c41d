"""One count input per contact method, laid out as a grid."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from textual.app import ComposeResult
from textual.containers import Grid, Horizontal, Vertical
from textual.widgets import Label, Static

from sendias_tui.widgets.typed_inputs import CountInput


class ContactCounts(Grid):
    """A count input for every contact method, each with its own error line.

    Inputs have the ids ``contact-0``, ``contact-1``... in method order,
    because method names need not be valid widget ids.
    """

    def __init__(
        self, methods: Iterable[str], *, counts: Mapping[str, str] | None = None, id: str | None = None
    ) -> None:
        super().__init__(id=id)
        counts = counts or {}
        self._methods: list[str] = list(methods)
        for method in counts:
            if method not in self._methods:
                self._methods.append(method)
        self._initial = {method: counts.get(method, "") for method in self._methods}

    def compose(self) -> ComposeResult:
        for index, method in enumerate(self._methods):
            with Vertical(classes="contact-cell"):
                with Horizontal(classes="contact-row"):
                    yield Label(method, markup=False, classes="contact-label")
                    yield CountInput(self._initial[method], id=f"contact-{index}")
                yield Static(classes="field-error", markup=False, id=f"contact-{index}-error")

    @property
    def methods(self) -> list[str]:
        """Return the methods in display order."""
        return list(self._methods)

    def input_id(self, method: str) -> str | None:
        """Return the id of ``method``'s count input, or None if it has none."""
        if method not in self._methods:
            return None
        return f"contact-{self._methods.index(method)}"

    def texts(self) -> dict[str, str]:
        """Return the typed count per method, empty text where nothing was typed."""
        return {
            method: self.query_one(f"#contact-{index}", CountInput).value
            for index, method in enumerate(self._methods)
        }

    def set_texts(self, counts: Mapping[str, str]) -> None:
        """Show ``counts`` and empty the inputs of methods not given.

        Raises:
            KeyError: a method has no input. Build a new widget to show a
                method that is no longer offered.
        """
        for method in counts:
            if method not in self._methods:
                raise KeyError(f"contact method {method!r} has no count input")
        for index, method in enumerate(self._methods):
            self.query_one(f"#contact-{index}", CountInput).value = counts.get(method, "")

    async def reset(self, methods: Iterable[str]) -> None:
        """Offer ``methods`` with empty counts, rebuilding the inputs."""
        self._methods = list(methods)
        self._initial = {method: "" for method in self._methods}
        await self.recompose()
