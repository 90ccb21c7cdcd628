"""Your data, kept whole: every row knows where it came from, an import replaces only what its own
source brought, one name is one client whatever the order of imports, the owner's facts survive
every import, money is never added across currencies, and a backup gives everything back.

Each story goes through the real import path with the checked-in fixtures."""

from __future__ import annotations

import csv
import json
from datetime import date, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from health_tui.cli import cli
from health_tui.clients import add_alias, find_client, list_clients, merge_clients, set_ignored
from health_tui.errors import ConfigError, ImportFailed
from health_tui.ingest import native
from health_tui.ingest.backup import backup_folder, restore_folder
from health_tui.ingest.connector import import_path
from health_tui.review.checklist import set_step
from health_tui.scoring.engine import score_portfolio
from health_tui.settings import Money, Settings
from health_tui.store import Store, open_store
from tests.conftest import copy_db, empty_copy, older_db, small_copy

ROOT = Path(__file__).resolve().parent.parent
SMALL = ROOT / "fixtures" / "small"
EXPORTS = ROOT / "fixtures" / "exports"
HARVEST = EXPORTS / "harvest_time.csv"
TOGGL = EXPORTS / "toggl_detailed.csv"
INVOICES = EXPORTS / "harvest_invoices.csv"
MONEY = Money(rates={"USD": 0.92})  # the invoice fixture bills one client in dollars
AS_OF = date(2026, 9, 30)
NOW = datetime(2026, 10, 5, 9, 30)


def load(store: Store, path: Path, **kwargs):
    kwargs.setdefault("money", MONEY)
    return import_path(store, path, **kwargs)


def one(store: Store, sql: str, params: list | None = None):
    return store.con.execute(sql, params or []).fetchone()


def rows_by_source(store: Store, client_id: str) -> dict[str, int]:
    found = store.con.execute(
        "SELECT source, count(*) FROM time_entries WHERE client_id = ? GROUP BY ALL", [client_id]
    ).fetchall()
    return dict(found)


def write(folder: Path, files: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / f"{name}.csv").write_text(text, encoding="utf-8")
    return folder


# --- an import replaces only what its own source brought -----------------------------------------


def test_a_folder_reimport_keeps_the_hours_an_export_brought(small: Store) -> None:
    load(small, HARVEST)  # matched by name: Northwind's Harvest hours land on `northwind`
    before = rows_by_source(small, "northwind")
    assert before["harvest-time"] == 3
    load(small, SMALL)  # the folder names northwind again
    assert rows_by_source(small, "northwind") == before


def test_a_folder_without_time_entries_leaves_export_hours_and_says_what_went(
    small: Store, tmp_path: Path
) -> None:
    load(small, HARVEST)
    folder = write(
        tmp_path / "partial",
        {
            "clients": "client_id,name,started_on\nnorthwind,Northwind Outfitters,2025-07-01\n",
            "feedback": "client_id,date,score,comment\nnorthwind,2026-09-20,9,Great\n",
        },
    )
    summary = load(small, folder)
    assert rows_by_source(small, "northwind") == {"harvest-time": 3}
    assert any(
        "no time_entries file: the 60 time entries an earlier folder brought" in w
        for w in summary.warnings
    )


def test_exports_then_the_folder_give_one_client_per_name(store: Store) -> None:
    load(store, HARVEST)
    load(store, TOGGL)
    load(store, INVOICES)
    summary = load(store, SMALL)
    doubles = store.con.execute(
        "SELECT name FROM clients GROUP BY name HAVING count(*) > 1"
    ).fetchall()
    assert doubles == []
    northwind = rows_by_source(store, "northwind")
    assert northwind == {"folder": 60, "harvest-time": 3, "toggl": 2}
    assert one(store, "SELECT count(*) FROM clients WHERE client_id LIKE 'northwind-%'") == (0,)
    text = summary.line()
    assert "Took over Northwind Outfitters" in text and "is now northwind" in text


