"""Plain renderings of a scored portfolio for the command line: an aligned table, JSON and CSV.

All three are views of the same `ClientScore` records the app and the report use.
"""

from __future__ import annotations

import csv
import io
import json

from health_tui.clients import ClientListing
from health_tui.scoring.models import ClientScore, PortfolioScore
from health_tui.text import safe_text

CSV_COLUMNS = (
    "client_id", "name", "active", "health", "band", "effort_return", "effective_rate",
    "revenue_12m", "lifetime_value", "referral_value", "archetype", "recommendation",
    "fire_candidate", "trend", "reasons", "counter_signals",
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
                c.client_id, c.name, c.active, c.health, c.band.value, c.effort_return,
                "" if c.effective_rate is None else c.effective_rate, c.revenue_12m,
                c.lifetime_value, c.referral_value, c.archetype.value, c.recommendation.value,
                c.fire_candidate,
                " ".join("" if q.health is None else f"{q.health:.0f}" for q in c.trend),
                " | ".join(c.reasons), " | ".join(c.counter_signals),
            ]))  # fmt: skip
        return buf.getvalue()
    return _table(p, clients)


def _table(p: PortfolioScore, clients: list[ClientScore]) -> str:
    header = ("client", "health", "band", "effort", "rate/h", "rev 12m", "archetype", "do", "")
    rows = [header]
    for c in sorted(clients, key=lambda c: (not c.fire_candidate, c.health)):
        rows.append((
            _plain(c.name)[:28], f"{c.health:.0f}", c.band.value, f"{c.effort_return:.0f}",
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
    summary = (
        f"{p.quarter} as of {p.as_of}: {len(p.active)} active clients — "
        + ", ".join(f"{n} {b.label}" for b, n in counts.items())
        + f"; {_plural(len(p.candidates()), 'exit candidate')}; revenue at risk {p.currency} {p.revenue_at_risk():,.0f}"
    )
    return summary + "\n\n" + "\n".join(lines) + "\n"


def render_clients(listing: list[ClientListing]) -> str:
    """`health-tui clients`: one line a client, with its rows by source and its other names."""
    rows = [("client_id", "name", "made by", "rows by source", "also known as")]
    for c in listing:
        sources = ", ".join(f"{s.source} {s.n:,}" for s in c.sources) or "no rows"
        known = [f'"{_plain(a)}"' for a in c.alias_names] + [f"id {i}" for i in c.merged_ids]
        known += [f"domain {_plain(c.domain)}"] if c.domain else []
        name = _plain(c.name)[:32] + (" (not a client)" if c.ignored else "")
        if c.ended_on is not None:
            name += f" (ended {c.ended_on})"
        rows.append((c.client_id, name, c.made_by, sources, ", ".join(known)))
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    lines = ["  ".join(v.ljust(w) for v, w in zip(r[:4], widths, strict=False)) + "  " + r[4]
             for r in rows]  # fmt: skip
    n = len(listing)
    return "\n".join(line.rstrip() for line in lines) + f"\n{_plural(n, 'client')}\n"


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
