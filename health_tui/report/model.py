"""The review report as data: one model that the Markdown, HTML and CSV renderings all read.

Built once from the scores (this quarter and the one before), the decisions in force, the exit
checklists and the owner's track record, so the three files cannot disagree and the renderers hold
no logic of their own.
"""

from __future__ import annotations

from datetime import date

import duckdb
from pydantic import BaseModel, ConfigDict, Field

from health_tui.dates import quarter_end, quarter_of, shift_quarter
from health_tui.formatting import half_up
from health_tui.review.decisions import DecisionRecord, current_decisions, review_queue
from health_tui.review.exits import ExitProgress, exits_in_force
from health_tui.review.track_record import TrackRecord, build_track_record
from health_tui.scoring.engine import score_two
from health_tui.scoring.models import Band, ClientScore, PortfolioScore
from health_tui.scoring.verdicts import band
from health_tui.settings import Settings
from health_tui.store import Store
from health_tui.whatif import WhatIf, exit_decisions, what_if


class BandCount(BaseModel):
    """Active clients in one band now and at the end of the previous quarter."""

    model_config = ConfigDict(frozen=True)

    band: Band
    now: int
    then: int


MOVERS = 5  # the report's "biggest movers": at most this many clients...
MIN_MOVE = 5  # ...whose health moved at least this many points since the previous quarter


class ClientLine(BaseModel):
    """A client as the report shows it: the score, last quarter's health, the decision, the exit.

    Last quarter's health is the score's own `previous_health`: the figure the trend shows for that
    quarter, which is also what scoring as of that quarter's end gave.
    """

    model_config = ConfigDict(frozen=True)

    score: ClientScore
    was_client: bool = Field(description="an active client at the end of the previous quarter")
    previous_band: Band | None = None
    decision: DecisionRecord | None = None
    exit: ExitProgress | None = None

    @property
    def previous_health(self) -> float | None:
        return self.score.previous_health if self.was_client else None

    @property
    def health_change(self) -> float | None:
        """Change since the previous quarter in whole points; None without both healths."""
        return self.score.health_change if self.was_client else None


class ReviewReport(BaseModel):
    """Everything the quarterly review report says, for one database and one as-of date."""

    model_config = ConfigDict(frozen=True)

    as_of: date
    today: date = Field(
        description="the day it was written: an exit's notice runs from it while the client is "
        "not told, and what a leaving client owes is read on it (or on as_of, if later)"
    )
    quarter: str
    previous_as_of: date
    previous_quarter: str
    currency: str
    rates: dict[str, float] = Field(
        default_factory=dict,
        description="the rate of each other currency the amounts are in ([money] rates): one "
        "worth this many of `currency`",
    )
    health_split: float = Field(description="health below this is poor (rules.exit_health_below)")
    effort_split: float = Field(description="effort/return below this is poor (exit_effort_below)")
    bands: list[BandCount]
    unscored_now: int = Field(description="active clients with not enough data (or dormant) now")
    unscored_then: int
    nothing_said: bool = Field(
        default=False, description="no active client has anything they said on record now"
    )
    time_ends: str | None = Field(
        default=None,
        description="where time entries or invoices end weeks before the date reviewed, what "
        "that does to the scores (PortfolioScore.out_of_date_text)",
    )
    active_then: int
    candidates_then: int
    revenue_at_risk_now: float | None = Field(description="None: no revenue on record")
    revenue_at_risk_then: float | None
    at_risk_not_known_now: int = Field(
        default=0, description="at-risk clients whose revenue is not known: left out of it"
    )
    at_risk_not_known_then: int = 0
    estimated_then: list[str] = Field(
        default_factory=list,
        description="active clients at the previous quarter's end whose revenue was estimated "
        "from billable amounts (its figures above stand on them too)",
    )

    clients: list[ClientLine] = Field(
        description="active clients in review order (candidates, critical, at risk, the rest; "
        "lowest health first), then former clients"
    )
    decisions: list[DecisionRecord] = Field(description="in force for the quarter, oldest first")
    exits: list[ExitProgress] = Field(description="clients leaving, oldest decision first")
    track_record: TrackRecord = Field(description="the quarters before, read back")
    exits_whatif: WhatIf | None = Field(
        default=None,
        description="the portfolio if the quarter's exit decisions go ahead; None without any",
    )

    @property
    def active(self) -> list[ClientLine]:
        return [c for c in self.clients if c.score.active]

    @property
    def estimated_now(self) -> list[str]:
        """The active clients whose revenue is estimated from billable amounts (no invoice in the
        last four quarters): named in the report's basis, marked in its tables."""
        return [c.score.name for c in self.active if c.score.revenue_estimated]

    @property
    def candidates(self) -> list[ClientLine]:
        return [c for c in self.clients if c.score.fire_candidate]

    @property
    def at_risk(self) -> list[ClientLine]:
        """The active clients critical or at risk that are no exit candidate, in review order: the
        rest of what the review walks, each written with its reasons (a 'recover' with nothing
        behind it is no verdict to share)."""
        bands = (Band.critical, Band.at_risk)
        return [c for c in self.active if not c.score.fire_candidate and c.score.band in bands]

    @property
    def movers(self) -> list[ClientLine]:
        """The active clients whose health moved most since the previous quarter, biggest first."""
        moved = [
            c
            for c in self.active
            if c.health_change is not None and abs(c.health_change) >= MIN_MOVE
        ]
        moved.sort(key=lambda c: (-abs(c.health_change or 0), c.score.name))
        return moved[:MOVERS]

    @property
    def compared(self) -> int:
        """Active clients with a health both now and at the previous quarter's end: the movers
        are found among these (none: nothing to compare, which is not "nothing moved")."""
        return sum(1 for c in self.active if c.health_change is not None)

    @property
    def left_this_quarter(self) -> list[ClientLine]:
        """Former clients whose end date falls after the previous quarter's end."""
        return [
            c
            for c in self.clients
            if not c.score.active
            and c.score.ended_on is not None
            and c.score.ended_on > self.previous_as_of
        ]

    def name_of(self, client_id: str) -> str:
        """The client's name, or its id when it was not scored (not started, or removed)."""
        line = next((c for c in self.clients if c.score.client_id == client_id), None)
        return line.score.name if line else client_id

    @property
    def revenue_at_risk_change(self) -> float | None:
        """The change of revenue at risk since the previous quarter, of the two as shown (whole
        units), so the three figures add up as written (€33,856 and €38,660 gave -€4,805); None
        where either is not known."""
        now, then = self.revenue_at_risk_now, self.revenue_at_risk_then
        # rounded as money() shows them, halves up (Python's round sent 11,992.50 to 11,992 where
        # the report showed 11,993: "CAD 12,090 | CAD 11,993 | +CAD 98")
        return None if now is None or then is None else float(half_up(now) - half_up(then))


