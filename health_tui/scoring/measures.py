"""Pass one of scoring: each client's current figures, picked from the facts query's quarter lists,
what moved health since the quarter before, and effort versus return against the target rate.

The components and health per quarter are computed in SQL (`queries/facts_clients.sql`); Python
only chooses which quarter is "now" for each client and takes the portfolio's medians.
"""

from __future__ import annotations

import math
import statistics
from dataclasses import dataclass
from datetime import date
from operator import itemgetter

from health_tui.scoring.facts import ClientFacts
from health_tui.settings import Settings


def clamp(x: float, lo: float = 0.0, hi: float = 100.0) -> float:
    return max(lo, min(hi, x))


def whole(x: float) -> float:
    """Health and effort/return are whole points, rounded half up, and every rule, band and sentence
    reads that same number: a client shown at 50 is never 'below 50'."""
    return float(math.floor(x + 0.5))


def days_late(f: ClientFacts) -> float | None:
    """The average days late of the invoices due in the last four quarters, to a tenth: the
    record's figure, which the reasons and the client screen both say in whole days (half up)
    from this same tenth (47 in one place and 46 in the other came from rounding twice)."""
    return None if not f.n_due_12m else round(f.days_late_12m / f.n_due_12m, 1)


@dataclass(slots=True)
class Measures:
    """A client's facts with the current components gathered and the effective rate worked out."""

    facts: ClientFacts
    components: dict[str, float | None]
    health: float | None
    previous: dict[str, float | None]
    previous_health: float | None
    effective_rate: float | None

    @property
    def health_by_quarter(self) -> list[float | None]:
        return self.facts.q_health

    @property
    def relationship(self) -> bool:
        """Whether anything speaks of the relationship itself (feedback, messages), not just money."""
        return (
            self.components["satisfaction"] is not None or self.components["friction"] is not None
        )


@dataclass(frozen=True, slots=True)
class EffortBasis:
    """What the portfolio holds to weigh effort against return: revenue and hours in the last four
    quarters, and whether any client has both. Without one client with both (time and tickets
    only, invoices only, or a time tracker and invoices that cover different clients), a client's
    rate is not known, not zero, and its hours are not known to be none."""

    revenue: bool  # some client has revenue
    hours: bool  # some client has hours
    paired: bool  # some client has both: the effort of every client can be weighed
    window_start: date  # the first day of the last four quarters

    @property
    def what_is_missing(self) -> str:
        """Why no client's effort can be weighed, and what would fill it (for the reasons)."""
        if not self.revenue:
            return (
                "no revenue for any client in the last four quarters. To fill it: import "
                "invoices, or time entries with their billable amounts and currency (Harvest's "
                "Billable Amount; Toggl's Amount (EUR), or Billable amount beside a Currency "
                "column; Clockify's Billable Amount (USD))"
            )
        if not self.hours:
            return (
                "no hours logged for any client in the last four quarters. To fill it: import "
                "time entries (Harvest, Toggl, Clockify or a timesheet)"
            )
        return (
            "no client has both hours and revenue in the last four quarters: the time and the "
            "invoices on record are for different clients. To fill it: import the invoices of "
            "the clients whose time you track and the time of those you invoice, or merge a "
            "client that came in under two names (`health-tui clients merge`)"
        )


def effort_basis(facts: list[ClientFacts], window_start: date) -> EffortBasis:
    return EffortBasis(
        revenue=any(f.revenue_12m > 0 for f in facts),
        hours=any(f.hours_12m > 0 for f in facts),
        paired=any(f.revenue_12m > 0 and f.hours_12m > 0 for f in facts),
        window_start=window_start,
    )


def invoiced_in_window(f: ClientFacts, window_start: date) -> bool:
    """Revenue of theirs in the last four quarters, or an invoice issued in them (a pro-bono
    client's invoices of 0): their hours can be weighed against it, even at a rate of 0."""
    return f.revenue_12m > 0 or (f.last_invoice is not None and f.last_invoice >= window_start)


def revenue_on_record(f: ClientFacts, window_start: date) -> bool:
    """Whether the client's revenue of the last four quarters is known: estimated from billable
    amounts, or invoices of theirs on record and either one in those quarters or no hours in them
    (a true 0). Hours with no invoice in the window are work not billed yet, or billed elsewhere:
    its revenue is not known, not 0 (and an exit would not "lose €0")."""
    if f.revenue_estimated:
        return True
    return f.last_invoice is not None and (f.hours_12m <= 0 or invoiced_in_window(f, window_start))


