"""The one base every full screen shares: typed access to the HealthApp that runs it, and the
key to the help screen first in its footer."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, TypeVar

from textual.await_complete import AwaitComplete
from textual.binding import Binding, BindingType
from textual.screen import Screen

if TYPE_CHECKING:
    from health_tui.app.app import HealthApp


ResultT = TypeVar("ResultT")


class DismissOnce(Screen[ResultT]):
    """A screen that closes itself once. Keys typed ahead (pasted, or sent by a lagging terminal)
    reach a screen after it has answered: a second Enter in a note box dismissed it again, which
    pops whatever screen is on top by then (the review under it, then the portfolio: a crash).
    A screen no longer on top has answered already; its dismissals do nothing."""

    def dismiss(self, result: ResultT | None = None) -> AwaitComplete:
        if self.is_attached and self is not self.app.screen:
            return AwaitComplete()
        return super().dismiss(result)


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
