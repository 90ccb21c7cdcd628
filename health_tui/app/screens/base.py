"""The one base every full screen shares: typed access to the HealthApp that runs it, and the
key to the help screen first in its footer."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, TypeVar

from textual.await_complete import AwaitComplete
from textual.binding import Binding, BindingType
from textual.screen import Screen

from health_tui.app.typed_ahead import TypedAhead

if TYPE_CHECKING:
    from health_tui.app.app import HealthApp


ResultT = TypeVar("ResultT")


class DismissOnce(Screen[ResultT]):
    """A screen that closes itself once, and itself only. Textual's `dismiss` pops whatever screen
    is on top: keys typed ahead (pasted, or sent by a lagging terminal) reached a note box after
    it had answered, and a second Enter popped the review under it, then crashed the app; a form
    whose save ended after ctrl+p had taken the owner elsewhere popped that screen instead.

    So: a screen no longer on the stack has answered already, and its dismissals do nothing. One
    covered by another (the command palette over a form still saving) answers when it is on top
    again, its first answer only."""

    _held: tuple[ResultT | None] | None = None

    def dismiss(self, result: ResultT | None = None) -> AwaitComplete:
        if self not in self.app.screen_stack:
            return AwaitComplete()
        if self is not self.app.screen:
            if self._held is None:
                self._held = (result,)
            return AwaitComplete()
        popped = super().dismiss(result)
        app = self.app
        if isinstance(app, TypedAhead):  # after the answer is taken, the keys typed behind it
            app.call_next(app.release_keys, self)
        return popped

    def on_screen_resume(self) -> None:
        if self._held is not None:
            (result,) = self._held
            self._held = None
            self.dismiss(result)


class HealthScreen(DismissOnce[None]):
    # The footer lists the focused widget's keys, then the screen's (a base class's first), then
    # the app's, and cuts what does not fit: the app's "? Keys", the way to every other key, was
    # cut at 80 and at 120 columns. Here it comes straight after the table's own key.
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("question_mark", "app.help", "Keys", key_display="?")
    ]

    @property
    def health_app(self) -> HealthApp:
        return self.app  # type: ignore[return-value]
