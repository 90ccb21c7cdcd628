"""Plain renderings of a scored portfolio for the command line: an aligned table, JSON and CSV.

All three are views of the same `ClientScore` records the app and the report use.
"""

from __future__ import annotations

import csv
import io
import json

from health_tui.scoring.models import COMPONENTS, ClientScore, PortfolioScore, band_label
from health_tui.text import safe_text

CSV_COLUMNS = (
    "client_id", "name", "active", "health", "band", "coverage", "effort_return", "effective_rate",
    "revenue_12m", "lifetime_value", "referral_value", "referred_by", "archetype", "recommendation",
    "fire_candidate", "trend", "previous_quarter", "previous_health", "health_change",
    *(f"change_{name}" for name in COMPONENTS), "reasons", "counter_signals",
)  # fmt: skip


def client_json(c: ClientScore) -> dict:
    """The JSON record of a client: the model's fields, with components keyed by name."""
    data = c.model_dump(mode="json")
    data["components"] = {comp["name"]: comp for comp in data["components"]}
    return data


def render_scores(p: PortfolioScore, fmt: str, *, candidates_only: bool = False) -> str:
    clients = p.candidates() if candidates_only else p.clients
    if fmt == "json":
        return json.dumps([client_json(c) for c in clients], indent=2, ensure_ascii=False) + "\n"
    if fmt == "csv":
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(CSV_COLUMNS)
        for c in clients:
            w.writerow(map(csv_cell, [
                c.client_id, c.name, c.active, _blank(c.health), c.band.value if c.band else "",
                c.coverage, c.effort_return, _blank(c.effective_rate), c.revenue_12m,
                c.lifetime_value, c.referral_value, c.referred_by or "", c.archetype.value,
                c.recommendation.value, c.fire_candidate,
                " ".join("" if q.health is None else f"{q.health:.0f}" for q in c.trend),
                c.previous_quarter or "", _blank(c.previous_health), _blank(c.health_change),
                *(_blank(c.component_changes.get(name)) for name in COMPONENTS),
                " | ".join(c.reasons), " | ".join(c.counter_signals),
            ]))  # fmt: skip
        return buf.getvalue()
    return _table(p, clients)


def _table(p: PortfolioScore, clients: list[ClientScore]) -> str:
    header = ("client", "health", "band", "effort", "rate/h", "rev 12m", "archetype", "do", "")
    rows = [header]
    for c in sorted(clients, key=lambda c: (not c.fire_candidate, c.health is None, c.health or 0)):
        rows.append((
            _plain(c.name)[:28], "—" if c.health is None else f"{c.health:.0f}", c.band_text,
            f"{c.effort_return:.0f}",
            "" if c.effective_rate is None else f"{c.effective_rate:.0f}", f"{c.revenue_12m:,.0f}",
            c.archetype.value, c.recommendation.value, "EXIT?" if c.fire_candidate else "",
        ))  # fmt: skip
    widths = [max(len(r[i]) for r in rows) for i in range(len(header))]
    right = {1, 3, 4, 5}
    lines = [
        "  ".join(
            v.rjust(w) if i in right else v.ljust(w)
            for i, (v, w) in enumerate(zip(r, widths, strict=True))
        ).rstrip()
        for r in rows
    ]
    counts = p.band_counts()
    unscored = p.unscored()
    summary = (
        f"{p.quarter} as of {p.as_of}: {len(p.active)} active clients — "
        + ", ".join(f"{n} {b.label}" for b, n in counts.items())
        + (f", {unscored} {band_label(None)}" if unscored else "")
        + f"; {_plural(len(p.candidates()), 'exit candidate')}; revenue at risk {p.currency} {p.revenue_at_risk():,.0f}"
    )
    return summary + "\n\n" + "\n".join(lines) + "\n"


def _blank(value: float | None) -> object:
    """An empty cell for a figure that does not exist (not enough data, no quarter before)."""
    return "" if value is None else value


def csv_cell(value: object) -> object:
    """A text cell a spreadsheet would run as a formula (=, +, -, @) is prefixed with an apostrophe."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _plain(text: str) -> str:
    """Control characters and escape sequences out, so a client's name cannot drive the terminal."""
    return safe_text(text)
