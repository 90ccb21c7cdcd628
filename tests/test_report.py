"""The review report: what the owner reads (Markdown and CSV snapshots), a safe standalone HTML
page, an atomic write, and the `report` command's refusal to overwrite.

Snapshots are whole files under tests/__snapshots__/test_report/; read them as the agency owner
would before `uv run pytest tests/test_report.py --snapshot-update`.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
from datetime import date, datetime
from html import escape
from pathlib import Path

import pytest
from click.testing import CliRunner
from syrupy.extensions.single_file import SingleFileSnapshotExtension, WriteMode

from health_tui.app.table_model import columns_for
from health_tui.app.widgets.client_panels import effort_content, moved_content
from health_tui.app.widgets.review_panels import exit_confirmation, value_content
from health_tui.cli import cli
from health_tui.dates import year_months
from health_tui.formatting import signed
from health_tui.ingest.native import import_folder
from health_tui.output import render_scores, render_whatif
from health_tui.report import ReportError, build_report, write_report
from health_tui.report.csv import COLUMNS, render_csv
from health_tui.report.html import render_html
from health_tui.report.markdown import md, render_markdown
from health_tui.report.model import ReviewReport, previous_quarter_end
from health_tui.review.checklist import set_step
from health_tui.review.decisions import record_decision
from health_tui.scoring.engine import score_portfolio, score_two
from health_tui.settings import Settings
from health_tui.store import Store, open_store
from health_tui.text import markdown_text
from health_tui.whatif import what_if
from tests.conftest import FIXTURES, copy_db, empty_copy, html_text, render_commonmark, small_copy

AS_OF = date(2026, 9, 30)
TODAY = date(2026, 10, 3)  # the report is written the day after the review (`_review`)
EVIL = "<script>alert(1)</script> & Co"


class MarkdownSnapshot(SingleFileSnapshotExtension):
    file_extension = "md"
    _write_mode = WriteMode.TEXT


class CsvSnapshot(SingleFileSnapshotExtension):
    file_extension = "csv"
    _write_mode = WriteMode.TEXT


def _review(store: Store, castell_note: str) -> None:
    """The owner's review session, at fixed times: two decisions and two checklist steps."""
    p = score_portfolio(store, AS_OF)
    record_decision(store, quarter="2026Q3", client_id="castell", decision="exit",
                    note=castell_note, at=datetime(2026, 10, 2, 10, 15), score=p.by_id("castell"))  # fmt: skip
    record_decision(store, quarter="2026Q3", client_id="fernleaf", decision="reprice",
                    note="Propose the studio package at EUR 85/h from January.",
                    at=datetime(2026, 10, 2, 10, 40), score=p.by_id("fernleaf"))  # fmt: skip
    set_step(store, client_id="castell", step="contract", status="done",
             note="Clause 7: 30 days' notice, nothing owed either way.",
             on=date(2026, 10, 3), at=datetime(2026, 10, 3, 9, 0))  # fmt: skip
    set_step(store, client_id="castell", step="referrals", status="na", note=None,
             on=date(2026, 10, 3), at=datetime(2026, 10, 3, 9, 5))  # fmt: skip


@pytest.fixture(scope="module")
def reviewed_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """fixtures/small after a 2026Q3 review: Castell to exit, Fernleaf to reprice (built once)."""
    path = small_copy(tmp_path_factory.mktemp("reviewed") / "reviewed.duckdb")
    store = open_store(path)
    try:
        _review(store, "Third round of vague changes since the brief was signed off.\n"
                       "Sam agrees: let them go kindly.")  # fmt: skip
    finally:
        store.close()
    return path


@pytest.fixture
def reviewed_db(reviewed_template: Path, db_path: Path) -> Path:
    """A private copy of the reviewed database, so a test that writes changes only its own."""
    return copy_db(reviewed_template, db_path)


@pytest.fixture
def reviewed(reviewed_db: Path):
    store = open_store(reviewed_db)
    yield store
    store.close()


@pytest.fixture(scope="module")
def evil_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """fixtures/small with Harbor renamed to markup, and a decision note that is markup too
    (built once)."""
    tmp_path = tmp_path_factory.mktemp("evil")
    folder = tmp_path / "evil"
    shutil.copytree(FIXTURES / "small", folder)
    clients = folder / "clients.csv"
    clients.write_text(clients.read_text().replace("Harbor Street Bakery", EVIL))
    path = tmp_path / "evil.duckdb"
    store = open_store(empty_copy(path))
    import_folder(store, folder)
    _review(store, 'They wrote <img src=x onerror="alert(2)"> | twice')
    store.close()
    return path


@pytest.fixture
def evil_db(evil_template: Path, tmp_path: Path) -> Path:
    """A private copy of the evil database."""
    return copy_db(evil_template, tmp_path / "evil.duckdb")


@pytest.fixture(scope="module")
def reviewed_report(
    reviewed_template: Path, tmp_path_factory: pytest.TempPathFactory
) -> ReviewReport:
    """The reviewed database's 2026Q3 report model (frozen), built once for the tests that only
    read it or copy it with other figures."""
    store = open_store(copy_db(reviewed_template, tmp_path_factory.mktemp("r") / "r.duckdb"))
    try:
        return build_report(store, AS_OF, Settings(), today=TODAY)
    finally:
        store.close()


