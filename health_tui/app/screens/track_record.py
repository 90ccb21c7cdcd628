"""The owner's track record: past quarters' decisions read back against what happened since.

Read in a worker on its own cursor (`review.track_record`, three set-based queries) against the
quarter on screen, as the app scored it; it follows the quarter when the owner moves with [ and ].
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from typing import ClassVar

from rich.cells import cell_len
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.worker import Worker, WorkerState, get_current_worker

from health_tui.app import format as fmt
from health_tui.app.screens.base import HealthScreen
from health_tui.app.styles import HEADING, MUTED
from health_tui.app.text import safe_text
from health_tui.app.widgets.fitted import Fitted
from health_tui.app.widgets.footer import KeyFooter
from health_tui.review.track_record import (
    ExitTaken,
    FollowedRecord,
    KeptAgainstExit,
    TrackRecord,
    build_track_record,
)
from health_tui.scoring.models import PortfolioScore, Recommendation

Cell = tuple[str, str]  # text, style
GOOD, BAD, WARN = "$text-success", "$text-error", "bold $text-warning"


class TrackRecordReady(Message):
    def __init__(self, record: TrackRecord) -> None:
        self.record = record
        super().__init__()


def grid(header: Sequence[str], rows: Sequence[Sequence[Cell]], widths: Sequence[int],
         right: frozenset[int] = frozenset()) -> list[str | tuple[str, str]]:  # fmt: skip
    """Columns of fixed widths (text cut with '…'), a muted header line first: Content parts."""

    def cell(text: str, i: int) -> str:
        fits = i in right and cell_len(text) <= widths[i]
        text = text.rjust(widths[i]) if fits else fmt.fit(text, widths[i])
        return text + ("\n" if i == len(widths) - 1 else " ")

    parts: list[str | tuple[str, str]] = [(cell(h, i), MUTED) for i, h in enumerate(header)]
    for row in rows:
        parts += [(cell(text, i), style) for i, (text, style) in enumerate(row)]
    return parts


def _move(then: float | None, now: float | None, move: float | None) -> Cell:
    """ "41 → 36 −5", red when it fell, green when it rose."""
    if then is None or now is None or move is None:
        return (f"{fmt.score(then)} → {fmt.score(now)}", MUTED)
    sign = "+" if move > 0 else "−" if move < 0 else "±"
    return (
        f"{then:.0f} → {now:.0f} {sign}{abs(move):.0f}",
        GOOD if move > 0 else BAD if move < 0 else "",
    )


def followed_rows(record: TrackRecord) -> list[list[Cell]]:
    def row(r: FollowedRecord) -> list[Cell]:
        share = r.followed_share
        style = "" if share is None else GOOD if share >= 0.5 else BAD
        return [
            (r.recommendation.value, "bold"),
            (f"{r.decided:,}", ""),
            (f"{r.followed:,}", ""),
            (fmt.share(share, tight=True), style),
            (r.overrides_text or "—", "" if r.overrides else MUTED),
            (f"{r.deferred:,}" if r.deferred else "—", "" if r.deferred else MUTED),
        ]

    return [row(r) for r in record.followed]


def kept_rows(record: TrackRecord) -> list[list[Cell]]:
    def now(k: KeptAgainstExit) -> Cell:
        if not k.scored_now:
            return ("not scored", MUTED)
        if not k.active_now:
            return ("former", MUTED)
        rec = k.recommendation_now
        return (rec.value if rec else "—", BAD if rec is Recommendation.exit else "")

    return [
        [
            (safe_text(k.name), "bold"),
            (k.since, ""),
            (str(k.times), ""),
            (k.decision.value, ""),
            _move(k.health_then, k.health_now, k.health_move),
            _move(k.effort_then, k.effort_now, k.effort_move),
            now(k),
        ]
        for k in record.kept
    ]


def exit_rows(record: TrackRecord) -> list[list[Cell]]:
    def now(e: ExitTaken) -> Cell:
        if e.active_now is None:
            return ("not scored", MUTED)
        if e.active_now:
            return ("still a client", WARN)
        return (f"ended {e.ended_on}" if e.ended_on else "ended", GOOD)

    cur = record.currency
    return [
        [
            (safe_text(e.name), "bold"),
            (e.quarter, ""),
            (fmt.money(e.revenue_12m, cur), ""),
            ("—" if e.hours_12m is None else f"{e.hours_12m:,.0f} h", ""),
            now(e),
        ]
        for e in record.exits
    ]


def record_content(record: TrackRecord, width: int = 0) -> Content:
    """The whole record as one scrollable text: sections, each with its table or its sentence (a
    rule's sentence wrapped under its first word at a known `width`)."""
    parts: list[str | tuple[str, str]] = [
        ("Your track record", HEADING),
        (f" · the quarters before {record.quarter}, against {record.quarter} as scored\n", MUTED),
        f"{record.summary}\n",
    ]
    if record.empty:
        return Content.assemble(*parts)
    if record.patterns:
        parts.append(("\nA rule you keep overriding\n", HEADING))
        for p in record.patterns:
            parts.append((f"• {fmt.wrap_under(p.sentence, width, 2)}\n", WARN))
    parts.append(("\nHow often each recommendation was followed\n", HEADING))
    parts += grid(
        ["Recommended", "Decided", "Followed", "Share", "Overridden by", "Deferred"],
        followed_rows(record),
        [11, 7, 8, 5, 28, 8],
        frozenset({1, 2, 3, 5}),
    )
    parts.append(("\nKept against an exit recommendation", HEADING))
    if record.kept:
        parts.append((" · health and effort/return then → now\n", MUTED))
        parts += grid(
            ["Client", "Since", "×", "Decided", "Health", "E/R", "Now"],
            kept_rows(record),
            [20, 6, 2, 7, 11, 11, 10],
            frozenset({2}),
        )
    else:
        parts.append(("\nNone: every exit recommendation was followed or deferred.\n", MUTED))
    parts.append(("\nExits taken\n", HEADING))
    if record.exits:
        parts += grid(
            ["Client", "Quarter", "Revenue 12m", "Hours 12m", "Now"],
            exit_rows(record),
            [24, 7, 11, 9, 20],
            frozenset({2, 3}),
        )
        parts.append(f"{record.exits_sentence(fmt.money(record.exits_revenue, record.currency))}\n")
        parts.append((f"{record.revenue_basis}\n", MUTED))
    else:
        parts.append(("None decided in those quarters.\n", MUTED))
    return Content.assemble(*parts)


class TrackRecordScreen(HealthScreen):
    """The record of the quarters before the one on screen; Escape goes back."""

    CSS_PATH = "track_record.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,backspace", "back", "Back"),
        Binding("j", "scroll(1)", "Scroll down", show=False),
        Binding("k", "scroll(-1)", "Scroll up", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.record: TrackRecord | None = None

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="track-body"):
            yield Fitted(Content.styled("Reading your past decisions…", MUTED), id="track")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.watch(self.app, "portfolio", self._show_portfolio)
        self.query_one("#track-body").focus()

    def _show_portfolio(self, portfolio: PortfolioScore | None) -> None:
        if portfolio is None:
            return
        if self.record is None or self.record.as_of != portfolio.as_of:
            self._load(portfolio)

    @work(thread=True, exclusive=True, exit_on_error=False, group="track-record")
    def _load(self, portfolio: PortfolioScore) -> None:
        worker = get_current_worker()
        app = self.health_app
        cursor = app.store.cursor()
        try:
            record = build_track_record(app.store, portfolio, app.settings, con=cursor)
        finally:
            cursor.close()
        if not worker.is_cancelled:
            self.post_message(TrackRecordReady(record))

    @on(TrackRecordReady)
    def _ready(self, message: TrackRecordReady) -> None:
        portfolio = self.health_app.portfolio
        if portfolio is not None and message.record.as_of != portfolio.as_of:
            return  # an older quarter's record, finished late
        self.record = message.record
        self.query_one("#track", Fitted).show(partial(record_content, message.record))

    @on(Worker.StateChanged)
    def _failed(self, event: Worker.StateChanged) -> None:
        if event.worker.group == "track-record" and event.state == WorkerState.ERROR:
            said = safe_text(f"Could not read the track record: {event.worker.error}")
            self.query_one("#track", Fitted).show(Content.styled(said, BAD))

    def action_scroll(self, lines: int) -> None:
        """j and k, as on the client screen (the arrows are the scroll area's own)."""
        self.query_one("#track-body").scroll_relative(y=lines, animate=False, immediate=True)

    def action_back(self) -> None:
        self.dismiss()
