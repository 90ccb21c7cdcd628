"""The owner's track record: the past quarters' decisions read back against what happened since.

Every decision is stored with the verdict it was taken against (`review_decisions.recommendation`,
`health`, `effort_return`). For the quarters before the one viewed this says how often each
recommendation was followed, how the clients kept against an exit recommendation have done since
(against the quarter viewed, scored as the app already scored it: nothing is scored again here),
which exits were taken and what revenue and hours they gave up, and which rule the owner keeps
overriding, with the settings behind it. Three set-based queries (`queries/track_record_*.sql`);
the rest is arithmetic over their few rows.
"""

from __future__ import annotations

from datetime import date, datetime

import duckdb
from pydantic import BaseModel, ConfigDict, Field

from health_tui.formatting import plural
from health_tui.formatting import share as percent
from health_tui.money import rate_params
from health_tui.review.decisions import Decision
from health_tui.scoring.models import PortfolioScore, Recommendation
from health_tui.settings import Settings
from health_tui.store import Store

OVERRIDE_MIN = 3
"""A rule is overridden "again and again" from this many overrides on, when that is at least as
often as it was followed."""

# What each recommendation's rule reads, and the settings that move it (README, "scoring model").
RULES: dict[Recommendation, tuple[str, tuple[str, ...]]] = {
    Recommendation.exit: (
        "health and effort versus return both poor, no counter-signal",
        ("rules.exit_health_below", "rules.exit_effort_below"),
    ),
    Recommendation.reprice: (
        "effort versus return poor while health holds or stands on too little said, or a happy "
        "client under target rate",
        (
            "rules.exit_effort_below",
            "rules.min_signals",
            "archetypes.underpriced_rate_share",
            "money.target_rate",
        ),
    ),
    Recommendation.recover: (
        "a loyal client turned sour, a drifting one, a valuable one who would be an exit, or a "
        "poor health no kind explains",
        (
            "archetypes.loyal_drop",
            "archetypes.drift_work_share",
            "counter_signals.lifetime_quantile",
        ),
    ),
    Recommendation.listen: (
        "poor health, poor satisfaction in a healthy client, endless revisions or a formal letter",
        (
            "rules.exit_health_below",
            "archetypes.never_revision_share",
            "archetypes.critic_complaints",
        ),
    ),
    Recommendation.support: (
        "a good client in a hard time of their own",
        ("archetypes.struggling_days_late", "archetypes.struggling_volume_share"),
    ),
    Recommendation.watch: (
        "health in the watch band, or a client too new or too quiet to judge",
        ("bands.watch", "bands.healthy", "rules.min_history_days"),
    ),
    Recommendation.keep: ("a healthy client", ("bands.healthy",)),
}

REVENUE_BASIS = (
    "Revenue and hours are those of the twelve months to the end of the quarter the exit was "
    "decided for, as that quarter's score counts them (decisions do not store them)."
)


def setting_value(settings: Settings, name: str) -> str:
    """A setting's value as `health-tui config` would show it: "55", "0.75", "not set"."""
    section, key = name.split(".", 1)
    value = getattr(getattr(settings, section), key)
    if value is None:
        return "not set"
    return f"{value:g}" if isinstance(value, float) else str(value)


class FollowedRecord(BaseModel):
    """One recommendation: how many decisions were taken against it and what they were."""

    model_config = ConfigDict(frozen=True)

    recommendation: Recommendation
    decisions: int
    followed: int = Field(description="decision == recommendation; keep follows a watch")
    deferred: int
    overrides: dict[Decision, int] = Field(description="the other decisions, most frequent first")

    @property
    def overridden(self) -> int:
        return sum(self.overrides.values())

    @property
    def decided(self) -> int:
        """Decisions that followed or overrode it: defers left out."""
        return self.followed + self.overridden

    @property
    def followed_share(self) -> float | None:
        return self.followed / self.decided if self.decided else None

    @property
    def overrides_text(self) -> str:
        """ "keep 4, recover 1" """
        return ", ".join(f"{d.value} {n:,}" for d, n in self.overrides.items())


class SettingInForce(BaseModel):
    model_config = ConfigDict(frozen=True)

    name: str
    value: str


