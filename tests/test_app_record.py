"""Keeping the record in the app, driven with Pilot on fixtures/small through the real import and
scoring: log, see it in the timeline and the score answer, edit, delete, restart and find it; a
half-filled form asks before it is thrown away; corrections, aliases and merges from the client."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from rich.cells import cell_len
from textual.widgets import Input

from health_tui.app.format import wrap_under
from health_tui.app.screens.client import ClientScreen
from health_tui.app.screens.correct import CorrectForm
from health_tui.app.screens.record_forms import EntryForm, FeedbackForm, InteractionForm
from health_tui.app.screens.review_modals import Confirm
from health_tui.app.widgets.review_panels import hanging
from health_tui.app.widgets.timeline import KIND_COLUMN, Timeline
from health_tui.formatting import money
from health_tui.record import NoteEntry, log_entry
from health_tui.store import Store, open_store
from tests.test_app_support import make_app, settle, until

SIZE = (120, 36)
NOW = datetime(2026, 9, 29, 15, 0)  # the app's clock: a Tuesday afternoon late in 2026Q3


def clock() -> datetime:
    return NOW


def owner_rows(store: Store) -> list[tuple]:
    return store.con.execute(
        "SELECT 'interaction', kind, note FROM interactions WHERE source = 'app' "
        "UNION ALL SELECT 'feedback', CAST(score AS VARCHAR), \"comment\" FROM feedback "
        "WHERE source = 'app' UNION ALL SELECT 'note', 'note', note FROM client_notes ORDER BY ALL"
    ).fetchall()


def timeline_lines(app) -> list[str]:
    timeline = app.screen.query_one(Timeline)
    return [str(timeline.get_option_at_index(i).prompt) for i in range(timeline.option_count)]


def status(app) -> str:
    return str(app.screen.query_one("#record-status").render())


async def open_client(pilot, client_id: str) -> None:
    await settle(pilot)
    pilot.app.push_screen(ClientScreen(client_id))
    await settle(pilot)


def test_the_timeline_gives_the_tone_on_the_scale_it_is_logged_on() -> None:
    """A message logged "-2 very negative" read "-1.0" in the timeline (its stored value, half of
    it): the timeline shows the form's steps, and an imported tone between them to a tenth."""
    from datetime import datetime

    from health_tui.app.widgets.timeline import event_prompt
    from health_tui.history import TimelineEvent

    def shown(sentiment: float) -> str:
        e = TimelineEvent(happened_at=datetime(2026, 9, 1), channel="email", kind="praise",
                          sentiment=sentiment, note="Thanks")  # fmt: skip
        return event_prompt(e).plain.split("email")[1]

    assert shown(1.0) == "       +2 Thanks"
    assert shown(-0.5) == "       -1 Thanks"
    assert shown(0.0) == "        0 Thanks"
    assert shown(0.3) == "     +0.6 Thanks"  # imported: -1..1, shown doubled
    assert shown(-0.04) == "     -0.1 Thanks"


