"""The store: private file, versioned schema, clear errors for files it cannot use."""

from __future__ import annotations

import stat
from pathlib import Path

import duckdb
import pytest

from health_tui.errors import NotADatabase, StoreLocked, StoreTooNew, StoreUnwritable
from health_tui.store import open_store
from health_tui.store.migrations import CURRENT_VERSION


def test_new_store_is_private_and_versioned(db_path: Path) -> None:
    store = open_store(db_path)
    assert stat.S_IMODE(db_path.stat().st_mode) == 0o600
    assert store.rows("schema_version_get") == [(CURRENT_VERSION,)]
    store.close()
    reopened = open_store(db_path)  # migrations are not re-applied
    assert reopened.con.execute("SELECT count(*) FROM schema_version").fetchone() == (
        CURRENT_VERSION,
    )
    reopened.close()


def test_history_tables_exist_for_other_tools(store) -> None:
    query = "SELECT table_name FROM information_schema.tables"  # tables and views
    names = {r[0] for r in store.con.execute(query).fetchall()}
    assert {"clients", "time_entries", "invoices", "interactions", "feedback"} <= names


def test_newer_schema_is_refused(db_path: Path) -> None:
    open_store(db_path).close()
    con = duckdb.connect(str(db_path))
    con.execute("INSERT INTO schema_version VALUES (?, now())", [CURRENT_VERSION + 1])
    con.close()
    with pytest.raises(StoreTooNew, match="newer health-tui"):
        open_store(db_path)


def test_not_a_database(tmp_path: Path) -> None:
    bad = tmp_path / "notes.duckdb"
    bad.write_text("these are my notes, not a database")
    with pytest.raises(NotADatabase, match="not a DuckDB database"):
        open_store(bad)


def test_locked_by_another_process(db_path: Path) -> None:
    import subprocess
    import sys

    open_store(db_path).close()
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            f"import duckdb,sys,time; c=duckdb.connect({str(db_path)!r}); print('ok', flush=True); time.sleep(30)",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "ok"
        with pytest.raises(StoreLocked, match="in use by another program"):
            open_store(db_path)
    finally:
        holder.kill()
        holder.wait()


def test_unwritable_path(tmp_path: Path) -> None:
    """A parent that is a file cannot hold the database (root can write anywhere else here)."""
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    with pytest.raises(StoreUnwritable, match="cannot create"):
        open_store(blocker / "x.duckdb")
