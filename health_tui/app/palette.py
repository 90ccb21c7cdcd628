"""The command palette (ctrl+p): a client by name, and the app's screens and helps by what they do.

Client names come from imported files: they are matched and shown as plain text, never as markup.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from typing import TYPE_CHECKING

from textual.app import SystemCommand
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.screen import Screen

from health_tui.app import format as fmt
from health_tui.app.text import safe_text
from health_tui.text import unaccented

if TYPE_CHECKING:
    from health_tui.app.app import HealthApp

# One line a paragraph, its indent kept: the screen wraps each under its own indent at its width.
IMPORT_HELP = "\n".join(
    [
        "Close the app, then at the terminal:",
        "",
        "  health-tui import DIR",
        "      a folder of CSV or Parquet files: clients.csv (required), time_entries, invoices,"
        ' interactions, feedback — the README\'s "Import format" lists every column',
        "  health-tui import EXPORT.csv",
        "      one export from Harvest, Toggl, Clockify, Xero, Stripe, Zendesk or Freshdesk, recognised by its"
        " header",
        "  health-tui import SHEET.csv --mapping MAP.toml",
        "      any spreadsheet, through a mapping of its columns",
        "",
        "The first import replaces the demo portfolio; if you recorded anything on the demo, it"
        " goes with it, so the import asks for --replace first. Importing the same folder again"
        " changes nothing. On your own data, what you log in the app (interactions, feedback,"
        " notes, decisions) is never touched by an import.",
    ]
)


class ClientCommands(Provider):
    """Open a client by typing part of its name (fuzzy: "wlbf" finds Willowbrook Foods)."""

    @property
    def _app(self) -> HealthApp:
        return self.app  # type: ignore[return-value]

    async def search(self, query: str) -> Hits:
        portfolio = self._app.portfolio
        if portfolio is None or not query.strip():
            return
        matcher = self.matcher(unaccented(query))  # "quebec" finds "Éditions Québec-Nord"
        for client in portfolio.clients:
            name = unicodedata.normalize("NFC", safe_text(client.name))  # as unaccented reads it
            score = matcher.match(unaccented(name))
            if score <= 0:
                continue
            yield Hit(
                score,
                _highlight(matcher, name),
                lambda cid=client.client_id: self._open(cid),
                text=name,
                help=_help(client),
            )

    async def discover(self) -> Hits:
        portfolio = self._app.portfolio
        if portfolio is None:
            return
        for client in portfolio.candidates():  # with nothing typed: the exit candidates
            name = safe_text(client.name)
            yield DiscoveryHit(
                Content(name),
                lambda cid=client.client_id: self._open(cid),
                text=name,
                help=_help(client),
            )

    def _open(self, client_id: str) -> None:
        from health_tui.app.screens.client import ClientScreen

        self.app.push_screen(ClientScreen(client_id))


def _help(client) -> str:
    health = fmt.score(client.health)
    return (
        f"client · health {health} · {fmt.ARCHETYPE_LABELS[client.archetype]} · "
        f"{client.recommendation.value}" + ("" if client.active else " · former")
    )


def _highlight(matcher, name: str) -> Content:
    """The name as plain text with the matched letters marked (Textual's own highlight parses
    markup, which a client's name must never be)."""
    content = Content(name)
    _, offsets = matcher.fuzzy_search.match(matcher.query, unaccented(name))  # one for one
    for offset in offsets:
        if not name[offset].isspace():
            content = content.stylize(matcher.match_style, offset, offset + 1)
    return content


def app_actions(app: HealthApp, screen: Screen) -> Iterable[SystemCommand]:
    """The screens and helps reachable from anywhere, whatever the current screen's keys."""
    from health_tui.app.screens.exits import open_exits
    from health_tui.app.screens.help import InfoScreen

    yield SystemCommand(
        "Exits in progress",
        "every client decided exit: steps settled, earliest end, unpaid (key: E)",
        lambda: open_exits(screen),  # type: ignore[arg-type]
    )
    yield SystemCommand(
        "Review the quarter",
        "exit candidates first, a decision and a note for each (key: r on the portfolio)",
        lambda: _push_review(app),
    )
    yield SystemCommand(
        "Effort versus return map",
        "every active client by effort versus return and health (key: m on the portfolio)",
        lambda: _push_map(app),
    )
    yield SystemCommand(
        "Portfolio",
        "back to the list of every client",
        lambda: _to_portfolio(app),
    )
    yield SystemCommand(
        "Clients marked not a client",
        "the agency's own time and others kept but never scored: score one again",
        lambda: _open_not_clients(app),
    )
    yield SystemCommand(
        "Import your own data: how",
        "the commands that load your history (replacing the demo)",
        lambda: app.push_screen(InfoScreen("Import your own data", IMPORT_HELP)),
    )


def _open_not_clients(app: HealthApp) -> None:
    from health_tui.app.screens.not_clients import open_not_clients

    open_not_clients(app)


def _to_portfolio(app: HealthApp) -> None:
    from health_tui.app.screens.portfolio import PortfolioScreen

    while len(app.screen_stack) > 2 and not isinstance(app.screen, PortfolioScreen):
        app.pop_screen()


def _push_review(app: HealthApp) -> None:
    from health_tui.app.screens.review import ReviewScreen

    if not isinstance(app.screen, ReviewScreen):
        app.push_screen(ReviewScreen())


def _push_map(app: HealthApp) -> None:
    from health_tui.app.screens.effort_map import MapScreen

    if app.portfolio is not None and not isinstance(app.screen, MapScreen):
        app.push_screen(MapScreen())