def measure(f: ClientFacts, basis: EffortBasis | None = None) -> Measures:
    """No effective rate, rather than a rate of 0, where `basis` says none can be weighed: no
    client with both hours and revenue, or none of this client's in the window."""
    health, before, hours = f.health, f.prev_health, f.billed_hours_12m
    # dicts written out (in COMPONENTS order): three times faster than built from the names,
    # and this runs for every client of every scoring
    return Measures(
        f,
        {"satisfaction": f.satisfaction, "friction": f.friction, "payment": f.payment,
         "scope": f.scope, "trend": f.trend},
        None if health is None else whole(health),
        {"satisfaction": f.prev_satisfaction, "friction": f.prev_friction,
         "payment": f.prev_payment, "scope": f.prev_scope, "trend": f.prev_trend},
        None if before is None else whole(before),
        f.revenue_12m / hours
        if hours > 0
        and (basis is None or (basis.paired and invoiced_in_window(f, basis.window_start)))
        else None,
    )  # fmt: skip


def contributions(
    components: dict[str, float | None], weights: dict[str, float]
) -> dict[str, float]:
    """Each component's share of health in health points: its weight among those with data x score."""
    have = sum(weights[k] for k, v in components.items() if v is not None)
    return {
        k: (weights[k] * v / have if v is not None and have > 0 else 0.0)
        for k, v in components.items()
    }


def component_changes(
    now: dict[str, float | None],
    before: dict[str, float | None],
    weights: dict[str, float],
    change: float,
) -> dict[str, float]:
    """What each component added to the change of health, in tenths of a point, adding up to
    `change` (the difference of the whole-point healths shown) exactly.

    A component with data in both quarters is credited with its own move only: its change of
    score at this quarter's weight. What health gained or lost because a component gained or lost
    its data (the others' weights grow or shrink with it) goes to that component, "(no data this
    quarter)": friction's unchanged score was shown as "friction +4" when the trend lost its data,
    and a first complaint, which gives friction data, as a rise in friction. The true moves add up
    to the unrounded change; the rounding of both healths to whole points (less than a point in
    all) is spread a tenth at a time over the components that moved, each tenth where it distorts
    least.
    """
    raw = _moves(now, before, weights)
    if not raw:
        return {}
    tenths = {k: round(10 * v) for k, v in raw.items()}
    left = round(10 * change) - sum(tenths.values())
    step = 1 if left > 0 else -1
    ten = {k: 10 * v for k, v in raw.items()}
    # how far each rounded value is behind (or ahead of) its true value, the way the tenth goes
    moved = [k for k, v in raw.items() if v != 0] or list(raw)  # a score that did not move stays
    lag = {k: step * (tenths[k] - ten[k]) for k in moved}
    for _ in range(abs(left)):
        k = min(lag.items(), key=_LEAST_LAG)[0]  # furthest behind; ties by name
        tenths[k] += step
        lag[k] = step * (tenths[k] - ten[k])
    return {k: t / 10 for k, t in tenths.items()}


def _moves(
    now: dict[str, float | None], before: dict[str, float | None], weights: dict[str, float]
) -> dict[str, float]:
    """The unrounded move of each component that has data in either quarter (component_changes)."""
    a, b = contributions(now, weights), contributions(before, weights)
    shown = [k for k in now if now[k] is not None or before[k] is not None]
    gained_or_lost = [k for k in shown if (now[k] is None) != (before[k] is None)]
    if not gained_or_lost:
        return {k: a[k] - b[k] for k in shown}
    have = sum(weights[k] for k, v in now.items() if v is not None)
    moves = {
        k: weights[k] * (now_k - before_k) / have
        for k in shown
        if (now_k := now[k]) is not None and (before_k := before[k]) is not None
    }
    rest = sum(a.values()) - sum(b.values()) - sum(moves.values())
    share = sum(weights[k] for k in gained_or_lost)
    for k in gained_or_lost:
        moves[k] = rest * weights[k] / share if share > 0 else rest / len(gained_or_lost)
    return moves


_LEAST_LAG = itemgetter(1, 0)  # (lag, name) of a (name, lag) item


def time_cost(f: ClientFacts, cost_per_hour: float | None) -> float | None:
    """What the hours the last four quarters' revenue pays for (`billed_hours_12m`) cost the
    agency: the entries' own cost amounts (Harvest's Cost Amount) where every hour has one; else
    the hours without one at [money] cost_per_hour; None when some hours have no cost and no cost
    per hour is set."""
    cost, uncosted = costed_hours(f)
    if cost is None:  # no entry has a cost amount: the cost per hour, or nothing
        return None if cost_per_hour is None else f.billed_hours_12m * cost_per_hour
    if uncosted > 0:
        return None if cost_per_hour is None else cost + uncosted * cost_per_hour
    return cost


