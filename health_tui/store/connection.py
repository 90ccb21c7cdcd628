"""Opening the store: one DuckDB file, private to its owner, at a known schema version.

DuckDB's own exceptions are turned here into the app's errors with a message a user can act on.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import threading
import time
import weakref
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import duckdb

from health_tui.errors import NotADatabase, StoreError, StoreLocked, StoreTooNew, StoreUnwritable
from health_tui.paths import DB_ENV, default_data_dir
from health_tui.store import rollups
from health_tui.store.migrations import CURRENT_VERSION, migrate, schema_version, too_new
from health_tui.store.queries import load_query, statement

Params = Sequence[Any] | Mapping[str, Any] | None

# Nothing health-tui runs needs an extension it does not ship with (parquet, json and icu are built
# in): with these off, a SQLite file or a URL given by mistake fails here instead of making DuckDB
# download an extension from the internet.
CONNECT_CONFIG: Mapping[str, Any] = {
    "autoload_known_extensions": False,
    "autoinstall_known_extensions": False,
}
# DuckDB draws its own progress bar on the terminal for a query over two seconds, over the app's
# screen or the CLI's output: each connection (and each thread's cursor) turns it off.
_QUIET = "SET enable_progress_bar = false"

# Two of DuckDB's optimizer passes, projection pull-up and placement, take about a fifth of what the
# facts query costs on a small portfolio (planning a query of some forty steps is most of it) and
# make it no faster at 10,000 clients: the same rows, sooner at both sizes (bench/bench_score.py
# prints the two side by side; tests/test_rollups.py checks the rows). The setting is DuckDB's for
# the whole database, not one connection's, so it is made once, as the database is opened, for
# every query. A DuckDB that has not got these passes plans with every pass it has.
SKIPPED_PASSES = "projection_placement,projection_pullup"


class Store:
    """One connection for the process's life; threads take their own `cursor()`."""

    def __init__(self, con: duckdb.DuckDBPyConnection, path: Path | None) -> None:
        self.con = con
        self.path = path
        self._lock = threading.Lock()
        # writes to the rolled-up tables per connection in a transaction (see store/rollups.py)
        self._pending: dict[int, rollups.Pending] = {}
        # connections inside `snapshot`: a snapshot within one is the same snapshot
        self._snapshots: set[int] = set()
        # the cursors threads took, interrupted by `close` (a quit while a quarter is rescored)
        self._cursors: weakref.WeakSet[duckdb.DuckDBPyConnection] = weakref.WeakSet()

    def cursor(self) -> duckdb.DuckDBPyConnection:
        cur = self.con.cursor()
        cur.execute(_QUIET)
        self._cursors.add(cur)
        return cur

    def run(
        self, name: str, params: Params = None, *, con: duckdb.DuckDBPyConnection | None = None
    ) -> duckdb.DuckDBPyConnection:
        """Execute the named query from `queries/` with bound parameters; returns the cursor."""
        target = con or self.con
        pending = self._pending.get(id(target))
        if pending is None and rollups.writes(name):
            raise StoreError(
                f"{name}.sql writes history outside a transaction: the rollups would lag"
            )
        try:
            if pending is not None and rollups.reads(name):
                pending.flush(target)  # read this transaction's own writes
            cur = target.execute(statement(name, target), params)
        except duckdb.Error as exc:
            raise translate(exc, self.path) from exc
        if pending is not None:
            pending.note(name, params)
        return cur

    def rows(
        self, name: str, params: Params = None, *, con: duckdb.DuckDBPyConnection | None = None
    ) -> list[tuple]:
        cur = self.run(name, params, con=con)
        try:  # DuckDB may meet a bad value only as it reads the result: said like any other error
            return cur.fetchall()
        except duckdb.Error as exc:
            raise translate(exc, self.path) from exc

    def one(
        self, name: str, params: Params = None, *, con: duckdb.DuckDBPyConnection | None = None
    ) -> tuple | None:
        """The first row of the named query, with the result read to its end.

        A result left half-read keeps its transaction open on that connection; on the long-lived
        main connection that stops DuckDB from ever reclaiming deleted rows (a re-imported folder
        would grow the file by its whole size each time)."""
        rows = self.rows(name, params, con=con)
        return rows[0] if rows else None

    def row(
        self, name: str, params: Params = None, *, con: duckdb.DuckDBPyConnection | None = None
    ) -> tuple[Any, ...]:
        """The one row a statement always returns (an aggregate, the count an INSERT reports),
        read to its end as `one` does; a StoreError if there is none."""
        found = self.one(name, params, con=con)
        if found is None:
            raise StoreError(f"{name}.sql returned no row where it always returns one")
        return found

    def dicts(
        self, name: str, params: Params = None, *, con: duckdb.DuckDBPyConnection | None = None
    ) -> list[dict[str, Any]]:
        cur = self.run(name, params, con=con)
        cols = [d[0] for d in cur.description]
        return [dict(zip(cols, row, strict=True)) for row in cur.fetchall()]

    @contextmanager
    def transaction(
        self, con: duckdb.DuckDBPyConnection | None = None
    ) -> Iterator[duckdb.DuckDBPyConnection]:
        """All or nothing: commit when the block ends, roll back on any exception.

        BEGIN, COMMIT and ROLLBACK can fail too (a full disk at commit, a conflicting write from
        another cursor, a closed connection): each becomes a one-line StoreError naming the file.
        """
        target = con or self.con
        try:
            target.execute("BEGIN TRANSACTION")
        except duckdb.Error as exc:
            raise self._failed(exc, "could not start writing", "nothing was changed") from exc
        pending = self._pending[id(target)] = rollups.Pending()
        try:
            yield target
            try:  # the rollups move with the rows, in the same transaction
                pending.flush(target)
            except duckdb.Error as exc:
                raise translate(exc, self.path) from exc
        except BaseException as exc:
            self._pending.pop(id(target), None)
            try:
                target.execute("ROLLBACK")
            except duckdb.Error as undo:
                raise self._failed(
                    undo, "could not undo an unfinished change", "it was not saved"
                ) from exc
            raise
        else:
            self._pending.pop(id(target), None)
            try:
                target.execute("COMMIT")
            except duckdb.Error as exc:  # DuckDB ends a transaction whose commit failed
                raise self._failed(
                    exc, "could not save the change", "nothing of it was written"
                ) from exc

    @contextmanager
    def snapshot(
        self, con: duckdb.DuckDBPyConnection | None = None
    ) -> Iterator[duckdb.DuckDBPyConnection]:
        """Several reads that see the database in one state (DuckDB fixes it at the first read):
        a write another cursor commits after it (the app's store thread, while a worker scores)
        is not seen by the later reads. Inside `transaction` or another snapshot of the same
        connection, which already read one state, it adds nothing."""
        target = con or self.con
        if self.in_snapshot(target):
            yield target
            return
        try:
            target.execute("BEGIN TRANSACTION")
        except duckdb.Error as exc:
            raise translate(exc, self.path) from exc
        self._snapshots.add(id(target))
        try:
            yield target
        finally:
            self._snapshots.discard(id(target))
            with contextlib.suppress(duckdb.Error):  # read only: nothing to keep or lose
                target.execute("ROLLBACK")

    def in_snapshot(self, con: duckdb.DuckDBPyConnection | None = None) -> bool:
        """Whether `con` reads one state of the database (`snapshot` or `transaction`), one that
        another cursor does not share."""
        target = con or self.con
        return self.in_transaction(target) or id(target) in self._snapshots

    def in_transaction(self, con: duckdb.DuckDBPyConnection | None = None) -> bool:
        """Whether `con` (the main connection by default) is inside `transaction`: what it wrote
        there is not yet seen by any other cursor."""
        return id(con or self.con) in self._pending

    def _failed(self, exc: duckdb.Error, what: str, outcome: str) -> StoreError:
        """One line for a transaction that could not start, end or be undone, naming the file."""
        where = str(self.path) if self.path else "the in-memory database"
        reason = _reason(exc)
        full = any(s in reason for s in ("No space left", "File too large", "Disk quota"))
        advice = "free some disk space and try again" if full else "try again"
        return StoreError(f"{where}: {what} ({reason}); {outcome}: {advice}.")

    def setting(self, key: str) -> str | None:
        row = self.one("app_setting_get", [key])
        return row[0] if row else None

    def set_setting(
        self, key: str, value: str | None, *, con: duckdb.DuckDBPyConnection | None = None
    ) -> None:
        self.run("app_setting_set", [key, value], con=con)

    def close(self) -> None:
        """Close the file; a query another thread still runs (the app quit while a quarter was
        rescored: "connection is busy with another call" ended it in a traceback) is interrupted
        first, and the close tried again as it stops."""
        for attempt in range(40):
            try:
                self.con.close()
                return
            except duckdb.ResourceInUseException:
                if attempt == 39:
                    raise
            for cur in list(self._cursors):
                with contextlib.suppress(duckdb.Error):
                    cur.interrupt()
            time.sleep(0.05)


