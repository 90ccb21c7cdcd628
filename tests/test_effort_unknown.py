"""Effort versus return where the data cannot tell it (domain.md, "What the data cannot say"): a
portfolio with time and tickets but no invoices, one with invoices but no time, a client with
neither. Each went through the real import and scoring; each used to show a made-up figure (50, or
100, or a rate of €0/h that made a happy client 'under-priced')."""

from __future__ import annotations

import csv
import io
import json
import re
import statistics
from datetime import date, datetime
from pathlib import Path

from rich.cells import cell_len

from health_tui.app.map_model import build_grid
from health_tui.app.table_model import BY_KEY, COLUMNS, columns_for
from health_tui.app.widgets.client_panels import effort_content
from health_tui.app.widgets.review_panels import exit_confirmation, value_content
from health_tui.app.widgets.whatif_panel import whatif_content
from health_tui.ingest.native import import_folder
from health_tui.output import render_scores, render_whatif
from health_tui.report.html import render_html
from health_tui.report.markdown import render_markdown
from health_tui.report.model import ReviewReport, build_report
from health_tui.review.decisions import record_decision
from health_tui.scoring.engine import score_portfolio
from health_tui.scoring.models import Archetype, PortfolioScore, Recommendation
from health_tui.settings import Settings
from health_tui.store import open_store
from health_tui.whatif import what_if
from tests.conftest import empty_copy
from tests.portfolio_builder import AS_OF, Book, client
from tests.test_scoring_rules import ago, book, champion, problem_client

A, R = Archetype, Recommendation
NO_REVENUE = "Not enough data for effort versus return: no revenue for any client"


def report_of(b: Book, tmp_path: Path) -> ReviewReport:
    """The review report of `b`, imported through the folder import into a new database."""
    store = open_store(empty_copy(tmp_path / "book.duckdb"))
    try:
        import_folder(store, b.write(tmp_path / "book"), replace=True)
        return build_report(store, AS_OF, Settings(), today=AS_OF)
    finally:
        store.close()


def time_and_tickets(tmp: Path, settings: Settings | None = None) -> PortfolioScore:
    """A Toggl-and-helpdesk portfolio: hours, feedback and messages, not one invoice."""
    b = champion(problem_client(book()))
    b.rows["invoices"] = []
    return b.score(tmp, settings)


def test_without_any_revenue_no_client_gets_an_effort_figure_or_a_rate(tmp_path: Path) -> None:
    p = time_and_tickets(tmp_path)
    active = p.active
    assert active and all(c.effort_return is None for c in active)  # was 50 for every client
    assert all(c.effective_rate is None for c in active)  # was €0/h
    assert p.target_rate is None  # was 0.0: the median of rates of 0
    champ = client(p, "champ")
    assert champ.verdict.endswith("effort/return: not enough data")
    assert any(r.startswith(NO_REVENUE) and "import invoices" in r for r in champ.reasons)
    assert not any("holds" in r or "earns its keep" in r for c in active for r in c.reasons)
    table = render_scores(p, "table")
    assert "€0/h" not in table
    row = next(line for line in table.splitlines() if line.startswith("Northwind Outfitters"))
    assert " — " in row  # the effort column says it does not know


def test_a_target_rate_in_the_settings_does_not_make_missing_invoices_poor(
    tmp_path: Path,
) -> None:
    """With a target set, revenue 0 against it used to score every client poor: a reprice each,
    and a happy client 'under-priced'."""
    p = time_and_tickets(tmp_path, Settings.model_validate({"money": {"target_rate": 90}}))
    assert p.target_rate == 90  # the owner's setting is still shown
    assert all(c.effort_return is None for c in p.active)
    assert client(p, "champ").archetype is A.champion  # not under-priced on a rate of 0
    assert not any(c.fire_candidate for c in p.active)
    assert not any(c.recommendation is R.reprice for c in p.active)  # each was, on effort 0


def test_a_poor_health_client_without_revenue_data_is_not_said_to_hold(tmp_path: Path) -> None:
    b = book()
    start = ago(700)
    b.client("sour", "Quarry Lane Bakery", start)
    b.work("sour", start, AS_OF, hours_per_day=2)
    b.feedback("sour", start, AS_OF, 3)
    b.events("sour", "complaint", start, AS_OF, per_quarter=3, sentiment=-0.6, note="Late again")
    b.rows["invoices"] = []
    c = client(b.score(tmp_path), "sour")
    assert c.health is not None and c.health < 55 and c.effort_return is None
    assert not c.fire_candidate  # no exit stands on an effort figure nobody knows
    assert "holds" not in " ".join(c.reasons)


