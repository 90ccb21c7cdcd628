"""The review report as CSV: one row per scored client, for a spreadsheet.

The first columns are exactly those of `health-tui score --format csv` (`output.CSV_COLUMNS`,
written by `output.render_scores`, so the two files always agree):

client_id, name, active, health and band (empty: not enough data), coverage, effort_return,
effective_rate, revenue_12m, lifetime_value, referral_value, referred_by, archetype, recommendation,
fire_candidate, trend (health of the five trend quarters, oldest first), previous_quarter,
previous_health (the trend's point for that quarter: health as it stood at that quarter's end),
health_change (whole points), change_satisfaction ... change_trend (each component's part of the
change, adding up to it), reasons and counter_signals (sentences joined with " | ").

Then the review's own columns:

- previous_band: the band of previous_health; empty for a client who was not an active client at
  the end of the previous quarter, or had not enough data then.
- decision, decision_note, decided_at (YYYY-MM-DD HH:MM): the decision in force for the quarter,
  empty when none is recorded.
- exit_steps_settled, exit_steps_total: exit checklist steps done or not applicable, out of all the
  steps (two numbers, not "3/10", which a spreadsheet would read as a date); empty unless the
  client's latest decision up to the quarter is exit.
- exit_steps_remaining: titles of the steps still to do, joined with " | ".
- exit_earliest_end: the decision date plus the notice period.

Rows: active clients in review order (exit candidates, critical, at risk, the rest; lowest health
first), then former clients. Text is written as is; the csv module quotes what needs quoting.
"""

from __future__ import annotations

import csv
import io

from health_tui.output import CSV_COLUMNS, csv_cell, render_scores
from health_tui.report.format import when
from health_tui.report.model import ClientLine, ReviewReport
from health_tui.scoring.models import PortfolioScore

REPORT_COLUMNS = (
    "previous_band", "decision", "decision_note",
    "decided_at", "exit_steps_settled", "exit_steps_total", "exit_steps_remaining",
    "exit_earliest_end",
)  # fmt: skip
COLUMNS = (*CSV_COLUMNS, *REPORT_COLUMNS)


def render_csv(r: ReviewReport) -> str:
    scores = PortfolioScore(
        as_of=r.as_of,
        quarter=r.quarter,
        quarters=[],
        currency=r.currency,
        target_rate=None,
        clients=[c.score for c in r.clients],  # in the report's order
    )
    score_rows = list(csv.reader(io.StringIO(render_scores(scores, "csv"))))
    if tuple(score_rows[0]) != CSV_COLUMNS:  # pragma: no cover - output.py changed its header
        raise RuntimeError("output.render_scores no longer writes output.CSV_COLUMNS first")
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(COLUMNS)
    for line, score_row in zip(r.clients, score_rows[1:], strict=True):
        w.writerow([*score_row, *map(csv_cell, _review_cells(line))])
    return buf.getvalue()


def _review_cells(c: ClientLine) -> list[object]:
    d, e = c.decision, c.exit
    return [
        c.previous_band.value if c.previous_band else "",
        d.decision.value if d else "",
        (d.note or "") if d else "",
        when(d.decided_at) if d else "",
        e.settled if e else "",
        e.total if e else "",
        " | ".join(e.remaining) if e else "",
        e.earliest_end if e else "",
    ]
