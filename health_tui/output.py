"""Plain renderings of a scored portfolio for the command line: an aligned table, JSON and CSV.

All three are views of the same `ClientScore` records the app and the report use.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from typing import Any

from pydantic_core import to_json
from rich.cells import cell_len

from health_tui.clients import ClientListing
from health_tui.dates import year_months
from health_tui.formatting import (
    ESTIMATED,
    NO_VALUE,
    estimated,
    hours,
    money,
    months_label,
    plural,
    rate,
    rate_not_weighed,
    share,
)
from health_tui.scoring.models import (
    COMPONENTS,
    NOTHING_SAID,
    ClientScore,
    PortfolioScore,
    band_label,
)
from health_tui.settings import CsvStyle
from health_tui.text import cell_text, columns, cut, fill_clauses, safe_text, wrap_cells
from health_tui.whatif import WhatIf

CSV_COLUMNS = (
    "client_id", "name", "active", "health", "band", "coverage", "effort_return", "effective_rate",
    "revenue_12m", "lifetime_value", "referral_value", "avg_days_late", "unpaid_overdue",
    "unpaid_overdue_count", "referred_by", "archetype", "recommendation",
    "fire_candidate", "trend", "previous_quarter", "previous_health", "health_change",
    *(f"change_{name}" for name in COMPONENTS), "reasons", "counter_signals",
)  # fmt: skip


def client_json(c: ClientScore) -> dict[str, Any]:
    """The JSON record of a client: the model's fields, with components keyed by name, and the
    money figures the CSV leaves empty (revenue_12m, lifetime_value, referral_value) null where
    they are not known. The values stay as they are (numbers, dates, enums, models) for
    `json_text` to write by their types; read from the model's own field storage (its deferred
    fields worked out first), five times faster than iterating the model."""
    record = vars(c.settle()).copy()
    record["components"] = {comp.name: comp for comp in c.components}
    # a figure not known is null, as the CSV leaves it empty and the app and the report show it
    # as not known: 0.0 beside "invoices_on_record": false read as nothing earned
    record["revenue_12m"] = c.known_revenue_12m
    record["lifetime_value"] = c.known_revenue(c.lifetime_value)
    record["referral_value"] = c.known_referral_value
    if not c.revenue_estimated:  # said only when true (the field's exclude_if), as model_dump does
        del record["revenue_estimated"]
    if not c.hours_not_billed:  # said only where there are some (the field's exclude_if)
        del record["hours_not_billed"]
    if record["thin_evidence"] is None:  # said only where it applies (the field's exclude_if)
        del record["thin_evidence"]
    if not record["data_changed"]:  # said only where a component gained or lost its data
        del record["data_changed"]
    for said_when_false in (
        "invoices_on_record",
        "revenue_12m_on_record",
        "time_on_record",
        "referrals_on_record",
        "rate_weighed",
        "start_known",
    ):
        if record[said_when_false]:
            del record[said_when_false]
    return record


def json_text(data: object) -> str:
    """JSON indented by two, other scripts as they are, written by pydantic-core in Rust: the bytes
    `json.dumps(..., indent=2, ensure_ascii=False)` writes for every figure a score holds (whole
    points, at most four decimals; it would write 1e-05 as 0.00001) in a fifth of the time."""
    return to_json(data, indent=2).decode() + "\n"


def render_scores(
    p: PortfolioScore,
    fmt: str,
    *,
    candidates_only: bool = False,
    width: int | None = None,
    csv_style: CsvStyle = "plain",
) -> str:
    """The scores as `fmt` (json, csv, table); `width`: the terminal's, which the table then
    fits (None: as wide as its columns, for a file or a pipe); `csv_style`: the CSV's program."""
    clients = p.candidates() if candidates_only else p.clients
    if fmt == "json":
        return json_text([client_json(c) for c in clients])
    if fmt == "csv":
        return csv_text(CSV_COLUMNS, (score_cells(c) for c in clients), csv_style)
    return _table(p, clients, width)


