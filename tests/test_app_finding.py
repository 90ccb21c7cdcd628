"""Finding things: the portfolio at narrow widths, the palette's client jump, `?` per screen."""

from __future__ import annotations

from contextlib import asynccontextmanager
from datetime import date, datetime

import pytest

from health_tui.app.screens.client import ClientScreen
from health_tui.app.screens.help import HelpScreen
from health_tui.app.widgets.client_table import ClientTable
from health_tui.review.decisions import record_decision
from health_tui.scoring.models import PortfolioScore
from health_tui.store import open_store
from tests.test_app_support import make_app, make_portfolio, settle, small_store

FOODS, WINES = "Willowbrook Foods", "Willowbrook Wines"


def twins_scorer(store, as_of: date, con) -> PortfolioScore:
    """Twelve synthetic clients, two of them named alike, all active."""
    portfolio = make_portfolio(12, as_of)
    clients = [c.model_copy(update={"active": True, "ended_on": None}) for c in portfolio.clients]
    clients[3] = clients[3].model_copy(update={"name": FOODS})
    clients[4] = clients[4].model_copy(update={"name": WINES})
    return portfolio.model_copy(update={"clients": clients})


@pytest.fixture(scope="module")
def store():
    s = open_store(None)
    record_decision(
        s,
        quarter="2026Q3",
        client_id="c00003",
        decision="keep",
        note=None,
        at=datetime(2026, 10, 1, 9),
    )  # fmt: skip  (the decision column shows)
    yield s
    s.close()


def lines(app) -> tuple[str, dict[str, str]]:
    """The table's header line and each client's line, as shown."""
    table = app.screen.query_one(ClientTable)
    rows = {
        table.view.clients[i].name: table.render_line(y).text
        for y, i in enumerate(table.view.order, 1)
    }
    return table.render_line(0).text, rows


@pytest.mark.parametrize(
    ("size", "gone"),
    [((80, 24), ("LTV", "Rev 12m")), ((60, 20), ("LTV", "Rev 12m", "Rate", "Trend", "E/R"))],
)
async def test_narrow_portfolio_keeps_name_health_action_decision(store, size, gone) -> None:
    app = make_app(store, scorer=twins_scorer)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        header, rows = lines(app)
        assert header.rstrip().endswith("Decision")  # nothing cut off to the right
        for title in ("Client", "Health", "Action", "Decision"):
            assert title in header
        for title in gone:
            assert title not in header
        foods, wines = rows[FOODS], rows[WINES]
        assert "Willowbrook F" in foods and "Willowbrook W" in wines
        assert "keep" in foods  # the decision column is there


def help_key_shown(app) -> bool:
    """Whether the footer shows "? Keys" whole: it cuts the keys that do not fit on its line."""
    from textual.widgets import Footer
    from textual.widgets._footer import FooterKey

    footer = app.screen.query_one(Footer)
    keys = [k for k in footer.query(FooterKey) if k.key == "question_mark"]
    return bool(keys) and keys[0].region.right <= footer.region.right


@pytest.mark.parametrize("size", [(80, 24), (120, 36)])
async def test_the_key_to_every_key_is_in_the_footer_at_any_width(store, size) -> None:
    """Every other key is listed by `?`, so the footer shows it on every full screen, however
    narrow: it was last, cut off at 80 columns and at 120."""
    app = make_app(store, scorer=twins_scorer)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        assert help_key_shown(app)
        await pilot.press("enter")  # a client's screen
        await settle(pilot)
        assert isinstance(app.screen, ClientScreen)
        assert help_key_shown(app)
        await pilot.press("escape", "r")  # the review
        await settle(pilot)
        assert help_key_shown(app)


async def test_palette_jumps_to_a_client_by_name(store) -> None:
    app = make_app(store, scorer=twins_scorer)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.press(*"wbwines")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ClientScreen)
        assert app.screen.client_id == "c00004"


