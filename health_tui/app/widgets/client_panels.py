"""What the client screen shows, built as `Content` from a ClientScore: pure functions, no widgets.

Every string from the data goes through `safe_text` and into `Content` as a literal, so a name or a
note can never be read as markup.
"""

from __future__ import annotations

from datetime import date

from rich.cells import cell_len
from textual.content import Content

from health_tui.app import format as fmt
from health_tui.app.styles import BAND_STYLE, CANDIDATE_STYLE, HEADING, MUTED
from health_tui.app.text import safe_text
from health_tui.formatting import months_label
from health_tui.history import ClientHistory
from health_tui.scoring.measures import whole
from health_tui.scoring.models import ClientScore, data_note, signed_points

Part = str | tuple[str, str]


def title_content(c: ClientScore, width: int = 0) -> Content:
    """Name, industry and tenure: who this is before what we think of them. Where it does not fit
    `width` (when known) it breaks between two facts, never inside one."""
    years = c.tenure_days / 365.25
    phrases: list[fmt.Phrase] = [[(safe_text(c.name), "bold")]]
    if c.industry:
        phrases.append([(safe_text(c.industry), MUTED)])
    given = "" if c.start_known else "; start not given"
    phrases.append([(f"{c.since_text} ({years:.1f} years{given})", MUTED)])
    if c.ended_on:
        phrases.append([(f"ended {c.ended_on.isoformat()}", "bold $text-warning")])
    phrases.append([(f"notice {c.notice_days} days", MUTED)])
    return Content.assemble(*fmt.packed(phrases, width, "  "))


def verdict_content(c: ClientScore, width: int = 0) -> Content:
    """The verdict and, for an exit candidate, the mark; where both do not fit `width` (when
    known) the mark goes whole on the next line ("✖ exit / candidate" at 80 columns)."""
    phrases: list[fmt.Phrase] = [[(safe_text(c.verdict), BAND_STYLE[c.band])]]
    if c.fire_candidate:
        phrases.append([("✖ exit candidate", CANDIDATE_STYLE)])
    parts = fmt.packed(phrases, width, "   ")
    if c.referred_by_name:
        who = (
            f"\nreferred by {safe_text(c.referred_by_name)}: {safe_text(c.referrer_standing or '')}"
        )
        parts.append((who, MUTED))
    return Content.assemble(*parts)


def reasons_content(c: ClientScore, width: int = 0) -> Content:
    """The scoring rules' own sentences, verbatim: why, and what speaks against it. At a known
    `width` each sentence's later lines go under its first word, not under the bullet."""
    parts: list[Part] = [("Why\n", HEADING)]
    parts += [_bullet(r, width) for r in c.reasons] or [("• no reasons given\n", MUTED)]
    parts.append(("Counter-signals\n", HEADING))
    if c.counter_signals:
        parts += [_bullet(r, width) for r in c.counter_signals]
    else:
        parts.append(("• none\n", MUTED))
    return Content.assemble(*parts).rstrip()


def _bullet(sentence: str, width: int) -> str:
    return f"• {fmt.wrap_under(safe_text(sentence), width, 2)}\n"


def components_content(c: ClientScore, width: int = 0, bar_width: int = 20) -> Content:
    """One bar per component of health, its weight, and what it is made of (wrapped under its
    own indent at a known `width`)."""
    title = "Health components"
    score_end = 13 + bar_width + 4  # name, bar, score: where the score column ends
    parts: list[Part] = [
        (title, HEADING),
        (f"{'score':>{score_end - len(title)}}  weight → share\n", MUTED),
    ]
    for comp in c.components:
        name = safe_text(comp.name).replace("_", " ").ljust(13)
        weights = f"  {comp.weight:>4.0%} → {comp.effective_weight:>4.0%}\n"
        if comp.score is None:
            parts += [name, ("no data".ljust(bar_width + 4), MUTED), (weights, MUTED)]
        else:
            style = _score_style(comp.score)
            parts += [name, (fmt.bar(comp.score, bar_width), style), f" {comp.score:>3.0f}"]
            parts.append((weights, MUTED))
        parts.append((f"  {fmt.wrap_under(safe_text(comp.detail), width, 2)}\n", MUTED))
    return Content.assemble(*parts).rstrip()


def _score_style(value: float) -> str:
    if value >= 70:
        return "$text-success"
    if value >= 50:
        return "$text-warning"
    return "$text-error"


def trend_chart(c: ClientScore, height: int = 5) -> Content:
    """Health per quarter as vertical bars, oldest first, on the 0-100 scale."""
    parts: list[Part] = [("Health by quarter\n", HEADING)]
    values = [q.health for q in c.trend]
    for level in range(height, 0, -1):
        top = level / height * 100  # this row covers health from `bottom` to `top`
        bottom = (level - 1) / height * 100
        parts.append({height: "100 ", 1: "  0 "}.get(level, "    "))
        for v in values:
            if v is None or v <= bottom:
                cell = "     "
            elif v >= top:
                cell = " ███ "
            else:
                eighth = fmt.SPARK[min(7, int((v - bottom) / (top - bottom) * 8))]
                cell = f" {eighth * 3} "
            parts.append((cell, _score_style(v) if v is not None else MUTED))
        parts.append("\n")
    parts.append("    " + "".join(f"{q.quarter[2:]:^5}" for q in c.trend) + "\n")
    parts.append("    " + "".join(f"{fmt.score(q.health):^5}" for q in c.trend))
    return Content.assemble(*parts)


