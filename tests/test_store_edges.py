"""The store's edges: files that are not health-tui's, strange schema versions, transactions that
fail at BEGIN, COMMIT or ROLLBACK, and a refused first import. Each is what a user would meet:
one line and an exit status, the file untouched, nothing fetched from the internet.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import textwrap
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner, Result

from health_tui.cli import cli
from health_tui.errors import StoreError
from health_tui.review.letter import load_letter, save_letter
from health_tui.store import Store, open_store
from health_tui.store.migrations import CURRENT_VERSION
from tests.conftest import FIXTURES, ROOT

SMALL = FIXTURES / "small"
NOON = datetime(2026, 10, 2, 12, 0)
ONE_LINE_REFUSAL = "; pass another file with --db PATH.\n"


def _snapshot(path: Path) -> dict[str, bytes]:
    """Every file health-tui or DuckDB could leave beside `path`, with its bytes."""
    return {p.name: p.read_bytes() for p in path.parent.iterdir() if p.name.startswith(path.name)}


def _run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


# ---- nothing reaches the network -------------------------------------------------------------


def test_every_connection_has_extension_autoloading_and_autoinstall_off(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A SQLite file or a URL must never make DuckDB download an extension: off in every connect."""
    configs: list[dict] = []
    real = duckdb.connect

    def spy(*args, **kwargs):
        configs.append(dict(kwargs.get("config") or {}))
        return real(*args, **kwargs)

    monkeypatch.setattr(duckdb, "connect", spy)
    open_store(db_path).close()  # new
    db_path.with_name(db_path.name + ".wal").write_bytes(b"")  # an existing file with a log
    open_store(db_path).close()  # looked at read-only first, then opened
    open_store(db_path, read_only=True).close()
    memory = open_store(None)
    settings = memory.con.execute(
        "SELECT current_setting('autoload_known_extensions'), "
        "current_setting('autoinstall_known_extensions')"
    ).fetchone()
    memory.close()
    assert len(configs) == 5
    for config in configs:
        assert config.get("autoload_known_extensions") is False
        assert config.get("autoinstall_known_extensions") is False
    assert settings == (False, False)


# ---- a file that is not health-tui's is refused, unchanged -----------------------------------


def _sqlite(path: Path) -> None:
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, amount REAL)")
    con.execute("INSERT INTO invoices (amount) VALUES (120.5)")
    con.commit()
    con.close()


def _other_duckdb(path: Path) -> None:
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE sales (id INTEGER, amount DOUBLE)")
    con.execute("INSERT INTO sales VALUES (1, 2.5)")
    con.execute("CREATE SCHEMA crm")
    con.execute("CREATE VIEW crm.leads AS SELECT 1 AS id")
    con.close()


