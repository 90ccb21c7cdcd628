"""One client: the verdict and why, the parts of health, effort versus return, and the evidence.

The score comes from the app's portfolio; the timeline and invoices are read from the store in a
worker, with their own cursor, and arrive as a message. The owner keeps the record from here (`i`,
`f`, `n`; Enter and Delete on what they logged in the timeline) and corrects the client (`c`),
merges it into another (`m`) or gives it another name (`a`), each committed by the store queue.
"""

from __future__ import annotations

from datetime import date
from functools import partial
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid, Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.worker import Worker, WorkerState, get_current_worker

from health_tui.app.review_state import ReviewState
from health_tui.app.screens.correct import CorrectForm
from health_tui.app.screens.recording import SAVED_STYLE, RecordKeeping
from health_tui.app.screens.review_modals import AskText, Confirm
from health_tui.app.styles import HEADING, MUTED
from health_tui.app.text import safe_text
from health_tui.app.widgets import client_panels as panels
from health_tui.app.widgets.fitted import Fitted
from health_tui.app.widgets.footer import KeyFooter
from health_tui.app.widgets.review_panels import decision_line
from health_tui.app.widgets.timeline import OWNER_MARK, OWNER_STYLE, Timeline
from health_tui.clients import (
    ClientProfile,
    ClientRef,
    Merged,
    add_alias,
    client_profile,
    find_client,
    merge_note,
)
from health_tui.clients import merge_clients as merge
from health_tui.history import ClientHistory, client_history
from health_tui.scoring.models import ClientScore, PortfolioScore

NARROW = 100  # below this many columns the panels stack in one column


class HistoryLoaded(Message):
    def __init__(self, history: ClientHistory) -> None:
        self.history = history
        super().__init__()


