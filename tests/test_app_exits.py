"""Exits in progress, the checklist's next/previous and its warning before money is waved away,
and `e` saying why when there is no checklist (fixtures/small as of 2026-09-30, a fixed clock)."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import DataTable

from health_tui.app.screens.checklist import ChecklistScreen
from health_tui.app.screens.exits import ExitsScreen
from health_tui.app.screens.portfolio import PortfolioScreen
from health_tui.app.screens.review import ReviewScreen
from health_tui.app.screens.review_modals import Confirm
from health_tui.review.checklist import StepStatus
from health_tui.store import open_store
from tests.test_app_review_support import START, Clock, decide, go_to, running, small_db, text
from tests.test_app_support import make_app, settle


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """fixtures/small in a file: the exit candidates brightline (first in the review) and castell
    owe €2,250 and €500."""
    return small_db(tmp_path)


def rows(screen: ExitsScreen) -> list[list[str]]:
    table = screen.query_one(DataTable)
    return [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]


def step_status(screen: ChecklistScreen, key: str) -> StepStatus:
    assert screen.checklist is not None
    return next(s.status for s in screen.checklist.steps if s.spec.key == key)


async def test_exits_screen_lists_progress_and_walks_the_checklists(db: Path) -> None:
    async with running(db) as (app, pilot):
        await pilot.press("e")  # brightline has no exit decision yet: it says so, nothing opens
        assert isinstance(app.screen, ReviewScreen)
        assert any("has no exit decision in force" in str(n.message) for n in app._notifications)
        await go_to(pilot, "castell")
        await decide(pilot, "x", "Third round of vague changes")
        # the other candidate, still undecided, is next
        assert app.screen.current.client_id == "brightline"
        await decide(pilot, "x", "Formal letter, again")
        await pilot.press("E")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ExitsScreen)
        assert rows(screen) == [
            [
                "Castell & Rowe Solicitors",
                "2026Q3",
                "1/10",
                "2026-11-02",
                "€500",
                "Read the contract",
            ],
            ["Brightline Logistics", "2026Q3", "1/10", "2026-10-16", "€2,250", "Read the contract"],
        ]  # fmt: skip  (in the order decided; unpaid converted, overdue or not)
        assert "2 clients · unpaid €2,750" in text(screen.query_one("#exits-head"))

        await pilot.press("enter")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, ChecklistScreen) and app.screen.client_id == "castell"
        await pilot.press("n")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, ChecklistScreen) and app.screen.client_id == "brightline"
        assert "Brightline Logistics" in text(app.screen.query_one("#checklist-head"))
        await pilot.press("n")  # round the list
        await pilot.app.workers.wait_for_complete()
        assert app.screen.client_id == "castell"
        await pilot.press("b")
        await pilot.app.workers.wait_for_complete()
        assert app.screen.client_id == "brightline"

        await pilot.press("down", "space")  # a step done: the list says so when back
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("escape")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, ExitsScreen)
        assert rows(app.screen)[1][2:3] == ["2/10"]
        assert rows(app.screen)[1][5] == "Fulfil outstanding obligations"


async def test_not_applicable_with_money_open_asks_first_saying_the_amount(db: Path) -> None:
    async with running(db) as (app, pilot):
        await go_to(pilot, "castell")
        await decide(pilot, "x", "Third round of vague changes")
        await pilot.press("escape")
        assert isinstance(app.screen, PortfolioScreen)
        await pilot.press("E")
        await pilot.app.workers.wait_for_complete()
        await pilot.press("enter")  # castell: €500 unpaid, not yet due
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ChecklistScreen)
        await pilot.press("down", "down", "down", "a")  # "Send the final invoice ..."
        assert isinstance(app.screen, Confirm)
        body = text(app.screen.query_one("#confirm-body"))
        assert "1 invoice unpaid: €500" in body
        assert "€500 unpaid?" in text(app.screen.query_one(".modal-question"))
        await pilot.press("n")  # keep it to do: nothing saved
        await pilot.app.workers.wait_for_complete()
        assert step_status(screen, "final_invoice") is StepStatus.todo
        await pilot.press("down", "a")  # another step: no money, no question
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert not isinstance(app.screen, Confirm)
        assert step_status(screen, "handover") is StepStatus.na
        await pilot.press("up", "a", "y")  # said yes: saved as not applicable
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert step_status(screen, "final_invoice") is StepStatus.na


async def test_done_with_money_open_or_closed_before_the_notice_ends_asks_first(db: Path) -> None:
    """The final invoice ticked done while €6,375 was unpaid, and the record closed on the day the
    client was told, ending them months before the letter's last day: neither asked (a design
    agency's hunt)."""
    async with running(db) as (app, pilot):
        await go_to(pilot, "castell")
        await decide(pilot, "x", "Third round of vague changes")
        await pilot.press("escape", "E")
        await pilot.app.workers.wait_for_complete()
        await pilot.press("enter")  # castell: €500 unpaid; told today, it ends on 2026-11-02
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ChecklistScreen)
        await pilot.press("down", "down", "down", "space")  # "Send the final invoice ..."
        assert isinstance(app.screen, Confirm)
        question = text(app.screen.query_one(".modal-question"))
        assert question == "Mark it done with €500 unpaid?"
        await pilot.press("n")
        await pilot.app.workers.wait_for_complete()
        assert step_status(screen, "final_invoice") is StepStatus.todo
        await pilot.press(*["down"] * 5, "space")  # "Close the record", the notice still running
        assert isinstance(app.screen, Confirm)
        assert "The earliest end date is 2026-11-02" in text(app.screen.query_one("#confirm-body"))
        await pilot.press("n")
        await pilot.app.workers.wait_for_complete()
        assert step_status(screen, "close") is StepStatus.todo
        await pilot.press("space", "y")  # said yes: closed today
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert step_status(screen, "close") is StepStatus.done


