"""Import speed: the 10k-client demo portfolio exported to CSV, then imported into a fresh database.

    uv run python bench/bench_import.py [--clients N]

Prints the CSV size, import time, rows per table, rows per second and peak memory (max RSS).
"""

from __future__ import annotations

import argparse
import resource
import tempfile
import time
from datetime import date
from pathlib import Path

from health_tui.demo import generate_demo
from health_tui.ingest.export import export_import_format
from health_tui.ingest.native import import_folder
from health_tui.store import open_store


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--clients", type=int, default=10_000)
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp())
    src = open_store(tmp / "demo.duckdb")
    t = time.perf_counter()
    generate_demo(src, clients=args.clients, seed=7, as_of=date(2026, 9, 30))
    print(f"demo generated in {time.perf_counter() - t:.1f} s")
    t = time.perf_counter()
    export_import_format(src, tmp / "csv")
    src.close()
    size = sum(p.stat().st_size for p in (tmp / "csv").iterdir())
    print(f"exported to CSV in {time.perf_counter() - t:.1f} s: {size / 1e6:,.0f} MB")

    dst = open_store(tmp / "imported.duckdb")
    t = time.perf_counter()
    summary = import_folder(dst, tmp / "csv")
    seconds = time.perf_counter() - t
    dst.close()
    total = sum(summary.counts.values())
    print(f"import: {seconds:.1f} s for {total:,} rows ({total / seconds:,.0f} rows/s)")
    print("  " + ", ".join(f"{k} {v:,}" for k, v in summary.counts.items()))
    print(
        f"peak memory (max RSS): {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:,.0f} MB"
    )


if __name__ == "__main__":
    main()
