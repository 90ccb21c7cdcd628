"""The sentences behind a verdict: each quotes its number and, where it helps, the portfolio's.

Written once here; the app, JSON/CSV output and the report show them verbatim.
"""

from __future__ import annotations

from datetime import date

from health_tui.dates import quarter_of, quarter_start
from health_tui.formatting import hour_count, some_of
from health_tui.scoring.facts import ClientFacts
from health_tui.scoring.measures import (
    Measures,
    costed_hours,
    days_late,
    effort_gap,
    margin,
    time_cost,
    whole,
)
from health_tui.scoring.models import (
    Archetype,
    Recommendation,
    band_label,
    data_changes,
    data_note,
    signed_points,
    whole_moves,
)
from health_tui.scoring.verdicts import (
    Context,
    band,
    drift,
    hard_times,
    held,
    quote,
    said_of,
    thin_health,
    work_fell,
)
from health_tui.settings import Settings

A = Archetype

THIN_PAYMENTS = 3  # fewer invoices due than this: the lateness line says how many it averages
BILLED_GAP = 1.5  # billable amounts this many times the invoices: the reasons say so


def _pct(x: float) -> str:
    return f"{100 * x:.0f}%"


def _start_not_given(f: ClientFacts) -> str:
    """Said where the start is only the first day on record: how to give it."""
    if f.start_known:
        return ""
    return (
        " Its start is not given, only its first day on record: give it with c on the client "
        "screen (Started on)."
    )


def _hard_words_unread(m: Measures, ctx: Context) -> str:
    """Their own words of a hard time, where the client is not read as struggling: said, with
    why (a Bristol agency's client asked for a payment plan, and nothing said it, for want of a
    health from before this quarter to hold it against)."""
    f, a = m.facts, ctx.settings.archetypes
    complaints = f.complaints_q0 + f.escalations_q0
    if f.days_held < a.struggling_min_days:
        why = (
            f"{held(f, 'a client of')} {f.days_held} days (a hard time is read from {a.struggling_min_days}, "
            "against how they were before)"
        )
    elif f.prior_health is None:
        why = "no health from before this quarter to tell it from how they were"
    elif f.prior_health < a.struggling_prior_health:
        why = f"health before this quarter ({f.prior_health:.0f}) was low already"
    elif complaints > a.struggling_max_complaints:
        why = f"{_count(complaints, 'complaint or escalation', 'complaints or escalations')} this quarter"
    else:
        why = "nothing else in their record says so"
    said = f'"{quote(f.hard_said or "")}" ({f.hard_via}, {f.hard_on})'
    return f"In their own words, a hard time: {said}; not read as struggling: {why}."


def _late_bound(f: ClientFacts) -> str:
    """Invoices an export showed unpaid past their due day and none has dated since (paid on a
    day not given, or no export since): late at least until that day, counted so."""
    n = f.late_bound_12m
    return (
        f"Of those, {_count(n, 'invoice')} {'were' if n > 1 else 'was'} last shown unpaid past "
        f"{'their' if n > 1 else 'its'} due day by an export with no payment day since: "
        "counted as late as that, at least."
    )


def _unseen(f: ClientFacts) -> str:
    """Invoices that fell due after the latest export showing them unpaid: paid or not since is
    not known (it read as unpaid and overdue, a month-old export making a punctual client late)."""
    n = f.unseen_12m
    were, them = ("were", "them") if n > 1 else ("was", "it")
    return (
        f"{_count(n, 'invoice')} fell due after the latest export showing {them} unpaid: "
        f"whether {'they' if n > 1 else 'it'} {were} paid is not known, and how late it pays "
        f"leaves {them} out (import a newer export to count {them})."
    )