def translate(exc: duckdb.Error, path: Path | None) -> StoreError:
    """Turn a DuckDB exception into one of ours, naming the file and what to do."""
    text = str(exc)
    where = str(path) if path else "the in-memory database"
    if "Could not set lock" in text or "Conflicting lock" in text:
        return StoreLocked(
            f"{where} is in use by another program (probably another health-tui); "
            "close it and try again."
        )
    if "not a valid DuckDB database" in text:
        return NotADatabase(f"{where} is not a DuckDB database; pass another file with --db PATH.")
    if "Permission denied" in text or "Read-only file system" in text:
        return StoreUnwritable(
            f"cannot write {where}: permission denied; choose another path with --db."
        )
    if "Cannot open file" in text or "No such file" in text:
        return StoreUnwritable(f"cannot open {where}: {text.split(':', 2)[-1].strip()}")
    return StoreError(f"{where}: {_reason(exc)}")


def _reason(exc: duckdb.Error) -> str:
    """DuckDB's message on one line: its first (the others point a caret into the query text).

    A failed commit's "TransactionContext Error: Failed to commit:" preamble is left out.
    """
    text = " ".join(str(exc).split("\n")[0].split())
    for prefix in ("TransactionContext Error: Failed to commit: ", "TransactionContext Error: "):
        if text.startswith(prefix):
            return text[len(prefix) :]
    return text


