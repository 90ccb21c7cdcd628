"""The review report in Markdown: tables and bullet lists that read in a terminal and on GitHub.

Client text goes through `text.markdown_text` (the letter export uses it too): made one line and its
Markdown escaped, so a name or a note can neither break a table row (`|`, a line break) nor turn into
a link, an HTML tag, emphasis, a heading or a list.
"""

from __future__ import annotations

from health_tui.formatting import ESTIMATED, estimated
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
from health_tui.scoring.models import NOT_ENOUGH_DATA, NOTHING_SAID
from health_tui.text import markdown_text


def md(text: str | None) -> str:
    """Client or owner text, safe anywhere in a Markdown line (table cells included)."""
    return markdown_text(text, inline=True)


def render_markdown(r: ReviewReport) -> str:
    parts = [
        _header(r),
        _portfolio(r),
        _clients(r),
        _movers(r),
        _candidates(r),
        _at_risk(r),
        _decisions(r),
        _exits_whatif(r),
        _exits(r),
        _track_record(r),
    ]
    return "\n\n".join(p.rstrip("\n") for p in parts) + "\n"


def _table(header: list[str], align: str, rows: list[list[str]]) -> str:
    """A pipe table; `align` has one letter per column: l or r."""
    rule = ["---:" if a == "r" else "---" for a in align]
    lines = [header, rule, *rows]
    return "\n".join("| " + " | ".join(cells) + " |" for cells in lines)


def _header(r: ReviewReport) -> str:
    return (
        f"# Quarterly client review: {r.quarter}\n\n"
        f"As of {r.as_of}, compared with {r.previous_quarter} (as of {r.previous_as_of}). "
        f"{amounts_in(r, md)}; {revenue_basis(r, md)}. An exit "
        f"candidate has health below {r.health_split:g} and effort versus return below "
        f"{r.effort_split:g}, with no counter-signal that outweighs them."
    )


def _portfolio(r: ReviewReport) -> str:
    def row(label: str, now: int, then: int) -> list[str]:
        return [label, f"{now:,}", f"{then:,}", signed(now - then)]

    rows = [row("active clients", len(r.active), r.active_then)]
    rows += [row(b.band.label, b.now, b.then) for b in r.bands]
    if r.unscored_now or r.unscored_then:
        rows.append(row(NOT_ENOUGH_DATA, r.unscored_now, r.unscored_then))
    rows.append(row("exit candidates", len(r.candidates), r.candidates_then))
    rows.append(
        ["revenue at risk (at risk and critical)",
         at_risk(r.revenue_at_risk_now, r.at_risk_not_known_now, r.currency),
         at_risk(r.revenue_at_risk_then, r.at_risk_not_known_then, r.currency),
         money_change(r.revenue_at_risk_change, r.currency)]
    )  # fmt: skip
    text = "## Portfolio\n\n" + _table(["", r.quarter, r.previous_quarter, "change"], "lrrr", rows)
    if r.nothing_said:
        text += f"\n\n{NOTHING_SAID}."
    if r.time_ends:
        text += f"\n\n{md(r.time_ends)}."
    left = r.left_this_quarter
    if left:
        names = ", ".join(f"{md(c.score.name)} (ended {c.score.ended_on})" for c in left)
        text += f"\n\nLeft since the end of {r.previous_quarter}: {names}."
    return text


def _clients(r: ReviewReport) -> str:
    if not r.active:
        return f"## Active clients\n\nNo active client as of {r.as_of}."
    rows = [_client_row(c, r) for c in r.active]
    table = _table(
        ["client", "health", f"vs {r.previous_quarter}", "band", "effort/return",
         "revenue", "archetype", "recommended", "decision", "exit"],
        "lrrlrrllll",
        rows,
    )  # fmt: skip
    said = f"\n\n{ESTIMATED}." if r.estimated_now else ""
    return (
        "## Active clients\n\n"
        "Exit candidates first, then critical, at risk and the rest, lowest health first.\n\n"
        + table
        + said
    )


def _client_row(c: ClientLine, r: ReviewReport) -> list[str]:
    s = c.score
    recommended = s.recommendation.value + (" (candidate)" if s.fire_candidate else "")
    return [
        md(s.name),
        health(s.health),
        health_change(c.health_change, c.was_client),
        s.band_text,
        health(s.effort_return),
        estimated(money(s.known_revenue_12m, r.currency), s.revenue_estimated),
        s.archetype.label,
        f"**{recommended}**" if s.fire_candidate else recommended,
        c.decision.decision.value if c.decision else "",
        f"{c.exit.settled}/{c.exit.total}" if c.exit else "",
    ]


def _movers(r: ReviewReport) -> str:
    title = f"## Biggest movers since {r.previous_quarter}"
    if not r.movers:
        return f"{title}\n\n{md(no_movers(r))}"
    lines = [f"- **{md(c.score.name)}**: {md(movement(c.score.health, c.previous_health, c.score.moved_text))}"
             for c in r.movers]  # fmt: skip
    return (
        f"{title}\n\nWhat moved each health, component by component, in health points.\n\n"
        + "\n".join(lines)
    )


def _candidates(r: ReviewReport) -> str:
    if not r.candidates:
        return f"## Exit candidates\n\nNo client is an exit candidate as of {r.as_of}."
    blocks = [f"## Exit candidates ({len(r.candidates):,})"]
    blocks += [_client_block(c, r, counters=True) for c in r.candidates]
    return "\n\n".join(blocks)


