"""Client x quarter rollups: scoring reads complete quarters from them, and every write path keeps
them in step with the raw rows in its own transaction. If they lagged, a score would silently stand
on yesterday's data; these tests compare the rollup path with a read of every raw row."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from health_tui.clients import list_clients, merge_clients
from health_tui.demo import generate_demo
from health_tui.errors import ConfigError, ImportFailed, StoreError
from health_tui.ingest.backup import backup_folder, restore_folder
from health_tui.ingest.connector import import_path
from health_tui.ingest.native import import_folder
from health_tui.record import InteractionEntry, delete_entry, log_entry, update_entry
from health_tui.scoring.engine import score_portfolio
from health_tui.scoring.facts import facts_params, live_from, load_facts
from health_tui.settings import Settings
from health_tui.store import Store, open_store
from health_tui.store.migrations import CURRENT_VERSION
from tests.conftest import FIXTURES, copy_db, empty_copy, older_db

AS_OF = date(2026, 9, 30)
# a quarter's last day (nothing read raw), days inside a quarter (that quarter read raw), the past
DATES = (AS_OF, date(2026, 8, 15), date(2026, 7, 1), date(2025, 12, 31), date(2025, 11, 3))
EXPORTS = ("harvest_time.csv", "harvest_invoices_export.csv", "toggl_detailed_new.csv",
           "clockify_detailed.csv", "zendesk_tickets.csv")  # fmt: skip
AT = datetime(2026, 10, 2, 9, 0)
# Clockify's amounts are in USD: the import and the scoring convert them at this rate
SETTINGS = Settings.model_validate({"money": {"rates": {"USD": 0.9}}})


def in_step(store: Store) -> bool:
    """The rollups hold exactly what a fresh build from the raw rows would."""
    return store.row("rollup_stale") == (0, 0)


def same_scores(store: Store, as_of: date) -> dict:
    """The scores read from the rollups, checked against a read of every raw row."""
    rolled = score_portfolio(store, as_of, SETTINGS).model_dump(mode="json")
    raw = score_portfolio(store, as_of, SETTINGS, rollups=False).model_dump(mode="json")
    assert rolled["clients"], "nothing scored: the comparison would prove nothing"
    assert rolled == raw
    return rolled


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory: pytest.TempPathFactory):
    store = open_store(empty_copy(tmp_path_factory.mktemp("rollups") / "demo.duckdb"))
    generate_demo(store, clients=60, seed=7, as_of=AS_OF)
    yield store
    store.close()


@pytest.mark.parametrize("as_of", DATES, ids=str)
def test_the_demo_scores_alike_from_rollups_and_from_every_raw_row(demo_store, as_of):
    assert in_step(demo_store)
    same_scores(demo_store, as_of)


def test_the_fixtures_score_alike_from_rollups_and_from_every_raw_row(small):
    store = small  # fixtures/small as imported
    for name in EXPORTS:
        import_path(store, FIXTURES / "exports" / name, money=SETTINGS.money)
    assert in_step(store)
    for as_of in DATES:
        same_scores(store, as_of)


@pytest.mark.parametrize("as_of", (AS_OF, date(2026, 8, 15)), ids=str)
def test_skipping_two_planner_passes_gives_the_same_facts_to_the_last_digit(demo_store, as_of):
    """The database skips two of DuckDB's optimizer passes (connection.SKIPPED_PASSES) because
    they cost time and saved none: the facts must be what every pass gives."""
    from health_tui.store.connection import SKIPPED_PASSES

    setting = "SELECT current_setting('disabled_optimizers')"
    ((skipped,),) = demo_store.con.execute(setting).fetchall()
    assert sorted(skipped.split(",")) == sorted(SKIPPED_PASSES.split(","))  # it took
    skipping = repr(load_facts(demo_store, as_of, SETTINGS))
    demo_store.run("planner_reset")
    try:
        assert demo_store.con.execute(setting).fetchall() == [("",)]
        assert repr(load_facts(demo_store, as_of, SETTINGS)) == skipping
    finally:
        demo_store.run("planner_skip", {"optimizers": SKIPPED_PASSES})


def test_only_the_quarter_being_scored_is_read_from_raw_rows():
    assert live_from(date(2026, 9, 30)) == date(2026, 10, 1)  # the quarter is complete: none
    assert live_from(date(2026, 8, 15)) == date(2026, 7, 1)
    assert live_from(date(2026, 12, 31)) == date(2027, 1, 1)
    assert live_from(date(2026, 8, 15), rollups=False) == date(1, 1, 1)
    # nothing in the quarter is dated after the day: its rollup rows are read, nothing raw
    assert live_from(date(2026, 8, 15), dated_after=False) == date(2026, 10, 1)


MID = date(2026, 8, 15)  # a day inside a quarter


@pytest.fixture(scope="module")
def mid_demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demo whose history ends on MID: nothing in MID's quarter is dated after it."""
    path = tmp_path_factory.mktemp("mid") / "mid.duckdb"
    store = open_store(empty_copy(path))
    generate_demo(store, clients=30, seed=7, as_of=MID)
    store.close()
    return path


