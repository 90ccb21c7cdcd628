"""The owner's decisions as the screens show them: one quarter's decisions, exits in force, progress.

Loaded once per quarter with the scores (never per row), then kept up to date from what each saved job
returns. Plain Python, no widgets: the portfolio's column and the review read the same labels.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime

import duckdb

from health_tui.app.jobs import Job
from health_tui.review.checklist import exit_progress, progress_label
from health_tui.review.decisions import (
    Decision,
    DecisionRecord,
    current_decisions,
    decision_history,
    record_decision,
)
from health_tui.scoring.models import ClientScore
from health_tui.store import Store


@dataclass(frozen=True)
class ReviewState:
    quarter: str
    decisions: Mapping[str, DecisionRecord] = field(default_factory=dict)
    """The decision in force for each client in `quarter`."""
    exits: Mapping[str, datetime] = field(default_factory=dict)
    """Clients whose latest decision up to `quarter` is exit, with when it was taken: an exit
    decided in a later quarter does not show in an earlier one."""
    progress: Mapping[str, int] = field(default_factory=dict)
    """Exit checklist steps settled per client."""

    def progress_of(self, client_id: str) -> str:
        return progress_label(self.progress.get(client_id, 0))

    def exit_order(self) -> list[str]:
        """The exits in force, oldest decision first (as the exits screen lists them)."""
        return sorted(self.exits, key=lambda c: (self.exits[c], c))

    def label(self, client_id: str) -> str | None:
        """What the portfolio shows: the quarter's decision, or "exit 4/10" for an exit in force."""
        record = self.decisions.get(client_id)
        if record is not None and record.decision is not Decision.exit:
            return record.decision.value
        if record is not None or client_id in self.exits:
            return self.progress_of(client_id)
        return None

    def labels(self) -> dict[str, str]:
        ids = [*self.decisions, *(c for c in self.exits if c not in self.decisions)]
        return {c: label for c in ids if (label := self.label(c)) is not None}

    def with_decision(self, record: DecisionRecord, progress: Mapping[str, int]) -> ReviewState:
        """This state after `record` was saved (for `quarter`, or another quarter: a decision for a
        later quarter changes nothing here; one for an earlier quarter counts only if no decision
        of a quarter between overrides it, which the next load settles)."""
        exits = dict(self.exits)
        if record.quarter <= self.quarter:
            if record.decision is Decision.exit:
                exits[record.client_id] = record.decided_at
            else:
                exits.pop(record.client_id, None)
        decisions = dict(self.decisions)
        if record.quarter == self.quarter:
            decisions[record.client_id] = record
        return replace(self, decisions=decisions, exits=exits, progress=dict(progress))

    def with_progress(self, progress: Mapping[str, int]) -> ReviewState:
        return replace(self, progress=dict(progress))


def load_review_state(
    store: Store, quarter: str, *, con: duckdb.DuckDBPyConnection | None = None
) -> ReviewState:
    """Three small queries: the quarter's decisions, the exits in force, checklist progress."""
    rows = store.rows("exit_clients_as_of", {"quarter": quarter}, con=con)
    exits = {row[0]: row[2] for row in rows}
    return ReviewState(
        quarter=quarter,
        decisions=current_decisions(store, quarter, con=con),
        exits=exits,
        progress=exit_progress(store, con=con),
    )


def record_job(
    store: Store,
    *,
    quarter: str,
    client: ClientScore,
    decision: Decision,
    note: str,
    at: datetime,
) -> Job[tuple[DecisionRecord, dict[str, int], list[DecisionRecord]]]:
    """A store job: commit a decision, then read back the progress and the client's history."""

    def job(con: duckdb.DuckDBPyConnection):
        record = record_decision(store, quarter=quarter, client_id=client.client_id,
                                 decision=decision, note=note, at=at, score=client, con=con)  # fmt: skip
        return (
            record,
            exit_progress(store, con=con),
            decision_history(store, client.client_id, con=con),
        )

    return job


def history_job(store: Store, client_id: str) -> Job[list[DecisionRecord]]:
    return lambda con: decision_history(store, client_id, con=con)