def _paid_undated(f: ClientFacts) -> str:
    """Invoices paid on a day their export did not give (an invoice list with no payment date):
    how late they were paid is not known, and the days late leave them out rather than read them
    as paid on time."""
    n = f.paid_undated_12m
    which = f"its {n} invoices" if n > 1 else "the invoice"
    were, their = ("were", "their") if n > 1 else ("was", "its")
    if not f.n_due_12m:
        return (
            f"How late it pays is not known: {which} due in the last four quarters {were} paid "
            f"on a day {their} export does not give (an export with payment dates scores it)."
        )
    return (
        f"{_count(n, 'invoice')} due in the last four quarters {were} paid on a day {their} "
        f"export does not give: how late is not known, and the days late stand on the other "
        f"{f.n_due_12m}."
    )


def _count(n: float, word: str, plural: str | None = None) -> str:
    n = round(n)
    return f"{n} {word if n == 1 else (plural or word + 's')}"


def _join(parts: list[str]) -> str:
    """The parts that say something, as one list: 'a, b and c'."""
    said = [p for p in parts if p]
    return some_of(said, len(said))


# The kinds of word a trend compares, by their bit in ClientFacts.base_kinds
BASE_KINDS = ((1, "feedback scores"), (2, "messages with a tone"), (4, "praise or complaints"))


def _or(parts: list[str]) -> str:
    """'a', 'a or b', 'a, b or c'."""
    return parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} or {parts[-1]}"


# What would give each component data, said where it has none.
FILL = {
    "satisfaction": "ask for feedback scores, or log messages with their tone",
    "friction": "log calls, e-mails and meetings, or import the helpdesk's tickets",
    "payment": "import invoices with their due and paid dates",
    "scope": "import time entries with their activity",
    # where the quarters before hold enough (else `_fill` says what they lack)
    "trend": "feedback scores, or messages with their tone, in this quarter",
}


