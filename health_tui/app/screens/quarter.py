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

from health_tui.app.screens.base import DismissOnce
from health_tui.app.text import safe_text
from health_tui.app.widgets.fitted import Fitted
from health_tui.app.widgets.ordered_input import OrderedInput
from health_tui.dates import parse_quarter
from health_tui.text import fill_clauses

HINT = "Go to quarter (like 2026Q2), Enter to score it, Escape to cancel"


def _hint(width: int) -> Content:
    """The question, broken after a comma where the box is narrow (at 80 columns it read
    "Escape / to cancel")."""
    return Content("\n".join(fill_clauses(HINT, width)) if width > 0 else HINT)


class QuarterPicker(DismissOnce[date | None], ModalScreen[date | None]):
    """A one-field form; a bad quarter is explained in place rather than closing the form."""

    CSS_PATH = "modals.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, current: str) -> None:
        super().__init__()
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(id="quarter-box"):
            yield Fitted(_hint, id="quarter-hint")
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
