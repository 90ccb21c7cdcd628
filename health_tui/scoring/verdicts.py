"""Pass two of scoring: archetype, recommendation, counter-signals and the reasons behind them.

Each rule is written to be read beside domain.md and the README's table of archetypes; each verdict
comes with sentences that quote the numbers it rests on and how they compare with the portfolio.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from health_tui.scoring.measures import Measures
from health_tui.scoring.models import Archetype, Band, Recommendation
from health_tui.settings import Settings

A, R = Archetype, Recommendation
DRAINING = (A.active_hater, A.problem_client, A.never_satisfied, A.steady)


@dataclass(slots=True)
class Context:
    """What a verdict compares against: the portfolio's medians and the target rate."""

    medians: dict[str, float]
    target_rate: float | None
    settings: Settings
    weights: dict[str, float] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.weights = self.settings.weights.model_dump()

    def money(self, amount: float) -> str:
        return f"{self.settings.money.currency} {amount:,.0f}"


def band(health: float, settings: Settings) -> Band:
    b = settings.bands
    if health >= b.healthy:
        return Band.healthy
    if health >= b.watch:
        return Band.watch
    if health >= b.at_risk:
        return Band.at_risk
    return Band.critical


def archetype(m: Measures, ctx: Context) -> Archetype:
    """The first rule that matches, in the order of the README's table."""
    f, rules = m.facts, ctx.settings.rules
    if not f.active:
        return A.former
    if f.tenure_days < rules.min_history_days:
        return A.new
    sat = f.satisfaction if f.satisfaction is not None else 60.0
    prior = f.prior_health
    complaints_now = f.complaints_q0 + f.escalations_q0
    if (
        f.tenure_days >= 540
        and prior is not None
        and f.prior_quarters >= 3
        and prior >= 70
        and m.health <= prior - 15
        and (complaints_now >= 1 or (f.trend_delta or 0) <= -20)
    ):
        return A.loyal_now_irritated
    payment_slipped = (
        f.late_recent is not None
        and f.late_recent >= 20
        and f.late_recent >= (f.late_before or 0) + 15
    )
    volume_fell = (
        f.hours_pm_recent is not None
        and bool(f.hours_pm_before)
        and f.hours_pm_recent < 0.6 * f.hours_pm_before
    )
    if (
        f.tenure_days >= 365
        and prior is not None
        and prior >= 60
        and sat >= 55
        and complaints_now <= 1
        and (payment_slipped or volume_fell)
    ):
        return A.struggling
    if sat < 30 and f.bad_quarters >= 3 and f.complaint_quarters >= 3:
        return A.active_hater
    if sat < 45 and f.public_12m + f.staff_12m >= 2 and f.complaint_quarters >= 2:
        return A.active_hater
    drain = f.drain_12m / f.months_12m if f.months_12m > 0 else 0.0
    if (
        f.friction is not None
        and f.friction < 40
        and drain >= 1.0
        and ((f.payment is not None and f.payment < 60) or f.unpaid_overdue > 0)
    ):
        return A.problem_client
    if (
        f.revision_share is not None
        and f.revision_share >= 0.30
        and f.rr_per_month >= 1.0
        and sat < 60
    ):
        return A.never_satisfied
    complaints_per_q = f.complaints_w / 1.75  # the window's weights sum to 1.75 quarters
    if (
        complaints_per_q >= 2
        and sat >= 45
        and (f.feedback_12m or 7) >= 6
        and (f.days_late_w or 0) <= 15
    ):
        return A.extreme_critic
    target = ctx.target_rate
    rate = m.effective_rate
    if sat >= 75 and rate is not None and target and rate < rules.underpriced_rate_share * target:
        return A.underpriced
    if sat >= 85 and m.health >= 80 and f.praise_w > f.complaints_w:
        return A.champion
    return A.steady


@dataclass(slots=True)
class Counter:
    kind: str  # "referrals" | "lifetime" | "history"
    sentence: str