def reasons(
    m: Measures,
    arch: Archetype,
    rec: Recommendation,
    effort: float | None,
    ctx: Context,
    changes: dict[str, float] | None = None,
    previous_quarter: str | None = None,
) -> list[str]:
    f, med, s = m.facts, ctx.medians, ctx.settings
    out: list[str] = []
    if arch is A.former:
        out.append(
            f"Former client: ended on {f.ended_on}; scored for the record, never an exit candidate."
        )
    if arch is A.new:
        out.append(
            f"{held(f, 'Client for').capitalize()} {f.days_held} days: under "
            f"{s.rules.min_history_days} days of history, too early to judge.{_start_not_given(f)}"
        )
    if arch is A.dormant:
        out.append(_dormant(m, s.rules.dormant_quarters))
    elif m.health is None:
        out += _not_enough_data(m, s, ctx.as_of)
    else:
        out.append(_health(m, s, changes or {}, previous_quarter))
        if arch is not A.former and (basis := _basis(m, s, ctx.as_of)):  # scored for the record
            out.append(basis)
    if arch is A.struggling and (signal := hard_times(m, ctx)):
        out.append(f"A hard time of their own: {signal}.")
    elif arch not in (A.former, A.new) and f.hard_words and f.hard_said:
        out.append(_hard_words_unread(m, ctx))
    if arch is A.drifting and (figures := drift(m, ctx)):
        out.append(f"Drifting: {figures}.")
    elif (
        arch not in (A.dormant, A.former, A.new)
        and f.last_contact is None  # never a message or a score: not only in the quarters
        and f.last_feedback is None  # drift compares (a health of 100 stood beside it)
        and (fell := work_fell(m, ctx))
    ):  # a drift nothing said can show: the work alone, and the question it asks
        out.append(
            f"Work has fallen: {fell}, and nothing on record says how the relationship stands "
            "(no message or feedback): ask them how things are before the work stops."
        )

    if f.last_feedback is not None:
        last = f"Last feedback {f.last_feedback_score}/10 on {f.last_feedback}"
        if (months := (ctx.as_of - f.last_feedback).days // 30) >= 3:
            last += f" ({months} months ago: an old score says little about today)"
        if f.feedback_12m is not None:
            fb_med = med.get("feedback")
            vs = f" (portfolio median {fb_med:.1f})" if fb_med is not None else ""
            scores = _count(f.feedback_n_12m, "score")
            out.append(
                f"{last}; average {f.feedback_12m:.1f}/10 from {scores} over the last four quarters{vs}."
            )
        else:
            out.append(f"{last}: none in the last four quarters.")

    complaints, escalations, letters = f.complaints_q0, f.escalations_q0, f.letters_q0
    if complaints or escalations:
        bits = [
            _count(complaints, "complaint") if complaints else "",
            _count(escalations, "escalation") if escalations else "",
        ]
        text = _join(bits) + " this quarter"
        if letters:
            text += f", {_count(letters, 'by formal letter', 'by formal letter')}"
        text = (
            text[0].upper()
            + text[1:]
            + f" (portfolio median {_median_count(med.get('complaints_q', 0))})"
        )
        if letters:
            text += "; a formal letter means the problem is serious: meet face to face"
        out.append(text + ".")
    public, staff = f.public_12m, f.staff_12m
    if public or staff:
        out.append(
            _join(
                [
                    f"{_count(public, 'complaint')} made in public" if public else "",
                    f"{_count(staff, 'complaint')} aimed at staff" if staff else "",
                ]
            ).capitalize()
            + " in the last four quarters."
        )
    urgent, after, scope_changes = f.urgent_q0, f.after_hours_q0, f.scope_changes_q0
    if urgent + after + scope_changes >= 3:
        # A demand after hours may be one of the urgent requests or scope changes too: said apart,
        # "1 urgent request, 3 after-hours demands and 2 scope changes" read as six for three calls.
        asks = _join(
            [
                _count(urgent, "urgent request") if urgent else "",
                _count(scope_changes, "scope change") if scope_changes else "",
            ]
        )
        # requests, revisions, complaints and escalations alike: "demands" read as if a
        # complaint e-mailed on a Saturday were something asked for (an owner hunt)
        late_ones = (
            f"{_count(after, 'request or complaint', 'requests or complaints')} came after hours"
            if after
            else ""
        )
        demands = (
            f"{asks} this quarter; {late_ones}"
            if asks and late_ones
            else f"{asks or late_ones} this quarter"
        )
        out.append(
            demands.capitalize()
            + f" (portfolio median {_median_count(med.get('urgent_q', 0))} urgent or after-hours)."
        )

    if f.hours_12m > 0:
        rev = f.revision_12m / f.hours_12m
        if rev >= 0.2 or (rev >= 2 * med.get("revision_share", 1.0) and rev >= 0.1):
            out.append(
                f"Revision hours are {_pct(rev)} of all hours; portfolio median {_pct(med.get('revision_share', 0))}."
            )
        nb = f.nonbillable_12m / f.hours_12m
        if nb >= 0.2:
            out.append(
                f"Non-billable hours are {_pct(nb)} of all hours; portfolio median {_pct(med.get('nonbillable_share', 0))}."
            )
    rr = f.revision_requests_q0
    if rr >= 3:
        out.append(f"{rr} revision requests this quarter.")

    late = days_late(f)
    if late is not None and late >= 10:
        few = f" (from {_count(f.n_due_12m, 'invoice')})" if f.n_due_12m < THIN_PAYMENTS else ""
        # an invoice still unpaid counts as late to this day: "Paid 41 days late" read as paid
        owed = " (an invoice still unpaid counts as late to date)" if f.n_unpaid_overdue else ""
        late_med = med.get("days_late")
        out.append(
            f"Paid {'at least ' if f.late_bound_12m else ''}{whole(late):.0f} days late on "
            f"average over the last four quarters{few}{owed}"
            + (f"; portfolio median {whole(late_med):.0f}." if late_med is not None else ".")
        )
        if f.late_bound_12m:
            out.append(_late_bound(f))
    if f.paid_undated_12m:
        out.append(_paid_undated(f))
    if f.unseen_12m:
        out.append(_unseen(f))
    if f.unpaid_overdue > 0:
        seen = f", as of the import of {f.unpaid_seen_on}: none since" if f.unpaid_seen_on else ""
        out.append(
            f"{ctx.money(f.unpaid_overdue)} unpaid and overdue "
            f"({_count(f.n_unpaid_overdue, 'invoice')}{seen})."
        )

    if f.hours_not_billed > 0 and m.effective_rate is not None:  # before the figures it explains
        out.append(_not_billed(m, ctx))
    out += _money(m, ctx)
    if m.effective_rate is not None and ctx.target_rate and effort is not None:
        out.append(
            f"Effective rate {ctx.money(m.effective_rate)}/h against a target of "
            f"{ctx.money(ctx.target_rate)}/h ({_pct(m.effective_rate / ctx.target_rate)}), "
            f"{ctx.target_from}; "
            f"effort versus return {effort:.0f}."
        )
    elif effort is None and f.active and arch is not A.dormant:
        out.append(_effort_unknown(m, ctx))
    elif f.hours_12m == 0 and f.active and arch is not A.new and ctx.basis.hours:
        out.append("No hours logged in the last four quarters.")  # where hours are logged at all

    if arch is A.champion:
        praise, c4 = f.praise_12m, f.complaints_12m
        out.append(
            f"{_count(praise, 'praise', 'praises')} and {_count(c4, 'complaint')} in the last four quarters."
        )

    missing = [name for name, v in m.components.items() if v is None]
    if missing and m.health is not None:
        its = "its" if len(missing) == 1 else "their"
        out.append(
            f"No data for {_join(missing)}: {its} weight went to the other components "
            f"({_pct(f.coverage)} of the weight has data). To fill {'it' if len(missing) == 1 else 'them'}: "
            + "; ".join(_fill(name, f, ctx.settings, ctx.as_of) for name in missing)
            + "."
        )
    return out


def _fill(name: str, f: ClientFacts, s: Settings, as_of: date) -> str:
    """What would give a component data; for the trend, which side it lacks: this quarter's
    word, or enough of it in the quarters before ("1 there, 2 needed"), or time itself."""
    n = s.window.trend_quarters
    before = "the quarter before" if n == 1 else f"the {n} quarters before"
    if name == "trend" and f.baseline_said >= s.rules.min_signals:
        kinds = [word for bit, word in BASE_KINDS if f.base_kinds & bit]
        if not kinds:  # enough said, too little of any one kind
            return (
                f"{before} hold fewer than {s.rules.min_signals} of any one kind of word "
                "(feedback scores, messages with a tone, praise or complaints): a trend compares "
                "each kind with its own, and it comes as they say more"
            )
        if f.said_now:  # both sides said something, not of the same kind
            return (
                f"this quarter, {_or(kinds)}, as {before} hold: a trend compares each kind "
                "of word with its own"
            )
    if name == "payment" and f.unseen_12m and not f.paid_undated_12m:
        return (
            "its invoices fell due after the latest export showing them unpaid: import a newer "
            "export of your invoices"
        )
    if name == "payment" and f.paid_undated_12m:
        return (
            "its invoices were paid on days their export does not give: import one with the "
            "payment dates (a mapping's paid_on)"
        )
    if name != "trend" or f.baseline_said >= s.rules.min_signals:
        return FILL[name]
    if f.started_on >= quarter_start(*quarter_of(as_of)):  # no quarter of theirs before this one
        return (
            f"time: {'it began' if f.start_known else 'its records begin'} on {f.started_on}, and "
            "a trend compares a quarter with the ones before"
        )
    n_said = f.baseline_said
    held = (
        f"{n_said} feedback score or message with a tone"
        if n_said == 1
        else f"{n_said or 'no'} feedback scores or messages with a tone"
    )
    return (
        f"{before} hold {held} ({s.rules.min_signals} needed): import their history, or it "
        "comes as they say more"
    )


def _money(m: Measures, ctx: Context) -> list[str]:
    """Where the time's own amounts (Harvest's Billable Amount and Cost Amount) stand in: revenue
    estimated for a client with no invoice, and the cost behind the margin."""
    f, out = m.facts, []
    if f.revenue_estimated:
        why = (  # invoices that stop: a year of work may be unbilled, which is worth a look
            f"no invoice of theirs since {f.last_invoice} (work not billed yet, or its invoices "
            "not imported?)"
            if f.last_invoice is not None
            else "no invoice in the last four quarters"
        )
        out.append(
            f"Revenue {ctx.money(f.revenue_12m)} estimated from the billable amounts of its time "
            f"entries: {why}."
        )
    billed = f.billable_12m
    after = f.hours_not_billed
    if billed and after and f.hours_12m > 0:
        # billed after the work: its time not billed yet is in no invoice, as said above (a
        # Montréal shop's new client read "1.6× the invoiced: invoices not imported?" beside it);
        # the hours its invoices bill, at their share of the amounts
        billed = billed * (f.hours_12m - after) / f.hours_12m
    if (
        not f.revenue_estimated
        and billed
        and f.revenue_12m > 0
        and billed >= BILLED_GAP * f.revenue_12m
    ):
        whose = "Its billed time's billable amounts come to about" if after else (
            "Its time's billable amounts come to")  # fmt: skip
        out.append(  # the effort below stands on the invoices: say when the time says more
            f"{whose} {ctx.money(billed)} over the last four quarters, "
            f"{billed / f.revenue_12m:.1f}× the {ctx.money(f.revenue_12m)} invoiced: invoices not "
            "imported, or work written off? Its effort versus return stands on the invoices."
        )
    amounts, uncosted = costed_hours(f)
    hours = f.billed_hours_12m
    if amounts is None or hours <= 0:
        return out
    per_hour = ctx.settings.money.cost_per_hour
    left = margin(f, per_hour)
    which = " billed" if f.hours_not_billed > 0 else ""  # the time not billed yet is apart
    # the hours billed as the sentence before says them, to the hundredth
    count = hour_count if which else (lambda h: f"{h:,.0f}")
    if uncosted > 0 and per_hour is None:
        out.append(
            f"Cost amounts cover {count(hours - uncosted)} of its {count(hours)}{which} hours "
            f"({ctx.money(amounts)}); set [money] cost_per_hour to price the rest: until then "
            "its margin is not known."
        )
        return out
    cost = time_cost(f, per_hour) or 0.0
    rest = f", the other {count(uncosted)} h at the cost per hour" if uncosted > 0 else ""
    tail = f": margin {_pct(left)}." if left is not None else "."
    n = count(hours)
    out.append(
        f"Its {n}{which} hour{'' if n == '1' else 's'} cost {ctx.money(cost)} "
        f"(the entries' cost amounts{rest}){tail}"
    )
    return out


def _not_billed(m: Measures, ctx: Context) -> str:
    """Why the figures after it stand on fewer hours than the last four quarters hold: a new
    client billed after the work has its time since its last bill apart, not billed yet."""
    f = m.facts
    first = hour_count(f.hours_before_first_bill or 0.0)
    figures = "rate, margin" if margin(f, ctx.settings.money.cost_per_hour) is not None else "rate"
    return (
        f"It is billed after the work (its first invoice came after {first} h of it): the "
        f"{hour_count(f.hours_not_billed)} h from its last invoice ({f.last_bill}) on are not "
        f"billed yet, and its {figures} and effort versus return stand on the "
        f"{hour_count(f.billed_hours_12m)} h its invoices bill."
    )


def _few_hours(hours: float) -> str:
    """Hours as a count: whole from 10, else to the hundredth (a quarter of an hour is not 0)."""
    return f"{hours:,.0f}" if hours >= 10 else hour_count(hours)


def _effort_unknown(m: Measures, ctx: Context) -> str:
    """Effort versus return does not stand: why (`effort_gap`), and what would fill it."""
    f, head = m.facts, "Not enough data for effort versus return"
    merge = "`health-tui clients merge`"
    gap = effort_gap(f, ctx.basis, ctx.target_rate, ctx.settings.rules.min_hours)
    billable = f.hours_12m - f.nonbillable_12m
    no_invoice = (
        f"no invoice of theirs since {f.last_invoice}" if f.last_invoice else "no invoice of theirs"
    )
    why = {
        "portfolio": ctx.basis.what_is_missing,
        # a project billed at its end has hours and no invoice yet: said beside the import
        "no invoice": f"{hour_count(f.hours_12m)} h of theirs in the last four quarters are on "
        "record, and no invoice: work billed at its end and not billed yet, or invoices not "
        "imported. To fill it: import its invoices (or, if they came in under another name, "
        f"merge that client into it: {merge})",
        "part priced": f"in the last four quarters, {_few_hours(f.unpriced_hours_12m)} of its "
        f"{_few_hours(billable)} billable hours have no billable amount (or one of 0), and there "
        f"is {no_invoice}: the amounts on the others ({ctx.money(f.billable_12m or 0)}) are not "
        "its revenue. To fill it: import its invoices, or export its time with an amount on "
        "every billable entry",
        "old invoice": f"{f.hours_12m:,.0f} hours in the last four quarters and no invoice of "
        f"theirs since {f.last_invoice}. Check that their recent invoices are imported, or bill "
        "the work",
        "no time": "its invoices are on record, and no time of theirs. To fill it: import its "
        f"time entries (or merge the client they came in under: {merge})",
        "few hours": f"only {_few_hours(f.hours_12m)} h in the last four quarters "
        f"({ctx.settings.rules.min_hours:g} h needed, [rules] min_hours): too little work to weigh "
        "a rate, good or poor",
        "nothing": "no hours and no revenue in the last four quarters. To fill it: import its "
        f"time and invoices, or, if they came in under another name, merge that client into it "
        f"({merge})",
    }.get(
        gap or "",
        "no target rate to weigh its hours against. To fill it: set [money] target_rate in the "
        "settings",
    )
    return f"{head}: {why}."


def _health(
    m: Measures, s: Settings, changes: dict[str, float], previous_quarter: str | None
) -> str:
    """Health, its band, and what moved it since the quarter before, adding up to the change:
    every move when there are three at most, else the two largest the way health went, the rest
    that way counted, and what went the other way ("down 4: payment −1 and satisfaction −1"
    named two of four equal moves and read as the whole of it)."""
    b = band_label(band(m.health, s))
    now = f"Health {m.health:.0f} ({b})"
    before = m.previous_health
    if before is None or m.health is None or previous_quarter is None:
        return now + "."
    change = m.health - before
    moves = whole_moves(changes, change)
    # a component that gained or lost its data moved health by the weight it took or gave
    changed = data_changes(m.components, m.previous)

    def parts(chosen: list[tuple[str, int]]) -> list[str]:
        return [f"{k} {signed_points(v)}{data_note(changed.get(k))}" for k, v in chosen]

    def named(chosen: list[tuple[str, int]]) -> str:
        return _join(parts(chosen))

    def some(chosen: list[tuple[str, int]]) -> str:
        """The two largest named, two or more after them counted with their sum."""
        if len(chosen) <= 3:
            return named(chosen)
        rest = chosen[2:]
        total = signed_points(sum(v for _, v in rest))
        return _join([*parts(chosen[:2]), f"{len(rest)} more ({total} between them)"])

    if change == 0:
        if not moves:
            return f"{now}, as in {previous_quarter}."
        up = [mv for mv in moves if mv[1] > 0]
        down = [mv for mv in moves if mv[1] < 0]  # whole moves adding up to 0: both sides
        return f"{now}, as in {previous_quarter}: {some(up)} cancelled out by {some(down)}."
    way = "down" if change < 0 else "up"
    head = f"{now}, {way} {abs(change):.0f} since {previous_quarter} ({before:.0f})"
    along = [mv for mv in moves if mv[1] * change > 0]
    against = [mv for mv in moves if mv[1] * change < 0]
    if len(moves) <= 3:
        return f"{head}: {named(along + against)}."
    other = f"; against it, {some(against)}" if against else ""
    return f"{head}: {some(along)}{other}."


def _basis(m: Measures, s: Settings, as_of: date) -> str | None:
    """How few things the client said a health that stands rests on, where they are few (the
    components without data have a reason of their own): a healthy 81 from two routine helpdesk
    tickets rated Good read, beside reasons all about late payment, as a verdict from nowhere."""
    f = m.facts
    if not thin_health(m, s):
        return None
    latest = f.last_said
    old = silence = ""
    if latest is not None and (months := (as_of - latest).days // 30) >= 3:
        # two praises in February read, in October, as a healthy client today
        old, silence = (
            f", the latest {months} months ago ({latest})",
            "; silence is not satisfaction",
        )
    return (
        f"It stands on only {said_of(f)} in {_window(s)}{old}: log more of what they say before "
        f"relying on it{silence}."
    )


def _median_count(x: float) -> str:
    """A median of counts as it is: "0.5" where half the clients had none and half one (rounded
    to "1", one complaint read as the portfolio's usual), "1" where it is whole."""
    return f"{x:,.1f}".removesuffix(".0")


def _not_enough_data(m: Measures, s: Settings, as_of: date) -> list[str]:
    """Health does not stand: which components have data, what is missing, what would fill it; or,
    where the weight is covered, that it stands on too few things the client said."""
    f, min_coverage = m.facts, s.rules.min_coverage
    have = [k for k, v in m.components.items() if v is not None]
    missing = [k for k, v in m.components.items() if v is None]
    if said := _too_little_said(f, m.health, s):
        return [
            f"Not enough data to score health: it would stand on {said} in {_window(s)} "
            f"({s.rules.min_signals} needed); one message or score is a guess about the "
            "relationship, not its health.",
            "To fill it: ask for feedback, and log the calls, e-mails and meetings (or import the "
            "helpdesk's tickets).",
        ]
    known = (
        f"only {_join(have)} {'has' if len(have) == 1 else 'have'} data"
        if have
        else "nothing has data"
    )
    return [
        f"Not enough data to score health: {known} ({_pct(f.coverage)} of the weight; "
        f"{_pct(min_coverage)} needed).",
        "To fill the gaps: " + "; ".join(f"{k}: {_fill(k, f, s, as_of)}" for k in missing) + ".",
    ]


def thin_evidence(f: ClientFacts, health: float | None, s: Settings) -> str | None:
    """Why health does not stand where its weight is covered: too few things the client said
    ('1 feedback score in the window; 2 needed'); None otherwise (ClientScore.thin_evidence)."""
    said = _too_little_said(f, health, s)
    return f"{said} in {_window(s)}; {s.rules.min_signals} needed" if said else None


def _window(s: Settings) -> str:
    """The quarters a health reads, in words: "the window" read as the four quarters the
    feedback average spans, and a score from two quarters ago seemed to count where it did not."""
    before = len(s.window.quarter_weights) - 1
    if not before:
        return "this quarter"
    return f"this quarter and the {'one' if before == 1 else before} before"


def _too_little_said(f: ClientFacts, health: float | None, s: Settings) -> str | None:
    """What health would stand on ('1 message') where that alone kept it from standing (the
    facts query's `signals >= $min_signals`): the weight covered, the client not dormant."""
    r = s.rules
    if health is not None or f.dormant or f.coverage < r.min_coverage:
        return None
    if f.signals_w >= r.min_signals:
        return None
    return said_of(f)


def _dormant(m: Measures, quarters: int) -> str:
    """Nothing has happened for a while: the last sign of life, and the question to ask."""
    f = m.facts
    last = {
        "work": f.last_work,
        "an invoice": f.last_invoice,
        "a message": f.last_contact,
        "feedback": f.last_feedback,
    }
    known = {k: d for k, d in last.items() if d is not None}
    if known:
        what, day = max(known.items(), key=lambda kv: (kv[1], kv[0]))
        since = f"since {day} (the last was {what})"
    else:
        since = f"since the {'start' if f.start_known else 'first record'} on {f.started_on}"
    return (
        f"Dormant: no work, invoice, message or feedback {since}: at least {quarters} full quarters. "
        "Ask whether the relationship is over, and if it has ended, give the day it ended (c on "
        "the client screen: Ended on); health is not scored."
    )