class OverridePattern(BaseModel):
    """A rule the owner keeps overriding, and the settings that would change what it says."""

    model_config = ConfigDict(frozen=True)

    record: FollowedRecord
    rule: str = Field(description="what the rule reads, in words")
    settings: list[SettingInForce]

    @property
    def sentence(self) -> str:
        r = self.record
        names = ", ".join(f"{s.name} ({s.value})" for s in self.settings)
        return (
            f"You overrode {r.recommendation.value} in {r.overridden:,} of {r.decided:,} decisions "
            f"({r.overrides_text}). The rule: {self.rule}; the settings behind it: {names}. "
            "If your judgment holds, change them in the settings file (run health-tui config to "
            "see where they are set; the README's scoring model says what moving each does)."
        )


class KeptAgainstExit(BaseModel):
    """A client the owner did not let go although the app said exit, then and now."""

    model_config = ConfigDict(frozen=True)

    client_id: str
    name: str
    since: str = Field(description="the first quarter decided against an exit recommendation")
    times: int = Field(description="quarters decided against an exit recommendation")
    decision: Decision = Field(description="the latest of those decisions")
    health_then: float | None
    effort_then: float | None
    scored_now: bool = Field(description="scored in the quarter viewed")
    active_now: bool = False
    health_now: float | None = None
    effort_now: float | None = None
    recommendation_now: Recommendation | None = None

    @property
    def health_move(self) -> float | None:
        if self.health_now is None or self.health_then is None:
            return None
        return round(self.health_now) - round(self.health_then)

    @property
    def effort_move(self) -> float | None:
        if self.effort_now is None or self.effort_then is None:
            return None
        return round(self.effort_now) - round(self.effort_then)


class ExitTaken(BaseModel):
    """An exit decided in a past quarter and still in force, with what it gave up."""

    model_config = ConfigDict(frozen=True)

    client_id: str
    name: str
    quarter: str = Field(description="the quarter the exit was first decided for")
    decided_at: datetime
    recommendation: Recommendation | None = Field(description="what the app said then")
    revenue_12m: float | None = Field(
        description="the twelve months to the end of `quarter`; None: no invoice of theirs on "
        "record by then, or hours in those months and no invoice in them"
    )
    hours_12m: float | None = Field(description="None: no time entry of theirs on record by then")
    active_now: bool | None = Field(description="None: not scored in the quarter viewed")
    ended_on: date | None = None


class TrackRecord(BaseModel):
    """The owner's decisions in the quarters before `quarter`, read back."""

    model_config = ConfigDict(frozen=True)

    quarter: str = Field(description="the quarter viewed; the record covers the ones before")
    as_of: date
    currency: str
    quarters: list[str] = Field(description="past quarters with decisions, oldest first")
    decisions: int = Field(description="decisions in force in those quarters")
    without_verdict: int = Field(description="recorded without a recommendation to compare")
    followed: list[FollowedRecord] = Field(description="one per recommendation met, exit first")
    kept: list[KeptAgainstExit]
    exits: list[ExitTaken]
    patterns: list[OverridePattern]
    revenue_basis: str = REVENUE_BASIS

    @property
    def empty(self) -> bool:
        return self.decisions == 0

    @property
    def span(self) -> str:
        """ "2026Q1" or "2025Q4 to 2026Q2" """
        if not self.quarters:
            return ""
        first, last = self.quarters[0], self.quarters[-1]
        return first if first == last else f"{first} to {last}"

    @property
    def decided(self) -> int:
        return sum(r.decided for r in self.followed)

    @property
    def followed_total(self) -> int:
        return sum(r.followed for r in self.followed)

    @property
    def exits_revenue(self) -> float:
        """The exits' revenue on record (those not known left out: `exits_sentence` says so)."""
        return sum(e.revenue_12m or 0.0 for e in self.exits)

    @property
    def exits_hours(self) -> float:
        return sum(e.hours_12m or 0.0 for e in self.exits)

    def exits_sentence(self, revenue: str) -> str:
        """What the exits give up and free, with `revenue` already formatted for the page, and
        whose figures are not known."""
        hours = f"{self.exits_hours:,.0f} hours"
        if all(e.revenue_12m is None for e in self.exits):
            revenue = "revenue that is not known"  # not €0
        else:
            revenue = f"{revenue} of revenue"
        if len(self.exits) == 1:
            text = f"The exit gives up {revenue} and frees {hours} a year."
        else:
            text = f"The {len(self.exits):,} exits give up {revenue} and free {hours} a year."
        unknown = [
            f"the {what} of {plural(n, 'client')}"
            for what, n in (
                ("revenue", sum(1 for e in self.exits if e.revenue_12m is None)),
                ("hours", sum(1 for e in self.exits if e.hours_12m is None)),
            )
            if n
        ]
        if unknown:
            text += (
                f" Not counted: {' and '.join(unknown)} (none of theirs on record for the four "
                "quarters to the exit)."
            )
        return text

    @property
    def nothing_yet(self) -> str:
        """What to say when there is no record yet."""
        return (
            f"No decisions recorded for the quarters before {self.quarter} yet: the track record "
            "starts once a quarter has been reviewed (press r in the app, or run health-tui "
            "review)."
        )

    @property
    def summary(self) -> str:
        """ "Over 2025Q4 to 2026Q2: 14 decisions; 6 of 12 followed the recommendation (50%)." """
        if self.empty:
            return self.nothing_yet
        text = f"Over {self.span}: {_n(self.decisions, 'decision')}"
        if self.decided:
            share = self.followed_total / self.decided
            text += (
                f"; {self.followed_total:,} of {self.decided:,} followed the recommendation "
                f"({percent(share)})"
            )
        deferred = sum(r.deferred for r in self.followed)
        if deferred:
            text += f", {deferred:,} deferred"
        if self.without_verdict:
            text += f", {self.without_verdict:,} recorded without a verdict to compare"
        return text + "."


