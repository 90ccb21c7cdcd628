"""The scoring model's constants: every number the formulas and the archetype rules use, validated.

Each section is a table of the settings file (`[friction]`, `[archetypes]`, ...). The facts query
(`queries/facts_clients.sql`) receives the formula constants as bound parameters named
`section_key` (`$friction_complaint`), and the rules in `health_tui/scoring/` read the same
objects: no constant is written anywhere else. The README's "Scoring model" table documents each
one and says which way a score moves when it is raised; `tests/test_scoring_model.py` checks that.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator


class Window(BaseModel):
    """Which quarters a quarter's health reads, and how much each counts."""

    model_config = ConfigDict(extra="forbid")

    quarter_weights: list[float] = Field(
        default_factory=lambda: [1.0, 0.5, 0.25],
        description="weight of the events of the quarter itself, the one before, ... (1 to 4 values)",
    )
    trend_quarters: int = Field(
        4,
        ge=1,
        le=8,
        description="a quarter's satisfaction is compared with this many before, each kind of "
        "word (feedback, tone, praise against complaints) with its own mean",
    )

    @field_validator("quarter_weights")
    @classmethod
    def _weights(cls, weights: list[float]) -> list[float]:
        if not 1 <= len(weights) <= 4:
            raise ValueError("give 1 to 4 weights: the quarter itself, then the ones before it")
        if any(w < 0 for w in weights) or weights[0] <= 0:
            raise ValueError("weights must be >= 0 and the quarter's own weight above 0")
        return weights


class Satisfaction(BaseModel):
    """How the satisfaction component blends its three parts (relative weights)."""

    model_config = ConfigDict(extra="forbid")

    feedback: float = Field(0.6, ge=0, description="feedback scores (0-10, times 10)")
    tone: float = Field(0.2, ge=0, description="tone of messages (sentiment -1..1 as 0..100)")
    praise: float = Field(0.2, ge=0, description="praise against complaints, (praise+1)/(all+2)")
    feedback_half_life_days: float = Field(
        180,
        gt=0,
        description="feedback's weight halves for every this many days its latest score is old",
    )

    @model_validator(mode="after")
    def _some_weight(self) -> Satisfaction:
        if self.feedback + self.tone + self.praise <= 0:
            raise ValueError("at least one part must weigh above 0")
        return self


class Friction(BaseModel):
    """Friction points per event, and the curve that turns points per month into a score."""

    model_config = ConfigDict(extra="forbid")

    complaint: float = Field(1.0, ge=0, description="points for a complaint")
    escalation: float = Field(2.0, ge=0, description="points for an escalation")
    letter: float = Field(
        1.0, ge=0, description="extra points for a complaint or escalation by letter"
    )
    public: float = Field(
        1.0, ge=0, description="extra points for a complaint made in public (social)"
    )
    staff: float = Field(
        1.0, ge=0, description="extra points for a complaint naming a member of staff"
    )
    urgent: float = Field(0.5, ge=0, description="points for an urgent request")
    after_hours: float = Field(
        0.5, ge=0, description="points for a request or complaint made outside office hours"
    )
    scope_change: float = Field(0.5, ge=0, description="points for a scope change")
    revision_request: float = Field(0.25, ge=0, description="points for a revision request")
    scale: float = Field(
        1.5,
        gt=0,
        description="points per month that take the friction score to 37 (100·e^(−rate/scale))",
    )
    office_opens: int = Field(8, ge=0, le=23, description="hour office hours start")
    office_closes: int = Field(
        20, ge=1, le=24, description="hour from which a request or complaint is after hours"
    )
    weekends_after_hours: bool = Field(
        True, description="a request or complaint on Saturday or Sunday is after hours"
    )

    @model_validator(mode="after")
    def _hours(self) -> Friction:
        if self.office_opens >= self.office_closes:
            raise ValueError("office_opens must be before office_closes")
        return self


class Payment(BaseModel):
    """Punctuality: days late of invoices due, and the share of money overdue and unpaid."""

    model_config = ConfigDict(extra="forbid")

    late_share: float = Field(
        0.75,
        ge=0,
        le=1,
        description="share of the score from days late (the rest: unpaid overdue share)",
    )
    late_days_scale: float = Field(
        30, gt=0, description="average days late that take that part to 37 (100·e^(−days/scale))"
    )


