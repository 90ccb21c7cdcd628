"""Importing one export: Harvest time and invoices, Toggl, and any CSV through a mapping.

Recognition by header, forced sources, what the user is told, identity on re-import, all or
nothing, and the odd files real exports are: BOM, CRLF, semicolons, quoted commas and line breaks,
thousands separators, day-first dates (and ambiguous ones refused).
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner

from health_tui.cli import cli
from health_tui.errors import ConfigError, ImportFailed
from health_tui.ingest.connector import import_path
from health_tui.ingest.models import ExportSummary
from health_tui.ingest.native import import_folder
from health_tui.record import InteractionEntry, log_entry
from health_tui.settings import Activities, Money
from health_tui.store import Store

ROOT = Path(__file__).resolve().parent.parent
EXPORTS = ROOT / "fixtures" / "exports"
TABLES = ("clients", "time_entries", "invoices", "interactions", "feedback")


def snapshot(store: Store) -> dict[str, list[tuple]]:
    """Every row of the five history tables and the settings, in a stable order."""
    tables = (*TABLES, "app_settings")
    return {t: store.con.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall() for t in tables}


# The invoice fixture bills one client in US dollars: the portfolio (EUR) needs the rate.
MONEY = Money(rates={"USD": 0.92})


def load(store: Store, path: Path, **kwargs) -> ExportSummary:
    kwargs.setdefault("money", MONEY)
    summary = import_path(store, path, **kwargs)
    assert isinstance(summary, ExportSummary)
    return summary


def refused(store: Store, path: Path, **kwargs) -> ImportFailed:
    kwargs.setdefault("money", MONEY)
    with pytest.raises(ImportFailed) as info:
        import_path(store, path, **kwargs)
    return info.value


def problems(store: Store, path: Path, **kwargs) -> list[str]:
    return [str(p) for p in refused(store, path, **kwargs).problems]


def write(tmp_path: Path, name: str, text: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8", newline="")
    return path


def hours(store: Store) -> list[tuple]:
    """(client name, date, hours, billable, activity, note) of every time entry, in order."""
    return store.con.execute(
        "SELECT c.name, t.date, t.hours, t.billable, t.activity, t.note FROM time_entries t "
        "JOIN clients c USING (client_id) ORDER BY ALL"
    ).fetchall()


HARVEST_HEADER = "Date,Client,Project,Task,Notes,Hours,Billable?,First Name,Last Name\n"
TOGGL_HEADER = (
    "User,Email,Client,Project,Task,Description,Billable,Start date,Start time,End date,"
    "End time,Duration,Tags\n"
)


# --- recognition ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "source", "target"),
    [
        ("harvest_time.csv", "harvest-time", "time_entries"),
        ("harvest_time_eu.csv", "harvest-time", "time_entries"),
        ("harvest_invoices.csv", "harvest-invoices", "invoices"),
        ("toggl_detailed.csv", "toggl", "time_entries"),
    ],
)
def test_each_export_is_recognised_by_its_header(
    store: Store, name: str, source: str, target: str
) -> None:
    summary = load(store, EXPORTS / name)
    assert (summary.source, summary.target) == (source, target)
    assert summary.rows > 0


def test_a_forced_source_is_read_as_that_source(store: Store, tmp_path: Path) -> None:
    # A sheet with Date, Client and Hours would be taken for Harvest anyway; forcing Toggl is refused
    path = write(tmp_path, "t.csv", HARVEST_HEADER + "2025-07-01,Acme,Web,Design,,2,Yes,A,B\n")
    assert load(store, path, source="harvest-time").rows == 1
    found = problems(store, path, source="toggl")
    assert found[0].startswith("t.csv:1: Start date: missing column")
    assert (
        "Toggl Track detailed report needs Start date, Duration or Start time and Stop time"
        in (found[0])
    )


def test_an_unknown_header_names_the_sources_and_shows_a_mapping(
    store: Store, tmp_path: Path
) -> None:
    path = write(tmp_path, "sheet.csv", "Customer,When,Time\nAcme,2025-07-01,2\n")
    error = refused(store, path)
    text = str(error)
    assert [str(p) for p in error.problems] == [
        "sheet.csv:1: (header): not an export health-tui knows: the header has "
        "'Customer', 'When', 'Time'"
    ]
    for expected in ("harvest-time", "harvest-invoices", "toggl", "native", "--mapping sheet.toml"):
        assert expected in text
    # a mapping drafted from the file's own header, to check and save
    assert '[columns]\n    client = "Customer"\n    date   = "When"\n    hours  = "Time"\n' in text
    assert text.endswith("Nothing was changed in " + str(store.path) + ".")


def test_a_folder_is_still_the_native_import(store: Store) -> None:
    summary = import_path(store, ROOT / "fixtures" / "small")
    assert summary.counts["clients"] == 8  # type: ignore[union-attr]
    with pytest.raises(ImportFailed, match="for a single exported CSV"):
        import_path(store, ROOT / "fixtures" / "small", source="toggl")


# --- what lands in the tables ----------------------------------------------------------------


def test_the_fewest_columns_harvest_allows(store: Store, tmp_path: Path) -> None:
    path = write(tmp_path, "t.csv", "Client,Hours,Date\nAcme,1.5,2025-07-01\n")
    summary = load(store, path)
    assert hours(store) == [("Acme", date(2025, 7, 1), 1.5, True, "delivery", None)]
    assert summary.notes == ["t.csv has no billable column: all of it counts as billable."]


def test_an_export_line_that_cannot_be_read_is_said_on_its_file_line(
    store: Store, tmp_path: Path
) -> None:
    """Harvest notes are often written over several lines; the row after such a note with a field
    too many was said on line 3 (DuckDB's count of rows), where it is on line 5 of the file."""
    text = (
        "Date,Client,Hours,Notes\r\n"
        '2025-07-01,Acme,1.5,"Call with Dana\r\n- new brief\r\n- deadline moved"\r\n'
        "2025-07-02,Acme,2,Design,extra\r\n"
    )
    before = snapshot(store)
    assert problems(store, write(tmp_path, "t.csv", text)) == [
        "t.csv:5: (row): more fields than the header has (5 instead of 4)"
    ]
    assert snapshot(store) == before


def test_a_name_with_invisible_or_unusual_spaces_is_the_same_client(
    store: Store, tmp_path: Path
) -> None:
    """A no-break space (Excel, a copied web page), a zero-width space, a soft hyphen, a BOM or a
    tab inside a tracker's client name made a second client that read the same on every screen."""
    head = "Date,Client,Hours\n"
    load(store, write(tmp_path, "a.csv", head + "2025-07-01,Bolt & Co,1\n"))
    variants = [
        "Bolt\u00a0&\u00a0Co",  # no-break spaces
        "Bolt &\u202fCo",  # narrow no-break space (French typography)
        "Bolt\u200b & Co",  # zero-width space
        "Bo\u00adlt & Co",  # soft hyphen
        "\ufeffBolt & Co",  # a byte-order mark inside the file
        '"Bolt\t& Co"',  # a tab
    ]
    rows = "".join(f"2025-07-0{2 + i},{name},1\n" for i, name in enumerate(variants))
    summary = load(store, write(tmp_path, "b.csv", head + rows))
    assert (summary.clients_new, summary.clients_matched) == (0, 1)
    assert store.con.execute("SELECT count(*) FROM clients").fetchone() == (1,)
    assert store.con.execute("SELECT sum(hours) FROM time_entries").fetchone() == (7.0,)


def test_harvest_time_lands_with_clients_activities_and_people(store: Store) -> None:
    summary = load(store, EXPORTS / "harvest_time.csv")
    assert summary.rows == 7 and summary.clients_new == 3
    clients = store.con.execute(
        "SELECT client_id, name, started_on FROM clients ORDER BY 2"
    ).fetchall()
    assert [(c[1], c[2]) for c in clients] == [
        ("Meridian Health Partners", date(2025, 7, 3)),  # started_on: the first activity date
        ("Northwind Outfitters", date(2025, 7, 1)),
        ("Our Studio", date(2025, 7, 4)),
    ]
    assert clients[1][0].startswith("northwind-outfitters-") and len(clients[1][0]) == 27
    rows = store.con.execute(
        "SELECT date, hours, billable, activity, person, note FROM time_entries ORDER BY date, hours"
    ).fetchall()
    assert rows == [
        (date(2025, 7, 1), 3.5, True, "delivery", "Ana Silva", "Homepage hero, three options"),
        (date(2025, 7, 2), 0.5, False, "meeting", "Dev Patel", "Weekly call with Dana"),
        (
            date(2025, 7, 2),
            1.25,
            True,
            "revision",
            "Ana Silva",
            'Client changes:\r\nswap the hero, "bolder" type',  # quoted line break and quotes
        ),
        (date(2025, 7, 3), 6.0, True, "delivery", "Dev Patel", "Login flow"),
        (date(2025, 7, 3), 6.0, True, "delivery", "Dev Patel", "Login flow"),  # twice is twice
        (date(2025, 7, 4), 0.75, False, "admin", "Ana Silva", "Internal admin: timesheets"),
        (date(2025, 7, 4), 1.0, True, "support", "Dev Patel", "Password reset bug"),
    ]
    assert summary.warnings == [
        "harvest_time.csv: left out 1 entry of 0 hours (0.00 h; line 10)",
        # the studio's own admin, under a client of its own in Harvest
        "harvest_time.csv: 1 client with hours, none of them billable, and no invoice: Our Studio "
        "(0.75 h). If it is the agency's own time (admin, pitches, training), mark it not a "
        "client: `health-tui clients ignore 'Our Studio'` (its hours are kept, never scored).",
    ]


def test_the_summary_reports_hours_per_activity_and_unmatched(store: Store) -> None:
    summary = load(store, EXPORTS / "harvest_time.csv")
    by = {a.activity: (a.entries, a.hours, a.unmatched) for a in summary.activities}
    assert by == {
        "delivery": (3, 15.5, 3),
        "revision": (1, 1.25, 0),
        "meeting": (1, 0.5, 0),
        "support": (1, 1.0, 0),
        "admin": (1, 0.75, 0),
    }
    assert summary.line().splitlines()[1] == (
        "Hours by activity: delivery 15.50, revision 1.25, meeting 0.50, support 1.00, "
        "admin 0.75; 3 entries (15.50 h) matched no activity word and count as delivery."
    )


def test_toggl_durations_tags_and_entries_without_a_client(store: Store) -> None:
    summary = load(store, EXPORTS / "toggl_detailed.csv")
    assert hours(store) == [
        ("Meridian Health Partners", date(2025, 7, 2), 0.25, False, "meeting", "Standup"),
        ("Meridian Health Partners", date(2025, 7, 3), 6.0, True, "delivery", "Login flow"),
        ("Northwind Outfitters", date(2025, 7, 1), 3.5, True, "delivery", "Hero, again"),
        ("Northwind Outfitters", date(2025, 7, 2), 1.25, True, "revision", "Swap hero image"),
    ]
    assert summary.warnings == [
        "toggl_detailed.csv: left out 1 entry with no client or project (1.00 h; line 6)",
        "toggl_detailed.csv: left out 1 entry of 0 hours (0.00 h; line 7)",
    ]


def test_harvest_invoices_paid_partly_paid_open_draft_closed(store: Store) -> None:
    summary = load(store, EXPORTS / "harvest_invoices.csv")
    rows = store.con.execute(
        "SELECT invoice_id, issued_on, due_on, paid_on, amount, currency FROM invoices ORDER BY 1"
    ).fetchall()
    assert rows == [
        # Closed after 200.00 was paid: the rest is written off, neither paid nor unpaid
        ("0999", date(2025, 6, 1), date(2025, 7, 1), date(2025, 6, 20), Decimal("200.00"), "USD"),
        ("1001", date(2025, 8, 1), date(2025, 8, 31), date(2025, 8, 20), Decimal("1250.00"), "EUR"),
        ("1002", date(2025, 8, 1), date(2025, 8, 31), None, Decimal("2310.50"), "EUR"),
        ("1003", date(2025, 9, 1), date(2025, 10, 1), date(2025, 10, 5), Decimal("400.00"), "EUR"),
        ("1003-unpaid", date(2025, 9, 1), date(2025, 10, 1), None, Decimal("600.00"), "EUR"),
    ]
    assert summary.warnings == ["harvest_invoices.csv: left out 1 draft invoice, never sent"]
    assert any("paid in part" in note for note in summary.notes)


def test_invoice_assumptions_are_said(store: Store, tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "inv.csv",
        "Status,Issue Date,ID,Client,Invoice Amount\n"
        "Paid,2025-08-01,7,Acme,100\n"
        "Open,2025-08-01,8,Acme,50\n",
    )
    summary = load(store, path)
    assert store.con.execute(
        "SELECT invoice_id, due_on, paid_on FROM invoices ORDER BY 1"
    ).fetchall() == [
        ("7", date(2025, 8, 31), date(2025, 8, 31)),  # due 30 days on; paid on the due date
        ("8", date(2025, 8, 31), None),
    ]
    assert summary.notes == [
        "Assumed 2 invoices without a due date: due 30 days after issue "
        "([money] payment_terms_days).",
        "1 paid invoice without a payment date: each counts as paid from its due date (or the "
        "day after an earlier export last showed it unpaid), and how late it was paid as not "
        "known, neither late nor on time (one an earlier export showed unpaid past its due day: "
        "late at least until then); an export with payment dates scores how the client pays.",
        "Took the amounts of 2 invoices with no currency as EUR (the portfolio's currency); if "
        "they are in another, export them with the Currency column and import the file again.",
    ]


# --- identity: re-importing -------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    ["harvest_time.csv", "toggl_detailed.csv", "harvest_invoices.csv", "harvest_time_eu.csv"],
)
def test_reimporting_the_same_export_changes_nothing(store: Store, name: str) -> None:
    load(store, EXPORTS / name)
    before = snapshot(store)
    again = load(store, EXPORTS / name)
    assert snapshot(store) == before
    assert again.already == (again.rows if name != "harvest_invoices.csv" else 4)
    assert again.clients_new == 0


