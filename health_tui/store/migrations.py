"""Schema versions: each step is `queries/migrate_NNN.sql`, applied in its own transaction."""

from __future__ import annotations

from typing import TYPE_CHECKING

from health_tui.errors import StoreError, StoreTooNew
from health_tui.store.queries import load_query

if TYPE_CHECKING:
    from health_tui.store.connection import Store

CURRENT_VERSION = 5


def schema_version(store: Store) -> int:
    """0 for a fresh file, else the highest version applied."""
    (exists,) = store.con.execute(load_query("schema_version_exists")).fetchone()
    if not exists:
        return 0
    (version,) = store.con.execute(load_query("schema_version_get")).fetchone()
    return int(version or 0)


def migrate(store: Store, *, read_only: bool = False, target: int = CURRENT_VERSION) -> int:
    """Bring the file up to CURRENT_VERSION (tests build older files with `target`); refuse one
    written by a newer health-tui."""
    version = schema_version(store)
    where = store.path or "the database"
    if version > CURRENT_VERSION:
        raise StoreTooNew(
            f"{where} was written by a newer health-tui (schema {version}, this one knows "
            f"{CURRENT_VERSION}); upgrade health-tui to open it."
        )
    if version < CURRENT_VERSION and read_only:
        raise StoreError(
            f"{where} needs an upgrade to schema {CURRENT_VERSION}; open it writable once."
        )
    for step in range(version + 1, target + 1):
        with store.transaction() as con:
            con.execute(load_query(f"migrate_{step:03d}"))
            con.execute(load_query("schema_version_set"), [step])
    return max(version, target)
