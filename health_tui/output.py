"""Plain renderings of a scored portfolio for the command line: an aligned table, JSON and CSV.

All three are views of the same `ClientScore` records the app and the report use.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

from pydantic_core import to_json

from health_tui.clients import ClientListing
from health_tui.scoring.models import COMPONENTS, ClientScore, PortfolioScore, band_label
from health_tui.text import safe_text

CSV_COLUMNS = (
    "client_id", "name", "active", "health", "band", "coverage", "effort_return", "effective_rate",
    "revenue_12m", "lifetime_value", "referral_value", "referred_by", "archetype", "recommendation",
    "fire_candidate", "trend", "previous_quarter", "previous_health", "health_change",
    *(f"change_{name}" for name in COMPONENTS), "reasons", "counter_signals",
)  # fmt: skip


def client_json(c: ClientScore) -> dict[str, Any]:
    """The JSON record of a client: the model's fields, with components keyed by name. The values
    stay as they are (numbers, dates, enums, models) for `json_text` to write by their types;
    read from the model's own field storage, five times faster than iterating the model."""
    record = vars(c).copy()
    record["components"] = {comp.name: comp for comp in c.components}
    return record


def json_text(data: object) -> str:
    """JSON indented by two, other scripts as they are, written by pydantic-core in Rust: the bytes
    `json.dumps(..., indent=2, ensure_ascii=False)` writes for every figure a score holds (whole
    points, at most four decimals; it would write 1e-05 as 0.00001) in a fifth of the time."""
    return to_json(data, indent=2).decode() + "\n"


def render_scores(p: PortfolioScore, fmt: str, *, candidates_only: bool = False) -> str:
    clients = p.candidates() if candidates_only else p.clients
    if fmt == "json":
        return json_text([client_json(c) for c in clients])
    if fmt == "csv":
        return csv_text(CSV_COLUMNS, (score_cells(c) for c in clients))
    return _table(p, clients)


def score_cells(c: ClientScore) -> list[object]:
    """A client's cells under CSV_COLUMNS: `score --format csv` and the CSV report both write these."""
    return [
        c.client_id, c.name, c.active, _blank(c.health), c.band.value if c.band else "",
        c.coverage, c.effort_return, _blank(c.effective_rate), c.revenue_12m,
        c.lifetime_value, c.referral_value, c.referred_by or "", c.archetype.value,
        c.recommendation.value, c.fire_candidate,
        " ".join("" if q.health is None else f"{q.health:.0f}" for q in c.trend),
        c.previous_quarter or "", _blank(c.previous_health), _blank(c.health_change),
        *(_blank(c.component_changes.get(name)) for name in COMPONENTS),
        " | ".join(c.reasons), " | ".join(c.counter_signals),
    ]  # fmt: skip


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


# A line that starts with one of these is run as a formula by a spreadsheet (tab and CR because some
# strip them first). Every line of a cell counts: a reader that splits rows on a bare CR or LF, or a
# cell pasted line by line, starts a new cell at each one.
_FORMULA_LINE = re.compile(r"(?:^|(?<=[\r\n]))(?=[=+\-@\t])")
_NEEDS_QUOTES = re.compile(r'[",\r\n]')


def csv_cell(value: object) -> object:
    """Text a spreadsheet would run as a formula is made inert: each such line gets an apostrophe."""
    if not isinstance(value, str):
        return value
    guarded = _FORMULA_LINE.sub("'", value)
    return "'" + guarded if guarded.startswith("\r") else guarded


def csv_text(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """CSV with LF line ends, every cell through `csv_cell`.

    A cell holding a comma, a quote, a CR or an LF is quoted (quotes doubled). Python's csv module
    quotes only the characters of its own line terminator, so a lone CR in a client's name went out
    bare and split the row.
    """
    lines = [",".join(_csv_field(v) for v in header)]
    lines += [",".join(_csv_field(csv_cell(v)) for v in row) for row in rows]
    return "\n".join(lines) + "\n"


def _csv_field(value: object) -> str:
    text = "" if value is None else str(value)
    return '"' + text.replace('"', '""') + '"' if _NEEDS_QUOTES.search(text) else text


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _plain(text: str) -> str:
    """Control characters and escape sequences out, so a client's name cannot drive the terminal."""
    return safe_text(text)