def drawn(screen: ExitsScreen) -> list[str]:
    """The table's lines as drawn, to its edge, less the first cell's padding."""
    table = screen.query_one(DataTable)
    return [table.render_line(y).text[1:].rstrip() for y in range(table.size.height)]


async def test_the_next_step_reads_whole_at_80_columns(db: Path) -> None:
    """At 80x24 the longest name took the room and the next step read "Read the…" and
    "Send the…" (seen in tmux). The client column gives the step what it can spare, both wrap
    at words where they must, and at 120 columns each exit is one line again; narrower still, a
    step too long ends in "…", never cut at the table's edge."""
    store = open_store(db)
    try:
        from datetime import date, datetime

        from health_tui.review.checklist import set_step
        from health_tui.review.decisions import record_decision

        at = datetime(2026, 10, 2, 9)
        for minute, client_id in enumerate(("castell", "brightline")):  # listed in this order
            record_decision(store, quarter="2026Q3", client_id=client_id, decision="exit",
                            note=None, at=at.replace(minute=minute))  # fmt: skip
        for step in ("contract", "obligations"):  # castell's next: the final invoice
            set_step(store, client_id="castell", step=step, status="done", note=None,
                     on=date(2026, 10, 2), at=at)  # fmt: skip
    finally:
        store.close()
    async with running(db, start="portfolio", size=(80, 24)) as (app, pilot):
        await pilot.press("E")
        await settle(pilot)
        lines = drawn(app.screen)
        column = lines[0].index("Next step")
        steps = [" ".join(line[column:].split()) for line in lines[1:6]]
        said = " ".join(s for s in steps if s)
        assert said == (
            "Send the final invoice and settle what is unpaid Read the contract"
        ), lines  # fmt: skip
        assert "…" not in "".join(lines) and all(len(line) < 80 for line in lines)
        assert lines[1].startswith("Castell & Rowe") and "Solicitors" in "".join(lines[2:4])

        await pilot.resize_terminal(120, 36)
        await settle(pilot)
        lines = drawn(app.screen)
        assert lines[1].startswith("Castell & Rowe Solicitors")
        assert lines[1].endswith("Send the final invoice and settle what is unpaid")
        assert lines[2].startswith("Brightline Logistics")
        assert lines[2].endswith("Read the contract")

        await pilot.resize_terminal(52, 24)
        await settle(pilot)
        lines = [line for line in drawn(app.screen) if line.strip()]
        assert any(line.endswith("…") for line in lines), lines
        assert all(len(line) < 52 for line in lines), lines