def test_overlapping_exports_do_not_double_count(store: Store, tmp_path: Path) -> None:
    lines = [
        "2025-07-01,Acme,Web,Design,Hero,2,Yes,Ana,Silva",
        "2025-07-02,Acme,Web,Design,Hero,2,Yes,Ana,Silva",
        "2025-07-02,Acme,Web,Design,Hero,2,Yes,Ana,Silva",  # the same work twice that day
        "2025-07-03,Acme,Web,Meeting,Review,1,No,Ana,Silva",
        "2025-07-04,Acme,Web,Design,Footer,3,Yes,Ana,Silva",
    ]
    june_july = write(tmp_path, "a.csv", HARVEST_HEADER + "\n".join(lines[:4]) + "\n")
    july = write(tmp_path, "b.csv", HARVEST_HEADER + "\n".join(lines[1:]) + "\n")
    load(store, june_july)
    second = load(store, july)
    assert second.already == 3 and second.rows == 4
    assert second.warnings == []  # 07-01 is before its days: not something it left out
    assert store.con.execute("SELECT count(*), sum(hours) FROM time_entries").fetchone() == (
        5,
        10.0,
    )


def test_rows_dated_after_today_are_kept_and_said(store: Store, tmp_path: Path) -> None:
    """A year typed wrong (2099 for 2025) went in silently, while `log` refuses a future date."""
    lines = [
        "2025-07-01,Acme,Web,Design,Hero,2,Yes,Ana,Silva",
        "2099-07-02,Acme,Web,Design,Hero,2,Yes,Ana,Silva",
        "2099-07-03,Acme,Web,Design,Footer,1,Yes,Ana,Silva",
    ]
    today = date(2026, 12, 3)  # the command line's
    path = write(tmp_path, "t.csv", HARVEST_HEADER + "\n".join(lines) + "\n")
    summary = load(store, path, today=today)
    assert summary.rows == 3  # kept: the owner may mean it
    assert summary.warnings == [
        "t.csv:3: Date: 2 time entries dated after today (2026-12-03), the latest 2099-07-03: "
        "kept, but a score counts them only as of a later date. A typo in the year?"
    ]