def test_markdown_report(reviewed: Store, tmp_path: Path, snapshot) -> None:
    out = tmp_path / "review.md"
    said = write_report(reviewed, AS_OF, Settings(), out, today=TODAY)
    assert said == (
        f"the 2026Q3 review report as of 2026-09-30 (7 active clients, 2 exit candidates) to {out}"
    )
    text = out.read_text(encoding="utf-8")
    assert "Sam agrees" in text and "signed off. Sam agrees" in text  # the note kept on one line
    assert text == snapshot(extension_class=MarkdownSnapshot)


def test_csv_report(reviewed: Store, tmp_path: Path, snapshot) -> None:
    out = tmp_path / "review.csv"
    write_report(reviewed, AS_OF, Settings(), out, today=TODAY)
    text = out.read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert tuple(rows[0]) == COLUMNS
    assert len(rows) == 8  # every scored client, the former one included
    castell = next(r for r in rows if r["client_id"] == "castell")
    assert castell["decision"] == "exit" and "\nSam agrees" in castell["decision_note"]
    assert (castell["exit_steps_settled"], castell["exit_steps_total"]) == ("3", "10")
    # not told yet: 30 days from the day the report is written, Saturday 3 October
    assert castell["exit_earliest_end"] == "2026-11-02"
    assert (castell["exit_told_on"], castell["exit_notice_from"]) == ("", "2026-10-03")
    assert "Fulfil outstanding obligations" in castell["exit_steps_remaining"]
    # a band beside every previous health, the former client's too (a hunt: it had none)
    assert all(bool(r["previous_band"]) == bool(r["previous_health"]) for r in rows)
    quarry = next(r for r in rows if r["client_id"] == "quarry")
    assert (quarry["previous_quarter"], quarry["previous_band"]) == ("2025Q4", "healthy")
    # how each pays and what is overdue, beside the exits (a Denver studio's CSV had neither)
    brightline = next(r for r in rows if r["client_id"] == "brightline")
    assert (brightline["avg_days_late"], brightline["unpaid_overdue"]) == ("49.2", "1190.0")
    assert next(r for r in rows if r["client_id"] == "lumen")["avg_days_late"] == ""  # not known
    assert text == snapshot(extension_class=CsvSnapshot)


def test_a_note_holding_the_separator_reads_back_as_one_step(
    reviewed: Store, tmp_path: Path
) -> None:
    """exit_steps_done joined the steps with " | ": a note holding " | " read as two steps. One
    step a line now, and a note's own line break is a space, so each line is one step whole."""
    set_step(reviewed, client_id="castell", step="contract", status="done",
             note="Clause 7 | clause 9: 30 days", on=date(2026, 10, 3),
             at=datetime(2026, 10, 3, 9, 0))  # fmt: skip
    set_step(reviewed, client_id="castell", step="referrals", status="na",
             note="Asked Sam\nnobody to suggest", on=date(2026, 10, 3),
             at=datetime(2026, 10, 3, 9, 5))  # fmt: skip
    out = tmp_path / "review.csv"
    write_report(reviewed, AS_OF, Settings(), out, today=TODAY)
    rows = csv.DictReader(io.StringIO(out.read_text(encoding="utf-8")))
    castell = next(r for r in rows if r["client_id"] == "castell")
    assert castell["exit_steps_done"].split("\n") == [
        "Record the decision and the evidence: done 2026-10-02 (Saved with the exit decision.)",
        "Read the contract: done 2026-10-03 (Clause 7 | clause 9: 30 days)",
        "Point them to other providers: not applicable (Asked Sam nobody to suggest)",
    ]


def test_the_report_depends_only_on_the_database_the_date_and_today(
    reviewed: Store, tmp_path: Path
) -> None:
    for suffix in (".md", ".html", ".csv"):
        first, again = tmp_path / f"a{suffix}", tmp_path / f"b{suffix}"
        write_report(reviewed, AS_OF, Settings(), first, today=TODAY)
        write_report(reviewed, AS_OF, Settings(), again, today=TODAY)
        assert first.read_bytes() == again.read_bytes()
        assert b"\r\n" not in first.read_bytes()
    assert "As of 2026-09-30" in (tmp_path / "a.md").read_text()


def test_the_two_quarters_scored_side_by_side_are_each_as_scored_alone(small: Store) -> None:
    """The report scores its quarter and the one before at once (the second on a cursor and thread
    of its own): each must be what scoring that day alone gives, to the last digit, and inside a
    transaction both must read what it wrote and nobody else sees yet."""
    then_day = previous_quarter_end(AS_OF)
    now, then = score_two(small, AS_OF, then_day, Settings())
    assert now.model_dump() == score_portfolio(small, AS_OF, Settings()).model_dump()
    assert then.model_dump() == score_portfolio(small, then_day, Settings()).model_dump()
    before = then.by_id("northwind").health
    with small.transaction() as con:
        con.execute(
            'INSERT INTO feedback (client_id, "date", score, source) VALUES '
            "('northwind', DATE '2026-06-20', 0, 'app'), ('northwind', DATE '2026-06-21', 0, 'app')"
        )
        now_tx, then_tx = score_two(small, AS_OF, then_day, Settings(), con=con)
        assert then_tx.by_id("northwind").health != before  # two zeros in its quarter: it fell
        assert (
            then_tx.model_dump()
            == score_portfolio(small, then_day, Settings(), con=con).model_dump()
        )
        assert (
            now_tx.model_dump() == score_portfolio(small, AS_OF, Settings(), con=con).model_dump()
        )


