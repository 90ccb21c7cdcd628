"""What if some clients went, or paid more: the portfolio's figures before and after, from a score.

Everything is read from the scored quarter itself (each client's `revenue_12m` and `hours_12m`, the
last four quarters, already in the portfolio's currency), so the figures always agree with the
score the owner is looking at. A reprice raises the client's revenue by a percentage for the same
hours and scores its effort versus return again with the scoring's own formula.

The app's what-if panel, `health-tui whatif` and the report's "If the N exits go ahead" all call
`what_if`.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from pydantic import BaseModel, ConfigDict, Field

from health_tui.errors import HealthTuiError
from health_tui.formatting import hours, money, plural, some_of
from health_tui.review.decisions import Decision, DecisionRecord
from health_tui.scoring.measures import effort_return_of
from health_tui.scoring.models import (
    HOURS_NOT_KNOWN,
    REVENUE_NOT_KNOWN,
    Band,
    ClientScore,
    PortfolioScore,
)
from health_tui.settings import Settings
from health_tui.text import safe_text

AT_RISK = (Band.at_risk, Band.critical)
NAMED = 3  # clients named in a caveat, then "and N more"
MAX_CUT = -99.0  # a reprice may lower a price, but not to nothing
MAX_RAISE = 100_000.0  # nor past a thousand times (1e400% wrote "Infinity" into the JSON)
# why a client's figures are in no total
_NOT_KNOWN = {"revenue": REVENUE_NOT_KNOWN, "hours": HOURS_NOT_KNOWN}


class WhatIfError(HealthTuiError):
    """A what-if that cannot be worked out as asked: a former client, a client twice, a bad percent."""

    exit_code = 2


class DroppedClient(BaseModel):
    """A client the what-if lets go, with the figures it takes away."""

    model_config = ConfigDict(frozen=True)

    client_id: str
    name: str
    revenue_12m: float | None = Field(description="None: not known (ClientScore.known_revenue_12m)")
    revenue_estimated: bool = Field(
        default=False,
        description="revenue_12m is estimated from the billable amounts of its time entries, not "
        "invoiced: no invoice of theirs in the last four quarters (ClientScore.revenue_estimated)",
    )
    hours_12m: float | None = Field(description="None: not known (no time of theirs on record)")
    band: Band | None


class Reprice(BaseModel):
    """One client's price raised (or lowered) by `percent` for the same hours."""

    model_config = ConfigDict(frozen=True)

    client_id: str
    name: str
    percent: float
    hours_12m: float
    revenue_12m_before: float | None = Field(description="None: no revenue on record")
    revenue_12m_after: float | None
    effective_rate_before: float | None
    effective_rate_after: float | None
    rate_weighed: bool = Field(
        default=True, description="false: the rate stands on fewer hours than rules.min_hours"
    )
    target_rate: float | None
    effort_return_before: float | None = Field(
        description="the score's own effort versus return; None: not enough data"
    )
    effort_return_after: float | None


