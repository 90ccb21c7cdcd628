"""Import speed, memory and file size: the demo portfolio exported to CSV, imported into a fresh
database, against DuckDB reading the same files raw, measured in the same run.

    uv run python bench/bench_import.py [--clients N]

Each measurement runs in a process of its own so its peak memory (max RSS) is its own:
- anchor: DuckDB's plain `read_csv` of the five files into tables of a fresh database;
- import: `health-tui import` of the same folder (staging, every check, one transaction);
- re-import: the same folder again into that database (every row replaced, then the file compacted
  as `health-tui import` does when much of it is free), then the file size.
Prints each figure and the ratios import / anchor (time and memory) and re-imported / imported size.
"""

from __future__ import annotations

import argparse
import json
import resource
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
    if mode == "anchor":
        for table in TABLES:
            store.run(f"bench_raw_{table}", {"path": str(folder / f"{table}.csv")})
    else:
        import_folder(store, folder)
    store.close()
    if mode == "import":
        compact_if_sparse(db)  # as `health-tui import` does
    seconds = time.perf_counter() - t
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": seconds, "rss_mb": rss, "size": db.stat().st_size}))


def measure(mode: str, folder: Path, db: Path) -> dict:
    out = subprocess.run(
        [sys.executable, __file__, "--child", mode, str(folder), str(db)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--clients", type=int, default=10_000)
    ap.add_argument("--child", nargs=3, metavar=("MODE", "FOLDER", "DB"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        mode, folder, db = args.child
        child(mode, Path(folder), Path(db))
        return

    from health_tui.demo import generate_demo
    from health_tui.ingest.export import export_import_format
    from health_tui.store import open_store

    tmp = Path(tempfile.mkdtemp())
    src = open_store(tmp / "demo.duckdb")
    t = time.perf_counter()
    generate_demo(src, clients=args.clients, seed=7, as_of=date(2026, 9, 30))
    print(f"demo of {args.clients:,} clients generated in {time.perf_counter() - t:.1f} s")
    counts = export_import_format(src, tmp / "csv")
    src.close()
    rows = sum(counts.values())
    size = sum(p.stat().st_size for p in (tmp / "csv").iterdir())
    print(f"exported {rows:,} rows to CSV: {size / 1e6:,.0f} MB")

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
        f"memory {first['rss_mb'] / anchor['rss_mb']:.2f}x"
    )
    print(
        f"file size: {first['size'] / 1e6:,.0f} MB after the import, "
        f"{again['size'] / 1e6:,.0f} MB after re-importing it "
        f"({again['size'] / first['size']:.2f}x)"
    )


if __name__ == "__main__":
    main()
