"""The review report as one standalone HTML page: inline CSS and SVG, no script, nothing fetched.

It must open offline years from now and be safe to mail: every piece of text goes through
`html.escape` (client names, notes and reasons come from imported files), and the page links to
nothing outside itself.
"""

from __future__ import annotations

from html import escape

from health_tui.formatting import ESTIMATED, estimated
from health_tui.report.chart import BAND_COLOURS, chart_svg, charted
from health_tui.report.format import (
    amounts_in,
    at_risk,
    exits_take,
    exits_title,
    gone_figures,
    health,
    health_change,
    money,
    money_change,
    movement,
    no_movers,
    notice_text,
    one_line,
    owed_text,
    plural,
    recommended,
    revenue_basis,
    signed,
    whatif_rows,
    when,
)
from health_tui.report.model import ClientLine, ExitProgress, ReviewReport
from health_tui.report.track_record import (
    FOLLOWED_HEADER,
    exit_cells,
    exit_header,
    followed_cells,
    kept_cells,
    kept_header,
)
from health_tui.scoring.models import NOT_ENOUGH_DATA, NOTHING_SAID, Band

CSS = """
:root { color-scheme: light; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1d1d1f;
       background: #fff; margin: 0; }
main { max-width: 72rem; margin: 0 auto; padding: 1.5rem 1.25rem 3rem; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.25rem; margin: 2.2rem 0 .6rem; padding-bottom: .2rem;
     border-bottom: 1px solid #ddd; }
h3 { font-size: 1.05rem; margin: 1.2rem 0 .3rem; }
p.lede { color: #444; margin-top: 0; }
table { border-collapse: collapse; margin: .4rem 0 1rem; font-size: .92rem; }
th, td { padding: .3rem .6rem; border-bottom: 1px solid #e3e3e3; text-align: left;
         vertical-align: top; }
th { background: #f4f4f5; font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.band { display: inline-block; padding: 0 .45rem; border-radius: .6rem; color: #fff;
        font-size: .85em; white-space: nowrap; }
.candidate { font-weight: 700; color: #8e1c1c; }
.muted { color: #666; }
article { border: 1px solid #e3e3e3; border-radius: .4rem; padding: .2rem 1rem .6rem;
          margin: .8rem 0; break-inside: avoid; }
article h3 { margin-top: .6rem; }
ul { margin: .2rem 0 .6rem; padding-left: 1.3rem; }
figure { margin: .5rem 0; break-inside: avoid; }
figure svg { max-width: 100%; height: auto; }
figcaption { color: #555; font-size: .88rem; }
.bar { display: inline-block; width: 10rem; height: .7rem; background: #eee; border-radius: .35rem;
       vertical-align: middle; overflow: hidden; margin-right: .4rem; }
.bar span { display: block; height: 100%; background: #2e7d32; }
.scroll { overflow-x: auto; }
p.pattern { border-left: 4px solid #b58900; background: #fdf6e3; padding: .4rem .7rem; }
@media print {
  @page { size: A4; margin: 14mm; }
  body { font-size: 10pt; }
  main { padding: 0; }
  table { font-size: 8.5pt; }
  th, td { padding: .15rem .3rem; }
  h2 { break-after: avoid; }
}
""".strip()


def h(text: object) -> str:
    """Any text, escaped for HTML (quotes too, so it is safe in attributes)."""
    return escape(one_line(str(text)), quote=True)


def render_html(r: ReviewReport) -> str:
    title = f"Quarterly client review: {r.quarter}"
    body = "\n".join(
        [
            f"<h1>{h(title)}</h1>",
            _lede(r),
            _portfolio(r),
            _chart(r),
            _clients(r),
            _movers(r),
            _candidates(r),
            _at_risk(r),
            _decisions(r),
            _exits_whatif(r),
            _exits(r),
            _track_record(r),
        ]
    )
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{h(title)}</title>\n<style>\n{CSS}\n</style>\n</head>\n<body>\n<main>\n"
        f"{body}\n</main>\n</body>\n</html>\n"
    )


def _table(
    header: list[str], rows: list[list[str]], numeric: set[int] | frozenset = frozenset()
) -> str:
    """A table from cells that are already HTML; columns in `numeric` are right-aligned."""

    def cls(i: int) -> str:
        return ' class="num"' if i in numeric else ""

    head = "".join(f"<th{cls(i)}>{cell}</th>" for i, cell in enumerate(header))
    body = "\n".join(
        "<tr>" + "".join(f"<td{cls(i)}>{cell}</td>" for i, cell in enumerate(row)) + "</tr>"
        for row in rows
    )
    return (
        f'<div class="scroll"><table>\n<thead><tr>{head}</tr></thead>\n<tbody>\n{body}\n'
        "</tbody>\n</table></div>"
    )


