"""The review in the app, driven with Pilot on fixtures/small as of 2026-09-30 with a fixed clock.

Each test that restarts uses a database file: decisions and steps must be on disk when the app
closes, and a new app on the same file must find them.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest
from textual.widgets import Input

from health_tui.app.app import HealthApp
from health_tui.app.run import run_app
from health_tui.app.screens.checklist import ChecklistScreen
from health_tui.app.screens.client import ClientScreen
from health_tui.app.screens.portfolio import PortfolioScreen
from health_tui.app.screens.review import ReviewScreen
from health_tui.app.screens.review_modals import AskText, Confirm, SaveOrDiscard
from health_tui.app.widgets.client_table import ClientTable
from health_tui.app.widgets.review_panels import exit_confirmation
from health_tui.errors import StoreLocked
from health_tui.review.checklist import StepStatus, load_checklist
from health_tui.review.decisions import Decision, current_decisions, decision_history
from health_tui.store import open_store
from tests.test_app_review_support import (
    START,
    decide,
    everyone,
    go_to,
    head,
    running,
    small_db,
    table_rows,
    text,
)
from tests.test_app_support import AS_OF, settle


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return small_db(tmp_path)


async def test_a_full_review_resumes_where_it_stopped(db: Path) -> None:
    async with running(db) as (app, pilot):
        screen = app.screen
        assert isinstance(screen, ReviewScreen)
        assert screen.current.client_id == "brightline" and "1 of 2 · 0 decided" in head(app)
        await pilot.press("a")  # everyone, not only those at risk
        order = everyone(app)
        assert order[:2] == ["brightline", "castell"] and len(order) == 7
        assert "1 of 7 · 0 decided" in head(app) and screen.current.client_id == "brightline"
        await decide(pilot, "x", "Vague, again", typed=True)
        # said in the head, once committed, until the owner moves on: a notification covered
        # the next client's last reasons at 80x24
        assert "2 of 7 · 1 decided  · ✓ saved: exit for Brightline Logistics" in head(app)
        assert not [n for n in app._notifications if "Saved" in n.message]
        assert screen.current.client_id == order[1]
        await decide(pilot, "p", "Rate up 20% from January")
        await decide(pilot, "k")
        assert screen.current.client_id == order[3] and "4 of 7 · 3 decided" in head(app)
        assert "✓ saved: keep for" in head(app)
        await pilot.press("b")
        await settle(pilot)
        assert "saved" not in head(app) and "· all active clients" in head(app)

    store = open_store(db)
    decided = current_decisions(store, "2026Q3")
    store.close()
    assert {c: d.decision for c, d in decided.items()} == {
        "brightline": Decision.exit,
        order[1]: Decision.reprice,
        order[2]: Decision.keep,
    }
    assert decided["brightline"].note == "Vague, again"
    assert decided[order[1]].note == "Rate up 20% from January" and decided[order[2]].note is None

    async with running(db) as (app, pilot):
        assert app.screen.current.client_id == order[3]  # the next undecided, in the full list
        assert "4 of 7 · 3 decided" in head(app) and "all active clients" in head(app)
        await pilot.press("escape")
        assert isinstance(app.screen, PortfolioScreen)
        table = app.screen.query_one(ClientTable)
        assert "Decision" in table.render_line(0).text
        rows = table_rows(app)
        assert rows["brightline"].rstrip().endswith("exit 1/10")
        assert rows[order[1]].rstrip().endswith("reprice")
        assert rows[order[2]].rstrip().endswith("keep")
        undecided = app.portfolio.by_id(order[3]).recommendation.value
        assert rows[order[3]].rstrip().endswith(undecided)  # no decision: the Action column ends it
        assert "3 decided in 2026Q3" in text(app.screen.query_one("#status"))


async def test_enter_typed_ahead_in_a_note_box_closes_only_the_box(db: Path) -> None:
    """Keys typed ahead (pasted, a lagging terminal) reach the note box after it answered: a
    second Enter dismissed it again, which popped the review under it and then, the portfolio
    being the last screen, crashed the app (ScreenStackError) with one decision saved."""
    async with running(db) as (app, pilot):
        screen = app.screen
        assert isinstance(screen, ReviewScreen)
        await pilot.press("k")
        box = app.screen
        assert isinstance(box, AskText)
        typed = box.query_one("#ask-input", Input)
        typed.value = "typed ahead"
        for _ in range(3):  # three Enters arrive before the box has gone
            await typed.action_submit()
        await settle(pilot)
        assert app.screen is screen and app.is_running
        assert "1 decided" in head(app)
    store = open_store(db)
    (decision,) = current_decisions(store, "2026Q3").values()
    store.close()
    assert decision.note == "typed ahead"


async def test_walking_past_the_last_client_is_not_deciding(db: Path) -> None:
    async with running(db) as (app, pilot):
        await pilot.press("a")  # all seven active clients
        await decide(pilot, "k")  # one decided, then walked past the other six
        for _ in range(6):
            await pilot.press("n")
        await settle(pilot)
        done = text(app.screen.query_one("#review-title"))
        assert "Every client" not in done
        assert "End of the review: 1 of 7 decided for 2026Q3; 6 clients still without" in done
        assert "done · 1 of 7 decided" in head(app)


async def test_a_steps_facts_wrap_under_its_indent_at_80_columns(db: Path) -> None:
    """At 80x24 a step's long facts wrapped at the list's left edge, under the status marks, and
    read as the next step's (user trial); then wrap again at the new width when the terminal grows."""
    async with running(db, size=(80, 24)) as (app, pilot):
        await decide(pilot, "x")
        await pilot.press("b", "e")
        await settle(pilot)
        assert isinstance(app.screen, ChecklistScreen)
        steps = app.screen.query_one("#steps")
        shown = [steps.render_line(y).text for y in range(steps.size.height)]
        facts = [line for line in shown if line.strip() and line.strip()[0] not in "☐☑–"]
        assert len(facts) > 2  # the contract's facts, at least, wrap at 80 columns
        assert all(line.startswith(" " * 6) for line in facts), shown
        narrow = steps.get_option_at_index(1).prompt.plain.count("\n")
        await pilot.resize_terminal(140, 30)
        await settle(pilot)
        assert steps.get_option_at_index(1).prompt.plain.count("\n") < narrow
        # narrower still, the head's dates break between two facts, never inside one
        await pilot.resize_terminal(60, 24)
        await settle(pilot)
        box = app.screen.query_one("#checklist-head")
        said = [box.render_line(y).text.rstrip() for y in range(box.size.height)]
        assert any(line.strip().startswith("earliest end 2026-10-16") for line in said), said
        assert not any(line.strip().startswith("·") for line in said), said


