"""The keys of the screen underneath, with what each does; `?` or Escape closes it."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

# Textual's own scrolling and focus keys: they work, but listing them drowns the app's keys.
_GENERIC = {
    "scroll_left",
    "scroll_right",
    "page_left",
    "page_right",
    "focus_next",
    "focus_previous",
    "copy_text",
    "maximize",
    "minimize",
    "command_palette",
}

_EXTRA = (
    ("^p", "Command palette: every action by name"),
    ("mouse", "click a row to select it, again to open it"),
    ("", "click a column title to sort by it"),
)

_LEGEND = (
    ("✖", "exit candidate"),
    ("Health", "0-100, coloured by band: healthy, watch, at risk, critical; — = not enough data"),
    ("Trend", "health over the last five quarters, oldest first (· = not enough data)"),
    ("E/R", "effort versus return, 0-100: higher means the work pays"),
    ("Rate", "revenue per hour actually spent, last four quarters"),
    ("Decision", "yours for the quarter (r reviews); exit 4/10 = checklist steps settled"),
)


def group_keys(rows: list[tuple[str, Binding]]) -> list[tuple[str, str]]:
    """Keys that do the same thing on one line, e.g. '↑ k  Up'; generic scrolling left out."""
    grouped: dict[str, list[str]] = {}
    for key, binding in rows:
        action = binding.action.rsplit(".", 1)[-1]
        if action in _GENERIC or not binding.description:
            continue
        keys = grouped.setdefault(binding.description, [])
        if key not in keys:
            keys.append(key)
    return [(" ".join(keys), description) for description, keys in grouped.items()]


class HelpScreen(ModalScreen[None]):
    """A modal list of keys, built from the bindings active when it was opened."""

    CSS_PATH = "modals.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,question_mark,q", "dismiss", "Close"),
    ]

    def __init__(self, rows: list[tuple[str, Binding]]) -> None:
        super().__init__()
        self.rows = rows

    def on_resize(self) -> None:
        self.set_class(self.size.width < 100, "-narrow")  # stack the two lists on small screens

    def compose(self) -> ComposeResult:
        key_style = "bold $text-accent"
        keys: list[str | tuple[str, str]] = [("Keys\n", "bold")]
        for key, description in [*group_keys(self.rows), *_EXTRA]:
            keys += [(f"{key:>8}  ", key_style), f"{description}\n"]
        legend: list[str | tuple[str, str]] = [("Columns\n", "bold")]
        for name, text in _LEGEND:
            legend += [(f"{name:>8}  ", key_style), f"{text}\n"]
        legend.append(("\nEscape or ? closes this list.", "$text-muted"))
        with VerticalScroll(id="help-box"), Horizontal(id="help-columns"):
            yield Static(Content.assemble(*keys).rstrip(), id="help-keys")
            yield Static(Content.assemble(*legend), id="help-legend")