def test_an_invoice_dated_after_today_is_one_invoice_said_once(
    store: Store, tmp_path: Path
) -> None:
    """A part-paid invoice is written as two rows (paid and owed): it was counted twice."""
    header = (EXPORTS / "harvest_invoices.csv").read_text(encoding="utf-8").splitlines()[0]
    row = 'Partial,2099-09-01,2099-10-01,7003,Acme,Work,"1,000.00",400.00,600.00,Euro - EUR,2099-10-05'
    summary = load(store, write(tmp_path, "inv.csv", f"{header}\n{row}\n"), today=date(2026, 12, 3))
    assert summary.warnings[-1] == (
        "inv.csv:2: Issue Date: 1 invoice dated after today (2026-12-03), the latest 2099-09-01: "
        "kept, but a score counts it only as of a later date. A typo in the year?"
    )


def test_a_corrected_export_names_what_it_does_not_hold(store: Store, tmp_path: Path) -> None:
    """An entry edited in the tracker (8 h made 7.5 h, a typo in its note fixed) is another entry
    to the import: the old one stayed and both counted, with nothing said. Now the import names
    what the file does not hold within its days, and the remedy it gives (every export again, the
    first with --replace) counts only what the sources hold, keeping what the owner logged."""
    first = [
        "2025-07-01,Acme,Web,Design,API hookup,8,Yes,Ana,Silva",
        "2025-07-02,Acme,Web,Design,Map widjet,2,Yes,Ana,Silva",
        "2025-07-03,Acme,Web,Design,Footer,3,Yes,Ana,Silva",
        "2025-07-03,Birch,App,Design,Login,4,Yes,Ana,Silva",
        "2025-06-30,Acme,Web,Design,Kickoff,1,Yes,Ana,Silva",  # before the corrected file's days
    ]
    fixed = [
        "2025-07-01,Acme,Web,Design,API hookup,7.5,Yes,Ana,Silva",
        "2025-07-02,Acme,Web,Design,Map widget,2,Yes,Ana,Silva",
        "2025-07-03,Acme,Web,Design,Footer,3,Yes,Ana,Silva",
    ]  # Birch is not in it: an export filtered to one client says nothing of another
    load(store, write(tmp_path, "v1.csv", HARVEST_HEADER + "\n".join(first) + "\n"))
    (acme,) = store.con.execute("SELECT client_id FROM clients WHERE name = 'Acme'").fetchone()
    at = datetime(2025, 7, 2, 10)
    log_entry(
        store, InteractionEntry(client_id=acme, happened_at=at, kind="complaint", channel="email")
    )
    total = "SELECT sum(hours) FILTER (WHERE client_id LIKE 'acme%') FROM time_entries"

    kept = load(store, write(tmp_path, "v2.csv", HARVEST_HEADER + "\n".join(fixed) + "\n"))
    assert kept.warnings == [
        "v2.csv does not hold 2 time entries that earlier harvest-time imports wrote for its "
        "clients within its days (2025-07-01 to 2025-07-03): 'Acme' (2, 10.00 h). They are kept "
        "and still counted. If that is because they were edited or deleted at the source since "
        "(not because the export is filtered to some projects or people, or this import left "
        "lines out), import all your data again, the first with --replace: your import folder, "
        "if you use one, and every export (--replace empties what every import brought; what you "
        "logged in the app stays)."
    ]
    assert store.con.execute(total).fetchone() == (23.5,)  # both versions: said, never removed

    # the remedy as said: the Acme export, now corrected, and Birch's, the first with --replace
    load(store, write(tmp_path, "acme.csv", HARVEST_HEADER + "\n".join([*fixed, first[4]]) + "\n"),
         replace=True)  # fmt: skip
    birch = load(store, write(tmp_path, "birch.csv", HARVEST_HEADER + first[3] + "\n"))
    assert birch.warnings == []
    assert store.con.execute(total).fetchone() == (13.5,)  # 7.5 + 2 + 3 + the kickoff's 1
    assert store.con.execute("SELECT count(*) FROM interactions").fetchone() == (1,)  # logged
    again = load(store, tmp_path / "v2.csv")
    assert again.warnings == [] and again.already == 3  # nothing left to say


def test_the_same_entry_in_another_date_and_number_format_is_the_same_entry(
    store: Store, tmp_path: Path
) -> None:
    iso = write(
        tmp_path, "iso.csv", HARVEST_HEADER + "2025-07-15,Acme,Web,Design,Hero,1.5,Yes,A,B\n"
    )
    eu = write(
        tmp_path,
        "eu.csv",
        HARVEST_HEADER.replace(",", ";") + "15/07/2025;ACME;Web;Design;Hero;1,5;Yes;A;B\n",
    )
    load(store, iso)
    assert load(store, eu).already == 1
    assert store.con.execute("SELECT count(*) FROM time_entries").fetchone() == (1,)