async def test_a_decisions_note_wraps_under_its_opening_quote_at_80_columns(db: Path) -> None:
    """At 80 columns a decision's note wrapped at the panel's left edge, under the history's
    dates, where it read as a line of its own (seen in tmux); it wraps under its opening quote, and
    again at the new width when the terminal grows. Deciding the last client hides the panel: back
    on the client, the panel has no width until it is laid out again."""
    note = "Kept for now: the director promised a scope call before the next invoice run"
    async with running(db, size=(80, 24)) as (app, pilot):
        await decide(pilot, "k", note)
        await pilot.press("b")
        await settle(pilot)
        lines = text(app.screen.query_one("#review-decision")).split("\n")
        # beside "keep (suggested exit)  <when>" it starts a line below, under the decision
        assert lines[0].startswith("Decision for 2026Q3  keep (suggested exit)  "), lines
        first = next(i for i, line in enumerate(lines) if "“" in line)
        column = lines[first].index("“")
        wrapped = [line for line in lines[first + 1 :] if line[:column].isspace()]
        assert len(wrapped) >= 1 and column == len("Decision for 2026Q3  "), lines
        said = " ".join([lines[first][column:], *(line.strip() for line in wrapped)])
        assert said == f"“{note}”"
        await pilot.resize_terminal(160, 36)
        await settle(pilot)
        assert f"“{note}”" in text(app.screen.query_one("#review-decision")).split("\n")[0]


async def test_the_key_bar_is_one_line_at_80_columns(db: Path) -> None:
    """It wrapped 'esc back  ? keys' to a second line at 80 columns (seen in tmux); the last keys
    go where they do not fit (the footer and ? list them all), and come back when there is room."""
    async with running(db, size=(80, 24)) as (app, pilot):
        await pilot.press("a")
        await settle(pilot)
        bar = app.screen.query_one("#review-keys")
        narrow = bar.render().plain
        assert "\n" not in narrow and len(narrow) <= 80 and "n/→ next" in narrow
        assert "? keys" not in narrow
        await pilot.resize_terminal(140, 30)
        await settle(pilot)
        assert "? keys" in bar.render().plain


