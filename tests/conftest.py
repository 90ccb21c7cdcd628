"""Shared fixtures: every test database is built from checked-in data through the real code paths."""

from __future__ import annotations

import atexit
import json
import os
import shutil
import tempfile
from functools import cache
from pathlib import Path

import pytest

from health_tui.ingest.native import import_folder
from health_tui.scoring.models import ClientScore
from health_tui.store import open_store

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"


def _shorter_idle_windows() -> None:
    """Pilot waits after every key until the process has been idle for one window: Textual's own
    is under 1 ms of CPU in 20 ms (a twentieth), usually two or three windows a key, most of a
    pilot test's wall time on a quiet machine. Here the window is 2 ms and the threshold 0.4 ms (a
    fifth, as the 5 ms / 1 ms windows before): the three largest app files 42 -> 32 s on one core.
    A key is still handled before `press` returns (it waits for every queued message), and
    `pause` runs what waits for a refresh; a test that reads what a worker or a refresh sets
    waits with `settle` or `until`. The app files passed under three busy loops on the 2 cores.
    `Pilot.exit` keeps its 20 ms minimum (a default Textual fixed at import). Set
    HEALTH_TUI_TEXTUAL_WAIT=1 to run with Textual's own windows (to tell a flake from a fault);
    a Textual without this private module keeps its own."""
    if os.environ.get("HEALTH_TUI_TEXTUAL_WAIT"):
        return
    try:
        from textual import _wait
    except ImportError:  # pragma: no cover - a Textual that moved it
        return
    if hasattr(_wait, "SLEEP_GRANULARITY") and hasattr(_wait, "SLEEP_IDLE"):
        _wait.SLEEP_GRANULARITY = 0.002
        _wait.SLEEP_IDLE = 0.0004  # read by wait_for_idle as it runs


_shorter_idle_windows()


def _frames_only_at_the_end() -> None:
    """A headless app renders every frame and throws it away (`App._display` draws nothing when
    headless): about a fifth of an app test's CPU. The tests read what a widget shows from the
    widget (`render_line`, `render`) and snapshots render a whole screen of their own, so frames
    are skipped while a pilot drives the app, and each screen is rendered once, in full, as it is
    left (covered by another, popped, the app quit) and the one the test ends on: a widget that
    fails to draw still fails its test."""
    from contextlib import asynccontextmanager

    from textual.app import App
    from textual.screen import Screen

    if not (hasattr(Screen, "_compositor_refresh") and hasattr(App, "_replace_screen")):
        return  # pragma: no cover - a Textual that moved them draws every frame, as before
    draw = Screen._compositor_refresh

    def refresh(self: Screen) -> None:
        app = self.app
        if not (app.is_headless and self is app.screen and not app.is_inline):
            draw(self)
            return
        self._compositor._dirty_regions.clear()
        self._dirty_widgets.clear()
        app._update_mouse_over(self)

    def drawn(app: App, screen: Screen | None = None) -> None:
        """The screen (the app's own by default) as a terminal would last have shown it."""
        if not (app.is_headless and app._screen_stack):
            return
        screen = screen or app.screen
        if screen.is_attached and screen._compositor.size.area:
            screen._compositor.render_update(full=True, screen_stack=app._background_screens)

    push, replace, leave, run_test = App.push_screen, App._replace_screen, App.exit, App.run_test

    def push_screen(self: App, *args, **kwargs):
        drawn(self)
        return push(self, *args, **kwargs)

    async def replace_screen(self: App, screen: Screen) -> Screen:
        drawn(self, screen)
        return await replace(self, screen)

    def exit(self: App, *args, **kwargs) -> None:
        drawn(self)
        leave(self, *args, **kwargs)

    @asynccontextmanager
    async def run_and_draw(self: App, *args, **kwargs):
        async with run_test(self, *args, **kwargs) as pilot:
            yield pilot
            if self.is_running:
                drawn(self)

    Screen._compositor_refresh = refresh  # type: ignore[method-assign]
    App.push_screen = push_screen  # type: ignore[method-assign,assignment]
    App._replace_screen = replace_screen  # type: ignore[method-assign]
    App.exit = exit  # type: ignore[method-assign]
    App.run_test = run_and_draw  # type: ignore[method-assign]


_frames_only_at_the_end()


