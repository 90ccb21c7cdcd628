"""Marking clients for a what-if, on any screen that lists or walks clients (portfolio, review).

`space` marks or unmarks the client under the cursor, `w` takes this quarter's exit decisions as the
marks, `W` clears them, `+` asks for a percent and reprices the client under the cursor. The marks are
the app's (`HealthApp.whatif`), so the portfolio and the review share them; the `WhatIfPanel` on each
screen shows the figures, and a `ClientTable` shows a mark in each marked row.
"""

from __future__ import annotations

from typing import ClassVar

from textual import events, on
from textual.binding import Binding, BindingType

from health_tui.app.screens.base import HealthScreen
from health_tui.app.screens.review_modals import AskText
from health_tui.app.text import safe_text
from health_tui.app.whatif_state import WhatIfMarks
from health_tui.app.widgets.client_table import ClientTable
from health_tui.scoring.models import ClientScore
from health_tui.whatif import MAX_CUT, exit_decisions


def parse_percent(text: str) -> float | None:
    """'15', '+15%', '-10 %' -> the number; None for anything else or a cut to nothing."""
    try:
        value = float(text.strip().rstrip("%").strip())
    except ValueError:
        return None
    return value if MAX_CUT <= value <= 1000 else None


class WhatIfMarking(HealthScreen):
    """A screen with a client under the cursor (`whatif_current`) and a `WhatIfPanel`."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "whatif_mark", "What if: mark / unmark the client", show=False),
        Binding("w", "whatif_exits", "What if: this quarter's exit decisions", show=False),
        Binding("W", "whatif_clear", "What if: clear the marks", show=False),
        Binding("plus", "whatif_reprice", "What if: reprice the client", key_display="+",
                show=False),
    ]  # fmt: skip

    def whatif_current(self) -> ClientScore | None:
        """The client the keys act on."""
        raise NotImplementedError

    @on(events.Mount)
    def _whatif_mount(self) -> None:
        self.watch(self.app, "whatif", self._whatif_marks, init=False)
        self._whatif_marks(self.health_app.whatif)

    def _whatif_marks(self, marks: WhatIfMarks) -> None:
        for table in self.query(ClientTable):
            table.set_marked(marks.marked)

    def action_whatif_mark(self) -> None:
        client = self.whatif_current()
        if client is None:
            return
        if not client.active:
            self.notify(safe_text(f"{client.name} is already a former client."), markup=False)
            return
        app = self.health_app
        app.whatif = app.whatif.toggled(client.client_id)

    def action_whatif_exits(self) -> None:
        app = self.health_app
        portfolio, review = app.portfolio, app.review
        if portfolio is None or review is None or review.quarter != portfolio.quarter:
            return
        exits = exit_decisions(portfolio, review.decisions)
        if not exits:
            self.notify(f"No exit decided for {portfolio.quarter} yet: nothing to mark.")
            return
        app.whatif = app.whatif.with_marked(exits)
        many = "exit decision" if len(exits) == 1 else f"{len(exits):,} exit decisions"
        self.notify(f"What if: marked the {many} of {portfolio.quarter}.", timeout=4)

    def action_whatif_clear(self) -> None:
        app = self.health_app
        app.whatif = WhatIfMarks()

    def action_whatif_reprice(self) -> None:
        client = self.whatif_current()
        if client is None or not client.active:
            return
        app = self.health_app
        now = app.whatif.reprice
        value = f"{now[1]:g}" if now and now[0] == client.client_id else "15"

        def answered(text: str | None) -> None:
            if text is None:
                return
            if not text.strip():
                app.whatif = app.whatif.with_reprice(None)
                return
            percent = parse_percent(text)
            if percent is None:
                self.notify(f"{safe_text(text)!r} is not a percent: try 15 or -10.", markup=False)
                return
            app.whatif = app.whatif.with_reprice(client.client_id, percent)

        ask = AskText(
            f"Reprice what-if: {safe_text(client.name)}",
            "Raise the price by how many percent, for the same hours? (empty: no reprice)",
            value,
            placeholder="15",
            hint="Enter shows it · Escape cancels · nothing is recorded",
        )
        self.app.push_screen(ask, answered)
