"""Runs the one set-based facts query and hands back one plain record per client."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, fields
from datetime import date
from functools import cache

import duckdb

from health_tui.dates import quarter_end, quarter_of, quarter_start, shift_quarter
from health_tui.money import rate_params
from health_tui.settings import Settings
from health_tui.store import Store, load_query

# Quarters shown per client: the review quarter and the four before it. More are read: the oldest
# shown quarter's recency window, trend baseline and dormancy check look further back.
SHOWN_QUARTERS = 5

# The settings sections whose every value is a parameter of the facts query, as `section_key`.
FORMULA_SECTIONS = ("window", "satisfaction", "friction", "payment", "scope", "trend", "archetypes")


def quarters_read(settings: Settings) -> int:
    """How many quarters the facts query reads back from the review quarter."""
    w, r = settings.window, settings.rules
    return SHOWN_QUARTERS + max(len(w.quarter_weights) - 1, w.trend_quarters, r.dormant_quarters)


# A complaint names a person on the agency's side by their role: "your designer", "the account
# manager", "that publicist" (PR and marketing roles too: a PR agency's complaints naming its account
# executive were not counted). Built in, not a setting; a staff member's own name is not matched.
STAFF_PATTERN = (
    r"\b(your|the|that|this)\s+(designer|developer|dev|account manager|project manager|pm|staff|"
    r"intern|copywriter|team member|employee|consultant|freelancer|account executive|"
    r"account director|publicist|pr manager|pr person|strategist|writer|editor|producer|"
    r"photographer|social media manager|community manager|art director|creative director)\b"
    # and as a French complaint names them ("votre attachée de presse"); RE2's \b knows no accented
    # letter, so the French words end where no letter follows
    r"|\b(votre|vos|le|la|cette|ce)\s+(graphiste|d[ée]veloppeu(r|se)|chef(fe)? de projet|"
    r"attach[ée]e? de presse|charg[ée]e? de (compte|client[èe]le)|commerciale?|consultante?|"
    r"stagiaire|r[ée]dact(eur|rice)|direct(eur|rice) (artistique|de cr[ée]ation|de client[èe]le)|"
    r"community manager|prestataire)([^\pL]|$)"
)


@dataclass(slots=True)
class ClientFacts:
    """One client's figures as of a date, in the facts query's column order. `q_health` is health
    per shown quarter, newest first."""

    client_id: str
    name: str
    industry: str | None
    started_on: date
    ended_on: date | None
    notice_days: int
    referred_by: str | None
    active: bool
    tenure_days: int
    start_known: bool  # False: started_on is only the first day on record (an export's)
    hours_12m: float
    delivery_12m: float
    revision_12m: float
    meeting_12m: float
    support_12m: float
    admin_12m: float
    nonbillable_12m: float
    revenue_12m: float
    paid_12m: float
    lifetime_value: float
    n_due_12m: int  # due in the last four quarters, how late they were paid known
    days_late_12m: float
    # due in the last four quarters and paid on a day their export did not give: how late not known
    paid_undated_12m: int
    # due in the last four quarters after the latest export showing them unpaid, none since: paid
    # or not is not known
    unseen_12m: int
    # of n_due_12m, those whose days late are counted to the last day an export showed them unpaid
    # (paid since on a day not given, or no export since): late at least that long
    late_bound_12m: int
    unpaid_seen_on: date | None  # the last day an export showed unpaid what is unpaid on record
    unpaid_overdue: float
    n_unpaid_overdue: int
    referral_value: float
    referred: list[str]
    complaints_q0: int
    escalations_q0: int
    letters_q0: int
    urgent_q0: int
    after_hours_q0: int
    scope_changes_q0: int
    revision_requests_q0: int
    public_12m: int
    staff_12m: int
    praise_12m: int
    complaints_12m: int
    drain_12m: int
    messages_12m: int  # interactions of any kind in the last four quarters
    feedback_12m: float | None
    feedback_n_12m: int
    # the last day anything happened, over the whole history up to the as-of date
    last_work: date | None
    last_invoice: date | None
    first_invoice: date | None  # where lifetime value's record starts (imports often start late)
    invoices_seen_on: date | None  # the day its invoices were last imported (None: not known)
    last_contact: date | None
    last_feedback: date | None
    last_feedback_score: int | None
    # the client's own words of a hard time in the last two quarters: how many, the latest quoted
    hard_words: int
    hard_said: str | None
    hard_via: str | None  # the channel, or "feedback"
    hard_on: date | None
    # the current quarter (review quarter, or a former client's last), from recency windows
    current_k: int
    q_health: list[float | None]  # health per shown quarter, newest first
    bad_quarters: (
        int  # shown quarters whose own satisfaction was under archetypes.hater_bad_quarter
    )
    complaint_quarters: int  # shown quarters with a complaint or escalation
    health: float | None  # None: coverage below rules.min_coverage, or dormant
    coverage: float  # share of the health weight whose components have data
    dormant: bool
    satisfaction: float | None
    friction: float | None
    payment: float | None
    scope: float | None
    trend: float | None
    trend_delta: float | None
    # things said of satisfaction in the trend's quarters before: a trend needs rules.min_signals
    baseline_said: int
    praise_w: float
    complaints_w: float
    friction_rate: float | None
    days_late_w: float | None
    revision_share: float | None
    rr_per_month: float
    tone_w: float | None  # mean sentiment in the window, -1..1
    feedback_w: float | None  # mean feedback score in the window, 0..10
    signals_w: int  # messages and feedback scores in the window: health needs rules.min_signals
    said_now: bool  # something said of satisfaction in the quarter itself
    # the kinds of word the trend's quarters before hold enough of to compare this quarter with,
    # as bits: 1 feedback scores, 2 messages with a tone, 4 praise or complaints (BASE_KINDS)
    base_kinds: int
    # the quarter before the current one, read the same way: "why it moved"
    prev_health: float | None
    prev_coverage: float | None
    prev_satisfaction: float | None
    prev_friction: float | None
    prev_payment: float | None
    prev_scope: float | None
    prev_trend: float | None
    prior_health: float | None  # mean health of the shown quarters before the current one
    prior_quarters: int
    # the last two quarters against the same two a year earlier and the four before them
    late_recent: float | None
    late_year_ago: float | None
    late_before: float | None
    hours_pm_recent: float | None
    hours_pm_year_ago: float | None
    hours_pm_before: float | None
    months_12m: float
    # engagement against itself: the last two quarters, the same two a year earlier, the usual month
    hours_q0: float | None
    hours_q4: float | None
    hours_pm_usual: float | None
    revenue_pm_recent: float | None
    revenue_pm_year_ago: float | None
    revenue_pm_usual: float | None
    contacts_recent: int
    contacts_year_ago: int
    months_recent: float
    months_year_ago: float
    complaints_recent: int
    # the time's own money over the last four quarters (Harvest's Cost and Billable Amount), in
    # the portfolio's currency: None where no entry has any; hours with no cost amount
    cost_12m: float | None
    uncosted_hours_12m: float
    billable_12m: float | None
    # billable hours with no billable amount (or 0): the amounts are not an estimate of revenue
    unpriced_hours_12m: float
    # no invoice in the last four quarters and an amount on every billable hour: revenue_12m is
    # billable_12m
    revenue_estimated: bool
    # a relationship begun in the last four quarters and billed after the work (its first bill
    # came after some of its time and billed about what came before it): the hours from its last
    # bill on, not billed yet,
    # their cost amounts and the hours without one, and the hours before its first bill; 0 and
    # None for any other client
    hours_not_billed: float
    cost_not_billed: float | None
    uncosted_not_billed: float
    hours_before_first_bill: float | None
    last_bill: date | None

    @property
    def days_held(self) -> int:
        """The days a client has been one, its first day counted: from 1 October to 30 September
        is a year, 365 days. tenure_days (as_of less the start) is 364 there, and a client whose
        first record is a year's exports could never be read as struggling or drifting (a hard
        time is read after 365 days: a Madrid studio's client said it three times)."""
        return self.tenure_days + 1

    @property
    def billed_hours_12m(self) -> float:
        """The last four quarters' hours that their revenue pays for: a client billed after the
        work has its time since its last bill apart (not billed yet)."""
        return self.hours_12m - self.hours_not_billed

    @property
    def last_said(self) -> date | None:
        """The last day the client said anything on record (a message or a feedback score)."""
        return max(
            (d for d in (self.last_contact, self.last_feedback) if d is not None), default=None
        )


