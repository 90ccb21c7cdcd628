"""Numbers and labels as every report format writes them, so the three files read alike.

Client text (names, notes, reasons that quote names) comes from imported files and the owner's
notes: `one_line` makes it inert before any format-specific escaping (Markdown or HTML) is applied.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from decimal import Decimal
from typing import TYPE_CHECKING

from health_tui.dates import quarter_end, quarter_of
from health_tui.formatting import (
    hours,
    money,
    money_change,
    months_said,
    plural,
    rate,
    share,
    signed,
    some_of,
)
from health_tui.report.model import MIN_MOVE
from health_tui.scoring.models import HOURS_NOT_KNOWN, REVENUE_NOT_KNOWN
from health_tui.text import safe_text
from health_tui.whatif import DroppedClient, WhatIf

if TYPE_CHECKING:
    from health_tui.report.model import ClientLine, ReviewReport
    from health_tui.review.decisions import DecisionRecord
    from health_tui.review.exits import ExitProgress

__all__ = ["health", "health_change", "money", "money_change", "movement", "notice_text", "one_line",
           "plural", "recommended", "signed", "unpaid", "when"]  # fmt: skip


def one_line(text: str | None) -> str:
    """`text` as one line of plain text: escape sequences gone, line breaks and tabs as spaces."""
    return " ".join(safe_text(text).split()) if text else ""


def amounts_in(r: ReviewReport, esc: Callable[[str], str]) -> str:
    """ "Amounts in EUR", with the rates other currencies were converted at, where any were."""
    if not r.rates:
        return f"Amounts in {esc(r.currency)}"
    # the rate as the settings give it, whole: 1.1734567, not 1.17346; 0.0000575, not 5.75e-05
    said = ", ".join(f"{esc(code)} at {Decimal(repr(rate)):f}" for code, rate in r.rates.items())
    return f"Amounts in {esc(r.currency)} ({said} {esc(r.currency)}, the settings' [money] rates)"


def revenue_basis(r: ReviewReport, esc: Callable[[str], str]) -> str:
    """What "revenue" stands on in the report: the last four quarters' invoices, and for clients
    with none, the billable amounts of their time (named, through `esc`, now's and the previous
    quarter's), so no estimate passes for an invoice."""
    now = r.estimated_now
    # the previous quarter's figures stand on its own estimates: named too, with that quarter
    then = sorted(set(r.estimated_then) - set(now))
    estimated = [esc(one_line(n)) for n in now] + [
        f"{esc(one_line(n))} in {r.previous_quarter}" for n in then
    ]
    # within a quarter, the last four hold fewer than twelve months: said, with from when
    span = "" if r.as_of == quarter_end(*quarter_of(r.as_of)) else f" ({months_said(r.as_of)})"
    if not estimated:
        return f"revenue is the last four quarters' invoices{span}"
    shown = some_of(estimated[:3], len(estimated))
    return (
        f"revenue is the last four quarters' invoices{span}, or, for "
        f"{plural(len(estimated), 'client')} with none ({shown}), estimated from the billable "
        "amounts of their time"
    )


def no_movers(r: ReviewReport) -> str:
    """What the movers section says without a mover: nothing moved that much, or nothing to
    compare (no active client had a health then and has one now)."""
    if not r.compared:
        return (
            f"No active client has a health both now and at the end of {r.previous_quarter}: "
            "nothing to compare yet."
        )
    return f"No active client's health moved {MIN_MOVE} points or more."


def recommended(d: DecisionRecord, line: ClientLine | None) -> str:
    """What was recommended when the owner decided (kept with the decision), and what is now where
    that has moved since: "reprice (now recover)". The table said only today's, so an exit
    decided against a reprice read as decided against what came later."""
    now = line.score.recommendation.value if line else None
    if d.recommendation is None:  # decided before health-tui kept it: only today's is known
        return f"{now} (today's)" if now else ""
    then = d.recommendation
    return f"{then} (now {now})" if now and then != now else then


def when(at: datetime) -> str:
    """'2026-10-02 12:00': when a decision was recorded, to the minute."""
    return at.strftime("%Y-%m-%d %H:%M")


def health(value: float | None) -> str:
    """Health in whole points, or '—' where it does not stand (not enough data, dormant)."""
    return "—" if value is None else f"{value:.0f}"


def health_change(change: float | None, was_client: bool) -> str:
    """'+3', '-5', '0'; 'new' for a client who was not one last quarter; '—' when either quarter
    has no health. The difference of the whole numbers shown, so "53 (-3)" always means 56 before.
    """
    if not was_client:
        return "new"
    return "—" if change is None else signed(change)


def movement(now: float | None, then: float | None, moved: str | None) -> str:
    """ "83 → 74 (-9): friction −6, satisfaction −3" for the biggest movers."""
    if now is None or then is None or moved is None:
        return ""
    head = f"{then:.0f} → {now:.0f} ({signed(now - then)})"
    return head + moved[moved.index(":") :]


def unpaid(
    count: int, amount: float, overdue: float, currency: str, *, invoiced: bool = True
) -> str:
    """'nothing unpaid', '1 invoice unpaid, €500 (not yet due)', '... (€1,190 overdue)'; where the
    client has no invoice on record (`invoiced` False), nothing says so either way."""
    if not count:
        return (
            "nothing unpaid" if invoiced else "no invoice of theirs on record: check what is owed"
        )
    if overdue <= 0:
        state = "not yet due"
    elif overdue >= amount:
        state = "all overdue"
    else:
        state = f"{money(overdue, currency)} overdue"
    return f"{plural(count, 'invoice')} unpaid, {money(amount, currency)} ({state})"


def owed_text(e: ExitProgress, r: ReviewReport) -> str:
    """What a leaving client still owes, in words; "nothing unpaid" only where an invoice of
    theirs is on record (the app's checklist says the same)."""
    said = unpaid(
        e.unpaid_invoices,
        e.unpaid_amount,
        e.overdue_amount,
        r.currency,
        invoiced=e.invoiced,  # by the day the unpaid invoices are read on, as the checklist
    )
    if e.unpaid_seen_on is not None:
        said += f" (as the import of {e.unpaid_seen_on} showed them: nothing since is on record)"
    return said


def notice_text(e: ExitProgress, r: ReviewReport) -> str:
    """The notice and the earliest end date, in words. Once the client is told, the notice runs
    from that day; until then, from the day the report is written, and the sentence says so (that
    date is the one thing in the report that depends on the day it was written)."""
    days = plural(e.notice_days, "day")
    if e.told_on is not None:
        return f"Notice {days} from {e.told_on}, when they were told: earliest end date {e.earliest_end}"
    told = (
        f"today ({e.notice_from}, the day this report was written)"
        if e.notice_from == r.today
        else f"on {e.notice_from}"
    )
    return f"Notice {days}, from the day they are told (not told yet): earliest end date {e.earliest_end} if told {told}"


def at_risk(amount: float | None, not_known: int, currency: str) -> str:
    """Revenue at risk, and how many at-risk clients it leaves out: '€70,864 (+1 not known)'."""
    return money(amount, currency) + (f" (+{not_known:,} not known)" if not_known else "")


def exits_title(n: int) -> str:
    """'If the 3 exits go ahead', 'If the exit goes ahead'."""
    return "If the exit goes ahead" if n == 1 else f"If the {n:,} exits go ahead"


def gone_figures(d: DroppedClient, currency: str) -> str:
    """'(€10,840, 176.5 h)' after a leaving client's name: the figures on record, the other
    named as not known, and nothing where neither is (the sentence after says so, never '—, —')."""
    revenue = None if d.revenue_12m is None else money(d.revenue_12m, currency)
    time = None if d.hours_12m is None else hours(d.hours_12m)
    if revenue is None and time is None:
        return ""
    return f"({revenue or 'revenue not known'}, {time or 'hours not known'})"


def exits_take(w: WhatIf, strong: Callable[[str], str]) -> tuple[str, str]:
    """What the decided exits take, in words: the revenue that goes and the hours freed, each
    `strong`, and what of it is not known (never a made-up 0)."""
    n = len(w.dropped)
    revenue = (
        None
        if w.revenue_lost is None
        else f"{strong(money(w.revenue_lost, w.currency))} of revenue"
    )
    time = None if w.hours_freed is None else strong(hours(w.hours_freed))
    return (
        _taken(revenue, w.dropped_revenue_not_known, n, ("revenue", "is"), "which goes",
               REVENUE_NOT_KNOWN),
        _taken(time, w.dropped_hours_not_known, n, ("hours", "are"), "which are freed",
               HOURS_NOT_KNOWN),
    )  # fmt: skip


def _taken(
    figure: str | None, unknown: int, n: int, what: tuple[str, str], then: str, missing: str
) -> str:
    noun, verb = what
    if figure is None or unknown == n:
        return f"{noun} that {verb} not known ({missing})"
    more = f"; the {noun} of {plural(unknown, 'client')} {verb} not known" if unknown else ""
    return f"{figure}, {then}{more}"


def whatif_rows(w: WhatIf, name: Callable[[str], str]) -> list[tuple[str, str, str]]:
    """The what-if's figures as (label, now, after) in words: Markdown and HTML write these.
    `name` makes a client's name safe for the format; nothing else in the cells needs it."""
    cur = w.currency

    def largest(share_: float | None, who: str | None) -> str:
        return share(share_, name(who) if who else None)

    return [
        ("active clients", f"{w.clients_before:,}", f"{w.clients_after:,}"),
        ("revenue, last four quarters", money(w.revenue_before, cur), money(w.revenue_after_shown, cur)),
        ("hours, last four quarters", hours(w.hours_before), hours(w.hours_after_shown)),
        ("effective rate", rate(w.effective_rate_before, cur), rate(w.effective_rate_after, cur)),
        ("share of revenue from at-risk and critical clients",
         share(w.at_risk_share_before), share(w.at_risk_share_after)),
        ("largest client's share of revenue",
         largest(w.largest_client_share_before, w.largest_client_before),
         largest(w.largest_client_share_after, w.largest_client_after)),
    ]  # fmt: skip