def test_a_failed_first_quarter_stops_the_second_instead_of_waiting_for_it(
    small: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl+C during the report took as long as scoring the quarter before: the second scoring
    ran to its end before the error came. Its query is interrupted now."""
    import threading

    import duckdb

    from health_tui.scoring import engine

    started, ended = threading.Event(), []

    def fake(store: Store, as_of: date, settings: Settings, *, con=None) -> None:
        if as_of == AS_OF:  # the first: fails once the second's query is running
            started.wait(10)
            raise RuntimeError("the first failed")
        started.set()
        try:  # seconds of work, unless interrupted
            con.execute("SELECT sum(i) FROM range(CAST(2e9 AS BIGINT)) t(i)").fetchall()
            ended.append("ran to its end")
        except duckdb.InterruptException:
            ended.append("interrupted")

    monkeypatch.setattr(engine, "score_portfolio", fake)
    with pytest.raises(RuntimeError, match="the first failed"):
        score_two(small, AS_OF, previous_quarter_end(AS_OF), Settings())
    assert ended == ["interrupted"]


def test_quarter_over_quarter_and_the_checklist_in_the_model(reviewed_report: ReviewReport) -> None:
    r = reviewed_report
    assert (r.quarter, r.previous_quarter, r.previous_as_of) == (
        "2026Q3",
        "2026Q2",
        date(2026, 6, 30),
    )
    assert (len(r.active), r.active_then) == (7, 6)  # Lumen started in August
    # Brightline's rate (€67/h) is 61% of a target risen to €110/h (Lumen's €130/h over the hours
    # its invoices bill is the median now, where its rate over all its hours was)
    assert [c.score.client_id for c in r.candidates] == ["brightline", "castell"]
    # the review order: candidates first
    assert [c.score.client_id for c in r.active[:2]] == ["brightline", "castell"]
    lumen = next(c for c in r.clients if c.score.client_id == "lumen")
    assert lumen.previous_health is None and lumen.health_change is None
    castell = r.candidates[1]
    assert castell.health_change == round(castell.score.health - castell.previous_health, 1)
    assert [d.client_id for d in r.decisions] == ["castell", "fernleaf"]
    (exit_,) = r.exits
    assert exit_.label == "exit 3/10" and exit_.earliest_end == date(2026, 11, 2)
    assert "Read the contract" not in exit_.todo and len(exit_.todo) == 7
    assert exit_.next_step == exit_.todo[0]  # no note on it: the title alone


def test_a_note_on_a_step_still_to_do_is_in_every_report_format(reviewed: Store) -> None:
    """The owner's note on an open step ("Finish the booking widget by end of July", N on the
    checklist) was in none of the three files, which listed the steps to do by title only; the
    notes of settled steps were there. Markup in it stays text."""
    note = "Finish the booking widget by end of July <b>*now*</b>"
    set_step(reviewed, client_id="castell", step="obligations", status="todo", note=note,
             on=date(2026, 10, 3), at=datetime(2026, 10, 3, 9, 10))  # fmt: skip
    r = build_report(reviewed, AS_OF, Settings(), today=TODAY)
    step = "Fulfil outstanding obligations"
    text = render_markdown(r)
    assert f"- [ ] {step} ({md(note)})" in text.splitlines()
    assert "<b>" not in text
    page = render_html(r)
    assert f"<li>{step} ({escape(note, quote=True)})</li>" in page
    castell = next(
        row for row in csv.DictReader(io.StringIO(render_csv(r))) if row["client_id"] == "castell"
    )
    remaining = castell["exit_steps_remaining"].split("\n")
    assert remaining[0] == f"{step} ({note})"
    assert "Send the final invoice and settle what is unpaid" in remaining  # untouched: title alone


def test_a_first_quarter_has_nothing_to_compare_not_nothing_that_moved(small: Store) -> None:
    """The portfolio's first quarter said "No active client's health moved 5 points or more",
    when no client had a health the quarter before to move from."""
    report = build_report(small, date(2025, 9, 30), Settings(), today=TODAY)
    assert report.active and report.compared == 0
    said = (
        "No active client has a health both now and at the end of 2025Q2: nothing to compare yet."
    )
    assert said in render_markdown(report) and said in render_html(report)
    later = build_report(small, date(2026, 9, 30), Settings(), today=TODAY)
    assert later.compared > 0 and said not in render_markdown(later)


def test_a_component_that_gained_its_data_is_said_so_where_health_moved(small: Store) -> None:
    """Harbor Street Bakery's trend has data for the first time in 2026Q2: the weight it took
    read, in the report's movers and the client screen's waterfall, as "trend −8", a fall of a
    trend with no quarter before to fall from. The reasons said it; now every place does."""
    report = build_report(small, date(2026, 6, 30), Settings(), today=TODAY)
    harbor = next(c for c in report.movers if c.score.name == "Harbor Street Bakery")
    assert harbor.score.data_changed == {"trend": "gained"}
    said = "trend −8 (no data the quarter before)"
    assert said in harbor.score.moved_text
    line = f"- **Harbor Street Bakery**: 90 → 81 (-9): {said}, satisfaction −1"
    assert line in render_markdown(report).splitlines()
    assert said in html_text(render_html(report))
    assert "trend (no data the quarter before)" in moved_content(harbor.score).plain
    scores = json.loads(
        render_scores(score_portfolio(small, date(2026, 6, 30), Settings()), "json")
    )
    said_in_json = {c["name"]: c["data_changed"] for c in scores if "data_changed" in c}
    assert said_in_json == {  # said only where it applies
        "Fernleaf Yoga Studio": {"trend": "gained"},
        "Harbor Street Bakery": {"trend": "gained"},
    }
    # and the other way: in 2026Q3 so far (15 August) the trend has no data again
    later = score_portfolio(small, date(2026, 8, 15), Settings()).by_id(harbor.score.client_id)
    assert later is not None and later.data_changed == {"trend": "lost"}
    assert "(no data this quarter)" in (later.moved_text or "")
    assert "trend (no data this quarter)" in moved_content(later).plain


def test_the_twelve_month_figures_say_how_many_months_they_hold(small: Store) -> None:
    """An owner's hunt: as of 30 November "Rev 12m", "revenue 12m" and "(last 12 months)" were
    the invoices since 1 January, eleven months; on 1 October, nine. The figures stay the last
    four quarters' (this one so far and the three before); every label now says how many months
    that is, and the same day at a quarter's end still reads 12."""
    days = (date(2026, 9, 30), date(2026, 10, 1), date(2026, 11, 30), date(2026, 12, 20))
    assert [year_months(d) for d in days] == [12, 9, 11, 11]  # whole months: never 12 too soon
    assert year_months(date(2024, 2, 29)) == 11 and year_months(date(2024, 2, 28)) == 10
    mid, end = date(2026, 8, 15), date(2026, 9, 30)  # since 2025-10-01: 10 months
    p = score_portfolio(small, mid, Settings())
    c = max(p.active, key=lambda c: c.revenue_12m)
    titles = {col.key: col.title for col in columns_for({}, as_of=mid)}
    assert titles["revenue_12m"] == "Rev 10m"
    assert {col.key: col.title for col in columns_for({}, as_of=end)}["revenue_12m"] == "Rev 12m"
    panel = effort_content(c, "EUR", mid).plain
    assert "revenue 10m" in panel and "paid 10m" in panel and "hours 10m" in panel
    assert "revenue 10m" in value_content(c, "EUR", mid).plain
    said = "What goes with them (since 2025-10-01, 10 months)"
    assert said in exit_confirmation(c, "EUR", as_of=mid).plain
    assert "What goes with them (last 12 months)" in exit_confirmation(c, "EUR", as_of=end).plain
    assert "rev 10m" in render_scores(p, "table").splitlines()[2]
    assert "revenue lost (10 months)" in render_whatif(what_if(p, [c.client_id]), "table")
    report = build_report(small, mid, Settings(), today=TODAY)
    basis = "revenue is the last four quarters' invoices (since 2025-10-01, 10 months)"
    assert basis in render_markdown(report) and basis in html_text(render_html(report))
    assert "(since" not in render_markdown(build_report(small, end, Settings(), today=TODAY))


