"""The owner's track record: past decisions read back against the quarter viewed, on fixtures/small
reviewed three quarters running, and on the demo's planted past reviews."""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path

import pytest

from health_tui.dates import quarter_end
from health_tui.demo import generate_demo
from health_tui.report import build_report
from health_tui.report.html import render_html
from health_tui.report.markdown import render_markdown
from health_tui.review.decisions import Decision
from health_tui.review.track_record import RULES, build_track_record, setting_value
from health_tui.scoring.engine import score_portfolio
from health_tui.scoring.models import Recommendation
from health_tui.settings import Settings
from health_tui.store import Store, open_store
from tests.past_reviews import record_past_reviews
from tests.test_app_support import small_store

AS_OF = date(2026, 9, 30)
README = Path(__file__).resolve().parent.parent / "README.md"


@pytest.fixture(scope="module")
def reviewed() -> Store:
    store = small_store()
    record_past_reviews(store)
    yield store
    store.close()


@pytest.fixture(scope="module")
def now(reviewed: Store):
    return score_portfolio(reviewed, AS_OF)


def test_how_often_each_recommendation_was_followed(reviewed: Store, now) -> None:
    record = build_track_record(reviewed, now, Settings())
    assert record.quarter == "2026Q3" and record.quarters == ["2025Q4", "2026Q1", "2026Q2"]
    # 2026Q3's own decision is left out; harbor's change of mind counts once, as keep.
    assert record.decisions == 13 and record.without_verdict == 1
    by = {r.recommendation: r for r in record.followed}
    assert list(by) == [Recommendation.exit, Recommendation.reprice, Recommendation.keep]
    reprice = by[Recommendation.reprice]  # fernleaf's deferral of 2026Q1 was against a reprice
    assert (reprice.decisions, reprice.followed, reprice.deferred) == (8, 2, 1)
    assert reprice.overrides == {Decision.keep: 5} and reprice.followed_share == pytest.approx(
        2 / 7
    )
    keep = by[Recommendation.keep]  # quarry's exit of 2025Q4 went against a keep
    assert (keep.followed, keep.deferred, keep.overrides) == (2, 0, {Decision.exit: 1})
    assert by[Recommendation.exit].overrides == {Decision.keep: 1}
    assert record.summary == (
        "Over 2025Q4 to 2026Q2: 13 decisions; 4 of 11 followed the recommendation (36%), "
        "1 deferred, 1 recorded without a verdict to compare."
    )


def test_clients_kept_against_an_exit_and_how_they_moved(reviewed: Store, now) -> None:
    (castell,) = build_track_record(reviewed, now, Settings()).kept
    then = score_portfolio(reviewed, quarter_end(2025, 4)).by_id("castell")
    today = now.by_id("castell")
    assert (castell.since, castell.times, castell.decision) == ("2025Q4", 1, Decision.keep)
    assert (castell.health_then, castell.effort_then) == (then.health, then.effort_return)
    assert (castell.health_now, castell.effort_now) == (today.health, today.effort_return)
    assert castell.health_move == round(today.health) - round(then.health)
    # down 5: its rate rose from €56/h to €61/h, and the portfolio's target from €91 to €110
    assert castell.effort_move == round(today.effort_return) - round(then.effort_return) == -5
    assert castell.recommendation_now is Recommendation.exit  # the app still says exit


def test_exits_taken_with_the_revenue_and_hours_their_quarter_scored(reviewed: Store, now) -> None:
    record = build_track_record(reviewed, now, Settings())
    (quarry,) = record.exits
    scored = score_portfolio(reviewed, quarter_end(2025, 4)).by_id("quarry")
    assert quarry.quarter == "2025Q4" and quarry.recommendation is Recommendation.keep
    assert quarry.revenue_12m == scored.revenue_12m > 0
    assert quarry.hours_12m == scored.hours_12m > 0
    assert quarry.active_now is False and quarry.ended_on == now.by_id("quarry").ended_on
    assert record.exits_revenue == scored.revenue_12m
    assert (
        "twelve months to the end of the quarter the exit was decided for" in record.revenue_basis
    )


def test_a_rule_overridden_again_and_again_names_its_settings(reviewed: Store, now) -> None:
    settings = Settings.model_validate({"money": {"target_rate": 90}})
    record = build_track_record(reviewed, now, settings)
    (pattern,) = record.patterns  # reprice: 5 overrides; exit and keep once each
    assert pattern.record.recommendation is Recommendation.reprice
    assert pattern.sentence.startswith("You overrode reprice in 5 of 7 decisions (keep 5).")
    assert "money.target_rate (90)" in pattern.sentence
    assert "archetypes.underpriced_rate_share (0.75)" in pattern.sentence


def test_an_earlier_quarter_reads_only_the_quarters_before_it(reviewed: Store) -> None:
    q1 = score_portfolio(reviewed, quarter_end(2026, 1))
    record = build_track_record(reviewed, q1, Settings())
    assert record.quarters == ["2025Q4"] and record.decisions == 5
    assert not record.patterns


def test_no_past_decisions_says_so_plainly() -> None:
    store = small_store()
    try:
        record = build_track_record(store, score_portfolio(store, AS_OF), Settings())
        assert record.empty and not record.followed and not record.kept and not record.exits
        assert record.summary.startswith("No decisions recorded for the quarters before 2026Q3")
        report = render_markdown(build_report(store, AS_OF, Settings(), today=AS_OF))
        section = report[report.index("## Your track record") :]
        assert "No decisions recorded" in section and "|" not in section  # no empty table
    finally:
        store.close()


