"""Keeps the client x quarter rollups (queries/migrate_007.sql) in step with the raw rows.

Scoring reads past quarters (and the current one, when nothing in it is dated after the as-of date)
from `rollup_time` and `rollup_interactions`, so every write to `time_entries` or `interactions`
must refresh them before its transaction commits. That is done here, once, for every write path:
`Store.run` notes each statement that writes those tables (found from the text of its query file,
so a new write path cannot forget it) and `Store.transaction` refreshes the rollups of the clients
written before it commits. A statement whose file says `-- rollup scope: client_id` touches only
the client bound to `$client_id` (what the app logs); any other refreshes every client (an import,
the demo, a merge), a set-based rebuild.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache
from typing import Any

import duckdb

from health_tui.store.queries import load_query

ROLLED_UP = ("time_entries", "interactions")
_WRITES = re.compile(
    r"\b(?:INSERT\s+INTO|DELETE\s+FROM|UPDATE)\s+(?:" + "|".join(ROLLED_UP) + r")\b", re.IGNORECASE
)
_READS = re.compile(r"\brollup_(?:time|interactions)\b")
_SCOPED = "-- rollup scope: client_id"
_REFRESH = ("rollup_time_clear", "rollup_time_fill", "rollup_interactions_clear",
            "rollup_interactions_fill")  # fmt: skip

# All clients: a write whose clients are not known refreshes everyone.
EVERY_CLIENT = None


@cache
def _code(name: str) -> str:
    """The query's text without its comments."""
    return re.sub(r"--[^\n]*", "", load_query(name))


@cache
def writes(name: str) -> bool:
    """Whether the named query writes a rolled-up table."""
    return bool(_WRITES.search(_code(name)))


@cache
def scoped(name: str) -> bool:
    """Whether the named query writes only the rows of the client bound to `$client_id`."""
    return _SCOPED in load_query(name)


@cache
def reads(name: str) -> bool:
    """Whether the named query reads the rollups: inside a transaction that wrote history they are
    refreshed first, so a transaction reads its own writes (the demo scores the quarters it wrote)."""
    return name not in _REFRESH and bool(_READS.search(_code(name)))


class Pending:
    """The clients written on one connection since its transaction began (None: all of them)."""

    def __init__(self) -> None:
        self.clients: set[str] | None = set()

    def note(self, name: str, params: Any) -> None:
        if not writes(name):
            return
        one = scoped(name) and isinstance(params, Mapping)
        client = params.get("client_id") if one else None
        if isinstance(client, str) and self.clients is not None:
            self.clients.add(client)
        else:
            self.clients = EVERY_CLIENT

    @property
    def empty(self) -> bool:
        return self.clients is not None and not self.clients

    def flush(self, con: duckdb.DuckDBPyConnection) -> None:
        """Refresh what was written so far (before a read of the rollups, and before commit)."""
        if not self.empty:
            refresh(con, self.clients)
            self.clients = set()


def refresh(con: duckdb.DuckDBPyConnection, clients: set[str] | None) -> None:
    """Rebuild the rollups of `clients` (None: all) from the raw rows, on `con`'s transaction."""
    ids = None if clients is None else sorted(clients)
    for name in _REFRESH:
        con.execute(load_query(name), {"ids": ids})
