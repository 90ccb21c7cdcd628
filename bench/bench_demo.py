"""Benchmark: generate the demo portfolio into a temporary file database and print the figures.

The target is `--clients 10000` (about ten million rows) in under 60 seconds on a 2-core machine.

    uv run python bench/bench_demo.py --clients 10000
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from health_tui.demo import generate_demo
from health_tui.store import open_store

BUDGET_SECONDS = 60.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--as-of", type=date.fromisoformat, default=date(2026, 9, 30))
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="bench-demo-") as folder:
        path = Path(folder) / "demo.duckdb"
        started = time.perf_counter()
        cpu_before = time.process_time()
        store = open_store(path)
        try:
            summary = generate_demo(store, clients=args.clients, seed=args.seed, as_of=args.as_of)
        finally:
            store.close()
        wall = time.perf_counter() - started
        cpu = time.process_time() - cpu_before
        size = path.stat().st_size

    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    print(
        f"clients      {args.clients:>12,}   seed {args.seed}, as of {args.as_of}, {os.cpu_count()} cores"
    )
    for table, count in summary.counts.items():
        print(f"{table:<12} {count:>12,} rows")
    print(f"total        {summary.rows:>12,} rows")
    print(
        f"generate     {summary.seconds:>12.2f} s  (one transaction, as reported by generate_demo)"
    )
    print(f"wall         {wall:>12.2f} s  (open + generate + close); CPU {cpu:.2f} s")
    print(f"rate         {summary.rows / summary.seconds:>12,.0f} rows/s")
    print(f"file size    {size / 2**20:>12,.1f} MiB")
    print(f"peak memory  {peak_kib / 1024:>12,.1f} MiB (ru_maxrss)")
    verdict = "within" if wall < BUDGET_SECONDS else "OVER"
    print(
        f"budget       {BUDGET_SECONDS:>12.0f} s  -> {verdict} budget ({wall / BUDGET_SECONDS:.0%})"
    )
    return 0 if wall < BUDGET_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main())