def score_cells(c: ClientScore) -> list[object]:
    """A client's cells under CSV_COLUMNS: `score --format csv` and the CSV report both write these."""
    return [
        c.client_id, c.name, c.active, _blank(c.health), c.band.value if c.band else "",
        # a rate not weighed (a few hours' job) is empty, as effort versus return is beside it
        c.coverage, _blank(c.effort_return), _blank(c.known_rate),
        # revenue not known (no invoice of theirs for the hours of the last four quarters) and
        # lifetime value not known (none on record): empty, as a missing health is
        _blank(c.known_revenue_12m), _blank(c.known_revenue(c.lifetime_value)),
        _blank(c.known_referral_value),
        # how late it pays (empty: not known) and what is unpaid past its due date, in the
        # portfolio's currency: a Denver studio's report CSV had neither beside its exits
        _blank(c.avg_days_late), c.unpaid_overdue, c.unpaid_overdue_count,
        c.referred_by or "", c.archetype.value,
        c.recommendation.value, c.fire_candidate,
        # a quarter without a health is a dash, not an empty place: "— — 61 60 52", not "  61 60 52"
        " ".join(NO_VALUE if q.health is None else f"{q.health:.0f}" for q in c.trend),
        c.previous_quarter or "", _blank(c.previous_health), _blank(c.health_change),
        *(_blank(c.component_changes.get(name)) for name in COMPONENTS),
        " | ".join(c.reasons), " | ".join(c.counter_signals),
    ]  # fmt: skip


NAME_CELLS = 28  # a name's cells in the `score` table; the `clients` list gives it four more


# Where the terminal is narrower than the table: the columns left out first (EXIT? and the band
# repeat the verdict and the health; revenue and rate are on the client screen and in the CSV),
# then the names cut down to NAME_FIT, then the archetype, then the names down to NAME_LEAST. The
# client, health, effort and the verdict always stay.
NARROW_FIRST = ("", "band", "rev 12m", "rate")
NARROW_LAST = ("archetype",)
NAME_FIT, NAME_LEAST = 18, 12
RIGHT = frozenset({"health", "effort", "rate", "rev 12m"})


def _table(p: PortfolioScore, clients: list[ClientScore], width: int | None = None) -> str:
    header = ("client", "health", "band", "effort", "rate", "rev 12m", "archetype", "do", "")
    rows = [header]
    for c in sorted(clients, key=lambda c: (not c.fire_candidate, c.health is None, c.health or 0)):
        rows.append((
            _plain(c.name), "—" if c.health is None else f"{c.health:.0f}", c.band_text,
            "—" if c.effort_return is None else f"{c.effort_return:.0f}",
            estimated(rate(c.known_rate, p.currency), c.revenue_estimated),  # "—": not weighed
            estimated(money(c.known_revenue_12m, p.currency), c.revenue_estimated),
            c.archetype.label, c.recommendation.value, "EXIT?" if c.fire_candidate else "",
        ))  # fmt: skip
    # "rev 11m" on 30 November: the months the last four quarters hold (the column's name stays)
    lines, left_out = _fit(rows, width, {"rev 12m": f"rev {months_label(p.as_of)}"})
    counts = p.band_counts()
    unscored = p.unscored()
    summary = (
        f"{p.quarter} as of {p.as_of}: {plural(len(p.active), 'active client')} — "
        + ", ".join(f"{n:,} {b.label}" for b, n in counts.items())
        + (f", {unscored:,} {band_label(None)}" if unscored else "")
        + f"; {plural(len(p.candidates()), 'exit candidate')}; revenue at risk {money(p.revenue_at_risk(), p.currency)}"
        + ("" if p.revenue_on_record else f" (no revenue on record: {_why_no_revenue(p)})")
        + (f" (+{n:,} not known)" if (n := p.at_risk_not_known()) else "")
    )
    if p.nothing_said:
        summary += f". {NOTHING_SAID}."
    if p.out_of_date_text:
        summary += f". {p.out_of_date_text}."
    if width is not None:
        summary = "\n".join(fill_clauses(summary, width))
    said = "\n".join(lines) + "\n"
    notes = [ESTIMATED] if any(c.revenue_estimated for c in clients) else []
    if left_out:
        note = (
            f"({', '.join(left_out)} left out at {width} columns: a wider terminal, or"
            " --format csv, shows every column)"
        )
        notes.append(note)
    for note in notes:
        said += "\n".join(wrap_cells(note, width or len(note), width or len(note))) + "\n"
    return summary + "\n\n" + said


