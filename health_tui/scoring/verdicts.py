"""Pass two of scoring: archetype, recommendation, counter-signals and the reasons behind them.

Each rule is written to be read beside domain.md and the README's table of archetypes; each verdict
comes with sentences that quote the numbers it rests on and how they compare with the portfolio.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from health_tui.formatting import money, plural, signed
from health_tui.scoring.facts import ClientFacts
from health_tui.scoring.measures import EffortBasis, Measures
from health_tui.scoring.models import Archetype, Band, Recommendation
from health_tui.settings import Settings

A, R = Archetype, Recommendation


@dataclass(slots=True)
class Context:
    """What a verdict compares against: the portfolio's medians and the target rate."""

    medians: dict[str, float]
    target_rate: float | None
    settings: Settings
    as_of: date
    basis: EffortBasis  # what the portfolio holds to weigh effort against return
    target_from: str = ""  # where target_rate comes from (measures.target_basis), for the reasons
    weights: dict[str, float] = field(default_factory=dict)
    window_quarters: float = 0.0  # the quarter weights' sum: a weighted count per quarter
    # the portfolio's time entries end weeks before as_of (an export not yet brought up to date):
    # a client's hours cannot be said to have fallen since
    time_ends_on: date | None = None

    def __post_init__(self) -> None:
        self.weights = self.settings.weights.model_dump()
        self.window_quarters = sum(self.settings.window.quarter_weights)

    def money(self, amount: float) -> str:
        return money(amount, self.settings.money.currency)


def band(health: float | None, settings: Settings) -> Band | None:
    """The band of a health score; None where health does not stand (not enough data, dormant)."""
    if health is None:
        return None
    b = settings.bands
    if health >= b.healthy:
        return Band.healthy
    if health >= b.watch:
        return Band.watch
    if health >= b.at_risk:
        return Band.at_risk
    return Band.critical


def _amount(x: float) -> str:
    return f"{x:.1f}" if x < 10 else f"{x:.0f}"