def test_exits_follow_the_latest_decision_up_to_the_quarter(small_db: Path) -> None:
    store = open_store(small_db)
    try:
        record_decision(store, quarter="2026Q2", client_id="brightline", decision="exit",
                        note=None, at=datetime(2026, 7, 3, 9, 0))  # fmt: skip
        assert [e.client_id for e in build_report(store, AS_OF, Settings(), today=TODAY).exits] == [
            "brightline"
        ]
        assert (
            build_report(store, date(2026, 3, 31), Settings(), today=TODAY).exits == []
        )  # not decided yet
        record_decision(store, quarter="2026Q3", client_id="brightline", decision="recover",
                        note="They apologised; one more quarter.", at=datetime(2026, 10, 2, 9, 0))  # fmt: skip
        assert build_report(store, AS_OF, Settings(), today=TODAY).exits == []
        assert [
            e.client_id
            for e in build_report(store, date(2026, 6, 30), Settings(), today=TODAY).exits
        ] == ["brightline"]
    finally:
        store.close()


def test_an_exit_confirmed_next_quarter_is_the_exit_decided_first(small_db: Path) -> None:
    """Exit for 2026Q2 ("Two years of complaints"), confirmed for 2026Q3: the exits screen and the
    report said "Decided for 2026Q3" with the confirmation's note, the reason given in 2026Q2 gone.
    An exit decided after a change of mind (exit, keep, exit) starts from its own decision."""
    store = open_store(small_db)
    try:
        record_decision(store, quarter="2026Q2", client_id="brightline", decision="exit",
                        note="Two years of complaints", at=datetime(2026, 7, 3, 9, 0))  # fmt: skip
        record_decision(store, quarter="2026Q3", client_id="brightline", decision="exit",
                        note="Still going", at=datetime(2026, 10, 2, 9, 0))  # fmt: skip
        (e,) = build_report(store, AS_OF, Settings(), today=TODAY).exits
        assert (e.quarter, e.decided_at, e.note) == (
            "2026Q2",
            datetime(2026, 7, 3, 9, 0),
            "Two years of complaints",
        )
        assert "- Decided for 2026Q2 on 2026-07-03 09:00: Two years of complaints" in (
            render_markdown(build_report(store, AS_OF, Settings(), today=TODAY))
        )
        record_decision(store, quarter="2026Q1", client_id="castell", decision="exit",
                        note="First try", at=datetime(2026, 4, 2, 9, 0))  # fmt: skip
        record_decision(store, quarter="2026Q2", client_id="castell", decision="keep",
                        note=None, at=datetime(2026, 7, 2, 9, 0))  # fmt: skip
        record_decision(store, quarter="2026Q3", client_id="castell", decision="exit",
                        note="Now for good", at=datetime(2026, 10, 2, 9, 0))  # fmt: skip
        exits = {x.client_id: x for x in build_report(store, AS_OF, Settings(), today=TODAY).exits}
        assert (exits["castell"].quarter, exits["castell"].note) == ("2026Q3", "Now for good")
    finally:
        store.close()