def previous_quarter_end(as_of: date) -> date:
    """The last day of the quarter before the one containing `as_of`."""
    return quarter_end(*shift_quarter(*quarter_of(as_of), -1))


def build_report(
    store: Store,
    as_of: date,
    settings: Settings,
    *,
    today: date,
    con: duckdb.DuckDBPyConnection | None = None,
) -> ReviewReport:
    """Score now and at the previous quarter's end, and read the decisions and exit checklists;
    `today` is the caller's clock, for the earliest end date of an exit whose client is not told
    yet (`exits_in_force`). Pass `con=store.cursor()` from a worker thread (the app writes it while
    it holds the file)."""
    previous_as_of = previous_quarter_end(as_of)
    now, then = score_two(store, as_of, previous_as_of, settings, con=con)
    decisions = current_decisions(store, now.quarter, con=con)
    exits = exits_in_force(store, now, as_of, settings, today=today, con=con)
    leaving = exit_decisions(now, decisions)
    exit_by_id = {e.client_id: e for e in exits}

    ordered = review_queue(now, include_rest=True)
    ordered += sorted((c for c in now.clients if not c.active), key=lambda c: (c.name, c.client_id))
    lines = [
        _line(c, then, settings, decisions.get(c.client_id), exit_by_id.get(c.client_id))
        for c in ordered
    ]
    counts_now, counts_then = now.band_counts(), then.band_counts()
    return ReviewReport(
        as_of=as_of,
        today=today,
        quarter=now.quarter,
        previous_as_of=previous_as_of,
        previous_quarter=then.quarter,
        currency=now.currency,
        rates=_rates_used(store, settings, con),
        health_split=settings.rules.exit_health_below,
        effort_split=settings.rules.exit_effort_below,
        bands=[BandCount(band=b, now=counts_now[b], then=counts_then[b]) for b in Band],
        unscored_now=now.unscored(),
        unscored_then=then.unscored(),
        nothing_said=now.nothing_said,
        time_ends=now.out_of_date_text,
        active_then=len(then.active),
        candidates_then=len(then.candidates()),
        revenue_at_risk_now=now.revenue_at_risk(),
        revenue_at_risk_then=then.revenue_at_risk(),
        at_risk_not_known_now=now.at_risk_not_known(),
        at_risk_not_known_then=then.at_risk_not_known(),
        estimated_then=[c.name for c in then.active if c.revenue_estimated],
        clients=lines,
        decisions=list(decisions.values()),
        exits=exits,
        track_record=build_track_record(store, now, settings, con=con),
        exits_whatif=what_if(now, leaving, settings=settings) if leaving else None,
    )


def _line(
    c: ClientScore,
    then: PortfolioScore,
    settings: Settings,
    decision: DecisionRecord | None,
    exit_: ExitProgress | None,
) -> ClientLine:
    before = then.by_id(c.client_id)
    was_client = before is not None and before.active  # a former client then has nothing to compare
    return ClientLine(
        score=c,
        was_client=was_client,
        # the band of the row's own previous_health (a former client's: its quarter before its
        # last), as the CSV writes them side by side
        previous_band=None if c.previous_health is None else band(c.previous_health, settings),
        decision=decision,
        exit=exit_,
    )


def _rates_used(
    store: Store, settings: Settings, con: duckdb.DuckDBPyConnection | None
) -> dict[str, float]:
    """The rates of the currencies stored invoices and time amounts are in, besides the
    portfolio's: a report in euros of pounds and dollars said neither, nor at what rates."""
    found = store.rows("invoice_currencies", con=con) + store.rows(
        "time_amount_currencies", con=con
    )
    home, rates = settings.money.currency, settings.money.rates
    return {
        code: rates[code]
        for code in sorted({c for c, _ in found})
        if code != home and code in rates
    }
