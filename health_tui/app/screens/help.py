"""`?`: the keys of the screen underneath, its legend, and a glossary; `?` or Escape closes it."""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid, Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from health_tui.app.format import ARCHETYPE_LABELS, wrap_under
from health_tui.app.glossary import ARCHETYPES, RECOMMENDATIONS, TERMS, Rows
from health_tui.app.screens.base import DismissOnce
from health_tui.app.widgets.fitted import Fitted

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

_EXTRA = (("^p", "Palette: actions, clients by name"),)

Part = str | tuple[str, str]
KEY_STYLE = "bold $text-accent"


def _rows(title: str, rows: Iterable[tuple[str, str]], width: int = 9) -> list[Part]:
    parts: list[Part] = [(f"{title}\n", "bold")]
    for name, text in rows:
        parts += [(f"{name:>{width}}  ", KEY_STYLE), f"{text}\n"]
    return parts


def table(title: str, rows: Iterable[tuple[str, str]]) -> Vertical:
    """A titled two-column list whose long lines wrap under their own column."""
    cells: list[Static] = []
    for name, text in rows:
        cells += [Static(Content(name), classes="help-name"), Static(Content(text))]
    return Vertical(
        Static(Content.styled(title, "bold")),
        Grid(*cells, classes="help-grid"),
        classes="help-table",
    )


def glossary() -> list[Vertical]:
    """The words the screens use: recommendations, archetypes, the money columns."""
    return [
        table("Recommendations", ((r.value, t) for r, t in RECOMMENDATIONS.items())),
        table("Archetypes", ((ARCHETYPE_LABELS[a], t) for a, t in ARCHETYPES.items())),
        table("Terms", TERMS),
    ]


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


CLOSE_HINT = "Escape closes this · ↑↓ j k scroll"


class _Scrolled(DismissOnce[None], ModalScreen[None]):
    """A text in #help-box: j and k scroll it as they move everywhere else in the app."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "scroll_box(1)", "Scroll down", show=False),
        Binding("k", "scroll_box(-1)", "Scroll up", show=False),
    ]

    def action_scroll_box(self, lines: int) -> None:
        self.query_one("#help-box").scroll_relative(y=lines, animate=False, immediate=True)


class HelpScreen(_Scrolled):
    """The keys active when it was opened, that screen's legend, and the glossary."""

    CSS_PATH = "modals.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,question_mark,q", "dismiss", "Close"),
    ]

    def __init__(
        self, rows: list[tuple[str, Binding]], legend: tuple[str, Rows] | None = None
    ) -> None:
        super().__init__()
        self.rows = rows
        self.legend = legend

    def on_resize(self) -> None:
        self.set_class(self.size.width < 100, "-narrow")  # stack the two lists on small screens

    def compose(self) -> ComposeResult:
        keys = _rows("Keys", [*group_keys(self.rows), *_EXTRA], width=8)
        with VerticalScroll(id="help-box") as box:
            # on the frame, seen whatever the scroll: at 80x24 a line under the legend was a
            # screen below the first, and nothing on that one said how to close it
            box.border_subtitle = CLOSE_HINT
            with Horizontal(id="help-columns"):
                yield Static(Content.assemble(*keys).rstrip(), id="help-keys")
                if self.legend is not None:
                    with Vertical(id="help-legend"):
                        yield table(*self.legend)
            with Vertical(id="help-glossary"):
                yield Static(Content.styled("Glossary", "bold $text-accent"))
                yield from glossary()


class InfoScreen(_Scrolled):
    """A short text to read (how to import), closed with Escape."""

    CSS_PATH = "modals.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,question_mark,q,enter", "dismiss", "Close"),
    ]

    def __init__(self, title: str, text: str) -> None:
        super().__init__()
        self.title_text = title
        self.text = text

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box") as box:
            box.border_subtitle = CLOSE_HINT
            yield Static(Content.styled(self.title_text, "bold $text-accent"))
            yield Fitted(lambda width: Content(indented(self.text, width)))


def indented(text: str, width: int) -> str:
    """Each line of `text` wrapped to `width` cells (0: as it is) under its own indent: a
    command's explanation wrapped back to the left edge at 80 columns, under the commands."""
    out = []
    for line in text.split("\n"):
        body = line.lstrip(" ")
        column = len(line) - len(body)
        out.append(" " * column + wrap_under(body, width, column) if body else "")
    return "\n".join(out)