def costed_hours(f: ClientFacts) -> tuple[float | None, float]:
    """The cost amounts of the hours billed (None where no entry has one) and the billed hours
    without one: the time not billed yet left out."""
    uncosted = f.uncosted_hours_12m - f.uncosted_not_billed
    # amounts only on the time apart (to the microhour the hours are summed in: two ways of
    # subtracting the same hours differ in their last binary digit)
    if f.cost_12m is None or round(uncosted, 6) >= round(f.billed_hours_12m, 6):
        return None, uncosted
    return f.cost_12m - (f.cost_not_billed or 0.0), uncosted


def margin(f: ClientFacts, cost_per_hour: float | None) -> float | None:
    """The share of the last four quarters' revenue left after the cost of the hours; None without
    revenue or without a known cost (time_cost)."""
    cost = time_cost(f, cost_per_hour)
    if cost is None or f.revenue_12m <= 0:
        return None
    return 1 - cost / f.revenue_12m


def too_few_hours(f: ClientFacts, min_hours: float) -> bool:
    """Some hours in the last four quarters, fewer than `min_hours`: one small job, whose rate
    says nothing of the account. Effort versus return is not weighed (`effort_gap`), the rate
    sets no target (`paying_rates`) and the tables show none (`ClientScore.rate_weighed`)."""
    return 0 < f.hours_12m < min_hours


def effort_gap(
    f: ClientFacts, basis: EffortBasis, target: float | None, min_hours: float = 0.0
) -> str | None:
    """Why the client's effort versus return cannot be weighed (the reasons say it, by this key),
    or None where it can. Hours with no revenue of theirs in the last four quarters cannot be:
    their invoices may live elsewhere, be imported only up to an older date, or not be sent yet,
    and a rate of 0 would make an exit out of a gap in the data (so would billable amounts on a
    few of its hours, standing in for its revenue). Revenue with no time of theirs
    ever on record cannot either (their time is tracked elsewhere); with older time it is 100.
    Fewer hours than `min_hours` cannot either: one small job's rate says nothing of the account."""
    if not basis.paired:
        return "portfolio"
    if f.hours_12m > 0 and not invoiced_in_window(f, basis.window_start):
        if f.billable_12m and f.unpriced_hours_12m > 0:
            return "part priced"  # amounts on some billable hours only: not its revenue
        return "no invoice" if f.last_invoice is None else "old invoice"
    if f.hours_12m <= 0:
        if f.revenue_12m <= 0:
            return "nothing"
        return "no time" if f.last_work is None else None
    if too_few_hours(f, min_hours):
        return "few hours"
    return None if target else "no target"


def effort_return(
    m: Measures, target: float | None, settings: Settings, basis: EffortBasis
) -> float | None:
    """A scored client's effort versus return, from its last four quarters' figures; None where
    it cannot be weighed (`effort_gap`)."""
    f = m.facts
    if effort_gap(f, basis, target, settings.rules.min_hours) is not None:
        return None
    cost = time_cost(f, settings.money.cost_per_hour)
    return effort_return_of(
        f.revenue_12m, f.billed_hours_12m, f.unpaid_overdue, target, settings, cost=cost
    )


def effort_return_of(
    revenue: float,
    hours: float,
    unpaid_overdue: float,
    target: float | None,
    settings: Settings,
    *,
    cost: float | None,
) -> float | None:
    """Revenue per hour against the target (README: 70 at target, 100 at 1.3x by default), less the
    unpaid overdue share; with a known cost of the hours (the entries' cost amounts, or a cost per
    hour: `time_cost`), a client run at a loss is capped low. None where there is nothing to weigh:
    neither hours nor revenue, or hours and no target rate (the score would be a made-up 50).

    Takes plain figures so a what-if (a reprice) is scored by the very same formula."""
    e = settings.effort
    if hours <= 0:
        if revenue <= 0:
            return None
        score = 100.0
    elif not target:
        return None
    else:  # the rate part is 0-100 before what is owed comes off: a client billed well above
        # the target kept 100 with a third of a year's revenue overdue
        score = clamp(e.at_target + e.slope * (revenue / hours / target - 1))
    if revenue > 0:
        score -= e.unpaid_penalty * min(1.0, unpaid_overdue / revenue)
    if cost is not None and revenue > 0:
        left = 1 - cost / revenue
        if left < 0:  # losing money on every hour is worse than any rate ratio says
            score = min(score, e.loss_cap + e.loss_slope * max(-1.0, left))
    return whole(clamp(score))


