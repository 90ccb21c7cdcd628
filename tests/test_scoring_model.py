"""The scoring model, setting by setting: the README's table documents every setting with its
default and which way a figure or verdict moves when it is raised; each case here raises (or
lowers) one setting on a portfolio with a client near that threshold and checks the move.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from health_tui.scoring.engine import score_portfolio
from health_tui.scoring.models import Archetype, Band, ClientScore, PortfolioScore, Recommendation
from health_tui.settings import Settings
from health_tui.store import open_store
from tests.conftest import ROOT
from tests.model_portfolio import model_book
from tests.portfolio_builder import AS_OF

# setting -> (the value to try, the client that shows it, settings both runs share)
CASES: dict[str, tuple[object, str] | tuple[object, str, dict]] = {
    "weights.satisfaction": (1.5, "hater"),
    "weights.friction": (1.0, "pushy"),
    "weights.payment": (1.0, "patch"),
    "weights.scope": (1.0, "jane"),
    "weights.trend": (1.0, "loyal"),
    "bands.healthy": (90, "s0"),
    "bands.watch": (70, "sour"),
    "bands.at_risk": (50, "drain"),
    "money.target_rate": (150, "s2"),
    "money.cost_per_hour": (120, "cheap"),
    "rules.min_history_days": (400, "jane"),
    "rules.exit_health_below": (75, "meh"),
    "rules.exit_effort_below": (60, "sour"),
    "rules.min_coverage": (0.9, "quiet"),
    "rules.min_signals": (100, "quiet"),
    "rules.min_hours": (10_000, "quiet"),
    "rules.dormant_quarters": (3, "asleep"),
    "window.quarter_weights": ([1.0, 1.0, 1.0], "loyal"),
    "window.trend_quarters": (8, "grower"),
    "satisfaction.feedback": (3.0, "s0"),
    "satisfaction.tone": (3.0, "s0"),
    "satisfaction.praise": (3.0, "critic"),
    "satisfaction.feedback_half_life_days": (720, "aged"),
    "friction.complaint": (3.0, "critic"),
    "friction.escalation": (4.0, "loyal"),
    "friction.letter": (3.0, "loyal"),
    "friction.public": (3.0, "loud"),
    "friction.staff": (3.0, "loud"),
    "friction.urgent": (1.5, "drain"),
    "friction.after_hours": (1.5, "drain"),
    "friction.scope_change": (1.5, "drain"),
    "friction.revision_request": (1.0, "jane"),
    "friction.scale": (3.0, "critic"),
    "friction.office_opens": (12, "s0"),
    "friction.office_closes": (23, "drain"),
    "friction.weekends_after_hours": (False, "pushy"),
    "payment.late_share": (0.95, "drain"),
    "payment.late_days_scale": (60, "drain"),
    "scope.revision_allowance": (0.15, "critic"),
    "scope.revision_penalty": (240, "critic"),
    "scope.nonbillable_allowance": (0.35, "drain"),
    "scope.nonbillable_penalty": (120, "drain"),
    "scope.revision_request_penalty": (10, "jane"),
    "trend.steady": (85, "s0"),
    "trend.slope": (3.0, "patch"),
    "effort.at_target": (80, "s0"),
    "effort.slope": (150, "s0"),
    "effort.unpaid_penalty": (60, "drain"),
    "effort.loss_cap": (40, "cheap", {"money": {"cost_per_hour": 60}}),
    "effort.loss_slope": (60, "cheap", {"money": {"cost_per_hour": 60}}),
    "archetypes.loyal_min_days": (1200, "loyal"),
    "archetypes.loyal_prior_quarters": (5, "loyal"),
    "archetypes.loyal_prior_health": (95, "loyal"),
    "archetypes.loyal_drop": (60, "loyal"),
    "archetypes.loyal_satisfaction_drop": (95, "cooled"),
    "archetypes.struggling_min_days": (1200, "patch"),
    "archetypes.struggling_prior_health": (95, "patch"),
    "archetypes.struggling_satisfaction": (80, "patch"),
    "archetypes.struggling_max_complaints": (0, "patch"),
    "archetypes.struggling_days_late": (60, "patch"),
    "archetypes.struggling_days_late_rise": (50, "patch"),
    "archetypes.struggling_volume_share": (0.3, "shrink"),
    "archetypes.struggling_tone": (0.5, "patch"),
    "archetypes.struggling_feedback": (9, "patch"),
    "archetypes.drift_min_days": (1200, "drift"),
    "archetypes.drift_work_share": (0.1, "drift"),
    "archetypes.drift_contact_share": (0.1, "drift"),
    "archetypes.hater_satisfaction": (5, "hater"),
    "archetypes.hater_bad_quarter": (5, "hater"),
    "archetypes.hater_quarters": (6, "hater"),
    "archetypes.hater_public_satisfaction": (30, "loud"),
    "archetypes.hater_public_complaints": (10, "loud"),
    "archetypes.hater_public_quarters": (6, "loud"),
    "archetypes.problem_friction": (10, "drain"),
    "archetypes.problem_demands": (10, "drain"),
    "archetypes.problem_payment": (80, "pushy"),
    "archetypes.never_revision_share": (0.6, "jane"),
    "archetypes.never_requests": (5, "jane"),
    "archetypes.never_satisfaction": (30, "jane"),
    "archetypes.critic_complaints": (5, "critic"),
    "archetypes.critic_satisfaction": (70, "critic"),
    "archetypes.critic_feedback": (8, "critic"),
    "archetypes.critic_days_late": (2, "critic"),
    "archetypes.underpriced_satisfaction": (95, "cheap"),
    "archetypes.underpriced_rate_share": (0.9, "bargain"),
    "archetypes.champion_satisfaction": (95, "champ"),
    "archetypes.champion_health": (95, "champ"),
    "archetypes.champion_quarters": (5, "champ"),  # more than the four quarters shown
    "counter_signals.lifetime_quantile": (0.99, "whale"),
    "counter_signals.lifetime_min_years": (5, "whale"),
    "counter_signals.history_quarters": (5, "souring"),
    "counter_signals.history_health": (95, "souring"),
    "hard_times.words": ([], "hard"),
}
# The settings sections the scores read; [activities] (import) and any other section are not part
# of the scoring model. In [money], the currency and its conversion rates are not formula constants,
# nor is payment_terms_days (a due date the import assumes, not a figure scoring reads).
MODEL_SECTIONS = (
    "weights", "bands", "money", "rules", "window", "satisfaction", "friction", "payment", "scope",
    "trend", "effort", "archetypes", "counter_signals", "hard_times",
)  # fmt: skip
# Settings of the money section that do not move a score: the currency and its rates convert, and
# payment_terms_days gives an import its due dates.
NOT_IN_THE_MODEL = {"money.currency", "money.rates", "money.payment_terms_days"}


def readme_table() -> dict[str, tuple[str, str]]:
    """The README's scoring-model table: setting -> (default as written, 'raise it and' text)."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    body = text[text.index("| setting | default | what it is | raise it and |") :]
    rows = {}
    for line in body.splitlines()[2:]:
        if not line.startswith("| `"):
            break
        key, default, _what, effect = (cell.strip() for cell in line.strip("|").split(" | "))
        rows[key.strip("`")] = (default, effect)
    return rows