def test_without_any_hours_revenue_alone_is_not_a_perfect_effort_score(tmp_path: Path) -> None:
    """Invoices and feedback, no time tracker: a client's hours are not known, not zero (it was
    100 for every client)."""
    b = champion(problem_client(book()))
    b.rows["time_entries"] = []
    p = b.score(tmp_path)
    assert all(c.revenue_12m > 0 and c.effort_return is None for c in p.active)
    said = " ".join(client(p, "champ").reasons)
    assert "no hours logged for any client" in said and "import time entries" in said
    drain = client(p, "drain")
    assert (drain.archetype, drain.recommendation) == (A.problem_client, R.reprice)
    assert drain.reasons[0] == (  # not "but still earns its keep": nothing says it does
        "Drains energy (urgent or scope-change demands, or requests or complaints after hours): "
        "charge for the urgency and the changes."
    )


def test_a_paying_client_whose_time_is_tracked_but_none_this_year_is_all_return(
    tmp_path: Path,
) -> None:
    """Its time was tracked before, and no hours in the last four quarters: a known 100. With no
    time of theirs ever on record, its hours are not known (the time may be tracked elsewhere)."""
    b = book()
    b.client("retainer", "Harbour Lights Licensing", ago(700))
    b.work("retainer", ago(700), ago(500), rate=100)  # the set-up, long ago
    b.rows["invoices"].append(["R-1", "retainer", ago(60), ago(30), ago(30), 5000.0, "EUR"])
    b.feedback("retainer", ago(700), AS_OF, 8)
    c = client(b.score(tmp_path / "a"), "retainer")
    assert (c.hours_12m, c.effort_return) == (0, 100)
    b.rows["time_entries"] = [r for r in b.rows["time_entries"] if r[0] != "retainer"]
    c = client(b.score(tmp_path / "b"), "retainer")
    assert c.effort_return is None and not c.time_on_record


def test_a_client_with_neither_hours_nor_revenue_says_so(tmp_path: Path) -> None:
    """Messages and feedback only this year: nothing to weigh effort against (it showed 50)."""
    b = book()
    b.client("talk", "Willow Creek Gallery", ago(700))
    b.feedback("talk", ago(700), AS_OF, 8)
    b.events("talk", "request", ago(700), AS_OF, per_quarter=4, sentiment=0.3)
    c = client(b.score(tmp_path), "talk")
    assert c.effort_return is None
    assert any(
        r.startswith("Not enough data for effort versus return: no hours and no revenue")
        for r in c.reasons
    )


def test_what_if_a_reprice_cannot_tell_what_the_score_could_not(tmp_path: Path) -> None:
    p = time_and_tickets(tmp_path, Settings.model_validate({"money": {"target_rate": 90}}))
    w = what_if(p, [], {"champ": 20})
    (r,) = w.reprices
    assert (r.effort_return_before, r.effort_return_after) == (None, None)  # after was 0
    assert r.effective_rate_after is None  # it was €0/h
    assert "effort versus return: not enough data" in render_whatif(w, "table")
    assert "effort/return not enough data" in whatif_content(w).plain  # the app's panel


def test_without_invoices_every_screen_and_the_report_say_not_known(tmp_path: Path) -> None:
    """Time and tickets only: the map, the panels, the exit confirmation, the what-if and the
    report said €0, 0%, "nothing unpaid" and placed every client at effort 50."""
    b = champion(problem_client(book()))
    b.rows["invoices"] = []
    store = open_store(empty_copy(tmp_path / "book.duckdb"))
    try:
        import_folder(store, b.write(tmp_path / "book"), replace=True)
        p = score_portfolio(store, AS_OF)
        record_decision(store, quarter="2026Q3", client_id="drain", decision="exit", note=None,
                        at=datetime(2026, 10, 2, 10, 0), score=p.by_id("drain"))  # fmt: skip
        report = build_report(store, AS_OF, Settings(), today=AS_OF)
    finally:
        store.close()
    assert not p.revenue_on_record and p.hours_on_record and not p.rates_known
    assert build_grid(p.clients, 40, 20).cells == {}  # no point at a made-up 50
    drain = client(p, "drain")
    panel = effort_content(drain, "EUR").plain
    assert "not enough data" in panel and "no invoice of theirs on record" in panel
    assert re.search(r"revenue 12m +—\n", panel) and re.search(r"lifetime value +—", panel)
    assert "lifetime — " in value_content(drain, "EUR").plain
    confirm = exit_confirmation(drain, "EUR").plain
    assert "not known (no invoice of theirs on record)" in confirm
    assert re.search(r"lifetime value +—", confirm)
    assert "h freed" in confirm  # the hours are on record
    assert "(no revenue on record" in render_scores(p, "table").splitlines()[0]
    shown = sum(1 for c in p.active if c.health is not None)
    page = render_html(report)
    assert f"{shown} with not enough data for effort versus return" in page
    text = render_markdown(report)
    assert "revenue that is not known (no invoice of theirs in the last four quarters)" in text
    assert "no invoice of theirs on record: check what is owed" in text  # not "nothing unpaid"
    assert "€0" not in text
    # the leaving client's figures: the hours, and the revenue named as not known (it read "(—, 469.8 h)")
    assert re.search(r"Decided exit for 2026Q3: [^(]+ \(revenue not known, [\d.,]+ h\)\.", text)
    assert re.search(r"Decided exit for 2026Q3: [^(]+ \(revenue not known, [\d.,]+ h\)\.", page)


