"""Numbers and labels as the screens show them: short, aligned, the same on every screen."""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len, set_cell_size

from health_tui.app.text import safe_text
from health_tui.scoring.models import Archetype, Recommendation

SPARK = "▁▂▃▄▅▆▇█"
NO_VALUE = "—"

_SYMBOLS = {"EUR": "€", "USD": "$", "GBP": "£", "JPY": "¥", "CHF": "CHF "}


# Short enough for a 16-cell column at 80 columns wide.
ARCHETYPE_LABELS = {
    Archetype.champion: "champion",
    Archetype.steady: "steady",
    Archetype.extreme_critic: "extreme critic",
    Archetype.loyal_now_irritated: "loyal, irritated",
    Archetype.active_hater: "active hater",
    Archetype.problem_client: "problem client",
    Archetype.never_satisfied: "never satisfied",
    Archetype.underpriced: "underpriced",
    Archetype.struggling: "struggling",
    Archetype.drifting: "drifting",
    Archetype.dormant: "dormant",
    Archetype.new: "new",
    Archetype.former: "former",
}

RECOMMENDATION_LABELS = {r: r.value for r in Recommendation}


def symbol(currency: str) -> str:
    """The currency's sign, or its code (from the data, so made safe) followed by a space."""
    return _SYMBOLS.get(currency.upper(), f"{safe_text(currency)[:3]} ")


def money(value: float | None, currency: str = "EUR") -> str:
    """Whole units with thousands separators: '€12,345'."""
    if value is None:
        return NO_VALUE
    sign = "-" if value < 0 else ""
    return f"{sign}{symbol(currency)}{abs(value):,.0f}"


def money_short(value: float | None, currency: str = "EUR") -> str:
    """At most seven cells, for table columns: '€850', '€12.3k', '€1.2M'."""
    if value is None:
        return NO_VALUE
    sign = "-" if value < 0 else ""
    amount = abs(value)
    if amount >= 999_500:
        body = f"{amount / 1_000_000:.1f}M"
    elif amount >= 9_995:
        body = f"{amount / 1000:.0f}k"
    elif amount >= 1000:
        body = f"{amount / 1000:.1f}k"
    else:
        body = f"{amount:.0f}"
    return f"{sign}{symbol(currency)}{body}"


def rate(value: float | None, currency: str = "EUR") -> str:
    """An hourly rate: '€85/h'."""
    if value is None:
        return NO_VALUE
    return f"{symbol(currency)}{value:.0f}/h"


def score(value: float | None) -> str:
    return NO_VALUE if value is None else f"{value:.0f}"


def sparkline(values: Sequence[float | None]) -> str:
    """One block per quarter on the absolute 0-100 scale, so two clients' lines compare; '·' = no data."""
    out = []
    for v in values:
        if v is None:
            out.append("·")
        else:
            out.append(SPARK[min(len(SPARK) - 1, max(0, int(v / 100 * len(SPARK))))])
    return "".join(out)


def bar(value: float | None, width: int) -> str:
    """A horizontal bar of `width` cells for a 0-100 value, in eighths of a cell."""
    if value is None or width <= 0:
        return ""
    eighths = round(max(0.0, min(100.0, value)) / 100 * width * 8)
    full, part = divmod(eighths, 8)
    partial = " ▏▎▍▌▋▊▉"[part] if part else ""
    return ("█" * full + partial).ljust(width)


def fit(text: str, width: int) -> str:
    """Pad or cut `text` to exactly `width` cells; a cut ends in '…' so it reads as cut."""
    if cell_len(text) <= width:
        return set_cell_size(text, width)
    return set_cell_size(text, width - 1) + "…" if width > 1 else set_cell_size(text, width)