def quote(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def hard_times(m: Measures, ctx: Context) -> str | None:
    """What says the trouble is the client's own, in words, or None: their own words of a hard time
    (the settings' [hard_times] words, in the last two quarters); or, while the tone stays courteous
    and feedback fair, payments slipping or less work bought by a client who keeps in touch (one
    who goes quiet too is drifting). A slip or a fall is measured over the last two quarters
    against the four before and, where the client had them, the same two a year earlier, so that
    a quiet season is not taken for one."""
    f, a = m.facts, ctx.settings.archetypes
    if f.hard_words and f.hard_said:
        return f'in their own words, "{quote(f.hard_said)}" ({f.hard_via}, {f.hard_on})'
    courteous = f.tone_w is None or f.tone_w >= a.struggling_tone
    fair = f.feedback_w is None or f.feedback_w >= a.struggling_feedback
    satisfied = f.satisfaction is not None and f.satisfaction >= a.struggling_satisfaction
    # "not unhappy with you" stands on what the client said: one survey answer is too little (a
    # Berlin studio's client read "struggling, feedback fair (8/10)" beside "not enough data")
    heard = f.signals_w >= ctx.settings.rules.min_signals
    if not (courteous and fair and satisfied and heard):
        return None
    late, before, year_ago = f.late_recent, f.late_before, f.late_year_ago
    rise = a.struggling_days_late_rise
    # a slip is against how they paid before: with nothing before whose lateness is known (none
    # due, or paid on days no export gave), late now is how they pay, not a change (a Sydney
    # firm's client read "46 days late against none due before" with 13 invoices due, undated)
    if (
        late is not None
        and before is not None
        and late >= a.struggling_days_late
        and late >= before + rise
        and (year_ago is None or late >= year_ago + rise)
    ):
        ago = f" and {year_ago:.0f} a year earlier" if year_ago is not None else ""
        return (
            f"paying {late:.0f} days late over the last two quarters against {before:.0f} "
            f"before{ago}, while " + _still(f)
        )
    hours, before, year_ago = hours_on_record(f, ctx), f.hours_pm_before, f.hours_pm_year_ago
    share = a.struggling_volume_share
    if (
        hours is not None
        and before
        and hours < share * before
        and (year_ago is None or hours < share * year_ago)
        and _in_touch(f, a.drift_contact_share)
    ):
        ago = f" and {_amount(year_ago)} h a year earlier" if year_ago is not None else ""
        return (
            f"{_amount(hours)} h of work a month over the last two quarters against "
            f"{_amount(before)} h before{ago}, while they keep in touch and " + _still(f)
        )
    return None


def hours_on_record(f: ClientFacts, ctx: Context) -> float | None:
    """The client's hours a month over the last two quarters, over the days whose time is on
    record: where the portfolio's time entries end weeks before as_of (`Context.time_ends_on`), the
    days since are left out rather than read as no work (six clients of a dev shop opened on
    5 December with a September export read "struggling"). None with less than a month on record."""
    if f.hours_pm_recent is None or ctx.time_ends_on is None:
        return f.hours_pm_recent
    end = f.ended_on if f.ended_on is not None and f.ended_on < ctx.as_of else ctx.as_of
    known = f.months_recent - max(0, (end - ctx.time_ends_on).days) / DAYS_A_MONTH
    return f.hours_pm_recent * f.months_recent / known if known >= 1 else None


# as the facts query counts a quarter's months (queries/facts_clients.sql, grid)
DAYS_A_MONTH = 30.44


def _still(f: ClientFacts) -> str:
    """What says the relationship holds while the client struggles: a courteous tone and fair
    feedback, or else satisfaction (written only for a client found struggling)."""
    tone = (
        f"the tone stays courteous (sentiment {signed(f.tone_w, 1)})"
        if f.tone_w is not None
        else ""
    )
    fb = f"feedback fair ({f.feedback_w:.0f}/10)" if f.feedback_w is not None else ""
    return " and ".join(x for x in (tone, fb) if x) or f"satisfaction holds ({f.satisfaction:.0f})"


def _in_touch(f: ClientFacts, share: float) -> bool:
    """Messages and feedback at least `share` of the same two quarters a year earlier (per month)."""
    if f.months_year_ago <= 0 or f.contacts_year_ago == 0:
        return f.contacts_recent > 0
    said_now = f.contacts_recent / f.months_recent if f.months_recent > 0 else 0.0
    return said_now >= share * f.contacts_year_ago / f.months_year_ago


def drift(m: Measures, ctx: Context) -> str | None:
    """Work and contact fallen well below the same two quarters a year earlier (and work below the
    client's usual month), with no complaint: what a drifting client looks like, in figures."""
    f, a = m.facts, ctx.settings.archetypes
    work = work_fell(m, ctx)
    if work is None:
        return None
    if f.contacts_year_ago == 0 or _in_touch(f, a.drift_contact_share):
        return None
    last = f"the last message on {f.last_contact}" if f.last_contact else "no message on record"
    heard = (
        f"{plural(f.contacts_recent, 'message or feedback score', 'messages or feedback scores')}"
        " in the last two quarters against "
        f"{f.contacts_year_ago} a year earlier, {last}"
    )
    return f"{work}; {heard}"


def work_fell(m: Measures, ctx: Context) -> str | None:
    """Work (hours, else revenue) fallen well below the same two quarters a year earlier and below
    the client's usual month, with no complaint, in figures; None otherwise. Drifting when contact
    fell too; said on its own where nothing on record says how the relationship stands."""
    f, a = m.facts, ctx.settings.archetypes
    if f.days_held < a.drift_min_days or f.months_year_ago <= 0 or f.complaints_recent > 0:
        return None
    share = a.drift_work_share
    now: float | None
    ago: float | None
    usual: float | None
    if f.hours_pm_year_ago:
        now, ago, usual = hours_on_record(f, ctx), f.hours_pm_year_ago, f.hours_pm_usual
        work = (
            # this quarter's hours are not on record: the months that are, a month at a time
            f"{_amount(now or 0)} h of work a month over the last two quarters (time on record "
            f"to {ctx.time_ends_on}) against {_amount(ago)} h a month a year earlier"
            if ctx.time_ends_on
            else f"{_amount(f.hours_q0 or 0)} h of work this quarter against "
            f"{_amount(f.hours_q4 or 0)} h in the same quarter a year ago"
        )
    else:
        now, ago, usual = f.revenue_pm_recent, f.revenue_pm_year_ago, f.revenue_pm_usual
        work = (
            f"{ctx.money((now or 0) * f.months_recent)} invoiced in the last two quarters against "
            f"{ctx.money((ago or 0) * f.months_year_ago)} a year earlier"
        )
    if now is None or not ago or now >= share * ago or (usual and now >= share * usual):
        return None
    return work


def said_of(f: ClientFacts) -> str:
    """'1 message', '1 feedback score', 'nothing the client said': what health would stand on."""
    if f.signals_w == 0:
        return "nothing the client said"
    if f.messages_12m and not f.feedback_n_12m:
        return plural(f.signals_w, "message")
    if f.feedback_n_12m and not f.messages_12m:
        return plural(f.signals_w, "feedback score")
    return plural(f.signals_w, "message or feedback score", "messages and feedback scores")


def thin_health(m: Measures, s: Settings) -> bool:
    """A health that stands on fewer than twice the things said it needs (rules.min_signals):
    enough to show, too few to call a relationship steady, or poor enough to end it (one
    complaint and one low score read "exit" beside "log more before relying on it")."""
    return m.health is not None and m.facts.signals_w < 2 * s.rules.min_signals


def archetype(m: Measures, ctx: Context) -> Archetype:
    """The first rule that matches, in the order of the README's table."""
    f, rules, a = m.facts, ctx.settings.rules, ctx.settings.archetypes
    if not f.active:
        return A.former
    if f.days_held < rules.min_history_days:
        return A.new
    if f.dormant:
        return A.dormant
    sat = f.satisfaction  # None: no rule that reads satisfaction applies
    prior = f.prior_health
    complaints_now = f.complaints_q0 + f.escalations_q0
    if (
        f.days_held >= a.struggling_min_days
        and prior is not None
        and prior >= a.struggling_prior_health
        and complaints_now <= a.struggling_max_complaints
        and hard_times(m, ctx)
    ):
        return A.struggling
    if (
        m.health is not None
        and not thin_health(m, ctx.settings)
        and f.days_held >= a.loyal_min_days
        and prior is not None
        and f.prior_quarters >= a.loyal_prior_quarters
        and prior >= a.loyal_prior_health
        and m.health <= prior - a.loyal_drop
        and (complaints_now >= 1 or (f.trend_delta or 0) <= -a.loyal_satisfaction_drop)
    ):
        return A.loyal_now_irritated
    if drift(m, ctx):
        return A.drifting
    # Past the kinds read from work and money: a health on too little said, or none, names none
    # of those read from what they said (a champion, a critic, a hater from three messages; an
    # "underpriced, happy" client from one praise).
    if m.health is None or thin_health(m, ctx.settings):
        return A.not_known
    if sat is not None:
        if (
            sat < a.hater_satisfaction
            and f.bad_quarters >= a.hater_quarters
            and f.complaint_quarters >= a.hater_quarters
        ):
            return A.active_hater
        if (
            sat < a.hater_public_satisfaction
            and f.public_12m + f.staff_12m >= a.hater_public_complaints
            and f.complaint_quarters >= a.hater_public_quarters
        ):
            return A.active_hater
    drain = f.drain_12m / f.months_12m if f.months_12m > 0 else 0.0
    if (
        f.friction is not None
        and f.friction < a.problem_friction
        and drain >= a.problem_demands
        and ((f.payment is not None and f.payment < a.problem_payment) or f.unpaid_overdue > 0)
    ):
        return A.problem_client
    if (
        sat is not None
        and f.revision_share is not None
        and f.revision_share >= a.never_revision_share
        and f.rr_per_month >= a.never_requests
        and sat < a.never_satisfaction
    ):
        return A.never_satisfied
    complaints_per_q = f.complaints_w / ctx.window_quarters
    if (
        sat is not None
        and complaints_per_q >= a.critic_complaints
        and sat >= a.critic_satisfaction
        and (f.feedback_12m is None or f.feedback_12m >= a.critic_feedback)
        and (f.days_late_w or 0) <= a.critic_days_late
    ):
        return A.extreme_critic
    target = ctx.target_rate
    rate = m.effective_rate
    if (
        sat is not None
        and sat >= a.underpriced_satisfaction
        and rate is not None
        and target
        and rate < a.underpriced_rate_share * target
    ):
        return A.underpriced
    if (
        sat is not None
        and m.health is not None
        and sat >= a.champion_satisfaction
        and m.health >= a.champion_health
        and f.praise_w > f.complaints_w
        and f.prior_quarters >= a.champion_quarters  # "always satisfied" needs a past
    ):
        return A.champion
    # "Steady" says nothing stands out: not where health or satisfaction is poor (it read
    # "steady" beside health 38, and beside satisfaction 22), which fits none of the kinds above.
    if m.health < rules.exit_health_below or (sat is not None and sat < WEAK_BELOW):
        return A.no_pattern
    return A.steady


@dataclass(slots=True)
class Counter:
    """A counter-signal: its kind weighs in the recommendation; its sentence is written when the
    client's counter-signals are read (most clients' never are in the app)."""

    kind: str  # "referrals" | "lifetime" | "history"
    write: Callable[[], str]

    @property
    def sentence(self) -> str:
        return self.write()


def counter_signals(m: Measures, ctx: Context) -> list[Counter]:
    """What argues for keeping a client whatever this quarter's numbers say."""
    f = m.facts
    out: list[Counter] = []
    floor = max(f.lifetime_value, ctx.medians.get("revenue_12m", 0.0))
    if f.referral_value > 0 and f.referral_value >= floor:
        out.append(Counter("referrals", lambda: _referrals(f, ctx)))
    cs = ctx.settings.counter_signals
    top = ctx.medians.get("lifetime_value_top")
    years = f.tenure_days / 365.25
    if top and f.lifetime_value >= top and years >= cs.lifetime_min_years and f.lifetime_value > 0:
        out.append(
            Counter(
                "lifetime",
                lambda: (
                    f"Lifetime value {ctx.money(f.lifetime_value)} {lifetime_span(f)} "
                    f"(top {1 - cs.lifetime_quantile:.0%} of the portfolio; median "
                    f"{ctx.money(ctx.medians.get('lifetime_value', 0))})."
                ),
            )
        )
    if (
        f.prior_quarters >= cs.history_quarters
        and (avg := f.prior_health or 0) >= cs.history_health
    ):
        out.append(
            Counter(
                "history",
                lambda: (
                    # an average, not each quarter: two of four in the watch band read "healthy
                    # for the 4 quarters before" (a Sydney firm's client)
                    f"Health averaged {avg:.0f} over the {f.prior_quarters} quarters before "
                    "this one."
                ),
            )
        )
    return out


def held(f: ClientFacts, known: str) -> str:
    """How long they have been a client, as far as the record tells: `known` ("a client for")
    where the start is given, "on record for" where it is only the first day an export shows."""
    return known if f.start_known else "on record for"


def lifetime_span(f: ClientFacts) -> str:
    """What lifetime value covers: 'over 5.4 years'; or, where the invoices on record start a
    quarter or more after the client did (an import of the last year or two), 'from invoices since
    July 2025 (a client for 5.4 years)': it read "over 5.4 years" for 15 months of invoices."""
    years = f.tenure_days / 365.25
    if f.first_invoice is not None and (f.first_invoice - f.started_on).days >= 91:
        return f"from invoices since {f.first_invoice:%B %Y} ({held(f, 'a client for')} {years:.1f} years)"
    return f"over {years:.1f} years" if f.start_known else f"over the {years:.1f} years on record"


def _referrals(f: ClientFacts, ctx: Context) -> str:
    names = ", ".join(f.referred[:3]) + (" and others" if len(f.referred) > 3 else "")
    n = len(f.referred)
    return (
        f"Referred {n} client{'s' if n != 1 else ''} worth {ctx.money(f.referral_value)} ({names})."
    )


def recommend(
    arch: Archetype, m: Measures, effort: float | None, counters: list[Counter], ctx: Context
) -> tuple[Recommendation, str]:
    """The recommendation and the sentence that says which rule gave it. Effort versus return not
    known (None) is never poor: no exit and no reprice stand on it."""
    rules = ctx.settings.rules
    kinds = [c.kind for c in counters]
    health = m.health
    poor_health = health is not None and health < rules.exit_health_below
    poor_effort = effort is not None and effort < rules.exit_effort_below
    reprice_money = (
        "nothing on record speaks of the relationship itself (no feedback, no messages): money "
        "facts alone call for a pricing and scope conversation, not the door"
    )
    said = m.facts.complaints_q0 + m.facts.escalations_q0
    # a formal letter is answered face to face, not with a call (domain: channel matters)
    reach = "meet them face to face" if m.facts.letters_q0 else "call them"
    if arch is A.new and said:  # the first complaint sets the tone: too early to judge, not to act
        rec = R.listen
        why = (
            f"A new client, and {'a complaint' if said == 1 else f'{said} complaints'} already "
            f"this quarter: {reach}, listen, and fix the root problem at once."
        )
    elif arch in _FIXED:
        rec, why = _FIXED[arch]
    elif health is None:
        if said:  # a complaint is information, however little else there is
            rec = R.listen
            why = (
                f"{'A complaint' if said == 1 else f'{said} complaints'} this quarter, and too "
                f"little else on record to judge the relationship: {reach}, listen, and log "
                "what they say."
            )
        elif poor_effort:
            rec = R.reprice
            why = (
                f"Effort versus return {effort:.0f} is poor (below {rules.exit_effort_below:.0f}) and there is "
                "not enough data to judge the relationship: a pricing and scope conversation."
            )
        else:
            rec, why = (
                R.watch,
                "Not enough data to judge the relationship: fill the gaps before deciding.",
            )
    elif poor_health and poor_effort:
        both = (
            f"health {health:.0f} and effort versus return {effort:.0f} are both poor "
            f"(below {rules.exit_health_below:.0f} and {rules.exit_effort_below:.0f})"
        )
        if not m.relationship:
            rec, why = R.reprice, f"Not an exit: {both}, but {reprice_money}."
        elif "lifetime" in kinds or "history" in kinds:
            named = {
                "lifetime": "lifetime value",
                "history": "a long healthy history",
                "referrals": "referrals",
            }
            rec = R.recover
            outweigh = [k for k in kinds if k in named]
            # "lifetime value argue" read wrong (an owner hunt): one thing argues, two argue
            verb = "argue" if len(outweigh) > 1 else "argues"
            why = (
                f"Not an exit: {both}, but {' and '.join(named[k] for k in outweigh)} {verb} for "
                "recovery first."
            )
        elif "referrals" in kinds:
            rec, why = R.keep, f"Not an exit: {both}, but the clients they referred outweigh it."
        elif thin_health(m, ctx.settings):
            rec = R.reprice
            why = (
                f"Not an exit: {both}, but health stands on only {said_of(m.facts)}: too little "
                "to call the relationship poor. A pricing and scope conversation first, and log "
                "what they say."
            )
        else:
            rec, why = R.exit, f"Exit candidate: {both}, and no counter-signal outweighs them."
    elif poor_effort:
        rec = R.reprice
        why = (
            f"Effort versus return {effort:.0f} is poor (below {rules.exit_effort_below:.0f}) while health "
            f"{health:.0f} holds: a pricing and scope conversation."
        )
    elif poor_health and not m.relationship:
        rec, why = R.reprice, f"Health {health:.0f} is poor, but {reprice_money}."
    elif poor_health:
        rec, why = {
            A.active_hater: (R.watch, _HATER),
            A.problem_client: (R.reprice, _drain(effort)),
            A.no_pattern: (
                R.recover,
                f"Health {health:.0f} is poor while effort versus return ({effort:.0f}) holds: "
                "find and fix the root problem."
                if effort is not None
                else f"Health {health:.0f} is poor (effort versus return is not known): find and "
                "fix the root problem.",
            ),
        }.get(
            arch,
            (
                R.listen,
                f"Health {health:.0f} is poor: listen, and check whether expectations were set at the start.",
            ),
        )
    elif arch is A.problem_client:
        rec, why = R.reprice, _drain(effort)
    elif arch is A.never_satisfied:
        rec = R.listen
        why = "Endless revisions: agree what 'done' means and what a further round costs."
    elif arch is A.active_hater:
        rec, why = R.watch, _HATER
    elif arch is A.no_pattern and band(health, ctx.settings) is Band.healthy:
        # healthy, and satisfaction poor: it read "keep", unsaid (the watch band names its weak part)
        rec = R.listen
        why = (
            f"Satisfaction {m.facts.satisfaction:.0f} is poor while health {health:.0f} holds: "
            "ask how they feel about the work, listen, and fix what is true."
        )
    elif band(health, ctx.settings) is Band.healthy:
        rec, why = R.keep, ""
    else:
        rec, why = R.watch, _watch(health, m)
    if rec in (R.reprice, R.watch) and "referrals" in kinds and arch not in _NEVER_KEPT:
        rec, why = (
            R.keep,
            "Kept for the clients they bring in, whatever this account earns on its own.",
        )
    if m.facts.letters_q0 and rec in (R.keep, R.watch, R.reprice) and arch is not A.former:
        rec, why = (
            R.listen,
            "A formal letter this quarter: the problem is serious. Listen, and meet face to face.",
        )
    return rec, why


# What to do about a component that is poor while health is only in the watch band.
_WEAK_PART = {
    "satisfaction": "ask how they feel about the work before it shows elsewhere",
    "friction": "agree how and when requests come in, and what urgency costs",
    "payment": "chase what is owed and agree payment terms",
    "scope": "agree what is in scope and what a further round costs",
    "trend": "ask what has changed for them",
}
WEAK_BELOW = 50  # a component under this, in the watch band, is named with what to do


def _watch(health: float, m: Measures) -> str:
    """The watch band's advice: its weakest part when one is poor (a late payer read "nothing to
    act on yet"), else nothing to act on."""
    scored = [(v, k) for k, v in m.components.items() if v is not None]
    if scored and (weakest := min(scored))[0] < WEAK_BELOW:
        value, name = weakest
        # as the components table shows it: a tenth first (29.46 is 29.5 there, and 30 whole;
        # the reason read 29 beside it)
        return (
            f"Health {health:.0f} is in the watch band, and {name} is its weak part "
            f"({round(value, 1):.0f}): {_WEAK_PART[name]}."
        )
    return f"Health {health:.0f} is in the watch band: nothing to act on yet."


_NEVER_KEPT = (A.new, A.former, A.dormant)  # watched whatever their referrals
_HATER = (
    "Unhappy whatever is done: stop spending energy on their comments, do your best, "
    "and consider an exit if it starts to cost."
)


def _drain(effort: float | None) -> str:
    """A problem client's advice; 'still earns its keep' only where effort versus return says so."""
    keep = " but still earns its keep" if effort is not None else ""
    return (
        "Drains energy (urgent or scope-change demands, or requests or complaints after hours)"
        f"{keep}: charge for the urgency and the changes."
    )


_FIXED = {
    A.former: (R.watch, ""),
    A.new: (R.watch, ""),
    A.dormant: (R.watch, ""),
    A.loyal_now_irritated: (
        R.recover,
        "A long, healthy relationship has turned sour: listen, fix the root problem "
        "and run service recovery before anything else.",
    ),
    A.struggling: (
        R.support,
        "A good client going through a hard time of their own, not unhappy with you: go the extra "
        "mile and support them.",
    ),
    A.drifting: (
        R.recover,
        "Drifting away quietly: work and contact have fallen well below the same quarters a year "
        "earlier, with no complaint. Silence is not satisfaction: reach out before they leave.",
    ),
    A.underpriced: (
        R.reprice,
        "Happy, but paying too little for the time it takes: a pricing conversation, not an exit.",
    ),
    A.extreme_critic: (
        R.listen,
        "Complains often but is not unhappy overall: check each complaint, fix what is true, let the rest go.",
    ),
    A.champion: (
        R.keep,
        "Always satisfied and worth holding on to: treat any rare complaint as a crack competitors could use.",
    ),
}
