"""Helpers for the review's app tests: a fixed clock, an app on a database file, a decision.

Every test of the review restarts the app on the same file at least once, so these open and close
the store around each run, the way `health-tui review` does.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import datetime, timedelta
from pathlib import Path

from health_tui.app.screens.review import ReviewScreen
from health_tui.app.screens.review_modals import AskText, Confirm
from health_tui.app.widgets.client_table import ClientTable
from health_tui.review.decisions import review_queue
from health_tui.store import open_store
from tests.conftest import small_copy
from tests.test_app_support import make_app, settle

SIZE = (120, 36)
START = datetime(2026, 10, 2, 9, 0)


class Clock:
    """A fixed clock that moves one minute each time it is read: deterministic, and ordered."""

    def __init__(self, start: datetime = START) -> None:
        self.now = start

    def __call__(self) -> datetime:
        self.now += timedelta(minutes=1)
        return self.now


def small_db(tmp_path: Path) -> Path:
    """fixtures/small in a database file, through the real importer."""
    return small_copy(tmp_path / "review.duckdb")


@asynccontextmanager
async def running(path: Path, *, start: str = "review", size=SIZE) -> AsyncIterator:
    """A new app on the database file; the file is closed again when the app has quit."""
    store = open_store(path)
    try:
        app = make_app(store, clock=Clock(), start=start)
        async with app.run_test(size=size) as pilot:
            await settle(pilot)
            yield app, pilot
    finally:
        store.close()


def text(widget) -> str:
    return str(widget.render())


def head(app) -> str:
    return text(app.screen.query_one("#review-head"))


async def decide(pilot, key: str, note: str = "", *, typed: bool = False) -> None:
    """Press a decision key, confirm if it is an exit, enter the note and save it.

    The note is typed key by key only when `typed` (each key is a repaint: slow), else filled in.
    """
    await pilot.press(key)
    if isinstance(pilot.app.screen, Confirm):
        await pilot.press("y")
    assert isinstance(pilot.app.screen, AskText)
    if typed:
        await pilot.press(*note)
    else:
        pilot.app.screen.query_one("#ask-input").value = note
    await pilot.press("enter")
    await settle(pilot)


def everyone(app) -> list[str]:
    """The full review order: the fixture's exit candidates (brightline, castell), then the rest
    by health."""
    return [c.client_id for c in review_queue(app.portfolio, include_rest=True)]


async def go_to(pilot, client_id: str) -> None:
    """Move the review (n) or the portfolio table (down) to `client_id`."""
    screen = pilot.app.screen
    if isinstance(screen, ReviewScreen):  # forward from where the review stands
        ids = [c.client_id for c in screen.queue]
        await pilot.press(*["n"] * (ids.index(client_id) - ids.index(screen.current.client_id)))
        assert screen.current.client_id == client_id
    else:
        table = screen.query_one(ClientTable)
        await pilot.press(*["down"] * table.view.row_of(client_id))
        assert table.current.client_id == client_id


def table_rows(app) -> dict[str, str]:
    table = app.screen.query_one(ClientTable)
    lines = [table.render_line(y).text for y in range(1, len(table.view.order) + 1)]
    return {
        table.view.clients[i].client_id: line
        for i, line in zip(table.view.order, lines, strict=True)
    }
