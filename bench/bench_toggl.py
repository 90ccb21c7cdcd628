"""Import speed of a Toggl Track detailed report: 1 million rows (issue 6 asks for under a minute).

    uv run python bench/bench_toggl.py [--rows N] [--twice]

Writes the CSV with DuckDB (COPY, no Python loop), imports it into a fresh database through the
real import (header recognition, staging, checks, activity words, identity keys, one transaction),
and prints the file size, seconds, rows per second and peak memory (max RSS of this process, which
includes DuckDB's). --twice imports the same file again, the re-import path (every key matches).
"""

from __future__ import annotations

import argparse
import resource
import tempfile
import time
from pathlib import Path

from health_tui.ingest.connector import import_path
from health_tui.store import open_store


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--twice", action="store_true", help="also time a re-import of the same file")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        run(Path(folder), args.rows, args.twice)
    print(
        f"peak memory (max RSS): {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:,.0f} MB"
    )


def run(tmp: Path, rows: int, twice: bool) -> None:
    path = tmp / "toggl.csv"
    store = open_store(tmp / "bench.duckdb")
    t = time.perf_counter()
    store.run("bench_toggl_csv", {"rows": rows, "path": str(path)})
    print(
        f"wrote {rows:,} Toggl rows in {time.perf_counter() - t:.1f} s: "
        f"{path.stat().st_size / 1e6:,.0f} MB"
    )
    runs = ("import", "re-import") if twice else ("import",)
    for name in runs:
        t = time.perf_counter()
        summary = import_path(store, path)
        seconds = time.perf_counter() - t
        print(
            f"{name}: {seconds:.1f} s for {rows:,} rows ({rows / seconds:,.0f} rows/s); "
            f"{summary.rows:,} written, {summary.already:,} already there"
        )
    print("  " + summary.line().replace("\n", "\n  "))
    store.close()


if __name__ == "__main__":
    main()