class WhatIf(BaseModel):
    """The portfolio before and after: active clients, the last four quarters' revenue and hours.

    Shares are fractions (0.25 is 25%); None where there is no revenue (or no hours) to divide by.
    'After' is without the dropped clients and with the reprices applied. Revenue, hours and rates
    are None where the portfolio has none on record (PortfolioScore.revenue_on_record,
    hours_on_record, rates_known), a client's where its own are not known (ClientScore
    known_revenue_12m, known_hours): not known, rather than 0.
    """

    model_config = ConfigDict(frozen=True)

    as_of: date
    quarter: str
    currency: str
    dropped: list[DroppedClient]
    reprices: list[Reprice] = Field(default_factory=list)
    revenue_lost: float | None = Field(
        description="the dropped clients' revenue over the last four quarters (12 months at a "
        "quarter's end, fewer within one: formatting.months_said)"
    )
    revenue_lost_estimated: float = Field(
        default=0.0,
        description="of revenue_lost, what is estimated from billable time, not invoiced "
        "(the dropped clients whose revenue_estimated is true)",
    )
    hours_freed: float | None = Field(
        description="the dropped clients' hours over the same quarters"
    )
    clients_before: int
    clients_after: int
    revenue_before: float | None
    revenue_after: float | None
    hours_before: float | None
    hours_after: float | None
    effective_rate_before: float | None
    effective_rate_after: float | None
    at_risk_share_before: float | None = Field(
        description="share of revenue from clients in the at-risk and critical bands"
    )
    at_risk_share_after: float | None
    largest_client_before: str | None = None
    largest_client_share_before: float | None = None
    largest_client_after: str | None = Field(default=None, description="the largest client left")
    largest_client_share_after: float | None = None
    revenue_not_known: int = Field(
        default=0,
        description="active clients whose revenue is not known (ClientScore.known_revenue_12m): "
        "it is in no total (revenue, revenue lost, shares)",
    )
    hours_not_known: int = Field(
        default=0, description="active clients with no time of theirs on record: likewise hours"
    )
    revenue_not_known_names: list[str] = Field(
        default_factory=list, description=f"the first {NAMED} of those, by name"
    )
    hours_not_known_names: list[str] = Field(
        default_factory=list, description=f"the first {NAMED} of those, by name"
    )
    dropped_revenue_not_known: int = Field(
        default=0, description="of the dropped clients, those whose revenue is not known"
    )
    dropped_hours_not_known: int = Field(
        default=0, description="of the dropped clients, those whose hours are not known"
    )
    hours_not_billed_before: float = Field(
        default=0.0,
        description="of hours_before, the time not billed yet of new clients billed after the "
        "work (ClientScore.hours_not_billed): the effective rates stand on the hours billed",
    )
    hours_not_billed_after: float = Field(
        default=0.0, description="likewise of hours_after: what stays once the dropped clients go"
    )

    @property
    def revenue_after_shown(self) -> float | None:
        """Revenue after, from the before figure and the changes as the tables show them (whole
        currency units), so "before − lost = after" adds up as written."""
        if self.revenue_before is None or self.revenue_after is None:
            return None
        raised = sum(
            round((r.revenue_12m_after or 0.0) - (r.revenue_12m_before or 0.0))
            for r in self.reprices
        )
        return float(round(self.revenue_before) - round(self.revenue_lost or 0.0) + raised)

    @property
    def hours_after_shown(self) -> float | None:
        """Hours after, from the before figure and the hours freed as shown (hundredths)."""
        if self.hours_before is None or self.hours_after is None:
            return None
        return round(round(self.hours_before, 2) - round(self.hours_freed or 0.0, 2), 2)

    @property
    def revenue_lost_basis(self) -> str:
        """What of the revenue lost is only estimated from billable time, and whose ("estimated
        from billable time for Acme"), so an estimate never reads as money invoiced; '' where
        all of it was invoiced."""
        if not self.revenue_lost_estimated:
            return ""
        names = [safe_text(d.name) for d in self.dropped if d.revenue_estimated]
        shown = some_of(names[:NAMED], len(names))
        part = (
            ""
            if round(self.revenue_lost_estimated) == round(self.revenue_lost or 0.0)
            else f"{money(self.revenue_lost_estimated, self.currency)} of it "
        )
        return f"{part}estimated from billable time for {shown}"

    @property
    def caveats(self) -> list[str]:
        """What goes and what the totals leave out, in words: the screens say both under the
        figures, so a client whose figures are not known is never silently counted as 0."""
        return [c for c in (self.goes_caveat, *self.table_caveats) if c]

    @property
    def table_caveats(self) -> list[str]:
        """What the before and after table leaves out (the reports' lead says what goes)."""
        return [c for c in (self.totals_caveat, self.rate_caveat) if c]

    @property
    def goes_caveat(self) -> str:
        gone = [
            f"the {what} of {plural(n, 'client')} ({_NOT_KNOWN[what]})"
            for n, what in ((self.dropped_revenue_not_known, "revenue"),
                            (self.dropped_hours_not_known, "hours"))
            if n
        ]  # fmt: skip
        return f"Not in what goes: {' and '.join(gone)}." if gone else ""

    @property
    def rate_caveat(self) -> str:
        """Why the effective rate is not the revenue over the hours above it, where it is not."""
        if not self.hours_not_billed_before or self.effective_rate_before is None:
            return ""
        after = round(self.hours_not_billed_after, 2)
        hours_left = (
            ""
            if after == round(self.hours_not_billed_before, 2)
            else " (none after)"
            if not after
            else f" ({hours(after)} after)"
        )
        return (
            f"The effective rate leaves out {hours(self.hours_not_billed_before)}{hours_left} "
            "not billed yet: new clients' time since their last invoice, billed after the work."
        )

    @property
    def totals_caveat(self) -> str:
        """What the before and after totals leave out: clients with none of theirs on record."""
        counts = (
            ("revenue", self.revenue_not_known, self.dropped_revenue_not_known,
             self.revenue_not_known_names),
            ("hours", self.hours_not_known, self.dropped_hours_not_known,
             self.hours_not_known_names),
        )  # fmt: skip
        # named, so a count beside the dropped clients' figures is not read as theirs
        left = [
            f"the {what} of {plural(now, 'client')} ({some_of([safe_text(n) for n in names], now)}: "
            f"{_NOT_KNOWN[what]}" + (f"; {now - gone:,} after)" if gone else ")")
            for what, now, gone, names in counts
            if now
        ]
        if not left:
            return ""
        return (
            f"Not in the totals: {' and '.join(left)}; the effective "
            "rate counts only clients with both."
        )