def test_a_later_invoice_export_updates_payment(store: Store, tmp_path: Path) -> None:
    head = "Status,Issue Date,Due Date,ID,Client,Invoice Amount,Paid Amount,Paid Date\n"
    load(
        store,
        write(tmp_path, "a.csv", head + "Partial,2025-08-01,2025-08-31,9,Acme,100,40,2025-09-02\n"),
    )
    assert store.con.execute("SELECT count(*) FROM invoices").fetchone() == (2,)
    again = load(
        store,
        write(tmp_path, "b.csv", head + "Paid,2025-08-01,2025-08-31,9,Acme,100,100,2025-09-20\n"),
    )
    assert again.already == 1
    # the 40 paid on 2 September stay paid that day; the rest is paid on the 20th (one row of 100
    # on the 20th read the 40 as unpaid until then: a quarter already reviewed rewritten)
    assert store.con.execute(
        "SELECT invoice_id, paid_on, amount FROM invoices ORDER BY paid_on"
    ).fetchall() == [
        ("9", date(2025, 9, 2), Decimal("40.00")),
        ("9-2025-09-20", date(2025, 9, 20), Decimal("60.00")),
    ]
    assert again.rows == 1  # still one invoice loaded
    rows = "SELECT invoice_id, paid_on, amount FROM invoices ORDER BY paid_on NULLS LAST"
    before = store.con.execute(rows).fetchall()
    load(store, tmp_path / "b.csv")  # the same export again changes nothing
    assert store.con.execute(rows).fetchall() == before
    load(store, tmp_path / "b.csv", replace=True)  # nor does it through --replace
    assert store.con.execute(rows).fetchall() == before
    # 70 paid by 5 October (a refund of 30): the earliest part stays, as far as 70 goes
    load(
        store,
        write(tmp_path, "c.csv", head + "Partial,2025-08-01,2025-08-31,9,Acme,100,70,2025-10-05\n"),
    )
    assert store.con.execute(rows).fetchall() == [
        ("9", date(2025, 9, 2), Decimal("40.00")),
        ("9-2025-10-05", date(2025, 10, 5), Decimal("30.00")),
        ("9-unpaid", None, Decimal("30.00")),
    ]


def test_clients_merge_by_name_with_native_ones(store: Store, tmp_path: Path) -> None:
    folder = tmp_path / "native"
    folder.mkdir()
    (folder / "clients.csv").write_text(
        "client_id,name,started_on\nnw,Northwind Outfitters,2025-07-02\n", encoding="utf-8"
    )
    import_folder(store, folder)
    summary = load(store, EXPORTS / "harvest_time.csv")
    assert (summary.clients_new, summary.clients_matched) == (2, 1)
    assert store.con.execute(
        "SELECT started_on FROM clients WHERE client_id = 'nw'"
    ).fetchone() == (date(2025, 7, 1),)  # work on 1 July moves the start earlier, never later
    assert store.con.execute(
        "SELECT count(*) FROM time_entries WHERE client_id = 'nw'"
    ).fetchone() == (3,)


def test_a_name_shared_by_two_clients_is_refused(store: Store, tmp_path: Path) -> None:
    # Imports no longer let two clients share a name; a database from before schema 4 may hold two.
    store.con.execute(
        "INSERT INTO client_rows (client_id, name, started_on, source) VALUES "
        "('a1', 'Acme', DATE '2025-01-01', 'folder'), ('a2', 'ACME ', DATE '2025-01-01', 'folder')"
    )
    path = write(tmp_path, "t.csv", HARVEST_HEADER + "2025-07-01,Acme,Web,Design,,2,Yes,A,B\n")
    assert problems(store, path) == [
        "t.csv:2: Client: 'Acme' matches 2 clients in the database (a1, a2); "
        "merge them first (health-tui clients merge a1 a2)"
    ]


def test_a_file_refused_for_its_dates_also_names_its_ambiguous_clients(
    store: Store, tmp_path: Path
) -> None:
    # One fix-and-retry sees every fault: the refusal for the dates' order says the shared name
    # too, which only the write used to find (after the dates were fixed, a second refusal).
    store.con.execute(
        "INSERT INTO client_rows (client_id, name, started_on, source) VALUES "
        "('a1', 'Acme', DATE '2025-01-01', 'folder'), ('a2', 'ACME ', DATE '2025-01-01', 'folder')"
    )
    path = write(
        tmp_path,
        "t.csv",
        HARVEST_HEADER
        + "03/04/2025,Birch,Web,Design,,2,Yes,A,B\n04/03/2025,Acme,Web,Design,,2,Yes,A,B\n",
    )
    found = problems(store, path)
    assert [p.split(":")[1] for p in found] == ["2", "3"]
    assert found[0].startswith("t.csv:2: Date: ambiguous date '03/04/2025'")
    assert found[1] == (
        "t.csv:3: Client: 'Acme' matches 2 clients in the database (a1, a2); "
        "merge them first (health-tui clients merge a1 a2)"
    )
    # a replace empties what imports brought first: the two clients would be gone, nothing to say
    assert problems(store, path, replace=True) == found[:1]
    assert store.con.execute("SELECT count(*) FROM client_rows").fetchone() == (2,)


def test_a_file_refused_for_its_numbers_says_nothing_of_clients_they_decide(
    store: Store, tmp_path: Path
) -> None:
    # 0 hours is an entry left out: with the decimal separator in doubt, "0,00" is not known to
    # be 0, so Acme is not known to be named at all (fixed, the file imports without a word of it).
    store.con.execute(
        "INSERT INTO client_rows (client_id, name, started_on, source) VALUES "
        "('a1', 'Acme', DATE '2025-01-01', 'folder'), ('a2', 'ACME ', DATE '2025-01-01', 'folder')"
    )
    text = (
        HARVEST_HEADER
        + '2025-04-03,Birch,Web,Design,,1.5,Yes,A,B\n2025-04-04,Acme,Web,Design,,"0,00",Yes,A,B\n'
    )
    found = problems(store, write(tmp_path, "t.csv", text))
    assert len(found) == 1 and found[0].startswith("t.csv:3: Hours: numbers disagree")
    summary = load(store, write(tmp_path, "fixed.csv", text.replace('"0,00"', "0.00")))
    assert (summary.clients_new, summary.clients_matched) == (1, 0)


def test_importing_an_export_over_the_demo_replaces_it(store: Store) -> None:
    from health_tui.demo import generate_demo

    generate_demo(store, clients=5, seed=1, as_of=date(2026, 9, 30))
    summary = load(store, EXPORTS / "toggl_detailed.csv")
    assert summary.replaced_demo
    assert store.con.execute("SELECT count(*) FROM clients").fetchone() == (2,)
    assert store.setting("portfolio_kind") == "imported"


