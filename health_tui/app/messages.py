"""Messages the scoring worker posts back to the app; the only way results leave a worker thread."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from textual.message import Message

from health_tui.app.review_state import ReviewState
from health_tui.score_change import ScoreChange
from health_tui.scoring.models import PortfolioScore


class ScoresReady(Message):
    """A quarter was scored; `as_of` says which request this answers, so a stale one can be dropped.

    `review` holds the quarter's decisions, read in the same worker; `jobs_done` is how many store
    jobs had finished when it started, so the app can tell whether one may have been missed.
    """

    def __init__(
        self, portfolio: PortfolioScore, as_of: date, review: ReviewState, jobs_done: int
    ) -> None:
        self.portfolio = portfolio
        self.as_of = as_of
        self.review = review
        self.jobs_done = jobs_done
        super().__init__()


@dataclass(frozen=True)
class RecordedChange:
    """What the owner's latest log did to a client's score, once the quarter was scored again."""

    client_id: str
    what: str  # "logged complaint (phone, very negative)"
    change: ScoreChange
