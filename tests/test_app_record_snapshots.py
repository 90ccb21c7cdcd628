"""SVG snapshots of the screens that keep the record (the interaction form, the correction form) on
fixtures/small as of 2026-09-30, at 80x24: they must fit the smallest terminal. Review them as
images before accepting (render the SVG to PNG)."""

from __future__ import annotations

from datetime import datetime

import pytest
from textual.widgets import Input

from health_tui.app.screens.client import ClientScreen
from tests.test_app_support import make_app, settle, small_store


@pytest.fixture(scope="module")
def store():
    s = small_store()
    yield s
    s.close()


def on_client(client_id: str, *pressed: str):
    """A run_before that opens a client, presses `pressed` and lets every job finish."""

    async def run_before(pilot) -> None:
        await settle(pilot)
        pilot.app.push_screen(ClientScreen(client_id))
        await settle(pilot)
        for key in pressed:
            await pilot.press(key)
        await settle(pilot)
        for field in pilot.app.screen.query(Input):
            field.cursor_blink = False  # the cursor shows steadily, whatever the timing
        await pilot.pause()

    return run_before


def app(store):
    return make_app(store, clock=lambda: datetime(2026, 9, 29, 15, 0))


def test_interaction_form_80x24(snap_compare, store) -> None:
    keys = ("i", "down", "down", "down", "down", "tab", "down", "tab", "down", "tab", *"Late again")
    assert snap_compare(
        app(store), terminal_size=(80, 24), run_before=on_client("northwind", *keys)
    )


def test_correct_form_80x24(snap_compare, store) -> None:
    assert snap_compare(app(store), terminal_size=(80, 24), run_before=on_client("meridian", "c"))
