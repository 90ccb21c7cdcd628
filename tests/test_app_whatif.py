"""What if, in the app: marks in the portfolio and the review, the panel's figures, a reprice, and
the report written from the app while it holds the database. fixtures/small as of 2026-09-30, with
Castell & Rowe decided exit for 2026Q3."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from click.testing import CliRunner

from health_tui.app import format as fmt
from health_tui.app.screens.report_dialog import ReportDialog
from health_tui.app.screens.review import ReviewScreen
from health_tui.app.screens.review_modals import AskText
from health_tui.app.widgets.whatif_panel import WhatIfPanel
from health_tui.cli import cli
from health_tui.errors import StoreLocked
from health_tui.review.decisions import record_decision
from health_tui.scoring.engine import score_portfolio
from health_tui.store import open_store
from health_tui.whatif import what_if
from tests.test_app_review_support import go_to, running, small_db, table_rows, text
from tests.test_app_support import AS_OF, settle


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = small_db(tmp_path_factory.mktemp("whatif-app"))
    store = open_store(path)
    score = score_portfolio(store, AS_OF).by_id("castell")
    record_decision(store, quarter="2026Q3", client_id="castell", decision="exit",
                    note="Third round of vague changes", at=datetime(2026, 10, 2, 9), score=score)  # fmt: skip
    store.close()
    return path


def panel(app) -> WhatIfPanel:
    return app.screen.query_one(WhatIfPanel)


async def test_marking_two_clients_shows_what_they_take(db: Path) -> None:
    async with running(db, start="portfolio") as (app, pilot):
        assert not panel(app).display  # nothing marked, nothing in the way
        await go_to(pilot, "brightline")
        await pilot.press("space")
        await go_to(pilot, "fernleaf")  # from the top again: the marked row stays where it was
        await pilot.press("space")
        await pilot.pause()
        brightline, fernleaf = app.portfolio.by_id("brightline"), app.portfolio.by_id("fernleaf")
        shown = panel(app).figures
        assert panel(app).display and shown == what_if(app.portfolio, ["brightline", "fernleaf"])
        assert shown.revenue_lost == brightline.revenue_12m + fernleaf.revenue_12m == 17_230
        assert shown.hours_freed == brightline.hours_12m + fernleaf.hours_12m == 269.5
        words = text(panel(app))
        assert "2 go: Brightline Logistics, Fernleaf Yoga Studio" in words
        assert f"revenue lost {fmt.money(17_230)} · hours freed 269.5 h" in words
        assert f"rate {fmt.rate(shown.effective_rate_before)} → " in words
        rows = table_rows(app)
        assert rows["brightline"].startswith("●") and rows["fernleaf"].startswith("●")
        assert not rows["castell"].startswith("●")

        await pilot.press("space")  # fernleaf again: unmarked
        await pilot.pause()
        assert panel(app).figures.revenue_lost == brightline.revenue_12m
        assert not table_rows(app)["fernleaf"].startswith("●")
        await pilot.press("W")
        await pilot.pause()
        assert not panel(app).display and not table_rows(app)["brightline"].startswith("●")


async def test_the_quarters_exits_in_the_review_and_a_reprice(db: Path) -> None:
    async with running(db) as (app, pilot):
        assert isinstance(app.screen, ReviewScreen)
        # castell is decided: the review opened on brightline, the candidate still to decide
        assert app.screen.current.client_id == "brightline"
        await go_to(pilot, "castell")
        await pilot.press("w")  # this quarter's exit decisions
        await pilot.pause()
        castell = app.portfolio.by_id("castell")
        shown = panel(app).figures
        assert [d.client_id for d in shown.dropped] == ["castell"]
        assert (shown.revenue_lost, shown.hours_freed) == (castell.revenue_12m, castell.hours_12m)
        assert "1 go: Castell & Rowe Solicitors  ● this client" in text(panel(app))

        await pilot.press("a")  # every client, to reach Fernleaf
        await go_to(pilot, "fernleaf")
        assert "● this client" not in text(panel(app))
        await pilot.press("plus")
        assert isinstance(app.screen, AskText)
        assert app.screen.query_one("#ask-input").value == "15"
        await pilot.press("enter")
        await pilot.pause()
        (reprice,) = panel(app).figures.reprices
        assert (reprice.client_id, reprice.percent) == ("fernleaf", 15)
        assert (reprice.effort_return_before, reprice.effort_return_after) == (24, 32)
        assert app.portfolio.by_id("fernleaf").effort_return == 24  # the score's own
        assert "Reprice Fernleaf Yoga Studio +15%: rate €59/h → €68/h" in text(panel(app))
        assert "effort/return 24 → 32" in text(panel(app))


async def test_the_report_is_written_from_the_app(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "review-2026Q3.html"
    async with running(db, start="portfolio") as (app, pilot):
        titles = {c.title for c in app.get_system_commands(app.screen)}
        assert {"Write the report", "What if: this quarter's exit decisions"} <= titles
        await pilot.press("R")
        dialog = app.screen
        assert isinstance(dialog, ReportDialog)
        box = dialog.query_one("#report-path")
        assert box.value == str(db.parent / "review-2026Q3.md")  # next to the database
        await settle(pilot)
        hint = str(dialog.query_one("#report-hint").render()).split("\n")
        assert hint == ["Enter writes · Tab, then ← → and space: the format", "Escape cancels"]
        box.value = str(tmp_path / "review-2026Q3.md")
        await pilot.press("tab", "right", "enter")  # the format: HTML
        assert box.value == str(out)
        await pilot.press("enter")
        await settle(pilot)
        assert not isinstance(app.screen, ReportDialog)
        said = [n.message for n in app._notifications]
        assert said[-1] == (
            "Wrote the 2026Q3 review report as of 2026-09-30 (7 active clients, 2 exit candidates) "
            f"to {out}."
        )
    html = out.read_text()
    assert "<h2>If the exit goes ahead</h2>" in html and "Castell &amp; Rowe Solicitors" in html


def test_the_report_command_says_to_write_it_from_the_app(
    db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def locked(*args, **kwargs):
        raise StoreLocked(f"{db} is in use by another program (probably another health-tui).")

    monkeypatch.setattr("health_tui.store.open_store", locked)
    result = CliRunner().invoke(cli, ["report", "--db", str(db), "--out", str(tmp_path / "r.md")])
    assert result.exit_code == 1
    assert "in use by another program" in result.output
    assert "If it is the health-tui app, write the report from there: R" in result.output