async def test_a_suggested_watch_names_the_key_that_follows_it(db: Path) -> None:
    """ "Suggested watch" had no key of its own among the decisions: keeping the client follows it
    (the track record counts it so), and the bar says which key that is."""
    async with running(db, size=(80, 24)) as (app, pilot):
        await pilot.press("a")
        await go_to(pilot, "lumen")
        await settle(pilot)
        bar = app.screen.query_one("#review-keys").render().plain
        assert bar.startswith("Suggested watch (keep: k)"), bar
        await pilot.press("b")
        await settle(pilot)
        bar = app.screen.query_one("#review-keys").render().plain
        assert not bar.startswith("Suggested watch") and "(keep: k)" not in bar, bar


async def test_an_entry_logged_in_the_review_keeps_the_order_being_walked(db: Path) -> None:
    """A 10/10 logged for a client rescored it above the rest and the list was sorted again: the
    4th of 7 became the 7th, and `n` ended the review, the three clients that moved ahead never
    shown (seen in tmux). The order stays; the client keeps its place with its new scores."""
    async with running(db) as (app, pilot):
        await pilot.press("a")
        order = everyone(app)
        await pilot.press("n", "n", "n")
        screen = app.screen
        assert isinstance(screen, ReviewScreen)
        before = screen.current
        assert before.client_id == "lumen" == order[3] and "4 of 7" in head(app)
        await pilot.press("f")
        await settle(pilot)
        # in the quarter on screen (the clock's today is after it), as a day-first date
        await pilot.press("shift+tab", "ctrl+u", *"29/09/2026", "tab", "1", "0", "enter")
        await settle(pilot)
        assert everyone(app)[-1] == "lumen"  # sorted afresh, it would be the last
        assert screen.current.client_id == "lumen" and "4 of 7" in head(app)
        assert screen.current.health > before.health  # the new scores are the ones shown
        await pilot.press("n")
        assert screen.current.client_id == order[4]


async def test_changing_ones_mind_keeps_the_history(db: Path) -> None:
    async with running(db) as (app, pilot):
        await decide(pilot, "v", "One more try: a scope call")
        assert app.screen.current.client_id == "castell"  # the other candidate is next
        await decide(pilot, "p", "Rate up, or they go")
        assert "Every client in this review has a decision" in text(
            app.screen.query_one("#review-title")
        )
        await pilot.press("b", "b")
        assert app.screen.current.client_id == "brightline"
        await decide(pilot, "x", "The scope call changed nothing")
        await pilot.press("b", "b")  # past castell, back to brightline
        panel = text(app.screen.query_one("#review-decision"))
        assert "Decision for 2026Q3  exit" in panel and "exit 1/10" in panel
        assert "recover" in panel and "One more try: a scope call" in panel
    store = open_store(db)
    history = decision_history(store, "brightline")
    store.close()
    assert [d.decision for d in history] == [Decision.exit, Decision.recover]


async def test_an_earlier_decision_says_what_it_went_against(db: Path) -> None:
    """The history showed "2026Q3  recover “…”" but not that the app had suggested exit then,
    which the decision record keeps (the track record counts it an override). Beside a decision
    that went another way it says "(suggested exit)"; at 80 columns the note then starts a line
    below, under the decision, rather than a few words a line. So does the decision in force
    (it said "keep" alone). A decision that followed the suggestion says nothing more."""
    note = "One more try: a scope call with their director before the next invoice run"
    async with running(db, size=(80, 24)) as (app, pilot):
        await decide(pilot, "v", note)
        await pilot.press("b")
        await decide(pilot, "x", "The scope call changed nothing")
        await pilot.press("b")
        await decide(pilot, "k")  # and back to exit, which followed the suggestion
        await pilot.press("b")
        await settle(pilot)
        current = text(app.screen.query_one("#review-decision")).split("\n")[0]
        assert current.startswith("Decision for 2026Q3  keep (suggested exit)  "), current
        await pilot.press("enter")  # the client screen's line says it too
        await settle(pilot)
        line = text(app.screen.query_one("#decision"))
        assert line.startswith("Decided for 2026Q3: keep (suggested exit)  "), line
        await pilot.press("escape")
        await settle(pilot)
        await decide(pilot, "x", "Let them go")
        await pilot.press("b")
        await settle(pilot)
        lines = text(app.screen.query_one("#review-decision")).split("\n")
        earlier = lines[lines.index("Earlier") + 1 :]
        assert earlier[0].endswith("2026Q3  keep (suggested exit)"), earlier
        assert earlier[1].endswith("2026Q3  exit      “The scope call changed nothing”"), earlier
        assert earlier[2].endswith("2026Q3  recover (suggested exit)"), earlier
        column = earlier[2].index("recover")
        said = " ".join(line[column:] for line in earlier[3:])
        assert said == f"“{note}”" and all(line[:column].isspace() for line in earlier[3:])
        assert max(map(len, lines)) <= 80