@dataclass(frozen=True, slots=True)
class Totals:
    """The portfolio's active clients added up once: every what-if on the same scores reuses them,
    so marking a client in a 10,000-client portfolio costs only the few clients it touches."""

    clients: int
    revenue: float
    hours: float
    at_risk: float
    by_revenue: tuple[ClientScore, ...]  # active clients, most revenue first
    # the effective rate's own sums: only clients with a rate (revenue and hours of theirs), so
    # one client's revenue is never divided by another's hours
    rated_revenue: float = 0.0
    rated_hours: float = 0.0  # the hours billed (ClientScore.billed_hours_12m)
    not_billed: float = 0.0  # the rated clients' hours left out of rated_hours
    revenue_not_known: int = 0
    hours_not_known: int = 0
    revenue_not_known_names: tuple[str, ...] = ()
    hours_not_known_names: tuple[str, ...] = ()


def portfolio_totals(portfolio: PortfolioScore) -> Totals:
    active = portfolio.active
    rated = [c for c in active if c.effective_rate is not None]
    no_revenue = [c for c in active if c.known_revenue_12m is None]
    no_time = [c for c in active if not c.time_on_record]
    return Totals(
        clients=len(active),
        revenue=sum(c.revenue_12m for c in active),
        hours=sum(c.hours_12m for c in active),
        at_risk=sum(c.revenue_12m for c in active if c.band in AT_RISK),
        rated_revenue=sum(c.revenue_12m for c in rated),
        rated_hours=sum(c.billed_hours_12m for c in rated),
        not_billed=sum(c.hours_not_billed for c in rated),
        revenue_not_known=len(no_revenue),
        hours_not_known=len(no_time),
        revenue_not_known_names=_first_names(no_revenue),
        hours_not_known_names=_first_names(no_time),
        by_revenue=tuple(sorted(active, key=lambda c: -c.revenue_12m)),
    )


def _first_names(clients: Iterable[ClientScore]) -> tuple[str, ...]:
    """The first few by name."""
    return tuple(heapq.nsmallest(NAMED, (c.name for c in clients)))


