"""SVG snapshots of each screen on fixtures/small as of 2026-09-30 (review them as images).

Update with `uv run pytest tests/test_app_snapshots.py --snapshot-update`, after looking at the
report (snapshot_report.html) or at the SVGs rendered to PNG.
"""

from __future__ import annotations

import pytest

from tests.test_app_support import make_app, settle, small_store


@pytest.fixture(scope="module")
def store():
    s = small_store()
    yield s
    s.close()


def keys(*pressed: str):
    """A run_before that lets scoring finish, presses `pressed`, and waits for the screen."""

    async def run_before(pilot) -> None:
        await settle(pilot)
        for key in pressed:
            await pilot.press(key)
            await settle(pilot)

    return run_before


def test_portfolio(snap_compare, store) -> None:
    assert snap_compare(make_app(store), terminal_size=(120, 36), run_before=keys())


def test_portfolio_80x24(snap_compare, store) -> None:
    assert snap_compare(make_app(store), terminal_size=(80, 24), run_before=keys())


def test_portfolio_light_with_former(snap_compare, store) -> None:
    assert snap_compare(make_app(store), terminal_size=(120, 36), run_before=keys("ctrl+t", "f"))


def test_client(snap_compare, store) -> None:
    assert snap_compare(make_app(store), terminal_size=(120, 36), run_before=keys("j", "enter"))


def test_client_80x24(snap_compare, store) -> None:
    assert snap_compare(make_app(store), terminal_size=(80, 24), run_before=keys("enter"))


def test_effort_map(snap_compare, store) -> None:
    assert snap_compare(make_app(store), terminal_size=(120, 36), run_before=keys("m"))


def test_help(snap_compare, store) -> None:
    assert snap_compare(make_app(store), terminal_size=(120, 36), run_before=keys("question_mark"))


def test_portfolio_60x20(snap_compare, store) -> None:
    assert snap_compare(make_app(store), terminal_size=(60, 20), run_before=keys())
