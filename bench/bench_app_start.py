"""The app from start at 10k and 50k clients: first paint with scoring included, and keys while a
quarter is rescored, against the app with 10 clients measured in the same run.

    uv run python bench/bench_app_start.py [DB ...] [--keys K]

Each DB is a demo portfolio as of 2026-09-30 (default /tmp/paint10k.duckdb and /tmp/paint50k.duckdb;
make them once with `uv run health-tui demo --db /tmp/paint10k.duckdb --clients 10000 --as-of
2026-09-30`, likewise 50k). The anchor, a 10-client demo, is built in a temporary folder.

For each portfolio the app is started with Pilot at 120x36 (the real engine, default settings):
- first paint: from opening the store to the first client row rendered (names, whatever the row
  shows), and to the first row rendered from the scored quarter;
- a key: from handing the key to the driver to the table rendering the line the cursor moved to
  (not Pilot's `press` and `pause`, which wait for the whole process to be idle and so, while a
  worker thread scores, wait their full second each: the 538 ms of issue 14 was mostly that); K
  cursor keys on the idle screen, then K or more while `[`
  rescores the quarter before, a short sleep between keys so they spread over the rescoring.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from textual import events

from health_tui.app.app import HealthApp
from health_tui.app.widgets.client_table import ClientTable
from health_tui.demo import generate_demo
from health_tui.store import open_store

AS_OF = date(2026, 9, 30)
SIZE = (120, 36)
DEFAULT_DBS = [Path("/tmp/paint10k.duckdb"), Path("/tmp/paint50k.duckdb")]


class Timed(HealthApp):
    """The app, noting when a client row first renders and when one renders from scores."""

    first_row_at: float | None = None
    scored_row_at: float | None = None
    cursor_event: asyncio.Event | None = None
    key_handled = False

    def row_rendered(self, table: ClientTable, row: int) -> None:
        now = time.perf_counter()
        if self.first_row_at is None:
            self.first_row_at = now
        if self.scored_row_at is None and self.portfolio is not None:
            self.scored_row_at = now
        if self.key_handled and row == table.cursor and self.cursor_event is not None:
            self.cursor_event.set()


def _patch_table() -> None:
    original = ClientTable.render_line
    cursor = ClientTable.action_cursor

    def action_cursor(self: ClientTable, delta: int) -> None:
        cursor(self, delta)
        if isinstance(self.app, Timed):
            self.app.key_handled = True

    def render_line(self: ClientTable, y: int):
        app = self.app
        row = self.scroll_offset.y + y - 1
        if y > 0 and row < len(self.view.order) and isinstance(app, Timed):
            app.row_rendered(self, row)
        return original(self, y)

    ClientTable.render_line = render_line  # type: ignore[method-assign]
    ClientTable.action_cursor = action_cursor  # type: ignore[method-assign]


def _send(app: Timed, key: str) -> None:
    event = events.Key(key, key if len(key) == 1 else None)
    event.set_sender(app)
    assert app._driver is not None
    app._driver.send_message(event)


async def _key(app: Timed, pilot, key: str = "j") -> float:
    """One cursor key, from handing it to the app to the cursor's new line rendered, in ms.

    The key goes straight to the driver, as a terminal's would: `pilot.press` waits for the process
    to be idle twice per key (up to a second each), which a scoring thread never lets happen."""
    app.key_handled = False
    app.cursor_event = asyncio.Event()
    t = time.perf_counter()
    _send(app, key)
    await asyncio.wait_for(app.cursor_event.wait(), 30)
    return (time.perf_counter() - t) * 1000


@dataclass
class Run:
    clients: int = 0
    first_row_s: float = 0.0
    scored_row_s: float = 0.0
    idle_keys: list[float] = field(default_factory=list)
    busy_keys: list[float] = field(default_factory=list)
    rescore_s: float = 0.0


async def measure(db: Path, keys: int) -> Run:
    run = Run()
    t0 = time.perf_counter()
    store = open_store(db)
    app = Timed(store=store, as_of=AS_OF)
    app.animation_level = "none"
    try:
        async with app.run_test(size=SIZE) as pilot:
            while app.scored_row_at is None:
                await asyncio.sleep(0.005)
            assert app.first_row_at is not None and app.portfolio is not None
            run.clients = len(app.portfolio.clients)
            run.first_row_s = app.first_row_at - t0
            run.scored_row_s = app.scored_row_at - t0
            await pilot.pause()
            for i in range(keys):
                run.idle_keys.append(await _key(app, pilot, "j" if i % 2 == 0 else "k"))
            started = time.perf_counter()
            _send(app, "left_square_bracket")
            while app.working is None:
                await asyncio.sleep(0.001)
            i = 0
            while app.working is not None or i < 1:
                cost = await _key(app, pilot, "j" if i % 2 == 0 else "k")
                if app.working is not None:
                    run.busy_keys.append(cost)
                i += 1
                await asyncio.sleep(0.05)
            run.rescore_s = time.perf_counter() - started
    finally:
        store.close()
    return run


def anchor_db() -> Path:
    path = Path(tempfile.mkdtemp(prefix="bench_app_start_")) / "anchor.duckdb"
    store = open_store(path)
    try:
        generate_demo(store, clients=10, seed=7, as_of=AS_OF)
    finally:
        store.close()
    return path


def _p95(values: list[float]) -> float:
    return sorted(values)[max(0, round(0.95 * len(values)) - 1)] if values else float("nan")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("dbs", nargs="*", type=Path, default=DEFAULT_DBS)
    ap.add_argument("--keys", type=int, default=20, help="cursor keys on the idle screen")
    args = ap.parse_args()
    _patch_table()
    runs = [("anchor", asyncio.run(measure(anchor_db(), args.keys)))]
    for db in args.dbs:
        runs.append((db.name, asyncio.run(measure(db, args.keys))))
    anchor = runs[0][1]
    floor = statistics.mean(anchor.idle_keys)
    print(
        f"\nPilot at {SIZE[0]}x{SIZE[1]}; the anchor is a 10-client demo; key floor {floor:.1f} ms"
    )
    head = (
        f"{'':22}{'clients':>8}{'1st row s':>10}{'scored s':>10}{'÷anchor':>9}"
        f"{'idle key':>10}{'busy key':>10}{'p95':>8}{'max':>8}{'max−floor':>10}{'n':>4}{'rescore s':>11}"
    )
    print(head)
    for name, r in runs:
        busy = statistics.mean(r.busy_keys) if r.busy_keys else float("nan")
        print(
            f"{name:22}{r.clients:>8,}{r.first_row_s:>10.2f}{r.scored_row_s:>10.2f}"
            f"{r.first_row_s / anchor.first_row_s:>9.1f}"
            f"{statistics.mean(r.idle_keys):>10.1f}{busy:>10.1f}{_p95(r.busy_keys):>8.1f}"
            f"{max(r.busy_keys, default=float('nan')):>8.1f}{max(r.busy_keys, default=float('nan')) - floor:>10.1f}"
            f"{len(r.busy_keys):>4}{r.rescore_s:>11.2f}"
        )
    print(
        "\ntargets: first row ≤ 1 s at 10k, ≤ 3 s at 50k; a key at 50k ≤ 50 ms above the floor "
        "(max−floor: the slowest key while rescoring minus the anchor's idle key)"
    )


if __name__ == "__main__":
    main()
