"""One client: the verdict and why, the parts of health, effort versus return, and the evidence.

The score comes from the app's portfolio; the timeline and invoices are read from the store in a
worker, with their own cursor, and arrive as a message.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import Footer, Static
from textual.worker import Worker, WorkerState, get_current_worker

from health_tui.app.review_state import ReviewState
from health_tui.app.screens.base import HealthScreen
from health_tui.app.styles import MUTED
from health_tui.app.text import safe_text
from health_tui.app.widgets import client_panels as panels
from health_tui.app.widgets.review_panels import decision_line
from health_tui.history import ClientHistory, client_history
from health_tui.scoring.models import ClientScore, PortfolioScore

if TYPE_CHECKING:
    pass

NARROW = 100  # below this many columns the panels stack in one column


class HistoryLoaded(Message):
    def __init__(self, history: ClientHistory) -> None:
        self.history = history
        super().__init__()


class ClientScreen(HealthScreen):
    """The client behind a row of the portfolio; Escape or Backspace goes back to it."""

    CSS_PATH = "client.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,backspace", "back", "Back"),
        Binding("e", "checklist", "Exit checklist"),
        Binding("j,down", "scroll(1)", "Scroll down", show=False),
        Binding("k,up", "scroll(-1)", "Scroll up", show=False),
    ]

    def __init__(self, client_id: str) -> None:
        super().__init__()
        self.client_id = client_id
        self.history: ClientHistory | None = None

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="client-body"):
            yield Static(id="client-title")
            yield Static(id="verdict")
            yield Static(id="decision")
            yield Static(id="reasons", classes="panel")
            # Only equal-width panels in the grid: an auto-height row is measured at one column's
            # width, so a panel spanning two columns would leave a gap below it.
            with Grid(id="client-grid"):
                yield Static(id="components", classes="panel")
                yield Static(id="trend", classes="panel")
                yield Static(id="effort", classes="panel")
                yield Static(id="invoices", classes="panel")
            yield Static(id="timeline", classes="panel")
        yield Footer()

    def on_mount(self) -> None:
        self.watch(self.app, "portfolio", self._show_portfolio)
        self.watch(self.app, "review", self._show_decision)

    def _show_decision(self, review: ReviewState | None = None) -> None:
        """The owner's decision for the quarter and the exit's progress; hidden when there is none."""
        review = self.health_app.review
        line = self.query_one("#decision", Static)
        portfolio = self.health_app.portfolio
        content = None
        if review is not None and portfolio is not None and review.quarter == portfolio.quarter:
            content = decision_line(review, self.client_id)
        line.display = content is not None
        if content is not None:
            line.update(content)
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "checklist":
            review = self.health_app.review
            return bool(review and self.client_id in review.exits)
        return True

    def action_checklist(self) -> None:
        from health_tui.app.screens.checklist import ChecklistScreen

        self.app.push_screen(ChecklistScreen(self.client_id))

    def on_resize(self) -> None:
        self.set_class(self.size.width < NARROW, "-narrow")

    def _client(self, portfolio: PortfolioScore | None) -> ClientScore | None:
        return portfolio.by_id(self.client_id) if portfolio else None

    def _show_portfolio(self, portfolio: PortfolioScore | None) -> None:
        client = self._client(portfolio)
        if portfolio is None or client is None:
            quarter = portfolio.quarter if portfolio else "this quarter"
            self.query_one("#verdict", Static).update(
                Content.styled(f"Not a client in {quarter}.", MUTED)
            )
            for panel in self.query(".panel"):
                panel.display = False
            return
        for panel in self.query(".panel"):
            panel.display = True
        currency = portfolio.currency
        self.query_one("#client-title", Static).update(panels.title_content(client))
        self.query_one("#verdict", Static).update(panels.verdict_content(client))
        self._show_decision()
        self.query_one("#reasons", Static).update(panels.reasons_content(client))
        self.query_one("#components", Static).update(panels.components_content(client))
        self.query_one("#trend", Static).update(panels.trend_and_moves(client))
        self.query_one("#effort", Static).update(panels.effort_content(client, currency))
        if self.history is None or self.history.as_of != portfolio.as_of:
            self.history = None
            self._show_history(currency)
            self._load_history(portfolio.as_of)

    def _show_history(self, currency: str) -> None:
        self.query_one("#timeline", Static).update(panels.timeline_content(self.history))
        self.query_one("#invoices", Static).update(panels.invoices_content(self.history, currency))

    @work(thread=True, exclusive=True, exit_on_error=False, group="history")
    def _load_history(self, as_of: date) -> None:
        worker = get_current_worker()
        store = self.health_app.store
        cursor = store.cursor()
        try:
            money = self.health_app.settings.money
            history = client_history(store, self.client_id, as_of, money=money, con=cursor)
        finally:
            cursor.close()
        if not worker.is_cancelled:
            self.post_message(HistoryLoaded(history))

    @on(HistoryLoaded)
    def _history_loaded(self, message: HistoryLoaded) -> None:
        portfolio = self.health_app.portfolio
        if portfolio is None or message.history.as_of != portfolio.as_of:
            return
        self.history = message.history
        self._show_history(portfolio.currency)

    @on(Worker.StateChanged)
    def _worker_failed(self, event: Worker.StateChanged) -> None:
        if event.worker.group == "history" and event.state == WorkerState.ERROR:
            self.notify(
                safe_text(f"Could not read this client's history: {event.worker.error}"),
                severity="error",
                markup=False,
            )

    def action_back(self) -> None:
        self.dismiss()

    def action_scroll(self, lines: int) -> None:
        self.query_one("#client-body").scroll_relative(y=lines, animate=False, immediate=True)