def test_time_and_invoices_for_different_clients_weigh_no_ones_effort(tmp_path: Path) -> None:
    """A time tracker for some clients, invoices for the others: no client has both. The rate of a
    tracked client was €0/h; with a target set, that made it an exit candidate."""
    b = champion(problem_client(book()))
    tracked = {"champ", "drain"}
    b.rows["invoices"] = [r for r in b.rows["invoices"] if r[1] not in tracked]
    b.rows["time_entries"] = [r for r in b.rows["time_entries"] if r[0] in tracked]
    p = b.score(tmp_path, Settings.model_validate({"money": {"target_rate": 100}}))
    assert all(c.effort_return is None and c.effective_rate is None for c in p.active)
    assert not any(c.fire_candidate or c.recommendation is R.reprice for c in p.active)
    said = " ".join(client(p, "champ").reasons)
    assert "no client has both hours and revenue in the last four quarters" in said
    assert "set [money] target_rate" not in said  # that advice made missing invoices a rate of 0


def test_a_new_client_not_invoiced_yet_does_not_lower_the_typical_rate(tmp_path: Path) -> None:
    b = book()
    typical = book().score(tmp_path / "a").target_rate
    b.client("fresh", "Maple Street Dental", ago(40))
    b.work("fresh", ago(40), AS_OF, hours_per_day=4)
    b.rows["invoices"] = [r for r in b.rows["invoices"] if r[1] != "fresh"]
    p = b.score(tmp_path / "b")
    assert client(p, "fresh").revenue_12m == 0
    assert p.target_rate == typical  # the median of the paying clients' rates


def test_a_client_whose_invoices_are_not_on_record_gets_no_made_up_rate(tmp_path: Path) -> None:
    """Time for every client, invoices for one: the others were scored at €0/h against that one
    client's rate (effort 0, an exit candidate); the reverse, invoices for all and time for one,
    gave the others a perfect 100."""
    b = champion(problem_client(book()))
    b.rows["invoices"] = [r for r in b.rows["invoices"] if r[1] == "s0"]
    p = b.score(tmp_path / "a", Settings.model_validate({"money": {"target_rate": 100}}))
    assert client(p, "s0").effort_return is not None and client(p, "s0").invoices_on_record
    others = [c for c in p.active if c.client_id != "s0"]
    assert all(c.effort_return is None and c.effective_rate is None for c in others)
    assert all(not c.invoices_on_record and c.known_revenue(c.revenue_12m) is None for c in others)
    assert not any(c.fire_candidate or c.recommendation is R.reprice for c in others)
    said = " ".join(client(p, "champ").reasons)
    champ = client(p, "champ")
    hours = f"{champ.hours_12m:,g} h of theirs in the last four quarters are on record, and no "
    assert hours + "invoice: work billed at its end and not billed yet, or invoices not" in said
    cells = next(r for r in render_scores(p, "csv").splitlines() if r.startswith("champ,"))
    assert ",,," in cells  # rate, revenue and lifetime value empty, not 0.0

    b = champion(problem_client(book()))
    b.rows["time_entries"] = [r for r in b.rows["time_entries"] if r[0] == "s0"]
    p = b.score(tmp_path / "b")
    others = [c for c in p.active if c.client_id != "s0"]
    assert all(c.effort_return is None and not c.time_on_record for c in others)  # not 100
    assert "its invoices are on record, and no time of theirs" in " ".join(client(p, "s1").reasons)


def test_json_and_csv_say_the_same_of_a_client_with_no_invoice(tmp_path: Path) -> None:
    """`score --format json` gave a client with no invoice on record a lifetime value of 0.0 (and
    revenue 0.0), while the CSV left the cell empty and the app shows "—": not known, not €0."""
    b = champion(problem_client(book()))
    b.rows["invoices"] = [r for r in b.rows["invoices"] if r[1] == "s0"]
    p = b.score(tmp_path)
    records = {r["client_id"]: r for r in json.loads(render_scores(p, "json"))}
    rows = {r["client_id"]: r for r in csv.DictReader(io.StringIO(render_scores(p, "csv")))}
    champ = records["champ"]
    assert not champ["invoices_on_record"] and champ["lifetime_value"] is None
    assert champ["revenue_12m"] is None
    for client_id, record in records.items():
        for field in ("revenue_12m", "lifetime_value", "referral_value"):
            cell = rows[client_id][field]
            assert (None if cell == "" else float(cell)) == record[field], (client_id, field)


