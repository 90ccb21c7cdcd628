"""Scoring speed on a 10k-client demo portfolio, against a plain GROUP BY scan of the same tables.

    uv run python bench/bench_score.py [DB_PATH] [--clients N]

Builds the demo portfolio (unless DB_PATH already holds one), then times, best of five runs each:
a plain GROUP BY client_id over each history table; the facts query alone (from the client x
quarter rollups, from every raw row instead, and as of a day inside a quarter); the whole scoring
(facts + rules + pydantic records) for all clients and five quarters; and, as a second yardstick, the
same scans grouped by client and quarter; the review report (which scores two quarters) against one
scoring; the facts query on the 8-client fixtures/small (its fixed cost: planning a query of some
forty steps, paid by every scoring whatever its size), and the same run from its text each time (as
before the store parsed each query file once per process); whether three runs of each way give the
same rows to the last digit; two quarters scored side by side as the report does (engine.score_two)
against one after the other, on both. Prints times, ratios, peak memory.

Then the two headline ratios again, round by round (scan, scoring, report in turn, each ratio
within its round: a shared machine's slow minute moves a whole round alike).

Then the step after scoring (the review queue, as the app and `health-tui review` build it) the
first time and again: scoring freezes what it built (gc.freeze) so the first time costs what the
second does; the same with that freeze undone shows the collection it saves.
"""

from __future__ import annotations

import argparse
import gc
import resource
import statistics
import tempfile
import time
from datetime import date
from pathlib import Path

from health_tui.dates import quarter_end, quarter_of
from health_tui.demo import generate_demo
from health_tui.report.model import build_report, previous_quarter_end
from health_tui.review.decisions import review_queue
from health_tui.scoring.engine import score_portfolio, score_two
from health_tui.scoring.facts import facts_params, load_facts
from health_tui.settings import Settings
from health_tui.store import load_query, open_store
from health_tui.store.connection import SKIPPED_PASSES

AS_OF = date(2026, 9, 30)
MID_QUARTER = date(2026, 8, 15)  # a day inside a quarter: that quarter is read from the raw rows


