"""Synthetic scored portfolios for the app's tests and benchmark: any size, deterministic.

The app renders `PortfolioScore`; building one directly lets the screens be tested at 10 or 10,000
clients without the import and scoring paths (those are covered with fixtures/small elsewhere).
"""

from __future__ import annotations

import contextlib
import random
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from textual.worker import WorkerCancelled, WorkerFailed

from health_tui.app.app import HealthApp
from health_tui.dates import quarter_label, quarter_of, shift_quarter
from health_tui.ingest.native import import_folder
from health_tui.scoring.models import (
    COMPONENTS,
    ActivityHours,
    Archetype,
    Band,
    ClientScore,
    Component,
    PortfolioScore,
    QuarterHealth,
    Recommendation,
)
from health_tui.store import Store, open_store

_NAMES = ["Acme", "Globex", "Initech", "Umbrella", "Hooli", "Vandelay", "Stark", "Wayne", "Tyrell"]
_SUFFIX = ["Ltd", "& Co", "Group", "SARL", "GmbH", "Studio", "Labs"]


def band_of(health: float) -> Band:
    if health >= 70:
        return Band.healthy
    if health >= 50:
        return Band.watch
    if health >= 30:
        return Band.at_risk
    return Band.critical


def make_client(
    i: int, as_of: date, rng: random.Random, *, name: str | None = None, note: str | None = None
) -> ClientScore:
    health = round(rng.uniform(5, 98), 1)
    effort = round(rng.uniform(5, 98), 1)
    active = rng.random() > 0.1
    band = band_of(health)
    quarters = [quarter_label(*shift_quarter(*quarter_of(as_of), k)) for k in range(-4, 1)]
    trend = [
        QuarterHealth(quarter=q, health=None if k == 0 and i % 7 == 0 else round(health + rng.uniform(-20, 20) * (4 - k) / 4, 1) if k < 4 else health)
        for k, q in enumerate(quarters)
    ]  # fmt: skip
    trend = [
        QuarterHealth(quarter=t.quarter, health=None if t.health is None else max(0, min(100, t.health)))
        for t in trend
    ]  # fmt: skip
    components = [
        Component(
            name=n,
            score=None if (i + j) % 11 == 0 else round(rng.uniform(0, 100), 0),
            weight=0.2,
            effective_weight=0.2,
            detail=note if (note and j == 0) else f"{n} from {rng.randint(1, 9)} signals",
        )
        for j, n in enumerate(COMPONENTS)
    ]
    revenue = round(rng.uniform(2_000, 250_000), 2)
    hours = ActivityHours(
        delivery=rng.uniform(10, 900),
        revision=rng.uniform(0, 200),
        meeting=rng.uniform(0, 100),
        support=rng.uniform(0, 80),
        admin=rng.uniform(0, 40),
    )
    if health < 30 and effort < 40:
        rec, arch = Recommendation.exit, Archetype.problem_client
    elif health >= 50 and effort < 50:
        rec, arch = Recommendation.reprice, Archetype.underpriced
    elif health < 50:
        rec, arch = Recommendation.recover, Archetype.loyal_now_irritated
    else:
        rec, arch = Recommendation.keep, Archetype.champion
    if not active:
        arch = Archetype.former
    started = as_of - timedelta(days=rng.randint(30, 2000))
    return ClientScore(
        client_id=f"c{i:05d}",
        name=name or f"{_NAMES[i % len(_NAMES)]} {_SUFFIX[i % len(_SUFFIX)]} {i}",
        industry="software",
        started_on=started,
        ended_on=None if active else as_of - timedelta(days=10),
        active=active,
        tenure_days=(as_of - started).days,
        health=health,
        band=band,
        coverage=1.0,
        components=components,
        trend=trend,
        effort_return=effort,
        effective_rate=None if i % 13 == 0 else round(revenue / hours.total, 2),
        target_rate=90.0,
        revenue_12m=revenue,
        paid_12m=revenue * 0.9,
        hours_12m=hours.total,
        hours_by_activity=hours,
        unpaid_overdue=0.0 if i % 3 else 1200.0,
        unpaid_overdue_count=0 if i % 3 else 1,
        avg_days_late=None if i % 5 == 0 else rng.uniform(0, 40),
        lifetime_value=revenue * rng.uniform(1, 6),
        referral_value=0.0 if i % 4 else 15_000.0,
        referred=[] if i % 4 else [f"Referred {i}"],
        archetype=arch,
        recommendation=rec,
        fire_candidate=active and rec is Recommendation.exit,
        reasons=[note or f"health {health:.0f}, effort/return {effort:.0f}"],
        counter_signals=[] if i % 2 else ["paid on time for two years"],
    )


def make_portfolio(n: int, as_of: date = date(2026, 9, 30), seed: int = 7) -> PortfolioScore:
    """`n` clients with a spread of bands, archetypes and recommendations."""
    rng = random.Random(seed * 1000 + as_of.toordinal())
    y, q = quarter_of(as_of)
    return PortfolioScore(
        as_of=as_of,
        quarter=quarter_label(y, q),
        quarters=[quarter_label(*shift_quarter(y, q, k)) for k in range(-4, 1)],
        target_rate=90.0,
        clients=[make_client(i, as_of, rng) for i in range(n)],
    )


def fake_scorer(n: int, seed: int = 7):
    """A scorer with the app's signature that builds `n` synthetic clients for any as-of date."""

    def score(store, as_of: date, con) -> PortfolioScore:
        return make_portfolio(n, as_of, seed)

    return score


# -- the real path: fixtures/small imported through the importer, scored by the engine -----------

SMALL = Path(__file__).resolve().parent.parent / "fixtures" / "small"
AS_OF = date(2026, 9, 30)


def small_store() -> Store:
    """A private in-memory store holding fixtures/small, loaded by the real importer."""
    store = open_store(None)
    import_folder(store, SMALL)
    return store


def make_app(store: Store, as_of: date = AS_OF, **kwargs) -> HealthApp:
    """The app as tests drive it: no animation, no cursor blink, never the user's files."""
    app = HealthApp(store=store, as_of=as_of, **kwargs)
    app.animation_level = "none"
    return app


async def until(pilot, condition: Callable[[], bool], seconds: float = 10.0) -> None:
    """Let the screen run until `condition` holds, for at most `seconds`: a repaint that one idle
    pause does not see through on a busy machine (the caller's assert then says what is wrong)."""
    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:
        await pilot.pause(0.01)


async def settle(pilot) -> None:
    """Let every worker (scoring, history) finish and the screen catch up. A worker that fails is
    the app's to say (a notification, the header), as a test that makes scoring fail checks: it
    was the wait's to raise only when the wait began before the failure, a race (CI, stop 42)."""
    for _ in range(3):
        await pilot.pause()
        for worker in list(pilot.app.workers):
            with contextlib.suppress(WorkerFailed, WorkerCancelled):
                await worker.wait()
    await pilot.pause()