async def test_exit_confirmation_repeats_the_counter_signals_and_escape_records_nothing(
    db: Path,
) -> None:
    async with running(db, size=(60, 30)) as (app, pilot):  # narrow: a counter-signal wraps
        await pilot.press("a")
        await go_to(pilot, "harbor")  # Harbor Street Bakery: referred Meridian
        await pilot.press("x")
        assert isinstance(app.screen, Confirm)
        shown = text(app.screen.query_one("#confirm-body"))
        body = " ".join(shown.split())  # each fact whole, wherever its lines break
        for words in ("lifetime value", "referral value", "Meridian Health Partners", "tenure",
                      "client since 2025-07-07", "Referred 1 client worth €37,320"):  # fmt: skip
            assert words in body
        # a long counter-signal goes on under its first word, not under the bullet
        said = shown.split("weighed\n")[1].split("\n")
        assert len(said) > len([line for line in said if line.startswith("• ")]), said
        assert all(line.startswith(("• ", "  ")) for line in said), said
        # a long list of the clients they referred breaks after a comma, never inside a name
        names = [f"Client Number {i} Holdings Ltd" for i in range(5)] + ["Zoë Müller-Lüdenscheidt"]
        many = app.portfolio.by_id("harbor").model_copy(update={"referred": names})
        lines = exit_confirmation(many, "EUR", 56).plain.split("\n")
        listed = lines[next(i for i, line in enumerate(lines) if line.startswith("referred ")) :]
        listed = listed[
            : next(i for i, line in enumerate(listed) if line.startswith("referred by"))
        ]
        assert [line[16:].rstrip(",") for line in listed] == names, listed
        assert "Record exit?" in text(app.screen.query_one(".modal-question"))
        await pilot.press("escape")
        assert isinstance(app.screen, ReviewScreen)
        await pilot.press("x", "enter")  # confirmed, but the note is cancelled: still nothing
        assert isinstance(app.screen, AskText)
        await pilot.press("escape")
        await settle(pilot)
        assert app.review.decisions == {} and app.screen.current.client_id == "harbor"
        # steps an earlier exit settled, since replaced by another decision: this one restarts them
        app.review = replace(app.review, progress={"harbor": 3})
        await pilot.press("x")
        body = " ".join(text(app.screen.query_one("#confirm-body")).split())
        assert "An earlier exit, since replaced, settled 3 of 10 checklist steps." in body
        await pilot.press("escape")
    store = open_store(db)
    assert current_decisions(store, "2026Q3") == {}
    store.close()


async def test_the_exit_question_stays_in_sight_on_a_short_screen_and_the_facts_scroll(
    db: Path,
) -> None:
    """At 80x24 an exit's facts and counter-signals filled the box: "Record exit?" and its
    buttons were below its edge, and no key scrolled to them. (Harbor's facts are fewer: they
    overflow at 20 rows.) Then the facts ended on a heading with nothing under it and a scrollbar
    hard to see: a line under them says there is more below, until the end is in sight."""
    async with running(db, size=(80, 20)) as (app, pilot):
        await pilot.press("a")
        await go_to(pilot, "harbor")
        await pilot.press("x")
        await settle(pilot)
        box = app.screen
        assert isinstance(box, Confirm)
        height = app.size.height
        for part in (".modal-question", "#yes", "#no"):
            region = box.query_one(part).region
            assert region.y >= 0 and region.bottom <= height - 1, (part, region)
        facts = box.query_one("#confirm-scroll")
        assert facts.max_scroll_y > 0  # more than fits: it scrolls
        more = box.query_one("#confirm-more")
        assert text(more) == "↓ more below: ↓ or PgDn scrolls"
        await pilot.press("pagedown")
        assert facts.scroll_y > 0
        await pilot.press("end")
        await pilot.pause()
        assert text(more) == ""  # the last fact in sight
        await pilot.press("escape")