class ClientScreen(RecordKeeping):
    """The client behind a row of the portfolio; Escape or Backspace goes back to it."""

    CSS_PATH = "client.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,backspace", "back", "Back"),
        Binding("i", "log('interaction')", "Log interaction"),
        Binding("f", "log('feedback')", "Feedback"),
        Binding("n,N", "log('note')", "Note", key_display="n"),
        Binding("t", "timeline", "Timeline"),
        Binding("delete", "delete_entry", "Delete entry", show=False),
        Binding("c", "correct", "Correct"),
        Binding("m", "merge", "Merge into…", show=False),
        Binding("a", "alias", "Add alias", show=False),
        Binding("e", "checklist", "Exit checklist"),
        Binding("j,down", "scroll(1)", "Scroll down", show=False),
        Binding("k,up", "scroll(-1)", "Scroll up", show=False),
    ]

    def __init__(self, client_id: str) -> None:
        super().__init__()
        self.client_id = client_id
        self.client_name = client_id  # until the portfolio or the store says
        self.history: ClientHistory | None = None
        self._select_key: str | None = None  # the entry to highlight once the timeline is read

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="client-body"):
            yield Fitted(id="client-title")
            yield Fitted(id="verdict")
            yield Static(id="record-status")
            yield Static(id="decision")
            yield Fitted(id="reasons", classes="panel")
            # Only equal-width panels in the grid: an auto-height row is measured at one column's
            # width, so a panel spanning two columns would leave a gap below it.
            with Grid(id="client-grid"):
                yield Fitted(id="components", classes="panel")
                yield Static(id="trend", classes="panel")
                yield Static(id="effort", classes="panel")
                yield Static(id="invoices", classes="panel")
            with Vertical(id="timeline-panel", classes="panel"):
                yield Static(_timeline_head(), id="timeline-head")
                yield Timeline(id="timeline")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#record-status").display = False
        self.watch(self.app, "portfolio", self._show_portfolio)
        self.watch(self.app, "review", self._show_decision)
        self.watch_record_changes()

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

    def action_checklist(self) -> None:
        from health_tui.app.screens.exits import open_checklist

        client = (
            self.health_app.portfolio.by_id(self.client_id) if self.health_app.portfolio else None
        )
        open_checklist(self, self.client_id, client.name if client else self.client_id)

    def on_resize(self) -> None:
        self.set_class(self.size.width < NARROW, "-narrow")

    def _client(self, portfolio: PortfolioScore | None) -> ClientScore | None:
        return portfolio.by_id(self.client_id) if portfolio else None

    def _show_portfolio(self, portfolio: PortfolioScore | None) -> None:
        client = self._client(portfolio)
        if portfolio is None or client is None:
            quarter = portfolio.quarter if portfolio else "this quarter"
            self.query_one("#verdict", Fitted).show(
                Content.styled(
                    f"Not scored in {quarter}: not a client then, or marked not a client "
                    "(c corrects it).",
                    MUTED,
                )
            )
            for panel in self.query(".panel"):
                panel.display = False
            return
        self.client_name = client.name
        for panel in self.query(".panel"):
            panel.display = True
        currency = portfolio.currency
        self.query_one("#client-title", Fitted).show(partial(panels.title_content, client))
        self.query_one("#verdict", Fitted).show(partial(panels.verdict_content, client))
        self._show_decision()
        self.query_one("#reasons", Fitted).show(partial(panels.reasons_content, client))
        self.query_one("#components", Fitted).show(partial(panels.components_content, client))
        self.query_one("#trend", Static).update(panels.trend_and_moves(client))
        self.query_one("#effort", Static).update(
            panels.effort_content(client, currency, portfolio.as_of)
        )
        if self.history is None or self.history.as_of != portfolio.as_of:
            self.history = None
            self._show_history(currency)
            self._load_history(portfolio.as_of)

    def _show_history(self, currency: str) -> None:
        self.query_one(Timeline).show(self.history, select_key=self._select_key)
        if self.history is not None:
            self._select_key = None
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

    # -- keeping the record -----------------------------------------------------------------------

    def record_target(self) -> tuple[str, str] | None:
        return self.client_id, self.client_name

    def record_saved(self, client_id: str, key: str | None = None) -> None:
        """Read the timeline again (the job has committed), highlighting the entry just saved."""
        portfolio = self.health_app.portfolio
        if portfolio is not None and client_id == self.client_id:
            self._select_key = key
            self._load_history(portfolio.as_of)

    def action_timeline(self) -> None:
        timeline = self.query_one(Timeline)
        timeline.focus()
        timeline.scroll_visible(animate=False)

    @on(OptionList.OptionSelected, "#timeline")
    def _edit_selected(self, event: OptionList.OptionSelected) -> None:
        entry = self.query_one(Timeline).current
        if entry is not None:
            self.edit_entry(entry, self.client_id, self.client_name)

    def action_delete_entry(self) -> None:
        timeline = self.query_one(Timeline)
        if not timeline.has_focus:
            self.notify(
                "Select an entry in the timeline first (t, then ↑↓).", markup=False, timeout=4
            )
            return
        entry = timeline.current
        if entry is not None:
            self.remove_entry(entry, self.client_id)

    # -- correcting the client --------------------------------------------------------------------

    def action_correct(self) -> None:
        app, store, client_id = self.health_app, self.health_app.store, self.client_id

        def loaded(profile: ClientProfile) -> None:
            if self.is_attached:
                form = CorrectForm(profile, app.clock)
                form.when_gone = self._corrected_unseen
                app.push_screen(form, self._corrected)

        app.run_job(lambda con: client_profile(store, client_id, con=con), loaded,
                    what="read the client's facts")  # fmt: skip

    def _corrected(self, profile: ClientProfile | None) -> None:
        if profile is None:
            return
        self.client_name = profile.name
        state = (
            f"not a client: kept, never scored (undo: c here, or later "
            f"`health-tui clients unignore {profile.client_id}`)"
            if profile.ignored
            else f"a former client: ended {ended}"
            if (ended := profile.value("ended_on"))
            else "scored as a client"
        )
        self.show_record_status(("✓ corrections saved", SAVED_STYLE), (f"  ·  {state}", MUTED))
        self.notify(safe_text(f"Saved: corrections to {profile.name}"), markup=False, timeout=4)
        self.health_app.score(self.health_app.requested)

    def _corrected_unseen(self, profile: ClientProfile | None) -> None:
        """Saved after ctrl+p took the owner elsewhere (this screen gone): said and scored."""
        if self.is_attached:
            self._corrected(profile)
        elif profile is not None:
            app = self.health_app
            app.notify(safe_text(f"Saved: corrections to {profile.name}"), markup=False, timeout=4)
            app.score(app.requested)

    def action_alias(self) -> None:
        app, store, client_id, name = (
            self.health_app,
            self.health_app.store,
            self.client_id,
            self.client_name,
        )

        def added(ref: ClientRef, alias: str) -> None:
            self.show_record_status(
                ("✓ alias saved", SAVED_STYLE),
                (f"  ·  imports naming {safe_text(alias)!r} now land on {ref}", MUTED),
            )

        def typed(alias: str | None) -> None:
            if alias and alias.strip():
                at = app.clock()
                app.run_job(lambda con: add_alias(store, client_id, alias, at=at, con=con),
                            lambda ref: added(ref, alias), what=f"add the alias {alias!r}")  # fmt: skip

        app.push_screen(
            AskText(f"Another name for {safe_text(name)}",
                    "The name a tracker or an export gives this client; imports naming it land here.",
                    placeholder="e.g. NW Outfitters"),
            typed,
        )  # fmt: skip

    def action_merge(self) -> None:
        app, store, client_id, name = (
            self.health_app,
            self.health_app.store,
            self.client_id,
            self.client_name,
        )

        def found(keep: ClientRef) -> None:
            if not self.is_attached:
                return
            if keep.client_id == client_id:
                self.notify(
                    "That is this client: choose another to merge it into.", severity="warning"
                )
                return
            body = Content.assemble(
                (safe_text(name), "bold"), f" ({client_id}) becomes part of ",
                (str(keep), "bold"), ".\n\nIts history, decisions, checklist, letter, notes and facts "
                "move there; its name and id become aliases, so later imports land there too. "
                "There is no undo.",
            )  # fmt: skip

            def answered(yes: bool | None) -> None:
                if yes:
                    self._merge(keep)

            app.push_screen(Confirm(body, "Merge?", "Merge", "Cancel"), answered)

        def typed(text: str | None) -> None:
            if text and text.strip():
                app.run_job(lambda con: find_client(store, text, con=con), found,
                            what="find that client")  # fmt: skip

        app.push_screen(
            AskText(f"Merge {safe_text(name)} into…", "The client to keep: its id or name.",
                    placeholder="e.g. northwind or Northwind Outfitters"),
            typed,
        )  # fmt: skip

    def _merge(self, keep: ClientRef) -> None:
        app, store, other, at = (
            self.health_app,
            self.health_app.store,
            self.client_id,
            self.health_app.clock(),
        )

        def merged(done: Merged) -> None:
            kept, gone, left, _ = done
            said = f"Merged {gone} into {kept}"
            if left:
                said += f"; it was {' and '.join(left)}: {kept.name} keeps its own status"
            if note := merge_note(done):
                said += f". {note}"
            app.notify(safe_text(said), markup=False, timeout=12 if note else 6)
            app.score(app.requested)
            if self.is_attached:
                self.dismiss()
                app.push_screen(ClientScreen(kept.client_id))

        app.run_job(lambda con: merge(store, keep.client_id, other, at=at, con=con), merged,
                    what="merge the clients")  # fmt: skip


def _timeline_head() -> Content:
    return Content.assemble(
        ("Recent timeline", HEADING),
        ("   ", ""),
        (OWNER_MARK, OWNER_STYLE),
        (" = logged by you · t selects · ⏎ edits · del deletes", MUTED),
    )