def _one_duckdb_thread_per_worker() -> None:
    """Under pytest-xdist every core already runs a worker; DuckDB's own threads (one a core by
    default) only contend with the other worker on these small databases. One thread each gives
    the same rows and, on 2 cores, a tenth less wall time for the database-heavy files.

    Nor do the workers wait on fsync: it guards a file against the machine losing power, which no
    test makes happen (a killed process, which tests do, loses nothing the OS was handed; those
    tests run their subprocesses with the product's settings). 133 -> 123 s for the suite."""
    if os.environ.get("PYTEST_XDIST_WORKER"):
        from health_tui.store import connection

        connection.CONNECT_CONFIG = {
            **connection.CONNECT_CONFIG,
            "threads": 1,
            "fsync_mode": "NONE",
        }


_one_duckdb_thread_per_worker()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "portfolio.duckdb"


@pytest.fixture
def store(db_path: Path):
    s = open_store(copy_db(_template("empty"), db_path))
    yield s
    s.close()


@cache
def _template(name: str) -> Path:
    """A database file built once per test run through the real code: "empty" as `open_store`
    creates one (every migration applied), "small" with fixtures/small imported."""
    folder = Path(tempfile.mkdtemp(prefix="health-tui-tests-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    path = folder / f"{name}.duckdb"
    s = open_store(path)
    if name == "small":
        import_folder(s, FIXTURES / "small")
    s.close()
    return path


def copy_db(template: Path, path: Path) -> Path:
    """A private copy (owner-only, as `open_store` makes a file), so a test that writes changes
    only its own."""
    shutil.copyfile(template, path)
    path.chmod(0o600)
    return path


def empty_copy(path: Path) -> Path:
    """A new database file at `path` as `open_store` creates one (every migration applied): a
    copy of the one built for the run, without migrating again."""
    return copy_db(_template("empty"), path)


def small_copy(path: Path) -> Path:
    """A database file at `path` holding fixtures/small as imported: a copy of the one built for
    the run, so a test that writes changes only its own."""
    return copy_db(_template("small"), path)


def older_db(path: Path, version: int, rows_sql: str) -> Path:
    """A database file as health-tui `version` left it (its migrations up to that one), holding
    the rows `rows_sql` inserts as that schema reads: what an upgrade must keep."""
    import duckdb

    from health_tui.store.connection import Store
    from health_tui.store.migrations import migrate

    con = duckdb.connect(str(path))
    try:
        migrate(Store(con, path), target=version)
        con.execute(rows_sql)
    finally:
        con.close()
    return path


ACME = "client_id,name,started_on\nacme,Acme Ltd,2026-01-01\n"


def acme_folder(tmp_path: Path, **tables: str) -> Path:
    """A folder in the import format holding one client, Acme Ltd (`acme`), and each given
    table's CSV text (time_entries="client_id,date,...\n..."): for a test about one file's rows."""
    folder = tmp_path / "book"
    folder.mkdir(exist_ok=True)
    (folder / "clients.csv").write_text(ACME, encoding="utf-8")
    for table, text in tables.items():
        (folder / f"{table}.csv").write_text(text, encoding="utf-8")
    return folder


@pytest.fixture
def small_db(db_path: Path) -> Path:
    return small_copy(db_path)


def render_commonmark(text: str) -> str:
    """HTML as a CommonMark renderer with GFM tables and strikethrough makes it (markdown-it-py)."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(text)


def html_text(text: str) -> str:
    """`text` as a Markdown renderer writes plain text into HTML."""
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    )


def json_as_before(clients: list[ClientScore]) -> str:
    """`score --format json` as Python's own encoder wrote it, before pydantic-core did (the
    figures not known null, as the CSV leaves them empty)."""
    records = []
    for c in clients:
        data = c.model_dump(mode="json")
        data["components"] = {comp["name"]: comp for comp in data["components"]}
        data["revenue_12m"] = c.known_revenue_12m
        data["lifetime_value"] = c.known_revenue(c.lifetime_value)
        data["referral_value"] = c.known_referral_value
        records.append(data)
    return json.dumps(records, indent=2, ensure_ascii=False) + "\n"


@pytest.fixture
def small(small_db: Path):
    """An open store holding fixtures/small as the folder import leaves it (a private copy of the
    one built for the run): for tests whose story starts after that import."""
    s = open_store(small_db)
    yield s
    s.close()