async def test_checklist_steps_persist_across_restart(db: Path) -> None:
    async with running(db) as (app, pilot):
        await pilot.press("e")  # not decided exit yet: nothing opens
        assert isinstance(app.screen, ReviewScreen)
        await decide(pilot, "x")
        await pilot.press("b", "e")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ChecklistScreen) and "exit 1/10" in text(
            screen.query_one("#checklist-head")
        )
        await pilot.press("space", "space")  # twice, quickly: saved in order, back to done
        await settle(pilot)
        assert "exit 1/10" in text(screen.query_one("#checklist-head"))
        await pilot.press("down", "space", "down", "a", "N")  # contract done, obligations n/a
        assert isinstance(app.screen, AskText)
        app.screen.query_one("#ask-input").value = "Nothing in flight"
        await pilot.press("enter")
        await settle(pilot)
        assert "exit 3/10" in text(screen.query_one("#checklist-head"))
        assert "Saved: Fulfil outstanding obligations" in text(
            screen.query_one("#checklist-status")
        )
        assert app.review.progress == {"brightline": 3}

    store = open_store(db)
    cl = load_checklist(
        store,
        client_id="brightline",
        notice_days=14,
        decided_on=START.date(),
        as_of=AS_OF,
        today=START.date(),
    )
    store.close()
    status = {s.spec.key: s.status for s in cl.steps}
    assert status["contract"] is StepStatus.done and status["obligations"] is StepStatus.na
    assert cl.steps[1].done_on == START.date() and cl.steps[2].note == "Nothing in flight"

    async with running(db, start="portfolio") as (app, pilot):
        assert table_rows(app)["brightline"].rstrip().endswith("exit 3/10")
        await go_to(pilot, "brightline")
        await pilot.press("enter")  # the client screen shows the progress too
        await settle(pilot)
        assert isinstance(app.screen, ClientScreen)
        assert "exit 3/10" in text(app.screen.query_one("#decision"))
        await pilot.press("e")
        await settle(pilot)
        steps = app.screen.query_one("#steps")
        prompts = [str(steps.get_option_at_index(i).prompt) for i in range(steps.option_count)]
        assert prompts[1].startswith("☑  2. Read the contract  done 2026-10-02")
        assert prompts[2].startswith("–  3. Fulfil outstanding obligations  not applicable")
        assert "note: Nothing in flight" in prompts[2]
        assert "earliest end 2026-10-16" in text(app.screen.query_one("#checklist-head"))
        await pilot.press("escape", "escape")
        assert isinstance(app.screen, PortfolioScreen)
        await pilot.press("e")  # straight from the portfolio, on the client decided exit
        await settle(pilot)
        assert isinstance(app.screen, ChecklistScreen) and app.screen.client_id == "brightline"


