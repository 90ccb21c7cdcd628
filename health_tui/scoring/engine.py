"""Scores a portfolio as of a date: the one function the app, the CLI and the report call."""

from __future__ import annotations

import math
from datetime import date

import duckdb

from health_tui.dates import quarter_label, quarter_of, shift_quarter
from health_tui.money import check_store_currencies
from health_tui.scoring import verdicts
from health_tui.scoring.deferred import Later, trusted
from health_tui.scoring.facts import SHOWN_QUARTERS, ClientFacts, load_facts
from health_tui.scoring.measures import (
    Measures,
    component_changes,
    effort_return,
    margin,
    measure,
    portfolio_medians,
)
from health_tui.scoring.memory import collector_paused
from health_tui.scoring.models import (
    COMPONENTS,
    ActivityHours,
    Archetype,
    ClientScore,
    Component,
    PortfolioScore,
    QuarterHealth,
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


class _Frame:
    """What every client's record shares in one scoring, worked out once: the quarter labels, the
    rounded target rate, the component records of a dormant client, each pattern of components with
    data and its effective weights, the trend points."""

    def __init__(self, ctx: verdicts.Context, labels: list[str]) -> None:
        self.weights = ctx.weights
        self.shown = labels[1:]  # labels[0] is the quarter before the oldest shown
        # a client's current quarter is `current_k` quarters before the review quarter
        self.previous = [labels[len(labels) - 2 - k] for k in range(len(labels) - 1)]
        self.target_rate = None if ctx.target_rate is None else round(ctx.target_rate, 2)
        self.dormant = tuple(
            _component(name, None, self.weights[name], 0.0,
                       f"not scored while dormant ({_DETAIL[name]})")
            for name in COMPONENTS
        )  # fmt: skip
        self._patterns: dict[tuple[bool, ...], list[tuple[str, float, float, str]]] = {}
        self._points: list[dict[int | None, QuarterHealth]] = [{} for _ in self.shown]

    def components(self, c: ClientScore, m: Measures) -> list[Component]:
        """A client's component records (`ClientScore.components`). A dormant client's are not
        shown: older data would read as a satisfaction or a calm that nothing shows."""
        if m.facts.dormant:
            return list(self.dormant)
        scores = m.components.values()
        pattern = tuple(v is not None for v in scores)
        parts = self._patterns.get(pattern) or self._pattern(pattern)
        return [
            _component(name, None if score is None else round(score, 1), weight, share, detail)
            for (name, weight, share, detail), score in zip(parts, scores, strict=True)
        ]

    def _pattern(self, pattern: tuple[bool, ...]) -> list[tuple[str, float, float, str]]:
        """Name, weight, effective weight and detail of each component, for those with data."""
        w = self.weights
        have = sum(w[name] for name, has in zip(COMPONENTS, pattern, strict=True) if has)
        parts = self._patterns[pattern] = [
            (name, w[name], round(w[name] / have, 4) if has and have > 0 else 0.0,
             _DETAIL[name] if has else f"no data ({_DETAIL[name]})")
            for name, has in zip(COMPONENTS, pattern, strict=True)
        ]  # fmt: skip
        return parts

    def trend(self, m: Measures) -> list[QuarterHealth]:
        """Health per shown quarter, oldest first; the same point is one shared (frozen) record."""
        out = []
        for points, label, h in zip(
            self._points, self.shown, reversed(m.health_by_quarter), strict=True
        ):
            key = None if h is None else math.floor(h + 0.5)  # `whole`, as a dict key
            point = points.get(key)
            if point is None:
                health = None if key is None else float(key)
                point = points[key] = trusted(
                    QuarterHealth, {"quarter": label, "health": health}, _POINT_FIELDS
                )
            out.append(point)
        return out

    @staticmethod
    def hours(c: ClientScore, f: ClientFacts) -> ActivityHours:
        """Hours by activity over the last four quarters (`ClientScore.hours_by_activity`)."""
        return trusted(
            ActivityHours,
            {
                "delivery": round(f.delivery_12m, 2),
                "revision": round(f.revision_12m, 2),
                "meeting": round(f.meeting_12m, 2),
                "support": round(f.support_12m, 2),
                "admin": round(f.admin_12m, 2),
            },
            _HOURS_FIELDS,
        )


_COMPONENT_FIELDS = set(Component.model_fields)
_POINT_FIELDS = set(QuarterHealth.model_fields)
_HOURS_FIELDS = set(ActivityHours.model_fields)
_CLIENT_FIELDS = set(ClientScore.model_fields)


def _component(
    name: str, score: float | None, weight: float, share: float, detail: str
) -> Component:
    return trusted(
        Component,
        {"name": name, "score": score, "weight": weight, "effective_weight": share,
         "detail": detail},
        _COMPONENT_FIELDS,
    )  # fmt: skip


def score_portfolio(
    store: Store,
    as_of: date,
    settings: Settings | None = None,
    *,
    con: duckdb.DuckDBPyConnection | None = None,
) -> PortfolioScore:
    """Every client scored as of `as_of`; pass `con=store.cursor()` from a worker thread."""
    settings = settings or Settings()
    check_store_currencies(store, settings.money, con=con)
    with collector_paused():
        return _score(store, as_of, settings, con)


def _score(
    store: Store, as_of: date, settings: Settings, con: duckdb.DuckDBPyConnection | None
) -> PortfolioScore:
    facts = load_facts(store, as_of, settings, con=con)
    measures = [measure(f) for f in facts]
    medians = portfolio_medians(measures, settings)
    target = settings.money.target_rate or medians.get("effective_rate")
    ctx = verdicts.Context(medians=medians, target_rate=target, settings=settings, as_of=as_of)
    y, q = quarter_of(as_of)
    labels = [quarter_label(*shift_quarter(y, q, -k)) for k in range(SHOWN_QUARTERS + 1)][::-1]
    frame = _Frame(ctx, labels)
    drafts = [_draft(m, ctx, frame) for m in measures]
    _referrers(drafts)
    # Built from our own figures without validating them again (scoring/deferred.py `trusted`).
    clients = [trusted(ClientScore, d, _CLIENT_FIELDS) for d in drafts]
    return PortfolioScore(
        as_of=as_of,
        quarter=quarter_label(y, q),
        quarters=labels[1:],
        currency=settings.money.currency,
        target_rate=frame.target_rate,
        clients=clients,
        medians={k: round(v, 4) for k, v in medians.items()},
    )


def _draft(m: Measures, ctx: verdicts.Context, frame: _Frame) -> dict:
    """A client's score as the values of its record, in field order: the verdict, and what to work
    out the reasons and why health moved from when they are first read."""
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
    health, before = m.health, m.previous_health
    return {
        "client_id": f.client_id,
        "name": f.name,
        "industry": f.industry,
        "started_on": f.started_on,
        "ended_on": f.ended_on,
        "active": f.active,
        "tenure_days": f.tenure_days,
        "notice_days": f.notice_days,
        "health": health,
        "band": verdicts.band(health, settings),
        "coverage": round(f.coverage, 2),
        "components": Later(frame.components, m),
        "trend": frame.trend(m),
        "previous_quarter": frame.previous[f.current_k],
        "previous_health": before,
        "health_change": None if health is None or before is None else health - before,
        "component_changes": Later(_component_changes, m, ctx.weights),
        "effort_return": effort,
        "effective_rate": None if m.effective_rate is None else round(m.effective_rate, 2),
        "target_rate": frame.target_rate,
        "margin": None if left is None else round(left, 4),
        "revenue_12m": round(f.revenue_12m, 2),
        "revenue_estimated": f.revenue_estimated,
        "paid_12m": round(f.paid_12m, 2),
        "hours_12m": round(f.hours_12m, 2),
        "hours_by_activity": Later(frame.hours, f),
        "unpaid_overdue": round(f.unpaid_overdue, 2),
        "unpaid_overdue_count": f.n_unpaid_overdue,
        "avg_days_late": None if not f.n_due_12m else round(f.days_late_12m / f.n_due_12m, 1),
        "lifetime_value": round(f.lifetime_value, 2),
        "referral_value": round(f.referral_value, 2),
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


def _component_changes(c: ClientScore, m: Measures, weights: dict[str, float]) -> dict[str, float]:
    """Why health moved since the previous quarter, per component (`ClientScore.component_changes`)."""
    if c.health_change is None:
        return {}
    return component_changes(m.components, m.previous, weights, c.health_change)


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


def _referrers(drafts: list[dict]) -> None:
    """Referrals both ways: a referred client's reasons (and, for an exit, the counter-signals)
    name who referred them and how that client stands now."""
    by_id = {d["client_id"]: d for d in drafts}
    for d in drafts:
        ref = by_id.get(d["referred_by"]) if d["referred_by"] else None
        if ref is None:
            continue
        standing = _standing(ref)
        d["referred_by_name"] = ref["name"]
        d["referrer_standing"] = standing  # the reasons end by saying it
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
