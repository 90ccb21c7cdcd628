"""The review report as CSV: one row per scored client, for a spreadsheet.

The first columns are exactly those of `health-tui score --format csv` (`output.CSV_COLUMNS`, the
cells of `output.score_cells`, so the two files always agree):

client_id, name, active, health and band (empty: not enough data), coverage, effort_return and
effective_rate (empty: not enough data; the rate also where it stands on fewer hours than [rules]
min_hours, not weighed), revenue_12m, lifetime_value, referral_value (each empty where not known:
no invoice of theirs, or of a client they referred, on record; revenue_12m also for hours in the
last four quarters with no invoice of theirs in them), avg_days_late (how late they paid over the
last four quarters; empty: not known), unpaid_overdue and unpaid_overdue_count (what is unpaid past
its due date on the day scored, in the portfolio's currency), referred_by, archetype, recommendation,
fire_candidate, trend (health of the five trend quarters, oldest first, "—" for a quarter without
one), previous_quarter, previous_health (the trend's point for that quarter: health as it stood at
that quarter's end), health_change (whole points), change_satisfaction ... change_trend (each
component's part of the change, adding up to it), reasons and counter_signals (sentences joined
with " | ").

Then the review's own columns:

- previous_band: the band of previous_health (for a former client, of its quarter before its last,
  as previous_quarter says); empty where previous_health is.
- decision, decision_note, decided_at (YYYY-MM-DD HH:MM): the decision in force for the quarter,
  empty when none is recorded.
- exit_steps_settled, exit_steps_total: exit checklist steps done or not applicable, out of all the
  steps (two numbers, not "3/10", which a spreadsheet would read as a date); empty unless the
  client's latest decision up to the quarter is exit.
- exit_steps_remaining: the steps still to do, each with your note where it has one ("Fulfil
  outstanding obligations (Finish the booking widget by end of July)"), one step a line of the
  cell, as exit_steps_done.
- exit_steps_done: the steps settled, each with how and when and your note ("Read the contract:
  done 2026-10-02 (Clause 9: 30 days)"), one step a line of the cell: a note may hold " | " (or
  any other separator but a line break), and each step is written on one line (a line break in
  its note as a space), so every line of the cell is one step whole.
- exit_earliest_end: the first working day once the notice period has run from exit_notice_from.
- exit_told_on: the day the client was told (the "Tell the client" step's date); empty while they
  are not told.
- exit_notice_from: the day the notice runs from: exit_told_on, or while that is empty, the day the
  report was written (never before the decision), so an untold exit's end date holds only if they
  are told that day.
- hours_12m: every hour of the last four quarters, billable or not, beside revenue_12m: summed over
  the active rows whose decision is exit, the two give "If the N exits go ahead" of the Markdown
  and HTML reports (the revenue lost and the hours freed); the rest of the rows, what is left.
- hours_not_billed: of hours_12m, the time not billed yet of a client begun in the last four
  quarters and billed after the work (its hours from its last invoice on); empty for any other
  client. Its effective_rate is revenue_12m over the other hours, those its invoices bill.

Rows: active clients in review order (exit candidates, critical, at risk, the rest; lowest health
first), then former clients. Text is written as is, except that a line a spreadsheet would run as a
formula gets an apostrophe (`output.csv_cell`); a cell holding a comma, quote, CR or LF is quoted.
"""

from __future__ import annotations

from health_tui.output import CSV_COLUMNS, csv_text, score_cells
from health_tui.report.format import when
from health_tui.report.model import ClientLine, ReviewReport
from health_tui.settings import CsvStyle
from health_tui.text import safe_text

REPORT_COLUMNS = (
    "previous_band", "decision", "decision_note",
    "decided_at", "exit_steps_settled", "exit_steps_total", "exit_steps_remaining", "exit_steps_done",
    "exit_earliest_end", "exit_told_on", "exit_notice_from", "hours_12m", "hours_not_billed",
)  # fmt: skip
COLUMNS = (*CSV_COLUMNS, *REPORT_COLUMNS)


def render_csv(r: ReviewReport, style: CsvStyle = "plain") -> str:
    """`style`: the program the file is for ([csv] style: plain, excel, excel-eu)."""
    rows = ([*score_cells(c.score), *_review_cells(c)] for c in r.clients)
    return csv_text(COLUMNS, rows, style)


def _review_cells(c: ClientLine) -> list[object]:
    d, e = c.decision, c.exit
    return [
        c.previous_band.value if c.previous_band else "",
        d.decision.value if d else "",
        (d.note or "") if d else "",
        when(d.decided_at) if d else "",
        e.settled if e else "",
        e.total if e else "",
        _one_a_line(e.todo) if e else "",
        _one_a_line(e.done) if e else "",
        e.earliest_end if e else "",
        (e.told_on or "") if e else "",
        e.notice_from if e else "",
        "" if c.score.known_hours(c.score.hours_12m) is None else c.score.hours_12m,
        c.score.hours_not_billed or "",
    ]


def _one_a_line(steps: list[str]) -> str:
    """The steps one a line: a note's own " | " cannot be read as the end of a step, and a line
    break in a note, made a space, cannot either; a spreadsheet shows each step on its own line."""
    return "\n".join(safe_text(step) for step in steps)