def _band(band: Band | None) -> str:
    if band is None:
        return f'<span class="muted">{h(NOT_ENOUGH_DATA)}</span>'
    return f'<span class="band" style="background:{BAND_COLOURS[band]}">{h(band.label)}</span>'


def _lede(r: ReviewReport) -> str:
    return (
        f'<p class="lede">As of {h(r.as_of)}, compared with {h(r.previous_quarter)} '
        f"(as of {h(r.previous_as_of)}). {amounts_in(r, h)}; {revenue_basis(r, h)}. "
        f"An exit candidate has health below {h(f'{r.health_split:g}')} and "
        f"effort versus return below {h(f'{r.effort_split:g}')}, with no counter-signal that "
        "outweighs them.</p>"
    )


def _portfolio(r: ReviewReport) -> str:
    def row(label: str, now: int, then: int) -> list[str]:
        return [label, f"{now:,}", f"{then:,}", h(signed(now - then))]

    rows = [row("active clients", len(r.active), r.active_then)]
    rows += [row(_band(b.band), b.now, b.then) for b in r.bands]
    if r.unscored_now or r.unscored_then:
        rows.append(row(_band(None), r.unscored_now, r.unscored_then))
    rows.append(row("exit candidates", len(r.candidates), r.candidates_then))
    rows.append(
        ["revenue at risk (at risk and critical)",
         h(at_risk(r.revenue_at_risk_now, r.at_risk_not_known_now, r.currency)),
         h(at_risk(r.revenue_at_risk_then, r.at_risk_not_known_then, r.currency)),
         h(money_change(r.revenue_at_risk_change, r.currency))]
    )  # fmt: skip
    table = _table(["", h(r.quarter), h(r.previous_quarter), "change"], rows, {1, 2, 3})
    text = f"<section>\n<h2>Portfolio</h2>\n{table}"
    if r.nothing_said:
        text += f"\n<p>{h(NOTHING_SAID)}.</p>"
    if r.time_ends:
        text += f"\n<p>{h(r.time_ends)}.</p>"
    left = r.left_this_quarter
    if left:
        names = ", ".join(f"{h(c.score.name)} (ended {h(c.score.ended_on)})" for c in left)
        text += f"\n<p>Left since the end of {h(r.previous_quarter)}: {names}.</p>"
    return text + "\n</section>"


def _not_charted(r: ReviewReport) -> str:
    """Who the chart leaves off, counted: no client disappears without a word."""
    no_effort = sum(1 for c in r.active if c.score.health is not None and not charted(c))
    parts = [f"{r.unscored_now} with {NOT_ENOUGH_DATA} to score health"] if r.unscored_now else []
    if no_effort:
        parts.append(f"{no_effort} with {NOT_ENOUGH_DATA} for effort versus return")
    return f" Not shown: {'; '.join(parts)}." if parts else ""


def _chart(r: ReviewReport) -> str:
    return (
        "<section>\n<h2>Health against effort versus return</h2>\n<figure>\n"
        f"{chart_svg(r)}\n<figcaption>Each active client as of {h(r.as_of)}: health up, effort "
        f"versus return to the right. The dashed lines are the exit thresholds (health "
        f"{h(f'{r.health_split:g}')}, effort versus return {h(f'{r.effort_split:g}')}); ringed "
        "points are exit candidates. Point at a client for its figures."
        + _not_charted(r)
        + "</figcaption>\n"
        "</figure>\n</section>"
    )


def _clients(r: ReviewReport) -> str:
    header = ["client", "health", f"vs {h(r.previous_quarter)}", "band", "effort / return",
              "revenue", "archetype", "recommended", "decision", "exit"]  # fmt: skip
    if not r.active:
        return (
            "<section>\n<h2>Active clients</h2>\n"
            f"<p>No active client as of {h(r.as_of)}.</p>\n</section>"
        )
    rows = [_client_row(c, r) for c in r.active]
    return (
        '<section>\n<h2>Active clients</h2>\n<p class="muted">Exit candidates first, then '
        "critical, at risk and the rest, lowest health first.</p>\n"
        + _table(header, rows, {1, 2, 4, 5})
        + (f'\n<p class="muted">{h(ESTIMATED)}.</p>' if r.estimated_now else "")
        + "\n</section>"
    )