def _fit(
    rows: Sequence[tuple[str, ...]], width: int | None, titles: Mapping[str, str] | None = None
) -> tuple[list[str], list[str]]:
    """The table's lines within `width` cells (None, a file or a pipe: every column and every name
    whole), the columns left out to get there in the order above; the names are cut here, never
    earlier: to NAME_CELLS first, longer where the terminal has the room. `titles`: a column's
    header as shown, where it is not its name."""
    titles = titles or {}
    header = rows[0]
    shown_header = tuple(titles.get(name, name) for name in header)
    keep = list(header)
    longest = max((cell_len(r[0]) for r in rows[1:]), default=0)
    name_cells = NAME_CELLS if width is not None else max(NAME_CELLS, longest)

    def lay() -> list[str]:
        at = [header.index(name) for name in keep]
        shown = [tuple(shown_header[i] for i in at)] + [
            tuple(cut(r[i], name_cells) if i == 0 else r[i] for i in at) for r in rows[1:]
        ]
        return columns(shown, right=frozenset(j for j, name in enumerate(keep) if name in RIGHT))

    def fits(lines: list[str]) -> bool:
        return width is None or max(map(cell_len, lines)) <= width

    lines = lay()
    for drops, least in ((NARROW_FIRST, NAME_FIT), (NARROW_LAST, NAME_LEAST)):
        for name in drops:
            if fits(lines):
                break
            keep.remove(name)
            lines = lay()
        while not fits(lines) and name_cells > least:
            name_cells -= 1
            lines = lay()
    # the names were cut before a column went: what that column left, they get back (at 60
    # columns they were cut to 18 cells with 17 spare), and a wide terminal shows them whole
    while width is not None and name_cells < longest:
        name_cells += 1
        wider = lay()
        if not fits(wider):
            name_cells -= 1
            break
        lines = wider
    return lines, [titles.get(name, name) or "EXIT?" for name in header if name not in keep]


def _why_no_revenue(p: PortfolioScore) -> str:
    """Why no client's revenue of the last four quarters is known: no invoice imported at all, or
    none in those quarters."""
    if any(c.invoices_on_record for c in p.clients):
        return "no invoice in the last four quarters"
    return "no invoices imported"


def _blank(value: float | None) -> object:
    """An empty cell for a figure that does not exist (not enough data, no quarter before)."""
    return "" if value is None else value + 0.0  # -0.0 reads as 0