def moved_content(c: ClientScore, width: int = 11) -> Content:
    """Why health moved since the previous quarter, as a small waterfall: last quarter's health,
    one step per component that moved (whole points, adding up to the change), this quarter's."""
    parts: list[Part] = [("Why it moved", HEADING)]
    if c.previous_health is None or c.health is None or c.previous_quarter is None:
        reason = "no health" if c.health is None else f"no health in {c.previous_quarter}"
        return Content.assemble(*parts, (f"  {reason} to compare with", MUTED))
    now, before, moves = c.health, c.previous_health, c.moves
    parts.append((f"  since {c.previous_quarter}\n", MUTED))
    levels = [before]
    for _, v in moves:
        levels.append(levels[-1] + v)
    lo, hi = min(levels), max(levels)
    base = max(0.0, lo - max(5.0, hi - lo))  # the bars start here, so steps are visible

    def x(v: float) -> int:
        return round((v - base) / max(1.0, hi - base) * width)

    def row(label: str, value: str, start: int, end: int, style: str) -> None:
        end = max(end, start + 1)
        parts.append(f"{label:<12}")
        parts.append((f"{value:>4} ", style))
        parts.append(((" " * start) + ("█" * (end - start)) + "\n", style))

    row(c.previous_quarter, f"{before:.0f}", 0, x(before), MUTED)
    for (name, v), a, b in zip(moves, levels, levels[1:], strict=False):
        style = "$text-success" if v > 0 else "$text-error"
        row(name, signed_points(v), x(min(a, b)), x(max(a, b)), style)
    if not moves:
        parts.append(("no component moved\n", MUTED))
    label = c.trend[-1].quarter if c.active else "last quarter"
    row(label, f"{now:.0f}", 0, x(now), f"bold {BAND_STYLE[c.band]}")
    for name, _ in moves:  # the weight a component took or gave with its data, not its score's move
        if change := c.data_changed.get(name):
            parts.append((f"{name}{data_note(change)}\n", MUTED))
    return Content.assemble(*parts).rstrip()


def trend_and_moves(c: ClientScore) -> Content:
    """Health by quarter, then why it moved since the quarter before."""
    return Content.assemble(trend_chart(c), "\n\n", moved_content(c))


def effort_content(c: ClientScore, currency: str, as_of: date | None = None) -> Content:
    """Effort versus return: money in, hours out, the rate that results, and value beyond invoices.
    Where no invoice (or no time) of theirs is on record, those figures are not known, not 0.
    The 12-month figures are labelled with the months they hold `as_of` ("revenue 11m")."""
    span = months_label(as_of)
    revenue_of = c.known_revenue
    hours = c.hours_by_activity
    total = hours.total or 1.0
    parts: list[Part] = [
        ("Effort versus return", HEADING),
        (f"   {c.effort_return:.0f}/100\n", "bold")
        if c.effort_return is not None
        else ("   not enough data\n", MUTED),
    ]
    parts.append(f"{'revenue ' + span:<16}{fmt.money(c.known_revenue_12m, currency):>12}")
    if c.revenue_estimated:  # no invoice in the last four quarters
        parts.append(("  estimated from billable amounts", MUTED))
    parts.append("\n")
    if c.known_revenue_12m is None:
        parts.append((f"  {c.revenue_gap}\n", MUTED))
    # paid of the revenue above: not known where it is not, or where no invoice stands behind it
    paid = revenue_of(c.paid_12m) if c.known_revenue_12m is not None else None
    parts.append(f"{'paid ' + span:<16}{fmt.money(paid, currency):>12}\n")
    if c.time_on_record:
        # to the hundredth, as the line under the rate says the hours billed and not billed yet
        parts.append(f"{'hours ' + span:<16}{fmt.hours(c.hours_12m):>12}\n")
        for name in ("delivery", "revision", "meeting", "support", "admin"):
            value = getattr(hours, name)
            parts.append((f"  {name:<14}{value:>10,.0f} h ", MUTED))
            parts.append((fmt.bar(value / total * 100, 10) + "\n", "$text-accent"))
    else:
        parts += [f"{'hours ' + span:<16}{fmt.NO_VALUE:>12}", ("  no time on record\n", MUTED)]
    rate_style = "bold"
    if c.known_rate is not None and c.target_rate and c.known_rate < c.target_rate:
        rate_style = "bold $text-error"
    parts += [
        f"{'effective rate':<16}",
        (f"{fmt.rate(c.effective_rate, currency):>12}", rate_style if c.rate_weighed else MUTED),
        (f"  target {fmt.rate(c.target_rate, currency)}\n", MUTED),
    ]
    if not c.rate_weighed:  # beside "not enough data": the figure, but not as a fact
        parts.append((f"  {fmt.rate_not_weighed(c.hours_12m)}\n", MUTED))
    elif c.hours_not_billed and c.effective_rate is not None:  # why it is not revenue / hours
        billed, apart = fmt.hours(c.billed_hours_12m), fmt.hours(c.hours_not_billed)
        parts.append((f"  on the {billed} billed: {apart} not billed yet\n", MUTED))
    if c.margin is not None:  # on too few hours, shown as the rate is: not as a fact
        parts.append(f"{'margin':<16}")
        parts.append((f"{c.margin:>12.0%}", "" if c.rate_weighed else MUTED))
        parts.append(
            "\n" if c.rate_weighed else (f"  {fmt.rate_not_weighed(c.hours_12m)}\n", MUTED)
        )
    if c.unpaid_overdue:
        parts.append(f"{'unpaid overdue':<16}")
        parts.append((f"{fmt.money(c.unpaid_overdue, currency):>12}", "bold $text-error"))
        parts.append((f"  {fmt.plural(c.unpaid_overdue_count, 'invoice')}\n", MUTED))
    if c.avg_days_late is not None:
        parts.append(f"{'avg days late':<16}{whole(c.avg_days_late):>12.0f}\n")
    parts.append(f"{'lifetime value':<16}{fmt.money(revenue_of(c.lifetime_value), currency):>12}\n")
    parts.append(f"{'referral value':<16}{fmt.money(c.known_referral_value, currency):>12}\n")
    if c.referred:
        names = ", ".join(safe_text(n) for n in c.referred)
        parts.append((f"referred: {names}", MUTED))
    return Content.assemble(*parts).rstrip()