TABLE = readme_table()


def effect(text: str) -> tuple[str, int]:
    """ "friction ↓ for a client who complains" -> ("friction", -1)."""
    m = re.match(r"(.+?) ([↑↓])", text)
    assert m, f"the README's effect {text!r} does not start with '<what> ↑' or '<what> ↓'"
    return m.group(1), 1 if m.group(2) == "↑" else -1


def measure(c: ClientScore, what: str) -> float:
    """A client's figure by the README's name for it; a verdict (an archetype, "<band> band" or a
    recommendation) counts 1 when the client has it."""
    components = {comp.name: comp.score for comp in c.components}
    figures = {"health": c.health, "effort": c.effort_return, **components}
    if what in figures:
        value = figures[what]
        assert value is not None, f"{c.client_id} has no {what}"
        return value
    if what == "scored":
        return float(c.health is not None)
    if what == "weighed":
        return float(c.effort_return is not None)
    verdicts = {a.label: c.archetype is a for a in Archetype}
    verdicts |= {f"{b.label} band": c.band is b for b in Band}
    verdicts |= {r.value: c.recommendation is r for r in Recommendation}
    assert what in verdicts, f"the README names {what!r}, which is no figure or verdict"
    return float(verdicts[what])


def with_setting(base: dict, key: str, value: object) -> Settings:
    section, name = key.split(".")
    data = {s: dict(v) for s, v in base.items()}
    data.setdefault(section, {})[name] = value
    return Settings.model_validate(data)


@pytest.fixture(scope="module")
def score(tmp_path_factory):
    """Score the model portfolio with any settings; the import happens once.

    The facts query reads the settings only through its parameters, so a setting the rules alone
    read (an archetype's threshold, a band) scores from the facts already fetched with the same
    parameters: 38 queries for the 92 scorings, every scoring's rules run afresh."""
    from health_tui.ingest.native import import_folder
    from health_tui.scoring import engine
    from health_tui.scoring.facts import facts_params, load_facts

    tmp = tmp_path_factory.mktemp("model")
    store = open_store(tmp / "model.duckdb")
    import_folder(store, model_book().write(tmp / "book"))
    cache: dict[str, PortfolioScore] = {}
    fetched: dict[str, list] = {}

    def facts_once(store, as_of, settings, **kw):
        key = repr(sorted(facts_params(as_of, settings).items()))
        if key not in fetched:
            fetched[key] = load_facts(store, as_of, settings, **kw)
        return fetched[key]

    def run(settings: Settings) -> PortfolioScore:
        key = settings.model_dump_json()
        if key not in cache:
            cache[key] = score_portfolio(store, AS_OF, settings)
        return cache[key]

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(engine, "load_facts", facts_once)
        yield run
    store.close()