_FIELDS = tuple(f.name for f in fields(ClientFacts))


def first_day_read(as_of: date, settings: Settings) -> date:
    """The oldest day a score as of `as_of` reads (the facts query's window_start): anything
    dated before it counts in no score that day."""
    return quarter_start(*shift_quarter(*quarter_of(as_of), -(quarters_read(settings) - 1)))


def live_from(as_of: date, *, rollups: bool = True, dated_after: bool = True) -> date:
    """The first day the facts query reads from the raw rows, the quarters before it from the
    rollups: the quarter holding `as_of`, unless `as_of` ends it or nothing in it is dated after
    `as_of` (then its rollup rows are what reading it to `as_of` gives, and its time and message
    counts are not read raw: scoring as of today, the app's default, read 0.5 million raw rows
    at 10,000 clients for them).
    Without rollups, every day (tests compare the two ways)."""
    if not rollups:
        return date(1, 1, 1)
    y, q = quarter_of(as_of)
    if as_of == quarter_end(y, q) or not dated_after:
        return quarter_start(*shift_quarter(y, q, 1))
    return quarter_start(y, q)


def facts_params(
    as_of: date, settings: Settings, *, rollups: bool = True, dated_after: bool = True
) -> dict[str, object]:
    """The facts query's parameters: the date, the window, and every formula constant by name;
    `dated_after`: whether anything in `as_of`'s quarter is dated after it (see `live_from`)."""
    w = settings.weights
    params: dict[str, object] = {
        "as_of": as_of,
        "live_from": live_from(as_of, rollups=rollups, dated_after=dated_after),
        "nq": quarters_read(settings),
        "shown": SHOWN_QUARTERS,
        "staff_pattern": STAFF_PATTERN,
        "w_satisfaction": w.satisfaction,
        "w_friction": w.friction,
        "w_payment": w.payment,
        "w_scope": w.scope,
        "w_trend": w.trend,
        "min_coverage": settings.rules.min_coverage,
        "min_signals": settings.rules.min_signals,
        "min_hours": settings.rules.min_hours,
        "target_rate": settings.money.target_rate,
        "hard_times_pattern": words_pattern(settings.hard_times.words),
        "hard_times_prefilter": words_prefilter(settings.hard_times.words),
        "dormant_quarters": settings.rules.dormant_quarters,
        **rate_params(settings.money),
    }
    for section in FORMULA_SECTIONS:
        for key, value in getattr(settings, section).model_dump().items():
            params[f"{section}_{key}"] = value
    return {k: v for k, v in params.items() if k in _used_params()}


