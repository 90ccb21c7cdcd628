"""The one base every full screen shares: typed access to the HealthApp that runs it, and the
key to the help screen first in its footer."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.binding import Binding, BindingType
from textual.screen import Screen

if TYPE_CHECKING:
    from health_tui.app.app import HealthApp


class HealthScreen(Screen[None]):
    # The footer lists the focused widget's keys, then the screen's (a base class's first), then
    # the app's, and cuts what does not fit: the app's "? Keys", the way to every other key, was
    # cut at 80 and at 120 columns. Here it comes straight after the table's own key.
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("question_mark", "app.help", "Keys", key_display="?")
    ]

    @property
    def health_app(self) -> HealthApp:
        return self.app  # type: ignore[return-value]