def test_html_report_is_one_safe_standalone_page(evil_db: Path, tmp_path: Path) -> None:
    store = open_store(evil_db)
    try:
        out = tmp_path / "review.html"
        write_report(store, AS_OF, Settings(), out, today=TODAY)
        active = score_portfolio(store, AS_OF).active
    finally:
        store.close()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(("review", ".review"))] == [
        "review.html"
    ]
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    lowered = page.lower()
    for outside in ("http", "<script", "<link", "<img", "<iframe", "@import", "url("):
        assert outside not in lowered, outside
    assert page.count("<svg") == 1
    for label in ("KEEP", "REPRICE", "RECOVER OR LISTEN", "EXIT"):
        assert f">{label}</text>" in page
    for c in active:
        assert escape(c.name, quote=True) in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co" in page
    assert "They wrote &lt;img src=x onerror=&quot;alert(2)&quot;&gt; | twice" in page
    assert len(re.findall(r'<g class="point"><title>', page)) == len(active)
    assert page.count('r="10" fill="none"') == 2 + 1  # the two candidates' rings, and the legend's


def test_html_report_keeps_quotes_and_markdown_in_a_name_as_text(tmp_path: Path) -> None:
    name = '"><script>alert(1)</script> [x](javascript:alert(1)) *b* `t`'
    folder = tmp_path / "nasty"
    shutil.copytree(FIXTURES / "small", folder)
    clients = folder / "clients.csv"
    quoted = '"' + name.replace('"', '""') + '"'
    clients.write_text(clients.read_text().replace("Harbor Street Bakery", quoted))
    store = open_store(empty_copy(tmp_path / "nasty.duckdb"))
    import_folder(store, folder)
    out = tmp_path / "review.html"
    write_report(store, AS_OF, Settings(), out, today=TODAY)
    store.close()
    page = out.read_text(encoding="utf-8")
    assert escape(name, quote=True) in page
    assert "<script" not in page.lower() and "href" not in page.lower()


def test_markdown_escapes_client_text(evil_db: Path, tmp_path: Path) -> None:
    store = open_store(evil_db)
    try:
        out = tmp_path / "review.md"
        write_report(store, AS_OF, Settings(), out, today=TODAY)
    finally:
        store.close()
    text = out.read_text(encoding="utf-8")
    assert not re.search(r"[<>]", text)  # every angle bracket is a character reference
    assert "&lt;script&gt;alert(1)&lt;/script&gt; & Co" in text
    rows = [
        line for line in text.splitlines() if line.startswith("| Castell & Rowe Solicitors | exit")
    ]
    assert rows == [
        "| Castell & Rowe Solicitors | exit | exit | 2026-10-02 10:15 | They wrote "
        r'&lt;img src=x onerror="alert(2)"&gt; \| twice |'
    ]
    page = render_commonmark(text)
    assert "<script" not in page and "<img" not in page
    assert "<td>They wrote &lt;img src=x onerror=&quot;alert(2)&quot;&gt; | twice</td>" in page


MARKDOWN_NASTY = [
    "<script>alert(1)</script>",
    "[x](javascript:alert(1)) and ![i](x.png) and [y][1]",
    "<javascript:alert(1)> <!-- hidden -->",
    "`code` and ``more``",
    "*bold* _it_ __strong__ **strong** ~~gone~~ ~sub~",
    "# heading",
    "## Acme",
    "- item",
    "+ item",
    "* item",
    "1. item",
    "2) item",
    "> quote",
    "a | b | c",
    "| leading pipe",
    "AT&amp;T &copy; &#60; & Co",
    "$x^2$ and $$y$$",
    "===",
    "---",
    "back\\slash at the end \\",
    "***",
    "    four spaces",
]


@pytest.mark.parametrize("text", MARKDOWN_NASTY)
def test_markdown_text_renders_as_the_text_itself(text: str) -> None:
    """As a paragraph, a table cell and a line of a letter: exactly the text, no markup from it."""
    one_line = " ".join(text.split())
    assert render_commonmark(md(text)) == f"<p>{html_text(one_line)}</p>\n"
    table = render_commonmark(f"| client | n |\n|---|---|\n| {md(text)} | 1 |\n")
    assert f"<td>{html_text(one_line)}</td>\n<td>1</td>" in table
    letter = f"Dear team,\n{text}\nKind regards"
    shown = "\n".join(line.lstrip() for line in letter.split("\n"))  # Markdown drops indents
    assert render_commonmark(markdown_text(letter)) == f"<p>{html_text(shown)}</p>\n"


