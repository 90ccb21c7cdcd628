"""`health-tui export DIR` and `health-tui restore DIR`: a backup that gives everything back.

A backup folder holds one file per table (CSV or Parquet) and `health-tui-backup.json`, which says
what wrote it and how many rows each file has. It holds everything the owner would miss: the history
with its provenance, the clients as imports gave them, the owner's facts and aliases, decisions with
their history, checklist steps, letters and the app's settings. Restoring it into an empty database
gives the same tables, so the same scores and the same report.

A backup from an older health-tui (schema 4 on, when export became a backup) restores too: since
then migrations only add tables and nullable columns, so every file is read by its own header and
inserted by column name, and what the older version did not have stays empty.

`restore` (not `import`) reads it: an import would give every row the folder's provenance, and the
native import refuses a backup folder saying so.
"""

from __future__ import annotations

import csv
import json
import os
from datetime import datetime
from pathlib import Path
from typing import Literal

import duckdb
from pydantic import BaseModel, ValidationError

from health_tui.errors import HealthTuiError, ImportFailed, WouldOverwrite
from health_tui.formatting import plural
from health_tui.ingest.export import prepare_folder
from health_tui.ingest.models import BACKUP_MANIFEST
from health_tui.store import Store
from health_tui.store.migrations import CURRENT_VERSION
from health_tui.store.tables import ALL_TABLES, owner_entries_on_demo, wipe_all

FIRST_BACKUP_SCHEMA = 4  # `export` wrote a full backup from this schema on

Format = Literal["csv", "parquet"]
BACKUP_TABLES: tuple[str, ...] = (*ALL_TABLES, "app_settings")
# client_rows is written as clients.csv: what a reader of the folder expects to find
FILE_NAMES = {table: ("clients" if table == "client_rows" else table) for table in BACKUP_TABLES}


class BackupManifest(BaseModel):
    """What `export` wrote: the schema it came from and the rows of each file, checked on restore."""

    health_tui_backup: int = 1
    schema_version: int
    format: Format
    written_at: datetime
    tables: dict[str, int]
    # the database it was written from, so another one's backup is not refreshed by mistake
    # (None: written before health-tui kept it)
    database: str | None = None


def is_backup(folder: Path) -> bool:
    return (Path(folder) / BACKUP_MANIFEST).is_file()


def backup_folder(
    store: Store, folder: Path, fmt: Format, *, at: datetime, force: bool = False
) -> dict[str, int]:
    """Write every table to `folder` from one consistent snapshot; return rows per table.

    The path and format are bound parameters of DuckDB's COPY, so no path is spliced into SQL. An
    existing backup in the folder is replaced; other files under its names only with `force`, and
    files of another kind there are refused rather than deleted.
    """
    source = str(store.path.resolve()) if store.path else None
    earlier = _earlier_source(Path(folder))
    if earlier and source and earlier != source and not force:
        raise WouldOverwrite(
            f"{folder} holds the backup of another database ({earlier}); back up into another "
            "folder, or add --force to replace it."
        )
    folder = prepare_folder(folder, FILE_NAMES.values(), fmt, force=force, backup=True)
    counts: dict[str, int] = {}
    with store.transaction() as con:
        for table in BACKUP_TABLES:
            path = folder / f"{FILE_NAMES[table]}.{fmt}"
            params = {"table": table, "path": str(path), "fmt": fmt}
            (counts[table],) = store.row("backup_table", params, con=con)
    manifest = BackupManifest(
        schema_version=CURRENT_VERSION, format=fmt, written_at=at, tables=counts, database=source
    )
    _write_atomically(folder / BACKUP_MANIFEST, manifest.model_dump_json(indent=2) + "\n")
    return counts