def what_if(
    portfolio: PortfolioScore,
    drop: Iterable[str],
    reprices: Mapping[str, float] | None = None,
    *,
    settings: Settings | None = None,
    totals: Totals | None = None,
) -> WhatIf:
    """The figures if the clients `drop` (ids) went and each of `reprices` (id -> percent) paid
    that much more for the same hours. Only active clients count, before and after; `totals`
    (from `portfolio_totals` on the same scores) saves adding the portfolio up again."""
    settings = settings or Settings()
    reprices = dict(reprices or {})
    dropped_ids = list(dict.fromkeys(drop))
    for client_id in [*dropped_ids, *reprices]:
        client = portfolio.by_id(client_id)
        if client is None:
            raise WhatIfError(f"no client {client_id!r} in {portfolio.quarter}.")
        if not client.active:
            raise WhatIfError(f"{client.name} ({client_id}) is already a former client.")
    both = [c for c in dropped_ids if c in reprices]
    if both:
        raise WhatIfError(f"{both[0]} is both dropped and repriced: choose one.")
    for client_id, percent in reprices.items():
        if percent < MAX_CUT:
            raise WhatIfError(f"a reprice of {percent:g}% for {client_id} leaves nothing to earn.")
        if not percent <= MAX_RAISE:  # (NaN too)
            raise WhatIfError(
                f"a reprice of {percent:g}% for {client_id} is no price: at most {MAX_RAISE:,.0f}%."
            )

    t = totals or portfolio_totals(portfolio)
    dropped = [_dropped(portfolio.by_id(i)) for i in dropped_ids]  # type: ignore[arg-type]
    repriced = [_reprice(portfolio.by_id(i), p, settings) for i, p in reprices.items()]  # type: ignore[arg-type]
    raised = {
        r.client_id: (r.revenue_12m_after or 0.0) - (r.revenue_12m_before or 0.0) for r in repriced
    }
    risky = {i for i in (*dropped_ids, *raised) if (c := portfolio.by_id(i)) and c.band in AT_RISK}
    lost = sum(d.revenue_12m or 0.0 for d in dropped)
    freed = sum(d.hours_12m or 0.0 for d in dropped)
    revenue, hours, at_risk = t.revenue, t.hours, t.at_risk
    # exact, to the cent and the hundredth of an hour, so JSON's before − lost = after; the tables
    # show WhatIf.revenue_after_shown and hours_after_shown, which add up as they are written
    revenue_after = revenue - lost + sum(raised.values())
    hours_after = hours - freed
    at_risk_after = (
        at_risk
        - sum(d.revenue_12m or 0.0 for d in dropped if d.client_id in risky)
        + sum(v for i, v in raised.items() if i in risky)
    )
    largest_before, largest_after = _largest(t.by_revenue, set(dropped_ids), raised, portfolio)
    rated = {
        i
        for i in (*dropped_ids, *raised)
        if (c := portfolio.by_id(i)) and c.effective_rate is not None
    }
    rated_revenue_after = (
        t.rated_revenue
        - sum(d.revenue_12m or 0.0 for d in dropped if d.client_id in rated)
        + sum(v for i, v in raised.items() if i in rated)
    )
    gone = [c for i in dropped_ids if i in rated and (c := portfolio.by_id(i))]
    rated_hours_after = t.rated_hours - sum(c.billed_hours_12m for c in gone)
    not_billed_after = t.not_billed - sum(c.hours_not_billed for c in gone)
    money, time, rates = (
        portfolio.revenue_on_record,
        portfolio.hours_on_record,
        portfolio.rates_known,
    )
    return WhatIf(
        as_of=portfolio.as_of,
        quarter=portfolio.quarter,
        currency=portfolio.currency,
        dropped=dropped,
        reprices=repriced,
        # not known where no dropped client's figure is on record (a what-if of reprices only
        # loses nothing)
        revenue_lost=round(lost, 2) if _some(d.revenue_12m for d in dropped) else None,
        revenue_lost_estimated=round(
            sum(d.revenue_12m or 0.0 for d in dropped if d.revenue_estimated), 2
        ),
        hours_freed=round(freed, 2) if _some(d.hours_12m for d in dropped) else None,
        clients_before=t.clients,
        clients_after=t.clients - len(dropped),
        revenue_before=round(revenue, 2) if money else None,
        revenue_after=round(revenue_after, 2) if money else None,
        hours_before=round(hours, 2) if time else None,
        hours_after=round(hours_after, 2) if time else None,
        effective_rate_before=_ratio(t.rated_revenue, t.rated_hours, 2) if rates else None,
        effective_rate_after=_ratio(rated_revenue_after, rated_hours_after, 2) if rates else None,
        at_risk_share_before=_ratio(at_risk, revenue, 4),
        at_risk_share_after=_ratio(at_risk_after, revenue_after, 4),
        largest_client_before=largest_before[0],
        largest_client_share_before=_ratio(largest_before[1], revenue, 4),
        largest_client_after=largest_after[0],
        largest_client_share_after=_ratio(largest_after[1], revenue_after, 4),
        revenue_not_known=t.revenue_not_known if money else 0,
        hours_not_known=t.hours_not_known if time else 0,
        revenue_not_known_names=list(t.revenue_not_known_names) if money else [],
        hours_not_known_names=list(t.hours_not_known_names) if time else [],
        dropped_revenue_not_known=sum(1 for d in dropped if d.revenue_12m is None) if money else 0,
        dropped_hours_not_known=sum(1 for d in dropped if d.hours_12m is None) if time else 0,
        hours_not_billed_before=round(t.not_billed, 2) if rates else 0.0,
        hours_not_billed_after=round(not_billed_after, 2) if rates else 0.0,
    )