def render_clients(listing: list[ClientListing], width: int | None = None) -> str:
    """`health-tui clients`: one line a client, with its rows by source and its other names. On a
    terminal (`width`) the names are cut to fit it and the other names go on a line of their own
    under the client, wrapped to it (as a last column after names padded to the longest they
    made every line too wide for 80 columns), the rows by source too where they would leave a
    name fewer than NAME_FIT cells. Ids are never cut: commands take them. A file or a pipe gets
    every column."""
    header = ("client_id", "name", "made by", "rows by source", "also known as")
    rows: list[tuple[str, ...]] = []
    names: list[tuple[str, list[str]]] = []  # each name and what is said of it
    for c in listing:
        sources = ", ".join(f"{s.source} {s.n:,}" for s in c.sources) or "no rows"
        known = [f'"{_plain(a)}"' for a in c.alias_names] + [f"id {i}" for i in c.merged_ids]
        known += [f"domain {_plain(c.domain)}"] if c.domain else []
        facts = ["not a client"] if c.ignored else []
        facts += [f"ended {c.ended_on}"] if c.ended_on is not None else []
        names.append((_plain(c.name), facts))
        rows.append((c.client_id, "", c.made_by, sources, ", ".join(known)))
    count = f"\n{plural(len(listing), 'client')}\n"
    shown = [0, 1, 2, 3]  # the columns of the table; on a terminal the rest go below each client
    room = 10**6  # the name column's cells, what is said after a name included
    if width is not None:

        def left(columns: list[int]) -> int:
            return (
                width
                - sum(max(cell_len(r[i]) for r in [header, *rows]) for i in columns)
                - 2 * len(columns)
            )

        room = left([0, 2, 3])
        if room < NAME_FIT:
            shown, room = [0, 1, 2], left([0, 2])
        if room < NAME_LEAST:  # long export-made ids: who made it goes below too (64 at 60)
            shown, room = [0, 1], left([0])
    # what is said of a name follows it in brackets, or goes below it on a terminal where it
    # would leave the name too few cells
    brackets = ["".join(f" ({fact})" for fact in facts) for _, facts in names]
    moved = [width is not None and room - cell_len(b) < NAME_LEAST for b in brackets]
    after = ["" if down else b for b, down in zip(brackets, moved, strict=True)]
    rows = [
        (cid, cut(name, max(NAME_LEAST, min(NAME_CELLS + 4, room - cell_len(a)))) + a, *rest)
        for (cid, _, *rest), (name, _), a in zip(rows, names, after, strict=True)
    ]
    if width is None:
        return "\n".join(columns([header, *rows])) + count
    lines = columns([[r[i] for i in shown] for r in [header, *rows]])
    out = lines[:1]
    below = max(width - len(AKA_INDENT), NAME_FIT)
    for line, row, (_, facts), down in zip(lines[1:], rows, names, moved, strict=True):
        out.append(line)
        said = [", ".join(facts)] if down and facts else []
        said += [f"made by {row[2]}"] if 2 not in shown else []
        said += [f"rows {row[3]}"] if 3 not in shown else []
        said += [f"also known as {row[4]}"] if row[4] else []
        if said:
            out += [AKA_INDENT + part for part in wrap_cells(" · ".join(said), below, below)]
    return "\n".join(out) + count


AKA_INDENT = "    "  # the other names' line under a client, on a terminal


# A line that starts with one of these is run as a formula by a spreadsheet (tab and CR because some
# strip them first). Every line of a cell counts: a reader that splits rows on a bare CR or LF, or a
# cell pasted line by line, starts a new cell at each one.
_FORMULA_LINE = re.compile(r"(?:^|(?<=[\r\n]))(?=[=+\-@\t])")
_NEEDS_QUOTES = re.compile(r'[",\r\n]')


def csv_cell(value: object) -> object:
    """Text a spreadsheet would run as a formula is made inert: each such line gets an apostrophe;
    escape sequences and control characters a terminal would act on are removed (`cell_text`)."""
    if not isinstance(value, str):
        return value
    return _FORMULA_LINE.sub("'", cell_text(value))


def csv_text(
    header: Sequence[str], rows: Iterable[Sequence[object]], style: CsvStyle = "plain"
) -> str:
    """CSV with LF line ends, every cell through `csv_cell`, written for `style`'s program
    (settings.Csv): "excel" starts with a byte-order mark, "excel-eu" also separates cells with
    semicolons and writes numbers with a decimal comma (text is left as it is).

    A cell holding the separator, a quote, a CR or an LF is quoted (quotes doubled). Python's csv
    module quotes only the characters of its own line terminator, so a lone CR in a client's name
    went out bare and split the row.
    """
    sep, point = (";", ",") if style == "excel-eu" else (",", ".")
    lines = [sep.join(_csv_field(v, sep, point) for v in header)]
    lines += [sep.join(_csv_field(csv_cell(v), sep, point) for v in row) for row in rows]
    return ("\ufeff" if style != "plain" else "") + "\n".join(lines) + "\n"


def _csv_field(value: object, sep: str = ",", point: str = ".") -> str:
    if value is None:
        return ""
    if isinstance(value, float | Decimal) and point != ".":
        return str(value).replace(".", point)
    text = str(value)
    needs_quotes = _NEEDS_QUOTES.search(text) or (sep != "," and sep in text)
    return '"' + text.replace('"', '""') + '"' if needs_quotes else text


def _plain(text: str) -> str:
    """Control characters and escape sequences out, so a client's name cannot drive the terminal."""
    return safe_text(text)


