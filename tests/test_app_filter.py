"""Typing into the portfolio's filter faster than the screen refreshes, on 10,000 clients.

Keys reach the app in a burst (as from a brisk typist on a busy machine): every key must land in
the filter, in order, and the table must show exactly the clients the typed text matches.
"""

from __future__ import annotations

from datetime import date

import pytest
from textual import events

from health_tui.app import format as fmt
from health_tui.app.screens.portfolio import PortfolioScreen
from health_tui.app.widgets.client_table import ClientTable
from health_tui.demo import generate_demo
from health_tui.scoring.engine import score_portfolio
from health_tui.scoring.models import PortfolioScore
from health_tui.store import open_store
from tests.test_app_support import make_app, settle

AS_OF = date(2026, 9, 30)
SIZE = (120, 36)
CLIENTS = 10_000


@pytest.fixture(scope="module")
def big() -> tuple:
    """10,000 clients: the 60-client demo, imported and scored for real, each client copied under
    ids and names of its own (a 10k demo takes a minute to write and score; the filter only
    cares about rows, names, archetypes and actions)."""
    store = open_store(None)
    generate_demo(store, clients=60, seed=7, as_of=AS_OF)
    seed = score_portfolio(store, AS_OF)
    clients = [
        c.model_copy(update={"client_id": f"{c.client_id}-{k}", "name": f"{c.name} {k}"})
        for k in range(CLIENTS // len(seed.clients) + 1)
        for c in seed.clients
    ][:CLIENTS]
    portfolio = seed.model_copy(update={"clients": clients})
    yield store, portfolio
    store.close()


def burst(app, keys: list[str]) -> None:
    """Hand every key to the app at once, as a terminal does when the app is busy: none of them
    waits for the screen to catch up with the one before."""
    for key in keys:
        char = {"slash": "/", "backspace": "\x7f"}.get(key, key if len(key) == 1 else None)
        event = events.Key(key, char)
        event.set_sender(app)
        app._driver.send_message(event)


def matching(portfolio: PortfolioScore, query: str) -> set[str]:
    """Active clients whose name, archetype or action holds every word of `query`."""
    words = query.casefold().split()
    return {
        c.client_id
        for c in portfolio.clients
        if c.active
        and all(
            w in f"{c.name} {fmt.ARCHETYPE_LABELS[c.archetype]} {c.recommendation.value}".casefold()
            for w in words
        )
    }


async def test_every_key_reaches_the_filter_in_order_on_ten_thousand_clients(big) -> None:
    store, portfolio = big
    app = make_app(store, scorer=lambda s, d, c: portfolio)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, PortfolioScreen)
        table = screen.query_one(ClientTable)
        assert len(table.view.clients) == CLIENTS
        box = screen.query_one("#filter")

        # "/" opens the filter; "law", three backspaces, then "champ", all in one burst.
        burst(app, ["slash", *"law", "backspace", "backspace", "backspace", *"champ"])
        await settle(pilot)
        assert box.value == "champ"
        shown = {table.view.clients[i].client_id for i in table.view.order}
        assert shown == matching(portfolio, "champ") and shown  # the champions, nobody else
        status = str(screen.query_one("#status").render())
        assert "filter “champ”" in status and f"{len(shown):,} of {CLIENTS:,} clients" in status

        # Again, mid-word: backspaces and letters interleaved, then a second word.
        burst(app, ["backspace", "backspace", *"mpion lax", "backspace", "w"])
        await settle(pilot)
        assert box.value == "champion law"
        shown = {table.view.clients[i].client_id for i in table.view.order}
        assert shown == matching(portfolio, "champion law")