class Scope(BaseModel):
    """Scope discipline: 100 less penalties for rework, unbilled time and revision requests."""

    model_config = ConfigDict(extra="forbid")

    revision_allowance: float = Field(
        0.05, ge=0, le=1, description="revision share of hours without penalty"
    )
    revision_penalty: float = Field(
        120, ge=0, description="points per whole share of revision above it"
    )
    nonbillable_allowance: float = Field(
        0.10, ge=0, le=1, description="non-billable share of hours without penalty"
    )
    nonbillable_penalty: float = Field(
        60, ge=0, description="points per whole share of non-billable above it"
    )
    revision_request_penalty: float = Field(
        5, ge=0, description="points per revision request a month"
    )


class Trend(BaseModel):
    """A quarter's own satisfaction against the quarters before it, like with like: each part
    (feedback, tone, praise against complaints) against its own mean there."""

    model_config = ConfigDict(extra="forbid")

    steady: float = Field(75, ge=0, le=100, description="the trend score when satisfaction holds")
    slope: float = Field(
        1.5, ge=0, description="trend points per point of satisfaction gained or lost"
    )


class Effort(BaseModel):
    """Effort versus return: the effective rate against the target, on a 0-100 scale."""

    model_config = ConfigDict(extra="forbid")

    at_target: float = Field(70, ge=0, le=100, description="the score at the target rate")
    slope: float = Field(
        100,
        gt=0,
        description="points per target's worth of rate (100: 100 at 1.3× target, 0 at 0.3×)",
    )
    unpaid_penalty: float = Field(
        30, ge=0, description="points taken off for unpaid overdue money, in proportion to revenue"
    )
    loss_cap: float = Field(
        20,
        ge=0,
        le=100,
        description="with a known cost (cost amounts or cost_per_hour): the highest score of a "
        "client run at a loss",
    )
    loss_slope: float = Field(
        40,
        ge=0,
        description="with a known cost: points below loss_cap per whole share of revenue lost",
    )


class Archetypes(BaseModel):
    """The thresholds of the archetype rules (README, "Archetypes"), in the order they are tried."""

    model_config = ConfigDict(extra="forbid")

    loyal_min_days: int = Field(
        540, ge=0, description="loyal-now-irritated: client at least this long"
    )
    loyal_prior_quarters: int = Field(
        3, ge=1, description="... healthy over at least this many quarters"
    )
    loyal_prior_health: float = Field(
        70, ge=0, le=100, description="... averaging at least this health"
    )
    loyal_drop: float = Field(15, ge=0, description="... and now at least this many points lower")
    loyal_satisfaction_drop: float = Field(
        20, ge=0, description="... with a complaint, or a satisfaction drop of at least this"
    )
    struggling_min_days: int = Field(365, ge=0, description="struggling: client at least this long")
    struggling_prior_health: float = Field(
        60, ge=0, le=100, description="... healthy before (average)"
    )
    struggling_max_complaints: int = Field(
        1, ge=0, description="... at most this many complaints this quarter"
    )
    struggling_days_late: float = Field(
        20,
        ge=0,
        description="... hard times: their own words, or paying at least this many days late lately",
    )
    struggling_days_late_rise: float = Field(
        15, ge=0, description="... and this many more than before and than a year earlier"
    )
    struggling_volume_share: float = Field(
        0.6,
        ge=0,
        le=1,
        description="... or working under this share of before and of a year earlier, still in touch",
    )
    struggling_satisfaction: float = Field(
        55,
        ge=0,
        le=100,
        description="... (late or less work) while satisfaction stays at least this",
    )
    struggling_tone: float = Field(
        -0.2, ge=-1, le=1, description="... the tone of messages (sentiment -1..1) at least this"
    )
    struggling_feedback: float = Field(
        6, ge=0, le=10, description="... and feedback (if any) at least this"
    )
    drift_min_days: int = Field(365, ge=0, description="drifting: client at least this long")
    drift_work_share: float = Field(
        0.4,
        ge=0,
        le=1,
        description="... work under this share of a year earlier and of their usual quarter",
    )
    drift_contact_share: float = Field(
        0.5, ge=0, le=1, description="... messages and feedback under this share of a year earlier"
    )
    hater_satisfaction: float = Field(
        30, ge=0, le=100, description="active hater: satisfaction below this"
    )
    hater_bad_quarter: float = Field(
        35, ge=0, le=100, description="... a quarter's satisfaction below this is bad"
    )
    hater_quarters: int = Field(
        3, ge=1, description="... bad and complaining in this many shown quarters"
    )
    hater_public_satisfaction: float = Field(
        45, ge=0, le=100, description="or: satisfaction below this with public or staff complaints"
    )
    hater_public_complaints: int = Field(
        2, ge=1, description="... at least this many in four quarters"
    )
    hater_public_quarters: int = Field(
        2, ge=1, description="... complaining in this many shown quarters"
    )
    problem_friction: float = Field(
        40, ge=0, le=100, description="problem client: friction below this"
    )
    problem_demands: float = Field(
        1.0,
        ge=0,
        description=(
            "... urgent or scope-change demands, or requests or complaints after hours, a month, "
            "at least"
        ),
    )
    problem_payment: float = Field(
        60, ge=0, le=100, description="... and payment below this, or money overdue"
    )
    never_revision_share: float = Field(
        0.30, ge=0, le=1, description="never satisfied: revision share at least"
    )
    never_requests: float = Field(1.0, ge=0, description="... revision requests a month, at least")
    never_satisfaction: float = Field(
        60, ge=0, le=100, description="... and satisfaction below this"
    )
    critic_complaints: float = Field(
        2, ge=0, description="extreme critic: complaints a quarter, at least"
    )
    critic_satisfaction: float = Field(
        45, ge=0, le=100, description="... while satisfaction is at least"
    )
    critic_feedback: float = Field(
        6, ge=0, le=10, description="... feedback (when there is any) at least"
    )
    critic_days_late: float = Field(
        15, ge=0, description="... and paying at most this many days late"
    )
    underpriced_satisfaction: float = Field(
        75, ge=0, le=100, description="under-priced: satisfaction at least"
    )
    underpriced_rate_share: float = Field(
        0.75, gt=0, le=1, description="... and an effective rate below this share of target"
    )
    champion_satisfaction: float = Field(
        85, ge=0, le=100, description="champion: satisfaction at least"
    )
    champion_health: float = Field(80, ge=0, le=100, description="... and health at least")
    champion_quarters: int = Field(
        2, ge=0, description="... and a health in at least this many earlier quarters"
    )