def test_the_readme_documents_every_setting_of_the_model_with_its_default() -> None:
    defaults = Settings()
    documented = set(TABLE)
    in_model = {
        f"{section}.{key}"
        for section in MODEL_SECTIONS
        for key in type(getattr(defaults, section)).model_fields
    } - NOT_IN_THE_MODEL
    assert documented == in_model
    assert set(CASES) == in_model
    for key, (written, _) in TABLE.items():
        section, name = key.split(".")
        value = getattr(getattr(defaults, section), name)
        if value is None:
            assert written == "not set", key
        elif isinstance(value, bool):
            assert written == str(value).lower(), key
        elif isinstance(value, list) and key == "hard_times.words":
            assert written == "see below", key
        elif isinstance(value, list):
            assert [float(x) for x in written.strip("[]").split(",")] == value, key
        else:
            assert float(written) == value, key


@pytest.mark.parametrize("key", sorted(CASES))
def test_changing_a_setting_moves_the_score_as_the_readme_says(score, key: str) -> None:
    value, cid, *shared = CASES[key]
    base = shared[0] if shared else {}
    what, way = effect(TABLE[key][1])
    section, name = key.split(".")
    default = getattr(getattr(Settings.model_validate(base), section), name)
    if isinstance(value, bool):
        assert value is False and default is True  # the README says what turning it off does
    elif isinstance(value, list) and all(isinstance(x, str) for x in value):
        way *= 1 if len(value) > len(default) else -1  # more words, or fewer
    elif isinstance(value, list):
        way *= 1 if sum(value) > sum(default) else -1
    elif default is None or value > default:
        pass
    else:
        way = -way  # lowered: the other way
    before = measure(score(Settings.model_validate(base)).by_id(cid), what)
    after = measure(score(with_setting(base, key, value)).by_id(cid), what)
    assert (after - before) * way > 0, f"{key}={value!r}: {what} of {cid} went {before} -> {after}"


def test_an_older_settings_file_still_reads(tmp_path: Path) -> None:
    from health_tui.settings import load_settings

    cfg = tmp_path / "config.toml"
    cfg.write_text("[rules]\nfriction_scale = 2.5\nlate_days_scale = 40\n", encoding="utf-8")
    settings, sources = load_settings(cfg)
    assert (settings.friction.scale, settings.payment.late_days_scale) == (2.5, 40)
    assert sources["friction.scale"] == str(cfg) and sources["rules.min_coverage"] == "default"


def test_a_settings_files_faults_are_said_in_the_owners_words(tmp_path: Path) -> None:
    """pydantic's words ("Extra inputs are not permitted", "unable to parse string as a number",
    "String should have at most 3 characters") said neither what was wrong nor how to put it
    right; a second bad rate went unsaid, and {USD = 0.9, usd = 0.8} kept 0.8 without a word."""
    import pytest

    from health_tui.errors import ConfigError
    from health_tui.settings import load_settings

    cfg = tmp_path / "config.toml"
    cfg.write_text(
        'target_rate = 95\n[weights]\nsatisfactoin = 0.4\nfriction = "high"\n[money]\n'
        'currency = "euro"\nrates = {USD = 0, SEK = -1}\n[bogus]\na = 1\n',
        encoding="utf-8",
    )
    with pytest.raises(ConfigError) as info:
        load_settings(cfg)
    assert str(info.value).splitlines()[1:] == [
        "  weights.friction: should be a number (got 'high')",
        "  weights.satisfactoin: no such setting; did you mean satisfaction?",
        "  money.currency: a currency is 3 letters, like EUR (got 'euro')",
        "  money.rates: USD: a rate must be above 0 (got 0); SEK: a rate must be above 0 (got -1)",
        "  target_rate: a setting of [money]: write it under that heading (money.target_rate)",
        "  bogus: no such section; the sections are "
        + ", ".join(
            f"[{s}]"
            for s in (
                "weights",
                "bands",
                "money",
                "rules",
                "window",
                "satisfaction",
                "friction",
                "payment",
                "scope",
                "trend",
                "effort",
                "archetypes",
                "counter_signals",
                "hard_times",
                "activities",
                "agency",
                "csv",
            )
        ),
    ]
    cfg.write_text("[money]\nrates = {USD = 0.9, usd = 0.8}\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="USD is given twice"):
        load_settings(cfg)
    # a rate for the portfolio's own currency was ignored without a word
    cfg.write_text('[money]\ncurrency = "EUR"\nrates = {EUR = 2}\n', encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_settings(cfg)
    assert str(info.value).splitlines()[1:] == [
        "  money: rates: EUR is the portfolio's own currency (one EUR is one EUR): remove its "
        "rate, or set currency to the one you meant"
    ]
    cfg.write_text('[money]\ncurrency = "EUR"\nrates = {EUR = 1, USD = 0.9}\n', encoding="utf-8")
    assert load_settings(cfg)[0].money.rates["USD"] == 0.9  # a full table's own line: true
