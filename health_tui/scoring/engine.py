"""Scores a portfolio as of a date: the one function the app, the CLI and the report call."""

from __future__ import annotations

import contextlib
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor, wait
from datetime import date

import duckdb

from health_tui.dates import quarter_label, quarter_of, quarter_start, shift_quarter
from health_tui.money import check_store_currencies
from health_tui.scoring import verdicts
from health_tui.scoring.deferred import Later, trusted
from health_tui.scoring.facts import SHOWN_QUARTERS, load_facts
from health_tui.scoring.measures import (
    Measures,
    component_changes,
    days_late,
    effort_basis,
    effort_return,
    margin,
    measure,
    paying_rates,
    portfolio_medians,
    revenue_on_record,
    target_basis,
    too_few_hours,
)
from health_tui.scoring.memory import collector_paused
from health_tui.scoring.models import (
    STALE_TIME_DAYS,
    Archetype,
    ClientScore,
    DataChange,
    PortfolioScore,
    Recommendation,
    band_label,
    data_changes,
)
from health_tui.scoring.reasons import reasons, thin_evidence
from health_tui.scoring.records import CLIENT_FIELDS, RecordParts, hours_by_activity
from health_tui.settings import Settings
from health_tui.store import Store


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
    # every read of one scoring sees one state of the file (an invoice in a new currency
    # committed after the check of rates would be scored without one)
    with store.snapshot(con) as target:
        check_store_currencies(store, settings.money, con=target)
        with collector_paused():
            return _score(store, as_of, settings, target, rollups)


def score_two(
    store: Store,
    first: date,
    second: date,
    settings: Settings,
    *,
    con: duckdb.DuckDBPyConnection | None = None,
) -> tuple[PortfolioScore, PortfolioScore]:
    """The portfolio scored as of two dates (the report's quarter and the one before), the second
    on a cursor and thread of its own while the first runs: DuckDB works without the interpreter
    lock, so one scoring's query runs while the other's rules do, and on a small portfolio, where
    planning the query is most of the cost, the two plans are made on two cores (two quarters of
    fixtures/small cost 1.2 times one, against 1.9 one after the other; at 10,000 clients, where
    the query already fills both cores, little or nothing: bench/bench_score.py).
    Inside a transaction or snapshot of `con`'s (writes no other cursor sees yet, a state of the
    file another cursor does not share), one after the other.
    Should the first fail or be interrupted (Ctrl+C), the second's query is interrupted too, so
    the error comes as soon as scoring one quarter would give it."""
    if store.in_snapshot(con):
        return (
            score_portfolio(store, first, settings, con=con),
            score_portfolio(store, second, settings, con=con),
        )
    other = store.cursor()
    pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="score")
    try:
        later = pool.submit(score_portfolio, store, second, settings, con=other)
        try:
            now = score_portfolio(store, first, settings, con=con)
            then = later.result()
        except BaseException:
            # its result is not wanted: stop its queries rather than wait for them (again until
            # it ends: an interrupt between two of its queries stops neither)
            while not later.done():
                other.interrupt()
                wait([later], timeout=0.05)
            raise
        return now, then
    finally:
        pool.shutdown(wait=True)  # the thread is done with `other` before it is closed
        with contextlib.suppress(duckdb.Error):  # never in place of the error being raised
            other.close()


