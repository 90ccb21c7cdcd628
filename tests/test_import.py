"""The native import: what lands in the tables, what the user is told when it refuses, and that a
refused or failed import leaves the database exactly as it was."""

from __future__ import annotations

import shutil
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner

from health_tui.cli import cli
from health_tui.errors import HealthTuiError, ImportFailed
from health_tui.ingest import native
from health_tui.ingest.export import export_import_format
from health_tui.ingest.models import ImportSummary, Problem
from health_tui.ingest.native import import_folder
from health_tui.ingest.staging import NOT_UTF8
from health_tui.settings import Money
from health_tui.store import Store, open_store
from tests.conftest import FIXTURES, acme_folder

ROOT = Path(__file__).resolve().parent.parent
SMALL = ROOT / "fixtures" / "small"
TABLES = ("clients", "time_entries", "invoices", "interactions", "feedback")
SMALL_COUNTS = {
    "clients": 8,
    "time_entries": 357,
    "invoices": 82,
    "interactions": 65,
    "feedback": 29,
}

# A minimal valid folder, small enough that every line number in a test is obvious.
MINI = {
    "clients": (
        "client_id,name,started_on,ended_on,referred_by,industry,notice_days\n"
        "acme,Acme Ltd,2025-07-01,,,retail,30\n"
        "bolt,Bolt & Co,2025-08-01,,acme,legal,\n"
    ),
    "time_entries": (
        "client_id,date,hours,billable,activity,person,note\n"
        "acme,2025-07-02,3.5,true,delivery,Ana,Homepage\n"
        "bolt,2025-08-03,1,no,meeting,Ben,Kickoff\n"
    ),
    "invoices": (
        "invoice_id,client_id,issued_on,due_on,paid_on,amount,currency\n"
        "A-1,acme,2025-08-01,2025-08-31,2025-08-20,420.00,eur\n"
        "B-1,bolt,2025-09-01,2025-10-01,,120,\n"
    ),
    "interactions": (
        "client_id,at,channel,kind,sentiment,note\n"
        "acme,2025-07-03 21:40,email,urgent_request,-0.5,Need it tonight\n"
        "bolt,2025-08-04,meeting,praise,,Great kickoff\n"
    ),
    "feedback": "client_id,date,score,comment\nacme,2025-09-30,8,Good\nbolt,2025-09-30,9,\n",
}


def write_folder(folder: Path, files: dict[str, str | bytes]) -> Path:
    """Write {table: text} as table.csv files (bytes are written as they are)."""
    folder.mkdir(parents=True, exist_ok=True)
    for table, text in files.items():
        path = folder / f"{table}.csv"
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
    return folder


def mini(tmp_path: Path, **changes: str | bytes | None) -> Path:
    """The minimal folder with some files replaced (None drops a file)."""
    files: dict[str, str | bytes] = dict(MINI)
    for table, text in changes.items():
        if text is None:
            files.pop(table)
        else:
            files[table] = text
    return write_folder(tmp_path / "mini", files)


def with_line(table: str, line: int, text: str) -> str:
    """MINI[table] with line number `line` (1 = header) replaced by `text`."""
    lines = MINI[table].splitlines()
    lines[line - 1] = text
    return "\n".join(lines) + "\n"


def snapshot(store: Store) -> dict[str, list[tuple]]:
    """Every row of the five history tables and the settings, in a stable order."""
    tables = (*TABLES, "app_settings")
    return {t: store.con.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall() for t in tables}


def refused(store: Store, folder: Path, **kwargs) -> ImportFailed:
    with pytest.raises(ImportFailed) as info:
        import_folder(store, folder, **kwargs)
    return info.value


def first_problem(store: Store, folder: Path, **kwargs) -> str:
    return str(refused(store, folder, **kwargs).problems[0])


# --- the happy path ---------------------------------------------------------------------------


def test_small_fixture_loads_every_row(store: Store, db_path: Path) -> None:
    summary = import_folder(store, SMALL)
    assert summary.counts == SMALL_COUNTS
    for table, n in SMALL_COUNTS.items():
        assert store.con.execute(f"SELECT count(*) FROM {table}").fetchone() == (n,)
    assert summary.warnings == []
    assert not summary.replaced and not summary.replaced_demo
    assert summary.line() == (
        "Loaded 8 clients, 357 time entries, 82 invoices, 65 interactions, 29 feedback scores "
        f"from {SMALL} into {db_path}."
    )
    assert store.setting("portfolio_kind") == "imported"


def test_values_are_stored_with_their_types(small: Store) -> None:
    con = small.con
    assert con.execute(
        "SELECT name, started_on, ended_on, referred_by, notice_days FROM clients "
        "WHERE client_id IN ('meridian', 'quarry', 'fernleaf') ORDER BY client_id"
    ).fetchall() == [
        ("Fernleaf Yoga Studio", date(2025, 9, 1), None, None, 30),  # empty notice_days -> 30
        ("Meridian Health Partners", date(2025, 8, 1), None, "harbor", 60),
        ("Quarry Lane Brewing", date(2025, 7, 1), date(2026, 1, 31), None, 30),
    ]
    assert con.execute(
        "SELECT paid_on, amount, currency FROM invoices WHERE client_id = 'lumen'"
    ).fetchall() == [(None, Decimal("2600.00"), "EUR")]
    assert con.execute(
        "SELECT \"at\", note FROM interactions WHERE channel = 'letter' AND kind = 'escalation'"
    ).fetchall() == [
        (datetime(2026, 7, 28, 10, 0), "Letter from their MD threatening to withhold payment")
    ]
    kinds = con.execute(
        "SELECT DISTINCT typeof(date), typeof(hours), typeof(billable) FROM time_entries"
    ).fetchall()
    assert kinds == [("DATE", "DOUBLE", "BOOLEAN")]
    assert con.execute("SELECT count(*) FROM time_entries WHERE NOT billable").fetchone()[0] > 0


def test_values_are_trimmed_and_leniently_read(store: Store, tmp_path: Path) -> None:
    folder = mini(
        tmp_path,
        clients=(
            " Client_ID , NAME ,started_on\n"  # header names: any case, spaces around
            "  acme  ,  Acme Ltd  , 2025-07-01 \n"
            "bolt,Bolt,2025-8-1\n"
        ),
        time_entries=(
            "client_id,date,hours,billable,activity\n"
            "acme,2025-07-02,1,YES,Delivery\n"
            "acme,2025-07-03,2,No,revision\n"
            "bolt,2025-08-03,.5,1,meeting\n"
            "bolt,2025-08-04,24,0,admin\n"
        ),
        invoices=None,
        interactions=(
            "client_id,at,channel,kind\n"
            "acme,2025-07-03,email,request\n"
            "acme,2025-07-04T21:40:05Z,SMS,Urgent_Request\n"
        ),
        feedback=None,
    )
    summary = import_folder(store, folder)
    assert summary.counts == {
        "clients": 2,
        "time_entries": 4,
        "invoices": 0,
        "interactions": 2,
        "feedback": 0,
    }
    assert store.con.execute(
        "SELECT client_id, name, started_on, notice_days FROM clients ORDER BY ALL"
    ).fetchall() == [
        ("acme", "Acme Ltd", date(2025, 7, 1), 30),
        ("bolt", "Bolt", date(2025, 8, 1), 30),
    ]
    assert store.con.execute(
        "SELECT hours, billable, activity FROM time_entries ORDER BY date"
    ).fetchall() == [
        (1.0, True, "delivery"),
        (2.0, False, "revision"),
        (0.5, True, "meeting"),
        (24.0, False, "admin"),
    ]
    assert store.con.execute(
        'SELECT "at", channel, kind FROM interactions ORDER BY "at"'
    ).fetchall() == [
        (datetime(2025, 7, 3, 0, 0), "email", "request"),  # a date alone is midnight
        (datetime(2025, 7, 4, 21, 40, 5), "sms", "urgent_request"),  # offset dropped, clock kept
    ]