async def test_a_step_fits_its_own_columns_after_a_quarter_with_longer_rows(db: Path) -> None:
    """At 80 columns, 2026Q4's exits (Castell & Rowe Solicitors among them), then `[`: 2026Q3's
    step was laid out for its own narrower columns but drawn in 2026Q4's, which stayed as wide,
    so its end was past the table's edge ("Fulfil outstan", no "…"; the owner's demo showed
    "Fulfil outstanding o"). The columns are made again for each list: the step wraps whole."""
    from datetime import date, datetime

    from health_tui.review.checklist import set_step
    from health_tui.review.decisions import record_decision

    store = open_store(db)
    try:
        record_decision(store, quarter="2026Q3", client_id="brightline", decision="exit",
                        note=None, at=datetime(2026, 10, 2, 9))  # fmt: skip
        set_step(store, client_id="brightline", step="contract", status="done", note=None,
                 on=date(2026, 10, 2), at=datetime(2026, 10, 2, 10))  # fmt: skip
        record_decision(store, quarter="2026Q4", client_id="castell", decision="exit",
                        note=None, at=datetime(2026, 12, 1, 9))  # fmt: skip
        app = make_app(store, as_of=date(2026, 12, 5), clock=Clock(datetime(2026, 12, 5, 9)),
                       start="portfolio")  # fmt: skip
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            await pilot.press("E")
            await settle(pilot)
            await pilot.press("[")
            await settle(pilot)
            assert [row[0] for row in rows(app.screen)] == ["Brightline Logistics"]
            lines = drawn(app.screen)  # the row as drawn, to the table's edge
            assert lines[1].startswith("Brightline Logistics"), lines
            assert lines[1].endswith("  Fulfil outstanding") and lines[2].endswith("obligations")
    finally:
        store.close()


async def test_closing_the_record_scores_the_portfolio_again(db: Path) -> None:
    """The checklist's last step closes the record (the client's end date, today): the portfolio
    kept the client active and an exit candidate, its header and the report written from it
    disagreeing, until the quarter was changed. Scored as of today, as the app opens."""
    from health_tui.review.decisions import record_decision

    today = START.date()
    store = open_store(db)
    try:
        record_decision(store, quarter="2026Q4", client_id="castell", decision="exit",
                        note="Third round of vague changes", at=START)  # fmt: skip
        app = make_app(store, as_of=today, clock=Clock(), start="portfolio")
        async with app.run_test(size=(120, 36)) as pilot:
            await settle(pilot)
            await pilot.press("E")
            await settle(pilot)
            await pilot.press("enter")
            await settle(pilot)
            screen = app.screen
            assert isinstance(screen, ChecklistScreen) and screen.client_id == "castell"
            assert app.portfolio is not None and app.portfolio.by_id("castell").active
            assert screen.checklist is not None
            keys = [s.spec.key for s in screen.checklist.steps]
            await pilot.press(*["down"] * keys.index("close"), "N")  # a note: the record open
            await settle(pilot)
            await pilot.press(*"Told them by phone", "enter")
            await settle(pilot)
            assert not [n for n in app._notifications if n.title == "Scored again"]
            await pilot.press("space", "y")  # closed today, the notice still running: asked
            await settle(pilot)
            assert step_status(screen, "close") is StepStatus.done
            castell = app.portfolio.by_id("castell")
            assert not castell.active and castell.ended_on == today
            said = [str(n.message) for n in app._notifications]
            assert any(
                m.startswith("Castell & Rowe Solicitors: now a former client, ended 2026-10-02 (")
                for m in said
            ), said  # it said "health 41 → 41: no component moved"
            await pilot.press("space")  # undone: active again
            await settle(pilot)
            assert app.portfolio.by_id("castell").active
    finally:
        store.close()


async def test_an_exit_a_later_decision_replaced_says_so_from_an_earlier_quarter(db: Path) -> None:
    """Exits in progress as of 2026Q3 list castell (exit decided then); keep was decided in
    2026Q4. Its checklist said "has no exit decision in force: decide exit first", beside the
    list showing the exit in progress: it says what replaced it."""
    from datetime import datetime

    from health_tui.review.decisions import record_decision

    store = open_store(db)
    for quarter, decision, at in (("2026Q3", "exit", datetime(2026, 9, 20, 10)),
                                  ("2026Q4", "keep", datetime(2026, 10, 1, 9))):  # fmt: skip
        record_decision(store, quarter=quarter, client_id="castell", decision=decision,
                        note=None, at=at)  # fmt: skip
    store.close()
    async with running(db, start="portfolio") as (app, pilot):
        await pilot.press("E")
        await settle(pilot)
        assert isinstance(app.screen, ExitsScreen)
        assert [row[0] for row in rows(app.screen)] == ["Castell & Rowe Solicitors"]
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ExitsScreen)  # no checklist opened
        said = [str(n.message) for n in app._notifications]
        assert (
            "Castell & Rowe Solicitors has no exit in force: the latest decision is keep, on "
            "2026-10-01 (2026Q4), so no checklist." in said
        ), said
