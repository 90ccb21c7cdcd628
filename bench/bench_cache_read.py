"""What a scores cache would cost to read back, against scoring the data, measured in the same run:
the figure behind issue 14's question of keeping scores between runs.

    uv run python bench/bench_cache_read.py DB_PATH [--as-of YYYY-MM-DD]

DB_PATH is a demo portfolio (`health-tui demo --clients 10000 --as-of 2026-12-04 --db ...`),
opened writable once first if an older health-tui wrote it. Best of three each:
- scoring: `score_portfolio` as of the date (the anchor);
- the scores' own JSON read back with validation (`PortfolioScore.model_validate_json`): a cache
  that trusts nothing it reads;
- the same scores unpickled (`pickle.loads`): fast, but a pickle in the database file runs code
  when it is loaded, and owners send each other DuckDB files.
Prints each time, its ratio to scoring, and the sizes.
"""

from __future__ import annotations

import argparse
import pickle
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from health_tui.scoring.engine import score_portfolio
from health_tui.scoring.models import PortfolioScore
from health_tui.settings import Settings
from health_tui.store import open_store


def best(run: Callable[[], object], rounds: int = 3) -> float:
    """The fastest of `rounds` runs, in seconds."""
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return min(times)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("db", type=Path)
    ap.add_argument("--as-of", type=date.fromisoformat, default=date(2026, 12, 4))
    args = ap.parse_args()
    store = open_store(args.db, read_only=True)
    settings = Settings()
    scores = score_portfolio(store, args.as_of, settings)
    scoring = best(lambda: score_portfolio(store, args.as_of, settings))
    as_json = scores.model_dump_json()
    pickled = pickle.dumps(scores, protocol=pickle.HIGHEST_PROTOCOL)
    validated = best(lambda: PortfolioScore.model_validate_json(as_json))
    unpickled = best(lambda: pickle.loads(pickled))  # measured here, never loaded from a file
    store.close()
    print(f"{len(scores.clients):,} clients scored as of {args.as_of}")
    print(f"scoring (the anchor)               : {scoring:.3f} s")
    print(f"JSON read back with validation     : {validated:.3f} s  {validated / scoring:.2f}x "
          f"scoring  ({len(as_json) / 1e6:.1f} MB)")  # fmt: skip
    print(f"pickle read back (unsafe in a file): {unpickled:.3f} s  {unpickled / scoring:.2f}x "
          f"scoring  ({len(pickled) / 1e6:.1f} MB)")  # fmt: skip


if __name__ == "__main__":
    main()