def _at_risk(r: ReviewReport) -> str:
    title = "## Critical and at risk"
    if not r.at_risk:
        return f"{title}\n\nNo other client is critical or at risk as of {r.as_of}."
    blocks = [
        f"{title} ({len(r.at_risk):,})",
        "The clients the review walks after the exit candidates.",
    ]
    blocks += [_client_block(c, r, counters=False) for c in r.at_risk]
    return "\n\n".join(blocks)


def _client_block(c: ClientLine, r: ReviewReport, *, counters: bool) -> str:
    """A client's verdict, decision, what moved its health and its reasons (and, for an exit
    candidate, the counter-signals weighed)."""
    s = c.score
    if c.decision:
        decided = f"Decided: **{c.decision.decision.value}** on {when(c.decision.decided_at)}."
    else:
        decided = f"No decision recorded for {r.quarter} yet."
    lines = [f"### {md(s.name)}", "", f"{md(s.verdict)}. {decided}", ""]
    if s.moved_text:
        lines += [f"{md(s.moved_text[0].upper() + s.moved_text[1:])}.", ""]
    lines += ["Reasons:", ""]
    lines += [f"- {md(reason)}" for reason in s.reasons]
    if counters:
        lines += ["", "Counter-signals weighed:", ""]
        lines += [f"- {md(signal)}" for signal in s.counter_signals] or ["- none"]
    return "\n".join(lines)


def _decisions(r: ReviewReport) -> str:
    title = f"## Decisions for {r.quarter}"
    if r.decisions:
        decided = sum(1 for c in r.active if c.decision)
        summary = f"Decided: {decided:,} of {plural(len(r.active), 'active client')}"
    else:
        summary = f"No decision recorded for {r.quarter} yet"
    pending = [md(c.score.name) for c in r.candidates if c.decision is None]
    if pending:
        summary += "; exit candidates still to decide: " + ", ".join(pending)
    summary += "."
    if not r.decisions:
        return f"{title}\n\n{summary}"
    by_id = {c.score.client_id: c for c in r.clients}
    rows = []
    for d in r.decisions:
        rows.append(
            [md(r.name_of(d.client_id)), d.decision.value, recommended(d, by_id.get(d.client_id)),
             when(d.decided_at),
             md(d.note) or "—"]
        )  # fmt: skip
    table = _table(["client", "decision", "recommended", "recorded", "note"], "lllll", rows)
    return f"{title}\n\n{summary}\n\n{table}"


def _exits(r: ReviewReport) -> str:
    title = "## Exit checklists"
    if not r.exits:
        return f"{title}\n\nNo client is leaving: no exit decided up to {r.quarter}."
    return "\n\n".join([f"{title} ({len(r.exits):,})", *(_exit(e, r) for e in r.exits)])


def _exit(e: ExitProgress, r: ReviewReport) -> str:
    owed = owed_text(e, r)
    facts = [
        f"- Decided for {e.quarter} on {when(e.decided_at)}"
        + (f": {md(e.note)}" if e.note else "."),
        f"- {notice_text(e, r)}.",
        f"- As of {e.unpaid_on}: {owed}.",
    ]
    todo = [f"- [ ] {md(step)}" for step in e.todo] or ["- nothing: every step is settled."]
    done = ["", "Settled:", "", *(f"- [x] {md(step)}" for step in e.done)] if e.done else []
    return "\n".join(
        [f"### {md(e.name)}: {e.label}", "", *facts, "", "Still to do:", "", *todo, *done]
    )


def _track_record(r: ReviewReport) -> str:
    t = r.track_record
    title = "## Your track record"
    if t.empty:
        return f"{title}\n\n{md(t.nothing_yet)}"
    parts = [
        f"{title}\n\nThe decisions of the quarters before {t.quarter}, read back against "
        f"{t.quarter} as scored. {md(t.summary)}",
        *(f"**A rule you keep overriding.** {md(p.sentence)}" for p in t.patterns),
        "### How often each recommendation was followed",
        _table(FOLLOWED_HEADER, "lrrrlr", [followed_cells(f) for f in t.followed]),
        "### Kept against an exit recommendation",
    ]
    if t.kept:
        parts.append(
            f"Health and effort versus return when first kept, and in {t.quarter}.\n\n"
            + _table(kept_header(t), "llrlrrrrrrl", [kept_cells(k, md) for k in t.kept])
        )
    else:
        parts.append("None: every exit recommendation was followed or deferred.")
    parts.append("### Exits taken")
    if t.exits:
        parts.append(_table(exit_header(t), "llrrl", [exit_cells(e, t, md) for e in t.exits]))
        parts.append(f"{t.exits_sentence(money(t.exits_revenue, t.currency))} {t.revenue_basis}")
    else:
        parts.append("None decided in those quarters.")
    return "\n\n".join(parts)


def _exits_whatif(r: ReviewReport) -> str:
    w = r.exits_whatif
    if w is None:
        return (
            f"## If the exits go ahead\n\nNo exit decided for {r.quarter}: the portfolio stays as "
            "it is."
        )
    gone = ", ".join(
        " ".join(filter(None, (md(d.name), gone_figures(d, w.currency)))) for d in w.dropped
    )
    brought, took = exits_take(w, lambda figure: f"**{figure}**")
    lead = (
        f"Decided exit for {r.quarter}: {gone}. Over the last four quarters they brought "
        f"{brought}, and took {took}."
    )
    rows = [list(cells) for cells in whatif_rows(w, md)]
    table = _table(["", "now", "after the exits"], "lrr", rows)
    notes = "".join(f"\n\n{md(c)}" for c in w.table_caveats)  # the lead says what goes
    return f"## {exits_title(len(w.dropped))}\n\n{lead}\n\n{table}{notes}"
