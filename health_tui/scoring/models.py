"""The score records: one model that the app, JSON/CSV output and the report all render.

Every verdict travels with the sentences that explain it (`reasons`, `counter_signals`), written once
by the scoring rules and shown verbatim everywhere.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from functools import cached_property

from pydantic import BaseModel, ConfigDict, Field


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
    extreme_critic = "extreme_critic"
    loyal_now_irritated = "loyal_now_irritated"
    active_hater = "active_hater"
    problem_client = "problem_client"
    never_satisfied = "never_satisfied"
    underpriced = "underpriced"
    struggling = "struggling"
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


class ClientScore(BaseModel):
    """A client as of a date: health, effort versus return, archetype, recommendation and why."""

    model_config = ConfigDict(frozen=True)

    client_id: str
    name: str
    industry: str | None = None
    started_on: date
    ended_on: date | None = None
    active: bool
    tenure_days: int
    notice_days: int = 30

    health: float = Field(ge=0, le=100)
    band: Band
    components: list[Component]
    trend: list[QuarterHealth] = Field(
        description="review quarter and the four before it, oldest first"
    )

    effort_return: float = Field(ge=0, le=100)
    effective_rate: float | None = Field(description="revenue / all hours, last four quarters")
    target_rate: float | None
    margin: float | None = Field(
        default=None, description="share of revenue left after cost per hour"
    )
    revenue_12m: float
    paid_12m: float
    hours_12m: float
    hours_by_activity: ActivityHours
    unpaid_overdue: float
    unpaid_overdue_count: int
    avg_days_late: float | None

    lifetime_value: float
    referral_value: float
    referred: list[str] = Field(
        default_factory=list, description="names of the clients they referred"
    )

    archetype: Archetype
    recommendation: Recommendation
    fire_candidate: bool
    reasons: list[str]
    counter_signals: list[str] = Field(default_factory=list)

    @property
    def verdict(self) -> str:
        """The one-line verdict the screens and the report lead with."""
        return (
            f"{self.recommendation.value.upper()}: {self.archetype.label}, health {self.health:.0f} "
            f"({self.band.label}), effort/return {self.effort_return:.0f}"
        )


class PortfolioScore(BaseModel):
    """Every client scored as of one date, with the portfolio figures the reasons compare against."""

    as_of: date
    quarter: str
    quarters: list[str] = Field(description="labels of the trend quarters, oldest first")
    currency: str = "EUR"
    target_rate: float | None
    clients: list[ClientScore]
    medians: dict[str, float] = Field(default_factory=dict)

    @property
    def active(self) -> list[ClientScore]:
        return [c for c in self.clients if c.active]

    def band_counts(self) -> dict[Band, int]:
        counts = dict.fromkeys(Band, 0)
        for c in self.active:
            counts[c.band] += 1
        return counts

    def revenue_at_risk(self) -> float:
        """Last-four-quarters revenue of active clients in the at-risk and critical bands."""
        return sum(c.revenue_12m for c in self.active if c.band in (Band.at_risk, Band.critical))

    def candidates(self) -> list[ClientScore]:
        return [c for c in self.clients if c.fire_candidate]

    @cached_property
    def _index(self) -> dict[str, ClientScore]:
        return {c.client_id: c for c in self.clients}

    def by_id(self, client_id: str) -> ClientScore | None:
        """A client by id, from an index built once: reports look up every client of two quarters."""
        return self._index.get(client_id)