def test_an_import_over_a_demo_the_owner_recorded_on_is_refused_unless_replace(
    store: Store,
) -> None:
    """A note and a logged complaint on the demo went with it, the summary saying only "The demo
    portfolio was replaced", where a new demo or a restore over them is refused."""
    from health_tui.demo import generate_demo

    generate_demo(store, clients=5, seed=1, as_of=date(2026, 9, 30))
    client = store.con.execute("SELECT min(client_id) FROM clients").fetchone()[0]
    log_entry(
        store,
        InteractionEntry(
            client_id=client,
            happened_at=datetime(2026, 9, 30, 10),
            kind="complaint",
            channel="phone",
            tone=-2,
        ),
    )
    before = snapshot(store)
    error = refused(store, EXPORTS / "toggl_detailed.csv")
    assert str(error) == (
        f"{store.path} holds the demo portfolio with 1 entry you recorded on it (notes, "
        "logged interactions, decisions...). An import replaces the demo, and they would go with "
        "it: import into a file of its own (--db mine.duckdb), or pass --replace to let them go.\n"
        f"Nothing was changed in {store.path}."
    )
    assert snapshot(store) == before
    with pytest.raises(ImportFailed, match="1 entry you recorded"):
        import_folder(store, EXPORTS.parent / "small")
    assert snapshot(store) == before
    # a ticket export is told why none would land, not to pass --replace (refused again then)
    assert "none would land" in str(refused(store, EXPORTS / "zendesk_tickets.csv"))
    summary = load(store, EXPORTS / "toggl_detailed.csv", replace=True)
    assert summary.replaced_demo
    assert store.con.execute("SELECT count(*) FROM interactions").fetchone() == (0,)


# --- activity words --------------------------------------------------------------------------


def test_activity_words_come_from_the_settings(store: Store, tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "t.csv",
        HARVEST_HEADER
        + "2025-07-01,Acme,Web,Design,Recalling the brief,1,Yes,A,B\n"  # 'call' only starts words
        + "2025-07-01,Acme,Web,QA,Polish,1,Yes,A,B\n"
        + "2025-07-01,Acme,Web,Admin,,1,Yes,A,B\n"  # admin words need a non-billable entry
        + "2025-07-01,Acme,Web,Design,Client call,1,No,A,B\n",
    )
    words = Activities(revision=["qa", "polish"], default="support")
    summary = load(store, path, activities=words)
    assert store.con.execute("SELECT note, activity FROM time_entries ORDER BY ALL").fetchall() == [
        ("Client call", "meeting"),
        ("Polish", "revision"),
        ("Recalling the brief", "support"),
        (None, "support"),  # task Admin, but billable
    ]
    assert sum(a.unmatched for a in summary.activities) == 2
    assert "matched no activity word and count as support." in summary.line()


# --- all or nothing and the problems listed -----------------------------------------------------


def test_every_bad_value_is_listed_at_its_line_and_nothing_changes(
    store: Store, tmp_path: Path
) -> None:
    load(store, EXPORTS / "toggl_detailed.csv")
    before = snapshot(store)
    path = write(
        tmp_path,
        "t.csv",
        HARVEST_HEADER
        + '2025-07-01,Acme,Web,Design,"two\nlines",2,Yes,A,B\n'  # lines 2-3
        + "2025-07-02,Acme,Web,Design,,two,Yes,A,B\n"  # line 4
        + "2025-13-40,Acme,Web,Design,,25,maybe,A,B\n"  # line 5
        + "2025-07-03,Acme,Web,Design,,,Yes,A,B\n",  # line 6
    )
    assert problems(store, path) == [
        "t.csv:4: Hours: not a number of hours (like 1.5, 1:30 or 1h30): 'two'",
        "t.csv:5: Date: not a date (like 2025-03-31): '2025-13-40'",
        "t.csv:5: Hours: must be more than 0 and at most 24 hours: '25'",
        "t.csv:5: Billable?: not yes/no: 'maybe'",
        "t.csv:6: Hours: required",
    ]
    assert snapshot(store) == before


@pytest.mark.parametrize(
    ("name", "text", "column"),
    [
        (
            "harvest.csv",
            HARVEST_HEADER + "2025-07-01,Acme,Web,Design,,3000000000000000,Yes,A,B\n",
            "Hours",
        ),
        (
            "clockify.csv",
            "Project,Client,Description,Task,User,Billable,Start Date,Start Time,End Date,End Time,"
            "Duration (decimal)\nWeb,Acme,Home,Design,Ana,Yes,2025-07-01,09:00:00,2025-07-01,"
            "10:00:00,3000000000000000\n",
            "Duration (decimal)",
        ),
        (
            "timesheet.csv",
            "Client,Day,Time spent,Billed?,What was done\nAcme,02/09/2025,3000000000000000,x,Home\n",
            "Time spent",
        ),
    ],
)
def test_hours_too_large_for_any_clock_are_a_problem_not_a_crash(
    store: Store, tmp_path: Path, name: str, text: str, column: str
) -> None:
    """A pasted-in serial number as hours once stopped the import with DuckDB's conversion error
    (the entry's identity counts its seconds) instead of saying which line is wrong."""
    mapped = {"mapping": EXPORTS / "timesheet.toml"} if name == "timesheet.csv" else {}
    found = problems(store, write(tmp_path, name, text), **mapped)
    assert len(found) == 1 and found[0].startswith(f"{name}:2: {column}: must be more than 0")


def test_invoice_problems_name_the_report_columns(store: Store, tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "inv.csv",
        "Status,Issue Date,Due Date,ID,Client,Invoice Amount,Paid Amount,Currency\n"
        "Sent,2025-08-01,2025-07-01,1,Acme,100,,Euro - EUR\n"
        "Lost,2025-08-01,2025-08-31,1,Acme,five,,Dollars\n"
        "Open,2025-08-01,2025-08-31,2,Acme,100,150,EUR\n",
    )
    assert problems(store, path) == [
        "inv.csv:2: Due Date: before the issue date (2025-08-01)",
        "inv.csv:3: ID: duplicate id '1' (first on line 2) with other figures: lines of one "
        "invoice must repeat its client, dates and totals",
        "inv.csv:3: Status: not a status I know (draft, open, sent, viewed, late, overdue, "
        "partial, paid, closed, void): 'Lost'",
        "inv.csv:3: Invoice Amount: not an amount (like 1250.00): 'five'",
        "inv.csv:3: Currency: not a currency (like EUR or Euro - EUR): 'Dollars'",
        "inv.csv:4: Paid Amount: the paid amount comes to more than the invoice amount (100.00)",
    ]