def test_every_rule_names_settings_there_are_and_the_readme_documents() -> None:
    readme = README.read_text(encoding="utf-8")
    for recommendation in Recommendation:
        _, names = RULES[recommendation]
        for name in names:
            setting_value(Settings(), name)  # raises if the setting does not exist
            assert f"| `{name}` |" in readme, name


def test_the_report_reads_the_record_back(reviewed: Store) -> None:
    report = build_report(reviewed, AS_OF, Settings(), today=AS_OF)
    md = render_markdown(report)
    section = md[md.index("## Your track record") :]
    assert "**A rule you keep overriding.** You overrode reprice in 5 of 7 decisions" in section
    assert "| Castell & Rowe Solicitors | 2025Q4 | 1 | keep |" in section
    assert re.search(r"\| Quarry [^|]* \| 2025Q4 \| €[\d,]+ \| \d+ \| ended 20", section)
    html = render_html(report)
    assert "<h2>Your track record</h2>" in html and "Castell &amp; Rowe Solicitors" in html


# -- the demo's planted reviews -------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo() -> Store:
    store = open_store(None)
    summary = generate_demo(store, clients=60, seed=7, as_of=AS_OF, past_reviews=2)
    assert summary.reviewed == ["2026Q1", "2026Q2"] and summary.decisions > 0
    assert "decisions from the reviews of 2026Q1 and 2026Q2" in summary.line()
    yield store
    store.close()


def test_the_demo_has_a_track_record_to_show(demo: Store) -> None:
    record = build_track_record(demo, score_portfolio(demo, AS_OF), Settings())
    assert record.quarters == ["2026Q1", "2026Q2"]
    assert record.kept and record.exits
    assert [p.record.recommendation for p in record.patterns] == [Recommendation.exit]
    (latest,) = demo.con.execute("SELECT max(decided_at) FROM review_decisions").fetchone()
    assert latest <= datetime(2026, 9, 30, 23, 59)
    exits = {e.client_id for e in record.exits}
    steps = demo.con.execute(
        "SELECT client_id FROM exit_steps WHERE step = 'record' AND status = 'done'"
    ).fetchall()
    assert exits <= {c for (c,) in steps}  # each exit's checklist starts with its record


def test_the_report_gives_the_reasons_of_every_client_the_review_walks(demo: Store) -> None:
    """A client at risk and recommended 'recover' had one table row in the report and none of its
    reasons (only the exit candidates had theirs), though the README says the report shows the
    same sentences as the app (a freelancer's hunt)."""
    from html import escape

    from health_tui.scoring.models import Band

    report = build_report(demo, AS_OF, Settings(), today=date(2026, 10, 1))
    walked = [c.score for c in report.at_risk]
    assert walked and all(c.band in (Band.critical, Band.at_risk) for c in walked)
    assert not {c.client_id for c in walked} & {c.score.client_id for c in report.candidates}
    text, page = render_markdown(report), render_html(report)
    section = text.split(f"## Critical and at risk ({len(walked)})")[1].split("\n## ")[0]
    for c in walked:
        assert f"### {c.name}" in section
        for reason in c.reasons:
            assert reason in section  # the demo's names and reasons need no Markdown escape
            assert escape(reason, quote=False) in page or escape(reason) in page
    assert "Counter-signals weighed" not in section


def test_the_demo_reviews_are_the_same_for_the_same_seed() -> None:
    def decisions(seed: int) -> list[tuple]:
        store = open_store(None)
        try:
            generate_demo(store, clients=20, seed=seed, as_of=AS_OF, past_reviews=2)
            return store.con.execute(
                "SELECT quarter, client_id, decision, recommendation, decided_at, note "
                "FROM review_decisions ORDER BY decision_id"
            ).fetchall()
        finally:
            store.close()

    first = decisions(3)
    assert first and first == decisions(3)


def test_an_exit_whose_invoices_are_not_on_record_is_not_counted_as_0() -> None:
    """A client let go whose invoices were never imported: the track record gave up "€0" of
    revenue for it without a word."""
    from health_tui.review.decisions import record_decision

    store = small_store()
    try:
        store.con.execute("DELETE FROM invoices WHERE client_id = 'meridian'")
        record_decision(store, quarter="2026Q2", client_id="meridian", decision="exit", note=None,
                        at=datetime(2026, 7, 2, 10, 0))  # fmt: skip
        record = build_track_record(store, score_portfolio(store, AS_OF), Settings())
        (meridian,) = record.exits
        assert meridian.revenue_12m is None and meridian.hours_12m is not None
        sentence = record.exits_sentence("€0")
        assert sentence.startswith("The exit gives up revenue that is not known and frees ")
        assert sentence.endswith(
            "Not counted: the revenue of 1 client (none of theirs on record for the four quarters "
            "to the exit)."
        )
        # one invoice before the four quarters to the exit, hours in them: not billed yet, or
        # billed elsewhere, so not known (it said €0)
        store.con.execute("DELETE FROM invoices WHERE client_id = 'northwind' "
                          "AND issued_on > DATE '2025-08-01'")  # fmt: skip
        store.con.execute("UPDATE invoices SET issued_on = DATE '2025-06-02', "
                          "due_on = DATE '2025-07-02', paid_on = DATE '2025-07-02' "
                          "WHERE client_id = 'northwind'")  # fmt: skip
        record_decision(store, quarter="2026Q2", client_id="northwind", decision="exit", note=None,
                        at=datetime(2026, 7, 2, 10, 5))  # fmt: skip
        record = build_track_record(store, score_portfolio(store, AS_OF), Settings())
        northwind = next(e for e in record.exits if e.client_id == "northwind")
        assert northwind.revenue_12m is None and northwind.hours_12m
    finally:
        store.close()
