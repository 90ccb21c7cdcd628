"""The application: owns the store and the scored portfolio, and scores quarters in a worker thread.

Screens read `app.portfolio` and `app.review` and watch them; only this class starts scoring and runs
the store jobs that record the owner's review, so a change made on any screen updates every screen.
The app reads the time only through `clock`, injected by whoever starts it.
"""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Callable, Iterable
from datetime import date, datetime
from functools import partial
from pathlib import Path, PurePath
from typing import Any, ClassVar, Literal, NamedTuple

import duckdb
from textual import on, work
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.reactive import reactive
from textual.screen import Screen
from textual.worker import Worker, WorkerState, get_current_worker

from health_tui.app.glossary import LEGENDS
from health_tui.app.jobs import Job, StoreJobs
from health_tui.app.memory import release_later
from health_tui.app.messages import RecordedChange, RosterReady, ScoresReady
from health_tui.app.palette import ClientCommands, app_actions
from health_tui.app.review_state import ReviewState, load_review_state
from health_tui.app.roster import first_start, load_roster
from health_tui.app.screens.help import HelpScreen
from health_tui.app.screens.portfolio import PortfolioScreen
from health_tui.app.screens.quarter import QuarterPicker
from health_tui.app.table_model import RowIndex
from health_tui.app.text import safe_lines, safe_text
from health_tui.app.typed_ahead import TypedAhead
from health_tui.app.whatif_state import WhatIfMarks
from health_tui.app.widgets.summary import summary_figures
from health_tui.dates import quarter_end, quarter_label, quarter_of, quarter_start, shift_quarter
from health_tui.errors import ConfigError, HealthTuiError
from health_tui.review.decisions import DecisionRecord
from health_tui.score_change import score_change
from health_tui.scoring.engine import score_portfolio
from health_tui.scoring.memory import collector_paused
from health_tui.scoring.models import ClientScore, PortfolioScore
from health_tui.settings import Settings
from health_tui.store import Store

HERE = Path(__file__).resolve().parent

Scorer = Callable[[Store, date, duckdb.DuckDBPyConnection], PortfolioScore]
"""(store, as_of, cursor) -> scores: the engine in the app, a synthetic portfolio in tests."""
Clock = Callable[[], datetime]
"""The only way the app learns the time: decisions and checklist dates come from it."""
Start = Literal["portfolio", "review"]
# What a store job may fail with: the store's own errors, DuckDB's (a transaction conflict), a file.
JOB_ERRORS = (HealthTuiError, duckdb.Error, OSError, ValueError)


def engine_scorer(settings: Settings) -> Scorer:
    """The scoring engine with the owner's settings, run on the worker's own cursor."""

    def score(store: Store, as_of: date, con: duckdb.DuckDBPyConnection) -> PortfolioScore:
        return score_portfolio(store, as_of, settings, con=con)

    return score


class _Pending(NamedTuple):
    as_of: date
    before: ClientScore
    what: str
    after_jobs: int  # store jobs done when it was asked: a scoring started after counts


def label_of(day: date) -> str:
    return quarter_label(*quarter_of(day))


KEY_SWITCH_INTERVAL = 0.001  # seconds a worker thread runs Python before a key's handler may


