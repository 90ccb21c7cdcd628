"""`health-tui export DIR --import-format`: the five files of the import format, for a spreadsheet or
another tool. Clients are written as the app sees them (the owner's facts included); provenance and
the owner's records are not: `export` without the flag writes the full backup (backup.py).

Importing this folder into an empty database gives the same history, with the folder as its source.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Literal

from health_tui.errors import HealthTuiError, WouldOverwrite
from health_tui.ingest.models import BACKUP_MANIFEST, TABLES
from health_tui.store import Store

Format = Literal["csv", "parquet"]


def prepare_folder(
    folder: Path, names: Iterable[str], fmt: str, *, force: bool = False, backup: bool = False
) -> Path:
    """The folder to write `{name}.{fmt}` files into, created if need be.

    Nothing there is written over without `force`, except a backup refreshed by another `backup`
    (the routine of backing up to the same folder). The import format is never written over a
    backup: the backup's count of rows would no longer match and it could not be restored. A file
    of the other format under one of the names is refused rather than deleted: a folder holding
    both cannot be read back."""
    if fmt not in ("csv", "parquet"):
        raise HealthTuiError(f"unknown export format {fmt!r}; use csv or parquet")
    folder = Path(folder)
    other = "parquet" if fmt == "csv" else "csv"
    clashes = [folder / f"{n}.{other}" for n in names if (folder / f"{n}.{other}").exists()]
    if clashes:
        raise WouldOverwrite(
            f"{clashes[0]} is already there; export {fmt} into another folder, or remove it first."
        )
    a_backup = (folder / BACKUP_MANIFEST).is_file()
    if a_backup and not backup:
        raise WouldOverwrite(
            f"{folder} holds a backup written by `health-tui export`; the import format written "
            "over it would break it: export into another folder."
        )
    # any case: beside the owner's Clients.csv a clients.csv would make the folder unreadable
    held = {p.name.lower(): p for p in folder.iterdir()} if folder.is_dir() else {}
    there = [held[f"{n}.{fmt}"] for n in names if f"{n}.{fmt}" in held]
    if there and not force and not (backup and a_backup):
        raise WouldOverwrite(
            f"{there[0]} is already there; export into a new folder, or add --force to write "
            "over it."
        )
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise HealthTuiError(f"cannot create {folder}: {exc.strerror or exc}") from exc
    return folder


def export_import_format(
    store: Store, folder: Path, fmt: Format = "csv", *, force: bool = False
) -> dict[str, int]:
    """Write `{table}.{fmt}` for each table into `folder`; return the rows written per table.

    The path and format are bound parameters of DuckDB's COPY (`TO $path (FORMAT $fmt)`), so no
    path is ever spliced into SQL. All five files are read from one transaction: a consistent
    snapshot even if another thread writes meanwhile. A file of the other format for the same
    table is refused rather than deleted, since a folder holding both cannot be imported.
    """
    folder = prepare_folder(folder, TABLES, fmt, force=force)
    counts: dict[str, int] = {}
    with store.transaction() as con:
        for table in TABLES:
            path = folder / f"{table}.{fmt}"
            (counts[table],) = store.row(
                f"export_{table}", {"path": str(path), "fmt": fmt}, con=con
            )
    return counts
