"""Decisions per quarter and client, with history, and the order in which a review walks the clients."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from enum import StrEnum

import duckdb
from pydantic import BaseModel, ConfigDict

from health_tui.scoring.models import Band, ClientScore, PortfolioScore
from health_tui.store import Store


class Decision(StrEnum):
    keep = "keep"
    reprice = "reprice"
    recover = "recover"
    listen = "listen"
    support = "support"
    exit = "exit"
    defer = "defer"


class DecisionRecord(BaseModel):
    model_config = ConfigDict(frozen=True)

    decision_id: int
    quarter: str
    client_id: str
    decision: Decision
    note: str | None
    decided_at: datetime
    recommendation: str | None = None
    health: float | None = None
    effort_return: float | None = None
    evidence: str | None = None

    @property
    def overrode(self) -> str | None:
        """What the app recommended when this was decided, where the decision went another way
        (keeping follows a watch, as the track record counts it): the history shows it, so an
        earlier override reads as one. None where it was followed or is not known (decided before
        the recommendation was kept with the decision)."""
        suggested = self.recommendation
        if suggested is None or suggested == self.decision.value:
            return None
        if suggested == "watch" and self.decision is Decision.keep:
            return None
        return suggested


def record_decision(
    store: Store,
    *,
    quarter: str,
    client_id: str,
    decision: Decision | str,
    note: str | None,
    at: datetime,
    score: ClientScore | None = None,
    con: duckdb.DuckDBPyConnection | None = None,
) -> DecisionRecord:
    """Commit one decision now, with the verdict and evidence it was taken against."""
    decision = Decision(decision)
    evidence = None
    if score is not None:
        evidence = "\n".join([score.verdict, *score.reasons, *score.counter_signals])
    params = {
        "quarter": quarter,
        "client_id": client_id,
        "decision": decision.value,
        "note": (note or "").strip() or None,
        "decided_at": at,
        "recommendation": score.recommendation.value if score else None,
        "health": score.health if score else None,
        "effort_return": score.effort_return if score else None,
        "evidence": evidence,
    }
    with store.transaction(con) as tx:
        (decision_id,) = store.row("review_decision_insert", params, con=tx)
        if decision is Decision.exit:  # the checklist's first step is this very record
            step = {"client_id": client_id, "done_on": at.date(), "updated_at": at}
            renew = {**step, "quarter": quarter, "decision_id": decision_id}
            store.run("exit_steps_renew", renew, con=tx)  # an exit again after a change of mind
            store.run("exit_step_record", step, con=tx)
    return DecisionRecord(decision_id=decision_id, **params)


def _records(
    store: Store, name: str, params: dict, con: duckdb.DuckDBPyConnection | None = None
) -> list[DecisionRecord]:
    return [DecisionRecord(**row) for row in store.dicts(name, params, con=con)]


def current_decisions(
    store: Store, quarter: str, *, con: duckdb.DuckDBPyConnection | None = None
) -> dict[str, DecisionRecord]:
    """The decision in force for each client in `quarter` (the latest one recorded)."""
    return {
        d.client_id: d
        for d in _records(store, "review_decisions_current", {"quarter": quarter}, con)
    }


def decision_history(
    store: Store, client_id: str, *, con: duckdb.DuckDBPyConnection | None = None
) -> list[DecisionRecord]:
    """Every decision recorded for a client, newest first: changes of mind included."""
    return _records(store, "review_decision_history", {"client_id": client_id}, con)


def review_queue(portfolio: PortfolioScore, *, include_rest: bool = False) -> list[ClientScore]:
    """Exit candidates first, then critical, then at risk; the rest only when asked for.

    Within each group the lowest health comes first (clients with not enough data last). Former
    clients are never reviewed.
    """

    def group(c: ClientScore) -> int:
        if c.fire_candidate:
            return 0
        groups: dict[Band | None, int] = {Band.critical: 1, Band.at_risk: 2}
        return groups.get(c.band, 3)

    active = [c for c in portfolio.clients if c.active]
    queue = sorted(active, key=lambda c: (group(c), c.health is None, c.health or 0, c.name))
    return queue if include_rest else [c for c in queue if group(c) < 3]


def resume_at(queue: list[ClientScore], decided: Mapping[str, DecisionRecord]) -> int:
    """Where a reopened review picks up: the first client in the queue without a decision."""
    return next((i for i, c in enumerate(queue) if c.client_id not in decided), len(queue))
