"""Scores a portfolio as of a date: the one function the app, the CLI and the report call."""

from __future__ import annotations

from datetime import date

import duckdb

from health_tui.dates import quarter_label, quarter_of, shift_quarter
from health_tui.money import check_store_currencies
from health_tui.scoring import verdicts
from health_tui.scoring.facts import SHOWN_QUARTERS, load_facts
from health_tui.scoring.measures import (
    Measures,
    component_changes,
    effort_return,
    margin,
    measure,
    portfolio_medians,
    whole,
)
from health_tui.scoring.memory import collector_paused
from health_tui.scoring.models import (
    Archetype,
    ClientScore,
    PortfolioScore,
    Recommendation,
    band_label,
)
from health_tui.scoring.reasons import reasons
from health_tui.settings import Settings
from health_tui.store import Store

_DETAIL = {
    "satisfaction": "feedback scores, tone of messages, praise against complaints",
    "friction": "complaints, escalations, letters, urgent and after-hours demands, scope changes",
    "payment": "days late and unpaid overdue share of invoices due",
    "scope": "revision share, non-billable share, revision requests",
    "trend": "this quarter's satisfaction against earlier quarters",
}


def _components(m: Measures, weights: dict[str, float]) -> list[dict]:
    """Component records (as dicts: the ClientScore validates them all in one pass). A dormant
    client's are not shown: older data would read as a satisfaction or a calm that nothing shows."""
    if m.facts.dormant:
        return [
            {"name": name, "score": None, "weight": weights[name], "effective_weight": 0.0,
             "detail": f"not scored while dormant ({_DETAIL[name]})"}
            for name in m.components
        ]  # fmt: skip
    have = sum(weights[k] for k, v in m.components.items() if v is not None)
    return [
        {
            "name": name,
            "score": None if score is None else round(score, 1),
            "weight": weights[name],
            "effective_weight": round(weights[name] / have, 4)
            if score is not None and have > 0
            else 0.0,
            "detail": _DETAIL[name] if score is not None else f"no data ({_DETAIL[name]})",
        }
        for name, score in m.components.items()
    ]


def score_portfolio(
    store: Store,
    as_of: date,
    settings: Settings | None = None,
    *,
    con: duckdb.DuckDBPyConnection | None = None,
    rollups: bool = True,
) -> PortfolioScore:
    """Every client scored as of `as_of`; pass `con=store.cursor()` from a worker thread.
    `rollups=False` reads every raw row instead of the quarter rollups (tests compare the two)."""
    settings = settings or Settings()
    check_store_currencies(store, settings.money, con=con)
    with collector_paused():
        return _score(store, as_of, settings, con, rollups)


def _score(
    store: Store,
    as_of: date,
    settings: Settings,
    con: duckdb.DuckDBPyConnection | None,
    rollups: bool,
) -> PortfolioScore:
    facts = load_facts(store, as_of, settings, con=con, rollups=rollups)
    measures = [measure(f) for f in facts]
    medians = portfolio_medians(measures, settings)
    target = settings.money.target_rate or medians.get("effective_rate")
    ctx = verdicts.Context(medians=medians, target_rate=target, settings=settings, as_of=as_of)
    y, q = quarter_of(as_of)
    labels = [quarter_label(*shift_quarter(y, q, -k)) for k in range(SHOWN_QUARTERS + 1)][::-1]
    drafts = [_draft(m, ctx, labels) for m in measures]
    _referrers(drafts, ctx)
    # One validation per client: pydantic checks the nested records in the same pass.
    clients = [ClientScore.model_validate(d) for d in drafts]
    portfolio = PortfolioScore(
        as_of=as_of,
        quarter=quarter_label(y, q),
        quarters=labels[1:],
        currency=settings.money.currency,
        target_rate=None if target is None else round(target, 2),
        clients=clients,
        medians={k: round(v, 4) for k, v in medians.items()},
    )
    _free_gradually(drafts, measures, facts)
    return portfolio


def _free_gradually(*lists: list) -> None:
    """Free the working records a few hundred at a time. Freed all at once as `_score` returns,
    50,000 clients' take a fifth of a second in one call that holds the interpreter lock: the app,
    scoring in a thread, could not take a key meanwhile."""
    for items in lists:
        while items:
            del items[-256:]


