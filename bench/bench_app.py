"""The portfolio screen at 10,000 clients: first paint and the cost of a key, against 10 clients.

    uv run python bench/bench_app.py [DB_PATH] [--clients N] [--keys K]

Builds the demo portfolio once (unless DB_PATH already holds one), scores it, then drives the app
with Pilot at 120x36. Scores are handed to the app ready-made, so "first paint" is measured from the
moment the app receives them to the first data row being rendered, and to the screen being idle.
Each key is pressed K times on the 10k portfolio and on a 10-client slice of it in the same run; the
difference is the app's own cost (the Pilot harness costs tens of ms per key by itself). The handler
plus a full repaint of the visible lines is also timed directly, without the harness.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from datetime import date
from pathlib import Path

from health_tui.app.app import HealthApp
from health_tui.app.screens.portfolio import PortfolioScreen
from health_tui.app.widgets.client_table import ClientTable
from health_tui.demo import generate_demo
from health_tui.scoring.engine import score_portfolio
from health_tui.scoring.models import PortfolioScore
from health_tui.store import Store, open_store

AS_OF = date(2026, 9, 30)
SIZE = (120, 36)


class Timed(HealthApp):
    """The app, noting when scores arrive and when the table first renders a client row."""

    ready_at: float | None = None
    painted_at: float | None = None

    def watch_portfolio(self, portfolio: PortfolioScore | None) -> None:
        if portfolio is not None and self.ready_at is None:
            self.ready_at = time.perf_counter()


def _patch_table() -> None:
    original = ClientTable.render_line

    def render_line(self: ClientTable, y: int):
        app = self.app
        if y > 0 and self.view.order and isinstance(app, Timed) and app.painted_at is None:
            app.painted_at = time.perf_counter()
        return original(self, y)

    ClientTable.render_line = render_line  # type: ignore[method-assign]


async def _press(pilot, keys: list[str], repeat: int) -> float:
    """Mean wall time of one press (+ the pause Pilot needs for the screen to catch up), in ms."""
    times = []
    for _ in range(repeat):
        for key in keys:
            t = time.perf_counter()
            await pilot.press(key)
            await pilot.pause()
            times.append(time.perf_counter() - t)
    return statistics.mean(times) * 1000


def _direct(screen: PortfolioScreen, action, repeat: int) -> float:
    """Handler plus rendering every visible line from cold caches, in ms: no harness at all."""
    table = screen.query_one(ClientTable)
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        action()
        table._invalidate()
        for y in range(table.size.height):
            table.render_line(y)
        times.append(time.perf_counter() - t)
    return statistics.mean(times) * 1000


async def measure(store: Store, portfolio: PortfolioScore, repeat: int) -> dict[str, float]:
    app = Timed(store=store, as_of=portfolio.as_of, scorer=lambda s, d, c: portfolio)
    app.animation_level = "none"
    out: dict[str, float] = {}
    async with app.run_test(size=SIZE) as pilot:
        while app.portfolio is None:
            await pilot.pause(0.01)
        await pilot.pause()
        idle_at = time.perf_counter()
        assert app.ready_at and app.painted_at
        out["first row rendered (ms)"] = (app.painted_at - app.ready_at) * 1000
        out["screen idle after scores (ms)"] = (idle_at - app.ready_at) * 1000
        out["sort key s (ms)"] = await _press(pilot, ["s"], repeat)
        out["reverse key S (ms)"] = await _press(pilot, ["S"], repeat)
        out["page down (ms)"] = await _press(pilot, ["pagedown"], repeat)
        out["cursor down j (ms)"] = await _press(pilot, ["j"], repeat)
        await pilot.press("slash")
        out["filter keystroke (ms)"] = await _press(pilot, ["a", "backspace"], repeat)
        await pilot.press("escape")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PortfolioScreen)
        table = screen.query_one(ClientTable)
        out["direct: sort + repaint (ms)"] = _direct(screen, screen.action_sort, repeat)

        def toggle_filter() -> None:  # 'a' typed, then erased: both are a filter keystroke
            screen._change(lambda v: v.set_filters(query="" if v.query else "a"))

        out["direct: filter 'a' + repaint (ms)"] = _direct(screen, toggle_filter, repeat)
        out["direct: page down + repaint (ms)"] = _direct(
            screen, lambda: table.action_page(1), repeat
        )
    return out


async def keys_while_scoring(store: Store, repeat: int) -> tuple[float, float]:
    """Mean cost of a cursor key while the real engine rescores a quarter in its thread (ms),
    and how long that rescoring took (s): the screen must stay usable meanwhile."""
    app = HealthApp(store=store, as_of=AS_OF)
    app.animation_level = "none"
    async with app.run_test(size=SIZE) as pilot:
        while app.portfolio is None:
            await pilot.pause(0.05)
        await pilot.pause()
        started = time.perf_counter()
        await pilot.press("left_square_bracket")
        cost = await _press(pilot, ["j"], repeat)
        while app.working is not None:
            await pilot.pause(0.05)
        return cost, time.perf_counter() - started


def build(db: Path | None, clients: int) -> tuple[Store, PortfolioScore]:
    if db is None:
        db = Path(tempfile.mkdtemp(prefix="bench_app_")) / "bench.duckdb"
    fresh = not db.exists()
    store = open_store(db)
    if fresh:
        t = time.perf_counter()
        generate_demo(store, clients=clients, seed=7, as_of=AS_OF)
        print(f"demo portfolio: {clients:,} clients in {time.perf_counter() - t:.1f} s ({db})")
    else:
        print(f"reusing {db}")
    t = time.perf_counter()
    portfolio = score_portfolio(store, AS_OF)
    print(f"scored {len(portfolio.clients):,} clients in {time.perf_counter() - t:.2f} s")
    return store, portfolio


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("db", nargs="?", type=Path)
    ap.add_argument("--clients", type=int, default=10_000)
    ap.add_argument("--keys", type=int, default=20, help="presses per key")
    args = ap.parse_args()
    _patch_table()
    store, big = build(args.db, args.clients)
    small = big.model_copy(update={"clients": big.clients[:10]})
    try:
        large = asyncio.run(measure(store, big, args.keys))
        tiny = asyncio.run(measure(store, small, args.keys))
        busy_key, rescore = asyncio.run(keys_while_scoring(store, args.keys))
    finally:
        store.close()
    n = len(big.clients)
    print(f"\n{'':38}{n:>10,}{'10':>10}{'diff':>10}   (Pilot at {SIZE[0]}x{SIZE[1]})")
    for key, value in large.items():
        print(f"{key:38}{value:>10.1f}{tiny[key]:>10.1f}{value - tiny[key]:>10.1f}")
    print(
        f"\ncursor key while the engine rescored 2026Q2 in its thread: {busy_key:.1f} ms "
        f"(rescoring took {rescore:.1f} s)"
    )
    print("budget: first paint < 1000 ms after scores; a key < 100 ms (the diff column)")


if __name__ == "__main__":
    main()