def _client_row(c: ClientLine, r: ReviewReport) -> list[str]:
    s = c.score
    recommended = h(s.recommendation.value)
    if s.fire_candidate:
        recommended = f'<span class="candidate">{recommended} (candidate)</span>'
    return [
        h(s.name),
        h(health(s.health)),
        h(health_change(c.health_change, c.was_client)),
        _band(s.band) if s.band else f'<span class="muted">{h(s.band_text)}</span>',
        health(s.effort_return),
        h(estimated(money(s.known_revenue_12m, r.currency), s.revenue_estimated)),
        h(s.archetype.label),
        recommended,
        h(c.decision.decision.value) if c.decision else "",
        f"{c.exit.settled}/{c.exit.total}" if c.exit else "",
    ]


def _list(items: list[str]) -> str:
    return "<ul>\n" + "\n".join(f"<li>{h(item)}</li>" for item in items) + "\n</ul>"


def _movers(r: ReviewReport) -> str:
    title = f"Biggest movers since {r.previous_quarter}"
    if not r.movers:
        return f"<section>\n<h2>{h(title)}</h2>\n<p>{h(no_movers(r))}</p>\n</section>"
    items = "\n".join(
        f"<li><strong>{h(c.score.name)}</strong>: "
        f"{h(movement(c.score.health, c.previous_health, c.score.moved_text))}</li>"
        for c in r.movers
    )
    return (
        f'<section>\n<h2>{h(title)}</h2>\n<p class="muted">What moved each health, component by '
        f"component, in health points.</p>\n<ul>\n{items}\n</ul>\n</section>"
    )


def _candidates(r: ReviewReport) -> str:
    none = f"No client is an exit candidate as of {r.as_of}."
    return _section("Exit candidates", r.candidates, r, none=none, counters=True)


def _at_risk(r: ReviewReport) -> str:
    none = f"No other client is critical or at risk as of {r.as_of}."
    lead = "The clients the review walks after the exit candidates."
    return _section("Critical and at risk", r.at_risk, r, none=none, lead=lead, counters=False)


def _section(
    title: str,
    lines: list[ClientLine],
    r: ReviewReport,
    *,
    none: str,
    lead: str | None = None,
    counters: bool,
) -> str:
    """A section of clients each written out (`_client_article`), or the sentence saying none."""
    if not lines:
        return f"<section>\n<h2>{h(title)}</h2>\n<p>{h(none)}</p>\n</section>"
    said = f'<p class="muted">{h(lead)}</p>\n' if lead else ""
    articles = "\n".join(_client_article(c, r, counters=counters) for c in lines)
    return f"<section>\n<h2>{h(f'{title} ({len(lines):,})')}</h2>\n{said}{articles}\n</section>"


def _client_article(c: ClientLine, r: ReviewReport, *, counters: bool) -> str:
    """A client's verdict, decision, what moved its health and its reasons (and, for an exit
    candidate, the counter-signals weighed)."""
    s = c.score
    if c.decision:
        decided = (
            f"Decided: <strong>{h(c.decision.decision.value)}</strong> on "
            f"{h(when(c.decision.decided_at))}."
        )
    else:
        decided = f"No decision recorded for {h(r.quarter)} yet."
    moved = f"<p>{h(s.moved_text[0].upper() + s.moved_text[1:])}.</p>\n" if s.moved_text else ""
    weighed = (
        f"<p><strong>Counter-signals weighed</strong></p>\n{_list(s.counter_signals or ['none'])}\n"
        if counters
        else ""
    )
    return (
        f"<article>\n<h3>{h(s.name)}</h3>\n<p>{h(s.verdict)}. {decided}</p>\n{moved}"
        f"<p><strong>Reasons</strong></p>\n{_list(s.reasons)}\n{weighed}</article>"
    )


def _decisions(r: ReviewReport) -> str:
    if r.decisions:
        decided = sum(1 for c in r.active if c.decision)
        summary = f"Decided: {decided:,} of {h(plural(len(r.active), 'active client'))}"
    else:
        summary = f"No decision recorded for {h(r.quarter)} yet"
    pending = [h(c.score.name) for c in r.candidates if c.decision is None]
    if pending:
        summary += "; exit candidates still to decide: " + ", ".join(pending)
    text = f"<section>\n<h2>Decisions for {h(r.quarter)}</h2>\n<p>{summary}.</p>"
    if not r.decisions:
        return text + "\n</section>"
    by_id = {c.score.client_id: c for c in r.clients}
    rows = []
    for d in r.decisions:
        rows.append(
            [h(r.name_of(d.client_id)), f"<strong>{h(d.decision.value)}</strong>",
             h(recommended(d, by_id.get(d.client_id))), h(when(d.decided_at)),
             h(d.note) if d.note else '<span class="muted">—</span>']
        )  # fmt: skip
    table = _table(["client", "decision", "recommended", "recorded", "note"], rows)
    return f"{text}\n{table}\n</section>"