def restore_folder(store: Store, folder: Path) -> dict[str, int]:
    """Load a backup into `store`, which must hold nothing of the owner's (new, empty, or the demo).

    All or nothing, in one transaction; each file's row count is checked against the manifest.
    """
    folder = Path(folder)
    where = str(store.path) if store.path else "the in-memory database"
    manifest = _read_manifest(folder)
    clients, records = store.row("backup_target_rows")
    kind = store.setting("portfolio_kind")
    if (clients or records) and kind != "demo":
        held = [plural(clients, "client")] + (
            [plural(records, "record") + " of yours"] if records else []
        )
        raise HealthTuiError(
            f"{where} already holds a portfolio ({' and '.join(held)}); restore into a new file "
            "(--db restored.duckdb) so nothing is overwritten."
        )
    recorded = owner_entries_on_demo(store) if kind == "demo" else 0
    if recorded:
        raise HealthTuiError(
            f"{where} holds the demo with {recorded:,} {'entry' if recorded == 1 else 'entries'} "
            "you recorded on it; restore into a new file (--db restored.duckdb) so nothing is "
            "overwritten."
        )
    con = store.cursor()
    counts: dict[str, int] = {}
    try:
        with store.transaction(con) as tx:
            wipe_all(store, tx)
            store.run("wipe_app_settings", con=tx)
            for table in BACKUP_TABLES:
                counts[table] = _restore_table(store, tx, folder, table, manifest)
            store.run("restore_rekey_aliases", con=tx)  # a backup from before schema 11
            store.run("restore_advance_decision_ids", con=tx)
    finally:
        con.close()
    return counts


def _restore_table(
    store: Store,
    con: duckdb.DuckDBPyConnection,
    folder: Path,
    table: str,
    manifest: BackupManifest,
) -> int:
    path = folder / f"{FILE_NAMES[table]}.{manifest.format}"
    expected = manifest.tables.get(table, 0)
    if not path.is_file():
        if expected == 0:
            return 0
        raise ImportFailed(f"{path}:1: (file): missing; the backup says it holds {expected:,} rows")
    try:
        if manifest.format == "csv":
            columns = _csv_columns(store, con, path, table)
            store.run("backup_read_csv", {"path": str(path), "columns": columns}, con=con)
        else:
            store.run("backup_read_parquet", {"path": str(path)}, con=con)
        (rows,) = store.row(f"restore_{table}", con=con)
    except HealthTuiError as exc:
        raise ImportFailed(f"{path}:1: (file): cannot restore it: {exc}") from exc
    if rows != expected:
        raise ImportFailed(
            f"{path}:1: (file): {rows:,} rows, but the backup says {expected:,}; "
            "the folder was changed or is incomplete"
        )
    return int(rows)


def _earlier_source(folder: Path) -> str | None:
    """The database the backup already in `folder` was written from, if it says."""
    try:
        text = (folder / BACKUP_MANIFEST).read_text(encoding="utf-8")
        return BackupManifest.model_validate(json.loads(text)).database
    except (OSError, ValueError, ValidationError):
        return None  # no backup there, or one this cannot read: prepare_folder decides


def _read_manifest(folder: Path) -> BackupManifest:
    path = folder / BACKUP_MANIFEST
    if not folder.is_dir():
        raise ImportFailed(f"{folder}:1: (folder): no such folder")
    if not path.is_file():
        raise ImportFailed(
            f"{path}:1: (file): missing: {folder} is not a backup written by `health-tui export` "
            "(to load your own files, use `health-tui import`)"
        )
    try:
        manifest = BackupManifest.model_validate(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError, ValidationError) as exc:
        raise ImportFailed(f"{path}:1: (file): not a health-tui backup manifest: {exc}") from exc
    if manifest.schema_version > CURRENT_VERSION:
        raise ImportFailed(
            f"{path}:1: schema_version: written by a newer health-tui (schema "
            f"{manifest.schema_version}, this one knows {CURRENT_VERSION}); upgrade to restore it"
        )
    if manifest.schema_version < FIRST_BACKUP_SCHEMA:
        raise ImportFailed(
            f"{path}:1: schema_version: written by a health-tui too old to restore (schema "
            f"{manifest.schema_version}); restore it with that version, open the file once so it "
            "upgrades, then export again"
        )
    return manifest


def _csv_columns(
    store: Store, con: duckdb.DuckDBPyConnection, path: Path, table: str
) -> dict[str, str]:
    """The file's columns, in its own order, with the table's types: an older backup may lack a
    column added since (it stays empty); a column the table does not have is refused."""
    types = dict(store.rows("backup_columns", {"table": table}, con=con))
    with path.open(encoding="utf-8", newline="") as f:
        header = next(csv.reader(f), [])
    unknown = [name for name in header if name not in types]
    if unknown or not header:
        what = ", ".join(unknown) if unknown else "(no header)"
        raise ImportFailed(
            f"{path}:1: {what}: not a column of {table}; is this health-tui's backup?"
        )
    return {name: types[name] for name in header}


def _write_atomically(path: Path, text: str) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


__all__ = ["BackupManifest", "backup_folder", "is_backup", "restore_folder"]
