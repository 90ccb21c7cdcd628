"""What every keyboard-first form of the app shares (the record forms, the corrections).

Enter saves through the store queue and the form stays open until the job has committed, so
"saved" always means on disk; a refused or failed save keeps what was typed and says why on the
error line. Escape asks before losing typed text. Tab moves between fields as the key arrives.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar, TypeVar

from textual import on
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static, TextArea

from health_tui.app.jobs import Job
from health_tui.app.screens.base import DismissOnce
from health_tui.app.screens.review_modals import Confirm
from health_tui.app.styles import MUTED
from health_tui.app.text import safe_text
from health_tui.errors import HealthTuiError

R = TypeVar("R")


class SavingForm(DismissOnce[R | None], ModalScreen[R | None]):
    """A form that dismisses with what its store job returned once committed, or None."""

    CSS_PATH = "record_forms.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        # Enter is left to the field that has focus (an Input submits, a list selects): it then
        # comes after any text typed before it, and either way saves the form.
        Binding("enter", "save", "Save"),
        Binding("escape", "cancel", "Cancel"),
        # Moving between fields at once, before the next key is handed to a field: typed fast
        # (or pasted by a script), text after a Tab lands in the field it was meant for.
        Binding("tab", "app.focus_next", "Next field", show=False, priority=True),
        Binding("shift+tab", "app.focus_previous", "Previous field", show=False, priority=True),
    ]
    unsaved = "What you typed in this form is not saved yet."
    discard = "Discard it?"
    # What to do with the result when the save ended after the owner had left the form (ctrl+p
    # to another screen popped it, and its callback with it): without it, the entry was on disk
    # but nothing said "saved" and the scores on screen went stale.
    when_gone: Callable[[R], None] | None = None

    def __init__(self) -> None:
        super().__init__()
        self.saving = False
        self._initial: tuple[Any, ...] | None = None

    def values(self) -> tuple[Any, ...]:
        """Everything the owner can change, to tell whether anything was typed."""
        raise NotImplementedError

    def on_mount(self) -> None:
        self._initial = self.values()
        self.query_one("#record-error").display = False

    @property
    def dirty(self) -> bool:
        return self._initial is not None and self.values() != self._initial

    def _error(self, text: str, style: str = "bold $text-error") -> None:
        """The line under the fields: what to fix, or "saving…"; hidden while there is nothing."""
        line = self.query_one("#record-error", Static)
        line.update(Content.styled(safe_text(text), style))
        line.display = bool(text)

    @on(Input.Changed)
    @on(TextArea.Changed)
    @on(OptionList.OptionHighlighted)
    def _edited(self) -> None:
        """What to fix goes once a field is changed: after a date was fixed, "'…' is not a date"
        stayed under the fields as if it still held."""
        if not self.saving and self.query_one("#record-error").display:
            self._error("")

    def submit(self, job: Job[R], what: str) -> None:
        """Queue `job` on the store thread; close with its result once it has committed."""
        self.saving = True
        self._error("saving…", MUTED)

        def done(result: R) -> None:
            self.saving = False
            if self not in self.app.screen_stack:  # popped by navigation while saving
                if self.when_gone is not None:
                    self.when_gone(result)
                return
            self.dismiss(result)

        def failed(exc: BaseException) -> None:
            self.saving = False
            if self.is_attached:
                self._error(
                    f"Not saved: {exc}" if isinstance(exc, HealthTuiError) else "Not saved."
                )

        self.app.run_job(job, done, failed=failed, what=what)  # type: ignore[attr-defined]

    def action_cancel(self) -> None:
        if self.saving:
            return
        if not self.dirty:
            self.dismiss(None)
            return

        def answered(discard: bool | None) -> None:
            if discard:
                self.dismiss(None)

        body = Content(self.unsaved)
        self.app.push_screen(Confirm(body, self.discard, "Discard", "Keep editing"), answered)

    def before_quit(self, exit: Callable[[], None]) -> bool:
        """Quitting with something typed asks first, as Escape does."""
        if not self.dirty:
            return False

        def answered(discard: bool | None) -> None:
            if discard:
                exit()

        body = Content(self.unsaved)
        self.app.push_screen(Confirm(body, "Quit and lose it?", "Quit", "Keep editing"), answered)
        return True