def best_of(fn, n: int = 5) -> tuple[float, float]:
    times = []
    for _ in range(n):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times), statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("db", nargs="?", type=Path)
    ap.add_argument("--clients", type=int, default=10_000)
    args = ap.parse_args()
    path = args.db or Path(tempfile.mkdtemp()) / "bench.duckdb"
    store = open_store(path)
    if store.setting("portfolio_kind") != "demo":
        t = time.perf_counter()
        summary = generate_demo(store, clients=args.clients, seed=7, as_of=AS_OF)
        print(
            f"demo: {summary.clients:,} clients, {sum(summary.counts.values()):,} rows in {time.perf_counter() - t:.1f} s"
        )
    rows = dict(store.rows("demo_counts"))
    print(
        "rows:", ", ".join(f"{k} {v:,}" for k, v in rows.items()), f"(total {sum(rows.values()):,})"
    )

    scan_best, scan_med = best_of(lambda: store.rows("bench_plain_scan"))
    qscan_best, qscan_med = best_of(lambda: store.rows("bench_quarter_scan"))
    facts_best, facts_med = best_of(lambda: load_facts(store, AS_OF, Settings()))
    raw_best, _ = best_of(lambda: load_facts(store, AS_OF, Settings(), rollups=False), n=3)
    mid_best, _ = best_of(lambda: load_facts(store, MID_QUARTER, Settings()), n=3)
    (last_day,) = store.row("bench_last_day")
    inside = last_day != quarter_end(*quarter_of(last_day))  # a quarter's day, not its last
    if inside:
        # the app's default: today, inside a quarter, nothing dated later
        today_best, _ = best_of(lambda: load_facts(store, last_day, Settings()), n=3)
        forced = facts_params(last_day, Settings(), dated_after=True)
        today_raw, _ = best_of(lambda: store.rows("facts_clients", forced), n=3)
    score_best, score_med = best_of(lambda: score_portfolio(store, AS_OF))
    p = score_portfolio(store, AS_OF)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"plain GROUP BY scan of the 4 tables : best {scan_best:.3f} s  median {scan_med:.3f} s")
    print(f"GROUP BY client and quarter, same  : best {qscan_best:.3f} s  median {qscan_med:.3f} s")
    print(f"facts query (SQL, 9 quarters)       : best {facts_best:.3f} s  median {facts_med:.3f} s"
          f"  ratio to scan {facts_best / scan_best:.1f}x")  # fmt: skip
    print(
        f"  the same from every raw row       : best {raw_best:.3f} s  rollups save {raw_best / facts_best:.1f}x"
    )
    print(
        f"  as of {MID_QUARTER} (its quarter raw): best {mid_best:.3f} s  ratio to scan {mid_best / scan_best:.1f}x"
    )
    if inside:
        print(f"  as of {last_day}, the data's last day: best {today_best:.3f} s  ratio to scan"
              f" {today_best / scan_best:.1f}x; its quarter read raw {today_raw:.3f} s"
              f" ({today_raw / today_best:.2f}x)")  # fmt: skip
    else:
        print(f"  the data ends on {last_day}, a quarter's last day: as of it, the line above")
    print(f"full scoring ({len(p.clients):,} clients, 5 quarters): best {score_best:.3f} s  median {score_med:.3f} s"
          f"  ratio to scan {score_best / scan_best:.1f}x, to the quarter scan {score_best / qscan_best:.1f}x")  # fmt: skip
    print(f"  of which Python rules + records   : {score_best - facts_best:.3f} s")
    every, skipping = _planning(store, 5)
    print(f"  planned with every DuckDB pass    : best {every:.3f} s, skipping two {skipping:.3f} s"
          f"  ratio {every / skipping:.2f}x")  # fmt: skip
    print(f"peak memory (max RSS)               : {peak_mb:,.0f} MB")
    # the same data gives the same rows to the last digit (repr: every digit of every figure)
    ways = [(AS_OF, True), (AS_OF, False), (MID_QUARTER, True), (last_day, True)]
    same = all(
        len({repr(load_facts(store, day, Settings(), rollups=r)) for _ in range(3)}) == 1
        for day, r in ways
    )
    # as of the data's last day, its quarter read from the rollups gives a raw read's rows
    today_same = repr(load_facts(store, last_day, Settings())) == repr(
        load_facts(store, last_day, Settings(), rollups=False)
    )
    print(f"same facts rows every run (3 runs of {len(ways)} ways): {'yes' if same else 'NO'}; "
          f"as of {last_day} the same as a raw read: {'yes' if today_same else 'NO'}")  # fmt: skip
    small = _small_store()
    # the same query from its text each time, as every scoring ran it before the store parsed
    # each query file once per process: the two in turn, so that both see the same machine
    params = facts_params(AS_OF, Settings())
    text = load_query("facts_clients")
    fixed, from_text = [], []
    for _ in range(9):
        fixed.append(best_of(lambda: load_facts(small, AS_OF, Settings()), n=1)[0])
        from_text.append(best_of(lambda: small.con.execute(text, params).fetchall(), n=1)[0])
    fixed_best, text_best = min(fixed), min(from_text)
    parse_best, _ = best_of(lambda: small.con.extract_statements(text), n=7)
    every, skipping = _planning(small, 15)
    small_two = _two_quarters(small, 15)
    small.close()
    print(f"facts query on fixtures/small (8 clients), its fixed cost: {fixed_best * 1000:.0f} ms"
          f"  (from its text each time {text_best * 1000:.0f} ms; parsing the text {parse_best * 1000:.0f} ms)")  # fmt: skip
    print(f"  planned with every DuckDB pass    : best {every * 1000:.0f} ms, skipping two {skipping * 1000:.0f} ms"
          f"  ratio {every / skipping:.2f}x")  # fmt: skip
    print(_two_line("  two quarters (as the report)", small_two))
    print(_two_line("two quarters (the report's scoring)", _two_quarters(store, 3)))
    report_best, report_med = best_of(
        lambda: build_report(store, AS_OF, Settings(), today=AS_OF), n=3
    )
    print(f"review report (two quarters, exits, track record): best {report_best:.3f} s  median {report_med:.3f} s"
          f"  ratio to one scoring {report_best / score_best:.2f}x")  # fmt: skip
    paired = _in_turn(store, 5)
    print(f"in turn, 5 rounds of scan, scoring, report (each ratio within its round, median):"
          f" scoring ÷ scan {paired[0]:.1f}x, report ÷ scoring {paired[1]:.2f}x")  # fmt: skip
    first, again = _after_scoring(store, frozen=True)
    print(f"review queue right after scoring    : {first * 1000:.0f} ms, again {again * 1000:.0f} ms"
          f"  ratio {first / again:.1f}x")  # fmt: skip
    first, again = _after_scoring(store, frozen=False)  # as before
    print(f"  the same without the freeze       : {first * 1000:.0f} ms, again {again * 1000:.0f} ms"
          f"  ratio {first / again:.1f}x")  # fmt: skip
    store.close()