def _after(monkeypatch: pytest.MonkeyPatch, name: str, write) -> None:
    """Run `write()` right after the store runs the query `name` (once): what another connection
    commits while a scoring is between two of its reads."""
    run = Store.run

    def then_write(self, query, params=None, *, con=None):
        cur = run(self, query, params, con=con)
        if query == name:
            monkeypatch.setattr(Store, "run", run)
            write()
        return cur

    monkeypatch.setattr(Store, "run", then_write)


def test_a_quarter_with_nothing_after_the_day_is_read_from_its_rollups(
    mid_demo: Path, tmp_path: Path
):
    """Scoring as of today reads the current quarter from its rollup rows when nothing in it is
    dated after today (a message late tonight is today's), and from the raw rows again once
    something is (a message at midnight, the time a day with no time of day is kept at): the
    scores as of today stay what a read of every raw row gives, and do not move."""
    store = open_store(copy_db(mid_demo, tmp_path / "mid.duckdb"))
    client, _ = _two_clients(store)
    for step, at, later in (
        ("the demo, to the day", None, False),
        ("a message at 23:59:59 the same day", datetime(2026, 8, 15, 23, 59, 59), False),
        ("a message at midnight, the next day", datetime(2026, 8, 16), True),
    ):
        if at is not None:
            log_entry(store, _interaction(client, happened_at=at))
        assert store.row("rollup_dated_after", {"as_of": MID})[0] is later, step
        scores = same_scores(store, MID)  # as of MID, as score_portfolio gives them
        if not later:
            before = scores
    assert scores == before
    # the check is what keeps tomorrow's message out: the quarter's rollup rows now count it
    rolled = store.rows("facts_clients", facts_params(MID, SETTINGS, dated_after=False))
    assert rolled != store.rows("facts_clients", facts_params(MID, SETTINGS))
    store.close()


def test_a_time_entry_after_the_day_sends_its_quarter_to_the_raw_rows(small):
    """fixtures/small's last message is on 16 September and its last time entry on the 30th: as
    of the 29th, the time entry alone makes the check read the quarter from the raw rows."""
    store = small
    day = date(2026, 9, 29)
    last = 'SELECT (SELECT max("date") FROM time_entries), (SELECT max("at") FROM interactions)'
    ((last_entry, last_message),) = store.con.execute(last).fetchall()
    assert last_entry == date(2026, 9, 30) and last_message.date() < day
    assert store.row("rollup_dated_after", {"as_of": day})[0]
    same_scores(store, day)
    rolled = store.rows("facts_clients", facts_params(day, SETTINGS, dated_after=False))
    assert rolled != store.rows("facts_clients", facts_params(day, SETTINGS))


