"""What if clients went or paid more: the figures agree with the score's own revenue and hours, a
reprice is scored by the scoring's formula, and `health-tui whatif` answers in a table or JSON."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest
from click.testing import CliRunner

from health_tui.cli import cli
from health_tui.report import build_report, write_report
from health_tui.review.decisions import current_decisions, record_decision
from health_tui.scoring.engine import score_portfolio
from health_tui.scoring.models import Band, PortfolioScore
from health_tui.settings import Settings
from health_tui.store import open_store
from health_tui.whatif import WhatIfError, exit_decisions, what_if
from tests.conftest import small_copy
from tests.test_app_support import AS_OF, make_portfolio

KEYS = {
    "revenue_lost",
    "hours_freed",
    "effective_rate_before",
    "effective_rate_after",
    "at_risk_share_before",
    "at_risk_share_after",
    "largest_client_share_after",
}


@pytest.fixture(scope="module")
def small_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """fixtures/small with Castell and Brightline decided exit for 2026Q3."""
    path = tmp_path_factory.mktemp("whatif") / "small.duckdb"
    store = open_store(small_copy(path))  # fixtures/small, as imported
    p = score_portfolio(store, AS_OF)
    for minute, client_id in enumerate(("castell", "brightline")):
        record_decision(store, quarter="2026Q3", client_id=client_id, decision="exit", note=None,
                        at=datetime(2026, 10, 2, 10, minute), score=p.by_id(client_id))  # fmt: skip
    store.close()
    return path


@pytest.fixture(scope="module")
def scored(small_db: Path) -> PortfolioScore:
    store = open_store(small_db)
    try:
        return score_portfolio(store, AS_OF)
    finally:
        store.close()


def test_the_figures_are_the_scores_own_revenue_and_hours(scored: PortfolioScore) -> None:
    castell, brightline = scored.by_id("castell"), scored.by_id("brightline")
    assert castell and brightline
    w = what_if(scored, ["castell", "brightline"])
    assert w.revenue_lost == castell.revenue_12m + brightline.revenue_12m == 21_110
    assert w.hours_freed == castell.hours_12m + brightline.hours_12m == 329
    revenue = sum(c.revenue_12m for c in scored.active)
    hours = sum(c.hours_12m for c in scored.active)
    assert (w.revenue_before, w.hours_before, w.clients_before) == (revenue, hours, 7)
    assert w.revenue_after == revenue - w.revenue_lost and w.hours_after == hours - w.hours_freed
    # the rates stand on the hours billed: Lumen Robotics, new and billed after the work, has
    # 11.5 h since its last invoice not billed yet
    lumen = scored.by_id("lumen")
    assert lumen and lumen.hours_not_billed == w.hours_not_billed_before == 11.5
    billed = hours - 11.5
    assert w.effective_rate_before == round(revenue / billed, 2) == 97.56
    assert w.effective_rate_after == round((revenue - 21_110) / (billed - 329), 2) == 116.29
    assert w.hours_not_billed_after == 11.5
    assert "The effective rate leaves out 11.5 h not billed yet:" in " ".join(w.caveats)
    # the app's panel shows the portfolio's rate only when clients go: beside a reprice alone,
    # what that rate leaves out would read as the repriced client's
    from health_tui.app.widgets.whatif_panel import whatif_content

    assert "leaves out 11.5 h" in whatif_content(w).plain
    assert "leaves out" not in whatif_content(what_if(scored, [], {"fernleaf": 15})).plain
    # Lumen's own exit takes its time not billed yet with it
    assert "leaves out 11.5 h (none after) not billed yet" in " ".join(
        what_if(scored, ["lumen"]).caveats
    )
    # Meridian, EUR 34,200 of 89,315 now, and of 68,205 once the two have gone
    assert (w.largest_client_before, w.largest_client_share_before) == (
        "Meridian Health Partners",
        0.3829,
    )
    assert w.largest_client_share_after == round(34_200 / 68_205, 4)


def test_the_at_risk_share_is_the_portfolios_revenue_at_risk() -> None:
    p = make_portfolio(40)
    at_risk = [c for c in p.active if c.band in (Band.at_risk, Band.critical)]
    assert len(at_risk) >= 2
    w = what_if(p, [at_risk[0].client_id])
    total = sum(c.revenue_12m for c in p.active)
    assert w.at_risk_share_before == round(p.revenue_at_risk() / total, 4)
    left = p.revenue_at_risk() - at_risk[0].revenue_12m
    assert w.at_risk_share_after == round(left / (total - at_risk[0].revenue_12m), 4)
    assert w.at_risk_share_after < w.at_risk_share_before


def test_a_reprice_is_scored_by_the_scorings_own_formula(scored: PortfolioScore) -> None:
    # no change in price: every active client gets back the effort versus return it was scored
    same = what_if(scored, [], {c.client_id: 0.0 for c in scored.active})
    assert [(r.client_id, r.effort_return_after) for r in same.reprices] == [
        (c.client_id, c.effort_return) for c in scored.active
    ]
    fernleaf = scored.by_id("fernleaf")
    assert fernleaf and fernleaf.effort_return == 24 and fernleaf.target_rate == 110
    w = what_if(scored, [], {"fernleaf": 15})
    (r,) = w.reprices
    assert r.revenue_12m_after == round(fernleaf.revenue_12m * 1.15, 2) == 8_004
    assert r.effective_rate_after == round(8_004 / fernleaf.hours_12m, 2) == 68.41
    assert (r.effort_return_before, r.effort_return_after) == (
        24,
        32,
    )  # 70 + 100 × (68.41/110 − 1)
    assert w.revenue_lost == 0 and w.revenue_after == w.revenue_before + 1_044


def test_a_what_if_refuses_what_it_cannot_work_out(scored: PortfolioScore) -> None:
    with pytest.raises(WhatIfError, match="no client 'nobody'"):
        what_if(scored, ["nobody"])
    with pytest.raises(WhatIfError, match="already a former client"):
        what_if(scored, ["quarry"])
    with pytest.raises(WhatIfError, match="both dropped and repriced"):
        what_if(scored, ["castell"], {"castell": 10})


def test_the_quarters_exit_decisions_are_the_report_s_what_if(small_db: Path) -> None:
    store = open_store(small_db)
    try:
        report = build_report(store, AS_OF, Settings(), today=AS_OF)
        now = score_portfolio(store, AS_OF)
        exits = exit_decisions(now, current_decisions(store, "2026Q3"))
    finally:
        store.close()
    assert exits == ["castell", "brightline"]
    assert report.exits_whatif == what_if(now, exits)


def test_the_report_says_what_the_exits_take_and_free(small_db: Path, tmp_path: Path) -> None:
    store = open_store(small_db)
    try:
        for suffix in (".md", ".html"):
            write_report(store, AS_OF, Settings(), tmp_path / f"r{suffix}", today=AS_OF)
    finally:
        store.close()
    md = (tmp_path / "r.md").read_text()
    assert "## If the 2 exits go ahead" in md
    assert "**€21,110** of revenue" in md and "**329 h**" in md
    assert "| effective rate | €98/h | €116/h |" in md
    assert "The effective rate leaves out 11.5 h not billed yet" in md
    html = (tmp_path / "r.html").read_text()
    assert "<h2>If the 2 exits go ahead</h2>" in html and "€21,110" in html


def _whatif(db: Path, *args: str):
    return CliRunner().invoke(cli, ["whatif", "--db", str(db), "--as-of", "2026-09-30", *args])


def test_whatif_command_json(small_db: Path) -> None:
    result = _whatif(small_db, "--drop", "castell,Brightline Logistics", "--reprice",
                     "fernleaf=+15%", "--format", "json")  # fmt: skip
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert set(data) >= KEYS
    assert (data["revenue_lost"], data["hours_freed"]) == (21_110, 329)
    assert data["reprices"][0]["effort_return_after"] == 32
    assert data["hours_not_billed_before"] == 11.5


def test_whatif_command_table(small_db: Path) -> None:
    result = _whatif(small_db, "--drop", "castell", "--drop", "brightline")
    assert result.exit_code == 0, result.output
    assert "revenue lost (12 months)  €21,110" in result.output
    assert "hours freed (12 months)   329 h" in result.output
    assert "effective rate" in result.output and "€98/h" in result.output
    assert "The effective rate leaves out 11.5 h not billed yet" in result.output


def test_whatif_command_refuses_an_unknown_client(small_db: Path) -> None:
    result = _whatif(small_db, "--drop", "castell,nobody")
    assert result.exit_code == 2
    assert "no client 'nobody'" in result.output
    bad = _whatif(small_db, "--reprice", "fernleaf")
    assert bad.exit_code == 2 and "like fernleaf=15" in bad.output
    former = _whatif(small_db, "--drop", "quarry")
    assert former.exit_code == 2 and "already a former client" in former.output
    # an empty --drop showed a no-change table; two reprices in one said "no client 'A=15,B'"
    empty = _whatif(small_db, "--drop", " , ")
    assert empty.exit_code == 2 and "' , ' names no client" in empty.output
    two = _whatif(small_db, "--reprice", "castell=15,fernleaf=10")
    assert two.exit_code == 2 and "like --reprice A=15 --reprice B=10" in two.output


def test_whatif_refuses_what_is_no_price_no_date_or_said_twice(
    small_db: Path, tmp_path: Path
) -> None:
    """nan, inf and 9999-12-31 ended in Python tracebacks; 1e400% wrote "Infinity" into the JSON;
    a client repriced twice kept the later percent without a word; a client marked not a client
    was "no client"; a name holding a comma in a list pointed nowhere (CLI helper)."""
    for pct, said in (("nan", "is no price"), ("inf", "is no price"), ("1e400", "is no price"),
                      ("200000", "is no price: at most 100,000%"),
                      ("-inf", "leaves nothing to earn")):  # fmt: skip
        result = _whatif(small_db, "--reprice", f"northwind={pct}", "--format", "json")
        assert result.exit_code == 2 and said in result.output, result.output
    twice = _whatif(small_db, "--reprice", "northwind=15", "--reprice", "Northwind Outfitters=-20")
    assert twice.exit_code == 2 and "(northwind) is repriced twice" in twice.output
    comma = _whatif(small_db, "--drop", "Smith, Jones & Co,castell")
    assert comma.exit_code == 2 and "give it in a --drop of its own" in comma.output
    for args in (["--as-of", "9999-12-31"], ["--quarter", "9999Q4"], ["--as-of", "0001-01-01"]):
        far = CliRunner().invoke(cli, ["score", "--db", str(small_db), *args])
        assert far.exit_code == 2 and "is out of range: give a date from 1900" in far.output
    future = CliRunner().invoke(cli, ["score", "--db", str(small_db), "--as-of", "2999-12-31"])
    assert "note: 2999-12-31 is after today" in future.output
    db = tmp_path / "own.duckdb"
    db.write_bytes(small_db.read_bytes())
    CliRunner().invoke(cli, ["clients", "ignore", "harbor", "--db", str(db)])
    ignored = _whatif(db, "--drop", "harbor")
    assert ignored.exit_code == 2 and "is marked not a client: never scored" in ignored.output
    logged = CliRunner().invoke(cli, ["feedback", "harbor", "3", "--db", str(db)])
    assert logged.exit_code == 0 and "counts in the next score" not in logged.output
    assert "is marked not a client and is never scored" in logged.output


def test_the_table_fits_a_narrow_terminal_and_cuts_names_with_a_mark(
    scored: PortfolioScore,
) -> None:
    """Names were cut at 32 letters with no "…", a CJK name pushed the figures out of line (it
    is twice as wide as its letters), and at 60 columns the table was 72 to 76 wide."""
    from rich.cells import cell_len

    from health_tui.output import render_whatif

    names = {
        "castell": "株式会社東京デザイン事務所",
        "brightline": "Müller-Lüdenscheidt Nord Holding GmbH & Co. KG",
    }
    clients = [
        c.model_copy(update={"name": names.get(c.client_id, c.name)}) for c in scored.clients
    ]
    fields = {f: getattr(scored, f) for f in PortfolioScore.model_fields}
    renamed = PortfolioScore.model_construct(**{**fields, "clients": clients})  # a fresh index
    w = what_if(renamed, ["castell", "brightline"], {})
    narrow = render_whatif(w, "table", 60).splitlines()
    assert max(cell_len(line) for line in narrow) <= 60, narrow
    at = narrow.index("2 clients let go:")
    let_go = narrow[at + 1 : at + 3]
    assert let_go[1].startswith("  Müller-Lüdenscheidt") and "…" in let_go[1]
    # the figures line up, in cells, under a CJK name
    assert cell_len(let_go[0].split("€")[0]) == cell_len(let_go[1].split("€")[0])
    whole = render_whatif(w, "table", None)  # to a file or a pipe: every name whole
    assert "Müller-Lüdenscheidt Nord Holding GmbH & Co. KG" in whole


def test_a_client_whose_name_holds_an_equals_sign_can_be_repriced(
    small_db: Path, tmp_path: Path
) -> None:
    """'A=B Studio=15' was refused as two clients in one --reprice."""
    db = tmp_path / "eq.duckdb"
    db.write_bytes(small_db.read_bytes())
    alias = CliRunner().invoke(cli, ["clients", "alias", "fernleaf", "Fern=Leaf", "--db", str(db)])
    assert alias.exit_code == 0, alias.output
    result = _whatif(db, "--reprice", "Fern=Leaf=15", "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["reprices"][0]["client_id"] == "fernleaf"


def test_the_largest_client_after_follows_the_reprices(scored: PortfolioScore) -> None:
    # Meridian (EUR 34,200) at half price falls behind Northwind (EUR 23,400)
    w = what_if(scored, [], {"meridian": -50})
    assert (w.largest_client_before, w.largest_client_after) == (
        "Meridian Health Partners",
        "Northwind Outfitters",
    )
    assert w.largest_client_share_after == round(23_400 / (89_315 - 17_100), 4)
    # Harbor (EUR 1,045) at forty times the price overtakes everyone
    assert what_if(scored, ["meridian"], {"harbor": 4000}).largest_client_after == (
        "Harbor Street Bakery"
    )


@pytest.mark.parametrize("seed", [1, 2, 3, 4, 5])
def test_before_less_what_goes_is_after_as_written(seed: int) -> None:
    """The report read "€114,740 − €45,625 → €69,114" and "760.2 h − 338.8 h → 421.5 h": each
    figure was rounded on its own. The tables' after figures are made from the shown ones; the
    JSON's are exact, so they add up to the cent (it read hours 530.45 before, 530.5 after)."""
    from health_tui.formatting import hours, money

    p = make_portfolio(40, seed=seed)
    active = [c.client_id for c in p.clients if c.active]
    w = what_if(p, active[:3], {active[5]: 15})
    assert (
        w.revenue_before is not None and w.revenue_after is not None and w.hours_after is not None
    )

    def whole(text: str) -> float:
        return float(text.replace("€", "").replace(",", "").replace(" h", ""))

    raised = sum(
        round((r.revenue_12m_after or 0) - (r.revenue_12m_before or 0)) for r in w.reprices
    )
    assert whole(money(w.revenue_before)) - whole(money(w.revenue_lost)) + raised == whole(
        money(w.revenue_after_shown)
    )
    assert round(whole(hours(w.hours_before)) - whole(hours(w.hours_freed)), 2) == whole(
        hours(w.hours_after_shown)
    )
    exact = sum((r.revenue_12m_after or 0) - (r.revenue_12m_before or 0) for r in w.reprices)
    assert w.hours_before is not None and w.revenue_lost is not None and w.hours_freed is not None
    assert w.revenue_after == pytest.approx(w.revenue_before - w.revenue_lost + exact, abs=0.015)
    assert w.hours_after == pytest.approx(w.hours_before - w.hours_freed, abs=0.015)


def test_a_share_too_small_for_a_whole_percent_is_not_written_as_none() -> None:
    """At 10,000 clients the what-if read 'largest client after: ... 0% of revenue' for the
    largest of them (0.03%), and the track record 'followed 2 of 1,119 (0%)'."""
    from health_tui.formatting import share

    assert share(0.0003, "Haddad & Okafor") == "under 1% (Haddad & Okafor)"
    assert share(0.0049) == "under 1%"
    assert share(0.0) == "0%" and share(0.006) == "1%" and share(0.23) == "23%"
    assert share(0.0017, tight=True) == "<1%"  # the app's track record: a five-cell column
