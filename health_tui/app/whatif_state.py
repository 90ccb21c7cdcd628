"""Which clients the owner marked for a what-if, and which one is repriced: shared by every screen.

Marks are client ids in the order marked; they stay across screens and quarters, and only the active
clients of the quarter on screen count. The figures come from `health_tui.whatif`, the same function
as `health-tui whatif` and the report.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from health_tui.scoring.models import PortfolioScore
from health_tui.settings import Settings
from health_tui.whatif import Totals, WhatIf, portfolio_totals, what_if

_totals: tuple[PortfolioScore, Totals] | None = None  # the last scored quarter's, added up once


def totals_of(portfolio: PortfolioScore) -> Totals:
    """The portfolio's totals, worked out once per scoring (both screens' panels share them)."""
    global _totals
    if _totals is None or _totals[0] is not portfolio:
        _totals = (portfolio, portfolio_totals(portfolio))
    return _totals[1]


@dataclass(frozen=True)
class WhatIfMarks:
    marked: tuple[str, ...] = ()
    """Clients to let go, in the order marked."""
    reprice: tuple[str, float] | None = None
    """(client_id, percent): the client whose price the what-if raises."""

    @property
    def empty(self) -> bool:
        return not self.marked and self.reprice is None

    def toggled(self, client_id: str) -> WhatIfMarks:
        if client_id in self.marked:
            return replace(self, marked=tuple(c for c in self.marked if c != client_id))
        return replace(self, marked=(*self.marked, client_id))

    def with_marked(self, client_ids: list[str]) -> WhatIfMarks:
        return replace(self, marked=tuple(dict.fromkeys(client_ids)))

    def with_reprice(self, client_id: str | None, percent: float = 0.0) -> WhatIfMarks:
        return replace(self, reprice=None if client_id is None else (client_id, percent))

    def figures(self, portfolio: PortfolioScore, settings: Settings) -> WhatIf | None:
        """The what-if for this quarter: marked active clients go, the repriced one (unless it is
        marked too) pays more; None when nothing of it is in the quarter."""

        def active(client_id: str) -> bool:
            client = portfolio.by_id(client_id)
            return client is not None and client.active

        drop = [c for c in self.marked if active(c)]
        reprices = {}
        if self.reprice is not None and active(self.reprice[0]) and self.reprice[0] not in drop:
            reprices = dict([self.reprice])
        if not drop and not reprices:
            return None
        return what_if(portfolio, drop, reprices, settings=settings, totals=totals_of(portfolio))