def test_a_failure_while_writing_rolls_everything_back(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    load(store, EXPORTS / "harvest_time_eu.csv")
    before = snapshot(store)

    def broken(*_args, **_kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(store, "set_setting", broken)  # the last step inside the transaction
    with pytest.raises(RuntimeError):
        load(store, EXPORTS / "harvest_time.csv")
    assert snapshot(store) == before


def test_malformed_lines_and_missing_files(store: Store, tmp_path: Path) -> None:
    path = write(tmp_path, "t.csv", HARVEST_HEADER + "2025-07-01,Acme,Web\n")
    assert problems(store, path) == [
        "t.csv:2: (row): fewer fields than the header has (3 instead of 9)"
    ]
    assert problems(store, tmp_path / "nope.csv") == [
        f"{tmp_path / 'nope.csv'}:1: (file): no such file"
    ]
    empty = write(tmp_path, "e.csv", HARVEST_HEADER)
    assert problems(store, empty) == ["e.csv:1: (file): no rows below the header"]


# --- odd files ---------------------------------------------------------------------------------


def test_bom_crlf_and_quoted_line_breaks_keep_line_numbers(store: Store, tmp_path: Path) -> None:
    text = (
        "\ufeff"
        + HARVEST_HEADER.replace("\n", "\r\n")
        + '2025-07-01,Acme,Web,Design,"a, b\r\nc\r\nd",2,Yes,A,B\r\n'  # lines 2-4
        + "2025-07-02,Acme,Web,Design,,x,Yes,A,B\r\n"  # line 5
    )
    path = write(tmp_path, "t.csv", text.encode("utf-8"))
    assert problems(store, path) == [
        "t.csv:5: Hours: not a number of hours (like 1.5, 1:30 or 1h30): 'x'"
    ]


def test_excels_separator_line_is_followed(store: Store, tmp_path: Path) -> None:
    """Excel writes 'sep=;' above the header to name the separator: the file was refused as 'the
    header ... is on line 2, under 1 line of title'. It is read with that separator now, found or
    forced, and problems still name the file's own lines."""
    header = "Date;Client;Project;Task;Notes;Hours;Billable?;First Name;Last Name\r\n"
    good = (
        "\ufeffsep=;\r\n" + header + "13/07/2026;Lindqvist Bikes;Site;Design;Hero;2,5;Yes;A;S\r\n"
    )
    path = write(tmp_path, "harvest_excel_sep.csv", good.encode("utf-8"))
    summary = load(store, path)
    assert (summary.source, summary.rows) == ("harvest-time", 1)
    assert hours(store)[0][:3] == ("Lindqvist Bikes", date(2026, 7, 13), 2.5)
    assert load(store, path, source="harvest-time").already == 1
    bad = (
        "sep=;\n" + header.replace("Hours;", "Hours;Hours;")  # line 2: Hours twice
    )
    assert problems(store, write(tmp_path, "twice.csv", bad + "x\n")) == [
        "twice.csv:2: Hours: appears twice in the header"
    ]
    rows = (
        "sep=;\r\n"
        + header
        + '13/07/2026;Acme;Site;Design;"a b";1;Yes;A;S\r\n'  # line 3
        + "14/07/2026;Acme;Site;Design;;x;Yes;A;S\r\n"  # line 4
        + "15/07/2026;Acme;Site\r\n"  # line 5
    )
    assert problems(store, write(tmp_path, "lines.csv", rows)) == [
        "lines.csv:5: (row): fewer fields than the header has (3 instead of 9)"
    ]
    checked = rows.rsplit("15/07", 1)[0].replace('"a b"', '"a\r\nb"')  # lines 3-4, then 5
    assert problems(store, write(tmp_path, "hours.csv", checked)) == [
        "hours.csv:5: Hours: not a number of hours (like 1.5, 1:30 or 1h30): 'x'"
    ]
    # the sep line added by hand, ending in LF above CRLF lines: all of it is read
    mixed = write(tmp_path, "mixed.csv", "sep=;\n" + good.split("\r\n", 1)[1])
    assert load(store, mixed).rows == 1


def test_excels_separator_line_in_a_mapped_sheet(store: Store, tmp_path: Path) -> None:
    sheet = write(
        tmp_path,
        "inv.csv",
        "sep=,\nNo.,Customer,Date,Amount\n3001,Acme,2025-08-01,805.67\n3002,Acme,2025-08-0x,1\n",
    )
    mapping = write(
        tmp_path,
        "m.toml",
        'target = "invoices"\ndelimiter = ";"\n[columns]\ninvoice_id = "No."\n'
        'client = "Customer"\nissued_on = "Date"\namount = "Amount"\n[fixed]\nstatus = "open"\n',
    )
    assert problems(store, sheet, mapping=mapping) == [
        "inv.csv:4: Date: not a date (like 2025-03-31): '2025-08-0x'"
    ]
    write(tmp_path, "inv.csv", sheet.read_text().replace("0x", "02"))
    assert load(store, sheet, mapping=mapping).rows == 2
    pipes = write(tmp_path, "pipes.csv", "sep=|\nNo.|Customer|Date|Amount\n")
    assert problems(store, pipes) == [
        "pipes.csv:1: (file): Excel's separator line says the values are separated by '|'; "
        'health-tui reads commas, semicolons or tabs: save the file from Excel as "CSV UTF-8 '
        '(Comma delimited)"'
    ]


def test_semicolons_decimal_commas_and_day_first_dates(store: Store) -> None:
    load(store, EXPORTS / "harvest_time_eu.csv")
    assert hours(store) == [
        ("Castell & Ross", date(2025, 7, 1), 2.5, True, "delivery", "Logo sketches"),
        ("Castell & Ross", date(2025, 7, 15), 1.75, False, "revision", "Logo again; third round"),
        ("Castell & Ross", date(2025, 7, 31), 0.5, False, "meeting", "Feedback, again"),
        ("Castell & Ross", date(2025, 8, 4), 3.0, True, "delivery", "Stationery"),  # one client
    ]


def test_thousands_separators_in_amounts(store: Store, tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "inv.csv",
        "Status;Issue Date;ID;Client;Invoice Amount;Paid Amount\n"
        "Paid;2025-08-01;1;Acme;1.234,50;1.234,50\n"
        "Open;2025-08-01;2;Acme;12.000;0\n",
    )
    load(store, path)
    assert store.con.execute("SELECT amount FROM invoices ORDER BY 1").fetchall() == [
        (Decimal("1234.50"),),
        (Decimal("12000.00"),),
    ]


def test_a_number_that_reads_two_ways_is_refused_not_guessed(store: Store, tmp_path: Path) -> None:
    """'1,250', with no number in the file to say which separator is decimal, was read as the
    file's delimiter suggested and noted ('1.250' as 1.25 in a comma-separated file: German whole
    euros stored as €1.25, user trial). Refused now, as dates that read two ways are, saying the
    option; one number that can read one way only (2.500.000) settles it."""
    head = "Status,Issue Date,ID,Client,Invoice Amount\n"
    path = write(
        tmp_path, "inv.csv", head + 'Open,2025-08-01,1,Acme,"1,250"\nOpen,2025-08-02,2,Acme,900\n'
    )
    assert problems(store, path) == [
        "inv.csv:2: Invoice Amount: ambiguous number '1,250': 1.25 with a decimal comma, 1250 with "
        "a decimal point, and no number in the file says which (as 1.250,00 or 1.5 would); pass "
        "--decimal-separator ',' or '.'"
    ]
    out = CliRunner().invoke(
        cli, ["import", str(path), "--db", str(tmp_path / "p.duckdb"), "--decimal-separator", "."]
    )
    assert out.exit_code == 0 and "Loaded 2 invoices" in out.stdout, out.output
    settled = write(
        tmp_path,
        "de.csv",
        head + "Open,2025-08-01,1,Acme,1.250\nOpen,2025-08-02,2,Acme,2.500.000\n",
    )
    load(store, settled)
    assert store.con.execute("SELECT amount FROM invoices ORDER BY 1").fetchall() == [
        (Decimal("1250.00"),), (Decimal("2500000.00"),)
    ]  # fmt: skip


def test_numbers_that_disagree_are_refused(store: Store, tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "t.csv",
        HARVEST_HEADER + '2025-07-01,Acme,W,D,,"1,5",Yes,A,B\n2025-07-02,Acme,W,D,,2.5,Yes,A,B\n',
    )
    assert problems(store, path) == [
        "t.csv:2: Hours: numbers disagree: '1,5' has a decimal comma, but line 3 has '2.5' with "
        "a decimal point; make them agree"
    ]


def test_a_file_refused_for_its_numbers_or_dates_says_its_other_faults_too(
    store: Store, tmp_path: Path
) -> None:
    """A file whose numbers disagreed was refused on that alone: a bad date two lines on was said
    only on the next try. Its other faults now come with it; the columns read with the unsettled
    separator (or order of dates) say nothing more, every line of them would repeat it."""
    numbers = write(
        tmp_path,
        "n.csv",
        HARVEST_HEADER
        + '2025-07-01,Acme,W,D,,"1,5",Yes,A,B\n2025-07-02,Acme,W,D,,2.5,Yes,A,B\n'
        + "2025-13-45,Acme,W,D,,3,Yes,A,B\n",
    )
    assert problems(store, numbers) == [
        "n.csv:2: Hours: numbers disagree: '1,5' has a decimal comma, but line 3 has '2.5' with "
        "a decimal point; make them agree",
        "n.csv:4: Date: not a date (like 2025-03-31): '2025-13-45'",
    ]
    dates = write(
        tmp_path,
        "d.csv",
        HARVEST_HEADER + "25/03/2025,Acme,W,D,,1,Yes,A,B\n03/25/2025,Acme,W,D,,abc,Yes,A,B\n"
        "05/05/2025,Acme,W,D,,-3,Yes,A,B\n",
    )
    assert problems(store, dates) == [
        "d.csv:3: Date: dates disagree: '03/25/2025' has the month first, but line 2 has "
        "'25/03/2025' with the day first; make them agree",
        "d.csv:3: Hours: not a number of hours (like 1.5, 1:30 or 1h30): 'abc'",
        "d.csv:4: Hours: must be more than 0 and at most 24 hours: '-3'",
    ]
    assert hours(store) == []  # nothing written


def test_ambiguous_dates_are_refused_not_guessed(store: Store) -> None:
    found = problems(store, EXPORTS / "harvest_time_ambiguous.csv")
    assert found == [
        "harvest_time_ambiguous.csv:2: Date: ambiguous date '03/04/2025' (and 1 more like it): "
        "no date in the file has a day above 12 to tell day-first from month-first; pass "
        "--date-format day-first (or month-first, or a pattern like %d/%m/%Y), or set "
        "date_format in a mapping"
    ]
    load(store, EXPORTS / "harvest_time_ambiguous.csv", date_format="month-first")
    assert [row[1] for row in hours(store)] == [
        date(2025, 3, 4),
        date(2025, 4, 5),
        date(2025, 5, 5),
    ]


def test_one_day_above_twelve_settles_the_order(store: Store, tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "t.csv",
        HARVEST_HEADER + "03/04/2025,Acme,W,D,,1,Yes,A,B\n03/25/2025,Acme,W,D,,1,Yes,A,B\n",
    )
    load(store, path)
    assert [row[1] for row in hours(store)] == [date(2025, 3, 4), date(2025, 3, 25)]


def test_dates_that_disagree_are_refused(store: Store, tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "t.csv",
        HARVEST_HEADER + "25/03/2025,Acme,W,D,,1,Yes,A,B\n03/25/2025,Acme,W,D,,1,Yes,A,B\n",
    )
    assert problems(store, path) == [
        "t.csv:3: Date: dates disagree: '03/25/2025' has the month first, but line 2 has "
        "'25/03/2025' with the day first; make them agree"
    ]


def test_a_date_pattern(store: Store, tmp_path: Path) -> None:
    path = write(tmp_path, "t.csv", HARVEST_HEADER + "4.7.2025,Acme,W,D,,1,Yes,A,B\n")
    load(store, path, date_format="%d.%m.%Y")
    assert hours(store)[0][1] == date(2025, 7, 4)
    with pytest.raises(ImportFailed, match=r"--date-format: date format 'dd\.mm'"):
        import_path(store, path, date_format="dd.mm")


def test_not_utf8_is_refused_at_the_header(store: Store, tmp_path: Path) -> None:
    path = write(tmp_path, "t.csv", "Date,Client,Hours,Caf\xe9\n".encode("latin-1"))
    # French Excel's default "CSV (séparateur: point-virgule)": a Lyon agency's first import
    assert problems(store, path) == [
        't.csv:1: (file): not UTF-8 text (Excel\'s "CSV" in Western Europe writes Windows-1252): '
        'save it from Excel as "CSV UTF-8 (Comma delimited)", or from LibreOffice with the '
        'character set "Unicode (UTF-8)"; or say its encoding: --encoding windows-1252 (in a '
        'mapping, encoding = "windows-1252")'
    ]


def test_utf16_is_named_with_how_to_save_it(store: Store, tmp_path: Path) -> None:
    """Excel's "Unicode Text" is UTF-16: it was told 'not UTF-8 text; save the file as UTF-8',
    which does not say what the file is or which of Excel's formats to pick."""
    text = "Date\tClient\tHours\r\n2026-07-13\tLindqvist Bikes\t2.5\r\n"
    said = (
        '(file): UTF-16 text (what Excel saves as "Unicode Text"), not UTF-8: open it in Excel '
        'and save it as "CSV UTF-8 (Comma delimited)"'
    )
    for name, data in (
        ("harvest_unicode_text.txt", b"\xff\xfe" + text.encode("utf-16-le")),
        ("big_endian.csv", b"\xfe\xff" + text.encode("utf-16-be")),
    ):
        path = write(tmp_path, name, data)
        assert problems(store, path) == [f"{name}:1: {said}"]
        assert problems(store, path, source="harvest-time") == [f"{name}:1: {said}"]


# --- the command line -----------------------------------------------------------------------------


def test_cli_imports_an_export_and_prints_the_summary(tmp_path: Path) -> None:
    db = tmp_path / "p.duckdb"
    out = CliRunner().invoke(cli, ["import", str(EXPORTS / "toggl_detailed.csv"), "--db", str(db)])
    assert out.exit_code == 0, out.output
    assert "Loaded 4 time entries for 2 clients (2 new)" in out.stdout
    assert "Hours by activity: delivery 9.50, revision 1.25, meeting 0.25" in out.stdout
    assert "warning: toggl_detailed.csv: left out 1 entry with no client or project" in out.stderr


def test_cli_unknown_header_exits_2_with_the_hint(tmp_path: Path) -> None:
    db = tmp_path / "p.duckdb"
    out = CliRunner().invoke(cli, ["import", str(EXPORTS / "timesheet.csv"), "--db", str(db)])
    assert out.exit_code == 2
    assert "not an export health-tui knows" in out.stderr and "--mapping" in out.stderr
    out = CliRunner().invoke(
        cli,
        ["import", str(EXPORTS / "timesheet.csv"), "--db", str(db),
         "--mapping", str(EXPORTS / "timesheet.toml")],
    )  # fmt: skip
    assert out.exit_code == 0, out.output
    assert "(mapping 'timesheet')" in out.stdout


def test_cli_source_and_date_format(tmp_path: Path) -> None:
    db = tmp_path / "p.duckdb"
    amb = str(EXPORTS / "harvest_time_ambiguous.csv")
    out = CliRunner().invoke(cli, ["import", amb, "--db", str(db), "--source", "harvest-time"])
    assert out.exit_code == 2 and "ambiguous date" in out.stderr
    out = CliRunner().invoke(cli, ["import", amb, "--db", str(db), "--date-format", "day-first"])
    assert out.exit_code == 0, out.output


def test_a_bad_mapping_is_a_config_error(store: Store, tmp_path: Path) -> None:
    bad = write(tmp_path, "m.toml", '[columns]\nclient = "C"\n')
    with pytest.raises(
        ConfigError, match=r"columns: date, hours \(or start and end\) required for time_entries"
    ):
        import_path(store, EXPORTS / "timesheet.csv", mapping=bad)


def test_the_connectors_run_without_textual() -> None:
    import subprocess
    import sys

    code = "import sys, health_tui.ingest.connector\nassert 'textual' not in sys.modules\n"
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


def test_replace_empties_the_tables_first(store: Store) -> None:
    import_folder(store, ROOT / "fixtures" / "small")
    summary = load(store, EXPORTS / "toggl_detailed.csv", replace=True)
    # Meridian and Northwind were there, from the folder, before the replace: made again, not new
    assert (summary.clients_new, summary.clients_replaced) == (0, 2)
    assert summary.replaced == {
        "clients": 8, "time_entries": 357, "invoices": 82, "interactions": 65, "feedback": 29,
        "clients_kept": 0,
    }  # fmt: skip
    assert store.con.execute("SELECT count(*) FROM clients").fetchone() == (2,)
    assert store.con.execute("SELECT count(*) FROM interactions").fetchone() == (0,)


def test_replace_counts_the_clients_it_makes_again_as_replaced_not_new(
    store: Store, tmp_path: Path
) -> None:
    """`import FILE --replace` removes the clients imports made, then makes again those the file
    names: they were counted new ("3 clients (3 new)") though the database had them before."""
    load(store, EXPORTS / "harvest_time.csv")
    again = load(store, EXPORTS / "harvest_time.csv", replace=True)
    assert "for 3 clients (0 new, 3 replaced) from " in again.line()
    assert (again.clients_new, again.clients_replaced, again.clients_matched) == (0, 3, 0)
    path = write(tmp_path, "t.csv", HARVEST_HEADER
                 + "2025-07-01,Northwind Outfitters,Web,Design,Hero,2,Yes,Ana,Silva\n"
                 + "2025-07-01,Brand New Co,Web,Design,Hero,1,Yes,Ana,Silva\n")  # fmt: skip
    mixed = load(store, path, replace=True)
    assert "for 2 clients (1 new, 1 replaced) from " in mixed.line()


def test_a_folder_client_an_export_makes_again_keeps_its_id_and_the_owners_decision(
    store: Store,
) -> None:
    """The folder named Northwind `northwind`; the owner decided on it; `import harvest.csv
    --replace` (Harvest now the only source) made it again under an id from its name, and the
    decision stayed on `northwind`, a client no longer there: the review lost it, unsaid."""
    from health_tui.review.decisions import record_decision

    import_folder(store, ROOT / "fixtures" / "small")
    record_decision(store, quarter="2025Q3", client_id="northwind", decision="reprice",
                    note="rates up in October", at=datetime(2025, 9, 30))  # fmt: skip
    load(store, EXPORTS / "harvest_time.csv", replace=True)
    assert store.con.execute(
        "SELECT c.client_id, c.name, d.decision FROM review_decisions d JOIN clients c "
        "USING (client_id)"
    ).fetchall() == [("northwind", "Northwind Outfitters", "reprice")]
    assert ("northwind",) in store.con.execute("SELECT client_id FROM time_entries").fetchall()


def test_tab_separated(store: Store, tmp_path: Path) -> None:
    path = write(tmp_path, "t.tsv", "Date\tClient\tHours\n2025-07-01\tAcme, Inc.\t2\n")
    load(store, path)
    assert hours(store)[0][:3] == ("Acme, Inc.", date(2025, 7, 1), 2.0)


# --- activities from Task and Tags; notes only through phrases ----------------------------------


def test_notes_match_phrases_not_lone_words(store: Store, tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "t.csv",
        TOGGL_HEADER
        + "A,a@x.io,Acme,Web,,Add support for Spotify,Yes,2025-07-01,09:00:00,,,01:00:00,\n"
        + "A,a@x.io,Acme,Web,,first calls to the API,Yes,2025-07-01,10:00:00,,,02:00:00,\n"
        + "A,a@x.io,Acme,Web,,Weekly call with Dana,Yes,2025-07-01,12:00:00,,,00:30:00,\n"
        + "A,a@x.io,Acme,Web,Bug fixing,Add support for Spotify,Yes,2025-07-02,09:00:00,,,01:30:00,\n"
        + "A,a@x.io,Acme,Web,,Polish,Yes,2025-07-02,11:00:00,,,00:45:00,revision\n",
    )
    summary = load(store, path)
    assert store.con.execute("SELECT hours, activity FROM time_entries ORDER BY 1").fetchall() == [
        (0.5, "meeting"),  # note phrase 'call with'
        (0.75, "revision"),  # tag
        (1.0, "delivery"),  # 'support' alone in a note is no support work
        (1.5, "support"),  # task word 'bug' wins over the note
        (2.0, "delivery"),  # 'calls' alone in a note is no meeting
    ]
    text = summary.line()
    assert "  revision: tag 'revision' 0.75 h (1 entry)" in text
    assert "  meeting: note phrase 'call with' 0.50 h (1 entry)" in text
    assert "  support: task word 'bug' 1.50 h (1 entry)" in text


def test_phrases_come_from_the_settings_too(store: Store, tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "t.csv",
        HARVEST_HEADER
        + "2025-07-01,Acme,Web,Design,Sprint demo for Dana,1,Yes,A,B\n"
        + "2025-07-01,Acme,Web,Design,Call with Dana,2,Yes,A,B\n",
    )
    words = Activities(meeting_phrases=["sprint demo"])
    load(store, path, activities=words)
    assert store.con.execute("SELECT hours, activity FROM time_entries ORDER BY 1").fetchall() == [
        (1.0, "meeting"),
        (2.0, "delivery"),  # the default 'call with' is no longer in the list
    ]