def render_whatif(w: WhatIf, fmt: str, width: int | None = None) -> str:
    """`health-tui whatif`: the figures before and after, as a table or as JSON; on a terminal
    (`width`) its sentences are broken between clauses to fit it (`fill_clauses`)."""
    if fmt == "json":
        return json_text(w.model_dump(mode="json"))
    cur = w.currency

    def amount(v: float | None) -> str:
        return money(v, cur)

    def hourly(v: float | None) -> str:
        return rate(v, cur)

    # on a terminal, names cut (with "…", in cells: a CJK name is twice its letters) to fit it
    # beside the figures; to a file or a pipe, whole (it cut at 32 letters with no mark, and a
    # CJK name pushed the figures out of line)
    # the largest client's name beside its share, in one of the two figure columns: what the
    # widest label and the gaps leave, halved, less "100% ()"
    label = len("at-risk share of revenue") + 2 * 2
    who_room = None if width is None else max(8, (width - label) // 2 - len("100% ()"))

    def largest(v: float | None, who: str | None) -> str:
        named = _plain(who) if who else None
        return share(v, cut(named, who_room) if named and who_room else named, tight=True)

    title = f"What if, {w.quarter} as of {w.as_of} (the last four quarters, in {cur})"
    # what the last four quarters hold as of the day: 12 months at a quarter's end, 9 on its first
    span = f"{year_months(w.as_of)} months"
    lines = [*(fill_clauses(title, width) if width else [title]), ""]
    if w.dropped:
        names = [_plain(d.name) for d in w.dropped]
        if width is not None:  # beside two figures: "  ", "€999,999", "  ", "9,999.5 h", "  "
            names = [cut(n, max(8, width - 27)) for n in names]
        lines.append(f"{plural(len(w.dropped), 'client')} let go:")
        let_go = [(n, amount(d.revenue_12m), hours(d.hours_12m))
                  for n, d in zip(names, w.dropped, strict=True)]  # fmt: skip
        lines += ["  " + line for line in columns(let_go, right=frozenset({1, 2}))]
        lost = f"revenue lost ({span})  {amount(w.revenue_lost)}"
        if basis := w.revenue_lost_basis:  # an estimate is not money invoiced: said beside it
            lost += f" ({basis})"
        lines += [
            "",
            *(fill_clauses(lost, width) if width else [lost]),
            f"hours freed ({span})   {hours(w.hours_freed)}",
            "",
        ]
    rows = [
        ("", "before", "after"),
        ("active clients", f"{w.clients_before:,}", f"{w.clients_after:,}"),
        (f"revenue ({span})", amount(w.revenue_before), amount(w.revenue_after_shown)),
        (f"hours ({span})", hours(w.hours_before), hours(w.hours_after_shown)),
        ("effective rate", hourly(w.effective_rate_before), hourly(w.effective_rate_after)),
        ("at-risk share of revenue", share(w.at_risk_share_before, tight=True),
         share(w.at_risk_share_after, tight=True)),
        ("largest client's share",
         largest(w.largest_client_share_before, w.largest_client_before),
         largest(w.largest_client_share_after, w.largest_client_after)),
    ]  # fmt: skip
    lines += [line.rstrip() for line in columns(rows, right=frozenset({1, 2}))]
    sentences = list(w.caveats)
    for p in w.reprices:
        sentences.append(
            f"Reprice {_plain(p.name)} {p.percent:+g}%: revenue {amount(p.revenue_12m_before)} → "
            f"{amount(p.revenue_12m_after)}, rate {hourly(p.effective_rate_before)} → "
            f"{hourly(p.effective_rate_after)}"
            + ("" if p.rate_weighed else f" ({rate_not_weighed(p.hours_12m)})")
            + f" (target {hourly(p.target_rate)}), effort versus return"
            + _effort_move(p.effort_return_before, p.effort_return_after)
        )
    for sentence in sentences:
        lines += ["", *(fill_clauses(sentence, width) if width else [sentence])]
    return "\n".join(lines) + "\n"


def _effort_move(before: float | None, after: float | None) -> str:
    if before is None or after is None:
        return ": not enough data"
    return f" {before:.0f} → {after:.0f}"