NEVER = r"[^\x00-\x{10FFFF}]"  # a pattern that matches nothing


def _word_parts(words: list[str]) -> list[list[str]]:
    """Each word or phrase lower-cased, without accents, as its runs of letters and digits."""
    out = []
    for word in words:
        plain = "".join(
            ch
            for ch in unicodedata.normalize("NFKD", word.lower())
            if not unicodedata.combining(ch)
        )
        if parts := re.findall(r"\w+", plain):
            out.append([re.escape(p) for p in parts])
    return out


def words_pattern(words: list[str]) -> str:
    r"""A regular expression that finds any of `words` at the start of a word, a phrase's words
    across any punctuation; none never matches.

    It reads text in its words form (`words_of`, queries/migrate_008.sql: lower-cased, without
    accents, each run of anything but letters and digits one space, a space first, as the
    connectors' activity rules read it), so it needs no Unicode class of its own: RE2 compiles
    `[^\pL\pN]` in about 2 ms, and a pattern repeating it for every gap of every phrase in 30 ms,
    on every scoring."""
    parts = _word_parts(words)
    if not parts:
        return NEVER
    return " (" + "|".join(" ".join(p) for p in parts) + ")"


def words_prefilter(words: list[str]) -> str:
    """A looser pattern than `words_pattern` (anywhere in a word, across anything but ASCII letters
    and digits) that RE2 runs tens of times faster: only text it finds is checked exactly."""
    parts = _word_parts(words)
    if not parts:
        return NEVER
    return "|".join("[^a-z0-9]+".join(p) for p in parts)


@cache
def _used_params() -> frozenset[str]:
    """Parameters the query names: DuckDB refuses one it does not use (the rules read the rest)."""
    text = re.sub(r"--[^\n]*", "", load_query("facts_clients"))
    return frozenset(re.findall(r"\$([A-Za-z_][A-Za-z0-9_]*)", text))


FETCH_ROWS = 512


def load_facts(
    store: Store,
    as_of: date,
    settings: Settings,
    *,
    con: duckdb.DuckDBPyConnection | None = None,
    rollups: bool = True,
) -> list[ClientFacts]:
    """Every client's facts and components in one query; `con` lets a worker thread use its own
    cursor; `rollups=False` reads every raw row instead of the quarter rollups (for tests)."""
    # The check of what is dated after `as_of` and the query it shapes read one state of the
    # file (the scoring's, when it holds one): a message for tomorrow committed in between would
    # be counted today.
    with store.snapshot(con) as target:
        ahead = rollups and bool(store.row("rollup_dated_after", {"as_of": as_of}, con=target)[0])
        params = facts_params(as_of, settings, rollups=rollups, dated_after=ahead)
        cur = store.run("facts_clients", params, con=target)
        columns = [d[0] for d in cur.description]
        if tuple(columns) != _FIELDS:
            raise RuntimeError(f"facts_clients.sql returns {columns}, expected {_FIELDS}")
        facts: list[ClientFacts] = []
        # A few hundred rows at a time: turning 50,000 rows into Python objects in one call holds
        # the interpreter lock for a tenth of a second, and the app's screen (scoring in a thread)
        # waits.
        while rows := cur.fetchmany(FETCH_ROWS):
            facts.extend(ClientFacts(*row) for row in rows)
    return facts