def test_invoices_older_than_the_window_make_no_rate_of_0_and_say_when(tmp_path: Path) -> None:
    """Invoices imported only up to two years ago for all but one client: they were each scored at
    €0/h against that one's rate, and one became an exit candidate on that alone."""
    b = champion(problem_client(book()))
    b.rows["invoices"] = [r for r in b.rows["invoices"] if r[1] == "s0" or r[2] < ago(500)]
    p = b.score(tmp_path, Settings.model_validate({"money": {"target_rate": 100}}))
    drain = client(p, "drain")
    assert drain.invoices_on_record and drain.known_revenue(drain.lifetime_value)  # on record
    assert (drain.effort_return, drain.effective_rate, drain.fire_candidate) == (None, None, False)
    said = " ".join(drain.reasons)
    assert "hours in the last four quarters and no invoice of theirs since" in said
    assert "Check that their recent invoices are imported" in said
    # its hours of the last four quarters are not billed, or billed elsewhere: revenue not known,
    # not €0 (an exit said "revenue €0 lost", a what-if "revenue lost €0")
    assert drain.known_revenue_12m is None and not drain.revenue_12m_on_record
    assert "not known (no invoice of theirs in the last four quarters)" in (
        exit_confirmation(drain, "EUR").plain
    )
    panel = effort_content(drain, "EUR").plain
    assert "no invoice of theirs in the last four quarters" in panel
    assert re.search(r"paid 12m +—", panel)  # of a revenue not known, not €0
    assert what_if(p, ["drain"]).revenue_lost is None
    row = next(
        r for r in csv.DictReader(io.StringIO(render_scores(p, "csv"))) if r["client_id"] == "drain"
    )
    assert row["revenue_12m"] == "" and float(row["lifetime_value"]) > 0  # not known; known
    # with every client's invoices older than the window, the header says so, not "no invoices"
    b.rows["invoices"] = [r for r in b.rows["invoices"] if r[2] < ago(500)]
    table = render_scores(b.score(tmp_path / "old"), "table")
    assert "(no revenue on record: no invoice in the last four quarters)" in table.splitlines()[0]


def test_what_if_totals_leave_out_what_is_not_known_and_say_so(tmp_path: Path) -> None:
    b = champion(problem_client(book()))
    b.rows["invoices"] = [r for r in b.rows["invoices"] if r[1] != "drain"]
    b.rows["time_entries"] = [r for r in b.rows["time_entries"] if r[0] != "s1"]
    p = b.score(tmp_path)
    w = what_if(p, ["drain", "s1"])
    assert (w.dropped_revenue_not_known, w.dropped_hours_not_known) == (1, 1)
    assert w.revenue_lost == client(p, "s1").revenue_12m  # only what is known
    rated = [c for c in p.active if c.effective_rate is not None]
    rate = sum(c.revenue_12m for c in rated) / sum(c.hours_12m for c in rated)
    assert w.effective_rate_before == round(rate, 2)  # one client's revenue over its own hours
    text = render_whatif(w, "table")
    assert (
        "Not in what goes: the revenue of 1 client (no invoice of theirs in the last four "
        "quarters) and the hours of 1 client (no time of theirs on record)." in text
    )
    drain, s1 = client(p, "drain").name, client(p, "s1").name
    assert (  # named: a count beside what goes read as if it were theirs
        f"Not in the totals: the revenue of 1 client ({drain}: no invoice of theirs in the last "
        f"four quarters; 0 after) and the hours of 1 client ({s1}: no time of theirs on record; 0 "
        "after)" in text
    )
    assert w.caveats[0] in whatif_content(w).plain
    # On an 80-column terminal the sentences broke mid-word: broken between clauses instead.
    narrow = render_whatif(w, "table", 60)
    said = narrow.split("Not in the totals")[1]
    assert all(cell_len(line) <= 60 for line in said.splitlines()), said
    # the sentences: the same words, only rebroken (the table above cuts names to fit)
    sentences = [" ".join(t.split("Not in what goes")[1].split()) for t in (narrow, text)]
    assert sentences[0] == sentences[1]
    only = what_if(p, ["drain"])  # nothing of what goes is known: not "revenue lost €0"
    assert only.revenue_lost is None and only.hours_freed is not None
    assert "revenue lost (12 months)  —" in render_whatif(only, "table")