def accented_scorer(store, as_of: date, con) -> PortfolioScore:
    """Twelve synthetic clients, one of them a Montréal hotel named with its accents."""
    portfolio = twins_scorer(store, as_of, con)
    clients = list(portfolio.clients)
    clients[5] = clients[5].model_copy(update={"name": "Hôtel Le Marchand"})
    return portfolio.model_copy(update={"clients": clients})


async def test_a_name_is_found_without_typing_its_accents(store) -> None:
    """A Montréal shop's owner found 5 of 12 clients only by typing their accents: "hotel" and
    "quebec" gave "No matches found" in the palette and 0 rows in the filter."""
    app = make_app(store, scorer=accented_scorer)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p", *"hotel marchand")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ClientScreen)
        assert app.screen.client_id == app.portfolio.clients[5].client_id


def help_text(app) -> str:
    assert isinstance(app.screen, HelpScreen)
    return " ".join(str(w.render()) for w in app.screen.query("Static"))


@asynccontextmanager
async def help_opened(size: tuple[int, int]):
    """The app on fixtures/small with the portfolio's help open."""
    db = small_store()
    try:
        app = make_app(db)
        async with app.run_test(size=size) as pilot:
            await settle(pilot)
            await pilot.press("question_mark")
            yield app, pilot
    finally:
        db.close()


async def test_j_and_k_scroll_the_help_as_they_move_everywhere_else() -> None:
    """The help said "↑↓ scroll" and j, which moves down in every list of the app, did nothing
    there (seen in tmux at 80x24)."""
    async with help_opened((80, 24)) as (app, pilot):
        box = app.screen.query_one("#help-box")
        assert "j k scroll" in str(box.border_subtitle)
        await pilot.press("j", "j", "j")
        await settle(pilot)
        assert box.scroll_y == 3
        await pilot.press("k")
        await settle(pilot)
        assert box.scroll_y == 2 and isinstance(app.screen, HelpScreen)


async def test_help_shows_the_screens_own_keys_legend_and_the_glossary() -> None:
    async with help_opened((120, 36)) as (app, pilot):
        portfolio = help_text(app)
        assert "Columns" in portfolio and "Exits in progress" in portfolio
        assert "effort versus return" in portfolio
        assert "Hide demo note" not in portfolio  # no demo note on this portfolio: no x
        for word in ("Recommendations", "reprice", "support", "Archetypes",
                     "loyal, irritated", "Rev 12m", "LTV"):  # fmt: skip
            assert word in portfolio
        await pilot.press("escape", "r")
        await settle(pilot)
        await pilot.press("question_mark")
        review = help_text(app)
        assert "The review" in review and "Columns" not in review
        assert "Keep" in review and "k is Keep" in review  # and j/k do not scroll here
        assert "Open client" not in review  # the portfolio's keys are not listed
        assert "Recommendations" in review


async def test_a_client_marked_not_a_client_is_scored_again_from_the_palette() -> None:
    """Marked "not a client", a client leaves every list; the palette lists it and scores it again."""
    from health_tui.app.screens.not_clients import NotClientsPicker
    from health_tui.clients import list_clients, set_ignored

    db = small_store()
    try:
        set_ignored(db, "harbor", True, at=datetime(2026, 10, 1, 9, 0))
        app = make_app(db)
        async with app.run_test(size=(120, 36)) as pilot:
            await settle(pilot)
            table = app.screen.query_one(ClientTable)
            assert "harbor" not in {c.client_id for c in table.view.clients}
            await pilot.press("ctrl+p")
            await pilot.press(*"marked not a client")
            await settle(pilot)
            await pilot.press("enter")
            await settle(pilot)
            assert isinstance(app.screen, NotClientsPicker)
            assert [r.client_id for r in app.screen.refs] == ["harbor"]
            await pilot.press("enter")  # the one listed
            await settle(pilot)
            await pilot.press("y")  # "Score this client again?"
            await settle(pilot)
            assert "harbor" in {c.client_id for c in table.view.clients}
        assert "harbor" in {c.client_id for c in list_clients(db)}
    finally:
        db.close()
