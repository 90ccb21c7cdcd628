"""Pass one of scoring: each client's current figures, picked from the facts query's quarter lists,
and effort versus return against the portfolio's target rate.

The components and health per quarter are computed in SQL (`queries/facts_clients.sql`); Python
only chooses which quarter is "now" for each client and takes the portfolio's medians.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass

from health_tui.scoring.facts import ClientFacts
from health_tui.scoring.models import COMPONENTS
from health_tui.settings import Settings

NEUTRAL = 50.0  # health or effort/return of a client with no data at all: neither good nor bad


def clamp(x: float, lo: float = 0.0, hi: float = 100.0) -> float:
    return max(lo, min(hi, x))


@dataclass(slots=True)
class Measures:
    facts: ClientFacts
    current_k: int  # the quarter the current figures describe (0 unless a former client)
    components: dict[str, float | None]
    health: float
    health_by_quarter: list[float | None]  # newest first
    satisfaction: float | None
    friction_rate: float | None
    days_late: float | None
    revision_share: float | None
    rr_per_month: float
    praise_w: float
    complaints_w: float
    trend_delta: float | None
    effective_rate: float | None


def measure(f: ClientFacts) -> Measures:
    shown = len(f.q_health)
    # the review quarter, or for a former client the last shown quarter they were still a client
    k = next((i for i in range(shown) if f.q_months[i] > 0), 0)
    components = {
        "satisfaction": f.q_satisfaction[k],
        "friction": f.q_friction[k],
        "payment": f.q_payment[k],
        "scope": f.q_scope[k],
        "trend": f.q_trend[k],
    }
    latest = next((h for h in f.q_health if h is not None), None)
    return Measures(
        facts=f,
        current_k=k,
        components={name: components[name] for name in COMPONENTS},
        health=latest if latest is not None else NEUTRAL,
        health_by_quarter=f.q_health,
        satisfaction=f.q_satisfaction[k],
        friction_rate=f.q_friction_rate[k],
        days_late=f.q_days_late_w[k],
        revision_share=f.q_revision_share[k],
        rr_per_month=f.q_rr_per_month[k],
        praise_w=f.q_praise_w[k],
        complaints_w=f.q_complaints_w[k],
        trend_delta=f.q_trend_delta[k],
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
    return clamp(score)


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
