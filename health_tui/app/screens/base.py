"""The one base every full screen shares: typed access to the HealthApp that runs it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.screen import Screen

if TYPE_CHECKING:
    from health_tui.app.app import HealthApp


class HealthScreen(Screen[None]):
    @property
    def health_app(self) -> HealthApp:
        return self.app  # type: ignore[return-value]