def test_a_name_an_earlier_folder_gave_another_client_is_refused(
    small: Store, tmp_path: Path
) -> None:
    folder = write(
        tmp_path / "other",
        {"clients": "client_id,name,started_on\nnw2,NORTHWIND  outfitters,2025-07-01\n"},
    )
    with pytest.raises(ImportFailed) as info:
        load(small, folder)
    assert str(info.value.problems[0]) == (
        "clients.csv:2: name: 'NORTHWIND  outfitters' is already the name of client 'northwind', "
        "which an earlier folder brought; list that client_id, or rename one of them"
    )


# --- the owner's facts survive imports ----------------------------------------------------------


def test_a_closed_record_survives_reimporting_the_folder(small: Store) -> None:
    set_step(
        small,
        client_id="harbor",
        step="close",
        status="done",
        note=None,
        on=date(2026, 10, 5),
        at=NOW,
    )
    assert one(small, "SELECT ended_on FROM clients WHERE client_id = 'harbor'") == (
        date(2026, 10, 5),
    )
    load(small, SMALL)
    assert one(small, "SELECT ended_on FROM clients WHERE client_id = 'harbor'") == (
        date(2026, 10, 5),
    )
    # un-ticking restores what the import says (no end date)
    set_step(
        small,
        client_id="harbor",
        step="close",
        status="todo",
        note=None,
        on=date(2026, 10, 6),
        at=NOW,
    )
    assert one(small, "SELECT ended_on FROM clients WHERE client_id = 'harbor'") == (None,)


def test_the_agencys_own_client_is_kept_but_never_scored(small: Store) -> None:
    load(small, HARVEST)  # Harvest's "Our Studio": the agency's own admin time
    scored = {c.name for c in score_portfolio(small, AS_OF).clients}
    assert "Our Studio" in scored
    set_ignored(small, "our studio", True, at=NOW)
    assert "Our Studio" not in {c.name for c in score_portfolio(small, AS_OF).clients}
    assert [c.name for c in list_clients(small, include_ignored=True) if c.ignored] == [
        "Our Studio"
    ]
    load(small, HARVEST)  # a re-import does not bring it back
    assert "Our Studio" not in {c.name for c in score_portfolio(small, AS_OF).clients}
    set_ignored(small, "our-studio-ef6dc4", False, at=NOW)
    assert "Our Studio" in {c.name for c in score_portfolio(small, AS_OF).clients}