def test_billable_amounts_are_revenue_but_not_an_invoice(tmp_path: Path) -> None:
    """Revenue estimated from a tracker's billable amounts: known revenue, but no invoice of
    theirs on record, so lifetime value is not known and nothing says 'nothing unpaid'."""
    b = book()
    b.client("tog", "Tern Studio", ago(400))
    b.work("tog", ago(400), AS_OF, hours_per_day=2)
    b.rows["invoices"] = [r for r in b.rows["invoices"] if r[1] != "tog"]
    tog = [r for r in b.rows["time_entries"] if r[0] == "tog"]
    for r in tog:  # the tracker's amounts, as Toggl's Amount (EUR)
        r += [round(r[2] * 90, 2) if r[3] else 0, "", "EUR"]
    p = b.score(tmp_path)
    c = client(p, "tog")
    assert c.revenue_estimated and not c.invoices_on_record
    assert c.known_revenue_12m == c.revenue_12m > 0 and c.effort_return is not None
    assert c.known_revenue(c.lifetime_value) is None
    # The table marks its rate and revenue as estimated (they read as money invoiced), in
    # columns a cell wider so that the mark cuts nothing; an invoiced client's read as before.
    assert p.revenue_estimated
    widths = {col.key: col.width for col in columns_for({}, estimated=True)}
    for key in ("effective_rate", "revenue_12m"):
        shown = BY_KEY[key].cell(c, "EUR")
        assert shown.startswith("~€") and cell_len(shown) <= widths[key], shown
        invoiced = next(x for x in p.active if x.invoices_on_record)
        assert BY_KEY[key].cell(invoiced, "EUR").startswith("€")
    assert BY_KEY["lifetime_value"].cell(c, "EUR") == "—"  # not known, not estimated
    assert columns_for({}) == COLUMNS  # a portfolio with no estimate keeps its widths
    # So do the score command's table and the review report's, each saying what ~ means.
    table = render_scores(p, "table")
    row = next(line for line in table.splitlines() if line.startswith("Tern Studio"))
    assert f"~€{c.known_rate:.0f}/h" in row and f"~€{c.revenue_12m:,.0f}" in row
    assert "~ estimated from billable amounts" in table
    assert not any(line.startswith("Acme") and "~" in line for line in table.splitlines())
    store = open_store(tmp_path / "book.duckdb")  # as b.score left it
    try:
        report = build_report(store, AS_OF, Settings(), today=AS_OF)
    finally:
        store.close()
    assert f"~€{c.revenue_12m:,.0f}" in render_markdown(report)
    assert f"~€{c.revenue_12m:,.0f}" in render_html(report)
    assert "~ estimated from billable amounts" in render_html(report)
    # And the review's value panel, where a decision is taken on them, with what ~ means.
    panel = value_content(c, "EUR").plain
    assert f"revenue 12m ~€{c.revenue_12m:,.0f}" in panel and "rate ~€" in panel
    assert "~ estimated from billable amounts" in panel
    invoiced = next(x for x in p.active if x.invoices_on_record and not x.revenue_estimated)
    assert "~" not in value_content(invoiced, "EUR").plain


def test_a_what_if_says_the_revenue_lost_is_estimated_where_it_is(tmp_path: Path) -> None:
    """Dropping a client whose revenue is estimated from its billable time listed that figure as
    revenue lost as if invoiced: the table, the JSON and the app's panel now say it is estimated,
    and whose; beside an invoiced client's, how much of it."""
    b = book()
    b.client("tog", "Tern Studio", ago(400))
    b.work("tog", ago(400), AS_OF, hours_per_day=2)
    b.rows["invoices"] = [r for r in b.rows["invoices"] if r[1] != "tog"]
    for r in b.rows["time_entries"]:  # the tracker's amounts, as Toggl's Amount (EUR)
        r += [round(r[2] * 90, 2) if r[0] == "tog" and r[3] else "", "", "EUR"]
    p = b.score(tmp_path)
    tog = client(p, "tog")
    assert tog.revenue_estimated
    w = what_if(p, ["tog"])
    lost = f"€{tog.revenue_12m:,.0f}"
    said = f"revenue lost (12 months)  {lost} (estimated from billable time for Tern Studio)"
    assert said in render_whatif(w, "table")
    data = json.loads(render_whatif(w, "json"))
    assert data["dropped"][0]["revenue_estimated"] is True
    assert data["revenue_lost_estimated"] == data["revenue_lost"] == tog.revenue_12m
    assert f"revenue lost {lost} (estimated from billable time for Tern Studio)" in (
        whatif_content(w).plain
    )
    invoiced = next(c for c in p.active if c.invoices_on_record and not c.revenue_estimated)
    both = what_if(p, [invoiced.client_id, "tog"])
    assert f"(€{tog.revenue_12m:,.0f} of it estimated from billable time for Tern Studio)" in (
        render_whatif(both, "table")
    )
    alone = what_if(p, [invoiced.client_id])  # an invoiced client's revenue: nothing to say
    assert "estimated" not in render_whatif(alone, "table") + whatif_content(alone).plain


