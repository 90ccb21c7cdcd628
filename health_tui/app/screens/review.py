"""The quarterly review: one client at a time, exit candidates first, a decision and a note for each.

Each decision is committed by the store queue the moment the note is entered; the screen then moves to
the next client without one. Reopened, the review starts at the first client still undecided.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Static

from health_tui.app.review_state import history_job, record_job
from health_tui.app.screens.recording import RecordKeeping
from health_tui.app.screens.review_modals import AskText, Confirm
from health_tui.app.screens.whatif import WhatIfMarking
from health_tui.app.text import safe_text
from health_tui.app.widgets import client_panels as panels
from health_tui.app.widgets import review_panels as rp
from health_tui.app.widgets.fitted import Fitted
from health_tui.app.widgets.footer import KeyFooter
from health_tui.app.widgets.whatif_panel import WhatIfPanel
from health_tui.review.decisions import Decision, DecisionRecord, resume_at, review_queue
from health_tui.scoring.models import ClientScore

if TYPE_CHECKING:
    pass

NARROW = 100  # below this many columns the reasons and the trend stack


class ReviewScreen(RecordKeeping, WhatIfMarking):
    """Walk the review queue; Escape goes back to the portfolio. `i`, `f` and `N` log for the
    client on screen, as on the client screen (`n` is next here)."""

    CSS_PATH = "review.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        *[Binding(k, f"decide('{d.value}')", d.value.capitalize()) for k, d in rp.DECISION_KEYS],
        Binding("n,right", "move(1)", "Next", key_display="n"),
        Binding("b,left", "move(-1)", "Prev", key_display="b"),
        # one key, two names: the footer says what `a` does now (check_action keeps the one that
        # applies), not "All clients" while every client is already in the review
        Binding("a", "rest(True)", "All clients"),
        Binding("a", "rest(False)", "Urgent only"),
        Binding("i", "log('interaction')", "Log interaction", show=False),
        Binding("f", "log('feedback')", "Feedback", show=False),
        Binding("N", "log('note')", "Note", key_display="N", show=False),
        Binding("enter", "open_client", "Client"),
        Binding("e", "checklist", "Checklist"),
        Binding("E", "exits", "Exits in progress", key_display="E", show=False),
        Binding("escape", "back", "Back"),
        # Arrows scroll; j and k do not (k is Keep: a key may not mean both).
        Binding("down", "scroll(1)", "Scroll down", show=False),
        Binding("up", "scroll(-1)", "Scroll up", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.queue: list[ClientScore] = []
        self.index = 0
        self.quarter: str | None = None
        self._source: object = None  # the scored portfolio the queue was built from
        self.include_rest: bool | None = None  # None: worked out from the decisions on first view
        self.histories: dict[str, list[DecisionRecord]] = {}
        self.drafts: dict[str, str] = {}  # notes typed but not yet committed: never lost
        # clients whose decision is being saved: walked past, as decided (a decision key typed
        # before a save ended decided the same client again)
        self.saving: set[str] = set()
        # what the last decision saved, said in the head until the owner moves on: a notification
        # covered the next client's last reasons at 80x24
        self.saved: str | None = None

    @property
    def current(self) -> ClientScore | None:
        return self.queue[self.index] if self.index < len(self.queue) else None

    def compose(self) -> ComposeResult:
        yield Static(id="review-head")
        with VerticalScroll(id="review-body", can_focus=False):
            yield Fitted(id="review-title")
            yield Fitted(id="review-verdict")
            yield Static(id="record-status")
            yield Fitted(id="review-decision", classes="panel")
            with Horizontal(id="review-row"):
                yield Fitted(id="review-reasons", classes="panel")
                yield Static(id="review-trend", classes="panel")
            yield Static(id="review-value", classes="panel")
        yield WhatIfPanel()
        yield Static(id="review-keys")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#record-status").display = False
        self.watch_record_changes()
        self.watch(self.app, "portfolio", self._rebuild)
        self.watch(self.app, "review", self._rebuild)
        self.watch(self.app, "working", self._rebuild)

    def on_resize(self) -> None:
        self.set_class(self.size.width < NARROW, "-narrow")
        self.call_after_refresh(self._show)  # the key bar fits the new width

    # -- the queue --------------------------------------------------------------------------------

    def _rebuild(self, _: object = None) -> None:
        app = self.health_app
        portfolio, state = app.portfolio, app.review
        if portfolio is None or state is None or state.quarter != portfolio.quarter:
            self._show()
            return
        if self._source is not portfolio:
            keep = self.current.client_id if self.current else None
            if self.quarter != portfolio.quarter:
                keep = None  # a new quarter starts at its first undecided client
            if self.include_rest is None:  # opened: were they already reviewing everyone?
                urgent = {c.client_id for c in review_queue(portfolio)}
                active = {c.client_id for c in portfolio.active}
                self.include_rest = any(c in active - urgent for c in state.decisions)
                self.refresh_bindings()  # `a` says which way it turns the list
            # new scores of the quarter on screen (an entry logged, a correction): the order the
            # owner is walking stays as it was; another quarter starts a list of its own
            rescored = self.quarter == portfolio.quarter and bool(self.queue)
            self._source, self.quarter = portfolio, portfolio.quarter
            self._set_queue(keep, in_order=rescored)
        self._show()

    def _set_queue(self, keep: str | None, *, in_order: bool = False) -> None:
        """Rebuild the queue, staying on client `keep` if it is in it, else the first undecided.
        What was saved is no longer said: another quarter, another list, or new scores.

        `in_order` (new scores of the same quarter): the clients keep their places, each with its
        new scores, and a client the new scores bring into the list comes last. Sorted again by
        health, a client whose feedback was just logged moved down the list and `n` skipped the
        clients that moved ahead of it, unseen; one whose health rose left the list under the
        owner's eyes."""
        self.saved = None
        app = self.health_app
        assert app.portfolio is not None and app.review is not None
        queue = review_queue(app.portfolio, include_rest=bool(self.include_rest))
        if in_order:
            now = {c.client_id: c for c in app.portfolio.clients if c.active}
            kept = [now[c.client_id] for c in self.queue if c.client_id in now]
            placed = {c.client_id for c in kept}
            queue = kept + [c for c in queue if c.client_id not in placed]
        self.queue = queue
        ids = [c.client_id for c in self.queue]
        if keep in ids:
            self.index = ids.index(keep)
        else:
            self.index = resume_at(self.queue, app.review.decisions)

    def _decided(self) -> int:
        state = self.health_app.review
        return sum(1 for c in self.queue if state and c.client_id in state.decisions)

    def _next_undecided(self) -> int:
        state = self.health_app.review
        decided = state.decisions if state else {}
        n = len(self.queue)
        for i in [*range(self.index + 1, n), *range(self.index + 1)]:
            if i < n and self.queue[i].client_id not in decided.keys() | self.saving:
                return i
        return n

    # -- showing ----------------------------------------------------------------------------------

    def _show(self) -> None:
        self.sync_record_status()  # what was logged for the client before stays with it
        app = self.health_app
        portfolio, state = app.portfolio, app.review
        head = self.query_one("#review-head", Static)
        client = self.current
        whatif = self.query_one(WhatIfPanel)
        whatif.current = client.client_id if client else None
        whatif.show_figures()
        for panel in self.query(".panel"):
            panel.display = client is not None
        if portfolio is None or state is None or self.quarter is None:
            if app.working is None and portfolio is None:  # scoring failed: a notification says why
                head.update(
                    Content.styled("Nothing scored yet: Escape, then [ ] or g.", "$text-error")
                )
            else:
                head.update(Content.styled(f"⟳ scoring {app.working or ''}…", "bold $text-warning"))
            return
        index = self.index if client is not None else None
        head.update(
            rp.review_head(
                self.quarter,
                index,
                len(self.queue),
                self._decided(),
                self.include_rest,
                saved=self.saved,
                width=head.content_region.width,
            )
        )
        if client is None:
            rest = len(portfolio.active) - len(self.queue)
            done = rp.done_content(
                self.quarter,
                rest if not self.include_rest else 0,
                self.queue,
                self._decided(),
                nothing_said=portfolio.nothing_said,
            )
            self.query_one("#review-title", Fitted).show(done)
            self.query_one("#review-verdict", Fitted).show(Content(""))
            self.query_one("#review-keys", Static).update("")
            self.refresh_bindings()
            return
        self.query_one("#review-title", Fitted).show(partial(panels.title_content, client))
        self.query_one("#review-verdict", Fitted).show(partial(panels.verdict_content, client))
        self.query_one("#review-reasons", Fitted).show(partial(panels.reasons_content, client))
        self.query_one("#review-trend", Static).update(panels.trend_and_moves(client))
        self.query_one("#review-value", Static).update(
            rp.value_content(client, portfolio.currency, portfolio.as_of)
        )
        self._show_decision()
        record = state.decisions.get(client.client_id)
        self.query_one("#review-keys", Static).update(
            rp.review_bar(
                record.decision if record else None,
                client.recommendation.value,
                everyone=bool(self.include_rest),
                exit_in_force=client.client_id in state.exits,
                width=self.query_one("#review-keys", Static).content_region.width,
            )
        )
        if client.client_id not in self.histories:
            self._load_history(client.client_id)
        self.refresh_bindings()

    def _show_decision(self) -> None:
        client, state = self.current, self.health_app.review
        if client is None or state is None:
            return
        history = self.histories.get(client.client_id)
        self.query_one("#review-decision", Fitted).show(
            lambda width: rp.decision_content(state, client.client_id, history, width)
        )

    def whatif_current(self) -> ClientScore | None:
        return self.current

    def record_target(self) -> tuple[str, str] | None:
        client = self.current
        return (client.client_id, client.name) if client is not None else None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("decide", "open_client", "log"):
            return self.current is not None or None
        if action == "checklist":
            return self.current is not None or None
        if action == "rest":  # the one of `a`'s two that changes the list
            return parameters[0] != bool(self.include_rest)
        return True

    # -- deciding ---------------------------------------------------------------------------------

    def action_decide(self, value: str) -> None:
        client = self.current
        portfolio = self.health_app.portfolio
        if client is None or portfolio is None:
            return
        decision = Decision(value)
        if decision is not Decision.exit:
            self._ask_note(client, decision)
            return

        def confirmed(yes: bool | None) -> None:
            if yes:
                self._ask_note(client, decision)

        state = self.health_app.review
        earlier = (  # an exit again after a change of mind: its checklist starts again
            state.progress.get(client.client_id, 0)
            if state is not None and client.client_id not in state.exits
            else 0
        )
        body = partial(
            rp.exit_confirmation, client, portfolio.currency, earlier=earlier, as_of=portfolio.as_of
        )
        self.app.push_screen(Confirm(body, "Record exit?", "Record exit", "Cancel"), confirmed)

    def _ask_note(self, client: ClientScore, decision: Decision) -> None:
        def noted(note: str | None) -> None:
            if note is not None:
                self._record(client, decision, note)

        title = f"{decision.value.capitalize()}: {safe_text(client.name)}"
        ask = AskText(
            title,
            "A note for the record (optional): why, and what was weighed.",
            self.drafts.get(client.client_id, ""),
            placeholder="e.g. third round of vague revisions; offered a scope call first",
        )
        self.app.push_screen(ask, noted)

    def _record(self, client: ClientScore, decision: Decision, note: str) -> None:
        app = self.health_app
        store, quarter, at = app.store, self.quarter or "", app.clock()
        self.drafts[client.client_id] = note

        job = record_job(store, quarter=quarter, client=client, decision=decision, note=note, at=at)
        self.saving.add(client.client_id)
        if self.current and self.current.client_id == client.client_id:  # on to the next at once
            self.saved = safe_text(f"saving {decision.value} for {client.name}…")
            self.index = self._next_undecided()
            self._show()

        def done(result) -> None:
            record, progress, history = result
            self.saving.discard(client.client_id)
            self.drafts.pop(client.client_id, None)
            self.histories[client.client_id] = history
            self.saved = safe_text(f"✓ saved: {decision.value} for {client.name}")
            app.decision_saved(record, progress)  # every screen shows it, this one re-renders
            if self.is_attached and self.current and self.current.client_id == client.client_id:
                self.index = self._next_undecided()
                self._show()

        def failed(_: BaseException) -> None:
            self.saving.discard(client.client_id)
            self.saved = None  # the head must not still say an earlier save went through
            if self.is_attached:  # back to the client whose decision is not saved
                ids = [c.client_id for c in self.queue]
                if client.client_id in ids:
                    self.index = ids.index(client.client_id)
                self._show()
            app.notify(
                f"The decision for {safe_text(client.name)} was not saved; its note is kept: "
                "press the decision's key again to retry.",
                timeout=10,
            )

        app.run_job(
            job, done, failed=failed, what=f"save the decision for {safe_text(client.name)}"
        )

    def _load_history(self, client_id: str) -> None:
        store = self.health_app.store

        def done(history: list[DecisionRecord]) -> None:
            self.histories[client_id] = history
            if self.is_attached and self.current and self.current.client_id == client_id:
                self._show_decision()

        self.health_app.run_job(history_job(store, client_id), done, what="read the history")

    # -- moving -----------------------------------------------------------------------------------

    def action_move(self, step: int) -> None:
        self.saved = None  # said until the owner moves on
        self.index = max(0, min(len(self.queue), self.index + step))
        self.query_one("#review-body").scroll_home(animate=False)
        self._show()

    def action_rest(self, include: bool) -> None:
        """`a`: every active client in the review, or the urgent ones only."""
        if self.quarter is None:
            return
        self.include_rest = include
        self._set_queue(self.current.client_id if self.current else None)
        self._show()
        self.refresh_bindings()

    def action_scroll(self, lines: int) -> None:
        self.query_one("#review-body").scroll_relative(y=lines, animate=False, immediate=True)

    def action_open_client(self) -> None:
        from health_tui.app.screens.client import ClientScreen

        if self.current is not None:
            self.app.push_screen(ClientScreen(self.current.client_id))

    def action_checklist(self) -> None:
        from health_tui.app.screens.exits import open_checklist

        if self.current is not None:
            open_checklist(self, self.current.client_id, self.current.name)

    def action_exits(self) -> None:
        from health_tui.app.screens.exits import open_exits

        open_exits(self)

    def action_back(self) -> None:
        self.dismiss()