def counter_signals(m: Measures, ctx: Context) -> list[Counter]:
    """What argues for keeping a client whatever this quarter's numbers say."""
    f = m.facts
    out: list[Counter] = []
    floor = max(f.lifetime_value, ctx.medians.get("revenue_12m", 0.0))
    if f.referral_value > 0 and f.referral_value >= floor:
        names = ", ".join(f.referred[:3]) + (" and others" if len(f.referred) > 3 else "")
        n = len(f.referred)
        out.append(
            Counter(
                "referrals",
                f"Referred {n} client{'s' if n != 1 else ''} worth {ctx.money(f.referral_value)} "
                f"({names}).",
            )
        )
    p75 = ctx.medians.get("lifetime_value_p75")
    years = f.tenure_days / 365.25
    if p75 and f.lifetime_value >= p75 and years >= 2 and f.lifetime_value > 0:
        out.append(
            Counter(
                "lifetime",
                f"Lifetime value {ctx.money(f.lifetime_value)} over {years:.1f} years "
                f"(top quarter of the portfolio; median {ctx.money(ctx.medians.get('lifetime_value', 0))}).",
            )
        )
    if f.prior_quarters >= 3 and (avg := f.prior_health or 0) >= 70:
        out.append(
            Counter(
                "history",
                f"Healthy for the {f.prior_quarters} quarters before this one (average health {avg:.0f}).",
            )
        )
    return out


def recommend(
    arch: Archetype, m: Measures, effort: float, counters: list[Counter], ctx: Context
) -> tuple[Recommendation, str]:
    """The recommendation and the sentence that says which rule gave it."""
    rules = ctx.settings.rules
    kinds = [c.kind for c in counters]
    poor_health = m.health < rules.exit_health_below
    poor_effort = effort < rules.exit_effort_below
    both = (
        f"health {m.health:.0f} and effort versus return {effort:.0f} are both poor "
        f"(below {rules.exit_health_below:.0f} and {rules.exit_effort_below:.0f})"
    )
    if arch in _FIXED:
        rec, why = _FIXED[arch]
    elif poor_health and poor_effort:
        if "lifetime" in kinds or "history" in kinds:
            named = {
                "lifetime": "lifetime value",
                "history": "a long healthy history",
                "referrals": "referrals",
            }
            rec = R.recover
            why = f"Not an exit: {both}, but {' and '.join(named[k] for k in kinds)} argue for recovery first."
        elif "referrals" in kinds:
            rec, why = R.keep, f"Not an exit: {both}, but the clients they referred outweigh it."
        else:
            rec, why = R.exit, f"Exit candidate: {both}, and no counter-signal outweighs them."
    elif poor_effort:
        rec = R.reprice
        why = (
            f"Effort versus return {effort:.0f} is poor (below {rules.exit_effort_below:.0f}) while health "
            f"{m.health:.0f} holds: a pricing and scope conversation."
        )
    elif poor_health:
        rec, why = {
            A.active_hater: (R.watch, _HATER),
            A.problem_client: (R.reprice, _DRAIN),
            A.steady: (
                R.recover,
                f"Health {m.health:.0f} is poor while the account still earns its keep: find and fix the root problem.",
            ),
        }.get(
            arch,
            (
                R.listen,
                f"Health {m.health:.0f} is poor: listen, and check whether expectations were set at the start.",
            ),
        )
    elif arch is A.problem_client:
        rec, why = R.reprice, _DRAIN
    elif arch is A.never_satisfied:
        rec = R.listen
        why = "Endless revisions: agree what 'done' means and what a further round costs."
    elif arch is A.active_hater:
        rec, why = R.watch, _HATER
    elif band(m.health, ctx.settings) is Band.healthy:
        rec, why = R.keep, ""
    else:
        rec, why = R.watch, f"Health {m.health:.0f} is in the watch band: nothing to act on yet."
    if rec in (R.reprice, R.watch) and "referrals" in kinds and arch not in (A.new, A.former):
        rec, why = (
            R.keep,
            "Kept for the clients they bring in, whatever this account earns on its own.",
        )
    return rec, why


_HATER = (
    "Unhappy whatever is done: stop spending energy on their comments, do your best, "
    "and consider an exit if it starts to cost."
)
_DRAIN = (
    "Drains energy (urgent, after-hours and changing demands) but still earns its keep: "
    "charge for the urgency and the changes."
)
_FIXED = {
    A.former: (R.watch, ""),
    A.new: (R.watch, ""),
    A.loyal_now_irritated: (
        R.recover,
        "A long, healthy relationship has turned sour this quarter: listen, fix the root problem "
        "and run service recovery before anything else.",
    ),
    A.struggling: (
        R.support,
        "A long-standing client going through a hard patch (slower payment or less work, "
        "satisfaction intact): go the extra mile and support them.",
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