def test_a_merge_moves_everything_and_later_exports_follow_it(
    small: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    load(small, HARVEST)
    set_step(
        small, client_id="lumen", step="contract", status="done", note="read", on=AS_OF, at=NOW
    )
    merge_clients(small, "northwind", "Lumen Robotics", at=NOW)
    assert one(small, "SELECT count(*) FROM client_rows WHERE client_id = 'lumen'") == (0,)
    assert one(small, "SELECT count(*) FROM exit_steps WHERE client_id = 'northwind'") == (1,)
    assert find_client(small, "lumen robotics").client_id == "northwind"
    renamed = tmp_path / "t.csv"
    renamed.write_text(
        "Date,Client,Project,Task,Notes,Hours,Billable?,First Name,Last Name\n"
        "2026-09-01,Lumen  Robotics,R,Design,,2,Yes,A,B\n",
        encoding="utf-8",
    )
    summary = load(small, renamed)
    assert (summary.clients_new, summary.clients_matched) == (0, 1)
    before = one(small, "SELECT count(*) FROM time_entries WHERE client_id = 'northwind'")
    # the folder still lists `lumen`: its rows land on northwind, not a new client, in the one
    # pass a clean folder is written in (not the checked import that stages every file whole)
    monkeypatch.setattr(native, "_checked", None)
    load(small, SMALL)
    assert one(small, "SELECT count(*) FROM client_rows WHERE client_id = 'lumen'") == (0,)
    assert one(small, "SELECT count(*) FROM time_entries WHERE client_id = 'northwind'") == before


# --- money in one currency ----------------------------------------------------------------------


SEK_INVOICES = (
    "Status,Issue Date,Due Date,ID,Client,Invoice Amount,Paid Amount,Currency,Paid Date\n"
    "Paid,2026-08-01,2026-08-31,S-1,Northwind Outfitters,10000.00,10000.00,SEK,2026-08-20\n"
    "Paid,2026-09-01,2026-09-30,S-2,Northwind Outfitters,-2000.00,0,SEK,\n"
)


def test_an_invoice_in_another_currency_needs_a_rate(small: Store, tmp_path: Path) -> None:
    path = tmp_path / "sek.csv"
    path.write_text(SEK_INVOICES, encoding="utf-8")
    with pytest.raises(ImportFailed) as info:
        load(small, path, money=Money())
    message = str(info.value)
    assert "2 invoices in SEK" in message and "[money.rates]" in message and "SEK = " in message
    assert one(small, "SELECT count(*) FROM invoices WHERE currency = 'SEK'") == (0,)

    before = score_portfolio(small, AS_OF).by_id("northwind")
    rated = Settings(money=Money(rates={"SEK": 0.0877}))
    load(small, path, money=rated.money)
    after = score_portfolio(small, AS_OF, rated).by_id("northwind")
    assert before is not None and after is not None
    # 10,000 SEK less a 2,000 SEK credit note, at 0.0877: 701.60 EUR more, not 8,000 "EUR"
    assert after.revenue_12m == pytest.approx(before.revenue_12m + 701.60, abs=0.01)
    with pytest.raises(ConfigError, match="SEK"):  # the rate removed later: no guessing
        score_portfolio(small, AS_OF, Settings())


def test_a_credit_note_reduces_revenue_and_is_never_late(store: Store, tmp_path: Path) -> None:
    folder = write(
        tmp_path / "credit",
        {
            "clients": "client_id,name,started_on\nacme,Acme,2025-01-01\n",
            "invoices": (
                "invoice_id,client_id,issued_on,due_on,paid_on,amount,currency\n"
                "A-1,acme,2026-07-01,2026-07-31,2026-07-20,1000.00,EUR\n"
                "CN-1,acme,2026-08-01,2026-08-31,,-300.00,EUR\n"
            ),
        },
    )
    load(store, folder)
    acme = score_portfolio(store, AS_OF).by_id("acme")
    assert acme is not None
    assert acme.revenue_12m == 700.0
    assert acme.unpaid_overdue == 0.0 and acme.unpaid_overdue_count == 0
    assert acme.avg_days_late == 0.0


# --- nothing silent ------------------------------------------------------------------------------


def test_an_export_that_would_load_nothing_is_refused(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "empty_clients.csv"
    path.write_text(
        "User,Email,Client,Project,Task,Description,Billable,Start date,Start time,Duration\n"
        "Ana,a@x.example,,,,Hero,Yes,2026-07-01,09:00:00,01:00:00\n"  # no client, no project
        "Ana,a@x.example,,,,Copy,Yes,2026-07-02,09:00:00,02:00:00\n",
        encoding="utf-8",
    )
    with pytest.raises(ImportFailed) as info:
        load(store, path)
    text = str(info.value)
    assert "nothing to load: every time entry was left out" in text
    assert "left out 2 entries with no client or project" in text
    assert one(store, "SELECT count(*) FROM client_rows") == (0,)


# --- a backup that restores ---------------------------------------------------------------------


def test_a_merge_leaves_the_other_clients_status_behind(small: Store) -> None:
    """`clients merge castell lumen`, lumen marked not a client: castell, an at-risk client, was
    then not a client either and left every score; an end date moved the same way. The kept
    client keeps its own status, and the merge says what stayed behind. A second merge of the
    same two said they were "the same client"."""
    from health_tui.clients import set_fact

    set_ignored(small, "lumen", True, at=NOW)
    set_fact(small, "lumen", "ended_on", "2026-10-15", at=NOW)
    kept, gone, left, _ = merge_clients(small, "castell", "lumen", at=NOW)
    assert (kept.client_id, gone.client_id) == ("castell", "lumen")
    assert left == ["ended 2026-10-15", "marked not a client"]
    assert one(small, "SELECT ignored, ended_on FROM clients WHERE client_id = 'castell'") == (
        False,
        None,
    )
    scores = score_portfolio(small, AS_OF, Settings())
    assert scores.by_id("castell") is not None and scores.by_id("castell").active
    with pytest.raises(Exception, match="'lumen' was merged into Castell & Rowe Solicitors "):
        merge_clients(small, "castell", "lumen", at=NOW)
    # the kept client's own name in another case is the same client, not one merged before
    with pytest.raises(Exception, match=r"\(castell\) and .* are the same client"):
        merge_clients(small, "castell", "castell & rowe  solicitors", at=NOW)
    set_ignored(small, "harbor", True, at=NOW)
    path = small.path
    small.close()
    result = CliRunner().invoke(cli, ["clients", "merge", "meridian", "harbor", "--db", str(path)])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[-1] == (
        "Harbor Street Bakery was marked not a client: that stays behind, and Meridian Health "
        "Partners keeps its own status."
    )


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_a_backup_restores_to_the_same_report(tmp_path: Path, fmt: str) -> None:
    from health_tui.report import write_report
    from health_tui.review.decisions import record_decision

    first = open_store(small_copy(tmp_path / "first.duckdb"))  # fixtures/small, as loaded
    load(first, HARVEST)
    load(first, INVOICES)
    set_ignored(first, "our studio", True, at=NOW)
    record_decision(first, quarter="2026Q3", client_id="castell", decision="exit",
                    note='Says "no" to every scope — with a line\nbreak', at=NOW)  # fmt: skip
    set_step(first, client_id="castell", step="close", status="done", note="", on=AS_OF, at=NOW)
    backup_folder(first, tmp_path / "backup", fmt, at=NOW)  # type: ignore[arg-type]
    settings = Settings(money=MONEY)
    write_report(first, AS_OF, settings, tmp_path / "first.md", today=AS_OF)
    second = open_store(empty_copy(tmp_path / "second.duckdb"))
    restore_folder(second, tmp_path / "backup")
    write_report(second, AS_OF, settings, tmp_path / "second.md", today=AS_OF)
    for table in ("clients", "time_entries", "invoices", "interactions", "feedback",
                  "client_facts", "client_aliases", "review_decisions", "exit_steps"):  # fmt: skip
        query = f"SELECT * FROM {table} ORDER BY ALL"
        assert second.con.execute(query).fetchall() == first.con.execute(query).fetchall(), table
    assert (tmp_path / "second.md").read_text() == (tmp_path / "first.md").read_text()
    # the next decision gets an id of its own
    record_decision(
        second, quarter="2026Q3", client_id="harbor", decision="keep", note=None, at=NOW
    )
    first.close()
    second.close()


def test_restore_goes_only_into_an_empty_database(small: Store, tmp_path: Path) -> None:
    backup_folder(small, tmp_path / "b", "csv", at=NOW)
    # what it holds, counted as the owner knows it (it said "33 rows" of a file of 1,264)
    with pytest.raises(
        Exception, match=r"holds a portfolio \(8 clients\); restore into a new file"
    ):
        restore_folder(small, tmp_path / "b")
    with pytest.raises(ImportFailed, match="restore it with `health-tui restore`"):
        load(small, tmp_path / "b")


def test_restore_refuses_an_edited_backup(tmp_path: Path) -> None:
    first = open_store(small_copy(tmp_path / "first.duckdb"))  # fixtures/small, as loaded
    backup_folder(first, tmp_path / "b", "csv", at=NOW)
    first.close()
    lines = (tmp_path / "b" / "feedback.csv").read_text().splitlines()
    (tmp_path / "b" / "feedback.csv").write_text("\n".join(lines[:-1]) + "\n")
    second = open_store(empty_copy(tmp_path / "second.duckdb"))
    with pytest.raises(ImportFailed, match="28 rows, but the backup says 29"):
        restore_folder(second, tmp_path / "b")
    assert one(second, "SELECT count(*) FROM client_rows") == (0,)
    second.close()


def test_a_backup_from_an_older_health_tui_restores(tmp_path: Path) -> None:
    """A schema-4 backup (no journal notes yet, a column added since missing from a file) restores:
    what the older version had comes back, what it did not have stays empty."""
    first = open_store(small_copy(tmp_path / "first.duckdb"))  # fixtures/small, as loaded
    backup_folder(first, tmp_path / "b", "csv", at=NOW)
    first.close()
    manifest_path = tmp_path / "b" / "health-tui-backup.json"
    manifest = json.loads(manifest_path.read_text())
    manifest["schema_version"] = 4
    manifest["tables"].pop("client_notes", None)
    manifest_path.write_text(json.dumps(manifest))
    (tmp_path / "b" / "client_notes.csv").unlink(missing_ok=True)
    feedback = tmp_path / "b" / "feedback.csv"
    rows = list(csv.reader(feedback.open(newline="", encoding="utf-8")))
    drop = rows[0].index("source_key")
    with feedback.open("w", newline="", encoding="utf-8") as f:
        csv.writer(f, lineterminator="\n").writerows([r[:drop] + r[drop + 1 :] for r in rows])
    second = open_store(empty_copy(tmp_path / "second.duckdb"))
    counts = restore_folder(second, tmp_path / "b")
    assert counts["feedback"] == 29 and counts["client_notes"] == 0
    assert one(second, "SELECT count(*) FROM feedback WHERE source_key IS NULL") == (29,)
    second.close()


def test_a_backup_from_before_schema_11_keys_its_aliases_as_names_compare_now(
    tmp_path: Path,
) -> None:
    """Its name aliases carry the key their version gave: one with a no-break space was restored
    under a key no lookup makes now, and imports naming it found no client."""
    first = open_store(small_copy(tmp_path / "first.duckdb"))  # fixtures/small, as loaded
    add_alias(first, "northwind", "Northwind Outfitters Ltd", at=NOW)
    backup_folder(first, tmp_path / "b", "csv", at=NOW)
    first.close()
    aliases = tmp_path / "b" / "client_aliases.csv"
    rows = list(csv.reader(aliases.open(newline="", encoding="utf-8")))
    key, alias = rows[0].index("alias_key"), rows[0].index("alias")
    rows[1][alias] = "Northwind\u00a0Outfitters Ltd"
    rows[1][key] = "northwind\u00a0outfitters ltd"  # as schema 10's name_key left it
    with aliases.open("w", newline="", encoding="utf-8") as f:
        csv.writer(f, lineterminator="\n").writerows(rows)
    second = open_store(empty_copy(tmp_path / "second.duckdb"))
    restore_folder(second, tmp_path / "b")
    assert find_client(second, "Northwind Outfitters Ltd").client_id == "northwind"
    assert one(second, "SELECT alias_key FROM client_aliases WHERE kind = 'name'") == (
        "northwind outfitters ltd",
    )
    second.close()


def test_a_backup_too_old_or_with_a_stranger_column_is_refused(tmp_path: Path) -> None:
    first = open_store(small_copy(tmp_path / "first.duckdb"))  # fixtures/small, as loaded
    backup_folder(first, tmp_path / "b", "csv", at=NOW)
    first.close()
    feedback = tmp_path / "b" / "feedback.csv"
    text = feedback.read_text(encoding="utf-8")
    feedback.write_text(text.replace(",source_key", ",sauce_key", 1), encoding="utf-8")
    second = open_store(empty_copy(tmp_path / "second.duckdb"))
    with pytest.raises(ImportFailed, match=r"feedback\.csv:1: sauce_key: not a column of feedback"):
        restore_folder(second, tmp_path / "b")
    manifest_path = tmp_path / "b" / "health-tui-backup.json"
    manifest = json.loads(manifest_path.read_text())
    manifest["schema_version"] = 3
    manifest_path.write_text(json.dumps(manifest))
    with pytest.raises(ImportFailed, match="too old to restore"):
        restore_folder(second, tmp_path / "b")
    assert one(second, "SELECT count(*) FROM client_rows") == (0,)
    second.close()


# --- the command line ----------------------------------------------------------------------------


def test_the_clients_command_lists_sources_and_aliases(tmp_path: Path) -> None:
    db = str(small_copy(tmp_path / "p.duckdb"))  # fixtures/small, as `import` loads it
    runner = CliRunner()
    assert runner.invoke(cli, ["import", str(HARVEST), "--db", db]).exit_code == 0
    assert (
        runner.invoke(cli, ["clients", "alias", "northwind", "NW Outfitters", "--db", db]).exit_code
        == 0
    )
    result = runner.invoke(cli, ["clients", "--db", db])
    assert result.exit_code == 0
    line = next(ln for ln in result.output.splitlines() if ln.startswith("northwind"))
    assert "folder 89, harvest-time 3" in line and '"NW Outfitters"' in line
    ignored = runner.invoke(cli, ["clients", "ignore", "Our Studio", "--db", db])
    assert ignored.exit_code == 0 and "never scored" in ignored.output
    assert "Our Studio" not in runner.invoke(cli, ["clients", "--db", db]).output
    assert (
        "Our Studio (not a client)" in runner.invoke(cli, ["clients", "--all", "--db", db]).output
    )
    unknown = runner.invoke(cli, ["clients", "ignore", "Northwnd", "--db", db])
    assert unknown.exit_code == 2
    assert "Did you mean 'Northwind Outfitters' (northwind)?" in unknown.output


def test_an_import_with_an_unrated_currency_exits_2(tmp_path: Path) -> None:
    db = str(tmp_path / "p.duckdb")
    config = tmp_path / "settings.toml"
    config.write_text('[money]\ncurrency = "EUR"\n', encoding="utf-8")
    result = CliRunner().invoke(cli, ["import", str(INVOICES), "--db", db, "--config", str(config)])
    assert result.exit_code == 2
    assert "1 invoice in USD" in result.output and "USD = " in result.output


# --- order and repetition do not matter ---------------------------------------------------------

SOURCES = (SMALL, HARVEST, TOGGL, INVOICES)


def _state(store: Store) -> dict[str, list[tuple]]:
    tables = ("clients", "time_entries", "invoices", "interactions", "feedback")
    return {t: store.con.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall() for t in tables}


@pytest.fixture(scope="module")
def reference_tables(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[tuple]]:
    """The tables after each source is imported once, in the listed order: built once for all
    the examples that compare against it."""
    reference = open_store(empty_copy(tmp_path_factory.mktemp("reference") / "ref.duckdb"))
    try:
        for path in SOURCES:
            load(reference, path)
        return _state(reference)
    finally:
        reference.close()


@settings(
    max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(order=st.permutations(SOURCES), twice=st.lists(st.sampled_from(SOURCES), max_size=2))
def test_any_order_of_imports_or_twice_gives_the_same_tables(
    tmp_path_factory: pytest.TempPathFactory,
    reference_tables: dict[str, list[tuple]],
    order: list[Path],
    twice: list[Path],
) -> None:
    other = open_store(empty_copy(tmp_path_factory.mktemp("order") / "other.duckdb"))
    for path in [*order, *twice]:
        load(other, path)
    assert _state(other) == reference_tables
    other.close()


# --- an older database keeps every row ----------------------------------------------------------


def test_a_schema_3_database_keeps_every_row(tmp_path: Path) -> None:

    path = older_db(
        tmp_path / "v3.duckdb",
        3,
        """
        INSERT INTO clients VALUES
            ('northwind', 'Northwind Outfitters', DATE '2025-07-01', DATE '2026-10-05', NULL, 'retail', 30),
            ('acme-ltd-1a2b3c', 'Acme Ltd', DATE '2025-08-01', NULL, NULL, NULL, 30);
        INSERT INTO time_entries VALUES
            ('northwind', DATE '2025-07-02', 2.0, true, 'delivery', 'Ana', 'Hero', NULL),
            ('northwind', DATE '2025-07-03', 1.0, true, 'revision', 'Ana', 'Again', 'k1'),
            ('acme-ltd-1a2b3c', DATE '2025-08-02', 3.0, true, 'delivery', NULL, NULL, 'k2');
        INSERT INTO invoices VALUES
            ('I-1', 'northwind', DATE '2025-08-01', DATE '2025-08-31', NULL, 100.00, 'EUR', NULL),
            ('7', 'acme-ltd-1a2b3c', DATE '2025-09-01', DATE '2025-09-30', NULL, 50.00, 'EUR', 'k3');
        INSERT INTO interactions VALUES ('northwind', TIMESTAMP '2025-09-01 10:00', 'email', 'praise', 0.5, 'Nice');
        INSERT INTO feedback VALUES ('northwind', DATE '2025-09-30', 9, NULL);
        INSERT INTO exit_steps VALUES ('northwind', 'close', 'done', DATE '2026-10-05', NULL, TIMESTAMP '2026-10-05 09:00');
    """,
    )
    store = open_store(path)
    assert store.con.execute(
        "SELECT source, count(*) FROM time_entries GROUP BY ALL ORDER BY ALL"
    ).fetchall() == [("export", 2), ("folder", 1)]
    assert one(store, "SELECT count(*) FROM invoices") == (2,)
    assert one(store, "SELECT count(*) FROM interactions") + one(
        store, "SELECT count(*) FROM feedback"
    ) == (1, 1)
    assert store.con.execute(
        "SELECT client_id, source FROM client_rows ORDER BY ALL"
    ).fetchall() == [
        ("acme-ltd-1a2b3c", "folder"),  # its id is not the one an export derives from its name
        ("northwind", "folder"),
    ]
    # the end date the checklist set is now the owner's fact, not the import's
    assert one(store, "SELECT ended_on FROM client_rows WHERE client_id = 'northwind'") == (None,)
    assert one(store, "SELECT ended_on FROM clients WHERE client_id = 'northwind'") == (
        date(2026, 10, 5),
    )
    store.close()


# --- a crash while a client is re-pointed -------------------------------------------------------


@pytest.fixture(scope="module")
def big_export_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database holding one client an export made with 40,000 entries (built once: each kill
    timing takes over a copy of it)."""
    folder = tmp_path_factory.mktemp("big")
    export = folder / "big.csv"
    lines = ["Date,Client,Project,Task,Notes,Hours,Billable?,First Name,Last Name"]
    lines += [f"2026-{1 + i % 9:02d}-{1 + i % 28:02d},Northwind Outfitters,P,Design,n{i},1,Yes,A,B"
              for i in range(40_000)]  # fmt: skip
    export.write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = folder / "big.duckdb"
    store = open_store(empty_copy(db))
    load(store, export)
    store.close()
    return db


@pytest.mark.parametrize("delay", [0.0, 0.05, 0.2])
def test_a_kill_during_a_takeover_leaves_old_or_new_never_a_mix(
    big_export_template: Path, tmp_path: Path, delay: float
) -> None:
    """A folder takes over a client an export made with 40,000 entries; the process is killed
    once it starts writing: the client's rows are all under the export's id or all under the
    folder's, never split, and the database opens."""
    import os
    import signal
    import subprocess
    import sys
    import textwrap
    import time

    db = copy_db(big_export_template, tmp_path / "p.duckdb")
    script = textwrap.dedent(f"""
        from health_tui.ingest.connector import import_path
        from health_tui.store import open_store
        store = open_store({str(db)!r})
        import_path(store, {str(SMALL)!r}, progress=lambda m: print(m, flush=True))
        print("done", flush=True)
    """)
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.startswith("writing"):
            time.sleep(delay)
            os.kill(proc.pid, signal.SIGKILL)
            break
    proc.wait()
    store = open_store(db)
    where = dict(store.con.execute(
        "SELECT client_id, count(*) FROM time_entries WHERE source = 'harvest-time' GROUP BY ALL"
    ).fetchall())  # fmt: skip
    clients = {r[0] for r in store.con.execute("SELECT client_id FROM client_rows").fetchall()}
    store.close()
    assert list(where.values()) == [40_000], where  # all under one id
    (owner,) = where
    assert owner in clients
    if owner == "northwind":  # the takeover committed: the export's client is gone
        assert not any(c.startswith("northwind-outfitters-") for c in clients)
    else:  # nothing of the folder's transaction landed
        assert owner.startswith("northwind-outfitters-") and "northwind" not in clients


# --- re-importing does not leave the file twice its size ----------------------------------------


def test_a_rewrite_is_compacted_back_to_the_size_of_its_data(tmp_path: Path) -> None:
    """Replacing every row leaves the old ones' space free; the file is copied into a fresh one
    (every table, view, macro and sequence) that replaces it, so it is not twice its data."""
    from health_tui.demo import generate_demo
    from health_tui.review.decisions import record_decision
    from health_tui.store import compact

    db = tmp_path / "p.duckdb"
    with _opened(db) as store:
        generate_demo(store, clients=400, seed=5, as_of=AS_OF)
    first = db.stat().st_size
    assert first > compact.MIN_BYTES
    with _opened(db) as store:
        generate_demo(store, clients=400, seed=5, as_of=AS_OF)  # every row replaced
        record_decision(
            store, quarter="2026Q3", client_id="CL-0001", decision="keep", note=None, at=NOW
        )
        before = _state(store)
    assert db.stat().st_size > 1.5 * first
    sizes = compact.compact_if_sparse(db)
    assert sizes is not None and sizes[1] <= 1.1 * first
    with _opened(db) as store:
        assert _state(store) == before
        # the decision-id sequence came along: a new decision gets a new id
        record_decision(
            store, quarter="2026Q3", client_id="CL-0002", decision="keep", note=None, at=NOW
        )
        assert one(store, "SELECT count(DISTINCT decision_id) FROM review_decisions") == (2,)
        assert one(store, "SELECT name_key(' Café  X ')") == ("cafe x",)  # macros too
    assert oct(db.stat().st_mode & 0o777) == "0o600"
    assert compact.compact_if_sparse(db) is None  # nothing left to give back


def _opened(path: Path):
    from health_tui.store import opened_store

    return opened_store(path)


def test_a_backup_carries_the_settings_it_was_made_with(small_db: Path, tmp_path: Path) -> None:
    """A Lyon agency restored its backup on a new machine: scoring refused (the dollar invoices'
    rate lived in the settings file, not in the backup), and the end dates forgot the French
    holidays. The settings in force go beside the backup; a restore where there are none takes
    them, and where there are, says where the backup's are."""
    from click.testing import CliRunner

    from health_tui.cli import cli

    mine = tmp_path / "mine.toml"
    mine.write_text(
        '[money]\ncurrency = "EUR"\n[money.rates]\nUSD = 0.92\n[agency]\ncountry = "FR"\n'
    )
    out = CliRunner().invoke(
        cli,
        ["export", str(tmp_path / "b"), "--db", str(small_db)],
        env={"HEALTH_TUI_CONFIG": str(mine)},
    )
    assert out.exit_code == 0, out.output
    assert (
        f"The settings in force ({mine}) are beside it, in {tmp_path / 'b' / 'settings.toml'}."
    ) in out.output
    # the file as the owner wrote it: defaults a later health-tui brings still reach them
    assert (tmp_path / "b" / "settings.toml").read_text() == mine.read_text()
    named = CliRunner().invoke(
        cli, ["export", str(tmp_path / "c"), "--db", str(small_db), "--config", str(mine)]
    )
    assert named.exit_code == 0 and (tmp_path / "c" / "settings.toml").is_file(), named.output
    none = CliRunner().invoke(
        cli,
        ["export", str(tmp_path / "d"), "--db", str(small_db)],
        env={"HEALTH_TUI_CONFIG": None, "XDG_CONFIG_HOME": str(tmp_path / "nothing")},
    )
    assert none.exit_code == 0 and not (tmp_path / "d" / "settings.toml").exists()
    assert "No settings file" in none.output
    # a new machine: no settings file in its user config folder yet
    env = {"HEALTH_TUI_CONFIG": None, "XDG_CONFIG_HOME": str(tmp_path / "config")}
    new_machine = tmp_path / "config" / "health-tui" / "config.toml"
    back = CliRunner().invoke(
        cli, ["restore", str(tmp_path / "b"), "--db", str(tmp_path / "r.duckdb")], env=env
    )
    assert back.exit_code == 0, back.output
    assert (
        f"Took the backup's settings (currency, rates, rules) as yours: {new_machine}."
        in back.output
    )
    from health_tui.settings import load_settings

    taken, _ = load_settings(new_machine)
    assert (taken.money.rates, taken.agency.country) == ({"USD": 0.92}, "FR")
    again = CliRunner().invoke(
        cli, ["restore", str(tmp_path / "b"), "--db", str(tmp_path / "s.duckdb")], env=env
    )
    assert again.exit_code == 0, again.output
    assert (
        "yours, in " in again.output
        and new_machine.read_text() == (tmp_path / "b" / "settings.toml").read_text()
    )
