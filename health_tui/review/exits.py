"""Exits under way: every client whose latest decision up to a quarter is exit, with its checklist.

One reading for the report's "Exits in progress" and the app's exits screen, so both say the same
progress, earliest end date and unpaid amount (converted to the portfolio's currency).
"""

from __future__ import annotations

from datetime import date, datetime

import duckdb
from pydantic import BaseModel, ConfigDict, Field

from health_tui.review.checklist import STEPS, ExitCase, Step, StepStatus, load_checklists
from health_tui.scoring.models import PortfolioScore
from health_tui.settings import Settings
from health_tui.store import Store


class ExitProgress(BaseModel):
    """Where a client's professional exit stands, as saved in the store."""

    model_config = ConfigDict(frozen=True)

    client_id: str
    name: str
    quarter: str = Field(description="the quarter the exit was decided for")
    decided_at: datetime
    note: str | None
    notice_days: int
    earliest_end: date
    told_on: date | None = Field(description="the day the client was told; None: not told yet")
    notice_from: date = Field(
        description="told_on, or while not told, today: what the end hangs on"
    )
    unpaid_invoices: int
    unpaid_on: date = Field(
        description="the day the unpaid invoices are read on: today, or the as-of date where it "
        "is later (a checklist is what the owner does now)"
    )
    invoiced: bool = Field(
        default=True,
        description="an invoice of theirs is on record by unpaid_on: without, nothing says "
        "'nothing unpaid'",
    )
    unpaid_seen_on: date | None = Field(
        default=None,
        description="where every invoice unpaid was last imported before unpaid_on, that import's "
        "day: what is owed is as it showed it, nothing since being on record",
    )
    unpaid_amount: float = Field(description="in the portfolio's currency")
    overdue_amount: float = Field(description="the part of unpaid_amount past its due date")
    settled: int = Field(description="steps done or not applicable")
    total: int
    next_step: str | None = Field(description="the title of the first step still to do")
    todo: list[str] = Field(
        default_factory=list,
        description="the steps still to do, in order, each with the owner's note where it has one: "
        "'Fulfil outstanding obligations (Finish the booking widget by end of July)'",
    )
    done: list[str] = Field(
        default_factory=list,
        description="the steps settled, in order, each with its day and the owner's note: "
        "'Read the contract: done 2026-10-02 (Clause 9: 30 days)'",
    )

    @property
    def label(self) -> str:
        """ "exit 3/10", the same mark the app shows."""
        return f"exit {self.settled}/{self.total}"

    @property
    def finished(self) -> bool:
        """Every step done or not applicable."""
        return self.settled >= self.total


def exits_in_force(
    store: Store,
    portfolio: PortfolioScore,
    as_of: date,
    settings: Settings,
    *,
    today: date,
    con: duckdb.DuckDBPyConnection | None = None,
) -> list[ExitProgress]:
    """Each client leaving as of `portfolio`'s quarter (an exit decided later does not show), oldest
    decision first, with its checklist as saved; unpaid invoices as of `today` (or `as_of`, if
    later), the earliest end date from `today` while the client is not told (`load_checklists`)."""
    rows = store.dicts("exit_clients_as_of", {"quarter": portfolio.quarter}, con=con)
    scores = {row["client_id"]: portfolio.by_id(row["client_id"]) for row in rows}
    cases = [
        ExitCase(
            client_id=row["client_id"],
            notice_days=score.notice_days if (score := scores[row["client_id"]]) else 30,
            decided_on=row["decided_at"].date(),
        )
        for row in rows
    ]
    checklists = load_checklists(
        store,
        cases,
        as_of=as_of,
        today=today,
        currency=settings.money.currency,
        agency=settings.agency,
        money=settings.money,
        con=con,
    )
    exits = []
    for row, case in zip(rows, cases, strict=True):
        score, checklist = scores[case.client_id], checklists[case.client_id]
        exits.append(
            ExitProgress(
                client_id=case.client_id,
                name=score.name if score else case.client_id,
                quarter=row["quarter"],
                decided_at=row["decided_at"],
                note=row["note"],
                notice_days=case.notice_days,
                earliest_end=checklist.earliest_end,
                told_on=checklist.told_on,
                notice_from=checklist.notice_from,
                unpaid_invoices=len(checklist.unpaid),
                unpaid_on=checklist.owed_on,
                unpaid_seen_on=checklist.unpaid_seen_on,
                invoiced=checklist.invoiced,
                unpaid_amount=sum(u.converted for u in checklist.unpaid),
                overdue_amount=sum(u.converted for u in checklist.unpaid if u.days_overdue > 0),
                settled=checklist.settled,
                total=len(STEPS),
                next_step=next(
                    (s.spec.title for s in checklist.steps if s.status is StepStatus.todo), None
                ),
                todo=[_open(s) for s in checklist.steps if s.status is StepStatus.todo],
                done=[_settled(s) for s in checklist.steps if s.status is not StepStatus.todo],
            )
        )
    return exits


def _settled(step: Step) -> str:
    """A settled step as the exit record reads it: its title, how and when, and the owner's note
    (it stood in the backup only: the report listed the steps still to do)."""
    how = "done" if step.status is StepStatus.done else "not applicable"
    day = f" {step.done_on}" if step.done_on else ""
    note = f" ({step.note})" if step.note else ""
    return f"{step.spec.title}: {how}{day}{note}"


def _open(step: Step) -> str:
    """A step still to do as the exit record reads it: its title and the owner's note, which is
    often what is left to do (the report listed the title alone, so the note stood nowhere)."""
    return f"{step.spec.title} ({step.note})" if step.note else step.spec.title


def exits_in_progress(exits: list[ExitProgress], quarter: str) -> list[ExitProgress]:
    """What the owner still has to follow: every exit decided for `quarter`, and earlier exits
    whose checklist is not finished."""
    return [e for e in exits if e.quarter == quarter or not e.finished]
