"""Ask for a quarter to review, like 2026Q2; returns its last day as the as-of date."""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from health_tui.app.text import safe_text
from health_tui.app.widgets.ordered_input import OrderedInput
from health_tui.dates import parse_quarter


class QuarterPicker(ModalScreen[date | None]):
    """A one-field form; a bad quarter is explained in place rather than closing the form."""

    CSS_PATH = "modals.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, current: str) -> None:
        super().__init__()
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(id="quarter-box"):
            yield Static(
                Content("Go to quarter (like 2026Q2), Enter to score it, Escape to cancel")
            )
            yield OrderedInput(value=self.current, placeholder="2026Q2", id="quarter-input")
            yield Static(id="quarter-error")

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        try:
            as_of = parse_quarter(event.value)
        except ValueError as exc:
            self.query_one("#quarter-error", Static).update(
                Content.styled(safe_text(exc), "$text-error")
            )
            return
        self.dismiss(as_of)

    def action_cancel(self) -> None:
        self.dismiss(None)