def test_what_is_committed_between_the_check_and_the_query_is_not_counted(
    mid_demo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """The app's store thread may commit a message dated tomorrow while a worker scores as of
    today, between the check of what is dated after today and the facts query: both read the
    file as it stood at the check, so the message is not counted (as of today it never is),
    rather than read from the quarter's rollup rows the check said were whole."""
    store = open_store(copy_db(mid_demo, tmp_path / "mid.duckdb"))
    worker = store.cursor()
    before = repr(load_facts(store, MID, SETTINGS, con=worker))
    client, _ = _two_clients(store)
    tomorrow = _interaction(client, happened_at=datetime(2026, 8, 16, 9, 0))
    _after(monkeypatch, "rollup_dated_after", lambda: log_entry(store, tomorrow))
    during = repr(load_facts(store, MID, SETTINGS, con=worker))
    assert store.row("rollup_dated_after", {"as_of": MID})[0]  # the message was committed
    assert during == before
    store.close()


def test_an_import_committed_while_scoring_is_not_half_seen(small, monkeypatch: pytest.MonkeyPatch):
    """Invoices committed by another connection after scoring checked the rates (one of them in
    dollars, with no rate in the settings scoring uses) are not scored: the scoring reads the
    file as it stood at its first read, the check and the facts alike."""
    store = small  # fixtures/small as imported
    worker = store.cursor()
    before = score_portfolio(store, AS_OF, Settings(), con=worker).model_dump(mode="json")
    dollars = FIXTURES / "exports" / "harvest_invoices.csv"
    # time_amount_currencies: the last query of the check of rates
    _after(monkeypatch, "time_amount_currencies",
           lambda: import_path(store, dollars, money=SETTINGS.money))  # fmt: skip
    during = score_portfolio(store, AS_OF, Settings(), con=worker).model_dump(mode="json")
    assert during == before
    with pytest.raises(ConfigError, match="USD"):  # the next scoring sees the dollars
        score_portfolio(store, AS_OF, Settings(), con=worker)


def test_a_snapshot_within_a_snapshot_is_the_same_one(small):
    """Scoring in a snapshot a caller already holds (the report's two quarters, one after the
    other in it) scores there, instead of failing to begin a second one."""
    store = small  # fixtures/small as imported
    with store.snapshot() as con:
        assert store.in_snapshot(con)
        inside = score_portfolio(store, AS_OF, SETTINGS, con=con).model_dump(mode="json")
    assert not store.in_snapshot()
    assert inside == score_portfolio(store, AS_OF, SETTINGS).model_dump(mode="json")


def test_a_day_inside_the_demo_s_history_reads_its_quarter_raw(demo_store):
    assert demo_store.row("rollup_dated_after", {"as_of": date(2026, 8, 15)})[0]
    assert not demo_store.row("rollup_dated_after", {"as_of": AS_OF})[0]


def _interaction(client_id: str, **kw) -> InteractionEntry:
    fields = dict(client_id=client_id, happened_at=datetime(2026, 9, 29, 22, 30),
                  kind="complaint", channel="email", tone=-2, note="your designer ignored us")  # fmt: skip
    return InteractionEntry.model_validate(fields | kw)


def test_every_write_path_keeps_the_rollups_in_step(store, tmp_path: Path):
    """Folder import and re-import, exports, what the app logs (added, edited, deleted), a merge,
    `import --replace`, a backup restored: after each, the rollups match the raw rows and the
    scores match a raw read."""
    steps: list[str] = []

    def check(step: str) -> None:
        steps.append(step)
        assert in_step(store), f"rollups lag after {step}"
        # and no row is left on a client there is not (it would count on no screen)
        orphans = store.con.execute(
            "SELECT count(*) FROM (SELECT client_id FROM time_entries UNION ALL SELECT client_id "
            "FROM invoices UNION ALL SELECT client_id FROM interactions UNION ALL SELECT client_id "
            "FROM feedback) WHERE client_id NOT IN (SELECT client_id FROM client_rows)"
        ).fetchone()
        assert orphans == (0,), f"rows on no client after {step}"

    import_folder(store, FIXTURES / "small")
    check("folder import")
    import_folder(store, FIXTURES / "small")
    check("the same folder again")
    for name in EXPORTS:
        import_path(store, FIXTURES / "exports" / name, money=SETTINGS.money)
        check(name)
    client, other = _two_clients(store)
    logged = log_entry(store, _interaction(client))
    check("an interaction logged")
    update_entry(store, logged.key, _interaction(client, happened_at=datetime(2025, 3, 3, 10, 0)))
    check("that interaction moved to another quarter")
    delete_entry(store, "interaction", client, logged.key)
    check("that interaction deleted")
    merge_clients(store, client, other, at=AT)
    check("two clients merged")
    same_scores(store, AS_OF)
    import_folder(store, FIXTURES / "small", replace=True)
    check("import --replace")
    backup_folder(store, tmp_path / "backup", "csv", at=AT)
    restored = open_store(empty_copy(tmp_path / "restored.duckdb"))
    restore_folder(restored, tmp_path / "backup")
    assert in_step(restored), "rollups lag after a restore"
    assert score_portfolio(restored, AS_OF).model_dump(mode="json") == score_portfolio(
        store, AS_OF
    ).model_dump(mode="json")
    restored.close()


def test_the_demo_written_again_leaves_the_rollups_in_step(store):
    generate_demo(store, clients=8, seed=3, as_of=AS_OF)
    generate_demo(store, clients=5, seed=4, as_of=AS_OF, replace=True)
    assert in_step(store)
    time_clients, _, _, message_clients, _, _ = store.row("rollup_summary")
    shown = len(list_clients(store))  # the second demo's clients, none of the first's
    assert time_clients == message_clients == shown


def test_a_refused_import_leaves_the_rollups_as_they_were(small, tmp_path: Path):
    store = small  # fixtures/small as imported
    before = store.row("rollup_summary")
    bad = tmp_path / "bad"
    bad.mkdir()
    for f in (FIXTURES / "small").iterdir():
        (bad / f.name).write_bytes(f.read_bytes())
    entries = bad / "time_entries.csv"
    entries.write_text(entries.read_text() + "northwind,2026-13-45,2,true,delivery,,\n")
    with pytest.raises(ImportFailed):
        import_folder(store, bad)
    assert store.row("rollup_summary") == before
    assert in_step(store)


def test_history_written_outside_a_transaction_is_refused(store):
    """A write path that forgot its transaction would leave the rollups behind: it fails loudly."""
    with pytest.raises(StoreError, match="outside a transaction"):
        store.run("wipe_time_entries")


def _two_clients(store: Store) -> tuple[str, str]:
    listed = list_clients(store)
    return listed[0].client_id, listed[1].client_id


def test_a_schema_6_portfolio_gains_its_rollups_and_is_told_of_the_upgrade(tmp_path: Path):
    """An existing portfolio is upgraded once, with a line on stderr (the rollups of a large one take
    seconds), and scores as a raw read does."""
    from click.testing import CliRunner

    from health_tui.cli import cli

    path = older_db(
        tmp_path / "v6.duckdb",
        6,
        """
        INSERT INTO client_rows (client_id, name, started_on, source)
            VALUES ('northwind', 'Northwind Outfitters', DATE '2025-07-01', 'folder');
        INSERT INTO time_entries (client_id, "date", hours, billable, activity, source, source_key)
            VALUES ('northwind', DATE '2025-07-02', 2.5, true, 'delivery', 'folder', 'northwind'),
                   ('northwind', DATE '2026-08-03', 1.25, false, 'revision', 'folder', 'northwind');
        INSERT INTO interactions (client_id, "at", channel, kind, sentiment, note, source, source_key)
            VALUES ('northwind', TIMESTAMP '2026-08-04 21:15', 'email', 'complaint', -0.5, 'late again',
                    'folder', 'northwind');
    """,
    )
    result = CliRunner().invoke(cli, ["score", "--db", str(path), "--as-of", "2026-09-30"])
    assert result.exit_code == 0, result.output
    assert f"upgrading {path} from schema 6 to {CURRENT_VERSION}, once" in result.stderr
    store = open_store(path)
    assert in_step(store)
    assert store.row("rollup_summary") == (1, 2, 3.75, 1, 1, 1)
    same_scores(store, AS_OF)
    store.close()


def test_a_schema_7_portfolio_counts_the_same_after_hours_demands(tmp_path: Path):
    """Schema 8 keeps the hours demands came in in one map instead of two: a file
    upgraded from 7 is in step, and its after-hours demands are counted as before, with weekends
    counted or not."""
    path = older_db(
        tmp_path / "v7.duckdb",
        7,
        """
        INSERT INTO client_rows (client_id, name, started_on, source)
            VALUES ('northwind', 'Northwind Outfitters', DATE '2025-07-01', 'folder');
        INSERT INTO interactions (client_id, "at", channel, kind, sentiment, note, source, source_key)
            VALUES ('northwind', TIMESTAMP '2026-08-04 21:15', 'email', 'complaint', -0.5, 'late again',
                    'folder', 'northwind'),
                   ('northwind', TIMESTAMP '2026-08-04 07:59', 'phone', 'urgent_request', NULL, NULL,
                    'folder', 'northwind'),
                   ('northwind', TIMESTAMP '2026-08-05 08:00', 'email', 'request', NULL, NULL,
                    'folder', 'northwind'),
                   ('northwind', TIMESTAMP '2026-08-05 19:59', 'email', 'request', NULL, NULL,
                    'folder', 'northwind'),
                   ('northwind', TIMESTAMP '2026-08-08 10:00', 'chat', 'scope_change', NULL, NULL,
                    'folder', 'northwind'),
                   ('northwind', TIMESTAMP '2026-08-09 22:00', 'chat', 'praise', 1, NULL,
                    'folder', 'northwind');
        INSERT INTO rollup_interactions
            SELECT * FROM interaction_quarters(DATE '0001-01-01', DATE '9999-12-30', CAST(NULL AS VARCHAR[]));
    """,
    )
    store = open_store(path)
    assert store.rows("schema_version_get") == [(CURRENT_VERSION,)]
    assert in_step(store)
    # 21:15 and 07:59 on a Tuesday, and 10:00 on Saturday 8 August; 08:00 and 19:59 are office
    # hours (8 to 20), and praise is not a demand
    (facts,) = load_facts(store, AS_OF, Settings())
    assert facts.after_hours_q0 == 3
    weekdays_only = Settings.model_validate({"friction": {"weekends_after_hours": False}})
    (facts,) = load_facts(store, AS_OF, weekdays_only)
    assert facts.after_hours_q0 == 2
    same_scores(store, AS_OF)
    store.close()


def test_a_schema_10_file_keys_its_aliases_again(tmp_path: Path) -> None:
    """Names compare with every space as a space and without invisible characters from schema
    11: an alias the owner gave with a no-break space is found by the plain spelling, two that
    now compare equal are one (the later), and one of invisible characters only goes."""
    path = older_db(
        tmp_path / "v10.duckdb",
        10,
        """
        INSERT INTO client_rows (client_id, name, started_on, source)
            VALUES ('bolt', 'Bolt & Co', DATE '2025-07-01', 'folder');
        INSERT INTO client_aliases (kind, alias_key, alias, client_id, created_at) VALUES
            ('name', name_key('Bolt\u00a0Company'), 'Bolt\u00a0Company', 'bolt', TIMESTAMP '2026-01-01'),
            ('name', name_key('Bolt Company'), 'Bolt Company', 'bolt', TIMESTAMP '2026-02-01'),
            ('name', name_key('B\u00adolt GmbH'), 'B\u00adolt GmbH', 'bolt', TIMESTAMP '2026-01-01'),
            ('name', name_key('\u200b'), '\u200b', 'bolt', TIMESTAMP '2026-01-01'),
            ('id', 'old-bolt', 'old-bolt', 'bolt', TIMESTAMP '2026-01-01');
    """,
    )
    store = open_store(path)
    assert store.con.execute(
        "SELECT kind, alias_key, alias FROM client_aliases ORDER BY ALL"
    ).fetchall() == [
        ("id", "old-bolt", "old-bolt"),
        ("name", "bolt company", "Bolt Company"),
        ("name", "bolt gmbh", "B\u00adolt GmbH"),
    ]
    found = store.rows("client_find", {"text": "bolt gmbh"})
    assert [row[0] for row in found] == ["bolt"]
