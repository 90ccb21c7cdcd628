"""Untrusted text is shown literally: markup, actions and escape sequences in data do nothing."""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

import pytest

from health_tui.app.screens.client import ClientScreen
from health_tui.app.screens.portfolio import PortfolioScreen
from health_tui.app.text import safe_text
from health_tui.app.widgets.client_table import ClientTable
from health_tui.ingest.native import import_folder
from health_tui.store import open_store
from tests.test_app_support import make_app, settle

EVIL_NAME = "[red]Evil[/red] & Co"
CLICK_NAME = "[@click=app.quit]Quit Ltd[/]"
ESCAPE_NAME = "Clear\x1b[2JScreen\x07 Inc"
CLICK_NOTE = "[@click=app.quit]click me[/] and [bold]shout[/bold]"


def test_safe_text_strips_what_a_terminal_would_act_on() -> None:
    assert safe_text(EVIL_NAME) == EVIL_NAME  # markup is text; it is not parsed here
    assert safe_text("\x1b[2J\x1b]0;title\x07ok") == "ok"
    assert safe_text("a\x00b\x7fc\x9bd") == "abcd"
    assert safe_text("line\nbreak\ttab") == "line break tab"
    assert safe_text("evil\u202ereversed") == "evilreversed"
    assert safe_text(None) == "" and safe_text(42) == "42"
    assert safe_text("Café ✓ 日本") == "Café ✓ 日本"


def _write(path: Path, header: list[str], rows: list[list[str]]) -> None:
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(header)
        writer.writerows(rows)


@pytest.fixture
def evil_store(tmp_path: Path):
    """Three clients whose names and notes try markup, actions and terminal escapes."""
    folder = tmp_path / "evil"
    folder.mkdir()
    names = {"evil": EVIL_NAME, "click": CLICK_NAME, "esc": ESCAPE_NAME}
    _write(
        folder / "clients.csv",
        ["client_id", "name", "started_on", "ended_on", "referred_by", "industry", "notice_days"],
        [[cid, name, "2025-01-01", "", "", "[b]ind[/b]", "30"] for cid, name in names.items()],
    )
    _write(
        folder / "time_entries.csv",
        ["client_id", "date", "hours", "billable", "activity", "person", "note"],
        [[cid, "2026-08-03", "10", "true", "delivery", "Dev", CLICK_NOTE] for cid in names],
    )
    _write(
        folder / "interactions.csv",
        ["client_id", "at", "channel", "kind", "sentiment", "note"],
        [[cid, "2026-09-01 10:00", "email", "complaint", "-0.5", CLICK_NOTE] for cid in names],
    )
    _write(
        folder / "feedback.csv",
        ["client_id", "date", "score", "comment"],
        [[cid, "2026-09-02", "3", "\x1b[31m[red]angry[/red]"] for cid in names],
    )
    store = open_store(tmp_path / "evil.duckdb")
    import_folder(store, folder)
    yield store
    store.close()


async def test_markup_in_data_is_shown_literally_and_triggers_nothing(evil_store) -> None:
    app = make_app(evil_store)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        table = app.screen.query_one(ClientTable)
        lines = "\n".join(table.render_line(y).text for y in range(table.size.height))
        assert EVIL_NAME in lines
        assert CLICK_NAME in lines
        assert "ClearScreen Inc" in lines and "\x1b" not in lines
        for row in range(1, 4):  # a first click selects a row, a second opens its client
            await pilot.click(ClientTable, offset=(10, row))
            if not isinstance(app.screen, ClientScreen):
                await pilot.click(ClientTable, offset=(10, row))
            await settle(pilot)
            assert app.is_running
            assert isinstance(app.screen, ClientScreen)
            title = str(app.screen.query_one("#client-title").render())
            panel = app.screen.query_one("#timeline")
            timeline = "\n".join(panel.render_line(y).text for y in range(panel.size.height))
            assert app.screen.query_one("#client-title").render().plain.count("[b]ind[/b]") == 1
            assert CLICK_NOTE in timeline and "[red]angry[/red]" in timeline
            assert "\x1b" not in title + timeline
            panel.scroll_visible(animate=False, immediate=True)
            await pilot.pause()
            lines = timeline.splitlines()
            row = next(i for i, line in enumerate(lines) if CLICK_NOTE in line)
            where = (lines[row].index(CLICK_NOTE) + 3, row)  # on "click me"
            await pilot.click(panel, offset=where)
            app.screen.query_one("#client-body").scroll_home(animate=False, immediate=True)
            await pilot.pause()
            await pilot.click("#client-title", offset=(3, 0))
            assert app.is_running
            await pilot.press("escape")
            assert isinstance(app.screen, PortfolioScreen)
        await pilot.press("slash", *"evil")  # the filter box is literal too
        assert [table.view.clients[i].name for i in table.view.order] == [EVIL_NAME]
        assert app.is_running


def test_history_module_does_not_import_textual() -> None:
    """The timeline data is core: the report and the CLI may use it without the TUI."""
    code = "import sys, health_tui.history; print('textual' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
