"""The app driven with Pilot on fixtures/small, imported and scored through the real code paths."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import date, datetime

import pytest

from health_tui.app.screens.client import ClientScreen
from health_tui.app.screens.effort_map import MapScreen
from health_tui.app.screens.help import HelpScreen
from health_tui.app.screens.portfolio import PortfolioScreen
from health_tui.app.screens.quarter import QuarterPicker
from health_tui.app.widgets.client_table import ClientTable
from health_tui.app.widgets.effort_map import EffortMap
from health_tui.errors import ConfigError, StoreLocked
from health_tui.settings import Settings
from tests.test_app_support import AS_OF, make_app, settle, small_store, until

SIZE = (120, 36)
# Health ties (castell and brightline both score 53) read in name order, in either direction.
BY_HEALTH = ["brightline", "castell", "meridian", "lumen", "harbor", "fernleaf", "northwind"]
BY_HEALTH_DESC = ["northwind", "fernleaf", "harbor", "lumen", "meridian", "brightline", "castell"]


@pytest.fixture(scope="module")
def store():
    s = small_store()
    yield s
    s.close()


def ids(table: ClientTable) -> list[str]:
    return [table.view.clients[i].client_id for i in table.view.order]


def screen_text(widget) -> str:
    """What a Line API widget shows, line by line, as plain text."""
    return "\n".join(widget.render_line(y).text for y in range(widget.size.height))


def summary_text(app) -> str:
    return str(app.screen.query_one("#summary").render())


async def test_opens_on_the_scored_portfolio(store) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, PortfolioScreen)
        table = app.screen.query_one(ClientTable)
        assert ids(table) == BY_HEALTH  # former clients hidden, worst health first
        assert table.has_focus
        header = summary_text(app)
        assert "2026Q3" in header and "7 active" in header
        assert "2 exit candidates" in header
        text = screen_text(table)
        assert "Castell & Rowe Solicitors" in text and "never satisfied" in text
        for name in ("✖ Castell", "✖ Brightline"):  # the exit mark
            assert any(line.lstrip().startswith(name) for line in text.splitlines()), name
        assert not any(line.lstrip().startswith("✖ Fernleaf") for line in text.splitlines())


async def test_sort_keys_and_header_click(store) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        table = app.screen.query_one(ClientTable)
        await pilot.press("down", "down")  # cursor on meridian
        await pilot.press("s")  # the next column: trend
        assert table.view.sort_key == "trend"
        await pilot.click(ClientTable, offset=(5, 0))  # the Client title
        assert table.view.sort_key == "name"
        assert ids(table)[:2] == ["brightline", "castell"]
        assert table.current.client_id == "meridian"  # the cursor follows its client
        await pilot.press("S")
        assert ids(table)[0] == "northwind"
        health_title = (table.render_line(0).text.index("Health"), 0)
        await pilot.click(ClientTable, offset=health_title)
        assert table.view.sort_key == "health"
        assert ids(table) == BY_HEALTH
        await pilot.click(ClientTable, offset=health_title)
        assert ids(table) == BY_HEALTH_DESC
        assert "sorted by health ↓" in str(app.screen.query_one("#status").render())


async def test_filter_by_typing(store) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        table = app.screen.query_one(ClientTable)
        await pilot.press("slash", *"keep")
        assert set(ids(table)) == {"harbor", "meridian", "northwind"}  # the action column
        await pilot.press("backspace", "backspace", "backspace", "backspace", *"reprice")
        assert set(ids(table)) == {"fernleaf"}  # happy, paying too little: reprice
        await pilot.press(*["backspace"] * 7, *"not kno")  # an archetype shown "—", by name
        assert set(ids(table)) == {"harbor"}  # harbor's health stands on 3 things said
        await pilot.press(*["backspace"] * 7, *"steady")  # the archetype column
        assert set(ids(table)) == {"meridian"}
        await pilot.press("enter")
        assert table.has_focus and ids(table) == ["meridian"]
        await pilot.press("escape")
        assert ids(table) == BY_HEALTH


async def test_candidates_and_former_toggles(store) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        table = app.screen.query_one(ClientTable)
        await pilot.press("c")
        assert ids(table) == ["brightline", "castell"]
        await pilot.press("c", "f")
        assert "quarry" in ids(table) and len(ids(table)) == 8
        await pilot.press("f")
        assert "quarry" not in ids(table)


async def test_reasons_and_details_wrap_under_their_own_first_word(store) -> None:
    """At 80 columns a reason's later lines went under its bullet and a component's detail to the
    panel's edge, where they read as lines of their own (seen in tmux): each wraps under its own
    first word, and again at the new width when the terminal grows."""
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("j", "k", "enter")  # brightline, the worst health first
        await settle(pilot)
        client = app.portfolio.by_id("brightline")

        def lines(panel: str) -> list[str]:
            return str(app.screen.query_one(panel).render()).split("\n")

        reasons = lines("#reasons")
        later = [line for line in reasons if line and line[0] not in "•WC"]  # Why, Counter-signals
        assert later, reasons  # brightline's reasons are longer than 80 columns
        assert all(line.startswith("  ") and line[2] != " " for line in later), reasons
        said = " ".join(" ".join(reasons).split())
        assert all(" ".join(r.split()) in said for r in client.reasons)
        details = lines("#components")[1:]
        assert all(line.startswith("  ") or line[0].isalpha() for line in details), details
        narrow = len(reasons)
        await pilot.resize_terminal(140, 30)
        await settle(pilot)
        assert len(lines("#reasons")) < narrow


async def test_drill_down_and_back(store) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("j", "k")  # down to castell and back up to brightline, first by health
        await pilot.press("enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ClientScreen) and screen.client_id == "brightline"
        client = app.portfolio.by_id("brightline")
        assert str(screen.query_one("#verdict").render()).startswith(client.verdict)
        reasons = " ".join(str(screen.query_one("#reasons").render()).split())
        for reason in client.reasons:
            assert " ".join(reason.split()) in reasons  # each whole, wherever its lines break
        timeline = screen_text(screen.query_one("#timeline"))
        assert "escalation" in timeline and "letter" in timeline
        invoices = str(screen.query_one("#invoices").render())
        assert "overdue" in invoices and "unpaid" in invoices
        await pilot.press("escape")
        assert isinstance(app.screen, PortfolioScreen)
        assert app.screen.query_one(ClientTable).current.client_id == "brightline"


async def test_quarter_change_and_pick(store) -> None:
    app = make_app(store, clock=lambda: datetime(2026, 12, 5, 9, 0))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("left_square_bracket")
        await settle(pilot)
        assert app.portfolio.quarter == "2026Q2" and "2026Q2" in summary_text(app)
        await pilot.press("right_square_bracket")
        await settle(pilot)
        assert app.portfolio.as_of == AS_OF
        await pilot.press("right_square_bracket")  # nothing after the as-of date
        await settle(pilot)
        assert app.portfolio.as_of == AS_OF
        # the file may hold later data: it said "2026Q3 is the latest quarter with data"
        assert str(list(app._notifications)[-1].message) == (
            "2026Q3 holds 2026-09-30, the date the app was opened as of (--as-of): nothing after "
            "it is scored here. Open it without --as-of to score up to today."
        )
        app.clock = lambda: datetime(2026, 9, 30, 9, 0)  # opened today: the quarter is today's
        await pilot.press("right_square_bracket")
        await settle(pilot)
        assert str(list(app._notifications)[-1].message) == (
            "2026Q3 is the current quarter: nothing after today is scored."
        )
        await pilot.press("g")
        assert isinstance(app.screen, QuarterPicker)
        await settle(pilot)  # its question breaks after a comma: "Escape / to cancel" it read
        asked = str(app.screen.query_one("#quarter-hint").render()).split("\n")
        assert len(asked) > 1 and asked[-1].endswith("Escape to cancel"), asked
        await pilot.press(*"\b\b\b\b\b\b", *"nope", "enter")
        assert isinstance(app.screen, QuarterPicker)  # explained in place
        assert "not a quarter" in str(app.screen.query_one("#quarter-error").render())
        app.screen.query_one("#quarter-input").value = "2026Q1"
        await pilot.press("enter")
        await settle(pilot)
        assert app.portfolio.quarter == "2026Q1" and "2026Q1" in summary_text(app)


async def test_going_to_the_quarter_on_screen_says_nothing_one_not_begun_says_so(store) -> None:
    """Going to 2026Q3 as of 15 August said "2026Q3 is after 2026-08-15; showing the latest" (a
    user walking through the demo): the quarter holding the date on screen is scored as of it,
    as the header says, and only a quarter not begun by then is worth a word."""
    mid = date(2026, 8, 15)
    app = make_app(store, as_of=mid)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for quarter in ("2026Q2", "2026Q3"):
            await pilot.press("g")
            app.screen.query_one("#quarter-input").value = quarter
            await pilot.press("enter")
            await settle(pilot)
        assert app.portfolio.as_of == mid and not list(app._notifications)
        await pilot.press("g")
        app.screen.query_one("#quarter-input").value = "2026Q4"
        await pilot.press("enter")
        await settle(pilot)
        assert app.portfolio.as_of == mid
        [note] = list(app._notifications)
        assert "2026Q4 begins after 2026-08-15, the date on screen; showing 2026Q3" in note.message


async def test_a_quarter_before_the_first_client_says_when_the_first_began(store) -> None:
    """Going to a quarter before any client had started showed an empty table and "0 active"
    without a word (a user walking through the demo): the header says when the first began, and
    says it no more once there are clients."""
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("g")
        app.screen.query_one("#quarter-input").value = "2019Q1"
        await pilot.press("enter")
        await settle(pilot)
        assert app.portfolio.quarter == "2019Q1" and not app.portfolio.clients
        said = summary_text(app)
        assert "no client had started yet: the first began on 2025-07-01 (2025Q3)" in said
        await pilot.press("g")
        app.screen.query_one("#quarter-input").value = "2025Q3"
        await pilot.press("enter")
        await settle(pilot)
        assert app.portfolio.clients and "no client had started" not in summary_text(app)


async def test_scoring_failure_is_a_notification(store) -> None:
    def locked(store, as_of, con):
        raise StoreLocked("portfolio.duckdb is in use by another program; close it and try again.")

    app = make_app(store, scorer=locked)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.is_running and isinstance(app.screen, PortfolioScreen)
        [note] = list(app._notifications)
        assert note.severity == "error" and "in use by another program" in note.message
        assert not app.screen.query_one(ClientTable).loading
        assert "Nothing scored yet" in summary_text(app)

    # A fault in the settings fails every quarter: the header says what to add, on its lines,
    # and keeps saying it after a resize (it read "Press [ or ] to try another quarter").
    def no_rate(store, as_of, con):
        raise ConfigError("no rate for USD, e.g.:\n  [money.rates]\n  USD = ?")

    app = make_app(store, scorer=no_rate)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.resize_terminal(100, 30)
        await settle(pilot)
        said = summary_text(app)
        assert "\n  [money.rates]\n  USD = ?\nFix it, then quit (q)" in said, said
        assert "another quarter" not in said


async def test_map_navigation_and_enter(store) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("m")
        await settle(pilot)
        assert isinstance(app.screen, MapScreen)
        effort_map = app.screen.query_one(EffortMap)
        assert effort_map.current.client_id == "brightline"  # starts on the table's cursor
        text = screen_text(effort_map)
        assert "KEEP" in text and "EXIT" in text and "REPRICE" in text
        assert "Brightline" in str(app.screen.query_one("#map-status").render())
        await pilot.press("up")
        moved_to = effort_map.current
        assert moved_to.client_id != "brightline" and moved_to.health > 53
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ClientScreen) and app.screen.client_id == moved_to.client_id
        await pilot.press("escape", "escape")
        assert isinstance(app.screen, PortfolioScreen)


async def test_help_and_palette_list_the_keys(store) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = str(app.screen.query_one("#help-keys").render())
        for words in ("Sort", "Filter", "Candidates", "Former", "Prev qtr", "Map"):
            assert words in text
        await pilot.press("escape")
        titles = {c.title for c in app.get_system_commands(app.screen)}
        assert {"Sort", "Filter", "Candidates", "Light/dark theme", "Go to quarter"} <= titles


async def test_theme_toggle_recolours_the_table(store) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        table = app.screen.query_one(ClientTable)
        before = table.render_line(3)
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert not app.current_theme.dark
        after = table.render_line(3)
        assert after.text == before.text and list(after) != list(before)


async def test_fits_80_by_24(store) -> None:
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        table = app.screen.query_one(ClientTable)
        assert table.virtual_size.width <= table.scrollable_content_region.width
        header = table.render_line(0).text
        for title in ("Client", "Health", "Trend", "E/R", "Rate", "Rev 12m", "LTV", "Action"):
            assert title in header
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen.has_class("-narrow")


@pytest.mark.parametrize("size", [SIZE, (80, 24)])
async def test_the_sorted_columns_title_stays_whole_beside_its_arrow(store, size) -> None:
    """Sorted by any column in turn, and reversed, the header names every column shown in full,
    the arrow against the sorted one ("Tren▲" took the last letter of a title filling its
    column)."""
    app = make_app(store)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        table = app.screen.query_one(ClientTable)
        shown = [c for c, w in zip(table.columns, table._widths, strict=True) if w]
        titles = [c.title for c in shown if c.key != "mark"]
        seen = set()
        for _ in range(len(table.columns)):
            await pilot.press("s")
            await pilot.pause()
            for reverse in (False, True):
                if reverse:
                    await pilot.press("S")
                    await pilot.pause()
                header = table.render_line(0).text
                sorted_title = table.view._by_key[table.view.sort_key].title
                arrow = "▼" if table.view.descending else "▲"
                for title in titles:
                    assert f" {title}" in header.replace(arrow, " "), (title, header)
                if sorted_title in titles:
                    after, before = f"{sorted_title}{arrow}", f"{arrow}{sorted_title}"
                    assert after in header or before in header, header
                    if before in header:  # a space still parts it from the column before
                        assert header[header.index(before) - 1] == " ", header
                    else:  # ... or from the column after
                        assert header[header.index(after) + len(after) :][:1] in ("", " "), header
                    seen.add(sorted_title)
        assert "Trend" in seen and "Health" in seen


async def test_quarter_before_any_client_is_empty(store) -> None:
    app = make_app(store, as_of=date(2024, 3, 31))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert ids(app.screen.query_one(ClientTable)) == []
        assert "no client had started yet: the first began on 2025-07-01" in summary_text(app)


async def test_quarter_change_on_the_client_screen(store) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("enter")  # brightline, first by health
        await settle(pilot)
        await pilot.press("left_square_bracket")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ClientScreen) and app.portfolio.quarter == "2026Q2"
        assert screen.history is not None and screen.history.as_of == date(2026, 6, 30)
        verdict = str(screen.query_one("#verdict").render())
        assert verdict.startswith(app.portfolio.by_id("brightline").verdict)
        await pilot.press("escape")
        assert "2026Q2" in summary_text(app)
        assert app.screen.query_one(ClientTable).current.client_id == "brightline"


async def test_failed_recompute_keeps_the_quarter_on_screen(store) -> None:
    from health_tui.app.app import engine_scorer
    from health_tui.settings import Settings

    real = engine_scorer(Settings())

    def flaky(store, as_of, con):
        if as_of < AS_OF:
            raise RuntimeError("disk full \x1b[2J[red]boom[/red]")
        return real(store, as_of, con)

    app = make_app(store, scorer=flaky)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("left_square_bracket")
        await settle(pilot)
        assert app.portfolio.quarter == "2026Q3" and app.working is None
        [note] = list(app._notifications)
        assert "[red]boom[/red]" in note.message and "\x1b" not in note.message
        await pilot.press("left_square_bracket")  # asks for 2026Q2 again, not 2026Q1
        await settle(pilot)
        assert len(app._notifications) == 2 and "2026Q2" in list(app._notifications)[-1].message


async def test_a_client_with_not_enough_data_shows_no_band() -> None:
    """Two invoices are not enough to score health: the table leaves it blank, the header counts
    the client apart, and the client screen says "not enough data" and why it did not move."""
    store = small_store()
    store.con.execute(
        """INSERT INTO client_rows (client_id, name, started_on, source)
             VALUES ('thin', 'Saltmarsh Florist', DATE '2025-09-01', 'folder');
           INSERT INTO invoices (invoice_id, client_id, issued_on, due_on, paid_on, amount, currency, source) VALUES
             ('T-1', 'thin', DATE '2026-03-01', DATE '2026-03-31', DATE '2026-05-20', 900, 'EUR', 'folder'),
             ('T-2', 'thin', DATE '2026-07-01', DATE '2026-07-31', DATE '2026-08-02', 900, 'EUR', 'folder');"""
    )
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        table = app.screen.query_one(ClientTable)
        assert ids(table)[-1] == "thin"  # no health: after every scored client
        row = next(line for line in screen_text(table).splitlines() if "Saltmarsh" in line)
        assert " — " in row and "steady" not in row  # nothing shows what kind of client
        assert "1 not enough data" in summary_text(app)
        await pilot.press("end", "enter")
        await settle(pilot)
        assert isinstance(app.screen, ClientScreen)
        verdict = str(app.screen.query_one("#verdict").render())
        assert "WATCH: not enough data (15% of the health weight)" in verdict
        reasons = str(app.screen.query_one("#reasons").render())
        assert "only payment has data" in reasons and "ask for feedback scores" in reasons
        moved = str(app.screen.query_one("#trend").render())
        assert "no health to compare with" in moved
    store.close()


def held_scorer() -> tuple[Callable, threading.Event]:
    """The real scorer, held until the returned event is set: the names-only first paint stays on
    screen for as long as a test needs."""
    from health_tui.app.app import engine_scorer

    real = engine_scorer(Settings())
    release = threading.Event()

    def slow(store, as_of, con):
        assert release.wait(30)
        return real(store, as_of, con)

    return slow, release


async def test_scores_replacing_untouched_names_start_at_the_top() -> None:
    """An owner who did not move while the names were listed sees the scored list from its top
    (the worst health first), not wherever the first name landed."""
    store = small_store()  # Meridian renamed: first by name, third by health
    store.con.execute(
        "UPDATE client_rows SET name = 'Aardvark Health' WHERE client_id = 'meridian'"
    )
    slow, release = held_scorer()
    app = make_app(store, scorer=slow)
    try:
        async with app.run_test(size=SIZE) as pilot:
            while app.roster is None:
                await pilot.pause(0.01)
            await pilot.pause()
            table = app.screen.query_one(ClientTable)
            assert table.current_id == "meridian"  # first by name
            release.set()
            await settle(pilot)
            assert ids(table) == BY_HEALTH
            assert table.cursor == 0 and table.current_id == "brightline"
    finally:
        release.set()
        store.close()


async def test_names_show_while_the_first_scoring_runs(store) -> None:
    """The clients are listed by name at once; the scores replace them, the cursor on the same
    client, and until then Enter says the client opens once scored."""
    slow, release = held_scorer()
    app = make_app(store, scorer=slow)
    try:
        async with app.run_test(size=SIZE) as pilot:
            while app.roster is None:
                await pilot.pause(0.01)
            await pilot.pause()
            table = app.screen.query_one(ClientTable)
            assert app.portfolio is None and not table.loading
            names = [table.view.clients[i].name for i in table.view.order]
            assert names == sorted(names, key=str.casefold) and len(names) == 7  # former hidden
            await until(pilot, lambda: "Castell & Rowe Solicitors" in screen_text(table))
            assert "Castell & Rowe Solicitors" in screen_text(table)
            assert "never satisfied" not in screen_text(table)  # nothing scored yet
            assert "scoring 2026Q3: 7 active clients" in summary_text(app)
            status = str(app.screen.query_one("#status").render())
            assert "names only until scored" in status
            await pilot.press("down", "down", "down")
            chosen = table.current_id
            assert chosen is not None and table.current is None
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, PortfolioScreen)
            assert any("once the quarter is scored" in n.message for n in app._notifications)

            release.set()
            await settle(pilot)
            assert app.portfolio is not None and app.roster is None
            assert ids(table) == BY_HEALTH  # the usual order once scored
            assert table.current_id == chosen and table.current is not None
            assert "never satisfied" in screen_text(table)
            assert "7 active" in summary_text(app)
    finally:
        release.set()


async def test_the_footer_leaves_out_keys_that_do_not_fit_and_brings_them_back(store) -> None:
    """At 80 columns Textual's footer cut a key mid-word ("E Exits in progr"): the keys that do not
    fit whole are left out, the last first, and come back when the window is wider."""
    from health_tui.app.widgets.footer import KeyFooter

    def fits(footer: KeyFooter) -> bool:  # no key shown runs under the palette key
        palette = next(k for k in footer.children if k.has_class("-command-palette"))
        return all(
            k.region.right - 1 <= palette.region.x
            for k in footer.children
            if k.display and k is not palette
        )

    def shown(footer: KeyFooter) -> list[str]:
        return [
            str(k.description)
            for k in footer.children
            if k.display and not k.has_class("-command-palette")
        ]

    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        footer = app.screen.query_one(KeyFooter)
        narrow = shown(footer)
        assert narrow[:3] == ["Open client", "Keys", "Review"] and "Map" not in narrow
        assert fits(footer)
        await pilot.resize_terminal(200, 30)
        await settle(pilot)
        wide = shown(footer)
        assert wide[: len(narrow)] == narrow and "Map" in wide and "Next qtr" in wide
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        assert shown(footer) == narrow and fits(footer)
        await pilot.press("question_mark")  # another screen over it, then back: the footer is
        await settle(pilot)  # composed again from the screen's keys, and fitted again
        await pilot.press("escape")
        await settle(pilot)
        footer = app.screen.query_one(KeyFooter)
        assert shown(footer) == narrow
        assert fits(footer)


async def test_the_maps_cell_list_keeps_what_tells_twins_apart() -> None:
    """The effort map's list cuts names to its narrow column: "Rossi Opticians (6)" read
    "Rossi Opticians …", as its twin (3) in another cell would (seen at 10,000 clients)."""
    from health_tui.store import open_store
    from tests.test_app_support import make_portfolio

    portfolio = make_portfolio(40)
    active = [c for c in portfolio.clients if c.active and c.health is not None][:2]
    twins = {active[0].client_id: "Rossi Opticians Amsterdam (6)",
             active[1].client_id: "Rossi Opticians Amsterdam (3)"}  # fmt: skip
    clients = [c.model_copy(update={"name": twins.get(c.client_id, c.name)})
               for c in portfolio.clients]  # fmt: skip
    renamed = portfolio.model_copy(update={"clients": clients})
    store = open_store(None)
    try:
        app = make_app(store, scorer=lambda _store, _as_of, _con: renamed)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            for client_id, name in twins.items():
                app.push_screen(MapScreen(start_id=client_id))
                await settle(pilot)
                shown = str(app.screen.query_one("#map-cell").render())
                assert name[-3:] in shown and "Amsterdam …" not in shown, shown
                await pilot.press("escape")
    finally:
        store.close()