def _connect(target: str, *, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect(target, read_only=read_only, config=dict(CONNECT_CONFIG))
    con.execute(_QUIET)
    # no transaction is open yet, so a refusal (a DuckDB without these passes) aborts nothing
    with contextlib.suppress(duckdb.Error):
        con.execute(load_query("planner_skip"), {"optimizers": SKIPPED_PASSES})
    return con


def _not_duckdb(path: Path) -> str | None:
    """Why the file plainly is not a DuckDB database, said for a user; None if it may be one.

    Looked at before DuckDB opens it, so a file that is not health-tui's is never touched.
    """
    try:
        with path.open("rb") as f:
            head = f.read(4096)
    except OSError:
        return None  # DuckDB says why it cannot open it
    if head[8:12] == b"DUCK":  # DuckDB's header: an 8-byte checksum, then its magic
        return None
    again = "pass another file with --db PATH."
    if not head:
        return f"{path} is an empty file (0 bytes), not a DuckDB database; delete it or {again}"
    if head.startswith(b"SQLite format 3\x00"):
        return f"{path} is a SQLite database, not a health-tui one; {again}"
    if head.startswith(b"PAR1"):
        return f"{path} is a Parquet file, not a DuckDB database; {again}"
    if _is_text(head):
        return f"{path} is a text file, not a DuckDB database; {again}"
    return f"{path} is not a DuckDB database; {again}"


def _is_text(head: bytes) -> bool:
    if b"\x00" in head:
        return False
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        return exc.start >= len(head) - 3  # only a character cut at the 4 KB mark
    return True


def open_store(path: Path | str | None, *, read_only: bool = False) -> Store:
    """Open (creating if needed, mode 0600) and migrate the store at `path`; None means in memory."""
    if path is None or str(path) == ":memory:":
        con = _connect(":memory:")
        store = Store(con, None)
        migrate(store)
        return store
    path = Path(path).expanduser()
    new = not path.exists()
    if new:
        if read_only:
            raise StoreError(f"{path} does not exist.")
        if not path.parent.is_dir():
            _make_folder(path)
        if not os.access(path.parent, os.W_OK):
            raise StoreUnwritable(
                f"cannot write in {path.parent}: permission denied; choose another --db."
            )
    elif path.is_dir():
        raise NotADatabase(f"{path} is a folder, not a DuckDB database file.")
    else:
        refusal = _not_duckdb(path)
        if refusal is not None:
            raise NotADatabase(refusal)
        if not read_only and _wal(path).exists():
            _check_read_only(path)
    old_mask = os.umask(0o077)  # the file holds clients' financials: private from the first byte
    try:
        con = _connect(str(path), read_only=read_only)
    except duckdb.Error as exc:
        raise translate(exc, path) from exc
    finally:
        os.umask(old_mask)
    if new:
        os.chmod(path, 0o600)
    store = Store(con, path)
    try:
        version = migrate(store, read_only=read_only)
    except BaseException as exc:
        con.close()
        if isinstance(exc, duckdb.Error):
            raise translate(exc, path) from exc
        raise
    assert version <= CURRENT_VERSION
    return store


def _make_folder(path: Path) -> None:
    """Create health-tui's own data folder on first run; any other missing folder is refused: a
    mistyped --db would otherwise make a tree of folders and a new, empty portfolio in it, and the
    import meant for the real one would go there."""
    missing = path.parent  # the first folder of the path that is not there
    while not missing.parent.is_dir() and missing.parent != missing:
        missing = missing.parent
    if missing.exists():  # there, but not a folder
        raise StoreUnwritable(f"cannot create {path}: {missing} is a file, not a folder.")
    if path.parent.absolute() != default_data_dir().absolute():
        raise StoreUnwritable(
            f"cannot create {path}: the folder {missing} does not exist; create it first, or "
            f"choose another --db (or ${DB_ENV})."
        )
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreUnwritable(f"cannot create {path.parent}: {exc.strerror}") from exc


@contextmanager
def opened_store(path: Path | str) -> Iterator[Store]:
    """The store at `path` for one command, closed at the end.

    If the command fails (an import refused, a bad option, ctrl+c) and this call created the file,
    the file and its write-ahead log are removed again: a refused first import leaves nothing behind.
    """
    path = Path(path).expanduser()
    # only what this call creates; an existing file is never removed, nor its log
    leftovers = (
        [] if path.exists() else [p for p in (path, _wal(path), _spill(path)) if not p.exists()]
    )
    try:
        store = open_store(path)
    except BaseException:
        _remove(leftovers)
        raise
    try:
        yield store
    except BaseException:
        store.close()
        _remove(leftovers)
        raise
    store.close()


def _remove(paths: list[Path]) -> None:
    for p in paths:
        if p.is_dir():
            shutil.rmtree(p, ignore_errors=True)
        else:  # never there: missing, or under a "folder" that is a file
            with contextlib.suppress(FileNotFoundError, NotADirectoryError):
                p.unlink()


def _spill(path: Path) -> Path:
    """Where DuckDB spills to disk by default (created only when a query needs it)."""
    return path.with_name(path.name + ".tmp")


def _wal(path: Path) -> Path:
    return path.with_name(path.name + ".wal")


def _check_read_only(path: Path) -> None:
    """Validate a file that has a pending write-ahead log without changing it.

    A writable open replays the log into the file at once, so another program's database (or a
    newer health-tui's) would be changed before it could be refused; a read-only look changes
    nothing. Only done when there is a log: without one, a writable open leaves the file as it is.
    """
    try:
        con = _connect(str(path), read_only=True)
    except duckdb.Error as exc:
        raise translate(exc, path) from exc
    try:
        version = schema_version(Store(con, path))
    except duckdb.Error as exc:
        raise translate(exc, path) from exc
    finally:
        con.close()
    if version > CURRENT_VERSION:
        raise too_new(path, version)


__all__ = ["Store", "StoreTooNew", "open_store", "opened_store", "translate"]
