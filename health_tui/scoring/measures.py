"""Pass one of scoring: each client's current figures, picked from the facts query's quarter lists,
and effort versus return against the portfolio's target rate.

The components and health per quarter are computed in SQL (`queries/facts_clients.sql`); Python
only chooses which quarter is "now" for each client and takes the portfolio's medians.
"""

from __future__ import annotations

import math
import statistics
from dataclasses import dataclass

from health_tui.scoring.facts import ClientFacts
from health_tui.scoring.models import COMPONENTS
from health_tui.settings import Settings

NEUTRAL = 50.0  # health or effort/return of a client with no data at all: neither good nor bad


def clamp(x: float, lo: float = 0.0, hi: float = 100.0) -> float:
    return max(lo, min(hi, x))


def whole(x: float) -> float:
    """Health and effort/return are whole points, rounded half up, and every rule, band and sentence
    reads that same number: a client shown at 50 is never 'below 50'."""
    return float(math.floor(x + 0.5))


@dataclass(slots=True)
class Measures:
    """A client's facts with the current components gathered and the effective rate worked out."""

    facts: ClientFacts
    components: dict[str, float | None]
    health: float
    effective_rate: float | None

    @property
    def health_by_quarter(self) -> list[float | None]:
        return self.facts.q_health


def measure(f: ClientFacts) -> Measures:
    return Measures(
        facts=f,
        components={name: getattr(f, name) for name in COMPONENTS},
        health=whole(f.health) if f.health is not None else NEUTRAL,
        effective_rate=f.revenue_12m / f.hours_12m if f.hours_12m > 0 else None,
    )


def effort_return(m: Measures, target: float | None, settings: Settings) -> float:
    """Revenue per hour against the target (70 at target, 100 at 1.3x), less unpaid overdue share."""
    f = m.facts
    if m.effective_rate is None:
        return 100.0 if f.revenue_12m > 0 else NEUTRAL
    if not target:
        return NEUTRAL
    score = 100 * (m.effective_rate / target) - 30
    if f.revenue_12m > 0:
        score -= 30 * min(1.0, f.unpaid_overdue / f.revenue_12m)
    if settings.money.cost_per_hour is not None and f.revenue_12m > 0:
        margin = 1 - f.hours_12m * settings.money.cost_per_hour / f.revenue_12m
        if margin < 0:  # losing money on every hour is worse than any rate ratio says
            score = min(score, 20 + 40 * max(-1.0, margin))
    return whole(clamp(score))


def _median(values: list[float]) -> float | None:
    return statistics.median(values) if values else None


def portfolio_medians(ms: list[Measures]) -> dict[str, float]:
    """What 'typical' means in this portfolio: medians over active clients with the data."""
    active = [m.facts for m in ms if m.facts.active]
    worked = [f for f in active if f.hours_12m > 0]
    candidates = {
        "feedback": [f.feedback_12m for f in active if f.feedback_12m is not None],
        "revision_share": [f.revision_12m / f.hours_12m for f in worked],
        "nonbillable_share": [f.nonbillable_12m / f.hours_12m for f in worked],
        "days_late": [f.days_late_12m / f.n_due_12m for f in active if f.n_due_12m],
        "complaints_q": [f.complaints_q0 + f.escalations_q0 for f in active],
        "urgent_q": [f.urgent_q0 + f.after_hours_q0 for f in active],
        "effective_rate": [f.revenue_12m / f.hours_12m for f in worked],
        "revenue_12m": [f.revenue_12m for f in active],
        "lifetime_value": [f.lifetime_value for f in active],
    }
    out = {k: v for k, vals in candidates.items() if (v := _median(vals)) is not None}
    ltv = sorted(f.lifetime_value for f in active)
    if ltv:
        out["lifetime_value_p75"] = ltv[min(len(ltv) - 1, (3 * len(ltv)) // 4)]
    return out