def test_an_estimate_after_invoices_stopped_says_since_when(tmp_path: Path) -> None:
    """Invoices up to a year ago, then priced time only: the estimate (larger than the lifetime
    value) said "no invoice in the last four quarters", not since when, nor that the work may be
    unbilled."""
    b = book()
    b.client("tog", "Tern Studio", ago(800))
    b.work("tog", ago(800), AS_OF, hours_per_day=2)
    b.rows["invoices"] = [r for r in b.rows["invoices"] if r[1] != "tog" or r[2] < ago(400)]
    last = max(r[2] for r in b.rows["invoices"] if r[1] == "tog")
    for r in b.rows["time_entries"]:
        r += [round(r[2] * 90, 2) if r[0] == "tog" and r[3] else "", "", "EUR"]
    c = client(b.score(tmp_path), "tog")
    assert c.revenue_estimated and c.invoices_on_record
    assert (
        f"estimated from the billable amounts of its time entries: no invoice of theirs since "
        f"{last} (work not billed yet, or its invoices not imported?)." in " ".join(c.reasons)
    )


def test_billable_amounts_far_above_the_invoices_are_said(tmp_path: Path) -> None:
    """One €300 invoice against €1,080 of billable time made effort 0 and a reprice, with nothing
    pointing at the invoices that may be missing (seen in a trial)."""
    b = book()
    b.client("gap", "Quill & Co", ago(400))
    b.work("gap", ago(400), AS_OF, rate=100)
    for r in b.rows["time_entries"]:  # the tracker prices gap's time at 4x what was invoiced
        rate = 400 if r[0] == "gap" else 100
        r += [round(r[2] * rate, 2) if r[3] else "", "", "EUR"]
    p = b.score(tmp_path)
    said = [r for r in client(p, "gap").reasons if r.startswith("Its time's billable amounts")]
    assert len(said) == 1 and re.search(
        r"over the last four quarters, 4\.0× the €[\d,]+ invoiced", said[0]
    )
    assert said[0].endswith("Its effort versus return stands on the invoices.")
    assert not any(r.startswith("Its time's billable") for r in client(p, "s0").reasons)  # alike


def test_a_referral_value_that_leaves_out_a_client_without_invoices_is_not_known(
    tmp_path: Path,
) -> None:
    """A referred client's invoices are not on record: the referrer's referral value read €0."""
    b = book()
    b.client("kid", "Marsh Lane Café", ago(300), referred_by="s0")
    b.work("kid", ago(300), AS_OF)
    b.rows["invoices"] = [r for r in b.rows["invoices"] if r[1] != "kid"]
    p = b.score(tmp_path)
    s0 = client(p, "s0")
    assert not s0.referrals_on_record and s0.known_referral_value is None
    assert re.search(r"referral value +—", effort_content(s0, "EUR").plain)
    assert client(p, "s1").known_referral_value == 0  # referred nobody: a known 0


def test_an_exit_says_when_its_referral_value_could_not_be_weighed(tmp_path: Path) -> None:
    """The exit candidate referred a client whose invoices are not on record: it said "referral
    value €0" as if weighed."""
    b = problem_client(book())
    b.client("kid", "Marsh Lane Café", ago(300), referred_by="drain")
    b.work("kid", ago(300), AS_OF)
    b.rows["invoices"] = [r for r in b.rows["invoices"] if r[1] != "kid"]
    c = client(b.score(tmp_path), "drain")
    assert c.fire_candidate and not c.referrals_on_record
    assert c.counter_signals[-1].endswith(
        "referral value not known (a client they referred has no invoice on record: weigh what "
        "that relationship brings before deciding)."
    )


def test_revenue_at_risk_says_how_many_at_risk_clients_it_leaves_out(tmp_path: Path) -> None:
    b = problem_client(book())  # drain is at risk
    b.rows["invoices"] = [r for r in b.rows["invoices"] if r[1] != "drain"]
    b.work("s0", ago(10), AS_OF)  # the others keep their invoices
    tmp_path.mkdir(exist_ok=True)
    store = open_store(empty_copy(tmp_path / "book.duckdb"))
    try:
        import_folder(store, b.write(tmp_path / "book"), replace=True)
        p = score_portfolio(store, AS_OF)
        report = build_report(store, AS_OF, Settings(), today=AS_OF)
    finally:
        store.close()
    drain = client(p, "drain")
    assert drain.band is not None and drain.band.value in ("at_risk", "critical")
    assert p.at_risk_not_known() == 1
    assert render_scores(p, "table").splitlines()[0].endswith("(+1 not known)")
    assert "(+1 not known)" in render_markdown(report)


