"""A small folder's import, where the time is the statements' own cost and not the rows: what most
of the suite's tests and an owner's first import of a few clients pay, measured in one process
against DuckDB reading the same files raw into a fresh database.

    uv run python bench/bench_small_import.py [FOLDER] [--runs N]

FOLDER is fixtures/small by default. Each run opens a fresh database (not timed), then:
- anchor: DuckDB's plain `read_csv` of the five files into tables (bench_import.py's anchor);
- import: `import_folder` of the folder (every check, one transaction), with the statements it ran
  counted.
Prints the best and median of each, the ratio of the bests and of the medians, and the count.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from health_tui.ingest.native import import_folder  # noqa: E402
from health_tui.store import connection, open_store  # noqa: E402

TABLES = ("clients", "time_entries", "invoices", "interactions", "feedback")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("folder", nargs="?", default=str(ROOT / "fixtures" / "small"))
    ap.add_argument("--runs", type=int, default=15)
    args = ap.parse_args()
    folder = Path(args.folder)
    counted = [0]
    run = connection.Store.run

    def counting(self, name, params=None, *, con=None):  # type: ignore[no-untyped-def]
        counted[0] += 1
        return run(self, name, params, con=con)

    connection.Store.run = counting  # type: ignore[method-assign]
    anchor: list[float] = []
    imported: list[float] = []
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(args.runs):
            store = open_store(Path(tmp) / f"anchor{i}.duckdb")
            start = time.perf_counter()
            for table in TABLES:  # as bench_import.py's anchor reads them
                store.run(f"bench_raw_{table}", {"path": str(folder / f"{table}.csv")})
            anchor.append(time.perf_counter() - start)
            store.close()
            store = open_store(Path(tmp) / f"import{i}.duckdb")
            counted[0] = 0
            start = time.perf_counter()
            import_folder(store, folder)
            imported.append(time.perf_counter() - start)
            store.close()
    a_best, i_best = min(anchor), min(imported)
    a_med, i_med = statistics.median(anchor), statistics.median(imported)
    print(f"{folder.name}: {len(TABLES)} files, {args.runs} runs")
    for label, best, median in (
        ("anchor: read_csv of each file", a_best, a_med),
        (f"import_folder ({counted[0]} statements)", i_best, i_med),
    ):
        print(f"{label:<34}: best {best * 1000:6.1f} ms, median {median * 1000:6.1f} ms")
    print(f"ratio: {i_best / a_best:.1f}x of the bests, {i_med / a_med:.1f}x of the medians")


if __name__ == "__main__":
    main()
