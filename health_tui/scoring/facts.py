"""Runs the one set-based facts query and hands back one plain record per client."""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date

import duckdb

from health_tui.money import rate_params
from health_tui.settings import Settings
from health_tui.store import Store

# Quarters read per client: the five shown (review quarter and four before) plus the two older ones
# that the oldest shown quarter's recency window and trend baseline look back on.
SHOWN_QUARTERS = 5
WINDOW = (
    1.0,
    0.5,
    0.25,
)  # weight of a quarter's events in the health of the quarter it precedes by 0, 1, 2
TREND_BASELINE = (
    4  # a quarter's satisfaction is compared with the mean of up to this many before it
)
N_QUARTERS = SHOWN_QUARTERS + TREND_BASELINE

# A complaint names a person on the agency's side: "your designer", "the account manager", "Sam from ...".
STAFF_PATTERN = (
    r"\b(your|the|that|this)\s+(designer|developer|dev|account manager|project manager|pm|staff|"
    r"intern|copywriter|team member|employee|consultant|freelancer)\b"
)


@dataclass(slots=True)
class ClientFacts:
    """One client's figures as of a date. `q_*` lists are per quarter, newest first: the component
    lists cover the SHOWN_QUARTERS, the raw ones (`q_months` onward) all N_QUARTERS."""

    client_id: str
    name: str
    industry: str | None
    started_on: date
    ended_on: date | None
    notice_days: int
    active: bool
    tenure_days: int
    hours_12m: float
    delivery_12m: float
    revision_12m: float
    meeting_12m: float
    support_12m: float
    admin_12m: float
    nonbillable_12m: float
    revenue_12m: float
    paid_12m: float
    lifetime_value: float
    n_due_12m: int
    days_late_12m: float
    unpaid_overdue: float
    n_unpaid_overdue: int
    referral_value: float
    referred: list[str]
    complaints_q0: int
    escalations_q0: int
    letters_q0: int
    urgent_q0: int
    after_hours_q0: int
    scope_changes_q0: int
    revision_requests_q0: int
    public_12m: int
    staff_12m: int
    praise_12m: int
    complaints_12m: int
    drain_12m: int
    feedback_12m: float | None
    # the current quarter (review quarter, or a former client's last), from recency windows
    current_k: int
    q_health: list[float | None]  # health per shown quarter, newest first
    bad_quarters: int  # shown quarters whose own satisfaction was under 35
    complaint_quarters: int  # shown quarters with a complaint or escalation
    health: float | None
    satisfaction: float | None
    friction: float | None
    payment: float | None
    scope: float | None
    trend: float | None
    trend_delta: float | None
    praise_w: float
    complaints_w: float
    friction_rate: float | None
    days_late_w: float | None
    revision_share: float | None
    rr_per_month: float
    prior_health: float | None  # mean health of the shown quarters before the current one
    prior_quarters: int
    # the last two quarters against the four before them
    late_recent: float | None
    late_before: float | None
    hours_pm_recent: float | None
    hours_pm_before: float | None
    months_12m: float


_FIELDS = tuple(f.name for f in fields(ClientFacts))


def load_facts(
    store: Store, as_of: date, settings: Settings, *, con: duckdb.DuckDBPyConnection | None = None
) -> list[ClientFacts]:
    """Every client's facts and components in one query; `con` lets a worker thread use its own cursor."""
    w, r = settings.weights, settings.rules
    params = {
        "as_of": as_of,
        "nq": N_QUARTERS,
        "shown": SHOWN_QUARTERS,
        "staff_pattern": STAFF_PATTERN,
        "friction_scale": r.friction_scale,
        "late_days_scale": r.late_days_scale,
        "w_satisfaction": w.satisfaction,
        "w_friction": w.friction,
        "w_payment": w.payment,
        "w_scope": w.scope,
        "w_trend": w.trend,
        **rate_params(settings.money),
    }
    cur = store.run("facts_clients", params, con=con)
    columns = [d[0] for d in cur.description]
    if tuple(columns) != _FIELDS:
        raise RuntimeError(f"facts_clients.sql returns {columns}, expected {_FIELDS}")
    return [ClientFacts(*row) for row in cur.fetchall()]
