"""Numbers and labels as every report format writes them, so the three files read alike.

Client text (names, notes, reasons that quote names) comes from imported files and the owner's
notes: `one_line` makes it inert before any format-specific escaping (Markdown or HTML) is applied.
"""

from __future__ import annotations

import re
from datetime import datetime

from health_tui.scoring.models import Band

BAND_LABELS = {
    Band.healthy: "healthy",
    Band.watch: "watch",
    Band.at_risk: "at risk",
    Band.critical: "critical",
}

# Terminal escape sequences, then C0/C1 controls and the bidi overrides that make text read
# differently than it is: a report printed with `cat` must not be able to drive the terminal.
_ESCAPE_SEQUENCE = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]?|\][^\x07\x1b]*(?:\x07|\x1b\\)?|.?)")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def one_line(text: str | None) -> str:
    """`text` as one line of plain text: escape sequences gone, line breaks and tabs as spaces."""
    if not text:
        return ""
    if not text.isprintable():
        text = _ESCAPE_SEQUENCE.sub("", text)
        text = _CONTROL.sub(lambda m: " " if m.group() in "\t\n\r\x0b\x0c" else "", text)
    return " ".join(text.split())


def money(value: float, currency: str) -> str:
    """'EUR 12,345', as the reasons write amounts."""
    sign = "-" if round(value) < 0 else ""
    return f"{sign}{currency} {abs(value):,.0f}"


def signed(value: float, digits: int = 0) -> str:
    """'+3', '-2', '0': a change, with its sign always shown."""
    text = f"{value:+.{digits}f}"
    return "0" if float(text) == 0 else text


def money_change(value: float, currency: str) -> str:
    """'+EUR 1,200', '-EUR 300', 'EUR 0'."""
    if round(value) == 0:
        return f"{currency} 0"
    return ("+" if value > 0 else "-") + money(abs(value), currency)


def plural(n: int, word: str, many: str | None = None) -> str:
    return f"{n} {word if n == 1 else many or word + 's'}"


def when(at: datetime) -> str:
    """'2026-10-02 12:00': when a decision was recorded, to the minute."""
    return at.strftime("%Y-%m-%d %H:%M")


def health_change(now: float, then: float | None) -> str:
    """'+3', '-5', '0', or 'new' for a client with no health last quarter.

    The difference of the whole numbers shown beside it, so "53 (-3)" always means 56 before.
    """
    if then is None:
        return "new"
    return signed(float(f"{now:.0f}") - float(f"{then:.0f}"))


def unpaid(count: int, amount: float, overdue: float, currency: str) -> str:
    """'nothing unpaid', '1 invoice unpaid, EUR 500 (not yet due)', '... (EUR 1,190 overdue)'."""
    if not count:
        return "nothing unpaid"
    if overdue <= 0:
        state = "not yet due"
    elif overdue >= amount:
        state = "all overdue"
    else:
        state = f"{money(overdue, currency)} overdue"
    return f"{plural(count, 'invoice')} unpaid, {money(amount, currency)} ({state})"