def test_md_makes_text_one_inert_line() -> None:
    assert md("a | b\nc\r\nd\te") == r"a \| b c d e"
    assert md("[click](u) *now* `x` \\") == r"\[click\](u) \*now\* \`x\` \\"
    assert md("# not a heading") == r"\# not a heading"
    assert md("<b>~$</b>") == "&lt;b&gt;&#126;&#36;&lt;/b&gt;"
    # an amount reads as written (a hunt: the reasons said "&#36;22,000" where the tables said
    # "$22,000"); a `$` that could end a span of maths (no digit after it) is a reference
    assert md("owes $22,000 of $4,694.50") == "owes $22,000 of $4,694.50"
    assert md("Cash$ Co paid $5 $$ x$") == "Cash&#36; Co paid $5 &#36;&#36; x&#36;"
    assert md("1. not a list") == r"1\. not a list" and md("=") == "&#61;"
    assert md("\x1b[31mred\x1b[0m\u202e") == "red"
    assert md(None) == ""


def test_the_change_of_revenue_at_risk_is_of_the_figures_as_shown() -> None:
    """A freelancer's report: "CAD 12,090 | CAD 11,993 | +CAD 98": the change took 11,992.50 to
    11,992 (Python rounds halves to even), the figure beside it to 11,993."""
    from health_tui.report.model import ReviewReport

    fields = {"revenue_at_risk_now": 12090.0, "revenue_at_risk_then": 11992.5}
    report = ReviewReport.model_construct(**fields)
    assert report.revenue_at_risk_change == 97.0


def test_previous_quarter_end() -> None:
    assert previous_quarter_end(date(2026, 9, 30)) == date(2026, 6, 30)
    assert previous_quarter_end(date(2026, 8, 15)) == date(2026, 6, 30)
    assert previous_quarter_end(date(2026, 1, 10)) == date(2025, 12, 31)