def invoices_content(history: ClientHistory | None, currency: str) -> Content:
    """Invoices with days late and what is still unpaid, as they stood on the as-of date: to the
    cent, as invoices are written (£1,312.50 read "£1,312" beside "owes £1,312.50" in the
    checklist); a credit note's days late are no figure, as it is never due."""
    parts: list[Part] = [("Invoices", HEADING)]
    if history is None:
        return Content.assemble(*parts, ("\nloading…", MUTED))
    if history.unpaid:
        unpaid = fmt.money(history.unpaid, currency, cents=True)
        parts.append((f"   unpaid {unpaid}", "bold $text-error"))
    parts.append("\n")
    if not history.invoices:
        return Content.assemble(*parts, ("none on record", MUTED))
    amounts = [
        fmt.money(inv.amount, inv.currency or currency, cents=True, home=currency)
        for inv in history.invoices
    ]
    lates = [
        "?" if inv.days_late is None
        else fmt.NO_VALUE if inv.status == "credit note"
        else f"{inv.days_late}d"
        for inv in history.invoices
    ]  # fmt: skip
    # as wide as the widest figure: "CHF 5,000.00", €125,000.00 or 1204d pushed their rows past
    # the header's columns
    aw = max(10, *map(cell_len, amounts))
    lw = max(4, *map(cell_len, lates))
    width = 22 + aw + 2 + 11 + lw
    parts.append(
        (f"{'issued':<11}{'due':<11}{'amount':>{aw}}  {'status':<11}{'late':>{lw}}\n", MUTED)
    )
    for inv, money, late in zip(history.invoices, amounts, lates, strict=True):
        style = {"overdue": "bold $text-error", "paid late": "$text-warning"}.get(inv.status, "")
        own = inv.currency or currency
        parts.append(f"{inv.issued_on.isoformat():<11}{inv.due_on.isoformat():<11}{money:>{aw}}  ")
        parts.append((f"{inv.status:<11}", style))  # "credit note" whole
        parts.append(f"{late:>{lw}}\n")
        # What the row has no room for (it fills the panel at 120 columns) goes on a line under
        # its amount: what it counts for in the portfolio's currency, and what is still owed.
        if own != currency or inv.unpaid:
            # at the day's rate, a figure to weigh rather than a sum owed: whole units
            converted = f"= {fmt.money(inv.converted, currency)}" if own != currency else ""
            under = f"{'':<22}{converted:>{aw}}"
            parts.append((under, MUTED))
            if inv.unpaid:
                owes = f"owes {fmt.money(inv.unpaid, own, cents=True, home=currency)}"
                if cell_len(under) + 2 + cell_len(owes) > width:  # on a line of its own
                    parts.append(("\n" + owes.rjust(width), style))
                else:
                    parts.append((f"  {owes}", style))
            parts.append("\n")
    if any(inv.taxed and inv.unpaid for inv in history.invoices):
        parts.append(("amounts without tax; what is owed with it, as the invoice says\n", MUTED))
    if any(inv.days_late is None for inv in history.invoices):
        parts.append(("? paid on a day the export did not give: how late is not known", MUTED))
    return Content.assemble(*parts).rstrip()
