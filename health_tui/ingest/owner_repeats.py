"""What an import says about rows that repeat what the owner logged in the app.

An `export --import-format` of a database holds the owner's own entries as plain rows: read back,
each counted twice (a complaint became two, and health fell ten points unsaid). A folder's row
equal field for field to one the owner logged is left out, one for each of the owner's, and said:
the owner's entry counts once. A row of another tool's export equal to one, or that only looks
like one (the same client, day and kind of message, or the same feedback score: a score typed in
from an e-mail, then the survey imported), may be another event, so both count, and the import
warns with the first few. The owner's entries are never touched.
"""

from __future__ import annotations

from collections.abc import Container

import duckdb

from health_tui.formatting import plural, some_of
from health_tui.ingest.staging import show
from health_tui.store import Store

SIGNAL_TABLES = ("interactions", "feedback")


def owner_repeats(
    store: Store,
    con: duckdb.DuckDBPyConnection,
    source: str,
    keys: str,
    tables: Container[str],
    *,
    drop: bool,
) -> tuple[dict[str, int], list[str], list[str]]:
    """Inside the import's transaction, after its rows are written: the rows of `source` left out
    per table, the note saying so, and the warning about rows that only look alike. Only this
    import's rows, those whose key `owner_repeats_keys_{keys}` lists, are looked at.

    `drop`: a folder (the import format, which `export --import-format` writes) leaves out its rows
    equal to the owner's; an export of another tool only warns of them, as of any look-alike: its
    pairing with the owner's entries could not be kept across its sources (one typed score would
    take a row from each survey imported after it)."""
    if not store.row("owner_repeats_any", con=con)[0]:  # a first import: nothing to repeat
        return {}, [], []
    store.run(f"owner_repeats_keys_{keys}", con=con)
    dropped = {
        table: len(store.rows(f"owner_repeats_drop_{table}", {"source": source}, con=con))
        for table in SIGNAL_TABLES
        if table in tables and drop
    }
    notes: list[str] = []
    if n := sum(dropped.values()):
        notes.append(
            f"Left out {plural(n, 'row')} equal, field for field, to entries you logged in the app "
            "(one for each of yours): your entries count once."
        )
    warnings: list[str] = []
    like = store.rows("owner_repeats_like", {"source": source}, con=con)
    if like:
        listed = some_of([f"{show(name)}, {day}: {what}" for _t, name, day, what in like[:3]],
                         len(like))  # fmt: skip
        verb = "looks" if len(like) == 1 else "look"
        warnings.append(
            f"{plural(len(like), 'row')} {verb} like entries you logged in the app (the same "
            f"client, day and kind of message, or feedback score): {listed}. Both count. If one "
            "is the other (a score typed in from an e-mail, then the survey imported), delete "
            "yours in the client's timeline (t in the app)."
        )
    return dropped, notes, warnings
