"""The score records: one model that the app, JSON/CSV output and the report all render.

Every verdict travels with the sentences that explain it (`reasons`, `counter_signals`), written once
by the scoring rules and shown verbatim everywhere.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from functools import cached_property
from typing import ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field

from health_tui.scoring.deferred import DeferredFields


class Band(StrEnum):
    healthy = "healthy"
    watch = "watch"
    at_risk = "at_risk"
    critical = "critical"

    @property
    def label(self) -> str:
        """How people write it: "at risk"."""
        return self.value.replace("_", " ")


class Archetype(StrEnum):
    champion = "champion"
    steady = "steady"
    no_pattern = "no_pattern"  # health or satisfaction poor, and none of the kinds below fits
    not_known = "not_known"  # too little said to lean on health, and nothing else shows
    extreme_critic = "extreme_critic"
    loyal_now_irritated = "loyal_now_irritated"
    active_hater = "active_hater"
    problem_client = "problem_client"
    never_satisfied = "never_satisfied"
    underpriced = "underpriced"
    struggling = "struggling"
    drifting = "drifting"
    dormant = "dormant"
    new = "new"
    former = "former"

    @property
    def label(self) -> str:
        """How people write it: "loyal now irritated"."""
        return self.value.replace("_", " ")


class Recommendation(StrEnum):
    keep = "keep"
    reprice = "reprice"
    recover = "recover"
    listen = "listen"
    support = "support"
    watch = "watch"
    exit = "exit"


COMPONENTS = ("satisfaction", "friction", "payment", "scope", "trend")


class Component(BaseModel):
    """One part of health, 0-100 (higher is better); None when the client has no data for it."""

    model_config = ConfigDict(frozen=True)

    name: str
    score: float | None
    weight: float = Field(description="configured weight")
    effective_weight: float = Field(description="share of health after missing parts were left out")
    detail: str = Field(description="what the number is made of, in words")

    @property
    def has_data(self) -> bool:
        return self.score is not None


NOT_ENOUGH_DATA = "not enough data"


def band_label(band: Band | None) -> str:
    """A band as people write it, or "not enough data" where health does not stand."""
    return band.label if band is not None else NOT_ENOUGH_DATA


def whole_moves(changes: dict[str, float], total: float) -> list[tuple[str, int]]:
    """Component changes in whole points that add up exactly to `total` (whole points itself):
    rounded down, then the points left go to the largest remainders. Biggest move first, and of
    moves equal in whole points the one larger before rounding (then by name); no zeros."""
    floors = {k: int(v // 1) for k, v in changes.items()}
    left = round(total) - sum(floors.values())
    if left > 0:  # the largest remainders first, ties by name
        for _, k in sorted((floors[k] - v, k) for k, v in changes.items())[:left]:
            floors[k] += 1
    ranked = sorted((-abs(v), -abs(changes[k]), k, v) for k, v in floors.items() if v != 0)
    return [(k, v) for *_, k, v in ranked]


DataChange = Literal["gained", "lost"]


def data_changes(
    now: dict[str, float | None], before: dict[str, float | None]
) -> dict[str, DataChange]:
    """The components with data in only one of two quarters' scores (`ClientScore.data_changed`):
    their move in health is the weight they took or gave, not a move of their own score."""
    return {
        k: "gained" if v is not None else "lost"
        for k, v in now.items()
        if (v is None) != (before[k] is None)
    }


def data_note(change: DataChange | None) -> str:
    """What a component's move in health means where it gained or lost its data: a trend of 78
    arriving read as "trend −2", a fall of the trend, where it was the weight it took."""
    if change is None:
        return ""
    return " (no data the quarter before)" if change == "gained" else " (no data this quarter)"


def signed_points(n: float) -> str:
    """'+3', '−9' (a true minus sign), '0'."""
    n = round(n)
    return "0" if n == 0 else (f"+{n}" if n > 0 else f"−{-n}")


class QuarterHealth(BaseModel):
    model_config = ConfigDict(frozen=True)

    quarter: str  # "2026Q3"
    health: float | None


class ActivityHours(BaseModel):
    model_config = ConfigDict(frozen=True)

    delivery: float = 0.0
    revision: float = 0.0
    meeting: float = 0.0
    support: float = 0.0
    admin: float = 0.0

    @property
    def total(self) -> float:
        return self.delivery + self.revision + self.meeting + self.support + self.admin


# Why a client's figures are not known, in the words every screen and file uses: revenue of the
# last four quarters (no invoice in them for the hours worked, or none at all), hours (no time entry
# ever). Said of one client or of several.
REVENUE_NOT_KNOWN = "no invoice of theirs in the last four quarters"
HOURS_NOT_KNOWN = "no time of theirs on record"


class ClientScore(DeferredFields):
    """A client as of a date: health, effort versus return, archetype, recommendation and why.

    Scoring leaves what only the client screen, JSON, CSV and the report read (the components,
    hours by activity, why health moved, the reasons and counter-signals) to be worked out when
    first read: in the app, most clients' never are."""

    model_config = ConfigDict(frozen=True)
    deferred: ClassVar[tuple[str, ...]] = (
        "components",
        "component_changes",
        "data_changed",
        "hours_by_activity",
        "reasons",
        "counter_signals",
    )

    client_id: str
    name: str
    industry: str | None = None
    started_on: date
    ended_on: date | None = None
    active: bool
    tenure_days: int
    start_known: bool = Field(
        default=True,
        # said only when false, so the record of a client whose start is known reads as it did
        exclude_if=lambda known: known,
        description="False: started_on is only the first day on record (an export's first row), "
        "not the day the client began; tenure_days counts from it",
    )
    notice_days: int = 30

    health: float | None = Field(
        ge=0,
        le=100,
        description="None: not enough data (coverage below rules.min_coverage) or dormant",
    )
    band: Band | None = Field(description="None where health is None: 'not enough data'")
    coverage: float = Field(
        ge=0, le=1, description="share of the health weight whose components have data"
    )
    thin_evidence: str | None = Field(
        default=None,
        # said only where it applies, so other records read as they always did
        exclude_if=lambda thin: thin is None,
        description="health None although the weight is covered: what it would stand on, too "
        "little (rules.min_signals), e.g. '1 feedback score in this quarter and the 2 before; 2 needed'",
    )
    components: list[Component]
    trend: list[QuarterHealth] = Field(
        description="review quarter and the four before it, oldest first"
    )
    previous_quarter: str | None = Field(
        default=None,
        description="the quarter before the current one (the review quarter's, for "
        "an active client): the one previous_health and the change refer to",
    )
    previous_health: float | None = Field(
        default=None,
        description="health of the previous quarter as it stood at that quarter's end: the same "
        "figure as the trend's point for it and as scoring as of that day",
    )
    health_change: float | None = Field(
        default=None, description="health minus previous_health, whole points"
    )
    component_changes: dict[str, float] = Field(
        default_factory=dict,
        description="each component's contribution to health_change, in health points (one "
        "decimal); they add up to health_change exactly",
    )
    data_changed: dict[str, DataChange] = Field(
        default_factory=dict,
        # said only where a component gained or lost its data, so other records read as before
        exclude_if=lambda changed: not changed,
        description="components with data in only one of the two quarters: 'gained' (no data the "
        "quarter before) or 'lost' (no data this quarter); their component_changes is what "
        "health gained or lost with that data, not a move of their score",
    )

    effort_return: float | None = Field(
        ge=0,
        le=100,
        description="None: not enough data (no revenue for any client, or no hours for any "
        "client and none for this one, or neither for this one, or no target rate)",
    )
    effective_rate: float | None = Field(
        description="revenue / hours billed (all hours but hours_not_billed), last four "
        "quarters; None without hours, or when no client has revenue (not known, rather than 0)"
    )
    rate_weighed: bool = Field(
        default=True,
        # said only when false, so the record of every other client reads as it always did
        exclude_if=lambda weighed: weighed,
        description="false: effective_rate stands on fewer hours than [rules] min_hours in the "
        "last four quarters, one small job's rate: not weighed (effort_return is null, the "
        "target rate leaves it out), and the tables show none",
    )
    target_rate: float | None
    margin: float | None = Field(
        default=None,
        description="share of revenue left after the cost of the hours: the time entries' cost "
        "amounts (Harvest's Cost Amount), the hours without one at [money] cost_per_hour; none "
        "when a cost is not known",
    )
    revenue_12m: float
    revenue_estimated: bool = Field(
        default=False,
        # said only when true, so the record of an invoiced client reads as it always did
        exclude_if=lambda estimated: not estimated,
        description="no invoice in the last four quarters: revenue_12m is the billable amounts "
        "of the time entries (Harvest's Billable Amount)",
    )
    invoices_on_record: bool = Field(
        default=True,
        # said only when false, so the record of an invoiced client reads as it always did
        exclude_if=lambda on_record: on_record,
        description="false: no invoice of theirs is on record as of the date, so paid_12m and "
        "lifetime_value (and revenue_12m, unless revenue_estimated) are 0 for want of data, "
        "not known",
    )
    revenue_12m_on_record: bool = Field(
        default=True,
        # said only when false, so the record of an invoiced client reads as it always did
        exclude_if=lambda on_record: on_record,
        description="false: hours in the last four quarters and no invoice of theirs in them (nor "
        "a billable amount on every billable hour to estimate it from), so revenue_12m is 0 for "
        "want of data, not known",
    )
    time_on_record: bool = Field(
        default=True,
        exclude_if=lambda on_record: on_record,
        description="false: no time entry of theirs is on record as of the date, so hours_12m "
        "is 0 for want of data, not known",
    )
    paid_12m: float
    hours_12m: float
    hours_not_billed: float = Field(
        default=0.0,
        # said only where there are some, so other clients' records read as they always did
        exclude_if=lambda hours: not hours,
        description="a client begun in the last four quarters and billed after the work: the "
        "hours of hours_12m from its last invoice on, not billed yet; its effective_rate and "
        "effort_return stand on the others",
    )
    hours_by_activity: ActivityHours
    unpaid_overdue: float
    unpaid_overdue_count: int
    avg_days_late: float | None

    lifetime_value: float
    referral_value: float
    referrals_on_record: bool = Field(
        default=True,
        exclude_if=lambda on_record: on_record,
        description="false: a client they referred has no invoice on record, so referral_value "
        "leaves its revenue out: not known",
    )
    referred: list[str] = Field(
        default_factory=list, description="names of the clients they referred"
    )
    referred_by: str | None = Field(default=None, description="client_id of who referred them")
    referred_by_name: str | None = None
    referrer_standing: str | None = Field(
        default=None,
        description="the referrer's verdict in words: 'champion, health 92 (healthy), keep'",
    )
    last_activity: date | None = Field(
        default=None, description="the last day with work, an invoice, a message or feedback"
    )

    archetype: Archetype
    recommendation: Recommendation
    fire_candidate: bool
    reasons: list[str]
    counter_signals: list[str] = Field(default_factory=list)

    @property
    def band_text(self) -> str:
        """The band as people write it; where health does not stand, why: dormant or not enough data."""
        if self.band is None and self.archetype is Archetype.dormant:
            return "not scored (dormant)"
        return band_label(self.band)

    @property
    def health_text(self) -> str:
        """ "health 74 (healthy)", or "not enough data (30% of the health weight)"."""
        if self.health is None or self.band is None:
            if self.archetype is Archetype.dormant:
                return "health not scored"
            if self.thin_evidence:
                return f"{NOT_ENOUGH_DATA} ({self.thin_evidence})"
            return f"{NOT_ENOUGH_DATA} ({self.coverage:.0%} of the health weight)"
        return f"health {self.health:.0f} ({self.band.label})"

    @property
    def verdict(self) -> str:
        """The one-line verdict the screens and the report lead with."""
        kind = "" if self.archetype is Archetype.not_known else f"{self.archetype.label}, "
        return f"{self.recommendation.value.upper()}: {kind}{self.health_text}, {self.effort_text}"

    @property
    def since_text(self) -> str:
        """ "client since 2021-03-01", or "on record since 2025-07-01" where the start is only the
        first day an export shows (the owner gives it with `clients start` or the correct form)."""
        lead = "client since" if self.start_known else "on record since"
        return f"{lead} {self.started_on.isoformat()}"

    @property
    def known_started_on(self) -> date | None:
        """The day the client began, where it is known (not only the first day on record)."""
        return self.started_on if self.start_known else None

    def known_revenue(self, value: float) -> float | None:
        """One of this client's money figures as it should be read: None (not known) where no
        invoice of theirs is on record, rather than 0."""
        return value if self.invoices_on_record else None

    @property
    def known_revenue_12m(self) -> float | None:
        """The last four quarters' revenue as it should be read: from invoices, or estimated from
        billable amounts; None (not known) where neither of theirs is on record for hours worked
        in them (revenue_12m_on_record)."""
        return self.revenue_12m if self.revenue_12m_on_record else None

    @property
    def revenue_gap(self) -> str:
        """Why the last four quarters' revenue is not known, in a few words."""
        return REVENUE_NOT_KNOWN if self.invoices_on_record else "no invoice of theirs on record"

    @property
    def known_referral_value(self) -> float | None:
        """The referred clients' lifetime value; None where one of them has no invoice on record."""
        return self.referral_value if self.referrals_on_record else None

    @property
    def billed_hours_12m(self) -> float:
        """The hours the last four quarters' revenue pays for: its rate's and effort versus
        return's (the time not billed yet of a client billed after the work left out)."""
        return self.hours_12m - self.hours_not_billed

    def known_hours(self, value: float) -> float | None:
        """Hours as they should be read: None where no time of theirs is on record, not 0."""
        return value if self.time_on_record else None

    @property
    def known_rate(self) -> float | None:
        """The effective rate as the tables show it: None where it is not weighed (`rate_weighed`:
        a few hours' rate, €5,828/h for 2 h, read as a fact beside "not enough data")."""
        return self.effective_rate if self.rate_weighed else None

    @property
    def effort_text(self) -> str:
        """ "effort/return 62", or "effort/return: not enough data"."""
        return self.effort_said("effort/return")

    def effort_said(self, label: str) -> str:
        """Effort versus return under `label`: "label 62", or "label: not enough data"."""
        if self.effort_return is None:
            return f"{label}: {NOT_ENOUGH_DATA}"
        return f"{label} {self.effort_return:.0f}"

    @property
    def moves(self) -> list[tuple[str, int]]:
        """Why health moved since the previous quarter, in whole points adding up to the change."""
        if self.health_change is None:
            return []
        return whole_moves(self.component_changes, self.health_change)

    @property
    def moved_text(self) -> str | None:
        """ "since 2026Q2: friction −9, satisfaction −3, trend +1"; None without a previous health."""
        if self.health_change is None or self.previous_quarter is None:
            return None
        moves = ", ".join(
            f"{name} {signed_points(v)}{data_note(self.data_changed.get(name))}"
            for name, v in self.moves
        )
        return f"since {self.previous_quarter}: {moves or 'no change'}"


