"""Import speed, memory and file size: the demo portfolio exported to CSV, imported into a fresh
database, against DuckDB reading the same files raw, measured in the same run.

    uv run python bench/bench_import.py [--clients N]

Each measurement runs in a process of its own so its peak memory (max RSS) is its own:
- anchor: DuckDB's plain `read_csv` of the five files into tables of a fresh database;
- import: `health-tui import` of the same folder (every check, one transaction; a clean folder is
  written in one pass from its files);
- re-import: the same folder again into that database (every row replaced, then the file compacted
  as `health-tui import` does when much of it is free), then the file size.
Prints each figure and the ratios import / anchor (time, memory, and CPU time: on a shared machine
wall time swings with the load) and re-imported / imported size. With `--rounds N` (3 by default)
the anchor and a fresh import are then measured N more times in turn, each ratio taken within its
round, and the median printed: on a machine whose speed moves by a fifth within an hour, a ratio
of two measurements minutes apart moves with it.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

TABLES = ("clients", "time_entries", "invoices", "interactions", "feedback")


def child(mode: str, folder: Path, db: Path) -> None:
    """One measurement in this process; prints a JSON line with seconds and peak memory."""
    from health_tui.ingest.native import import_folder
    from health_tui.store import open_store
    from health_tui.store.compact import compact_if_sparse

    store = open_store(db)
    t = time.perf_counter()
    start = resource.getrusage(resource.RUSAGE_SELF)
    cpu0 = start.ru_utime + start.ru_stime
    if mode == "anchor":
        for table in TABLES:
            store.run(f"bench_raw_{table}", {"path": str(folder / f"{table}.csv")})
    else:
        import_folder(store, folder)
    store.close()
    if mode == "import":
        compact_if_sparse(db)  # as `health-tui import` does
    seconds = time.perf_counter() - t
    usage = resource.getrusage(resource.RUSAGE_SELF)
    cpu = usage.ru_utime + usage.ru_stime - cpu0
    rss = usage.ru_maxrss / 1024
    print(json.dumps({"seconds": seconds, "cpu": cpu, "rss_mb": rss, "size": db.stat().st_size}))


def measure(mode: str, folder: Path, db: Path) -> dict:
    return run_json(["--child", mode, str(folder), str(db)])


def run_json(args: list[str]) -> dict:
    """Run this script with `args` in a new process; the JSON line it printed last."""
    out = subprocess.run(
        [sys.executable, __file__, *args], check=True, capture_output=True, text=True
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


def prepare(clients: int, tmp: Path) -> None:
    """The demo portfolio exported to tmp/csv; prints a JSON line with what was written.

    Done in a process of its own: a child's peak memory counts its parent's at the moment it was
    started (Linux keeps the high-water mark across exec), so the parent that starts the
    measurements must stay small."""
    from health_tui.demo import generate_demo
    from health_tui.ingest.export import export_import_format
    from health_tui.store import open_store

    src = open_store(tmp / "demo.duckdb")
    t = time.perf_counter()
    generate_demo(src, clients=clients, seed=7, as_of=date(2026, 9, 30))
    seconds = time.perf_counter() - t
    counts = export_import_format(src, tmp / "csv")
    src.close()
    size = sum(p.stat().st_size for p in (tmp / "csv").iterdir())
    print(json.dumps({"seconds": seconds, "rows": sum(counts.values()), "size": size}))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--clients", type=int, default=10_000)
    ap.add_argument("--rounds", type=int, default=3, help="anchor and import in turn, N times")
    ap.add_argument("--child", nargs=3, metavar=("MODE", "FOLDER", "DB"), help=argparse.SUPPRESS)
    ap.add_argument("--prepare", metavar="DIR", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        mode, folder, db = args.child
        child(mode, Path(folder), Path(db))
        return
    if args.prepare:
        prepare(args.clients, Path(args.prepare))
        return

    tmp = Path(tempfile.mkdtemp())
    made = run_json(["--clients", str(args.clients), "--prepare", str(tmp)])
    print(f"demo of {args.clients:,} clients generated in {made['seconds']:.1f} s")
    rows = made["rows"]
    print(f"exported {rows:,} rows to CSV: {made['size'] / 1e6:,.0f} MB")

    anchor = measure("anchor", tmp / "csv", tmp / "raw.duckdb")
    first = measure("import", tmp / "csv", tmp / "imported.duckdb")
    again = measure("import", tmp / "csv", tmp / "imported.duckdb")
    print(f"anchor, raw read_csv:  {anchor['seconds']:6.1f} s  {anchor['rss_mb']:7,.0f} MB peak")
    print(
        f"import:                {first['seconds']:6.1f} s  {first['rss_mb']:7,.0f} MB peak  "
        f"({rows / first['seconds']:,.0f} rows/s)"
    )
    print(f"re-import:             {again['seconds']:6.1f} s  {again['rss_mb']:7,.0f} MB peak")
    print(
        f"import / anchor: time {first['seconds'] / anchor['seconds']:.2f}x, "
        f"memory {first['rss_mb'] / anchor['rss_mb']:.2f}x, "
        f"CPU time {first['cpu'] / anchor['cpu']:.2f}x (steadier on a shared machine)"
    )
    print(
        f"file size: {first['size'] / 1e6:,.0f} MB after the import, "
        f"{again['size'] / 1e6:,.0f} MB after re-importing it "
        f"({again['size'] / first['size']:.2f}x)"
    )
    if args.rounds > 0:
        in_turn(tmp, args.rounds)


def in_turn(tmp: Path, rounds: int) -> None:
    """The anchor and a fresh import one after the other, `rounds` times; the median of the ratios
    taken within each round."""
    time_ratios, cpu_ratios = [], []
    for i in range(rounds):
        anchor = measure("anchor", tmp / "csv", tmp / f"raw{i}.duckdb")
        first = measure("import", tmp / "csv", tmp / f"imported{i}.duckdb")
        time_ratios.append(first["seconds"] / anchor["seconds"])
        cpu_ratios.append(first["cpu"] / anchor["cpu"])
        (tmp / f"raw{i}.duckdb").unlink()
        (tmp / f"imported{i}.duckdb").unlink()
    shown = ", ".join(f"{r:.2f}x" for r in time_ratios)
    print(
        f"in turn, {rounds} rounds of anchor then import (each ratio within its round, median): "
        f"time {statistics.median(time_ratios):.2f}x ({shown}), "
        f"CPU time {statistics.median(cpu_ratios):.2f}x"
    )


if __name__ == "__main__":
    main()
