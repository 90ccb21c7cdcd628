"""The what-if panel: what the marked clients take with them, and a reprice's effort versus return.

It follows the app's marks (`HealthApp.whatif`) and scored quarter by itself, under the portfolio
table and the review alike; hidden while nothing is marked. Names go in as literal text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.content import Content
from textual.widgets import Static

from health_tui.app import format as fmt
from health_tui.app.styles import HEADING, MUTED
from health_tui.app.text import safe_text
from health_tui.app.whatif_state import WhatIfMarks
from health_tui.formatting import hours, months_said, share
from health_tui.whatif import WhatIf

if TYPE_CHECKING:
    from health_tui.app.app import HealthApp

Part = str | tuple[str, str]
NAMES_SHOWN = 3  # more marked clients than this are counted, not named
WIDE = 100  # from this many columns the panel ends with its keys
KEYS = "space mark · w this quarter's exits · W clear · + reprice"


def whatif_content(w: WhatIf, current: str | None = None, *, keys: bool = True) -> Content:
    """The panel's lines: who goes, what they take and free, the rates and shares before and after,
    the reprice if any, and the keys (left out on a narrow terminal: `?` and the palette list
    them)."""
    cur = w.currency
    parts: list[Part] = [("What if  ", HEADING)]
    if w.dropped:
        names = ", ".join(safe_text(d.name) for d in w.dropped[:NAMES_SHOWN])
        more = len(w.dropped) - NAMES_SHOWN
        parts.append((f"{len(w.dropped):,} go: ", "bold"))
        parts.append(names + (f" and {more:,} more" if more > 0 else ""))
        if current is not None and any(d.client_id == current for d in w.dropped):
            parts.append(("  ● this client", "bold $text-accent"))
        parts += [
            "\nrevenue lost ",
            (fmt.money(w.revenue_lost, cur), "bold"),
            # an estimate from billable time is not money invoiced: said beside it
            f" ({w.revenue_lost_basis})" if w.revenue_lost_basis else "",
            " · hours freed ",
            (hours(w.hours_freed), "bold"),
            (f" ({months_said(w.as_of)})", MUTED),
            f"\nrate {fmt.rate(w.effective_rate_before, cur)} → ",
            (fmt.rate(w.effective_rate_after, cur), "bold"),
            f" · at-risk share {share(w.at_risk_share_before)} → ",
            (share(w.at_risk_share_after), "bold"),
        ]
        if w.largest_client_after is not None and w.largest_client_share_after is not None:
            parts += [
                "\nlargest client after: ",
                safe_text(w.largest_client_after),
                (f" {share(w.largest_client_share_after)} of revenue", "bold"),
            ]
    for r in w.reprices:
        parts += [
            "\n" if w.dropped else "",
            (f"Reprice {safe_text(r.name)} {r.percent:+g}%: ", "bold"),
            f"rate {fmt.rate(r.effective_rate_before, cur)} → {fmt.rate(r.effective_rate_after, cur)}",
            ("" if r.rate_weighed else f" ({fmt.rate_not_weighed(r.hours_12m)})", MUTED),
            (f" (target {fmt.rate(r.target_rate, cur)})", MUTED),
            *_effort_move(r.effort_return_before, r.effort_return_after),
        ]
    # the portfolio's rate is shown only when clients go: not what it leaves out beside a reprice
    said = w.caveats if w.dropped else [c for c in w.caveats if c != w.rate_caveat]
    parts += [(f"\n{caveat}", MUTED) for caveat in said]
    if keys:
        parts.append((f"\n{KEYS}", MUTED))
    return Content.assemble(*parts)


def _effort_move(before: float | None, after: float | None) -> list[str | tuple[str, str]]:
    if before is None or after is None:
        return [" · effort/return ", ("not enough data", MUTED)]
    return [f" · effort/return {before:.0f} → ", (f"{after:.0f}", "bold")]


class WhatIfPanel(Static):
    """Shown below the table (or the review) while a client is marked or repriced."""

    DEFAULT_CSS = """
    WhatIfPanel {
        height: auto;
        padding: 0 1;
        border-top: solid $accent;
        display: none;
    }
    WhatIfPanel.-shown {
        display: block;
    }
    """

    def __init__(self) -> None:
        super().__init__(id="whatif-panel")
        self.current: str | None = None  # the client on screen, in the review
        self.figures: WhatIf | None = None  # what the panel shows, for tests and the screens
        self._wide = True

    @property
    def health_app(self) -> HealthApp:
        return self.app  # type: ignore[return-value]

    def on_mount(self) -> None:
        self.watch(self.app, "whatif", self._changed, init=False)
        self.watch(self.app, "portfolio", self._changed)

    def _changed(self, _: object = None) -> None:
        self.show_figures()

    def on_resize(self) -> None:
        if self.figures is not None and (self.app.size.width >= WIDE) != self._wide:
            self.show_figures()  # the keys line comes or goes

    def show_figures(self) -> None:
        """Work the figures out again (a mark, a reprice, a quarter changed) and show them."""
        app = self.health_app
        marks: WhatIfMarks = app.whatif
        portfolio = app.portfolio
        self.figures = None
        if portfolio is not None and not marks.empty:
            self.figures = marks.figures(portfolio, app.settings)
        self.set_class(self.figures is not None, "-shown")
        if self.figures is not None:
            self._wide = self.app.size.width >= WIDE
            self.update(whatif_content(self.figures, self.current, keys=self._wide))
