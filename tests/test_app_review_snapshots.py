"""SVG snapshots of the review, the exit confirmation and the checklist (fixtures/small, 2026-09-30).

Each builds its own in-memory store, since the review writes to it, and a fixed clock. Update with
`uv run pytest tests/test_app_review_snapshots.py --snapshot-update` after looking at the images.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.test_app_review_support import Clock, decide
from tests.test_app_support import make_app, settle, small_store

SIZE = (120, 36)


@pytest.fixture
def app() -> Iterator:
    store = small_store()
    yield make_app(store, clock=Clock(), start="review")
    store.close()


def steps(*actions):
    """A run_before: let scoring finish, run each action (keys or a decision), hide the toasts."""

    async def run_before(pilot) -> None:
        await settle(pilot)
        for action in actions:
            if isinstance(action, tuple):
                await decide(pilot, *action)
            else:
                await pilot.press(action)
                await settle(pilot)
        pilot.app.clear_notifications()
        await pilot.pause()

    return run_before


def test_review(snap_compare, app) -> None:
    run_before = steps("a", ("v", "One more try: a scope call first"), "b")
    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_exit_confirmation(snap_compare, app) -> None:
    assert snap_compare(app, terminal_size=SIZE, run_before=steps("x"))


def test_checklist(snap_compare, app) -> None:
    # brightline, the first exit candidate: its checklist, a step done and one not applicable
    run_before = steps(("x", "Formal letter, again"), "b", "e", "down", "space", "down", "a")
    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_exits_in_progress(snap_compare, app) -> None:
    # the two exit candidates decided in turn: brightline, then castell
    run_before = steps(("x", "Formal letter"), ("x", "Third round of vague changes"), "E")
    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)
