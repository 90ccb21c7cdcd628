"""A client's recent history as of a date: what they said and how they paid. No UI here.

The client screen shows this beside the score so the owner can check the evidence behind a verdict;
the report can use it too. Every query is bound and limited, and runs on the cursor it is given.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal

import duckdb
from pydantic import BaseModel, ConfigDict, Field

from health_tui.money import rate_params
from health_tui.settings import Money
from health_tui.store import Store

DEFAULT_LIMIT = 50


class TimelineEvent(BaseModel):
    """One interaction, feedback answer or journal note; `note` is the client's or the team's own
    words. `entry_key` is set only on what the owner logged (source 'app'), the rows the app lets
    them edit or delete; imported rows are the source's to change."""

    model_config = ConfigDict(frozen=True)

    happened_at: datetime
    entry: Literal["interaction", "feedback", "note"] = "interaction"
    channel: str
    kind: str
    sentiment: float | None = None
    score: int | None = None
    note: str | None = None
    source: str = "folder"
    entry_key: str | None = None

    @property
    def logged_by_owner(self) -> bool:
        return self.entry_key is not None


class InvoiceLine(BaseModel):
    """One invoice as it stood on the as-of date: paid or not, and how many days after it was due.

    `amount` and `unpaid` are in the invoice's own currency (None: the portfolio's); `converted` and
    `unpaid_converted` in the portfolio's, so totals never add two currencies. `amount` is without
    tax (revenue); `unpaid`, what the invoice asks, with its tax where the export gave it
    (`taxed`)."""

    model_config = ConfigDict(frozen=True)

    invoice_id: str
    issued_on: date
    due_on: date
    paid_on: date | None
    amount: float
    currency: str | None = None
    converted: float
    days_late: int | None = Field(description="None: paid on a day its export did not give")
    unpaid: float
    unpaid_converted: float
    taxed: bool = False

    @property
    def status(self) -> str:
        if self.amount < 0:
            return "credit note"
        if self.paid_on is None:
            return "overdue" if self.days_late else "open"
        return "paid late" if self.days_late else "paid"


class ClientHistory(BaseModel):
    model_config = ConfigDict(frozen=True)

    client_id: str
    as_of: date
    events: list[TimelineEvent]
    invoices: list[InvoiceLine]

    @property
    def unpaid(self) -> float:
        """What is still unpaid, in the portfolio's currency."""
        return sum(i.unpaid_converted for i in self.invoices)


def client_timeline(
    store: Store,
    client_id: str,
    as_of: date,
    *,
    con: duckdb.DuckDBPyConnection | None = None,
    limit: int = DEFAULT_LIMIT,
) -> list[TimelineEvent]:
    """The newest `limit` interactions, feedback answers and journal notes up to `as_of`, newest
    first."""
    params = {"client_id": client_id, "as_of": as_of, "limit": limit}
    rows = store.dicts("client_timeline_interactions", params, con=con)
    return [TimelineEvent.model_validate(r) for r in rows]


def client_invoices(
    store: Store,
    client_id: str,
    as_of: date,
    *,
    money: Money | None = None,
    con: duckdb.DuckDBPyConnection | None = None,
    limit: int = DEFAULT_LIMIT,
) -> list[InvoiceLine]:
    """The newest `limit` invoices issued up to `as_of`, with lateness and unpaid amount then."""
    params = {"client_id": client_id, "as_of": as_of, "limit": limit}
    params.update(rate_params(money or Money()))
    rows = store.dicts("client_invoices", params, con=con)
    return [InvoiceLine.model_validate(r) for r in rows]


def client_history(
    store: Store,
    client_id: str,
    as_of: date,
    *,
    money: Money | None = None,
    con: duckdb.DuckDBPyConnection | None = None,
    limit: int = DEFAULT_LIMIT,
) -> ClientHistory:
    """Timeline and invoices together, as the client screen shows them."""
    return ClientHistory(
        client_id=client_id,
        as_of=as_of,
        events=client_timeline(store, client_id, as_of, con=con, limit=limit),
        invoices=client_invoices(store, client_id, as_of, money=money, con=con, limit=limit),
    )