class CounterSignals(BaseModel):
    """What turns an exit into recovery: lifetime value, or a long healthy history."""

    model_config = ConfigDict(extra="forbid")

    lifetime_quantile: float = Field(
        0.75, ge=0, le=1, description="lifetime value at or above this quantile of active clients"
    )
    lifetime_min_years: float = Field(2, ge=0, description="... after at least this many years")
    history_quarters: int = Field(
        3, ge=1, description="healthy for at least this many quarters before"
    )
    history_health: float = Field(
        70, ge=0, le=100, description="... averaging at least this health"
    )


HARD_TIMES_WORDS = (
    "payment plan", "restructuring", "restructure", "lost our", "lost a contract",
    "lost the contract", "lost their contract", "not your fault", "not the problem",
    "patience on payment", "patience with payment", "cash flow", "cashflow", "laid off", "layoffs",
    "redundanc", "insolven", "bankrupt", "tough time", "hard time", "difficult time",
    # as a French client says it (matched without accents)
    "difficultés de trésorerie", "difficultés financières", "problème de trésorerie",
    "problèmes de trésorerie", "tension de trésorerie", "tensions de trésorerie",
    "plan de paiement", "échéancier", "restructuration", "plan social", "licenciement",
    "redressement judiciaire", "liquidation judiciaire", "perdu un contrat", "perdu le contrat",
    "perdu notre", "période difficile", "moment difficile", "passe difficile",
    "pas de votre faute",
    # a German, Spanish or Portuguese one's (not "parcelamento": in Brazil paying in instalments,
    # "em 3x no boleto", is how things are bought, no sign of trouble)
    "zahlungsschwierigkeit", "liquiditätsengpass", "liquiditätsprobleme", "ratenzahlung",
    "kurzarbeit", "entlassungen", "umstrukturierung", "schwierige zeit",
    "flujo de caja", "problemas de liquidez", "dificultades financieras", "plan de pagos",
    "despidos", "reestructuración", "concurso de acreedores", "momento difícil",
    "fluxo de caixa", "dificuldade de caixa", "dificuldades de caixa", "dificuldade financeira",
    "dificuldades financeiras", "recuperação judicial", "demissões",
    "reestruturação", "perdemos um contrato", "perdemos o contrato",
)  # fmt: skip


class HardTimes(BaseModel):
    """Words that say the trouble is the client's own (a lost contract, a restructuring, a payment
    plan asked politely), looked for in their messages, call notes and feedback comments of the
    last two quarters. A word matches at the start of a word, in any case and without accents, as
    the activity words do; a phrase matches across punctuation ("payment-plan")."""

    model_config = ConfigDict(extra="forbid")

    words: list[str] = Field(
        default_factory=lambda: list(HARD_TIMES_WORDS),
        description="words or phrases that say the client is going through a hard time",
    )

    @field_validator("words")
    @classmethod
    def _real_words(cls, words: list[str]) -> list[str]:
        if any(not any(ch.isalnum() for ch in w) for w in words):
            raise ValueError("every word needs a letter or digit")
        return [w.strip() for w in words]