def _score(
    store: Store,
    as_of: date,
    settings: Settings,
    con: duckdb.DuckDBPyConnection | None,
    rollups: bool,
) -> PortfolioScore:
    facts = load_facts(store, as_of, settings, con=con, rollups=rollups)
    y, q = quarter_of(as_of)
    window_start = quarter_start(*shift_quarter(y, q, -3))  # the last four quarters'
    basis = effort_basis([f for f in facts if f.active], window_start)  # as the medians
    measures = [measure(f, basis) for f in facts]
    # the rates the target is the median of
    paying = paying_rates(measures, settings.rules.min_hours)
    medians = portfolio_medians(measures, settings, paying[0])
    target = settings.money.target_rate or medians.get("effective_rate") or None
    time_ends_on = _weeks_before((f.last_work for f in facts), as_of)
    ctx = verdicts.Context(
        medians=medians,
        target_rate=target,
        settings=settings,
        as_of=as_of,
        basis=basis,
        target_from=target_basis(paying, settings),
        time_ends_on=time_ends_on,
    )
    labels = [quarter_label(*shift_quarter(y, q, -k)) for k in range(SHOWN_QUARTERS + 1)][::-1]
    parts = RecordParts(ctx, labels)
    drafts = [_draft(m, ctx, parts) for m in measures]
    _referrers(drafts, ctx)
    # Built from our own figures without validating them again (scoring/deferred.py `trusted`).
    clients = [trusted(ClientScore, d, CLIENT_FIELDS) for d in drafts]
    return PortfolioScore(
        as_of=as_of,
        quarter=quarter_label(y, q),
        quarters=labels[1:],
        currency=settings.money.currency,
        target_rate=parts.target_rate,
        clients=clients,
        medians={k: round(v, 4) for k, v in medians.items()},
        said_on_record=any(f.last_said is not None for f in facts if f.active),
        time_ends_on=time_ends_on,
        invoices_seen_on=_weeks_before((f.invoices_seen_on for f in facts), as_of),
    )


def _weeks_before(days: Iterable[date | None], as_of: date) -> date | None:
    """The latest of `days`, where it is STALE_TIME_DAYS or more before `as_of`: the last day any
    time is on record, the day invoices were last imported."""
    last = max((d for d in days if d is not None), default=None)
    return last if last is not None and (as_of - last).days >= STALE_TIME_DAYS else None


def _draft(m: Measures, ctx: verdicts.Context, parts: RecordParts) -> dict:
    """A client's score as the values of its record, in field order: the verdict now; the
    components, hours by activity, why health moved, the reasons and (but for an exit) the
    counter-signals as `Later`s, worked out when first read."""
    f, settings = m.facts, ctx.settings
    effort = effort_return(m, ctx.target_rate, settings, ctx.basis)
    arch = verdicts.archetype(m, ctx)
    counters = verdicts.counter_signals(m, ctx)
    rec, why = verdicts.recommend(arch, m, effort, counters, ctx)
    if arch is Archetype.former:
        rec = Recommendation.watch  # never a candidate, whatever the numbers
    counter_text: list[str] | Later = Later(_sentences, counters) if counters else []
    if rec is Recommendation.exit:  # written at once: the referrer's word goes first (_referrers)
        counter_text = [c.sentence for c in counters]
        span = verdicts.lifetime_span(f)
        counter_text.append(_weighed(f.lifetime_value, span, ctx.money(f.referral_value), ctx))
    left = margin(f, settings.money.cost_per_hour)
    health, before = m.health, m.previous_health
    return {
        "client_id": f.client_id,
        "name": f.name,
        "industry": f.industry,
        "started_on": f.started_on,
        "ended_on": f.ended_on,
        "active": f.active,
        "tenure_days": f.tenure_days,
        "start_known": f.start_known,
        "notice_days": f.notice_days,
        "health": health,
        "band": verdicts.band(health, settings),
        "coverage": round(f.coverage, 2),
        "thin_evidence": thin_evidence(f, health, settings),
        "components": Later(parts.components, m),
        "trend": parts.trend(m),
        "previous_quarter": parts.previous[f.current_k],
        "previous_health": before,
        "health_change": None if health is None or before is None else health - before,
        "component_changes": Later(_component_changes, m, ctx.weights),
        "data_changed": Later(_data_changed, m),
        "effort_return": effort,
        "effective_rate": None if m.effective_rate is None else round(m.effective_rate, 2),
        "rate_weighed": not too_few_hours(f, settings.rules.min_hours),
        "target_rate": parts.target_rate,
        "margin": None if left is None else round(left, 6),  # shown as a percentage: rounded once
        "revenue_12m": round(f.revenue_12m, 2),
        "revenue_estimated": f.revenue_estimated,
        "invoices_on_record": f.last_invoice is not None,
        "revenue_12m_on_record": revenue_on_record(f, ctx.basis.window_start),
        "time_on_record": f.last_work is not None,
        "paid_12m": round(f.paid_12m, 2),
        "hours_12m": round(f.hours_12m, 2),
        "hours_not_billed": round(f.hours_not_billed, 2),
        "hours_by_activity": Later(hours_by_activity, f),
        "unpaid_overdue": round(f.unpaid_overdue, 2),
        "unpaid_overdue_count": f.n_unpaid_overdue,
        "avg_days_late": days_late(f),
        "lifetime_value": round(f.lifetime_value, 2),
        "referral_value": round(f.referral_value, 2),
        "referrals_on_record": True,  # _referrers says when a referred client's invoices are not
        "referred": list(f.referred),
        "referred_by": f.referred_by,
        "referred_by_name": None,
        "referrer_standing": None,
        "last_activity": max(
            filter(None, (f.last_work, f.last_invoice, f.last_contact, f.last_feedback)),
            default=None,
        ),
        "archetype": arch,
        "recommendation": rec,
        "fire_candidate": rec is Recommendation.exit,
        "reasons": Later(_reasons, m, ctx, why),
        "counter_signals": counter_text,
    }


