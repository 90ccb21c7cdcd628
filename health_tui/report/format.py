"""Numbers and labels as every report format writes them, so the three files read alike.

Client text (names, notes, reasons that quote names) comes from imported files and the owner's
notes: `one_line` makes it inert before any format-specific escaping (Markdown or HTML) is applied.
"""

from __future__ import annotations

from datetime import datetime

from health_tui.formatting import money, money_change, plural, signed
from health_tui.text import safe_text

__all__ = ["health", "health_change", "money", "money_change", "movement", "one_line", "plural",
           "signed", "unpaid", "when"]  # fmt: skip


def one_line(text: str | None) -> str:
    """`text` as one line of plain text: escape sequences gone, line breaks and tabs as spaces."""
    return " ".join(safe_text(text).split()) if text else ""


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


def unpaid(count: int, amount: float, overdue: float, currency: str) -> str:
    """'nothing unpaid', '1 invoice unpaid, €500 (not yet due)', '... (€1,190 overdue)'."""
    if not count:
        return "nothing unpaid"
    if overdue <= 0:
        state = "not yet due"
    elif overdue >= amount:
        state = "all overdue"
    else:
        state = f"{money(overdue, currency)} overdue"
    return f"{plural(count, 'invoice')} unpaid, {money(amount, currency)} ({state})"
