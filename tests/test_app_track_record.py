"""The track record screen: `t` on the portfolio (or the palette), read in a worker, following the
quarter on screen; a plain sentence when there is nothing to read back."""

from __future__ import annotations

import pytest
from textual.widgets import Static

from health_tui.app.screens.portfolio import PortfolioScreen
from health_tui.app.screens.track_record import TrackRecordScreen
from tests.past_reviews import record_past_reviews
from tests.test_app_support import make_app, settle, small_store

SIZE = (100, 40)


@pytest.fixture(scope="module")
def reviewed():
    store = small_store()
    record_past_reviews(store)
    yield store
    store.close()


def shown(app) -> str:
    return str(app.screen.query_one("#track", Static).render())


async def test_t_opens_the_record_of_the_quarters_before(reviewed) -> None:
    app = make_app(reviewed)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("t")
        await settle(pilot)
        assert isinstance(app.screen, TrackRecordScreen)
        text = shown(app)
        assert "the quarters before 2026Q3" in text
        assert "Over 2025Q4 to 2026Q2: 13 decisions; 4 of 11 followed" in text
        rules = text.split("A rule you keep overriding\n")[1].split("\n\n")[0].splitlines()
        # a rule's sentence goes on under its first word, not under the bullet
        assert len(rules) > 1 and all(line.startswith(("• ", "  ")) for line in rules), rules
        said = " ".join(" ".join(rules).split())
        assert "You overrode reprice in 5 of 7 decisions (keep 5)" in said
        assert "money.target_rate (not set)" in said
        castell = next(line for line in text.splitlines() if line.startswith("Castell"))
        assert "2025Q4" in castell and "54 → 53 −1" in castell and castell.rstrip().endswith("exit")
        quarry = next(line for line in text.splitlines() if line.startswith("Quarry"))
        assert "2025Q4" in quarry and "€5,460" in quarry and "ended" in quarry
        assert "twelve months to the end of the quarter" in text

        body = app.screen.query_one("#track-body")
        await pilot.resize_terminal(100, 16)  # a record longer than the screen
        await settle(pilot)
        await pilot.press("j", "j")  # j and k scroll it, as on the client screen
        await settle(pilot)
        assert body.scroll_y == 2
        await pilot.press("k")
        await settle(pilot)
        assert body.scroll_y == 1

        await pilot.press("left_square_bracket")  # the quarter before: the record follows it
        await settle(pilot)
        assert "Over 2025Q4 to 2026Q1: 8 decisions" in shown(app)
        await pilot.press("escape")
        assert isinstance(app.screen, PortfolioScreen)


async def test_the_palette_lists_it_and_nothing_recorded_says_so() -> None:
    store = small_store()
    try:
        app = make_app(store)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            commands = [c.title for c in app.get_system_commands(app.screen)]
            assert "Track record" in commands
            await pilot.press("t")
            await settle(pilot)
            text = shown(app)
            assert "No decisions recorded for the quarters before 2026Q3 yet" in text
            assert "Recommended" not in text  # no empty table
    finally:
        store.close()


def test_a_share_under_one_percent_and_counts_in_thousands_fit_their_columns() -> None:
    """10,000-client demo: exit followed 2 of 1,119 times. The share column (five cells, right
    aligned, cut from the left) read 'er 1%' once the share said 'under 1%'; it reads '<1%'."""
    from health_tui.app.screens.track_record import followed_rows, grid
    from health_tui.review.decisions import Decision
    from health_tui.review.track_record import FollowedRecord, TrackRecord
    from health_tui.scoring.models import Recommendation

    rec = FollowedRecord(
        recommendation=Recommendation.exit, decisions=1_119, followed=2, deferred=0,
        overrides={Decision.keep: 1_115, Decision.recover: 2},
    )  # fmt: skip
    record = TrackRecord.model_construct(followed=[rec])
    parts = grid(["Recommended", "Decided", "Followed", "Share"], [r[:4] for r in followed_rows(record)],
                 [11, 7, 8, 5], frozenset({1, 2, 3}))  # fmt: skip
    text = "".join(p if isinstance(p, str) else p[0] for p in parts)
    assert text.splitlines()[1] == "exit          1,119        2   <1%"
    # a right-aligned figure wider than its column is cut at its end, with '…', not at its start
    assert grid(["h"], [[("123,456", "")]], [5], frozenset({0}))[1] == ("123,…\n", "")