def _exits(r: ReviewReport) -> str:
    if not r.exits:
        return (
            "<section>\n<h2>Exit checklists</h2>\n<p>No client is leaving: no exit decided up to "
            f"{h(r.quarter)}.</p>\n</section>"
        )
    articles = "\n".join(_exit(e, r) for e in r.exits)
    return f"<section>\n<h2>Exit checklists ({len(r.exits):,})</h2>\n{articles}\n</section>"


def _exit(e: ExitProgress, r: ReviewReport) -> str:
    share = 100 * e.settled / e.total if e.total else 100
    owed = owed_text(e, r)
    decided = f"Decided for {h(e.quarter)} on {h(when(e.decided_at))}" + (
        f": {h(e.note)}" if e.note else "."
    )
    todo = _list(e.todo) if e.todo else "<p>Nothing: every step is settled.</p>"
    return (
        f"<article>\n<h3>{h(e.name)}</h3>\n"
        f'<p><span class="bar"><span style="width:{share:.0f}%"></span></span>'
        f"{h(e.label)}: {e.settled} of {e.total} steps done or not applicable.</p>\n"
        f"<ul>\n<li>{decided}</li>\n"
        f"<li>{h(notice_text(e, r))}.</li>\n"
        f"<li>As of {h(e.unpaid_on)}: {h(owed)}.</li>\n</ul>\n"
        f"<p><strong>Still to do</strong></p>\n{todo}\n"
        + (f"<p><strong>Settled</strong></p>\n{_list(e.done)}\n" if e.done else "")
        + "</article>"
    )


def _escaped_table(header: list[str], rows: list[list[str]], numeric: set[int]) -> str:
    """A table of plain-text cells, every one escaped here."""
    return _table([h(x) for x in header], [[h(x) for x in row] for row in rows], numeric)


def _track_record(r: ReviewReport) -> str:
    t = r.track_record
    if t.empty:
        return f"<section>\n<h2>Your track record</h2>\n<p>{h(t.nothing_yet)}</p>\n</section>"

    def plain(text: str) -> str:  # escaped once, by _escaped_table
        return text

    parts = [
        "<section>\n<h2>Your track record</h2>",
        f"<p>The decisions of the quarters before {h(t.quarter)}, read back against "
        f"{h(t.quarter)} as scored. {h(t.summary)}</p>",
        *(
            f'<p class="pattern"><strong>A rule you keep overriding.</strong> {h(p.sentence)}</p>'
            for p in t.patterns
        ),
        "<h3>How often each recommendation was followed</h3>",
        _escaped_table(FOLLOWED_HEADER, [followed_cells(f) for f in t.followed], {1, 2, 3, 5}),
        "<h3>Kept against an exit recommendation</h3>",
    ]
    if t.kept:
        parts.append(
            f'<p class="muted">Health and effort versus return when first kept, and in '
            f"{h(t.quarter)}.</p>"
        )
        rows = [kept_cells(k, plain) for k in t.kept]
        parts.append(_escaped_table(kept_header(t), rows, {2, 4, 5, 6, 7, 8, 9}))
    else:
        parts.append("<p>None: every exit recommendation was followed or deferred.</p>")
    parts.append("<h3>Exits taken</h3>")
    if t.exits:
        rows = [exit_cells(e, t, plain) for e in t.exits]
        parts.append(_escaped_table(exit_header(t), rows, {2, 3}))
        sentence = t.exits_sentence(money(t.exits_revenue, t.currency))
        parts.append(f'<p>{h(sentence)} <span class="muted">{h(t.revenue_basis)}</span></p>')
    else:
        parts.append("<p>None decided in those quarters.</p>")
    return "\n".join(parts) + "\n</section>"


def _exits_whatif(r: ReviewReport) -> str:
    w = r.exits_whatif
    if w is None:
        return (
            f"<section>\n<h2>If the exits go ahead</h2>\n<p>No exit decided for {h(r.quarter)}: "
            "the portfolio stays as it is.</p>\n</section>"
        )
    gone = ", ".join(
        " ".join(filter(None, (h(d.name), h(gone_figures(d, w.currency))))) for d in w.dropped
    )
    brought, took = exits_take(w, lambda figure: f"<strong>{h(figure)}</strong>")
    lead = (
        f"<p>Decided exit for {h(r.quarter)}: {gone}. Over the last four quarters they brought "
        f"{brought}, and took {took}.</p>"
    )
    rows = [[h(cell) for cell in cells] for cells in whatif_rows(w, one_line)]
    table = _table(["", "now", "after the exits"], rows, {1, 2})
    notes = "".join(f'\n<p class="muted">{h(c)}</p>' for c in w.table_caveats)
    return (
        f"<section>\n<h2>{h(exits_title(len(w.dropped)))}</h2>\n{lead}\n{table}{notes}\n</section>"
    )
