"""The owner's past reviews of fixtures/small, recorded through the real `record_decision` with the
verdict each quarter was scored with: the track record's tests read them back as of 2026Q3."""

from __future__ import annotations

from datetime import datetime, timedelta

from health_tui.dates import quarter_end
from health_tui.review.decisions import record_decision
from health_tui.scoring.engine import score_portfolio
from health_tui.store import Store

# quarter -> (client, decision) in the order recorded; the app's verdicts those quarters:
# 2025Q4 castell exit, brightline and fernleaf reprice, meridian and quarry keep;
# 2026Q1 brightline, castell and fernleaf reprice (harbor's first months billed in arrears raised
# the portfolio's target rate);
# 2026Q2 brightline, castell and fernleaf reprice, harbor keep.
# The owner keeps where reprice is recommended, again and again (5 times in 7).
PAST = {
    (2025, 4): [("castell", "keep"), ("brightline", "keep"), ("fernleaf", "reprice"),
                ("meridian", "keep"), ("quarry", "exit")],
    (2026, 1): [("brightline", "keep"), ("castell", "keep"), ("fernleaf", "defer")],
    (2026, 2): [("brightline", "keep"), ("castell", "reprice"), ("fernleaf", "keep"),
                ("harbor", "exit"), ("harbor", "keep")],  # a change of mind: keep is in force
}  # fmt: skip


def record_past_reviews(store: Store) -> None:
    """Three reviewed quarters before 2026Q3, a decision without a verdict, and one for 2026Q3
    itself (which the record of 2026Q3 must leave out)."""
    for (year, q), decisions in PAST.items():
        end = quarter_end(year, q)
        scores = score_portfolio(store, end)
        at = datetime.combine(end + timedelta(days=3), datetime.min.time()).replace(hour=10)
        for i, (client_id, decision) in enumerate(decisions):
            record_decision(store, quarter=scores.quarter, client_id=client_id, decision=decision,
                            note=None, at=at + timedelta(minutes=i), score=scores.by_id(client_id))  # fmt: skip
    record_decision(store, quarter="2026Q2", client_id="northwind", decision="keep", note=None,
                    at=datetime(2026, 7, 3, 11, 0))  # no verdict to compare with  # fmt: skip
    now = score_portfolio(store, quarter_end(2026, 3))
    record_decision(store, quarter="2026Q3", client_id="castell", decision="exit", note=None,
                    at=datetime(2026, 10, 2, 10, 0), score=now.by_id("castell"))  # fmt: skip