def _draft(m: Measures, ctx: verdicts.Context, labels: list[str]) -> dict:
    """A client's score as a dict: the verdict, the reasons, and why health moved."""
    f, settings = m.facts, ctx.settings
    effort = effort_return(m, ctx.target_rate, settings)
    arch = verdicts.archetype(m, ctx)
    counters = verdicts.counter_signals(m, ctx)
    rec, why = verdicts.recommend(arch, m, effort, counters, ctx)
    if arch is Archetype.former:
        rec = Recommendation.watch  # never a candidate, whatever the numbers
    counter_text = [c.sentence for c in counters]
    if rec is Recommendation.exit:
        years = f.tenure_days / 365.25
        counter_text.append(
            f"Weighed and found no counter-signal: lifetime value {ctx.money(f.lifetime_value)} over "
            f"{years:.1f} years, referral value {ctx.money(f.referral_value)}."
        )
    left = margin(f, settings.money.cost_per_hour)
    shown = labels[1:]  # labels[0] is the quarter before the oldest shown
    trend = [
        {"quarter": label, "health": None if h is None else whole(h)}
        for label, h in zip(shown, reversed(m.health_by_quarter), strict=True)
    ]
    previous_quarter = labels[len(labels) - 2 - f.current_k]
    change = changes = None
    if m.health is not None and m.previous_health is not None:
        change = m.health - m.previous_health
        changes = component_changes(m.components, m.previous, ctx.weights, change)
    dates = [d for d in (f.last_work, f.last_invoice, f.last_contact, f.last_feedback) if d]
    return dict(
        client_id=f.client_id,
        name=f.name,
        industry=f.industry,
        started_on=f.started_on,
        ended_on=f.ended_on,
        active=f.active,
        tenure_days=f.tenure_days,
        notice_days=f.notice_days,
        health=m.health,
        band=verdicts.band(m.health, settings),
        coverage=round(f.coverage, 2),
        components=_components(m, ctx.weights),
        trend=trend,
        previous_quarter=previous_quarter,
        previous_health=m.previous_health,
        health_change=change,
        component_changes=changes or {},
        effort_return=effort,
        effective_rate=None if m.effective_rate is None else round(m.effective_rate, 2),
        target_rate=None if ctx.target_rate is None else round(ctx.target_rate, 2),
        margin=None if left is None else round(left, 4),
        revenue_12m=round(f.revenue_12m, 2),
        revenue_estimated=f.revenue_estimated,
        paid_12m=round(f.paid_12m, 2),
        hours_12m=round(f.hours_12m, 2),
        hours_by_activity={
            "delivery": round(f.delivery_12m, 2),
            "revision": round(f.revision_12m, 2),
            "meeting": round(f.meeting_12m, 2),
            "support": round(f.support_12m, 2),
            "admin": round(f.admin_12m, 2),
        },
        unpaid_overdue=round(f.unpaid_overdue, 2),
        unpaid_overdue_count=f.n_unpaid_overdue,
        avg_days_late=None if not f.n_due_12m else round(f.days_late_12m / f.n_due_12m, 1),
        lifetime_value=round(f.lifetime_value, 2),
        referral_value=round(f.referral_value, 2),
        referred=list(f.referred),
        referred_by=f.referred_by,
        last_activity=max(dates) if dates else None,
        archetype=arch,
        recommendation=rec,
        fire_candidate=rec is Recommendation.exit,
        reasons=([why] if why else [])
        + reasons(m, arch, rec, effort, ctx, changes, previous_quarter),
        counter_signals=counter_text,
    )


def _referrers(drafts: list[dict], ctx: verdicts.Context) -> None:
    """Referrals both ways: a referred client's reasons (and, for an exit, the counter-signals)
    name who referred them and how that client stands now."""
    by_id = {d["client_id"]: d for d in drafts}
    for d in drafts:
        ref = by_id.get(d["referred_by"]) if d["referred_by"] else None
        if ref is None:
            continue
        standing = _standing(ref)
        d["referred_by_name"] = ref["name"]
        d["referrer_standing"] = standing
        d["reasons"].append(f"Referred by {ref['name']}: {standing}.")
        if d["recommendation"] is Recommendation.exit and ref["active"]:
            d["counter_signals"].insert(
                0,
                f"Referred by {ref['name']} ({standing}): an exit may touch that relationship; "
                "tell them before it happens.",
            )


def _standing(d: dict) -> str:
    """How a client stands, in a few words: 'champion, health 92 (healthy), keep'."""
    arch: Archetype = d["archetype"]
    if not d["active"]:
        return f"a former client (ended {d['ended_on']})"
    health = (
        f"health {d['health']:.0f} ({band_label(d['band'])})"
        if d["health"] is not None
        else band_label(None)
    )
    return f"{arch.label}, {health}, {d['recommendation'].value}"