def test_billable_amounts_on_a_few_hours_are_not_its_revenue(tmp_path: Path) -> None:
    """A tracker export with amounts on a few billable entries (no rate set for the rest, or a
    rate of 0) made those few amounts the client's revenue: €2/h, effort 0 and a reprice."""
    b = book()
    b.client("tog", "Tern Studio", ago(400))
    b.work("tog", ago(400), AS_OF, hours_per_day=2)
    b.rows["invoices"] = [r for r in b.rows["invoices"] if r[1] != "tog"]
    tog = [r for r in b.rows["time_entries"] if r[0] == "tog"]
    for i, r in enumerate(tog):  # amounts on every twentieth billable entry; 0 or none elsewhere
        amount = round(r[2] * 90, 2) if r[3] and i % 20 == 0 else (0 if i % 2 else "")
        r += [amount, "", "EUR"]
    c = client(b.score(tmp_path), "tog")
    assert not c.revenue_estimated and c.known_revenue_12m is None
    assert c.effort_return is None and c.effective_rate is None  # was a rate of a few €/h
    assert c.recommendation is not R.reprice and not c.fire_candidate
    why = next(r for r in c.reasons if r.startswith("Not enough data for effort versus return"))
    assert re.search(r"\d+ of its [\d,]+ billable hours have no billable amount", why)
    assert "the amounts on the others (€" in why and "no invoice of theirs:" in why
    assert "import its invoices, or export its time with an amount on every billable" in why


def test_the_report_says_which_revenue_is_estimated_not_invoiced(tmp_path: Path) -> None:
    """The report said "revenue is the last four quarters' invoices" above a client whose revenue
    was estimated from its time's billable amounts."""
    b = book()
    b.client("tog", "Tern <Studio>", ago(400))
    b.work("tog", ago(400), AS_OF, hours_per_day=2)
    b.rows["invoices"] = [r for r in b.rows["invoices"] if r[1] != "tog"]
    for r in (r for r in b.rows["time_entries"] if r[0] == "tog"):
        r += [round(r[2] * 90, 2) if r[3] else 0, "", "EUR"]
    report = report_of(b, tmp_path)
    said = (
        "revenue is the last four quarters' invoices, or, for 1 client with none (Tern "
        "{name}), estimated from the billable amounts of their time."
    )
    assert said.format(name="&lt;Studio&gt;") in render_markdown(report)  # a name, not a tag
    assert said.format(name="&lt;Studio&gt;") in render_html(report)


