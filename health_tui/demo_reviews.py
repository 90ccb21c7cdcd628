"""The demo owner's past reviews: decisions for the quarters before the demo's last, so the track
record has something to show on a demo portfolio.

Each quarter is scored as of its last day with the real engine (so every decision carries the verdict
the app would have shown then) and its review queue decided in SQL (`queries/demo_past_review.sql`),
deterministic with the demo's seed.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from datetime import time as clock

import duckdb

from health_tui.dates import quarter_end, quarter_label, quarter_of, shift_quarter
from health_tui.settings import Settings
from health_tui.store import Store

PAST_REVIEWS = 2
"""Past quarters the demo owner has reviewed (`health-tui demo` and the first launch)."""


def plant_past_reviews(
    store: Store,
    *,
    as_of: date,
    seed: int,
    quarters: int,
    settings: Settings | None = None,
    con: duckdb.DuckDBPyConnection | None = None,
    say: Callable[[str], None] = lambda _message: None,
) -> tuple[list[str], int]:
    """The demo owner's reviews of the `quarters` quarters before `as_of`'s, oldest first.

    Each quarter is scored as of its last day (as the app would have shown it then) and its review
    queue decided by `queries/demo_past_review.sql`, deterministic with `seed`; exits get their
    checklist's first step. Returns the quarters reviewed and how many decisions were recorded.
    """
    from health_tui.review.decisions import review_queue  # scoring: only when asked for
    from health_tui.scoring.engine import score_portfolio

    settings = settings or Settings()
    year, q = quarter_of(as_of)
    reviewed: list[str] = []
    decisions = 0
    for back in range(quarters, 0, -1):
        past = shift_quarter(year, q, -back)
        label = quarter_label(*past)
        say(f"demo: the owner's review of {label}…")
        queue = review_queue(score_portfolio(store, quarter_end(*past), settings, con=con))
        if not queue:
            continue
        # The review happens a few days after the quarter ends, never after `as_of`.
        review_day = min(quarter_end(*past) + timedelta(days=3), as_of)
        review_at = datetime.combine(review_day, clock(9, 30))
        before = store.row("demo_past_decisions", con=con)[0]
        store.run(
            "demo_past_review",
            {
                "quarter": label,
                "seed": int(seed),
                "review_at": review_at,
                "client_ids": [c.client_id for c in queue],
                "recommendations": [c.recommendation.value for c in queue],
                "healths": [c.health for c in queue],
                "efforts": [c.effort_return for c in queue],
                "evidence": ["\n".join([c.verdict, *c.reasons, *c.counter_signals]) for c in queue],
            },
            con=con,
        )
        store.run("demo_past_exit_steps", {"quarter": label}, con=con)
        decisions += store.row("demo_past_decisions", con=con)[0] - before
        reviewed.append(label)
    return reviewed, decisions
