"""Messages the scoring worker posts back to the app; the only way results leave a worker thread."""

from __future__ import annotations

from datetime import date

from textual.message import Message

from health_tui.scoring.models import PortfolioScore


class ScoresReady(Message):
    """A quarter was scored; `as_of` says which request this answers, so a stale one can be dropped."""

    def __init__(self, portfolio: PortfolioScore, as_of: date) -> None:
        self.portfolio = portfolio
        self.as_of = as_of
        super().__init__()
