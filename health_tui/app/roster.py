"""The portfolio before it is scored: each client's name and whether they are still a client.

Scoring 50,000 clients takes many seconds; one query on the clients table takes milliseconds. The
portfolio shows these rows at once (names only, "scoring…") and the scored rows replace them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import duckdb

from health_tui.store import Store


@dataclass(frozen=True, slots=True)
class ClientStub:
    """A client listed before its scores are known: what the table can show of it meanwhile."""

    client_id: str
    name: str
    active: bool
    fire_candidate: bool = False  # not known yet: no client is a candidate before it is scored


def load_roster(
    store: Store, as_of: date, *, con: duckdb.DuckDBPyConnection | None = None
) -> list[ClientStub]:
    """The clients the scoring as of `as_of` will list, in the same order (by id)."""
    rows = store.rows("portfolio_roster", {"as_of": as_of}, con=con)
    return [ClientStub(client_id, name, active) for client_id, name, active in rows]


def first_start(store: Store, *, con: duckdb.DuckDBPyConnection | None = None) -> date | None:
    """The day the first client started (None: no client at all): what a portfolio scored as of a
    date before it, with nobody in it, says instead of an empty table."""
    row = store.one("portfolio_first_start", con=con)
    return row[0] if row else None
