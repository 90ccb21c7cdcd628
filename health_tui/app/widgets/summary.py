"""The portfolio in two lines: the quarter, clients per band, revenue at risk and exit candidates."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from health_tui.app import format as fmt
from health_tui.app.styles import BAND_STYLE, CANDIDATE_STYLE, HEADING, MUTED
from health_tui.scoring.models import PortfolioScore, band_label


def summary_content(portfolio: PortfolioScore, working: str | None = None) -> Content:
    """Build the header from a scored portfolio; `working` names a quarter being recomputed.

    Two lines that fit 80 columns for a portfolio of a few hundred clients: the quarter with what
    is at stake, then the clients per band.
    """
    # The model's own definitions, so the header agrees with the report and `score`.
    active = portfolio.active
    counts = portfolio.band_counts()
    at_risk = portfolio.revenue_at_risk()
    revenue = sum(c.revenue_12m for c in active)
    share = f" ({at_risk / revenue:.0%})" if revenue > 0 else ""
    candidates = len(portfolio.candidates())
    parts: list[str | tuple[str, str]] = [
        (portfolio.quarter, HEADING),
        (f" as of {portfolio.as_of.isoformat()}", MUTED),
        " · revenue at risk ",
        (fmt.money(at_risk, portfolio.currency), "bold"),
        (share, MUTED),
        " · ",
        (f"✖ {candidates:,} exit candidate{'s' if candidates != 1 else ''}", CANDIDATE_STYLE),
        f"\n{len(active):,} active: ",
    ]
    for i, (band, n) in enumerate(counts.items()):
        if i:
            parts.append(" · ")
        parts.append((f"{n:,} {band.label}", BAND_STYLE[band]))
    if unscored := portfolio.unscored():
        parts.append((f" · {unscored:,} {band_label(None)}", MUTED))
    if working:
        parts.append((f"   ⟳ scoring {working}…", "bold $text-warning"))
    return Content.assemble(*parts)


class PortfolioSummary(Static):
    """Header of the portfolio screen; rebuilt only when the quarter or the work under way changes.

    Counting bands over 10,000 clients takes tens of milliseconds, too slow to redo on every key.
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._shown: tuple[PortfolioScore | None, str | None] | None = None

    def show(self, portfolio: PortfolioScore | None, working: str | None = None) -> None:
        if self._shown is not None and self._shown[0] is portfolio and self._shown[1] == working:
            return
        self._shown = (portfolio, working)
        if portfolio is None:
            self.update(Content.styled(f"⟳ scoring {working or ''}…", "bold $text-warning"))
        else:
            self.update(summary_content(portfolio, working))