def test_run_app_starts_the_review_with_the_system_clock(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    launched: list[HealthApp] = []
    monkeypatch.setattr(HealthApp, "run", lambda self: launched.append(self))
    monkeypatch.setenv("HEALTH_TUI_CONFIG", "/nonexistent/config.toml")
    run_app(db, AS_OF, start="review")
    [app] = launched
    assert app.start == "review" and app.clock == datetime.now


async def test_a_failed_save_is_a_notification_and_keeps_the_note(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import health_tui.app.review_state as review_state

    def locked(*args, **kwargs):
        raise StoreLocked("review.duckdb is in use by another program; close it and try again.")

    async with running(db) as (app, pilot):
        with monkeypatch.context() as patch:
            patch.setattr(review_state, "record_decision", locked)
            await decide(pilot, "k", "Worth [b]keeping[/b]")
        assert app.is_running and isinstance(app.screen, ReviewScreen)
        errors = [n for n in app._notifications if n.severity == "error"]
        assert errors and "in use by another program" in errors[0].message
        assert app.review.decisions == {} and app.screen.current.client_id == "brightline"
        await pilot.press("k")
        assert app.screen.query_one("#ask-input").value == "Worth [b]keeping[/b]"
        await pilot.press("enter")
        await settle(pilot)
        assert app.review.decisions["brightline"].note == "Worth [b]keeping[/b]"
        await pilot.press("b")  # saved, the review went on to castell: back to the note, as text
        await settle(pilot)
        assert "Worth [b]keeping[/b]" in text(app.screen.query_one("#review-decision"))


async def test_what_was_saved_is_said_only_while_it_is_true_and_at_hand(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The head's "✓ saved" stayed after a save that failed, in another quarter, and in place of
    which clients the review walks after `a` (a reviewing helper's finds)."""
    import health_tui.app.review_state as review_state

    def locked(*args, **kwargs):
        raise StoreLocked("review.duckdb is in use by another program; close it and try again.")

    async with running(db) as (app, pilot):
        await pilot.press("a")
        await settle(pilot)
        await decide(pilot, "k")
        assert "✓ saved: keep for Brightline Logistics" in head(app)
        with monkeypatch.context() as patch:
            patch.setattr(review_state, "record_decision", locked)
            await decide(pilot, "p", "Rate up")
        assert "saved" not in head(app)
        await pilot.press("b")  # back to the client decided, and saved again
        await settle(pilot)
        await decide(pilot, "k")
        assert "✓ saved" in head(app)
        await pilot.press("a")
        await settle(pilot)
        assert "saved" not in head(app) and "exit candidates, critical, at risk" in head(app)
        await pilot.press("a")
        await settle(pilot)
        await decide(pilot, "k")
        assert "✓ saved" in head(app)
        await pilot.press("left_square_bracket")
        await settle(pilot)
        assert "Review 2026Q2" in head(app) and "saved" not in head(app)


async def test_a_note_typed_is_never_lost_nor_saved_unasked(db: Path) -> None:
    """Quitting with a decision's note typed recorded the decision unasked (a half-thought exit
    went on record), and Escape threw the note away: both now ask, as every form does."""
    async with running(db) as (app, pilot):
        await pilot.press("k")
        assert isinstance(app.screen, AskText)
        app.screen.query_one("#ask-input").value = "Typed, then escape by habit"
        await pilot.press("escape")
        assert isinstance(app.screen, SaveOrDiscard)
        await pilot.press("escape")  # keep editing
        assert isinstance(app.screen, AskText)
        await pilot.press("escape", "d")  # discard: nothing recorded
        await settle(pilot)
        assert isinstance(app.screen, ReviewScreen) and app.review.decisions == {}
        await pilot.press("k")
        app.screen.query_one("#ask-input").value = "Typed, then ctrl+q by habit"
        await pilot.press("ctrl+q")
        await settle(pilot)
        assert isinstance(app.screen, SaveOrDiscard) and app.is_running
        await pilot.press("s")  # saved as Enter would, then the app quits
        await settle(pilot)
    store = open_store(db)
    history = decision_history(store, "brightline")
    store.close()
    assert [(d.decision, d.note) for d in history] == [
        (Decision.keep, "Typed, then ctrl+q by habit")
    ]


async def test_the_footer_names_what_a_does_now(tmp_path) -> None:
    """`a` turns the review between the urgent clients and every one: the footer said "All
    clients" while every client was already in it."""
    from tests.test_app_review_support import running, small_db

    async with running(small_db(tmp_path)) as (app, pilot):

        def said() -> str:
            return app.screen.active_bindings["a"].binding.description

        assert said() == "All clients" and not app.screen.include_rest
        await pilot.press("a")
        assert app.screen.include_rest and said() == "Urgent only"
        await pilot.press("a")
        assert not app.screen.include_rest and said() == "All clients"


async def test_the_footer_fits_after_the_window_grew_behind_another_screen(tmp_path) -> None:
    """Kept rather than made again, the footer measured its keys when those it had hidden were
    not laid out yet: widened behind the client screen, the review's last keys ran under the
    palette key (a reviewing helper's find)."""
    from health_tui.app.widgets.footer import KeyFooter
    from tests.test_app_review_support import running, small_db

    async with running(small_db(tmp_path), size=(80, 24)) as (app, pilot):
        await pilot.press("a")
        await settle(pilot)
        await pilot.press("enter")  # the client's screen over the review
        await settle(pilot)
        await pilot.resize_terminal(160, 36)
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, ReviewScreen)
        footer = app.screen.query_one(KeyFooter)
        palette = next(k for k in footer.children if k.has_class("-command-palette"))
        shown = [k for k in footer.children if k.display and k is not palette]
        assert len(shown) > 8  # the wider window shows more keys
        assert all(k.region.right - 1 <= palette.region.x for k in shown)


async def test_the_footer_shows_new_keys_and_is_kept_while_they_stay_the_same(tmp_path) -> None:
    """The footer is made again when what it shows changes (`a` renames its key), and kept when
    the screen only says its keys may have changed, as at every move of the focus: made again
    each time, its keys were nine tenths of the widgets an app test mounted."""
    from textual.widgets._footer import FooterKey

    from health_tui.app.widgets.footer import KeyFooter
    from tests.test_app_review_support import running, small_db

    async with running(small_db(tmp_path)) as (app, pilot):

        def footer_says() -> str:
            keys = app.screen.query_one(KeyFooter).query(FooterKey)
            return next(str(k.description) for k in keys if k.key == "a")

        assert footer_says() == "All clients"
        before = list(app.screen.query_one(KeyFooter).query(FooterKey))
        app.screen.refresh_bindings()  # what Textual does when the focus moves
        await settle(pilot)
        assert list(app.screen.query_one(KeyFooter).query(FooterKey)) == before
        await pilot.press("a")
        await settle(pilot)
        assert footer_says() == "Urgent only"


async def test_two_decisions_typed_in_one_burst_are_both_saved(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A freelancer typed `k ⏎ k ⏎` in one burst: the second `k` came while the first decision was
    saving, the review still on that client, and it decided the same client again; the next
    client stayed without a decision, nothing said. The review moves on as a decision is
    confirmed, and a client whose decision is saving is not walked to again."""
    import time

    import health_tui.app.screens.review as review_screen

    made = review_screen.record_job

    def slow(*args, **kwargs):  # a save that takes a moment, as on a busy disk
        job = made(*args, **kwargs)

        def later(con):
            time.sleep(0.3)
            return job(con)

        return later

    monkeypatch.setattr(review_screen, "record_job", slow)
    async with running(db) as (app, pilot):
        first = app.screen.current.client_id
        await pilot.press("v", "enter", "v", "enter")
        await settle(pilot)
        second = next(c for c in everyone(app) if c != first)
    store = open_store(db)
    decided = current_decisions(store, "2026Q3")
    history = decision_history(store, first)
    store.close()
    assert decided[first].decision is decided[second].decision is Decision.recover
    assert len(history) == 1  # the first client decided once, not twice


async def test_keys_a_terminal_sends_in_one_burst_each_reach_the_box_they_were_typed_for(
    db: Path,
) -> None:
    """`k ⏎ k ⏎` sent in one burst (a paste, a lagging terminal, tmux): the first Enter came
    before the note box had mounted its input and was lost, the second `k` and Enter landed in
    the box, and the second client was left without a decision, nothing said. Keys typed ahead
    of a box wait for it; keys typed after its answer wait for the answer to be taken."""
    from textual import events

    burst = [("k", "k"), ("enter", "\r"), ("k", "k"), ("enter", "\r")]
    burst += [("l", "l"), ("o", "o"), ("k", "k"), ("enter", "\r")]  # listen, noted "ok"
    async with running(db) as (app, pilot):
        await pilot.press("a")  # everyone, not only the two at risk
        first, second, third = everyone(app)[:3]
        for key, char in burst:
            app.post_message(events.Key(key, char))  # all queued before the first is handled
        await settle(pilot)
        await settle(pilot)
        assert isinstance(app.screen, ReviewScreen)  # no box left open with a "k" typed in it
    store = open_store(db)
    decided = current_decisions(store, "2026Q3")
    history = decision_history(store, first)
    store.close()
    assert decided[first].decision is decided[second].decision is Decision.keep
    assert len(history) == 1
    assert decided[third].decision is Decision.listen and decided[third].note == "ok"


async def test_an_escape_in_a_burst_cancels_its_box_before_the_keys_behind_it(db: Path) -> None:
    """A reviewer's find: `k ⎋ l ⏎` sent at once saved keep with the note "l" and left the review
    for the portfolio: the box's Escape went up three queues while the keys behind it were typed
    into the box, and came back to the review, which it closed."""
    from textual import events

    async with running(db) as (app, pilot):
        first = app.screen.current.client_id
        for key, char in [("k", "k"), ("escape", "\x1b"), ("l", "l"), ("enter", "\r")]:
            app.post_message(events.Key(key, char))
        await settle(pilot)
        await settle(pilot)
        assert isinstance(app.screen, ReviewScreen)
    store = open_store(db)
    decided = current_decisions(store, "2026Q3")
    store.close()
    assert (decided[first].decision, decided[first].note) == (Decision.listen, None)