def _other_duckdb_with_a_pending_log(path: Path) -> None:
    """Another program killed after a commit: its last change is only in the .wal."""
    code = (
        f"import duckdb, os; c = duckdb.connect({str(path)!r}); "
        "c.execute('CREATE TABLE t (a INTEGER)'); c.execute('CHECKPOINT'); "
        "c.execute('INSERT INTO t VALUES (1)'); os._exit(0)"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
    assert path.with_name(path.name + ".wal").stat().st_size > 0


FOREIGN: dict[str, tuple[Callable[[Path], None], str]] = {
    "random bytes": (
        lambda p: p.write_bytes(bytes(range(256)) * 40),
        "is not a DuckDB database",
    ),
    "a text file": (
        lambda p: p.write_text("client,notes\nacme,call back\n"),
        "is a text file, not a DuckDB database",
    ),
    "an empty file": (
        lambda p: p.write_bytes(b""),
        "is an empty file (0 bytes), not a DuckDB database",
    ),
    "a SQLite database": (_sqlite, "is a SQLite database, not a health-tui one"),
    "another program's DuckDB database": (
        _other_duckdb,
        "is another program's DuckDB database (crm.leads, sales), not a health-tui one",
    ),
    "another DuckDB database with a pending log": (
        _other_duckdb_with_a_pending_log,
        "is another program's DuckDB database (t), not a health-tui one",
    ),
}


@pytest.mark.parametrize("kind", FOREIGN)
def test_a_file_that_is_not_health_tuis_is_refused_and_left_unchanged(
    kind: str, tmp_path: Path
) -> None:
    make, said = FOREIGN[kind]
    path = tmp_path / "other.db"
    make(path)
    before = _snapshot(path)
    for args in (("score",), ("import", str(SMALL)), ("export", str(tmp_path / "out"))):
        result = _run(*args, "--db", str(path))
        assert result.exit_code == 1, (args, result.output)
        assert result.stderr == f"health-tui: {path} {said}" + (
            "; delete it or pass another file with --db PATH.\n"
            if kind == "an empty file"
            else ONE_LINE_REFUSAL
        )
        assert _snapshot(path) == before  # byte for byte, and no .wal left beside it
    assert not (tmp_path / "out").exists()


def test_an_empty_duckdb_file_becomes_a_health_tui_database(tmp_path: Path) -> None:
    path = tmp_path / "blank.duckdb"
    duckdb.connect(str(path)).close()  # made with the duckdb CLI, say: no tables yet
    result = _run("import", str(SMALL), "--db", str(path))
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Loaded 8 clients")


# ---- a strange schema_version ----------------------------------------------------------------


def _with_schema_version(path: Path, *statements: str) -> None:
    open_store(path).close()
    con = duckdb.connect(str(path))
    for statement in statements:
        con.execute(statement)
    con.close()


NULLABLE = "CREATE TABLE schema_version (version INTEGER, applied_at TIMESTAMP)"
STRANGE = {
    "-1": (
        ["DELETE FROM schema_version", "INSERT INTO schema_version VALUES (-1, now())"],
        "(version -1)",
    ),
    "0": (
        ["DELETE FROM schema_version", "INSERT INTO schema_version VALUES (0, now())"],
        "(version 0)",
    ),
    "NULL": (
        ["DROP TABLE schema_version", NULLABLE, "INSERT INTO schema_version VALUES (NULL, now())"],
        "(version NULL)",
    ),
    "NULL beside a good version": (
        [
            "DROP TABLE schema_version",
            NULLABLE,
            f"INSERT INTO schema_version VALUES (NULL, now()), ({CURRENT_VERSION}, now())",
        ],
        "(version NULL)",
    ),
    "text": (
        [
            "DROP TABLE schema_version",
            "CREATE TABLE schema_version (version VARCHAR, applied_at TIMESTAMP)",
            "INSERT INTO schema_version VALUES ('three', now())",
        ],
        "(a VARCHAR version)",
    ),
    "wrong columns": (
        [
            "DROP TABLE schema_version",
            "CREATE TABLE schema_version (v INTEGER, note VARCHAR)",
            "INSERT INTO schema_version VALUES (3, 'mine')",
        ],
        "(no version column)",
    ),
    "no row": (["DELETE FROM schema_version"], "(no version recorded)"),
}


@pytest.mark.parametrize("case", STRANGE)
def test_a_strange_schema_version_is_not_a_health_tui_database(case: str, db_path: Path) -> None:
    statements, found = STRANGE[case]
    _with_schema_version(db_path, *statements)
    before = _snapshot(db_path)
    result = _run("score", "--db", str(db_path))
    assert result.exit_code == 1, result.output
    assert result.stderr == (
        f"health-tui: {db_path} has a schema_version table health-tui did not write {found}, "
        "so it is not a health-tui database; pass another file with --db PATH.\n"
    )
    assert _snapshot(db_path) == before


def test_a_huge_schema_version_is_a_newer_health_tui(db_path: Path) -> None:
    _with_schema_version(db_path, "INSERT INTO schema_version VALUES (2147483647, now())")
    result = _run("score", "--db", str(db_path))
    assert result.exit_code == 1
    assert result.stderr == (
        f"health-tui: {db_path} was written by a newer health-tui (schema 2147483647, this one "
        f"knows {CURRENT_VERSION}); upgrade health-tui to open it.\n"
    )


# ---- BEGIN, COMMIT and ROLLBACK that fail ----------------------------------------------------


def test_a_commit_that_fails_on_a_full_disk_is_one_line_and_saves_nothing(db_path: Path) -> None:
    """The import's COMMIT cannot write the log (the file size limit stands in for a full disk)."""
    pytest.importorskip("resource")
    open_store(db_path).close()
    script = textwrap.dedent(f"""
        import resource, signal, sys
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails instead
        resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))
        from health_tui.cli import cli
        cli(["import", {str(SMALL)!r}, "--db", {str(db_path)!r}], prog_name="health-tui")
    """)
    proc = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=120
    )
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr
    last = proc.stderr.splitlines()[-1]
    assert last == (
        f'health-tui: {db_path}: could not save the change (Could not write file "{db_path}.wal": '
        "File too large); nothing of it was written: free some disk space and try again."
    )
    store = open_store(db_path)
    assert store.con.execute("SELECT count(*) FROM clients").fetchone() == (0,)
    store.close()


