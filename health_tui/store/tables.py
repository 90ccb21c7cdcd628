"""What the store holds, table by table, and the two writes that span all of it.

History rows carry their origin (`source`, `source_key`); what the owner records about a client
lives apart from what imports bring (client_facts, client_aliases, the review tables), so an import
can replace its own rows without touching the owner's. See queries/migrate_004.sql.
"""

from __future__ import annotations

import duckdb

from health_tui.store.connection import Store

HISTORY_TABLES: tuple[str, ...] = ("time_entries", "invoices", "interactions", "feedback")
OWNER_TABLES: tuple[str, ...] = (
    "client_facts",
    "client_aliases",
    "review_decisions",
    "exit_steps",
    "exit_letters",
    "client_notes",
)
ALL_TABLES: tuple[str, ...] = ("client_rows", *HISTORY_TABLES, *OWNER_TABLES)

# Re-pointing clients, in order: history and decisions first, then the owner's records where the kept
# client's own entry wins, then referrals and the start date, and the moved clients' rows last.
_MOVE_STEPS: tuple[str, ...] = (
    "time_entries",
    "invoices",
    "interactions",
    "feedback",
    "notes",
    "review_decisions",
    "exit_steps_drop",
    "exit_steps",
    "exit_letters_drop",
    "exit_letters",
    "facts_drop",
    "facts",
    "fact_referrals",
    "aliases",
    "referrals",
    "self_referral_facts",
    "self_referral_rows",
    "seen_from",
    "drop_rows",
)


def wipe_all(store: Store, con: duckdb.DuckDBPyConnection) -> None:
    """Empty every table (inside the caller's transaction): a demo written, or an import over it."""
    for table in ALL_TABLES:
        store.run(f"wipe_{table}", con=con)


def move_clients(store: Store, con: duckdb.DuckDBPyConnection) -> None:
    """Re-point every client in the temp table `client_moves(old_id, new_id)` to its new id, inside
    the caller's transaction: all of its rows, decisions, checklist, letter, facts and aliases.

    The kept client must already have its row in client_rows; the moved clients' rows are deleted.
    Most imports take over no client: their nineteen statements would change nothing and cost a
    tenth of a small import, so they are not run.
    """
    if not store.row("client_moves_count", con=con)[0]:
        return
    for step in _MOVE_STEPS:
        store.run(f"client_move_{step}", con=con)


def clear_imported(store: Store, con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """`import --replace` (inside the caller's transaction): every row an import brought goes, and
    every client an import made but those the owner logged something for; the owner's own records
    (decisions, checklists, letters, facts, aliases, what the app logged) stay. Returns how many
    rows went from each table ("clients" for the clients), and how many clients stayed for the
    owner's entries ("clients_kept"), for the summary to say."""
    gone = {table: int(store.row(f"import_clear_{table}", con=con)[0]) for table in HISTORY_TABLES}
    gone["clients"] = int(store.row("import_clear_client_rows", con=con)[0])
    gone["clients_kept"] = int(store.row("import_clear_kept_clients", con=con)[0])
    return gone


def owner_entries_on_demo(store: Store) -> int:
    """How many entries the owner recorded on the demo portfolio (a new demo or a restore would
    replace them): everything the demo never writes, and the decisions and checklist steps beyond
    those the demo wrote (counted only for a demo that kept that count)."""
    never_demo, decided = store.row("demo_owner_entries")
    baseline = store.setting("demo_decided")
    return int(never_demo) + (max(0, int(decided) - int(baseline)) if baseline else 0)
