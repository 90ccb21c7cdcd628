"""What the review, the exit confirmation and the checklist show, built as `Content`: no widgets.

Client names, notes and step notes come from the owner or from imported files: every one goes through
`safe_text` and into `Content` as a literal, never parsed as markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from rich.cells import cell_len
from textual.content import Content

from health_tui.app import format as fmt
from health_tui.app.review_state import ReviewState
from health_tui.app.styles import CANDIDATE_STYLE, HEADING, MUTED
from health_tui.app.text import safe_text
from health_tui.formatting import ESTIMATED, estimated, months_label, months_said
from health_tui.review.checklist import STEPS, Checklist, Step, StepStatus
from health_tui.review.decisions import Decision, DecisionRecord
from health_tui.scoring.models import HOURS_NOT_KNOWN, NOTHING_SAID, ClientScore
from health_tui.text import cut, wrap_cells

Part = str | tuple[str, str]

# The review's keys, one per decision; none clashes with moving (n b ← →), Enter, a, e or q.
DECISION_KEYS: tuple[tuple[str, Decision], ...] = (
    ("k", Decision.keep),
    ("p", Decision.reprice),
    ("v", Decision.recover),
    ("l", Decision.listen),
    ("u", Decision.support),
    ("x", Decision.exit),
    ("d", Decision.defer),
)
STATUS_MARK = {StepStatus.todo: "☐", StepStatus.done: "☑", StepStatus.na: "–"}
STATUS_WORD = {StepStatus.todo: "to do", StepStatus.done: "done", StepStatus.na: "not applicable"}


def when(record: DecisionRecord) -> str:
    return f"{record.decided_at:%Y-%m-%d %H:%M}"


def decision_style(decision: Decision) -> str:
    return CANDIDATE_STYLE if decision is Decision.exit else "bold $text-accent"


def review_head(
    quarter: str,
    index: int | None,
    total: int,
    decided: int,
    everyone: bool | None,
    *,
    saved: str | None = None,
    width: int = 0,
) -> Content:
    """ "Review 2026Q3  3 of 11 · 2 decided" and which clients the review walks, or, right after a
    decision was committed, what was saved (`saved`, in place of which clients), cut to `width`
    (when known) so that the head stays one line."""
    if index is None:
        position = f"done · {decided:,} of {total:,} decided"
    else:
        position = f"{index + 1:,} of {total:,} · {decided:,} decided"
    scope = "all active clients" if everyone else "exit candidates, critical, at risk"
    lead = f"Review {quarter}  "
    if saved:
        room = width - cell_len(lead + position + "  · ") if width else cell_len(saved)
        after = (f"  · {cut(saved, max(room, SAVED_LEAST))}", "$text-success")
    else:
        after = (f"  · {scope}", MUTED)
    return Content.assemble((lead, HEADING), (position, "bold"), after)


SAVED_LEAST = 20  # cells of "✓ saved: ..." kept however narrow the head


def done_content(
    quarter: str,
    others: int,
    queue: Sequence[ClientScore],
    decided: int,
    *,
    nothing_said: bool = False,
) -> Content:
    """The end of the queue (or an empty one), and where to go from here. Walking past the last
    client is not deciding: the clients still without a decision are counted, not declared done.
    An empty queue for want of anything the clients said says so: it read as a healthy book."""
    undecided = len(queue) - decided
    if queue and undecided <= 0:
        first = f"Every client in this review has a decision for {quarter}.\n\n"
    elif queue:
        first = (
            f"End of the review: {decided:,} of {len(queue):,} decided for {quarter}; "
            f"{fmt.plural(undecided, 'client')} still without a decision.\n\n"
        )
    else:
        first = f"No exit candidates, critical or at-risk clients in {quarter}.\n\n"
    lines: list[Part] = [(first, "bold")]
    if nothing_said:
        lines.append((f"{NOTHING_SAID}.\n\n", "$text-warning"))
    if others > 0:
        lines.append(f"a  include the other {fmt.plural(others, 'active client')}\n")
    if queue:
        lines.append(
            "b  go back over the decisions\n"
            if undecided <= 0
            else "b  go back over the clients, the last one first\n"
        )
    lines.append("Escape  back to the portfolio, where each decision shows in its column")
    return Content.assemble(*lines)


def review_bar(
    current: Decision | None,
    suggested: str,
    *,
    everyone: bool,
    exit_in_force: bool,
    width: int = 0,
) -> Content:
    """Above the footer (which lists the decision keys): the suggestion, and how to move around.
    One line: where `width` (when known) is too narrow for every key, the last ones go (the footer
    and ? list them all); it wrapped to a second line at 80 columns."""
    parts: list[Part] = [("Suggested ", MUTED), (suggested, "bold")]
    if suggested == "watch":  # no decision of its own: keeping the client follows it
        parts.append((" (keep: k)", MUTED))
    if current is not None:
        parts += [(" · decided ", MUTED), (current.value, decision_style(current))]
    keys = [
        ("n/→", "next"),
        ("b/←", "prev"),
        ("a", "urgent only" if everyone else "all clients"),
        ("⏎", "client"),
        *([("e", "checklist")] if exit_in_force else []),
        ("i f N", "log"),
        ("esc", "back"),
        ("?", "keys"),
    ]
    used = sum(len(p if isinstance(p, str) else p[0]) for p in parts) + 2
    sizes = [len(key) + len(what) + 3 for key, what in keys]
    while width and len(keys) > 2 and used + sum(sizes) > width:
        keys, sizes = keys[:-1], sizes[:-1]
    parts.append("  ")
    for key, what in keys:
        parts += [(f" {key} ", "bold $text-accent"), (f"{what} ", "")]
    return Content.assemble(*parts)


def value_content(c: ClientScore, currency: str, as_of: date | None = None) -> Content:
    """What the client is worth beyond this quarter: the facts an exit must weigh, in two lines
    (revenue not known, rather than €0, where no invoice of theirs is on record; an estimate
    marked, and said on a line of its own)."""
    revenue_of = c.known_revenue
    years = c.tenure_days / 365.25
    parts: list[Part] = [
        ("Value  ", HEADING),
        f"lifetime {fmt.money(revenue_of(c.lifetime_value), currency)}",
        (" · ", MUTED),
        f"referrals {fmt.money(c.known_referral_value, currency)}",
        (" · ", MUTED),
        f"client {years:.1f} years" if c.start_known else f"on record {years:.1f} years",
        (" · ", MUTED),
        f"revenue {months_label(as_of)} "
        + estimated(fmt.money(c.known_revenue_12m, currency), c.revenue_estimated),
        (" · ", MUTED),
        f"rate {estimated(fmt.rate(c.effective_rate, currency), c.revenue_estimated)}",
        (f" (target {fmt.rate(c.target_rate, currency)})", MUTED)
        if c.rate_weighed
        else (f" ({fmt.rate_not_weighed(c.hours_12m)})", MUTED),
    ]
    if c.revenue_estimated:  # read unmarked, the figures pass for money invoiced
        parts.append((f"\n{ESTIMATED}", MUTED))
    if c.referred:
        parts.append((f"\nreferred: {', '.join(safe_text(n) for n in c.referred)}", MUTED))
    return Content.assemble(*parts)


def decision_content(
    state: ReviewState, client_id: str, history: Sequence[DecisionRecord] | None, width: int = 0
) -> Content:
    """The decision in force for the quarter, the checklist's progress for an exit, and history;
    each note wrapped under its own column to `width` cells (the panel's, once it is known)."""
    record = state.decisions.get(client_id)
    parts: list[Part] = [(f"Decision for {state.quarter}  ", HEADING)]
    if record is None:
        parts.append(("none yet", MUTED))
    else:
        parts.append((record.decision.value, decision_style(record.decision)))
        if suggested := record.overrode:  # what it went against, as the earlier ones say
            parts.append((f" (suggested {suggested})", MUTED))
        parts.append((f"  {when(record)}", MUTED))
        if record.note:
            parts.append(_quoted(record.note, width, parts, under=fmt.end_column(parts[:1])))
    if client_id in state.exits:
        parts.append((f"\n{state.progress_of(client_id)}", "bold"))
        parts.append(("  e opens the exit checklist", MUTED))
    if history is None:
        return Content.assemble(*parts)
    earlier = [h for h in history if record is None or h.decision_id != record.decision_id]
    if earlier:  # changes of mind and earlier quarters, newest first
        parts.append(("\nEarlier", HEADING))
    for old in earlier:
        line: list[Part] = [
            (f"\n  {when(old)}  {old.quarter}  ", MUTED),
            (f"{old.decision.value:<8}", decision_style(old.decision)),
        ]
        if suggested := old.overrode:  # what it went against: the track record counts it so
            line[-1] = (old.decision.value, decision_style(old.decision))
            line.append((f" (suggested {suggested})", MUTED))
        if old.note:
            line.append(_quoted(old.note, width, line, under=fmt.end_column(line[:1])))
        parts += line
    return Content.assemble(*parts)


NOTE_FALLBACK = 4  # under the history's dates, where a note's own column is too narrow
NOTE_ROOM = 30  # cells: an earlier decision's note left less than this starts on a line below


def _quoted(note: str, width: int, line: list[Part], under: int | None = None) -> str:
    """A decision's note in quotes after the `line` so far (its last line: what follows the last
    newline), wrapped under its opening quote's column. With `under` (the decision's column), a
    note that does not fit in the little room a long line leaves (what was suggested then, shown
    beside the decision) starts on the next line under it instead: a few words a line read badly
    at 80 columns."""
    column = fmt.end_column(line) + 2
    quoted = f"“{safe_text(note)}”"
    room = width - column
    if under is not None and width and room < NOTE_ROOM and cell_len(quoted) > room:
        return "\n" + " " * under + fmt.wrap_under(quoted, width, under, NOTE_FALLBACK)
    return "  " + fmt.wrap_under(quoted, width, column, NOTE_FALLBACK)


def decision_line(state: ReviewState, client_id: str) -> Content | None:
    """One line for the client screen: the quarter's decision and the exit's progress, if any."""
    record = state.decisions.get(client_id)
    if record is None and client_id not in state.exits:
        return None
    parts: list[Part] = []
    if record is not None:
        parts += [
            (f"Decided for {state.quarter}: ", MUTED),
            (record.decision.value, decision_style(record.decision)),
            (f" (suggested {record.overrode})" if record.overrode else "", MUTED),
            (f"  {when(record)}", MUTED),
        ]
        if record.note:
            parts.append(f"  “{safe_text(record.note)}”")
    if client_id in state.exits:
        parts += [("  " if parts else "", ""), (state.progress_of(client_id), "bold")]
        parts.append(("  (e: exit checklist)", MUTED))
    return Content.assemble(*parts)


def exit_confirmation(
    c: ClientScore, currency: str, width: int = 0, *, earlier: int = 0, as_of: date | None = None
) -> Content:
    """What the exit takes (the client's own revenue and hours, the figures a what-if adds up), then
    the counter-signals once more before it is recorded: value, referrals, tenure. Revenue and
    hours with none of theirs on record are not known, not €0 or 0 h. At a known `width` a long
    value wraps under its column and a counter-signal under its first word. `earlier`: the steps an
    exit that another decision replaced had settled, which this one starts again."""
    revenue_of = c.known_revenue
    hours = c.known_hours(c.hours_12m)
    years = c.tenure_days / 365.25
    referred = ", ".join(safe_text(n) for n in c.referred) or "nobody on record"
    rows = [
        ("lifetime value", fmt.money(revenue_of(c.lifetime_value), currency)),
        ("referral value", fmt.money(c.known_referral_value, currency)),
        ("referred", referred),
        ("referred by", _referrer(c)),
        ("tenure", f"{years:.1f} years, {c.since_text}"),
    ]
    parts: list[Part] = [
        ("Exit ", CANDIDATE_STYLE),
        (safe_text(c.name), "bold"),
        "\n\n",
        (f"What goes with them ({months_said(as_of)})\n", HEADING),
        (f"{'revenue':<16}", MUTED),
        f"{fmt.money(c.revenue_12m, currency)} lost\n"
        if c.known_revenue_12m is not None
        else f"not known ({c.revenue_gap})\n",
        (f"{'hours':<16}", MUTED),
        f"{fmt.hours(hours)} freed\n\n"
        if hours is not None
        else f"not known ({HOURS_NOT_KNOWN})\n\n",
        ("What speaks for keeping them\n", HEADING),
    ]
    for label, value in rows:  # a list of names breaks after a comma, never inside a name
        value = fmt.wrap_under(value, width, 16, 2, clauses=label == "referred")
        parts += [(f"{label:<16}", MUTED), f"{value}\n"]
    if c.counter_signals:
        parts.append(("\nCounter-signals the scoring weighed\n", HEADING))
    for signal in c.counter_signals:
        parts.append(f"• {fmt.wrap_under(safe_text(signal), width, 2)}\n")
    if earlier:
        again = (
            f"An earlier exit, since replaced, settled {earlier} of {len(STEPS)} checklist steps. "
            "This one starts the checklist again: what was done then stays in each step's note."
        )
        parts += ["\n", (fmt.wrap_under(again, width, 0), MUTED), "\n"]
    return Content.assemble(*parts).rstrip()


def _referrer(c: ClientScore) -> str:
    """Who brought the client in and how that client stands: an exit may touch them too."""
    if not c.referred_by_name:
        return "nobody on record"
    return f"{safe_text(c.referred_by_name)} ({safe_text(c.referrer_standing or '')})"


def checklist_head(name: str, checklist: Checklist, currency: str, width: int = 0) -> Content:
    """The client, progress, and the dates the exit turns on; where the dates do not fit `width`
    (when known) they break between two facts, never inside one or before a "·"."""
    unpaid = sum(u.converted for u in checklist.unpaid)  # in the portfolio's currency
    facts: list[fmt.Phrase] = [
        [(f"decided {checklist.decided_on.isoformat()}", MUTED)],
        [(f"notice {checklist.notice_days} days", MUTED)],
        [(f"earliest end {checklist.earliest_end.isoformat()}", MUTED)],
    ]
    if checklist.unpaid:
        # to the cent, as the steps say each invoice ("unpaid CAD 943" above "CAD 942.50"), but
        # for a sum converted at the day's rate: a figure to weigh, in whole units
        own = all((u.currency or currency) == currency for u in checklist.unpaid)
        shown = fmt.money(unpaid, currency, cents=own)
        facts.append([(f"unpaid {shown}", "bold $text-error")])
        if (seen := checklist.unpaid_seen_on) is not None:  # nothing newer on record: said
            facts.append([(f"as imported {seen}", "$text-warning")])
    if checklist.face_to_face:
        facts.append([("tell them face to face", "bold $text-warning")])
    title: list[fmt.Phrase] = [
        [("Exit checklist", HEADING)],
        [(safe_text(name), "bold")],
        [(checklist.progress, CANDIDATE_STYLE)],
    ]
    return Content.assemble(
        *fmt.packed(title, width, "  "), "\n", *fmt.packed(facts, width, (" · ", MUTED))
    )


STEP_INDENT = 6  # the facts and note under a step's title


def hanging(text: str, width: int, lead: str = "") -> str:
    """`lead` + `text` wrapped to `width` cells under an indent of STEP_INDENT, every line of it:
    the list wraps a long line at its left edge, which read as the next step's text. Unwrapped
    where the width is not known yet (0)."""
    pad = " " * STEP_INDENT
    if width <= STEP_INDENT + 10:
        return f"{pad}{lead}{text}"
    room = width - STEP_INDENT
    return "\n".join(pad + line for line in wrap_cells(lead + text, room, room))


def step_prompt(
    number: int, step: Step, saving: StepStatus | None = None, width: int = 0
) -> Content:
    """One step as a list item: status, title, date done, then its facts and note, indented
    (wrapped under the indent to `width`, the list's width, once it is known)."""
    style = {StepStatus.done: "$text-success", StepStatus.na: MUTED}.get(step.status, "bold")
    parts: list[Part] = [
        (f"{STATUS_MARK[step.status]} ", style),
        (f"{number:>2}. {step.spec.title}", "" if step.status is StepStatus.todo else MUTED),
    ]
    if step.status is StepStatus.done and step.done_on:
        parts.append((f"  done {step.done_on.isoformat()}", "$text-success"))
    elif step.status is StepStatus.na:
        parts.append(("  not applicable", MUTED))
    if saving is not None:
        parts.append((f"  ⟳ saving ({STATUS_WORD[saving]})…", "bold $text-warning"))
    for line in step.detail:
        parts.append(("\n" + hanging(safe_text(line), width), MUTED))
    if step.note:
        parts.append(("\n" + hanging(safe_text(step.note), width, "note: "), "italic"))
    return Content.assemble(*parts)
