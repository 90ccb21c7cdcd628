"""Schema versions: each step is `queries/migrate_NNN.sql`, applied in its own transaction."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from health_tui.errors import NotADatabase, StoreError, StoreTooNew
from health_tui.store.queries import load_query

if TYPE_CHECKING:
    from health_tui.store.connection import Store

CURRENT_VERSION = 17

# Told before an existing file is upgraded (the command line prints it): building the rollups of a
# 10k-client portfolio takes seconds, and a silent pause at start-up looks like a hang.
_upgrade_notice: Callable[[str], None] | None = None


def on_upgrade(notice: Callable[[str], None] | None) -> None:
    """Say `notice(message)` before upgrading a file that already holds a portfolio."""
    global _upgrade_notice
    _upgrade_notice = notice


_INTEGER_TYPES = frozenset({"TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT"})


def schema_version(store: Store) -> int:
    """0 for a fresh file, else the highest version applied.

    Checked before anything is written: a file health-tui did not set up (another program's tables,
    a `schema_version` it never wrote) is refused, never migrated into.
    """
    where = store.path or "the database"
    # fetchall, not fetchone: a result left half-read holds a transaction open (Store.one)
    (exists,) = store.con.execute(load_query("schema_version_exists")).fetchall()[0]
    if not exists:
        others = [
            name for (name,) in store.con.execute(load_query("store_other_objects")).fetchall()
        ]
        if others:
            shown = ", ".join(others[:5]) + (
                f" and {len(others) - 5} more" if len(others) > 5 else ""
            )
            raise NotADatabase(
                f"{where} is another program's DuckDB database ({shown}), not a health-tui one; "
                "pass another file with --db PATH."
            )
        return 0
    (kind,) = store.con.execute(load_query("schema_version_shape")).fetchall()[0]
    if kind not in _INTEGER_TYPES:
        found = "no version column" if kind is None else f"a {kind} version"
        raise _not_health_tui(where, found)
    n, missing, lowest, highest = store.con.execute(load_query("schema_version_range")).fetchall()[
        0
    ]
    if n == 0:
        raise _not_health_tui(where, "no version recorded")
    if missing or lowest < 1:
        raise _not_health_tui(where, "version NULL" if missing else f"version {lowest}")
    return int(highest)


def too_new(where: object, version: int) -> StoreTooNew:
    return StoreTooNew(
        f"{where} was written by a newer health-tui (schema {version}, this one knows "
        f"{CURRENT_VERSION}); upgrade health-tui to open it."
    )


def _not_health_tui(where: object, found: str) -> NotADatabase:
    return NotADatabase(
        f"{where} has a schema_version table health-tui did not write ({found}), so it is not a "
        "health-tui database; pass another file with --db PATH."
    )


def migrate(store: Store, *, read_only: bool = False, target: int = CURRENT_VERSION) -> int:
    """Bring the file up to CURRENT_VERSION (tests build older files with `target`); refuse one
    written by a newer health-tui."""
    version = schema_version(store)
    where = store.path or "the database"
    if version > CURRENT_VERSION:
        raise too_new(where, version)
    if version < CURRENT_VERSION and read_only:
        raise StoreError(
            f"{where} needs an upgrade to schema {CURRENT_VERSION}; open it writable once."
        )
    if 0 < version < target and _upgrade_notice is not None:
        _upgrade_notice(
            f"upgrading {where} from schema {version} to {target}, once "
            "(a large portfolio takes a few seconds)…"
        )
    for step in range(version + 1, target + 1):
        with store.transaction() as con:
            con.execute(load_query(f"migrate_{step:03d}"))
            con.execute(load_query("schema_version_set"), [step])
    if 0 < version < HARVEST_COSTS <= target and _upgrade_notice is not None:
        (entries, currencies) = store.con.execute(load_query("upgrade_harvest_costs")).fetchall()[0]
        if currencies > 1:  # clients billed in another currency than the account's (the reviewer's)
            _upgrade_notice(
                f"{entries:,} Harvest time entries have a Cost Amount, for clients billed in "
                f"{currencies} currencies: Harvest keeps costs in the account's currency, which "
                "this version reads (as the portfolio's); the entries stored before keep their "
                "costs in the client's until you import the Harvest time export again."
            )
    return max(version, target)


# the schema from which a Harvest time entry's cost has a currency of its own (migrate_017)
HARVEST_COSTS = 17