class HealthApp(TypedAhead):
    """Which clients to keep, mend, reprice or let go: the portfolio, a client, the effort map."""

    # Absolute, so that subclasses (tests, the benchmark) in other folders find the styles.
    CSS_PATH: ClassVar[list[str | PurePath]] = [
        HERE / "app.tcss",
        HERE / "widgets" / "widgets.tcss",
    ]
    TITLE = "health-tui"
    COMMANDS = App.COMMANDS | {ClientCommands}

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("question_mark", "help", "Keys", key_display="?"),
        Binding("left_square_bracket", "quarter(-1)", "Prev qtr", key_display="["),
        Binding("right_square_bracket", "quarter(1)", "Next qtr", key_display="]"),
        Binding("g", "pick_quarter", "Go to quarter", show=False),
        Binding("ctrl+t", "toggle_theme", "Light/dark theme", show=False),
        Binding("R", "write_report", "Write the report", show=False),
        Binding("q", "quit", "Quit", show=False),
    ]

    portfolio: reactive[PortfolioScore | None] = reactive(None, always_update=True, init=False)
    """The scored quarter on screen; None until the first scoring finishes."""
    review: reactive[ReviewState | None] = reactive(None, always_update=True, init=False)
    """The owner's decisions for the quarter on screen; set just before `portfolio`."""
    working: reactive[str | None] = reactive(None, init=False)
    """The quarter being scored right now, for the screens' status lines."""
    roster: reactive[RowIndex | None] = reactive(None, always_update=True, init=False)
    """The clients being scored, names only, while no quarter is on screen yet (the first paint)."""
    last_change: reactive[RecordedChange | None] = reactive(None, always_update=True, init=False)
    """What the owner's latest log moved in a client's score, for the screens showing that client."""
    whatif: reactive[WhatIfMarks] = reactive(WhatIfMarks, always_update=True, init=False)
    """The clients marked for a what-if (and the one repriced), shared by the portfolio and review."""

    def __init__(
        self,
        store: Store,
        as_of: date,
        *,
        settings: Settings | None = None,
        scorer: Scorer | None = None,
        demo_note: str | None = None,
        clock: Clock = datetime.now,
        start: Start = "portfolio",
    ) -> None:
        super().__init__()
        self.store = store
        self.latest = as_of  # never score past the date the owner asked for
        self.requested = as_of
        self.first_start: date | None = None  # set when a quarter scored had nobody in it
        # why the last scoring failed where the settings are at fault (a rate missing), kept for
        # the portfolio's header while nothing is scored: a notification goes in ten seconds
        self.scoring_error: str | None = None
        self.settings = settings or Settings()
        self.scorer = scorer or engine_scorer(self.settings)
        self.demo_note = demo_note
        self.clock = clock
        self.start = start
        self.jobs = StoreJobs(store)
        self._jobs_submitted = 0
        self._jobs_done = 0
        self._pending: dict[str, _Pending] = {}  # rescorings asked for after a log, per client
        self._rows: tuple[PortfolioScore, RowIndex] | None = (
            None  # the table's index of `portfolio`
        )
        self._switch_interval = sys.getswitchinterval()  # given back when the app ends

    def on_mount(self) -> None:
        # A scoring or report thread running Python holds the interpreter lock for Python's switch
        # interval (5 ms) each time a key's handler asks for it; a key then takes several of those
        # waits. 1 ms slices: at 50k clients, while a quarter is rescored, a cursor key's p95 goes
        # from 31-34 ms to 12-16 ms and the rescoring takes as long (bench/bench_app_start.py).
        sys.setswitchinterval(KEY_SWITCH_INTERVAL)
        self.push_screen(PortfolioScreen(demo_note=self.demo_note))
        if self.start == "review":
            from health_tui.app.screens.review import ReviewScreen

            self.push_screen(ReviewScreen())  # Escape leads back to the portfolio
        self.score(self.requested)

    def on_unmount(self) -> None:
        self.jobs.close()  # every queued write is committed before the process ends
        sys.setswitchinterval(self._switch_interval)

    # -- scoring ----------------------------------------------------------------------------------

    def score(self, as_of: date) -> None:
        """Score the portfolio as of `as_of` in a worker; the screens keep working meanwhile."""
        self.requested = as_of
        self.working = label_of(as_of)
        # Nothing on screen yet: list the clients by name first, while they are scored.
        self._score(as_of, self._jobs_done, listing=self.portfolio is None)

    @work(thread=True, exclusive=True, exit_on_error=False, group="scoring")
    def _score(self, as_of: date, jobs_done: int, listing: bool = False) -> None:
        """Score in this thread, and prepare here whatever the screen would otherwise stop for:
        the table's index with every sort order, the header's figures, the lookup by id."""
        worker = get_current_worker()
        cursor = self.store.cursor()  # DuckDB connections are not shared across threads
        try:
            if listing:
                roster = RowIndex(load_roster(self.store, as_of, con=cursor))
                if not worker.is_cancelled:
                    self.post_message(RosterReady(roster, as_of))
            with collector_paused():
                portfolio = self.scorer(self.store, as_of, cursor)
                review = load_review_state(self.store, portfolio.quarter, con=cursor)
                rows = RowIndex(portfolio.clients).warm()
                summary_figures(portfolio)
                portfolio.by_id("")
                first = None if portfolio.clients else first_start(self.store, con=cursor)
        finally:
            cursor.close()
        if not worker.is_cancelled:
            self.post_message(ScoresReady(portfolio, as_of, review, jobs_done, rows, first))

    @on(RosterReady)
    def _roster_ready(self, message: RosterReady) -> None:
        if message.as_of == self.requested and self.portfolio is None:
            self.roster = message.rows

    def row_index(self, portfolio: PortfolioScore) -> RowIndex:
        """The table's index of `portfolio`: the one built with its scores, or a new one."""
        if self._rows is None or self._rows[0] is not portfolio:
            self._rows = (portfolio, RowIndex(portfolio.clients))
        return self._rows[1]

    @on(ScoresReady)
    def _scores_ready(self, message: ScoresReady) -> None:
        if message.as_of != self.requested:
            return  # an older request that finished late
        if self.portfolio is not None:  # the quarter replaced: freed bit by bit, not all at once
            release_later(list(self.portfolio.clients))
        self._rows = (message.portfolio, message.rows)
        self.working = None
        self.review = message.review
        self.first_start = message.first_start  # the header says it when nobody had started
        self.portfolio = message.portfolio  # (the screens redraw when this changes)
        self.roster = None
        self._report_changes(message)
        if message.jobs_done != self._jobs_submitted:
            # A decision or step was being saved while the quarter was read: read it again,
            # behind that job in the queue, so the screens cannot keep a stale state.
            quarter = message.portfolio.quarter
            self.run_job(
                lambda con: load_review_state(self.store, quarter, con=con),
                self._review_reloaded,
                what="read the decisions",
            )

    def rescore_after(self, client_id: str, what: str) -> None:
        """Score the quarter again after the owner logged something for a client, then say what
        moved (`last_change` and a notification), against the score shown before the first of any
        logs made meanwhile."""
        portfolio = self.portfolio
        before = portfolio.by_id(client_id) if portfolio else None
        pending = self._pending.get(client_id)
        if pending is not None:
            before = pending.before
        if portfolio is not None and before is not None:
            # The change is reported from a scoring that started after this log was committed.
            self._pending[client_id] = _Pending(portfolio.as_of, before, what, self._jobs_done)
        self.score(self.requested)

    def _report_changes(self, message: ScoresReady) -> None:
        portfolio = message.portfolio
        for client_id, pending in list(self._pending.items()):
            if pending.as_of != portfolio.as_of:
                del self._pending[client_id]  # another quarter now: nothing to compare with
                continue
            if message.jobs_done < pending.after_jobs:
                continue  # scored before the log was committed: wait for the next scoring
            del self._pending[client_id]
            after = portfolio.by_id(client_id)
            if after is None:
                continue
            change = score_change(pending.before, after)
            self.last_change = RecordedChange(client_id, pending.what, change)
            said = change.sentence()
            if pending.before.active != after.active:  # the record closed, or opened again
                now = f"a former client, ended {after.ended_on}" if after.ended_on else "active"
                said = f"now {now} ({len(portfolio.active):,} active); {said}"
            self.notify(
                safe_text(f"{after.name}: {said}"),
                title="Scored again",
                markup=False,
                timeout=8,
            )

    def _review_reloaded(self, state: ReviewState) -> None:
        if self.portfolio is not None and state.quarter == self.portfolio.quarter:
            self.review = state

    # -- the owner's review: store jobs -----------------------------------------------------------

    def run_job(
        self,
        job: Job[Any],
        done: Callable[[Any], None],
        *,
        what: str,
        failed: Callable[[BaseException], None] | None = None,
    ) -> None:
        """Queue `job` on the store thread; `done(result)` runs here once it has committed.

        A failure (the file locked by another program, a full disk) is a notification saying what
        was not done; `failed` lets the screen keep what the owner typed.
        """
        self._jobs_submitted += 1
        self._await_job(self.jobs.submit(job), done, failed, what)

    @work(exit_on_error=False, group="store-jobs")
    async def _await_job(self, future, done, failed, what: str) -> None:
        try:
            result = await asyncio.wrap_future(future)
        except JOB_ERRORS as exc:
            self.notify(
                safe_text(f"Could not {what}: {exc}"),
                title="Not saved",
                severity="error",
                markup=False,
                timeout=10,
            )
            if failed is not None:
                failed(exc)
            return
        finally:
            self._jobs_done += 1
        done(result)

    def decision_saved(self, record: DecisionRecord, progress: dict[str, int]) -> None:
        if self.review is not None:
            self.review = self.review.with_decision(record, progress)

    def progress_saved(self, progress: dict[str, int]) -> None:
        if self.review is not None:
            self.review = self.review.with_progress(progress)

    @on(Worker.StateChanged)
    def _worker_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group == "store-jobs" and event.state == WorkerState.ERROR:
            self.notify(
                safe_text(f"Something went wrong saving: {event.worker.error}"),
                title="Not saved",
                severity="error",
                markup=False,
                timeout=10,
            )
        if event.worker.group == "scoring" and event.state == WorkerState.ERROR:
            quarter = label_of(self.requested)
            error = event.worker.error
            said = safe_lines(f"Could not score {quarter}: {error}")
            # a fault in the settings (a rate missing) fails every quarter: the header keeps it
            self.scoring_error = said if isinstance(error, ConfigError) else None
            self.working = None
            if self.portfolio is not None:
                self.requested = self.portfolio.as_of
            self.notify(
                said,  # its lines kept: a settings block to copy reads as one
                title="Scoring failed",
                severity="error",
                markup=False,
                timeout=10,
            )

    # -- actions ----------------------------------------------------------------------------------

    def action_quarter(self, step: int) -> None:
        """Score the quarter before or after the one last asked for."""
        year, q = shift_quarter(*quarter_of(self.requested), step)
        target = min(quarter_end(year, q), self.latest)
        if target == self.requested:
            self.notify(self._no_later_quarter(target), timeout=5)
            return
        self.score(target)

    def _no_later_quarter(self, shown: date) -> str:
        """Why `]` goes no further: the app scores up to the date it was opened as of (today, or
        an earlier --as-of, after which the file may well hold data)."""
        if self.latest < self.clock().date():
            return (
                f"{label_of(shown)} holds {self.latest.isoformat()}, the date the app was opened "
                "as of (--as-of): nothing after it is scored here. Open it without --as-of to "
                "score up to today."
            )
        return f"{label_of(shown)} is the current quarter: nothing after today is scored."

    def action_pick_quarter(self) -> None:
        def chosen(as_of: date | None) -> None:
            if as_of is None:
                return
            if as_of > self.latest:
                # the quarter holding the date on screen is scored as of that date, as the header
                # says; only a quarter that has not begun by then is worth a word
                if quarter_start(*quarter_of(as_of)) > self.latest:
                    self.notify(
                        f"{label_of(as_of)} begins after {self.latest.isoformat()}, the date on "
                        f"screen; showing {label_of(self.latest)}.",
                        severity="warning",
                    )
                as_of = self.latest
            self.score(as_of)

        self.push_screen(QuarterPicker(label_of(self.requested)), chosen)

    async def action_quit(self) -> None:
        """Quit, unless the screen has unsaved work to ask about first (the letter)."""
        before_quit = getattr(self.screen, "before_quit", None)
        if before_quit is None or not before_quit(self.exit):
            self.exit()

    def action_write_report(self) -> None:
        """Ask for a format and a path, then write the quarter's report in a worker."""
        from health_tui.app.screens.report_dialog import ask_and_write_report

        ask_and_write_report(self)

    def action_toggle_theme(self) -> None:
        self.theme = "textual-light" if self.current_theme.dark else "textual-dark"

    def action_help(self) -> None:
        if isinstance(self.screen, HelpScreen):
            return
        rows = [
            (active.binding.key_display or self.get_key_display(active.binding), active.binding)
            for active in self.screen.active_bindings.values()
            if active.binding.description and not active.binding.system
        ]
        self.push_screen(HelpScreen(rows, LEGENDS.get(type(self.screen).__name__)))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """The palette lists every key of the current screen too, so nothing hides behind a key."""
        yield from super().get_system_commands(screen)
        seen = {"Quit", "Keys"}
        for command in app_actions(self, screen):
            seen.add(command.title)
            yield command
        for active in screen.active_bindings.values():
            binding = active.binding
            if not binding.description or binding.description in seen or binding.system:
                continue
            seen.add(binding.description)
            key = binding.key_display or self.get_key_display(binding)
            yield SystemCommand(
                binding.description,
                f"key: {key}",
                partial(self.run_action, binding.action, active.node),
            )