def test_the_report_names_the_previous_quarters_estimates_too(tmp_path: Path) -> None:
    """Its first invoice came this quarter: the previous quarter's figures (revenue at risk then)
    stood on its estimated revenue, and the header named only this quarter's estimates."""
    b = book()
    b.client("tog", "Tern Studio", ago(400))
    b.work("tog", ago(400), AS_OF, hours_per_day=2)
    start = date(AS_OF.year, 3 * ((AS_OF.month - 1) // 3) + 1, 1)  # this quarter's first day
    b.rows["invoices"] = [r for r in b.rows["invoices"] if r[1] != "tog" or r[2] >= start]
    for r in b.rows["time_entries"]:
        r += [round(r[2] * 90, 2) if r[0] == "tog" and r[3] else "", "", "EUR"]
    report = report_of(b, tmp_path)
    assert report.estimated_then == ["Tern Studio"]
    assert not any(c.score.revenue_estimated for c in report.active)  # invoiced now
    said = "for 1 client with none (Tern Studio in 2026Q2), estimated from the billable amounts"
    assert said in render_markdown(report) and said in render_html(report)


def test_the_target_is_the_invoiced_clients_rate_not_an_estimate(tmp_path: Path) -> None:
    """A two-hour project never invoiced, estimated at the tracker's €400/h, moved the median the
    target stands on, and every client's effort with it; the reasons never said what set it."""
    b = book()
    b.client("site", "Site", ago(60))
    b.work("site", ago(3), AS_OF, hours_per_day=1, nonbillable=0)
    b.rows["invoices"] = [r for r in b.rows["invoices"] if r[1] != "site"]
    for r in b.rows["time_entries"]:
        r += [round(r[2] * 400, 2) if r[0] == "site" and r[3] else "", "", "EUR"]
    p = b.score(tmp_path)
    invoiced = [c for c in p.active if c.effective_rate is not None and not c.revenue_estimated]
    site = client(p, "site")
    assert site.revenue_estimated and site.effective_rate == 400
    rates = sorted(c.effective_rate for c in invoiced if c.revenue_12m > 0)
    assert p.target_rate == round(statistics.median(rates), 2)  # Site's €400/h is not in it
    said = f"the median of {len(rates)} clients' rates invoiced in the last four quarters"
    other = invoiced[0]
    assert said in next(r for r in other.reasons if r.startswith("Effective rate"))
    # and three hours are no rate to weigh: under a working day, effort versus return is not known
    assert site.effort_return is None and not site.fire_candidate
    assert any("only 3 h in the last four quarters (8 h needed" in r for r in site.reasons)

    only = Book()  # a freelancer with a time tracker and no invoices: its rates, said so
    only.client("tog", "Tern Studio", ago(400))
    only.work("tog", ago(400), AS_OF)
    only.rows["invoices"] = []
    for r in only.rows["time_entries"]:
        r += [round(r[2] * 90, 2) if r[3] else 0, "", "EUR"]
    tog = client(only.score(tmp_path / "only"), "tog")
    assert tog.effort_return is not None and tog.target_rate == tog.effective_rate
    assert any(
        "the rate of the only client with a rate, estimated from billable amounts: no client "
        "invoiced in the last four quarters has hours on record" in r
        for r in tog.reasons
    )

    few = Book()  # one invoice does not make the target of three tracked clients
    for i, rate in enumerate((90, 100, 110)):
        few.client(f"t{i}", f"Tracked {i}", ago(400))
        few.work(f"t{i}", ago(400), AS_OF, nonbillable=0, revision=0)
        for r in few.rows["time_entries"]:
            if r[0] == f"t{i}":
                r += [round(r[2] * rate, 2) if r[3] else "", "", "EUR"]
    few.client("inv", "Invoiced Ltd", ago(400))
    few.work("inv", ago(400), AS_OF, rate=30, nonbillable=0, revision=0)
    for r in few.rows["time_entries"]:
        if r[0] == "inv":
            r += ["", "", ""]
    few.rows["invoices"] = [r for r in few.rows["invoices"] if r[1] == "inv"]
    p3 = few.score(tmp_path / "few")
    rates = sorted(c.effective_rate for c in p3.active if c.effective_rate is not None)
    assert len(rates) == 4 and p3.target_rate == round(statistics.median(rates), 2)
    assert p3.target_rate > 60  # was the one invoiced client's €30/h: every other client 300%
    said = (
        "the median of 4 clients' rates, 3 of them estimated from billable amounts (fewer than 3 "
        "invoiced clients have hours on record)"
    )
    assert said in next(r for r in client(p3, "t0").reasons if r.startswith("Effective rate"))


def test_a_rate_on_too_few_hours_to_weigh_is_not_shown_as_a_fact(tmp_path: Path) -> None:
    """A client with 2 h in the last four quarters: effort versus return "not enough data" (fewer
    than [rules] min_hours are not weighed), and yet the portfolio table and `score` showed its
    rate, "— €5,828/h", as a fact. The tables and the CSV show none; the JSON keeps the figure
    and says it is not weighed; the client screen and the review keep it, marked."""
    b = champion(problem_client(book()))
    b.client("sommer", "Atelier Sommer", ago(400))
    b.rows["time_entries"].append(["sommer", ago(100), 2.0, True, "delivery", "me", ""])
    b.rows["invoices"].append(["S-1", "sommer", ago(95), ago(65), ago(70), 11656.0, "EUR"])
    p = b.score(tmp_path)
    sommer = client(p, "sommer")
    assert (sommer.effort_return, sommer.effective_rate) == (None, 5828.0)

    table = render_scores(p, "table")
    row = next(line for line in table.splitlines() if line.startswith("Atelier Sommer"))
    assert "/h" not in row and re.search(r" — +— +€11,656 ", row), row
    assert "€5,828/h" not in table
    cell = BY_KEY["effective_rate"]
    assert cell.cell(sommer, "EUR") == "—" and cell.sort(sommer) is None  # the app's table
    records = {r["client_id"]: r for r in json.loads(render_scores(p, "json"))}
    record = records.pop("sommer")
    assert (record["effort_return"], record["effective_rate"]) == (None, 5828.0)
    assert record["rate_weighed"] is False
    assert not any("rate_weighed" in r for r in records.values())  # said only where false
    rows = {r["client_id"]: r for r in csv.DictReader(io.StringIO(render_scores(p, "csv")))}
    assert rows["sommer"]["effective_rate"] == "" and rows["champ"]["effective_rate"] != ""

    marked = "on 2 h: too few hours to weigh"
    assert re.search(
        rf"effective rate +€5,828/h  target €[\d,]+/h\n  {marked}",
        effort_content(sommer, "EUR").plain,
    )
    assert f"rate €5,828/h ({marked})" in value_content(sommer, "EUR").plain
    # the what-if of a new price says it of the rate before and after as well
    repriced = render_whatif(what_if(p, [], {"sommer": 10}), "table")
    assert f"rate €5,828/h → €6,411/h ({marked})" in " ".join(repriced.split()), repriced
    panel = whatif_content(what_if(p, [], {"sommer": 10})).plain
    assert f"rate €5,828/h → €6,411/h ({marked})" in panel, panel