# The fewest clients a median said in a sentence stands on: fewer, and a client is compared with
# itself or one other.
MEDIAN_OF = 3


def _median(values: list[float]) -> float | None:
    return statistics.median(values) if values else None


MIN_INVOICED_RATES = 3  # fewer invoiced clients than this: the estimated rates count too


def paying_rates(ms: list[Measures], min_hours: float = 0.0) -> tuple[list[float], int]:
    """The rates that set the target, and how many of them are estimated: those of the active
    clients invoiced in the last four quarters (a new client not invoiced yet is no rate of 0). A
    rate estimated from a time tracker's billable amounts (list rates, a two-hour project never
    billed) counts only where fewer than MIN_INVOICED_RATES clients are invoiced: one invoice must
    not make every tracked client's target. A client with fewer hours than `min_hours` does not
    count: one small job is no rate of the portfolio's."""
    rated = [
        (m.effective_rate, m.facts.revenue_estimated)
        for m in ms
        if m.facts.active
        and m.facts.revenue_12m > 0
        and m.effective_rate is not None
        and not too_few_hours(m.facts, min_hours)
    ]
    invoiced = [rate for rate, estimated in rated if not estimated]
    estimated = [rate for rate, estimated in rated if estimated]
    if len(invoiced) >= MIN_INVOICED_RATES or not estimated:
        return invoiced, 0
    return invoiced + estimated, len(estimated)


def target_basis(paying: tuple[list[float], int], settings: Settings) -> str:
    """Where the target rate comes from, for the effort reason: the owner's setting, or the
    median of how many clients' rates (`paying_rates`: and how many of them are estimated)."""
    if settings.money.target_rate:
        return "your target rate ([money] target_rate)"
    rates, estimated = paying
    n = len(rates)
    if n == 1 and estimated:
        return (
            "the rate of the only client with a rate, estimated from billable amounts: no client "
            "invoiced in the last four quarters has hours on record"
        )
    if n == 1:
        return "the rate of the only client invoiced in the last four quarters"
    whose = f"the median of {n:,} clients' rates"
    if estimated == n:
        return (
            f"{whose}, estimated from billable amounts: no client invoiced in the last four "
            "quarters has hours on record"
        )
    if estimated:
        return (
            f"{whose}, {estimated:,} of them estimated from billable amounts (fewer than "
            f"{MIN_INVOICED_RATES} invoiced clients have hours on record)"
        )
    return f"{whose} invoiced in the last four quarters"


def portfolio_medians(
    ms: list[Measures], settings: Settings, rates: list[float]
) -> dict[str, float]:
    """What 'typical' means in this portfolio: medians over active clients with the data; the
    effective rate's over `rates` (`paying_rates`)."""
    active = [m.facts for m in ms if m.facts.active]
    worked = [f for f in active if f.hours_12m > 0]
    invoiced = [f for f in active if f.last_invoice is not None or f.revenue_estimated]
    candidates: dict[str, list[float]] = {
        "feedback": [f.feedback_12m for f in active if f.feedback_12m is not None],
        "revision_share": [f.revision_12m / f.hours_12m for f in worked],
        "nonbillable_share": [f.nonbillable_12m / f.hours_12m for f in worked],
        "days_late": [f.days_late_12m / f.n_due_12m for f in active if f.n_due_12m],
        "complaints_q": [f.complaints_q0 + f.escalations_q0 for f in active],
        "urgent_q": [f.urgent_q0 + f.after_hours_q0 for f in active],
        "effective_rate": rates,
        # a client with no invoice on record has revenue not known, not €0: not in the medians
        "revenue_12m": [f.revenue_12m for f in invoiced],
        "lifetime_value": [f.lifetime_value for f in invoiced],
    }
    # figures a sentence compares a client with, and nothing else reads: no "portfolio median"
    # from fewer than MEDIAN_OF clients (one client's own 2.0/10 was its "portfolio median 2.0")
    for said_only in ("feedback", "days_late"):
        if len(candidates[said_only]) < MEDIAN_OF:
            candidates[said_only] = []
    out = {k: v for k, vals in candidates.items() if (v := _median(vals)) is not None}
    ltv = sorted(f.lifetime_value for f in invoiced)
    if ltv:
        share = settings.counter_signals.lifetime_quantile
        out["lifetime_value_top"] = ltv[min(len(ltv) - 1, math.floor(share * len(ltv)))]
    return out