def _sentences(c: ClientScore, counters: list[verdicts.Counter]) -> list[str]:
    """What argues for keeping the client (`ClientScore.counter_signals`), in words."""
    return [counter.sentence for counter in counters]


def _component_changes(c: ClientScore, m: Measures, weights: dict[str, float]) -> dict[str, float]:
    """Why health moved since the previous quarter, per component (`ClientScore.component_changes`)."""
    if c.health_change is None:
        return {}
    return component_changes(m.components, m.previous, weights, c.health_change)


def _data_changed(c: ClientScore, m: Measures) -> dict[str, DataChange]:
    """The components that gained or lost their data since the previous quarter
    (`ClientScore.data_changed`)."""
    return {} if c.health_change is None else data_changes(m.components, m.previous)


def _reasons(c: ClientScore, m: Measures, ctx: verdicts.Context, why: str) -> list[str]:
    """The sentences behind the verdict (`ClientScore.reasons`): the rule that gave it first, and
    who referred the client last."""
    changes = c.component_changes if c.health_change is not None else None
    out = [why] if why else []
    out += reasons(
        m, c.archetype, c.recommendation, c.effort_return, ctx, changes, c.previous_quarter
    )
    if c.referrer_standing is not None:
        out.append(f"Referred by {c.referred_by_name}: {c.referrer_standing}.")
    return out


def _weighed(lifetime: float, span: str, referrals: str, ctx: verdicts.Context) -> str:
    """An exit's last counter-signal line: what was weighed and found wanting."""
    return (
        f"Weighed and found no counter-signal: lifetime value {ctx.money(lifetime)} {span}, "
        f"referral value {referrals}."
    )


def _referrers(drafts: list[dict], ctx: verdicts.Context) -> None:
    """Referrals both ways: a referred client's reasons (and, for an exit, the counter-signals)
    name who referred them and how that client stands now. An exit whose referral value leaves
    out a referred client without invoices says it could not weigh it."""
    by_id = {d["client_id"]: d for d in drafts}
    for d in drafts:
        ref = by_id.get(d["referred_by"]) if d["referred_by"] else None
        if ref is None:
            continue
        if not d["invoices_on_record"]:  # the referrer's referral value leaves this one out
            ref["referrals_on_record"] = False
        standing = _standing(ref)
        d["referred_by_name"] = ref["name"]
        d["referrer_standing"] = standing  # the reasons end by saying it
        if d["recommendation"] is Recommendation.exit and ref["active"]:
            d["counter_signals"].insert(
                0,
                f"Referred by {ref['name']} ({standing}): an exit may touch that relationship; "
                "tell them before it happens.",
            )
    for d in drafts:
        if d["recommendation"] is Recommendation.exit and not d["referrals_on_record"]:
            d["counter_signals"][-1] = _weighed(
                d["lifetime_value"],
                d["tenure_days"] / 365.25,
                "not known (a client they referred has no invoice on record: weigh what that "
                "relationship brings before deciding)",
                ctx,
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
    kind = "" if arch is Archetype.not_known else f"{arch.label}, "  # no kind to name
    return f"{kind}{health}, {d['recommendation'].value}"
