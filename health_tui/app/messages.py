"""Messages the scoring worker posts back to the app; the only way results leave a worker thread."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from textual.message import Message

from health_tui.app.review_state import ReviewState
from health_tui.app.table_model import RowIndex
from health_tui.score_change import ScoreChange
from health_tui.scoring.models import PortfolioScore


class ScoresReady(Message):
    """A quarter was scored; `as_of` says which request this answers, so a stale one can be dropped.

    `review` holds the quarter's decisions, read in the same worker; `jobs_done` is how many store
    jobs had finished when it started, so the app can tell whether one may have been missed; `rows`
    is the table's index of the scored clients, built in the worker too; `first_start`, when
    no client had started by `as_of`, is the day the first one did (None: no client at all).
    """

    def __init__(
        self,
        portfolio: PortfolioScore,
        as_of: date,
        review: ReviewState,
        jobs_done: int,
        rows: RowIndex,
        first_start: date | None = None,
    ) -> None:
        self.portfolio = portfolio
        self.first_start = first_start
        self.as_of = as_of
        self.review = review
        self.jobs_done = jobs_done
        self.rows = rows
        super().__init__()


class RosterReady(Message):
    """The clients of the quarter being scored, by name, from one quick query: shown until the
    scores arrive (`rows` holds `ClientStub`s)."""

    def __init__(self, rows: RowIndex, as_of: date) -> None:
        self.rows = rows
        self.as_of = as_of
        super().__init__()


@dataclass(frozen=True)
class RecordedChange:
    """What the owner's latest log did to a client's score, once the quarter was scored again."""

    client_id: str
    what: str  # "logged complaint (phone, very negative)"
    change: ScoreChange