def _n(n: int, word: str) -> str:
    return f"{n:,} {word if n == 1 else word + 's'}"


def build_track_record(
    store: Store,
    portfolio: PortfolioScore,
    settings: Settings,
    *,
    con: duckdb.DuckDBPyConnection | None = None,
) -> TrackRecord:
    """The record of the quarters before `portfolio.quarter`, against `portfolio` as it stands."""
    quarter = portfolio.quarter
    params = {"quarter": quarter}
    quarters = store.dicts("track_record_quarters", params, con=con)
    followed = [_followed(row) for row in store.dicts("track_record_followed", params, con=con)]
    order = list(Recommendation)[::-1]  # exit first, keep last: the door matters most here
    followed.sort(key=lambda r: order.index(r.recommendation))
    kept = [_kept(row, portfolio) for row in store.dicts("track_record_kept", params, con=con)]
    exit_params = {**params, **rate_params(settings.money)}
    exits = [
        _exit(row, portfolio) for row in store.dicts("track_record_exits", exit_params, con=con)
    ]
    return TrackRecord(
        quarter=quarter,
        as_of=portfolio.as_of,
        currency=portfolio.currency,
        quarters=[row["quarter"] for row in quarters],
        decisions=sum(row["decisions"] for row in quarters),
        without_verdict=sum(row["without_verdict"] for row in quarters),
        followed=followed,
        kept=kept,
        exits=exits,
        patterns=[_pattern(r, settings) for r in followed if _again_and_again(r)],
    )


def _followed(row: dict) -> FollowedRecord:
    return FollowedRecord(
        recommendation=row["recommendation"],
        decisions=row["decisions"],
        followed=row["followed"],
        deferred=row["deferred"],
        overrides={o["decision"]: o["n"] for o in row["overrides"]},
    )


def _again_and_again(r: FollowedRecord) -> bool:
    return r.overridden >= OVERRIDE_MIN and r.overridden >= r.followed


def _pattern(r: FollowedRecord, settings: Settings) -> OverridePattern:
    rule, names = RULES[r.recommendation]
    return OverridePattern(
        record=r,
        rule=rule,
        settings=[SettingInForce(name=n, value=setting_value(settings, n)) for n in names],
    )


def _kept(row: dict, portfolio: PortfolioScore) -> KeptAgainstExit:
    now = portfolio.by_id(row["client_id"])
    extra = {}
    if now is not None:
        extra = {
            "active_now": now.active,
            "health_now": now.health,
            "effort_now": now.effort_return,
            "recommendation_now": now.recommendation,
        }
    return KeptAgainstExit(**row, scored_now=now is not None, **extra)


def _exit(row: dict, portfolio: PortfolioScore) -> ExitTaken:
    now = portfolio.by_id(row["client_id"])
    return ExitTaken(
        **row,
        active_now=None if now is None else now.active,
        ended_on=None if now is None else now.ended_on,
    )