def exit_decisions(portfolio: PortfolioScore, decisions: Mapping[str, DecisionRecord]) -> list[str]:
    """The active clients decided exit for the quarter, in the order decided: the what-if of
    "this quarter's exit decisions"."""
    return [
        d.client_id
        for d in sorted(decisions.values(), key=lambda d: (d.decided_at, d.client_id))
        if d.decision is Decision.exit
        and (c := portfolio.by_id(d.client_id)) is not None
        and c.active
    ]


def _some(figures: Iterable[float | None]) -> bool:
    """Whether a sum of these says anything: none of them, or some known."""
    known = [f is not None for f in figures]
    return not known or any(known)


def _ratio(part: float, whole: float, digits: int) -> float | None:
    """part / whole, rounded; None with nothing (or less) to divide by."""
    return round(part / whole, digits) if whole > 0 else None


def _largest(
    by_revenue: tuple[ClientScore, ...],
    gone: set[str],
    raised: Mapping[str, float],
    portfolio: PortfolioScore,
) -> tuple[tuple[str | None, float], tuple[str | None, float]]:
    """The largest client (name, revenue) before, and after the drops and reprices: the first
    client the what-if leaves alone, or a repriced one if it now earns more."""
    if not by_revenue:
        return (None, 0.0), (None, 0.0)
    before = (by_revenue[0].name, by_revenue[0].revenue_12m)
    untouched = next((c for c in by_revenue if c.client_id not in gone | raised.keys()), None)
    after = [(untouched.name, untouched.revenue_12m)] if untouched else []
    for client_id, more in raised.items():
        c = portfolio.by_id(client_id)
        if c is not None:
            after.append((c.name, c.revenue_12m + more))
    return before, max(after, key=lambda nr: nr[1]) if after else (None, 0.0)


def _dropped(c: ClientScore) -> DroppedClient:
    return DroppedClient(
        client_id=c.client_id,
        name=c.name,
        revenue_12m=c.known_revenue_12m,
        revenue_estimated=c.revenue_estimated and c.known_revenue_12m is not None,
        hours_12m=c.known_hours(c.hours_12m),
        band=c.band,
    )


def _reprice(c: ClientScore, percent: float, settings: Settings) -> Reprice:
    revenue = c.revenue_12m * (1 + percent / 100)
    # the hours cost what they cost: the score's margin gives that cost back (None when unknown)
    cost = None if c.margin is None else (1 - c.margin) * c.revenue_12m
    after = (  # what the score could not tell, a new price cannot either
        None
        if c.effort_return is None
        else effort_return_of(
            revenue, c.billed_hours_12m, c.unpaid_overdue, c.target_rate, settings, cost=cost
        )
    )
    return Reprice(
        client_id=c.client_id,
        name=c.name,
        percent=percent,
        hours_12m=c.hours_12m,
        revenue_12m_before=c.known_revenue_12m,
        revenue_12m_after=None if c.known_revenue_12m is None else round(revenue, 2),
        effective_rate_before=c.effective_rate,
        effective_rate_after=(
            None if c.effective_rate is None else round(revenue / c.billed_hours_12m, 2)
        ),
        rate_weighed=c.rate_weighed,
        target_rate=c.target_rate,
        effort_return_before=c.effort_return,
        effort_return_after=after,
    )