def test_a_failed_write_leaves_the_old_report_and_no_temporary_file(
    reviewed: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "review.md"
    out.write_text("last quarter's report\n")

    def disk_full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(ReportError, match="No space left on device"):
        write_report(reviewed, AS_OF, Settings(), out, today=TODAY)
    assert out.read_text() == "last quarter's report\n"
    assert sorted(p.name for p in tmp_path.iterdir() if "review" in p.name) == ["review.md"]


def test_write_report_refuses_an_unknown_suffix_and_a_missing_folder(
    reviewed: Store, tmp_path: Path
) -> None:
    with pytest.raises(ReportError, match=r"\.md, \.html or \.csv"):
        write_report(reviewed, AS_OF, Settings(), tmp_path / "review.pdf", today=TODAY)
    with pytest.raises(ReportError, match="cannot write in"):
        write_report(
            reviewed, AS_OF, Settings(), tmp_path / "no" / "such" / "review.md", today=TODAY
        )


def test_report_command_writes_refuses_to_overwrite_and_forces(
    reviewed_db: Path, tmp_path: Path
) -> None:
    runner = CliRunner()
    out = tmp_path / "x.md"
    args = ["report", "--db", str(reviewed_db), "--quarter", "2026Q3", "--out", str(out)]

    result = runner.invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Wrote the 2026Q3 review report as of 2026-09-30")
    assert out.read_text().startswith("# Quarterly client review: 2026Q3")

    out.write_text("the owner's own edits\n")
    result = runner.invoke(cli, args)
    assert result.exit_code == 2  # bad input, not an unusable database
    assert "already exists; pass --force to overwrite it" in result.output
    assert "Traceback" not in result.output
    assert out.read_text() == "the owner's own edits\n"

    result = runner.invoke(cli, [*args, "--force"])
    assert result.exit_code == 0, result.output
    assert out.read_text().startswith("# Quarterly client review: 2026Q3")


def test_a_report_written_after_its_quarter_runs_an_untold_notice_from_today(
    reviewed_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`report --quarter 2026Q3` written on 5 December said Castell's 30 days' notice ended on
    2 November, a day already passed, though the client was not told yet; the app's exits screen
    said 4 January. Until they are told the notice runs from today, and the report says so."""
    monkeypatch.setattr("health_tui.cli._now", lambda: datetime(2026, 12, 5, 9, 0))
    md, table = tmp_path / "x.md", tmp_path / "x.csv"
    args = ["report", "--db", str(reviewed_db), "--quarter", "2026Q3", "--force", "--out"]
    for out in (md, table):
        assert CliRunner().invoke(cli, [*args, str(out)]).exit_code == 0
    assert (
        "- Notice 30 days, from the day they are told (not told yet): earliest end date "
        "2027-01-04 if told today (2026-12-05, the day this report was written)."
    ) in md.read_text()
    castell = next(r for r in csv.DictReader(table.open()) if r["client_id"] == "castell")
    assert (castell["exit_earliest_end"], castell["exit_told_on"], castell["exit_notice_from"]) == (
        "2027-01-04",
        "",
        "2026-12-05",
    )
    store = open_store(reviewed_db)  # told on 5 October: the day of writing no longer matters
    set_step(store, client_id="castell", step="tell", status="done", note=None,
             on=date(2026, 10, 5), at=datetime(2026, 10, 5, 9, 0))  # fmt: skip
    store.close()
    assert CliRunner().invoke(cli, [*args, str(md)]).exit_code == 0
    assert (
        "- Notice 30 days from 2026-10-05, when they were told: earliest end date 2026-11-04."
    ) in md.read_text()


def test_report_command_refuses_a_bad_suffix(reviewed_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "x.txt"
    result = CliRunner().invoke(
        cli, ["report", "--db", str(reviewed_db), "--as-of", "2026-09-30", "--out", str(out)]
    )
    assert result.exit_code == 2
    assert "must end in .md, .html or .csv" in result.output
    assert not out.exists()


def test_a_lone_carriage_return_reaches_the_csv_report_quoted_and_guarded(tmp_path: Path) -> None:
    """A name holding a bare CR (quoted in clients.csv) once crashed `report --out x.csv`."""
    folder = tmp_path / "cr"
    shutil.copytree(FIXTURES / "small", folder)
    clients = folder / "clients.csv"
    clients.write_bytes(
        clients.read_text().replace("Harbor Street Bakery", '"Acme\r=HYPERLINK(1)"').encode()
    )
    db, out = tmp_path / "cr.duckdb", tmp_path / "review.csv"
    assert CliRunner().invoke(cli, ["import", str(folder), "--db", str(db)]).exit_code == 0
    store = open_store(db)
    record_decision(store, quarter="2026Q3", client_id="castell", decision="exit",
                    note="ok\n@SUM(1)", at=datetime(2026, 10, 2, 10, 15))  # fmt: skip
    store.close()
    result = CliRunner().invoke(
        cli, ["report", "--db", str(db), "--as-of", "2026-09-30", "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    with out.open(newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == 8 and all(None not in r for r in rows)
    by_id = {r["client_id"]: r for r in rows}
    assert by_id["harbor"]["name"] == "Acme\n'=HYPERLINK(1)"  # a line break, written \n
    assert by_id["castell"]["decision_note"] == "ok\n'@SUM(1)"
    assert not re.search(r"(^|[\r\n])[=+\-@]", out.read_bytes().decode("utf-8"))


def test_the_biggest_movers_say_what_moved(tmp_path: Path) -> None:
    """On the demo, the loyal client's collapse leads the movers, component by component, and each
    client's change is last quarter's health as the trend shows it."""
    from health_tui.demo import PLANTED, generate_demo
    from health_tui.report.markdown import render_markdown

    store = open_store(empty_copy(tmp_path / "demo.duckdb"))
    generate_demo(store, clients=20, seed=7, as_of=AS_OF)
    r = build_report(store, AS_OF, Settings(), today=TODAY)
    store.close()
    first = r.movers[0]
    assert first.score.client_id == PLANTED["loyal_now_irritated"]
    assert all(abs(c.health_change or 0) >= 5 for c in r.movers)
    for line in r.active:
        if line.was_client and line.score.health is not None:
            assert line.previous_health == line.score.trend[-2].health
    text = render_markdown(r)
    movers = text[text.index("## Biggest movers since 2026Q2") :]
    s = first.score
    change = f"{s.health - s.previous_health:+.0f}"
    assert f"- **{md(s.name)}**: {s.previous_health:.0f} → {s.health:.0f} ({change}): " in movers


def test_the_decisions_say_what_was_recommended_when_decided(reviewed: Store) -> None:
    """An exit decided against a reprice, the recommendation since moved: the table gave only
    today's, as if the owner had decided against that."""
    reviewed.con.execute(
        "UPDATE review_decisions SET recommendation = 'reprice' WHERE client_id = 'castell'"
    )
    r = build_report(reviewed, AS_OF, Settings(), today=TODAY)
    now = next(c for c in r.clients if c.score.client_id == "castell").score.recommendation.value
    assert now != "reprice"
    assert f"| exit | reprice (now {now}) |" in render_markdown(r)
    assert f"<td>reprice (now {now})</td>" in render_html(r)
    assert "| reprice | reprice |" in render_markdown(r)  # fernleaf: the same then and now
    reviewed.con.execute("UPDATE review_decisions SET recommendation = NULL")  # an older decision
    assert "| reprice | reprice (today's) |" in render_markdown(
        build_report(reviewed, AS_OF, Settings(), today=TODAY)
    )


def test_revenue_at_risk_and_its_change_add_up_as_written(reviewed_report: ReviewReport) -> None:
    """€33,856 then €38,660 read as a change of -€4,805: the change was of the unrounded sums."""
    r = reviewed_report.model_copy(
        update={"revenue_at_risk_now": 33855.6, "revenue_at_risk_then": 38660.4}
    )
    assert "| €33,856 | €38,660 | -€4,804 |" in render_markdown(r)


def test_counts_in_thousands_are_written_as_every_other_count_is(
    reviewed_report: ReviewReport,
) -> None:
    """The 10,000-client demo's report read 'active clients | 9614 | 9327 | +287' where the app
    and the report's own sentences write '9,614'."""
    r = reviewed_report
    now = len(r.active)
    big = r.model_copy(update={"active_then": 12_345, "candidates_then": 1_204})
    md_text, html_page = render_markdown(big), render_html(big)
    change = f"-{12_345 - now:,}"
    assert f"| active clients | {now} | 12,345 | {change} |" in md_text
    assert f"| 1,204 | {signed(len(r.candidates) - 1_204)} |" in md_text
    assert "12,345" in html_page and change in html_page and "12345" not in html_page
    assert (
        signed(1287) == "+1,287" and signed(-0.04, 1) == "0.0" and signed(-1234.56, 1) == "-1,234.6"
    )


def test_exit_counts_in_thousands_in_headings_and_sentences() -> None:
    """'If the 1204 exits go ahead', 'The 1204 exits give up ...': counts as everywhere else."""
    from health_tui.report.format import exits_title
    from health_tui.review.track_record import ExitTaken, TrackRecord

    assert exits_title(1204) == "If the 1,204 exits go ahead"
    gone = ExitTaken(client_id="a", name="A", quarter="2026Q2", decided_at=datetime(2026, 7, 1),
                     recommendation=None, revenue_12m=100.0, hours_12m=2.0, active_now=False)  # fmt: skip
    record = TrackRecord.model_construct(exits=[gone] * 1204, without_verdict=1234)
    assert record.exits_sentence("€120,400").startswith("The 1,204 exits give up €120,400 of")


def test_a_chart_label_never_runs_over_the_health_axis() -> None:
    """At 10,000 clients a name placed left of a point near the plot's left edge ran over the
    health axis's title and its 55 tick; a name is placed inside the plot, or elsewhere, or not."""
    from health_tui.report.chart import CHAR_WIDTH, LEFT, _Placer

    name = "Cedar Lane Roofing (2)"
    x, y = LEFT + 60, 200.0
    right = (x + 10, y - 8, x + 10 + len(name) * CHAR_WIDTH, y + 4)  # its right side taken
    placer = _Placer([right])
    spot = placer.place(x, y, name)
    assert spot is not None and spot[2] != "end"  # not the left side, which leaves the plot
    assert all(box[0] >= LEFT for box in placer.taken)


def test_a_csv_for_excel_reads_back_the_same_cells_in_excel_s_own_way(
    reviewed_report: ReviewReport,
) -> None:
    """A Lyon agency opened the CSV report in French Excel: every row in one column, "121.77"
    read as text and "Müller" as "MÃ¼ller". `excel` writes a byte-order mark (Excel then reads
    UTF-8); `excel-eu` also separates cells with semicolons and writes decimal commas, as Excel
    in French or German reads them. The cells are otherwise those of the plain file."""
    plain = render_csv(reviewed_report)
    assert not plain.startswith("\ufeff")
    plain_rows = list(csv.reader(io.StringIO(plain)))

    excel = render_csv(reviewed_report, "excel")
    assert excel == "\ufeff" + plain

    eu = render_csv(reviewed_report, "excel-eu")
    assert eu.startswith("\ufeffclient_id;name;active;health;")
    eu_rows = list(csv.reader(io.StringIO(eu.removeprefix("\ufeff")), delimiter=";"))
    assert len(eu_rows) == len(plain_rows) and eu_rows[0] == plain_rows[0]
    number = re.compile(r"-?\d+\.\d+")
    for plain_row, eu_row in zip(plain_rows[1:], eu_rows[1:], strict=True):
        for was, cell in zip(plain_row, eu_row, strict=True):
            assert cell == (was.replace(".", ",") if number.fullmatch(was) else was)
    castell = next(r for r in eu_rows if r[0] == "castell")
    assert castell[eu_rows[0].index("effective_rate")].count(",") == 1  # 45,7 and the like
    assert any("." in cell for cell in castell)  # sentences keep their full stops


def test_the_report_and_scores_are_written_for_the_spreadsheet_the_settings_name(
    small_db: Path, tmp_path: Path
) -> None:
    config = tmp_path / "config.toml"
    config.write_text('[csv]\nstyle = "excel-eu"\n', encoding="utf-8")
    runner = CliRunner()
    out = tmp_path / "review.csv"
    args = ["--db", str(small_db), "--as-of", "2026-09-30", "--config", str(config)]
    result = runner.invoke(cli, ["report", *args, "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").startswith("\ufeffclient_id;name;")
    # the command line's style over the settings'
    result = runner.invoke(cli, ["score", *args, "--format", "csv", "--csv-style", "excel"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("\ufeffclient_id,name,")
    result = runner.invoke(
        cli, ["report", *args, "--out", str(out), "--force", "--csv-style", "plain"]
    )
    assert out.read_text(encoding="utf-8").startswith("client_id,name,")


def test_the_report_says_the_rates_other_currencies_were_converted_at(
    small: Store, tmp_path: Path
) -> None:
    """An Amsterdam freelancer's report said "Amounts in EUR" over clients billed in pounds and
    dollars: not that they were converted, nor at what."""
    from health_tui.ingest.connector import import_path
    from health_tui.settings import Money

    money = Money(rates={"GBP": 1.17, "USD": 0.92, "IDR": 0.0000575})
    sheet = tmp_path / "gbp.csv"
    sheet.write_text("No.,Customer,Date,Amount,Currency\n1,Northwind Outfitters,2026-08-03,950,GBP\n"
                     "2,Northwind Outfitters,2026-08-04,9500000,IDR\n")  # fmt: skip
    mapping = tmp_path / "gbp.toml"
    mapping.write_text('target = "invoices"\namounts_in_cents = false\n[columns]\ninvoice_id = "No."\nclient = "Customer"\n'
                       'issued_on = "Date"\namount = "Amount"\ncurrency = "Currency"\n'
                       '[fixed]\nstatus = "open"\n')  # fmt: skip
    import_path(small, sheet, mapping=mapping, money=money)
    report = build_report(small, AS_OF, Settings(money=money), today=TODAY)
    assert report.rates == {"GBP": 1.17, "IDR": 0.0000575}  # the currencies the amounts are in
    # each rate as the settings write it (the reviewer's find: "IDR at 5.75e-05")
    said = "Amounts in EUR (GBP at 1.17, IDR at 0.0000575 EUR, the settings' [money] rates); "
    assert said in render_markdown(report)
    assert said in render_html(report)
