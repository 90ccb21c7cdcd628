"""The portfolio in two lines: the quarter, clients per band, revenue at risk and exit candidates."""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from textual.content import Content
from textual.widgets import Static

from health_tui.app import format as fmt
from health_tui.app.styles import BAND_STYLE, CANDIDATE_STYLE, HEADING, MUTED
from health_tui.dates import quarter_label, quarter_of
from health_tui.formatting import months_label
from health_tui.scoring.models import Band, PortfolioScore, band_label


class Figures(NamedTuple):
    """The header's numbers: the model's own definitions, so it agrees with the report and `score`."""

    active: int
    counts: dict[Band, int]
    at_risk: float | None  # None: no revenue on record
    at_risk_unknown: int  # at-risk clients whose revenue is not known: left out of at_risk
    revenue: float
    candidates: int
    # their revenue over the last four quarters: beside "at risk €0", what letting them go takes
    candidates_revenue: float
    unscored: int


_counted: list[tuple[PortfolioScore, Figures]] = []  # the last two: the quarter shown and the next


def summary_figures(portfolio: PortfolioScore) -> Figures:
    """The header's numbers for `portfolio`, counted once: the scoring worker counts them, so the
    screen does not stop for the 0.1 s this takes at 50,000 clients."""
    for counted, figures in _counted:
        if counted is portfolio:
            return figures
    active = portfolio.active
    candidates = portfolio.candidates()
    figures = Figures(
        active=len(active),
        counts=portfolio.band_counts(),
        at_risk=portfolio.revenue_at_risk(),
        at_risk_unknown=portfolio.at_risk_not_known(),
        revenue=sum(c.revenue_12m for c in active),
        candidates=len(candidates),
        candidates_revenue=sum(c.known_revenue_12m or 0.0 for c in candidates),
        unscored=portfolio.unscored(),
    )
    _counted[:] = [*_counted[-1:], (portfolio, figures)]
    return figures


Part = str | tuple[str, str]
Segment = list[Part]
SEP = " · "


def summary_content(
    portfolio: PortfolioScore,
    working: str | None = None,
    width: int = 0,
    first_start: date | None = None,
) -> Content:
    """Build the header from a scored portfolio; `working` names a quarter being recomputed.

    Two lines, the quarter with what is at stake, then the clients per band; where they do not fit
    `width` (when known), "revenue at risk" says "at risk", and a line breaks between two of its
    phrases, never inside one ("✖ 549 exit / candidates" at 80 columns on 10,000 clients).
    With nobody to score, the second line says why: no client had started by the date
    (`first_start`, the first one's day), or there is no client at all.
    """
    figures = summary_figures(portfolio)
    at_risk, revenue, counts = figures.at_risk, figures.revenue, figures.counts
    share = (
        f" ({fmt.share(at_risk / revenue, tight=True)})"
        if at_risk is not None and revenue > 0
        else ""
    )
    candidates = figures.candidates

    def stake(label: str) -> Segment:
        return [
            label,
            (fmt.money(at_risk, portfolio.currency), "bold"),
            (share if at_risk is not None else " (no revenue on record)", MUTED),
            (
                f" (+{figures.at_risk_unknown:,} not known)" if figures.at_risk_unknown else "",
                MUTED,
            ),
        ]

    when: Segment = [(portfolio.quarter, HEADING), (f" as of {portfolio.as_of.isoformat()}", MUTED)]
    exits: Segment = [
        (f"✖ {candidates:,} exit candidate{'s' if candidates != 1 else ''}", CANDIDATE_STYLE)
    ]
    # what letting them go takes, beside a revenue at risk of maybe €0
    theirs = (
        f"their revenue {months_label(portfolio.as_of)} "
        f"{fmt.money(figures.candidates_revenue, portfolio.currency)}"
    )
    said: list[list[Segment]] = [[[(theirs, MUTED)]]] if figures.candidates_revenue else []
    # the first of these that fits on one line: their revenue before the longer words; else the
    # first, broken between its phrases
    tries = [
        [when, stake(label), exits, *extra]
        for extra in (*said, [])
        for label in ("revenue at risk ", "at risk ")
    ]
    first = next((t for t in tries if "\n" not in fmt.packed(t, width, SEP)), tries[0])
    bands: list[Segment] = []
    for i, (band, n) in enumerate(counts.items()):
        lead = f"{figures.active:,} active: " if i == 0 else ""
        bands.append([lead, (f"{n:,} {band.label}", BAND_STYLE[band])])
    if unscored := figures.unscored:
        bands.append([(f"{unscored:,} {band_label(None)}", MUTED)])
        if portfolio.nothing_said:  # why, once for all of them (the review says what to do)
            bands.append([("nothing clients said is on record", "$text-warning")])
    if portfolio.time_ends_on is not None:  # the weeks since read as no work: said, not hidden
        bands.append([(f"time entries end {portfolio.time_ends_on}", "$text-warning")])
    if portfolio.invoices_seen_on is not None:  # payments since are not known: said, not hidden
        bands.append([(f"invoices imported {portfolio.invoices_seen_on}", "$text-warning")])
    if not portfolio.clients:
        bands = [[(_nobody(first_start), "$text-warning")]]
    parts = [*fmt.packed(first, width, SEP), "\n", *fmt.packed(bands, width, SEP)]
    if working:
        parts.append((f"   ⟳ scoring {working}…", "bold $text-warning"))
    return Content.assemble(*parts)


def _nobody(first_start: date | None) -> str:
    if first_start is None:
        return "no client on record"
    quarter = quarter_label(*quarter_of(first_start))
    return f"no client had started yet: the first began on {first_start.isoformat()} ({quarter})"


class PortfolioSummary(Static):
    """Header of the portfolio screen; rebuilt only when the quarter or the work under way changes.

    Counting bands over 10,000 clients takes tens of milliseconds, too slow to redo on every key.
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._shown: tuple[PortfolioScore | None, str | None, int, date | None] | None = None

    def show(
        self,
        portfolio: PortfolioScore | None,
        working: str | None = None,
        listed: int = 0,
        first_start: date | None = None,
    ) -> None:
        """`listed`: active clients shown by name while nothing is scored yet; `first_start`: the
        first client's start, said when nobody had started by the date scored."""
        last = self._shown
        if last is not None and last[0] is portfolio and last[1:] == (working, listed, first_start):
            return  # (`is`: comparing two portfolios field by field would cost more than drawing)
        self._shown = (portfolio, working, listed, first_start)
        if portfolio is None:
            many = f": {listed:,} active client{'s' if listed != 1 else ''}" if listed else ""
            self.update(Content.styled(f"⟳ scoring {working or ''}{many}…", "bold $text-warning"))
        else:
            width = self.content_region.width
            self.update(summary_content(portfolio, working, width, first_start))

    def failed(self, text: str) -> None:
        """Nothing could be scored: `text` says why and what to do, and stays through a resize
        (which drew the "scoring…" line again over it)."""
        self._shown = None
        self.update(Content.styled(text, "$text-error"))

    def on_resize(self) -> None:
        """Laid out again for the new width (the header breaks between phrases to fit it)."""
        shown, self._shown = self._shown, None
        if shown is not None:
            self.show(*shown)
