"""Small questions over the review screens: a line of text, a yes or no, save or discard.

Each is a modal box that answers with `dismiss`; Escape always means "no, leave things as they are".
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from health_tui.app.screens.base import DismissOnce
from health_tui.app.styles import HEADING, MUTED
from health_tui.app.widgets.fitted import Fitted, Make
from health_tui.app.widgets.ordered_input import OrderedInput


def _button(label: str, id: str, variant: str = "default") -> Button:
    """A button for the mouse; out of the focus chain so Enter stays the box's own key."""
    button = Button(label, id=id, variant=variant, compact=True)  # type: ignore[arg-type]
    button.can_focus = False
    return button


class AskText(DismissOnce[str | None], ModalScreen[str | None]):
    """One line of text: Enter answers with it (maybe empty), Escape with None."""

    CSS_PATH = "review_modals.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(
        self, title: str, prompt: str, value: str = "", *, placeholder: str = "", hint: str = ""
    ) -> None:
        super().__init__()
        self.title_text = title
        self.prompt = prompt
        self.value = value
        self.placeholder = placeholder
        self.hint = hint or "Enter saves · Escape cancels"

    def compose(self) -> ComposeResult:
        with Vertical(classes="modal-box"):
            yield Static(Content.styled(self.title_text, HEADING), classes="modal-title")
            yield Static(Content(self.prompt))
            yield OrderedInput(
                value=self.value, placeholder=self.placeholder, id="ask-input", answers=True
            )
            yield Static(Content.styled(self.hint, MUTED))

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value)

    @property
    def typed(self) -> str | None:
        """What the owner typed here, if anything new: Escape and quitting ask before losing it."""
        value = self.query_one("#ask-input", Input).value
        return value if value.strip() and value != self.value else None

    def action_cancel(self) -> None:
        typed = self.typed
        if typed is None:
            self.dismiss(None)
            return

        def answered(answer: str | None) -> None:
            if answer is not None:  # None: keep editing
                self.dismiss(typed if answer == "save" else None)

        self.app.push_screen(SaveOrDiscard("What you typed"), answered)

    def before_quit(self, exit: Callable[[], None]) -> bool:
        """Quitting with text typed asks, as every form does: save it (as Enter would), discard
        it, or keep editing. It was saved unasked, and a half-thought exit went on record.

        A save's handler queues the write; the app exits once that has run (quitting waits for
        queued writes). An empty box is simply closed.
        """
        typed = self.typed
        if typed is None:
            return False

        def answered(answer: str | None) -> None:
            if answer == "save":
                self.dismiss(typed)
                self.app.call_after_refresh(exit)
            elif answer == "discard":
                exit()

        self.app.push_screen(SaveOrDiscard("What you typed"), answered)
        return True


class Confirm(DismissOnce[bool], ModalScreen[bool]):
    """A question after some facts: y or Enter answers yes, n or Escape no."""

    CSS_PATH = "review_modals.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y,enter", "answer(True)", "Yes", show=False),
        Binding("n,escape", "answer(False)", "No", show=False),
    ]

    def __init__(
        self, body: Content | Make, question: str, yes: str = "Yes", no: str = "No"
    ) -> None:
        """`body`: the facts, or what makes them for a width (wrapped under their own columns)."""
        super().__init__()
        self.body = body
        self.question = question
        self.yes = yes
        self.no = no

    def compose(self) -> ComposeResult:
        with Vertical(classes="modal-box", id="confirm-box"):
            # the facts scroll (arrows, page keys) and the question stays in sight: at 80x24 an
            # exit's counter-signals pushed the question and its buttons out of the box
            with VerticalScroll(id="confirm-scroll"):
                yield Fitted(self.body, id="confirm-body")
            # what is cut off below says so: at 80x24 a heading ended the box with nothing under
            # it, the scrollbar beside it hard to see
            with Vertical(id="confirm-ask"):
                yield Static(id="confirm-more")
                yield Static(Content.styled(self.question, "bold"), classes="modal-question")
            with Horizontal(classes="modal-buttons"):
                yield _button(f"{self.yes} (y/⏎)", "yes", "error")
                yield _button(f"{self.no} (n/esc)", "no")

    def on_mount(self) -> None:
        scroll = self.query_one("#confirm-scroll", VerticalScroll)
        self.watch(scroll, "scroll_y", self._more_below, init=False)
        self.watch(scroll, "virtual_size", self._more_below, init=False)
        self.call_after_refresh(self._more_below)

    def on_resize(self) -> None:
        self.call_after_refresh(self._more_below)

    def _more_below(self, _: object = None) -> None:
        """Say "↓ more" under the facts while some are out of sight below, in the blank line above
        the question (the box keeps its height: the question and buttons stay where they were)."""
        scroll = self.query_one("#confirm-scroll", VerticalScroll)
        more = round(scroll.scroll_y) < scroll.max_scroll_y
        self.query_one("#confirm-more", Static).update(Content.styled(MORE, MUTED) if more else "")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")


MORE = "↓ more below: ↓ or PgDn scrolls"


class SaveOrDiscard(DismissOnce[str | None], ModalScreen[str | None]):
    """Unsaved changes: "save", "discard", or None to keep editing."""

    CSS_PATH = "review_modals.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("s,enter", "answer('save')", "Save", show=False),
        Binding("d", "answer('discard')", "Discard", show=False),
        Binding("escape", "answer(None)", "Keep editing", show=False),
    ]

    def __init__(self, what: str) -> None:
        super().__init__()
        self.what = what

    def compose(self) -> ComposeResult:
        with Vertical(classes="modal-box"):
            yield Static(Content.styled(f"{self.what} is not saved yet.", "bold"))
            with Horizontal(classes="modal-buttons"):
                yield _button("Save (s/⏎)", "save", "primary")
                yield _button("Discard (d)", "discard", "error")
                yield _button("Keep editing (esc)", "keep")

    def action_answer(self, answer: str | None) -> None:
        self.dismiss(answer)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(None if event.button.id == "keep" else event.button.id)