async def test_log_edit_delete_and_find_it_after_a_restart(small_db: Path) -> None:
    store = open_store(small_db)
    app = make_app(store, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_client(pilot, "northwind")
        before = app.portfolio.by_id("northwind").health
        assert before >= 90  # a healthy client
        # A complaint by phone, very negative, with a note: arrows in the lists, tab between them.
        await pilot.press("i")
        await settle(pilot)
        assert isinstance(app.screen, InteractionForm)
        # today's date alone: the minute it is typed is not when the client called
        assert app.screen.query_one("#when", Input).value == "2026-09-29"
        await pilot.press("down", "down", "down", "down", "tab", "down", "tab", "down", "tab")
        await pilot.press(*"Shouted about the launch date", "enter")
        await settle(pilot)
        assert isinstance(app.screen, ClientScreen)
        assert owner_rows(store) == [("interaction", "complaint", "Shouted about the launch date")]
        after = app.portfolio.by_id("northwind").health
        assert after < before
        said = status(app)
        assert said.startswith("✓ logged complaint (phone, very negative)")
        assert f"health {before:.0f} → {after:.0f}: " in said and "friction −" in said
        assert (
            "you complaint        phone       -2 Shouted about the launch date"
            in timeline_lines(app)[0]
        )

        # A feedback score: the second entry.
        await pilot.press("f")
        await settle(pilot)
        assert isinstance(app.screen, FeedbackForm)
        await pilot.press("3", "tab", *"Not happy", "enter")
        await settle(pilot)
        lines = timeline_lines(app)
        assert (
            "you complaint" in lines[0]
            and "you feedback" in lines[1]
            and " 3/10 Not happy" in lines[1]
        )

        # Edit the complaint (Enter on it in the timeline), delete the feedback (Delete, then yes).
        await pilot.press("t", "up", "enter")
        await settle(pilot)
        assert isinstance(app.screen, InteractionForm) and app.screen.editing
        await pilot.press("tab", "tab", "tab", *" (apologised)", "enter")
        await settle(pilot)
        assert status(app).startswith("✓ edited complaint")
        await pilot.press("t", "down", "delete")
        await settle(pilot)
        assert isinstance(app.screen, Confirm)
        await pilot.press("y")
        await settle(pilot)
        assert owner_rows(store) == [
            ("interaction", "complaint", "Shouted about the launch date (apologised)")
        ]
        # An imported row cannot be edited: it says where it came from.
        await pilot.press("t", "down", "enter")
        await settle(pilot)
        assert isinstance(app.screen, ClientScreen)
        assert "came from an import (folder)" in list(app._notifications)[-1].message
    store.close()

    store = open_store(small_db)  # the app started again on the same file
    app = make_app(store, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_client(pilot, "northwind")
        lines = timeline_lines(app)
        assert "you complaint" in lines[0] and "(apologised)" in lines[0]
        assert not any("you feedback" in line for line in lines)
        assert app.portfolio.by_id("northwind").health == after
    store.close()


async def test_escape_on_a_half_filled_form_asks_first(small_db: Path) -> None:
    store = open_store(small_db)
    app = make_app(store, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_client(pilot, "castell")
        await pilot.press("n", "escape")  # nothing typed: closes at once
        await settle(pilot)
        assert isinstance(app.screen, ClientScreen)
        await pilot.press("n")
        await settle(pilot)
        await pilot.press(*"Partner retiring", "escape")
        assert isinstance(app.screen, Confirm)
        await pilot.press("n")  # keep editing: the text is still there
        assert isinstance(app.screen, EntryForm)
        assert app.screen.query_one("#text").value == "Partner retiring"
        await pilot.press("escape", "y")
        await settle(pilot)
        assert isinstance(app.screen, ClientScreen) and owner_rows(store) == []
        # A bad value is explained in the form, which keeps what was typed.
        await pilot.press("f")
        await settle(pilot)
        await pilot.press("1", "1", "enter")
        await settle(pilot)
        assert isinstance(app.screen, FeedbackForm)
        assert "a whole number from 0 to 10" in str(app.screen.query_one("#record-error").render())
        # fixed: what to fix goes with the change (it stayed, as if it still held)
        await pilot.press("backspace")
        await settle(pilot)
        assert not app.screen.query_one("#record-error").display
    store.close()


async def test_only_the_form_with_lists_offers_arrows(small_db: Path) -> None:
    """The feedback form's hint said "↑↓ choose" with nothing to choose (a user's walkthrough)."""
    store = open_store(small_db)
    app = make_app(store, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_client(pilot, "northwind")
        hints = {}
        for key, form in (("i", InteractionForm), ("f", FeedbackForm), ("n", EntryForm)):
            await pilot.press(key)
            await settle(pilot)
            assert isinstance(app.screen, form)
            hints[key] = str(app.screen.query_one(".record-hint").render())
            await pilot.press("escape")
            await settle(pilot)
        assert "↑↓ choose" in hints["i"]
        assert "↑↓" not in hints["f"] and "↑↓" not in hints["n"] and "enter saves" in hints["f"]
    store.close()


async def test_the_review_logs_for_the_client_on_screen(small_db: Path) -> None:
    store = open_store(small_db)
    app = make_app(store, clock=clock, start="review")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        current = app.screen.current.client_id
        await pilot.press("N")  # n is "next" in the review
        await settle(pilot)
        await pilot.press(*"Call before deciding", "enter")
        await settle(pilot)
        assert store.con.execute("SELECT client_id, note FROM client_notes").fetchall() == [
            (current, "Call before deciding")
        ]
        assert "kept in the timeline, never scored" in status(app)
    store.close()


async def test_a_long_note_wraps_under_its_own_column(small_db: Path) -> None:
    """At 80 columns a long note wrapped at the timeline's left edge, under the dates, where it read
    as an entry of its own (seen in tmux); it wraps under its column, and again at the new width
    when the terminal grows, the entry selected staying selected."""
    note = "Asked whether the launch could move, again, and whether we would absorb the cost of it"
    store = open_store(small_db)
    for day in range(1, 7):  # enough lines for the list to scroll: its scrollbar takes two cells
        said = f"Call {day}: they asked again about moving the launch and about who pays for it"
        log_entry(
            store, NoteEntry(client_id="northwind", noted_at=datetime(2026, 9, day), text=said)
        )
    app = make_app(store, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_client(pilot, "northwind")
        await pilot.press("n")
        await settle(pilot)
        await pilot.press(*note, "enter")
        await settle(pilot)
        timeline = app.screen.query_one(Timeline)
        lines = timeline_lines(app)[0].split("\n")
        column = lines[0].index("Asked")
        assert len(lines) > 2, lines
        # within the list, its scrollbar's gutter kept: a line too wide is wrapped again by the
        # list, at its left edge (the notes were wrapped before the scrollbar came back)
        assert timeline.show_vertical_scrollbar
        prompts = [line for prompt in timeline_lines(app) for line in prompt.split("\n")]
        assert max(map(cell_len, prompts)) <= timeline.scrollable_content_region.width
        assert all(line[:column].isspace() for line in lines[1:]), lines
        assert " ".join(part.strip() for part in [lines[0][column:], *lines[1:]]) == note
        await pilot.press("t", "down")
        await pilot.resize_terminal(160, 36)
        await settle(pilot)
        assert "\n" not in timeline_lines(app)[0]
        assert app.screen.query_one(Timeline).highlighted == 1
    store.close()


def test_a_note_too_narrow_for_its_column_wraps_under_the_kind() -> None:
    """Where its column leaves a note fewer than NARROWEST cells, the later lines go under the kind
    (column 11) rather than nine cells wide down the screen; a width not known yet wraps nothing."""
    words = "one two three four five six seven eight"
    wrapped = wrap_under(words, 50, 41, KIND_COLUMN)
    assert wrapped == "one two\n" + " " * 11 + "three four five six seven eight"
    assert wrap_under(words, 0, 41, KIND_COLUMN) == words
    # narrower than the kind's column and ten cells: left to the list (it raised ValueError)
    assert wrap_under("hello world", 11, 38, KIND_COLUMN) == "hello world"


def test_wide_characters_are_wrapped_by_the_cells_they_take() -> None:
    """A CJK note counted by characters came out twice as wide as the list, which wrapped it
    again at its left edge; a word wider than a line is cut across lines."""
    note = "询问我们是否可以 把发布推迟一周 并且承担额外的费用 这是第三次了 我们需要尽快回复"
    lines = wrap_under(note, 60, 41, KIND_COLUMN).split("\n")
    assert 41 + cell_len(lines[0]) <= 60 and len(lines) > 2
    assert all(line.startswith(" " * 11) and cell_len(line) <= 60 for line in lines[1:])
    assert " ".join(" ".join(lines).split()) == note
    long = "x" * 100
    cut = wrap_under(long, 60, 41, KIND_COLUMN).split("\n")
    assert all(cell_len(line) <= 60 for line in cut) and "".join(c.strip() for c in cut) == long
    # a checklist step's facts, under their indent, by the same measure
    step = hanging(note, 40).split("\n")
    assert len(step) > 2 and all(line.startswith(" " * 6) and cell_len(line) <= 40 for line in step)


async def test_correct_alias_and_merge_from_the_client_screen(small_db: Path) -> None:
    store = open_store(small_db)
    app = make_app(store, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_client(pilot, "harbor")
        await pilot.press("c")
        await settle(pilot)
        assert isinstance(app.screen, CorrectForm)
        await pilot.press(*"45", "tab", "tab", "tab", "tab", "ctrl+u", *"Bakery", "enter")
        await settle(pilot)
        facts = store.con.execute("SELECT fact, value FROM client_facts ORDER BY 1").fetchall()
        assert facts == [("industry", "Bakery"), ("notice_days", "45")]
        assert "notice 45 days" in str(app.screen.query_one("#client-title").render())
        await pilot.press("a")
        await settle(pilot)
        await pilot.press(*"Harbour St Bakery", "enter")
        await settle(pilot)
        assert store.con.execute("SELECT alias, client_id FROM client_aliases").fetchall() == [
            ("Harbour St Bakery", "harbor")
        ]
        await pilot.press("m")
        await settle(pilot)
        await pilot.press(*"Meridian Health Partners", "enter")
        await settle(pilot)
        assert isinstance(app.screen, Confirm)
        await pilot.press("y")
        await settle(pilot)
        assert isinstance(app.screen, ClientScreen) and app.screen.client_id == "meridian"
        assert store.con.execute(
            "SELECT count(*) FROM clients WHERE client_id = 'harbor'"
        ).fetchone() == (0,)
    store.close()


async def test_a_client_who_left_is_given_its_end_date_from_the_client_screen(
    small_db: Path,
) -> None:
    """A client who left of their own accord stayed active, in the count and in the median rate
    that sets every target: only an exit's checklist could end a client, on the day it was
    ticked (a design agency's hunt)."""
    store = open_store(small_db)
    app = make_app(store, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_client(pilot, "harbor")
        await pilot.press("c")
        await settle(pilot)  # the form mounted and focused on its first box (1 run in 8 it was not)
        await pilot.press("tab", "tab")
        assert app.screen.focused is not None and app.screen.focused.id == "fact-ended_on"
        await pilot.press(*"2026-06-30", "enter")
        await until(pilot, lambda: not app.portfolio.by_id("harbor").active)
        assert app.portfolio.by_id("harbor").ended_on == date(2026, 6, 30)
        said = str(app.screen.query_one("#record-status").render())
        assert "a former client: ended 2026-06-30" in said
        assert store.con.execute(
            "SELECT value FROM client_facts WHERE fact = 'ended_on'"
        ).fetchall() == [("2026-06-30",)]
    store.close()


async def test_a_start_only_on_record_is_given_from_the_client_screen(
    small_db: Path, tmp_path: Path
) -> None:
    """A client a tracker's export made read "client since" its first row: the screen says it is
    only on record since then, and the correct form's Started on gives the day they began."""
    from health_tui.ingest.connector import import_path

    store = open_store(small_db)
    sheet = tmp_path / "time.csv"
    sheet.write_text("Date,Client,Hours\n2026-07-01,Bath Botanics,2\n", encoding="utf-8")
    import_path(store, sheet)
    (bath,) = store.con.execute(
        "SELECT client_id FROM clients WHERE name = 'Bath Botanics'"
    ).fetchone()
    app = make_app(store, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_client(pilot, bath)
        title = str(app.screen.query_one("#client-title").render())
        assert "on record since 2026-07-01 (0.2 years; start not given)" in title
        await pilot.press("c")
        await settle(pilot)
        assert "only the first day on record" in str(
            app.screen.query_one("#whose-started_on").render()
        )
        await pilot.press("tab")
        assert app.screen.focused is not None and app.screen.focused.id == "fact-started_on"
        await pilot.press("ctrl+u", *"2021-03-01", "enter")
        await until(pilot, lambda: app.portfolio.by_id(bath).start_known)
        title = str(app.screen.query_one("#client-title").render())
        assert "client since 2021-03-01 (5.6 years)" in title
    store.close()


async def test_an_entry_older_than_every_quarter_scored_is_saved_and_says_so(
    small_db: Path,
) -> None:
    """A feedback score dated 2001 (a typo for 2026) said "scoring again…" and moved nothing: no
    quarter the score weighs holds it."""
    from textual.widgets import Input

    store = open_store(small_db)
    app = make_app(store, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_client(pilot, "northwind")
        await pilot.press("f")
        await settle(pilot)
        assert isinstance(app.screen, FeedbackForm)
        app.screen.query_one("#on", Input).value = "2001-09-29"
        await pilot.press("7", "enter")
        await settle(pilot)
        assert isinstance(app.screen, ClientScreen)
        assert owner_rows(store) == [("feedback", "7", None)]  # kept: the owner may mean it
        said = status(app)
        assert said.startswith("✓ logged feedback 7/10")
        assert "dated before 2024-07-01, older than every quarter scored: check the year" in said
    store.close()


async def test_an_entry_dated_after_the_date_on_screen_says_where_it_went(small_db: Path) -> None:
    """With the app as of a past day, a note logged now is saved but not in the timeline on
    screen: it said "kept in the timeline", and the owner took it for lost."""
    from datetime import date

    store = open_store(small_db)
    app = make_app(store, as_of=date(2026, 9, 15), clock=clock, start="review")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("N")
        await settle(pilot)
        await pilot.press(*"Call", "enter")
        await settle(pilot)
        assert store.con.execute("SELECT count(*) FROM client_notes").fetchone() == (1,)
        said = status(app)
        assert "after 2026-09-15, the date on screen: shown from 2026-09-29" in said  # not scored
        assert "kept in the timeline" not in said
    store.close()


async def test_an_entry_edited_past_the_date_on_screen_says_so_and_leaves_the_scores(
    small_db: Path,
) -> None:
    """A complaint whose date is corrected to after the date on screen leaves the timeline and
    the scores: the status said only "scoring again…", and the owner looked for it in vain."""
    from datetime import date

    async def dated(when: str) -> None:
        field = app.screen.query_one("#when")
        field.value = when
        field.focus()
        await pilot.press("enter")
        await settle(pilot)

    store = open_store(small_db)
    app = make_app(store, as_of=date(2026, 9, 15), clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_client(pilot, "northwind")
        before = app.portfolio.by_id("northwind").health
        await pilot.press("i")
        await settle(pilot)
        await pilot.press("down", "down", "down", "down")  # a complaint, on 10 September
        await dated("2026-09-10 10:00")
        assert app.portfolio.by_id("northwind").health < before
        await pilot.press("t", "enter")  # edit it: the date corrected to 20 September
        await settle(pilot)
        assert isinstance(app.screen, InteractionForm) and app.screen.editing
        await dated("2026-09-20 10:00")
        said = status(app)
        assert said.startswith("✓ edited complaint")
        assert "now after the date on screen (2026-09-20: a later --as-of)" in said
        assert app.portfolio.by_id("northwind").health == before  # scored again, without it
    store.close()


def test_an_amount_in_a_currency_code_never_leaves_its_code_at_a_line_end() -> None:
    """At 59 cells an exit's last counter-signal ended a line on "CHF" with 37,320 below it: the
    money formatter joins a code and its amount with a no-break space, which no wrap breaks at (a
    sign or a bracket before them stays with them)."""
    chf, sek = money(37320, "CHF"), money(-1200, "SEK")
    assert (chf, sek) == ("CHF\u00a037,320", "-SEK\u00a01,200")
    sentence = (
        f"Weighed and found no counter-signal: lifetime value {chf} over 3.2 years, "
        f"referral value {sek}."
    )
    for width in range(30, 100):
        lines = wrap_under(sentence, width, 4).split("\n")
        assert not any(line.rstrip().endswith(("CHF", "SEK")) for line in lines), width
        assert " ".join(lines).split() == sentence.split()  # every word, in order
    assert wrap_under(sentence, 59, 4).split("\n")[1].startswith(f"    {chf} over")
    # in brackets too (as a reason writes the amounts of another currency)
    aside = f"the amounts on the others ({chf}) are not billed"
    assert wrap_under(aside, 34, 4).split("\n") == [
        "the amounts on the others",
        f"    ({chf}) are not billed",
    ]
    # a line too narrow for the pair breaks it at its space, never inside the figure
    assert wrap_under(f"referral value -{chf} lost", 10, 2).split("\n") == [
        "referral",
        "value -CHF",
        "37,320",
        "lost",
    ]


async def test_a_save_that_ends_under_another_screen_closes_its_own_form(small_db: Path) -> None:
    """A form whose save ended while the command palette was over it popped the palette (or, if
    ctrl+p had gone to the portfolio, the portfolio: a blank app), not itself. Gone under the
    portfolio, what it saved is still said and scored."""
    import threading

    from health_tui.app.palette import _to_portfolio
    from health_tui.app.screens.portfolio import PortfolioScreen

    store = open_store(small_db)
    app = make_app(store, clock=clock)
    try:
        async with app.run_test(size=SIZE) as pilot:
            for leave in (False, True):
                await settle(pilot)
                app.push_screen(ClientScreen("castell"))
                await settle(pilot)
                await pilot.press("f", "8")
                assert isinstance(app.screen, FeedbackForm)
                form = app.screen
                gate = threading.Event()
                app.run_job(lambda _con, gate=gate: gate.wait(5), lambda _: None, what="busy")
                await pilot.press("enter")  # saving, behind the busy job
                if leave:
                    app.clear_notifications()  # the first round's
                    app.last_change = None
                    _to_portfolio(app)  # ctrl+p, Portfolio
                else:
                    app.action_command_palette()
                await pilot.pause()
                gate.set()
                await settle(pilot)
                if not leave:
                    assert form in app.screen_stack  # its answer waits under the palette
                    await pilot.press("escape")  # the palette closes
                    await settle(pilot)
                    assert isinstance(app.screen, ClientScreen)
                else:
                    assert [type(s) for s in app.screen_stack][1:] == [PortfolioScreen]
                    # the form and its screen went with their callback: still said and scored
                    saying = [n.message for n in app._notifications]
                    assert "Saved: logged feedback 8/10" in saying, saying
                    assert app.last_change is not None
                    assert app.last_change.what == "logged feedback 8/10"
                assert form not in app.screen_stack and app.is_running
        assert [r[:2] for r in owner_rows(store)] == [("feedback", "8"), ("feedback", "8")]
    finally:
        store.close()