def test_a_commit_that_conflicts_with_another_cursor_is_a_store_error(store: Store) -> None:
    """Two workers write the same letter at once: the second COMMIT fails, in one line."""
    first, second = store.cursor(), store.cursor()
    with pytest.raises(StoreError) as raised, store.transaction(first) as tx:
        save_letter(store, "castell", "A", at=NOON, con=tx)
        with store.transaction(second) as other:
            save_letter(store, "castell", "B", at=NOON, con=other)
    message = str(raised.value)
    assert message == (
        f"{store.path}: could not save the change (PRIMARY KEY or UNIQUE constraint violation: "
        'duplicate key "castell"); nothing of it was written: try again.'
    )
    assert load_letter(store, "castell") == "B"
    with store.transaction(first):  # the failed commit left no transaction open
        pass


def test_a_begin_on_a_closed_connection_is_a_store_error(store: Store) -> None:
    """The app closing while a worker starts to write: BEGIN fails, in one line."""
    cursor = store.cursor()
    cursor.close()
    with pytest.raises(StoreError, match="could not start writing") as raised:  # noqa: SIM117
        with store.transaction(cursor):
            pytest.fail("the block must not run")
    assert str(raised.value).startswith(f"{store.path}: could not start writing (")
    assert "\n" not in str(raised.value)


def test_a_rollback_that_fails_is_a_store_error_and_saves_nothing(store: Store) -> None:
    """The connection is gone before the failed block is undone: ROLLBACK fails, in one line."""
    cursor = store.cursor()
    with pytest.raises(StoreError) as raised, store.transaction(cursor) as tx:
        save_letter(store, "castell", "A", at=NOON, con=tx)
        tx.close()
        raise RuntimeError("the worker stopped")
    message = str(raised.value)
    assert message.startswith(f"{store.path}: could not undo an unfinished change (")
    assert message.endswith("); it was not saved: try again.") and "\n" not in message
    assert isinstance(raised.value.__cause__, RuntimeError)
    assert load_letter(store, "castell") is None


# ---- a refused first import or demo leaves no file -------------------------------------------


def test_a_refused_import_into_a_new_path_leaves_no_file(tmp_path: Path) -> None:
    folder = tmp_path / "bad"
    folder.mkdir()
    (folder / "clients.csv").write_text("client_id,name,started_on\nacme,Acme,2024-13-01\n")
    db = tmp_path / "new.duckdb"
    result = _run("import", str(folder), "--db", str(db))
    assert result.exit_code == 2
    assert "clients.csv:2: started_on: not a date: '2024-13-01'" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad"]  # no .duckdb, no .wal

    _run("import", str(SMALL), "--db", str(db))  # an existing file is kept, as it was
    before = db.read_bytes()
    result = _run("import", str(folder), "--db", str(db))
    assert result.exit_code == 2
    assert db.read_bytes() == before


def test_a_db_in_a_folder_that_does_not_exist_is_refused_not_made(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A mistyped --db made the folders and a new portfolio in them; the import went there."""
    db = tmp_path / "Documnets" / "agency" / "portfolio.duckdb"
    result = _run("import", str(SMALL), "--db", str(db))
    assert result.exit_code != 0
    assert result.stderr == (
        f"health-tui: cannot create {db}: the folder {tmp_path / 'Documnets'} does not exist; "
        "create it first, or choose another --db (or $HEALTH_TUI_DB).\n"
    )
    assert list(tmp_path.iterdir()) == []
    # health-tui's own data folder is made on first run
    monkeypatch.setattr("health_tui.paths.user_data_path", lambda app: tmp_path / "data" / app)
    monkeypatch.delenv("HEALTH_TUI_DB", raising=False)
    from health_tui.paths import default_db_path

    assert default_db_path().is_relative_to(tmp_path)  # never the real portfolio
    assert _run("import", str(SMALL)).exit_code == 0
    assert default_db_path().is_file()
    # a file where a folder should be is said as such
    (tmp_path / "notes").write_text("")
    result = _run("import", str(SMALL), "--db", str(tmp_path / "notes" / "p.duckdb"))
    assert f"{tmp_path / 'notes'} is a file, not a folder" in result.stderr


def test_a_refused_demo_into_a_new_path_leaves_no_file(tmp_path: Path) -> None:
    db = tmp_path / "new.duckdb"
    result = _run("demo", "--db", str(db), "--as-of", "someday")
    assert result.exit_code == 2
    assert "'someday' is not a date" in result.output
    assert list(tmp_path.iterdir()) == []


def test_an_interrupted_first_import_leaves_no_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import health_tui.ingest.connector as connector

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(connector, "import_path", interrupted)
    db = tmp_path / "new.duckdb"
    result = _run("import", str(SMALL), "--db", str(db))
    assert result.exit_code == 130
    assert "interrupted" in result.stderr
    assert list(tmp_path.iterdir()) == []
    assert not os.path.exists(db)
