"""Effort versus return for every active client, with what to do in each quadrant.

The side panel lists the clients in the cell under the cursor; Enter opens the one picked there.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Static

from health_tui.app import format as fmt
from health_tui.app.map_model import placeable
from health_tui.app.screens.base import HealthScreen
from health_tui.app.styles import BAND_STYLE, HEADING, MUTED
from health_tui.app.table_model import name_cuts
from health_tui.app.text import safe_text
from health_tui.app.widgets.effort_map import EffortMap
from health_tui.app.widgets.footer import KeyFooter
from health_tui.scoring.models import PortfolioScore

if TYPE_CHECKING:
    pass


class MapScreen(HealthScreen):
    """The scatter; Escape goes back to the portfolio."""

    CSS_PATH = "effort_map.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,backspace,m", "back", "Back")]

    def __init__(self, start_id: str | None = None) -> None:
        super().__init__()
        self.start_id = start_id
        self._twins: tuple[PortfolioScore | None, int, dict[str, int]] | None = None

    def _twins_at(self, room: int) -> dict[str, int]:
        """The names alike for more than `room` cells among the active clients (a twin may sit
        in another cell: "Rossi Opticians …" read the same for both): worked out once for each
        quarter and width, not at each key."""
        portfolio = self.health_app.portfolio
        if self._twins is None or self._twins[0] is not portfolio or self._twins[1] != room:
            names = [safe_text(c.name) for c in portfolio.active] if portfolio else []
            self._twins = (portfolio, room, name_cuts(names, cap=room).twins)
        return self._twins[2]

    def compose(self) -> ComposeResult:
        yield Static(id="map-title")
        with Horizontal(id="map-row"):
            yield EffortMap(id="map")
            yield Static(id="map-cell")
        yield Static(id="map-status")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.watch(self.app, "portfolio", self._show_portfolio)
        self.query_one(EffortMap).focus()

    def _show_portfolio(self, portfolio: PortfolioScore | None) -> None:
        if portfolio is None:
            return
        active = portfolio.active
        unscored = sum(1 for c in active if not placeable(c))  # no health, or no effort/return
        self.query_one("#map-title", Static).update(
            Content.assemble(
                ("Effort vs return ", HEADING),
                (f"{portfolio.quarter} · {len(active):,} active · ", MUTED),
                (f"{unscored:,} with not enough data left off · " if unscored else "", MUTED),
                ("per cell: ● 1, 2-9, ▒ 10+, █ 50+", MUTED),
            )
        )
        rules = self.health_app.settings.rules
        splits = (rules.exit_effort_below, rules.exit_health_below)
        self.query_one(EffortMap).show(active, self.start_id, splits)
        self.start_id = None

    @on(EffortMap.Moved)
    def _moved(self, event: EffortMap.Moved) -> None:
        panel = self.query_one("#map-cell", Static)
        status = self.query_one("#map-status", Static)
        currency = self.health_app.portfolio.currency if self.health_app.portfolio else "EUR"
        if event.cell is None:
            portfolio = self.health_app.portfolio
            active = len(portfolio.active) if portfolio else 0
            panel.update(
                Content.styled(
                    f"No client to place: {active:,} active, each with not enough data for "
                    "health or effort versus return. The table (esc) lists them; a client's "
                    "reasons say what would fill it."
                    if active
                    else "No active clients.",
                    MUTED,
                )
            )
            status.update("")
            return
        members = event.grid.at(event.cell)
        picked = event.picked % len(members)
        (x0, x1), (y0, y1) = event.grid.ranges(event.cell)
        parts: list[str | tuple[str, str]] = [
            # the clients' own actions are listed below; the map's corner (its label on the map)
            # is not repeated here: "1 client · keep" read as the action of a client to watch
            (f"{len(members):,} client{'s' if len(members) != 1 else ''}\n", HEADING),
            (f"health {y0:.0f}-{y1:.0f} · E/R {x0:.0f}-{x1:.0f}\n\n", MUTED),
        ]
        width = max(10, panel.scrollable_content_region.width)
        height = max(3, panel.scrollable_content_region.height - 4)
        start = max(0, min(picked - height // 2, len(members) - height))
        room = width - 14
        shown = members[start : start + height]
        # twins ("Rossi Opticians (6)") cut in the middle, keeping what differs, as the table does
        twins = self._twins_at(room)
        for i, c in enumerate(shown, start):
            mark = "▸" if i == picked else " "
            parts.append((f"{mark} ", "bold $text-accent"))
            parts.append((f"{fmt.score(c.health):>3} ", BAND_STYLE[c.band]))
            parts.append((f"{c.recommendation.value:<8}", MUTED))
            text = safe_text(c.name)
            name = fmt.fit_name(text, room, twins.get(text)).rstrip()
            parts.append((f"{name}\n", "bold" if i == picked else ""))
        if len(members) > start + height:
            parts.append((f"  … {len(members) - start - height:,} more (n/p)", MUTED))
        panel.update(Content.assemble(*parts).rstrip())
        c = members[picked]
        status.update(
            Content.assemble(
                ("▸ ", "bold $text-accent"),
                (safe_text(c.name), "bold"),
                (f"  {c.health_text}", BAND_STYLE[c.band]),
                f" · effort/return {c.effort_return:.0f}",
                f" · {fmt.rate(c.effective_rate, currency)}",
                f" · {fmt.ARCHETYPE_LABELS[c.archetype]} · {c.recommendation.value}",
            )
        )

    @on(EffortMap.Selected)
    def _open(self, event: EffortMap.Selected) -> None:
        from health_tui.app.screens.client import ClientScreen

        self.app.push_screen(ClientScreen(event.client.client_id))

    def action_back(self) -> None:
        self.dismiss()
