"""Giving disk space back after an import replaced most of the file.

An import replaces rows in one transaction, so for a moment the file holds the old rows and the new;
DuckDB reuses that space later but never shrinks the file, which would stay twice the size of its
data after re-importing the same folder. When much of the file is free, it is copied table by table
into a fresh file (`COPY FROM DATABASE`: tables, views, macros, sequences and their values) that
then replaces it in one rename: the file is always either the old one or the complete new one.
"""

from __future__ import annotations

import os
from pathlib import Path

import duckdb

from health_tui.store.connection import CONNECT_CONFIG
from health_tui.store.queries import load_query

FREE_SHARE = 0.3  # compact when at least this share of the file's blocks is free ...
MIN_BYTES = 4 * 1024 * 1024  # ... and the file is big enough for it to matter


def compact_if_sparse(path: Path) -> tuple[int, int] | None:
    """Compact the closed database at `path` when it is mostly free space; return the sizes before
    and after, or None when nothing needed doing. Never called while the store is open."""
    path = Path(path)
    if not path.is_file() or path.stat().st_size < MIN_BYTES:
        return None
    before = path.stat().st_size
    fresh = path.with_name(path.name + ".compact")
    fresh.unlink(missing_ok=True)
    con = duckdb.connect(":memory:", config=dict(CONNECT_CONFIG))
    try:
        con.execute(load_query("compact_attach_source"), {"path": str(path)})
        total, free = con.execute(load_query("compact_free_blocks")).fetchall()[0]
        if not total or free / total < FREE_SHARE:
            return None
        old_mask = os.umask(0o077)  # private like the original, from the first byte
        try:
            con.execute(load_query("compact_attach_target"), {"path": str(fresh)})
        finally:
            os.umask(old_mask)
        con.execute(load_query("compact_copy"))
        con.execute(load_query("compact_detach"))
    except BaseException:
        con.close()
        fresh.unlink(missing_ok=True)
        raise
    con.close()
    os.chmod(fresh, 0o600)
    os.replace(fresh, path)
    return before, path.stat().st_size
