"""Where the facts query spends its time: DuckDB's own profile of one run, summed by step.

    uv run python bench/profile_facts.py DB_PATH [--as-of YYYY-MM-DD]

Runs the facts query as `load_facts` does (rollups, the check of what is dated after the day) with
DuckDB's detailed profiling, then prints the CPU seconds of each materialized step of
queries/facts_clients.sql (te, ia, inv_raw, q, scored, ...; the steps DuckDB inlines count in
"(final select)") and the costliest operators. As of the data's last day by default: what the app
scores on opening. A guide to where a change could pay, not a yardstick: the ratios are
bench/bench_score.py's.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

from health_tui.scoring.facts import facts_params
from health_tui.settings import Settings
from health_tui.store import load_query, open_store

MAIN = "(final select)"


def by_step(node: dict[str, Any], step: str, steps: Counter[str], ops: list[tuple]) -> None:
    """Add each operator's time to the step it computes: a CTE node's first child is its body."""
    extra = node.get("extra_info") or {}
    timing = float(node.get("timing") or 0.0)
    steps[step] += timing
    shown = {k: str(v)[:110] for k, v in extra.items() if k in ("Aggregates", "Conditions",
             "Expression", "Groups", "Join Type", "Projections", "Table")}  # fmt: skip
    ops.append((timing, step, node.get("type", "?"), node.get("intermediate_rows"), shown))
    children = node.get("children") or []
    if node.get("type") == "CTE" and "CTE Name" in extra and children:
        by_step(children[0], extra["CTE Name"], steps, ops)
        children = children[1:]
    for child in children:
        by_step(child, step, steps, ops)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("db", type=Path)
    ap.add_argument("--as-of", type=date.fromisoformat)
    args = ap.parse_args()
    store = open_store(args.db, read_only=True)
    (last_day,) = store.row("bench_last_day")
    as_of = args.as_of or last_day
    cur = store.cursor()
    # load_facts's two statements, the second profiled (its own ends in a ROLLBACK)
    ahead = bool(store.row("rollup_dated_after", {"as_of": as_of}, con=cur)[0])
    params = facts_params(as_of, Settings(), dated_after=ahead)
    store.rows("facts_clients", params, con=cur)  # warm: the file's blocks in memory
    cur.execute(load_query("bench_profile_on"))
    facts = store.rows("facts_clients", params, con=cur)
    profile = json.loads(cur.get_profiling_information(format="json"))
    steps: Counter[str] = Counter()
    ops: list[tuple] = []
    for node in profile["operator"]:
        by_step(node, MAIN, steps, ops)
    cpu = sum(steps.values())
    planning = profile["planner"]["total_time"] + profile["optimizer"]["total_time"]
    print(f"facts query as of {as_of}, {len(facts):,} clients: operators {cpu:.3f} s CPU,"
          f" planning {planning * 1000:.0f} ms")  # fmt: skip
    for step, seconds in steps.most_common():
        if seconds >= 0.0005:
            print(f"  {seconds:7.3f} s {100 * seconds / cpu:5.1f}%  {step}")
    print("costliest operators:")
    for seconds, step, kind, rows, shown in sorted(ops, key=lambda o: -o[0])[:12]:
        detail = "; ".join(f"{k}: {v}" for k, v in shown.items())
        print(f"  {seconds:7.3f} s  {step:14} {kind:22} {rows!s:>9} rows  {detail[:150]}")
    store.close()


if __name__ == "__main__":
    main()