def test_rows_dated_after_today_are_kept_and_said(store: Store, tmp_path: Path) -> None:
    """A year typed wrong went in silently, while `log` refuses a future date."""
    folder = tmp_path / "f"
    shutil.copytree(FIXTURES / "small", folder)
    with (folder / "time_entries.csv").open("a", encoding="utf-8") as f:
        f.write(
            "northwind,2099-05-01,2,true,delivery,Sam,\nnorthwind,2099-05-02,1,true,delivery,Sam,\n"
        )
    with (folder / "interactions.csv").open("a", encoding="utf-8") as f:
        f.write("northwind,2099-05-01 10:00,email,praise,0.5,Thanks\n")
    summary = import_folder(store, folder, today=date(2026, 12, 3))
    assert summary.counts["time_entries"] == 359  # kept: the owner may mean it
    assert summary.warnings == [
        "time_entries.csv: date: 2 time entries dated after today (2026-12-03), the latest "
        "2099-05-02: kept, but a score counts them only as of a later date. A typo in the year?",
        "interactions.csv: at: 1 interaction dated after today (2026-12-03), the latest "
        "2099-05-01: kept, but a score counts it only as of a later date. A typo in the year?",
    ]
    assert import_folder(store, FIXTURES / "small", today=date(2026, 12, 3)).warnings == []


def test_progress_names_each_stage(store: Store) -> None:
    messages: list[str] = []
    import_folder(store, SMALL, progress=messages.append)
    assert messages[0].startswith("reading clients.csv (")
    assert messages[1] == "checking clients (8 rows)…"
    assert messages[2] == "checking and writing time_entries.csv (23 KB)…"
    assert len(messages) == 6  # clients read and checked, then each other file in one pass


def test_progress_of_a_folder_with_a_problem_names_each_check(store: Store, tmp_path: Path) -> None:
    """A folder the one-pass import stops on is read again whole and every row checked."""
    entries = "client_id,date,hours,billable,activity\nacme,2025-07-02,30,true,delivery\n"
    messages: list[str] = []
    with pytest.raises(ImportFailed):
        import_folder(store, mini(tmp_path, time_entries=entries), progress=messages.append)
    assert "something needs a closer look: checking every file whole…" in messages
    assert "checking time_entries (1 row)…" in messages  # not "1 rows"