def _planning(store, n: int) -> tuple[float, float]:
    """The facts query planned with every optimizer pass, and skipping the two the store skips
    (connection.SKIPPED_PASSES), in turn so both see the same machine: best of `n` each."""
    every, skipping = [], []
    try:
        for _ in range(n):
            store.run("planner_reset")
            every.append(best_of(lambda: load_facts(store, AS_OF, Settings()), n=1)[0])
            store.run("planner_skip", {"optimizers": SKIPPED_PASSES})
            skipping.append(best_of(lambda: load_facts(store, AS_OF, Settings()), n=1)[0])
    finally:
        store.run("planner_skip", {"optimizers": SKIPPED_PASSES})
    return min(every), min(skipping)


def _two_quarters(store, n: int) -> tuple[float, float, float]:
    """One scoring, two quarters one after the other, and the two side by side as the report
    scores them (engine.score_two), in turn so all three see the same machine: best of `n`."""
    before = previous_quarter_end(AS_OF)
    one, apart, together = [], [], []
    for _ in range(n):
        one.append(best_of(lambda: score_portfolio(store, AS_OF), n=1)[0])
        apart.append(best_of(lambda: [score_portfolio(store, d) for d in (AS_OF, before)], n=1)[0])
        together.append(best_of(lambda: score_two(store, AS_OF, before, Settings()), n=1)[0])
    return min(one), min(apart), min(together)


def _two_line(label: str, times: tuple[float, float, float]) -> str:
    one, apart, together = times
    return (f"{label:<36}: side by side {together:.3f} s = {together / one:.2f}x one scoring,"
            f" one after the other {apart / one:.2f}x")  # fmt: skip


def _in_turn(store, rounds: int) -> tuple[float, float]:
    """The two headline ratios measured round by round: the anchor scan, one scoring and the
    report one after the other, each ratio taken within its round. On a shared machine a slow
    minute moves all three of a round alike, where the best-of figures above each come from a
    different minute (their ratios moved by a fifth between runs with no change to the code)."""
    scoring, report = [], []
    for _ in range(rounds):
        scan = best_of(lambda: store.rows("bench_plain_scan"), n=1)[0]
        one = best_of(lambda: score_portfolio(store, AS_OF), n=1)[0]
        both = best_of(lambda: build_report(store, AS_OF, Settings(), today=AS_OF), n=1)[0]
        scoring.append(one / scan)
        report.append(both / one)
    return statistics.median(scoring), statistics.median(report)


def _small_store():
    """fixtures/small imported into a temporary file: what planning the facts query costs."""
    from health_tui.ingest.native import import_folder

    store = open_store(Path(tempfile.mkdtemp()) / "small.duckdb")
    import_folder(store, Path(__file__).resolve().parent.parent / "fixtures" / "small")
    return store


def _after_scoring(store, *, frozen: bool) -> tuple[float, float]:
    """The review queue built the first time after scoring, then again (best of three each);
    not `frozen`: scoring as it was before it froze what it built."""
    firsts, agains = [], []
    freeze = gc.freeze
    for _ in range(3):
        if not frozen:
            gc.freeze = lambda: None  # the engine's gc.freeze() does nothing this time
        try:
            p = score_portfolio(store, AS_OF)
        finally:
            gc.freeze = freeze
        for times in (firsts, agains):
            t = time.perf_counter()
            review_queue(p, include_rest=True)
            times.append(time.perf_counter() - t)
        del p
        gc.collect()
    return min(firsts), min(agains)


if __name__ == "__main__":
    main()