# Said once for the portfolio where `PortfolioScore.nothing_said` (the CLI, the app, the report).
NOTHING_SAID = (
    "Nothing your clients said is on record (no message, no feedback score), so health stands for "
    "none of them: import a helpdesk or survey export, or log what they say (i and f on a client "
    "in the app)"
)


# Time entries ending this many days or more before the date scored are said (`time_ends_on`): a
# time export a few weeks old makes the weeks since read as no work (the hours and rates of the last
# four quarters stand on less; no client is said to struggle or drift for it: verdicts.Context).
STALE_TIME_DAYS = 14


class PortfolioScore(BaseModel):
    """Every client scored as of one date, with the portfolio figures the reasons compare against."""

    as_of: date
    quarter: str
    quarters: list[str] = Field(description="labels of the trend quarters, oldest first")
    currency: str = "EUR"
    target_rate: float | None
    clients: list[ClientScore]
    medians: dict[str, float] = Field(default_factory=dict)
    said_on_record: bool = Field(
        default=True,
        description="some active client has a message or feedback score on record by as_of",
    )
    time_ends_on: date | None = Field(
        default=None,
        exclude_if=lambda day: day is None,
        description="the last day of any time entry on record by as_of, where it is "
        f"{STALE_TIME_DAYS} days or more before as_of: the work since reads as none",
    )

    invoices_seen_on: date | None = Field(
        default=None,
        exclude_if=lambda day: day is None,
        description="the day invoices were last imported, where it is "
        f"{STALE_TIME_DAYS} days or more before as_of: invoices and payments since are not on record",
    )

    @cached_property
    def revenue_on_record(self) -> bool:
        """Some client's revenue of the last four quarters is known (ClientScore.known_revenue_12m);
        without, portfolio revenue figures are not known, not 0."""
        return any(c.known_revenue_12m is not None for c in self.clients)

    @cached_property
    def revenue_estimated(self) -> bool:
        """Some client's revenue of the last four quarters is estimated from billable amounts (no
        invoice of theirs in them): the tables mark those figures, and make room for the mark."""
        return any(c.revenue_estimated for c in self.clients)

    @cached_property
    def hours_on_record(self) -> bool:
        """Some client has a time entry on record; without, portfolio hours are not known."""
        return any(c.time_on_record for c in self.clients)

    @cached_property
    def rates_known(self) -> bool:
        """Some active client has a rate (hours and revenue of its own): without, no rate and no
        effort versus return is weighed."""
        return any(c.effective_rate is not None for c in self.active)

    @property
    def active(self) -> list[ClientScore]:
        return [c for c in self.clients if c.active]

    @property
    def time_ends_text(self) -> str | None:
        """What `time_ends_on` means for the scores, said once for the portfolio (the CLI, the
        app's review, the report)."""
        if self.time_ends_on is None:
            return None
        days = (self.as_of - self.time_ends_on).days
        return (
            f"Time entries end on {self.time_ends_on}, {days} days before {self.as_of}: the work "
            "since is not on record (the last four quarters' hours and rates stand on less); "
            f"import a newer time export, or score as of {self.time_ends_on}"
        )

    @property
    def invoices_seen_text(self) -> str | None:
        """What `invoices_seen_on` means for the scores: an invoice unpaid then that fell due
        since is neither late nor on time, and what was overdue then is unpaid as last seen."""
        if self.invoices_seen_on is None:
            return None
        days = (self.as_of - self.invoices_seen_on).days
        return (
            f"Invoices were last imported on {self.invoices_seen_on}, {days} days before "
            f"{self.as_of}: invoices and payments since are not on record (one unpaid then is "
            "counted as it stood, one that fell due since as not known); import a newer export"
        )

    @property
    def out_of_date_text(self) -> str | None:
        """Where the data ends weeks before the date scored, said once for the portfolio (the
        CLI, the app's review, the report): time entries, invoices."""
        said = [t for t in (self.time_ends_text, self.invoices_seen_text) if t]
        return ". ".join(said) or None

    @property
    def nothing_said(self) -> bool:
        """No active client has a message or feedback score on record: health stands for none
        of them for want of it (a time tracker and invoices alone). The screens say so once for
        the portfolio: client by client, "not enough data" taught an owner nothing. (A book gone
        quiet is not this: its clients are dormant, and said so.)"""
        return bool(self.active) and not self.said_on_record

    def band_counts(self) -> dict[Band, int]:
        """Active clients per band; those with not enough data are counted by `unscored`."""
        counts = dict.fromkeys(Band, 0)
        for c in self.active:
            if c.band is not None:
                counts[c.band] += 1
        return counts

    def unscored(self) -> int:
        """Active clients whose health does not stand: not enough data, or dormant."""
        return sum(1 for c in self.active if c.band is None)

    def revenue_at_risk(self) -> float | None:
        """Last-four-quarters revenue of active clients in the at-risk and critical bands; None
        (not known) where no revenue is on record."""
        if not self.revenue_on_record:
            return None
        return sum(c.revenue_12m for c in self.active if c.band in (Band.at_risk, Band.critical))

    def at_risk_not_known(self) -> int:
        """At-risk and critical active clients whose revenue is not known: revenue at risk leaves
        them out, and says so. 0 where no revenue is on record at all: revenue at risk is not known
        then, and says that instead."""
        if not self.revenue_on_record:
            return 0
        return sum(
            1
            for c in self.active
            if c.band in (Band.at_risk, Band.critical) and c.known_revenue_12m is None
        )

    def candidates(self) -> list[ClientScore]:
        return [c for c in self.clients if c.fire_candidate]

    @cached_property
    def _index(self) -> dict[str, ClientScore]:
        return {c.client_id: c for c in self.clients}

    def by_id(self, client_id: str) -> ClientScore | None:
        """A client by id, from an index built once: reports look up every client of two quarters."""
        return self._index.get(client_id)
