"""Starting the app: a missing database becomes the demo portfolio, with a note saying so."""

from __future__ import annotations

from pathlib import Path

import pytest

from health_tui.app.app import HealthApp
from health_tui.app.run import demo_note, run_app
from health_tui.errors import NotADatabase
from health_tui.paths import default_db_path
from health_tui.store import open_store
from tests.test_app_support import AS_OF, make_app, settle


@pytest.fixture
def launched(monkeypatch: pytest.MonkeyPatch) -> list[HealthApp]:
    """Capture the app `run_app` would run instead of taking over the terminal."""
    apps: list[HealthApp] = []
    monkeypatch.setattr(HealthApp, "run", lambda self: apps.append(self))
    monkeypatch.setenv("HEALTH_TUI_CONFIG", "/nonexistent/config.toml")
    return apps


def test_missing_database_becomes_the_demo(
    tmp_path: Path, launched, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first run: health-tui's data folder does not exist yet either."""
    monkeypatch.setattr("health_tui.paths.user_data_path", lambda app: tmp_path / "data" / app)
    monkeypatch.delenv("HEALTH_TUI_DB", raising=False)
    db = default_db_path()
    assert db.is_relative_to(tmp_path) and not db.parent.exists()
    run_app(db, AS_OF)
    [app] = launched
    assert db.exists()
    assert (
        app.demo_note and "Demo data" in app.demo_note and "health-tui import DIR" in app.demo_note
    )
    store = open_store(db)
    try:
        assert store.rows("demo_existing_clients")[0][0] >= 60
        assert demo_note(store, created=False) is not None  # not shown yet: reopening says it
    finally:
        store.close()


def test_store_errors_surface_before_the_app_starts(tmp_path: Path, launched) -> None:
    with pytest.raises(NotADatabase):
        run_app(tmp_path, AS_OF)  # a folder: cli prints the one-line message
    assert launched == []


def test_an_app_that_failed_exits_with_its_error_code(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Textual prints the traceback of an app that failed and returns: the command ended with
    status 0, as if all went well (seen after a crash, in tmux)."""

    def failed(self: HealthApp) -> None:
        self._return_code = 1

    monkeypatch.setattr(HealthApp, "run", failed)
    monkeypatch.setenv("HEALTH_TUI_CONFIG", "/nonexistent/config.toml")
    db = tmp_path / "p.duckdb"
    open_store(db).close()  # an empty portfolio: no demo to write first
    with pytest.raises(SystemExit) as info:
        run_app(db, AS_OF)
    assert info.value.code == 1


async def test_demo_note_is_shown_and_dismissed() -> None:
    store = open_store(None)
    try:
        app = make_app(store, demo_note="Demo data: [b]made-up[/b] clients. Press x to hide.")
        async with app.run_test(size=(120, 36)) as pilot:
            await settle(pilot)
            note = app.screen.query_one("#demo-note")
            assert "[b]made-up[/b]" in str(note.render())
            await pilot.press("x")
            await pilot.pause()
            assert not app.screen.query("#demo-note")
        store.set_setting("portfolio_kind", "demo")
        assert demo_note(store, created=False) is None  # shown once: the next launch has none
    finally:
        store.close()