@pytest.fixture
def one_pass(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail the test if an import stages its files whole (the checked import) instead of writing
    them in one pass: a clean folder must import in flat memory whatever its size."""

    def staged(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("a clean folder was staged whole and checked row by row")

    monkeypatch.setattr(native, "_checked", staged)


@pytest.mark.usefixtures("one_pass")
def test_a_clean_folder_is_written_in_one_pass(store: Store, tmp_path: Path) -> None:
    assert import_folder(store, SMALL).counts == SMALL_COUNTS
    first = snapshot(store)
    assert import_folder(store, SMALL).counts == SMALL_COUNTS  # a re-import too
    assert snapshot(store) == first
    parquet = open_store(tmp_path / "parquet.duckdb")
    try:
        summary = import_folder(parquet, to_parquet(SMALL, tmp_path / "pq"))
        assert summary.counts == SMALL_COUNTS
        assert snapshot(parquet) == first
    finally:
        parquet.close()


@pytest.mark.parametrize(
    ("table", "line", "text", "problem"),
    [
        ("feedback", 3, "bolt,2025-09-30,12,", "feedback.csv:3: score: not a whole number"),
        ("feedback", 3, "zed,2025-09-30,8,", "feedback.csv:3: client_id: no client 'zed'"),
        ("invoices", 3, "A-1,bolt,2025-09-01,2025-10-01,,120,", "invoices.csv:3: invoice_id: dup"),
        ("interactions", 3, "bolt,2025-08-04,meeting", "interactions.csv:3: (row): fewer fields"),
    ],
)
def test_a_problem_in_a_later_file_undoes_what_the_one_pass_wrote(
    store: Store, tmp_path: Path, table: str, line: int, text: str, problem: str
) -> None:
    """time_entries.csv is clean and written first; a later file's problem leaves nothing of it."""
    import_folder(store, SMALL)
    before = snapshot(store)
    folder = mini(tmp_path, **{table: with_line(table, line, text)})
    assert first_problem(store, folder).startswith(problem)
    assert snapshot(store) == before


def test_a_folder_refused_for_its_rows_also_says_the_rates_it_lacks(
    store: Store, tmp_path: Path
) -> None:
    """A bad date and an invoice and a time entry in SEK (no rate in the settings): the refusal
    said the date, and the fixed folder was refused again for the rate. Both at once now, each
    currency on the line where it is first found (a lone SEK may be a typo: "1 invoice in SEK"
    gave no line to find it by); a code that is not three letters is a row's problem and no rate
    is asked for it."""
    invoices = (
        "invoice_id,client_id,issued_on,due_on,paid_on,amount,currency\n"
        "A-1,acme,2025-13-01,2025-08-31,,420.00,\n"
        "B-1,bolt,2025-09-01,2025-10-01,,120,SEK\n"
        "B-2,bolt,2025-09-01,2025-10-01,,120,EURO\n"
    )
    entries = (
        "client_id,date,hours,billable,activity,person,note,billable_amount,cost_amount,currency\n"
        "acme,2025-07-02,3.5,true,delivery,Ana,Homepage,350,,SEK\n"
    )
    with pytest.raises(ImportFailed) as info:
        import_folder(store, mini(tmp_path, invoices=invoices, time_entries=entries))
    assert [str(p) for p in info.value.problems] == [
        "time_entries.csv:2: currency: SEK has no rate to EUR in the settings (1 time entry with "
        "amounts in SEK)",
        "invoices.csv:2: issued_on: not a date: '2025-13-01'",
        "invoices.csv:3: currency: SEK has no rate to EUR in the settings (1 invoice in SEK)",
        "invoices.csv:4: currency: not a 3-letter currency code: 'EURO'",
    ]
    message = str(info.value)
    # both files in one message: one [money.rates] to paste, SEK in it once
    assert "If SEK is no typo, add how many EUR one unit is worth" in message
    assert message.count("  SEK = ?  # how many EUR one SEK is worth") == 1
    assert message.count("[money.rates]") == 1 and "EURO = ?" not in message
    assert message.endswith("Nothing was changed in " + str(store.path) + ".")


def test_a_lone_currency_with_no_rate_is_refused_on_its_line(store: Store, tmp_path: Path) -> None:
    """An owner's hunt: a freelancer in GBP typed EUR on one invoice of 83. The refusal said "1
    invoice in EUR ... add [money.rates] EUR" and no line: where the clean import wrote its rows
    in one pass, as where other rows had problems too. It is said on its line now, and the rate
    is offered for a currency that is no typo."""
    invoices = (
        "invoice_id,client_id,issued_on,due_on,paid_on,amount,currency\n"
        "A-1,acme,2025-07-01,2025-07-31,2025-07-30,420.00,GBP\n"
        "A-2,acme,2025-08-01,2025-08-31,2025-08-30,420.00,GBP\n"
        "A-3,acme,2025-09-01,2025-09-30,2025-09-29,420.00,EUR\n"
    )
    before = snapshot(store)
    with pytest.raises(ImportFailed) as info:
        import_folder(store, mini(tmp_path, invoices=invoices), money=Money(currency="GBP"))
    assert [str(p) for p in info.value.problems] == [
        "invoices.csv:4: currency: EUR has no rate to GBP in the settings (1 invoice in EUR)"
    ]
    assert "If EUR is no typo, add how many GBP one unit is worth" in str(info.value)
    assert snapshot(store) == before


def test_unknown_column_is_a_warning(store: Store, tmp_path: Path) -> None:
    entries = "client_id,date,hours,billable,activity,foo\nacme,2025-07-02,3,true,delivery,x\n"
    summary = import_folder(store, mini(tmp_path, time_entries=entries))
    assert summary.warnings == ["time_entries.csv: ignoring unknown column 'foo'"]
    assert summary.counts["time_entries"] == 1


# --- one test per rule: the exact spot the user is pointed at -------------------------------

RULES = [
    # (table, line, new text of that line, the first problem the user sees)
    (
        "clients",
        2,
        "acme,Acme Ltd,2024-13-01,,,retail,30",
        "clients.csv:2: started_on: not a date: '2024-13-01'",
    ),
    ("clients", 2, "acme,,2025-07-01,,,retail,30", "clients.csv:2: name: required"),
    ("clients", 2, "acme,Acme Ltd,,,,retail,30", "clients.csv:2: started_on: required"),
    ("clients", 2, " ,Acme Ltd,2025-07-01,,,retail,30", "clients.csv:2: client_id: required"),
    (
        "clients",
        3,
        "acme,Bolt & Co,2025-08-01,,,legal,",
        "clients.csv:3: client_id: duplicate id 'acme' (first on line 2)",
    ),
    (
        "clients",
        2,
        "acme,Acme Ltd,2025-07-01,2025-06-30,,retail,30",
        "clients.csv:2: ended_on: before started_on (2025-07-01)",
    ),
    (
        "clients",
        2,
        "acme,Acme Ltd,2025-07-01,someday,,retail,30",
        "clients.csv:2: ended_on: not a date: 'someday'",
    ),
    (
        "clients",
        3,
        "bolt,Bolt & Co,2025-08-01,,zeta,legal,",
        "clients.csv:3: referred_by: no client 'zeta' in clients.csv or in the database",
    ),
    (
        "clients",
        3,
        "bolt,Bolt & Co,2025-08-01,,bolt,legal,",
        "clients.csv:3: referred_by: a client cannot refer itself",
    ),
    (
        "clients",
        2,
        "acme,Acme Ltd,2025-07-01,,,retail,-5",
        "clients.csv:2: notice_days: not a whole number of days >= 0: '-5'",
    ),
    (
        "clients",
        2,
        "acme,Acme Ltd,2025-07-01,,,retail,7.5",
        "clients.csv:2: notice_days: not a whole number of days >= 0: '7.5'",
    ),
    (
        "time_entries",
        3,
        "zeta,2025-08-03,1,no,meeting,Ben,Kickoff",
        "time_entries.csv:3: client_id: no client 'zeta' in clients.csv",
    ),
    (
        "time_entries",
        2,
        "acme,2025-02-30,3.5,true,delivery,Ana,x",
        "time_entries.csv:2: date: no such day: '2025-02-30' (February 2025 has 28 days)",
    ),
    (
        "time_entries",
        2,
        "acme,2025-02-3O,3.5,true,delivery,Ana,x",  # a letter O: no date at all
        "time_entries.csv:2: date: not a date: '2025-02-3O'",
    ),
    (
        "time_entries",
        2,
        "acme,2025-07-02,0,true,delivery,Ana,x",
        "time_entries.csv:2: hours: must be more than 0 and at most 24: '0'",
    ),
    (
        "time_entries",
        2,
        "acme,2025-07-02,24.5,true,delivery,Ana,x",
        "time_entries.csv:2: hours: must be more than 0 and at most 24: '24.5'",
    ),
    (
        "time_entries",
        2,
        "acme,2025-07-02,nan,true,delivery,Ana,x",
        "time_entries.csv:2: hours: not a number: 'nan'",
    ),
    (
        "time_entries",
        2,
        "acme,2025-07-02,3,maybe,delivery,Ana,x",
        "time_entries.csv:2: billable: not true/false/yes/no/1/0: 'maybe'",
    ),
    # what a bare cast, or DuckDB reading the column typed, would take: 1970-01-01, 10 hours, true
    (
        "time_entries",
        2,
        "acme,epoch,3,true,delivery,Ana,x",
        "time_entries.csv:2: date: not a date: 'epoch'",
    ),
    (
        "time_entries",
        2,
        "acme,2025-07-02,1_0,true,delivery,Ana,x",
        "time_entries.csv:2: hours: not a number: '1_0'",
    ),
    (
        "time_entries",
        2,
        "acme,2025-07-02,3,t,delivery,Ana,x",
        "time_entries.csv:2: billable: not true/false/yes/no/1/0: 't'",
    ),
    (
        "time_entries",
        2,
        "acme,2025-07-02,3,true,coding,Ana,x",
        "time_entries.csv:2: activity: not one of delivery, revision, meeting, support, admin: "
        "'coding'",
    ),
    (
        "invoices",
        3,
        "A-1,bolt,2025-09-01,2025-10-01,,120,",
        "invoices.csv:3: invoice_id: duplicate id 'A-1' (first on line 2)",
    ),
    (
        "invoices",
        2,
        "A-1,acme,2025-08-01,2025-07-31,,420.00,EUR",
        "invoices.csv:2: due_on: before issued_on (2025-08-01)",
    ),
    (
        "invoices",
        2,
        "A-1,acme,2025-08-01,2025-08-31,paid,420.00,EUR",
        "invoices.csv:2: paid_on: not a date: 'paid'",
    ),
    (
        "invoices",
        2,
        "A-1,acme,2025-08-01,2025-08-31,,-1 EUR,EUR",
        "invoices.csv:2: amount: not an amount (like 1250.00, or -200.00 for a credit note): "
        "'-1 EUR'",
    ),
    (
        "invoices",
        2,
        'A-1,acme,2025-08-01,2025-08-31,,"1,200.00",EUR',
        "invoices.csv:2: amount: not an amount (like 1250.00, or -200.00 for a credit note): "
        "'1,200.00'",
    ),
    (
        "invoices",
        2,
        "A-1,acme,2025-08-01,2025-08-31,,420,EURO",
        "invoices.csv:2: currency: not a 3-letter currency code: 'EURO'",
    ),
    (
        "invoices",
        2,
        "A-1,nobody,2025-08-01,2025-08-31,,420,EUR",
        "invoices.csv:2: client_id: no client 'nobody' in clients.csv",
    ),
    (
        "interactions",
        2,
        "acme,yesterday 9pm,email,request,,",
        "interactions.csv:2: at: not a timestamp (like 2026-03-02 21:40): 'yesterday 9pm'",
    ),
    (
        "interactions",
        2,
        "acme,2025-07-03 10:00,fax,request,,",
        "interactions.csv:2: channel: not one of email, phone, meeting, chat, letter, sms, "
        "social: 'fax'",
    ),
    (
        "interactions",
        2,
        "acme,2025-07-03 10:00,email,gossip,,",
        "interactions.csv:2: kind: not one of request, urgent_request, revision_request, "
        "scope_change, complaint, escalation, praise, other: 'gossip'",
    ),
    (
        "interactions",
        2,
        "acme,2025-07-03 10:00,email,request,2,",
        "interactions.csv:2: sentiment: must be between -1 and 1: '2'",
    ),
    (
        "feedback",
        2,
        "acme,2025-09-30,11,Great",
        "feedback.csv:2: score: not a whole number from 0 to 10: '11'",
    ),
    (
        "feedback",
        2,
        "acme,2025-09-30,8.5,Great",
        "feedback.csv:2: score: not a whole number from 0 to 10: '8.5'",
    ),
    ("feedback", 2, "acme,,8,Great", "feedback.csv:2: date: required"),
]


@pytest.mark.parametrize(("table", "line", "text", "expected"), RULES)
def test_each_rule_points_at_the_spot(
    store: Store, tmp_path: Path, table: str, line: int, text: str, expected: str
) -> None:
    error = refused(store, mini(tmp_path, **{table: with_line(table, line, text)}))
    assert str(error.problems[0]) == expected
    assert expected in str(error).splitlines()


def test_referral_may_name_a_client_already_in_the_database(store: Store, tmp_path: Path) -> None:
    import_folder(store, mini(tmp_path))
    other = write_folder(
        tmp_path / "other",
        {"clients": "client_id,name,started_on,referred_by\ncedar,Cedar,2025-09-01,acme\n"},
    )
    import_folder(store, other)  # acme is in the database and stays there
    assert store.con.execute("SELECT referred_by FROM clients WHERE client_id = 'cedar'").fetchone()
    # ...but not when the import empties the database first
    assert first_problem(store, other, replace=True) == (
        "clients.csv:2: referred_by: no client 'acme' in clients.csv or in the database"
    )


def test_missing_required_column_is_reported_at_line_1(store: Store, tmp_path: Path) -> None:
    entries = "client_id,date,billable,activity\nacme,2025-07-02,true,delivery\n"
    assert first_problem(store, mini(tmp_path, time_entries=entries)) == (
        "time_entries.csv:1: hours: missing column"
    )


def test_repeated_column_in_header(store: Store, tmp_path: Path) -> None:
    feedback = "client_id,date,score,score\nacme,2025-09-30,8,9\n"
    assert first_problem(store, mini(tmp_path, feedback=feedback)) == (
        "feedback.csv:1: score: appears twice in the header"
    )


def test_wrong_type_values_are_all_listed(store: Store, tmp_path: Path) -> None:
    entries = (
        "client_id,date,hours,billable,activity\n"
        "acme,July 2nd,three,true,delivery\n"
        "acme,2025-07-03,3,true,delivery\n"
    )
    error = refused(store, mini(tmp_path, time_entries=entries))
    assert [str(p) for p in error.problems] == [
        "time_entries.csv:2: date: not a date: 'July 2nd'",
        "time_entries.csv:2: hours: not a number: 'three'",
    ]


def empty_rows(table: str) -> str:
    """MINI[table] with a row of empty fields (Excel's ',,,') after the header and two at the end,
    one of them of spaces."""
    header, *rows = MINI[table].splitlines()
    empty = "," * header.count(",")
    return "\n".join([header, empty, *rows, empty, empty.replace(",", " ,")]) + "\n"


def test_rows_of_empty_fields_are_no_rows(store: Store, tmp_path: Path) -> None:
    """A sheet saved from Excel ends in rows of commas where cells were once formatted: the
    folder was refused with 'client_id: required', 'name: required'... for each, where an export
    reads past them. Loaded as without them (by the checked import: a test for them in the one
    pass cost every import 5%)."""
    import_folder(store, mini(tmp_path / "plain"))
    expected = snapshot(store)
    fresh = open_store(None)
    summary = import_folder(fresh, mini(tmp_path / "rows", **{t: empty_rows(t) for t in MINI}))
    assert summary.counts == {
        "clients": 2, "time_entries": 2, "invoices": 2, "interactions": 2, "feedback": 2
    }  # fmt: skip
    assert snapshot(fresh) == expected
    # a problem is said on its line, the empty rows counted
    bad = {t: empty_rows(t) for t in MINI}
    bad["feedback"] = bad["feedback"].replace("acme,2025-09-30,8", "acme,2025-09-30,11")
    error = refused(open_store(None), mini(tmp_path / "bad", **bad))
    assert [str(p) for p in error.problems] == [
        "feedback.csv:3: score: not a whole number from 0 to 10: '11'"
    ]


def test_a_problem_after_a_value_over_several_lines_names_its_own_line(
    store: Store, tmp_path: Path
) -> None:
    """A note written over three lines in quotes, then a bad date two rows on: it was reported on
    line 4, the row's number, while it is on line 7 of the file (a blank line before it too)."""
    entries = (
        "client_id,date,hours,billable,activity,person,note\n"
        'acme,2025-07-02,1,true,delivery,Sam,"first\nsecond\nthird"\n'
        "acme,2025-07-03,1,true,delivery,Sam,\n"
        "\n"
        "acme,July 4th,1,true,delivery,Sam,\n"
    )
    error = refused(store, mini(tmp_path, time_entries=entries))
    assert [str(p) for p in error.problems] == ["time_entries.csv:7: date: not a date: 'July 4th'"]


@pytest.mark.parametrize("ending", ["\n", "\r\n", "\r"], ids=["LF", "CRLF", "CR"])
def test_a_line_that_cannot_be_read_after_a_value_over_several_lines_names_its_own_line(
    store: Store, tmp_path: Path, ending: str
) -> None:
    """A note over three lines in quotes, then a row with two fields too many: DuckDB counts the
    note's row as one line and said line 4, where the row is on line 6 (and line 8 after a blank
    line), with any line ending (an old Mac's bare CR was said on line 1)."""
    entries = ending.join(
        [
            "client_id,date,hours,billable,activity,person,note",
            'acme,2025-07-02,1,true,delivery,Sam,"first',
            "second",
            'third"',
            "acme,2025-07-03,1,true,delivery,Sam,",
            "acme,2025-07-04,1,true,delivery,Sam,,x,y",
            "",
            "acme,2025-07-05,1,true,delivery,Sam,,x",
            "",
        ]
    )
    before = snapshot(store)
    error = refused(store, mini(tmp_path, time_entries=entries.encode()))
    assert [str(p) for p in error.problems] == [
        "time_entries.csv:6: (row): more fields than the header has (9 instead of 7)",
        "time_entries.csv:8: (row): more fields than the header has (8 instead of 7)",
    ]
    assert snapshot(store) == before


def test_more_than_20_problems_shows_20_and_a_count(store: Store, tmp_path: Path) -> None:
    bad = "client_id,date,score\n" + "acme,2025-09-30,99\n" * 25
    error = refused(store, mini(tmp_path, feedback=bad))
    assert len(error.problems) == 25
    lines = str(error).splitlines()
    assert lines[0] == f"import of {tmp_path / 'mini'} refused, 25 problems:"
    assert lines[1] == "feedback.csv:2: score: not a whole number from 0 to 10: '99'"
    assert lines[20] == "feedback.csv:21: score: as above: '99'"  # the reason whole once
    assert lines[21] == "... and 5 more problems"
    assert lines[22].startswith("Nothing was changed in ")
    assert len(lines) == 23


def test_problems_are_ordered_by_file_then_line(store: Store, tmp_path: Path) -> None:
    error = refused(
        store,
        mini(
            tmp_path,
            feedback=with_line("feedback", 2, "acme,2025-09-30,11,x"),
            clients=with_line("clients", 3, "bolt,Bolt,2025-08-01,2025-01-01,,,"),
            time_entries=with_line("time_entries", 3, "bolt,2025-08-03,25,no,meeting,,"),
        ),
    )
    assert [f"{p.file}:{p.line}" for p in error.problems] == [
        "clients.csv:3",
        "time_entries.csv:3",
        "feedback.csv:2",
    ]


# --- files that cannot be read ------------------------------------------------------------------


def test_missing_folder(store: Store, tmp_path: Path) -> None:
    error = refused(store, tmp_path / "nope")
    assert str(error.problems[0]) == f"{tmp_path / 'nope'}:1: (folder): no such folder"
    assert str(error).splitlines()[-1] == f"Nothing was changed in {store.path}."


def test_not_a_folder(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "clients.csv"
    path.write_text(MINI["clients"])
    assert first_problem(store, path).startswith(f"{path}:1: (folder): not a folder")


def test_no_clients_file(store: Store, tmp_path: Path) -> None:
    assert first_problem(store, mini(tmp_path, clients=None)) == (
        "clients.csv:1: (file): the folder has no clients.csv or clients.parquet "
        "(it has feedback.csv, interactions.csv, invoices.csv, time_entries.csv)"
    )
    # a folder of a tool's exports: read one file at a time (the first-run note said "DIR")
    exports = tmp_path / "exports"
    exports.mkdir()
    (exports / "harvest_time.csv").write_text("Date,Client\n", encoding="utf-8")
    assert first_problem(store, exports).endswith(
        "Exports from Harvest, Toggl, Clockify, Xero, Stripe, Zendesk, Freshdesk, or a sheet with a mapping, "
        f"are imported one file at a time: `health-tui import {exports / 'harvest_time.csv'}`"
    )


def test_clients_file_without_rows(store: Store, tmp_path: Path) -> None:
    clients = "client_id,name,started_on\n"
    folder = mini(tmp_path, clients=clients, **dict.fromkeys(TABLES[1:]))
    assert first_problem(store, folder) == "clients.csv:1: (file): no clients"


def test_csv_and_parquet_for_one_table(store: Store, tmp_path: Path) -> None:
    folder = mini(tmp_path)
    (folder / "feedback.parquet").write_bytes(b"PAR1")
    assert first_problem(store, folder) == (
        "feedback.csv:1: (file): feedback.csv and feedback.parquet are both here; keep one"
    )


MALFORMED = [
    ("", "clients.csv:1: (file): the file is empty"),
    ("\n\n", "clients.csv:1: (file): the first line must be the header (column names)"),
    (
        "client_id,name,started_on\nacme,Acme,2025-07-01\nbolt,Bolt,2025-08-01,extra\n",
        "clients.csv:3: (row): more fields than the header has (4 instead of 3)",
    ),
    (
        "client_id,name,started_on\nacme,Acme,2025-07-01\nbolt,Bolt\n",
        "clients.csv:3: (row): fewer fields than the header has (2 instead of 3)",
    ),
    (
        'client_id,name,started_on\nacme,Acme,2025-07-01\nbolt,"Bolt,2025-08-01\n',
        "clients.csv:3: name: bad quoting: a quoted value must end with a quote, "
        "and a quote inside it must be doubled",
    ),
    (
        b"client_id,name,started_on\nacme,Acme,2025-07-01\nbolt,B\xf6lt,2025-08-01\n",
        "clients.csv:3: name: " + NOT_UTF8,
    ),
    (
        b"client_id,n\xe4me,started_on\nacme,Acme,2025-07-01\n",
        "clients.csv:1: (file): " + NOT_UTF8,
    ),
    (
        'client_id,"name,started_on\nacme,Acme,2025-07-01\n',
        "clients.csv:1: (file): cannot read the header: unexpected end of data",
    ),
    ("name,started_on\nAcme,2025-07-01\n", "clients.csv:1: client_id: missing column"),
    (  # the header is one column: another character separates them (its own test below)
        "name;started_on\nAcme;2025-07-01\n",
        "clients.csv:1: (file): the columns are separated by semicolons, but the import format "
        'separates them with commas and writes decimals with a point (README, "Import format"); '
        "a spreadsheet saved with semicolons can be imported file by file through a mapping "
        "(`health-tui import SHEET.csv --mapping MAP.toml`, which reads either)",
    ),
]


@pytest.mark.parametrize(("text", "expected"), MALFORMED)
def test_malformed_csv_is_a_problem_not_a_traceback(
    store: Store, tmp_path: Path, text: str | bytes, expected: str
) -> None:
    folder = mini(tmp_path, clients=text, **dict.fromkeys(TABLES[1:]))
    assert first_problem(store, folder) == expected


def test_a_file_that_cannot_be_read_is_listed_with_the_other_files_faults(
    store: Store, tmp_path: Path
) -> None:
    """A time entry line with five fields too many and a bad invoice date: the refusal listed the
    line (five times, once per extra field: 8, 9, ... 12 instead of 7) and, once it was fixed, the
    folder was refused again for the date. One line each, in one refusal; nothing changed."""
    entries = (
        MINI["time_entries"] + "acme,2025-07-04,2,true,delivery,Ana,x,one,two,three,four,five\n"
    )
    invoices = MINI["invoices"].replace("2025-09-01,2025-10-01", "2025-13-01,2025-10-01")
    before = snapshot(store)
    error = refused(store, mini(tmp_path, time_entries=entries, invoices=invoices))
    assert [str(p) for p in error.problems] == [
        "time_entries.csv:4: (row): more fields than the header has (12 instead of 7)",
        "invoices.csv:3: issued_on: not a date: '2025-13-01'",
    ]
    assert snapshot(store) == before


def test_each_line_that_cannot_be_read_is_one_problem_with_its_own_count(
    store: Store, tmp_path: Path
) -> None:
    """A clients line with bad quoting was listed twice (the file is read by the one pass, then
    again by the checked import, and DuckDB keeps both scans' rejects); a line with empty fields
    too many was counted short ("8 instead of 7" for ten fields), and quoted commas are no fields."""
    clients = MINI["clients"].replace("bolt,Bolt & Co", 'bolt,"Bolt" & Co')
    error = refused(store, mini(tmp_path / "a", clients=clients))
    assert [str(p) for p in error.problems] == [
        "clients.csv:3: name: bad quoting: a quoted value must end with a quote, and a quote "
        "inside it must be doubled"
    ]
    entries = MINI["time_entries"] + (
        "acme,2025-07-04,2,true,delivery,Ana,x,,,y\n"
        'acme,2025-07-04,2,true,delivery,Ana,"a, b",,,"c,d",e\n'
    )
    error = refused(store, mini(tmp_path / "b", time_entries=entries))
    assert [str(p) for p in error.problems] == [
        "time_entries.csv:4: (row): more fields than the header has (10 instead of 7)",
        "time_entries.csv:5: (row): more fields than the header has (11 instead of 7)",
    ]


def test_a_file_separated_by_semicolons_says_so_once(store: Store, tmp_path: Path) -> None:
    """A folder saved from a spreadsheet in a language that writes decimal commas: every column of
    every file was "missing column" (eight lines for two files), which said nothing of why."""
    clients = MINI["clients"].replace(",", ";")
    entries = "sep=;\n" + MINI["time_entries"].replace(",", ";")
    feedback = MINI["feedback"].replace(",", "\t")
    error = refused(store, mini(tmp_path, clients=clients, time_entries=entries, feedback=feedback))
    said = "the columns are separated by {}, but the import format separates them with commas"
    assert [
        (p.file, p.line, p.column, p.reason.split(" and writes")[0]) for p in error.problems
    ] == [
        ("clients.csv", 1, "(file)", said.format("semicolons")),
        ("time_entries.csv", 1, "(file)", said.format("semicolons")),
        ("feedback.csv", 1, "(file)", said.format("tabs")),
    ]
    assert "--mapping MAP.toml" in error.problems[0].reason


def test_excels_comma_separator_line_is_read_past(store: Store, tmp_path: Path) -> None:
    """A file that begins with Excel's `sep=,` (commas all the same) read that line as its header:
    every column of the file "missing". It is read past, as a mapped sheet's is: the same rows
    as without it (also when the line ends in CRLF and the rest in LF, which DuckDB alone reads
    as no row), and each problem on the line it is on in the file."""
    from health_tui.store import open_store

    plain = open_store(tmp_path / "plain.duckdb")
    import_folder(plain, mini(tmp_path / "plain"))
    sep = {t: "sep=,\r\n" + text for t, text in MINI.items()}
    import_folder(store, mini(tmp_path / "sep", **sep))
    assert snapshot(store) == snapshot(plain)
    plain.close()
    # a bad value and a malformed line, each one line further down than without the sep= line
    bad = {
        "time_entries": "sep=,\n"
        + with_line("time_entries", 3, "bolt,2025-08-33,1,no,meeting,Ben,x"),
        "invoices": "sep=,\n" + MINI["invoices"] + "C-1,acme,2025-10-01,,,5,eur,extra\n",
    }
    error = refused(store, mini(tmp_path / "bad", **bad), replace=True)
    assert [str(p) for p in error.problems] == [
        "time_entries.csv:4: date: not a date: '2025-08-33'",
        "invoices.csv:5: (row): more fields than the header has (8 instead of 7)",
    ]


def test_not_a_parquet_file(store: Store, tmp_path: Path) -> None:
    folder = mini(tmp_path, feedback=None)
    (folder / "feedback.parquet").write_bytes(b"this is not parquet")
    assert first_problem(store, folder).startswith(
        "feedback.parquet:1: (file): not a readable Parquet file: "
    )


# --- all or nothing -----------------------------------------------------------------------------


def test_a_refused_import_changes_nothing(small: Store, tmp_path: Path) -> None:
    before = snapshot(small)
    folder = tmp_path / "edited"
    shutil.copytree(SMALL, folder)
    # a valid-looking change to every table, then one bad value in the last file
    for table in TABLES:
        path = folder / f"{table}.csv"
        path.write_text(path.read_text().replace("northwind", "northwind2"))
    feedback = folder / "feedback.csv"
    feedback.write_text(feedback.read_text() + "meridian,2026-09-30,eleven,\n")
    error = refused(small, folder, replace=True)
    assert str(error.problems[0]) == (
        "feedback.csv:31: score: not a whole number from 0 to 10: 'eleven'"
    )
    assert snapshot(small) == before


def test_a_failure_while_writing_rolls_everything_back(
    small: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = snapshot(small)

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(small, "set_setting", broken)  # the last step inside the transaction
    with pytest.raises(RuntimeError, match="disk full"):
        import_folder(small, mini(tmp_path), replace=True)
    assert snapshot(small) == before


# --- idempotency and the replace rules -------------------------------------------------------


def test_reimporting_the_same_folder_gives_identical_tables(small: Store) -> None:
    once = snapshot(small)
    import_folder(small, SMALL)
    assert snapshot(small) == once


def test_a_folder_is_the_full_history_of_the_clients_it_names(small: Store, tmp_path: Path) -> None:
    before = snapshot(small)
    update = write_folder(
        tmp_path / "update",
        {
            "clients": "client_id,name,started_on\nnorthwind,Northwind Group,2025-07-01\n",
            "time_entries": "client_id,date,hours,billable,activity\n"
            "northwind,2026-09-30,2,true,delivery\n",
        },
    )
    summary = import_folder(small, update)
    assert summary.counts["clients"] == 1
    after = snapshot(small)
    for table in TABLES:
        others = [r for r in before[table] if "northwind" not in r]
        assert [r for r in after[table] if "northwind" not in r] == others  # untouched
    assert small.con.execute(
        "SELECT name FROM clients WHERE client_id = 'northwind'"
    ).fetchall() == [("Northwind Group",)]
    assert small.con.execute(
        "SELECT count(*) FROM time_entries WHERE client_id = 'northwind'"
    ).fetchone() == (1,)
    for table in ("invoices", "interactions", "feedback"):  # not in the folder: now none
        n = small.con.execute(f"SELECT count(*) FROM {table} WHERE client_id = 'northwind'")
        assert n.fetchone() == (0,)


def test_replace_empties_what_imports_brought_first(small: Store, tmp_path: Path) -> None:
    summary = import_folder(small, mini(tmp_path), replace=True)
    assert summary.replaced and not summary.replaced_demo
    assert small.con.execute("SELECT client_id FROM clients ORDER BY 1").fetchall() == [
        ("acme",),
        ("bolt",),
    ]
    assert small.con.execute("SELECT count(*) FROM time_entries").fetchone() == (2,)
    assert summary.line().endswith(  # it said "replaced" and no count
        "It first removed everything earlier imports had brought (8 clients, 357 time entries, "
        "82 invoices, 65 interactions, 29 feedback scores); what you recorded in the app was kept."
    )


def test_replace_says_which_clients_stayed_for_what_the_owner_recorded(
    small: Store, tmp_path: Path
) -> None:
    """A note kept on Northwind keeps its client through --replace: the summary said "removed 7
    clients" beside "Loaded 2 clients", and nothing of the one left standing."""
    from datetime import datetime

    from health_tui import record

    note = record.build_entry(
        record.NoteEntry, client_id="northwind", noted_at=datetime(2026, 10, 1), text="renewal"
    )
    record.log_entry(small, note)
    summary = import_folder(small, mini(tmp_path), replace=True)
    assert summary.line().endswith(
        "It first removed everything earlier imports had brought (7 clients, 357 time entries, "
        "82 invoices, 65 interactions, 29 feedback scores); what you recorded in the app was "
        "kept, with the 1 client it is about."
    ), summary.line()


def test_importing_over_the_demo_replaces_it(store: Store, tmp_path: Path) -> None:
    import_folder(store, SMALL)  # stands in for the demo's rows
    store.set_setting("portfolio_kind", "demo")
    summary = import_folder(store, mini(tmp_path))
    assert summary.replaced_demo
    assert summary.line().endswith("The demo portfolio was replaced.")
    assert store.con.execute("SELECT count(*) FROM clients").fetchone() == (2,)
    for table in TABLES[1:]:
        names = store.con.execute(f"SELECT DISTINCT client_id FROM {table} ORDER BY 1")
        assert {r[0] for r in names.fetchall()} <= {"acme", "bolt"}
    assert store.setting("portfolio_kind") == "imported"


# --- Parquet and export -------------------------------------------------------------------------


def to_parquet(source: Path, target: Path) -> Path:
    """The CSV fixture as typed Parquet files, converted by DuckDB."""
    target.mkdir()
    con = duckdb.connect()
    for csv_file in source.glob("*.csv"):
        out = target / f"{csv_file.stem}.parquet"
        con.execute(
            "COPY (SELECT * FROM read_csv(?, header = true)) TO ? (FORMAT parquet)",
            [str(csv_file), str(out)],
        )
    con.close()
    return target


def test_parquet_gives_the_same_tables_as_csv(tmp_path: Path) -> None:
    from_csv = open_store(tmp_path / "csv.duckdb")
    from_parquet = open_store(tmp_path / "parquet.duckdb")
    try:
        import_folder(from_csv, SMALL)
        summary = import_folder(from_parquet, to_parquet(SMALL, tmp_path / "pq"))
        assert summary.counts == SMALL_COUNTS
        assert snapshot(from_parquet) == snapshot(from_csv)
    finally:
        from_csv.close()
        from_parquet.close()


def test_parquet_problems_use_row_numbers(store: Store, tmp_path: Path) -> None:
    folder = to_parquet(
        mini(tmp_path, feedback=with_line("feedback", 3, "bolt,2025-09-30,12,")), tmp_path / "pq"
    )
    assert first_problem(store, folder) == (
        "feedback.parquet:2: score: not a whole number from 0 to 10: '12'"
    )


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_export_round_trips(tmp_path: Path, fmt: str) -> None:
    first = open_store(tmp_path / "first.duckdb")
    second = open_store(tmp_path / "second.duckdb")
    try:
        import_folder(first, SMALL)
        counts = export_import_format(first, tmp_path / "out", fmt)  # type: ignore[arg-type]
        assert counts == SMALL_COUNTS
        assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(
            f"{t}.{fmt}" for t in TABLES
        )
        import_folder(second, tmp_path / "out")
        assert snapshot(second) == snapshot(first)
    finally:
        first.close()
        second.close()


def test_export_csv_has_the_import_header(small: Store, tmp_path: Path) -> None:
    export_import_format(small, tmp_path / "out")
    header = (tmp_path / "out" / "clients.csv").read_text().splitlines()[0]
    assert header == "client_id,name,started_on,ended_on,referred_by,industry,notice_days,domain"


def test_an_export_in_the_import_format_says_who_it_cannot_mark_not_a_client(
    small_db: Path, tmp_path: Path
) -> None:
    """The import format has no word for "not a client": the agency's own admin time, exported and
    imported into a new book, came back as an active client scored with the rest, nothing said."""
    from health_tui.clients import set_ignored

    store = open_store(small_db)
    set_ignored(store, "harbor", True, at=datetime(2026, 10, 1, 9, 0))
    store.close()
    out = CliRunner().invoke(
        cli, ["export", str(tmp_path / "out"), "--import-format", "--db", str(small_db)]
    )
    assert out.exit_code == 0, out.output
    assert out.stderr == (
        '1 client marked "not a client" here is in clients.csv as any other (the import format '
        "cannot say so): 'Harbor Street Bakery' (harbor). After importing the folder, mark it "
        "again: "
        "`health-tui clients ignore harbor`.\n"
    )
    plain = CliRunner().invoke(cli, ["export", str(tmp_path / "b"), "--db", str(small_db)])
    assert plain.exit_code == 0 and plain.stderr == ""  # a backup keeps the mark


def test_an_export_in_the_import_format_says_which_payment_days_no_export_gave(
    small_db: Path, tmp_path: Path
) -> None:
    """An invoice list without payment dates: how late each was paid is not known; the import
    format writes a paid_on all the same, which a new book would read as the day it was paid."""
    store = open_store(small_db)
    store.con.execute(
        "UPDATE invoices SET paid_on_assumed = true WHERE invoice_id = 'INV-2025-1002'"
    )
    store.close()
    out = CliRunner().invoke(
        cli, ["export", str(tmp_path / "out"), "--import-format", "--db", str(small_db)]
    )
    assert out.exit_code == 0, out.output
    assert out.stderr == (
        "1 invoice paid on a day its export did not give is in invoices.csv with the day counted "
        "as paid from (the import format cannot say it was not given): imported from this "
        "folder, how late each was paid reads as known. A backup (export without "
        "--import-format) keeps it.\n"
    )
    plain = CliRunner().invoke(cli, ["export", str(tmp_path / "b"), "--db", str(small_db)])
    assert plain.exit_code == 0 and plain.stderr == ""


def test_an_export_writes_over_nothing_it_did_not_write(small: Store, tmp_path: Path) -> None:
    """`export` once replaced a clients.csv of the owner's own, and the import format written into
    a backup's folder broke the backup (its restore then failed)."""
    from health_tui.ingest.backup import backup_folder, restore_folder

    mine = tmp_path / "mydata"
    mine.mkdir()
    (mine / "clients.csv").write_text("client_id,name,started_on\nmine,Mine,2025-01-01\n")
    for write in (
        lambda: export_import_format(small, mine),
        lambda: backup_folder(small, mine, "csv", at=datetime(2026, 10, 1)),
    ):
        with pytest.raises(HealthTuiError, match=r"clients\.csv is already there; .* --force"):
            write()
    assert (mine / "clients.csv").read_text().endswith("mine,Mine,2025-01-01\n")
    shouting = tmp_path / "Shouting"  # beside Clients.csv a clients.csv makes a folder unreadable
    shouting.mkdir()
    (shouting / "Clients.csv").write_text("client_id,name,started_on\n")
    with pytest.raises(HealthTuiError, match=r"Clients\.csv is already there"):
        export_import_format(small, shouting)
    assert export_import_format(small, mine, force=True) == SMALL_COUNTS

    backup = tmp_path / "backup"
    backup_folder(small, backup, "csv", at=datetime(2026, 10, 1))
    backup_folder(small, backup, "csv", at=datetime(2026, 10, 2))  # a backup refreshed: fine
    other = open_store(tmp_path / "other.duckdb")
    try:  # another database's backup is not refreshed by mistake
        with pytest.raises(HealthTuiError, match=r"holds the backup of another database \("):
            backup_folder(other, backup, "csv", at=datetime(2026, 10, 3))
    finally:
        other.close()
    with pytest.raises(HealthTuiError, match=r"holds a backup .* export into another folder"):
        export_import_format(small, backup, force=True)
    restored = open_store(tmp_path / "restored.duckdb")
    try:
        assert sum(restore_folder(restored, backup).values()) > 0
    finally:
        restored.close()


# --- models and the command line --------------------------------------------------------------


def test_problem_and_summary_text() -> None:
    problem = Problem(file="clients.csv", line=7, column="started_on", reason="not a date: 'x'")
    assert str(problem) == "clients.csv:7: started_on: not a date: 'x'"
    summary = ImportSummary(
        counts={"clients": 1, "time_entries": 8112, "invoices": 431},
        folder="./mydata",
        database="/path/db.duckdb",
    )
    assert summary.line() == (
        "Loaded 1 client, 8,112 time entries, 431 invoices, 0 interactions, 0 feedback scores "
        "from ./mydata into /path/db.duckdb."
    )


def test_cli_import_prints_the_summary(tmp_path: Path) -> None:
    db = tmp_path / "cli.duckdb"
    result = CliRunner().invoke(cli, ["import", str(SMALL), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == (
        "Loaded 8 clients, 357 time entries, 82 invoices, 65 interactions, 29 feedback scores "
        f"from {SMALL} into {db}."
    )
    assert "health-tui: reading clients.csv (" in result.stderr


def test_cli_import_refusal_exits_2_with_the_problems(tmp_path: Path) -> None:
    db = tmp_path / "cli.duckdb"
    folder = mini(tmp_path, clients=with_line("clients", 2, "acme,Acme Ltd,2024-13-01,,,,"))
    result = CliRunner().invoke(cli, ["import", str(folder), "--db", str(db)])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert f"health-tui: import of {folder} refused, 1 problem:\n" in result.stderr
    assert "clients.csv:2: started_on: not a date: '2024-13-01'\n" in result.stderr
    assert result.stderr.endswith(f"No database was made: {db} does not exist, as before.\n")
    assert not db.exists()
    assert "Traceback" not in result.output
    open_store(db).close()  # an existing database refused: nothing changed in it, as it says
    result = CliRunner().invoke(cli, ["import", str(folder), "--db", str(db)])
    assert result.stderr.endswith(f"Nothing was changed in {db}.\n")
    # the same database named from the home folder, in quotes (the shell leaves '~' to us)
    home = CliRunner(env={"HOME": str(tmp_path)})
    result = home.invoke(cli, ["import", str(folder), "--db", "~/cli.duckdb"])
    assert result.stderr.endswith(f"Nothing was changed in {db}.\n")
    # a refusal whose sentence ends its line, into a new file
    new = tmp_path / "new.duckdb"
    export = FIXTURES / "exports" / "harvest_invoices.csv"
    result = CliRunner().invoke(
        cli, ["import", str(export), "--db", str(new), "--client-from", "project"]
    )
    assert result.exit_code == 2 and not new.exists()
    assert result.stderr.endswith(f"No database was made: {new} does not exist, as before.\n")


def test_cli_import_warns_on_unknown_columns(tmp_path: Path) -> None:
    folder = mini(tmp_path, feedback="client_id,date,score,mood\nacme,2025-09-30,8,ok\n")
    result = CliRunner().invoke(cli, ["import", str(folder), "--db", str(tmp_path / "w.duckdb")])
    assert result.exit_code == 0
    assert "health-tui: warning: feedback.csv: ignoring unknown column 'mood'" in result.stderr


def test_cli_missing_path_creates_no_database(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from health_tui.cli import cli

    db = tmp_path / "never.duckdb"
    result = CliRunner().invoke(cli, ["import", str(tmp_path / "nope"), "--db", str(db)])
    assert result.exit_code == 2
    assert "no such file or folder" in result.output
    assert not db.exists()


def test_a_data_file_the_import_does_not_read_is_named(tmp_path: Path, store: Store) -> None:
    """time-entries.csv (a hyphen) was skipped without a word: 0 time entries loaded, and on a
    re-import the ones an earlier folder brought removed. The summary names what it did not read."""
    folder = tmp_path / "f"
    shutil.copytree(SMALL, folder)
    (folder / "time_entries.csv").rename(folder / "time-entries.csv")
    (folder / "README.md").write_text("what these files are\n", encoding="utf-8")
    (folder / "._clients.csv").write_bytes(b"\x00\x05")  # a Mac's twin of clients.csv
    (folder / "~$budget.xlsx").write_bytes(b"")  # a spreadsheet's lock file
    summary = import_folder(store, folder)
    assert summary.counts["time_entries"] == 0
    assert summary.warnings[0] == (
        "not read: time-entries.csv. The import reads only clients, time_entries, invoices, "
        "interactions, feedback (each .csv or .parquet); rename a file to be read"
    )
    assert not any("README" in w for w in summary.warnings)
    again = import_folder(store, SMALL)
    assert not any(w.startswith("not read") for w in again.warnings)


def test_a_folder_file_of_mixed_line_endings_is_read_once(store: Store, tmp_path: Path) -> None:
    """time_entries.csv saved by two programs (CRLF, and a line added by hand ending in LF whose
    last value is quoted) is read as its lines, each once: read again from a copy with LF endings
    after the first reading rejected a line, it kept the lines read before that twice."""
    folder = tmp_path / "f"
    folder.mkdir()
    shutil.copy(FIXTURES / "small" / "clients.csv", folder)
    (folder / "time_entries.csv").write_bytes(
        b"client_id,date,hours,billable,activity,person,note\r\n"
        b"northwind,2025-07-01,2.0,true,delivery,Dev,Checkout copy polish\r\n"
        b"northwind,2025-07-02,3.0,true,delivery,Dev,Second\r\n"
        b'northwind,2025-07-03,1.0,true,delivery,Dev,"Added by hand"\n'
        b"northwind,2025-07-04,4.0,true,delivery,Dev,Fourth\r\n"
    )
    summary = import_folder(store, folder)
    assert summary.counts["time_entries"] == 4
    assert store.con.execute("SELECT sum(hours) FROM time_entries").fetchone() == (10.0,)


def test_an_invoices_file_that_never_says_what_was_paid_is_said(
    store: Store, tmp_path: Path
) -> None:
    """invoices.csv with no paid_on column loaded every invoice as unpaid and overdue, without a
    word: the trap a single invoice export is refused for (reviewer)."""
    folder = acme_folder(
        tmp_path,
        invoices=(
            "invoice_id,client_id,issued_on,due_on,amount\n"
            "P-1,acme,2026-06-30,2026-07-30,7500\nP-2,acme,2026-07-31,2026-08-30,7500\n"
        ),
    )
    summary = import_folder(store, folder)
    assert summary.warnings == [
        "invoices.csv gives no paid_on for any of its 2 invoices: every one counts as unpaid, "
        "and as overdue once due. If some were paid, give their paid_on and import the folder "
        "again."
    ]


def test_an_invoice_paid_before_it_was_issued_is_kept_and_said(
    store: Store, tmp_path: Path
) -> None:
    """A paid_on before issued_on was loaded unsaid (a due_on before it is refused): a deposit
    paid ahead, or a year mistyped that makes a late payer read as on time. Kept, counted on
    time and said, naming the first; a credit note, settled when issued, is not."""
    folder = acme_folder(
        tmp_path,
        invoices=(
            "invoice_id,client_id,issued_on,due_on,paid_on,amount\n"
            "P-1,acme,2026-06-30,2026-07-30,2026-07-02,7500\n"
            "P-2,acme,2026-07-31,2026-08-30,2025-08-20,7500\n"
            "C-1,acme,2026-07-31,2026-08-30,2026-07-01,-500\n"
        ),
    )
    summary = import_folder(store, folder)
    assert summary.warnings == [
        "invoices.csv: 1 invoice paid before it was issued (invoice 'P-2': paid 2025-08-20, "
        "issued 2026-07-31): counted as paid on time, as a deposit paid ahead is. If a date is "
        "mistyped, fix it and import again."
    ]
    assert store.con.execute("SELECT count(*) FROM invoices").fetchone() == (3,)
