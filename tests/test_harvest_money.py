"""Harvest's time money (issue 10, item 3): Cost Amount is each client's real cost, so its margin
needs no [money] cost_per_hour; Billable Amount estimates the revenue of a client with no invoice in
the last four quarters, and the reasons say so. Amounts in a currency with no rate are refused at
import; they survive a re-import, the schema 5 -> 6 upgrade, a backup and the folder format."""

from __future__ import annotations

import json
import re
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from health_tui.app.widgets.client_panels import effort_content
from health_tui.errors import ConfigError, ImportFailed
from health_tui.ingest.backup import backup_folder, restore_folder
from health_tui.ingest.export import export_import_format
from health_tui.ingest.native import import_folder
from health_tui.output import render_scores
from health_tui.scoring.engine import score_portfolio
from health_tui.scoring.models import ClientScore, PortfolioScore
from health_tui.settings import Money, Settings
from health_tui.store import Store, open_store
from tests.conftest import acme_folder, empty_copy, older_db
from tests.test_connectors import load, problems, refused, write

AS_OF = date(2026, 9, 30)
HEAD = (
    "Date,Client,Project,Task,Notes,Hours,Billable?,First Name,Last Name,"
    "Billable Amount,Cost Amount,Currency\n"
)
# Acme is invoiced (2,500 in Q3); Birch and Cedar never are; each has a working day of hours
# (rules.min_hours), so each rate counts. Cedar's second entry has a Cost
# Amount of 0: no cost rate set in Harvest, an unknown cost, not free work.
TIME = HEAD + (
    "2026-02-03,Acme Ltd,Site,Design,Hero,10,Yes,Ana,Silva,1000.00,400.00,Euro - EUR\n"
    "2026-08-04,Acme Ltd,Site,Design,Footer,10,Yes,Ana,Silva,1000.00,500.00,EUR\n"
    "2026-03-05,Birch & Co,Shop,Design,Cart,6,Yes,Ana,Silva,480.00,180.00,Euro - EUR\n"
    "2026-08-06,Birch & Co,Shop,Meeting,Weekly call,2,No,Ana,Silva,0.00,90.00,Euro - EUR\n"
    "2026-03-07,Cedar Studio,Brand,Design,Logo,5,Yes,Dev,Patel,600.00,250.00,Euro - EUR\n"
    "2026-08-08,Cedar Studio,Brand,Design,Logo v2,3,Yes,Dev,Patel,360.00,0.00,Euro - EUR\n"
)
INVOICES = (
    "Issue Date,ID,Client,Invoice Amount,Paid Amount,Balance\n2026-08-31,7,Acme Ltd,2500,2500,0\n"
)


def by_name(p: PortfolioScore, name: str) -> ClientScore:
    return next(c for c in p.clients if c.name == name)


@pytest.fixture(scope="module")
def books(tmp_path_factory: pytest.TempPathFactory) -> Store:
    """The time export and Acme's invoice, imported once for the module."""
    tmp = tmp_path_factory.mktemp("money")
    store = open_store(empty_copy(tmp / "money.duckdb"))
    load(store, write(tmp, "time.csv", TIME))
    load(store, write(tmp, "invoices.csv", INVOICES))
    yield store
    store.close()


@pytest.fixture(scope="module")
def scored(books: Store) -> PortfolioScore:
    return score_portfolio(books, AS_OF, Settings())


def test_cost_amount_gives_the_margin_without_a_cost_per_hour(scored: PortfolioScore) -> None:
    acme = by_name(scored, "Acme Ltd")
    assert Settings().money.cost_per_hour is None
    assert acme.revenue_12m == 2500 and not acme.revenue_estimated
    assert acme.effective_rate == 125.0  # invoiced revenue over all hours
    assert acme.margin == 0.64  # 1 - (400 + 500) / 2,500
    assert "Its 20 hours cost €900 (the entries' cost amounts): margin 64%." in acme.reasons


def test_billable_amounts_estimate_the_revenue_of_a_client_with_no_invoice(
    scored: PortfolioScore,
) -> None:
    birch = by_name(scored, "Birch & Co")
    assert birch.revenue_estimated and birch.revenue_12m == 480  # the call was worth 0.00
    assert birch.effective_rate == 60.0 and birch.margin == 0.4375  # 1 - 270 / 480
    assert (
        "Revenue €480 estimated from the billable amounts of its time entries: no invoice in the last four "
        "quarters."
    ) in birch.reasons
    records = {r["name"]: r for r in json.loads(render_scores(scored, "json"))}
    assert records["Birch & Co"]["revenue_estimated"] is True
    assert "revenue_estimated" not in records["Acme Ltd"]  # an invoiced client reads as before
    acme = by_name(scored, "Acme Ltd").reasons  # its own revenue is not said to be estimated...
    assert not any("billable amounts of its time entries" in reason for reason in acme)
    # ...while its target, with under 3 clients invoiced, counts Birch's estimated rate and says so
    assert any("2 of them estimated from billable amounts (fewer than 3" in r for r in acme)


def test_hours_without_a_cost_leave_the_margin_unknown_unless_cost_per_hour_prices_them(
    books: Store, scored: PortfolioScore
) -> None:
    cedar = by_name(scored, "Cedar Studio")
    assert cedar.margin is None
    assert (
        "Cost amounts cover 5 of its 8 hours (€250); set [money] cost_per_hour to price the "
        "rest: until then its margin is not known."
    ) in cedar.reasons
    priced = score_portfolio(books, AS_OF, Settings(money=Money(cost_per_hour=40)))
    cedar = by_name(priced, "Cedar Studio")
    assert cedar.margin == round(1 - (250 + 3 * 40) / 960, 6)
    assert (
        "Its 8 hours cost €370 (the entries' cost amounts, the other 3 h at the cost per "
        "hour): margin 61%."
    ) in cedar.reasons
    # where every hour has a cost amount, cost_per_hour changes nothing
    assert by_name(priced, "Acme Ltd").margin == 0.64


def test_the_summary_says_what_the_money_is_used_for(tmp_path: Path) -> None:
    store = open_store(empty_copy(tmp_path / "s.duckdb"))
    summary = load(store, write(tmp_path, "time.csv", TIME))
    assert (
        "time.csv: Cost Amount gives each client's cost (5 entries, 33.00 h), so its margin "
        "needs no [money] cost_per_hour; Billable Amount (5 billable entries, 34.00 h) estimates "
        "revenue "
        "where no invoice exists in the last four quarters."
    ) in summary.notes
    assert (
        "1 entry (3.00 h) has a Cost Amount of 0 (no cost rate set in the time tracker): their cost is "
        "unknown, priced at [money] cost_per_hour if you set one, else their clients' margin is "
        "not known."
    ) in summary.notes
    assert not any("ignoring" in w for w in summary.warnings)
    store.close()


def amounts(store: Store) -> list[tuple]:
    return store.con.execute(
        "SELECT c.name, t.date, t.billable_amount, t.cost_amount, t.amount_currency "
        "FROM time_entries t JOIN clients c USING (client_id) ORDER BY ALL"
    ).fetchall()


def test_an_export_refused_for_its_rows_also_says_the_rates_it_lacks(tmp_path: Path) -> None:
    """A bad Hours value and amounts in SEK with no rate: two refusals one after the other before;
    one now, the row's problem listed and the rate asked for below it (ambiguous dates too)."""
    rows = (
        "2026-08-04,Dala AB,Site,Design,Hero,ten,Yes,Ana,Silva,10000.00,4000.00,Swedish Krona - SEK\n"
        "2026-08-05,Dala AB,Site,Design,Menu,5,Yes,Ana,Silva,5000.00,2000.00,Swedish Krona - SEK\n"
    )
    store = open_store(empty_copy(tmp_path / "s.duckdb"))
    dates = rows.replace("2026-08-0", "03/04/202")  # and day-first or month-first unknown
    for name, text, faults in (("bad.csv", rows, 1), ("dates.csv", dates, 2)):
        error = refused(store, write(tmp_path, name, HEAD + text), money=Money())
        assert len(error.problems) == faults
        assert (
            "It also has 2 time entries with amounts in SEK, and the settings give no rate"
            in str(error)
        )
        assert "  SEK = ?  # how many EUR one SEK is worth" in str(error)
        # where the file is, and how to make it (it does not exist on a first day)
        assert (
            "to your settings file (`health-tui config` says where it is; `health-tui config "
            "--write` makes it), e.g.:" in str(error)
        )
    # with the rate in the settings there is nothing more to say
    error = refused(
        store, write(tmp_path, "rated.csv", HEAD + rows), money=Money(rates={"SEK": 0.1})
    )
    assert len(error.problems) == 1 and "It also has" not in str(error)
    # an amount that cannot be read yet is an amount in SEK once fixed
    unread = rows.replace(",ten,", ",10,").replace("10000.00,4000.00", "1O000.00,0.00")
    error = refused(store, write(tmp_path, "unread.csv", HEAD + unread), money=Money())
    assert [p.column for p in error.problems] == ["Billable Amount"]
    assert "It also has 2 time entries with amounts in SEK" in str(error)
    assert amounts(store) == []
    store.close()


def test_reimporting_the_export_does_not_double_the_money(tmp_path: Path) -> None:
    store = open_store(empty_copy(tmp_path / "s.duckdb"))
    path = write(tmp_path, "time.csv", TIME)
    load(store, path)
    first = amounts(store)
    again = load(store, path)
    assert again.already == 6 and amounts(store) == first
    assert first[0] == ("Acme Ltd", date(2026, 2, 3), Decimal("1000.00"), Decimal("400.00"), "EUR")
    assert first[-1][3:] == (None, "EUR")  # Cedar's 0.00 Cost Amount: an unknown cost
    store.close()


def test_a_currency_without_a_rate_is_refused_at_import_and_converted_with_one(
    tmp_path: Path,
) -> None:
    sek = HEAD + (
        "2026-08-04,Dala AB,Site,Design,Hero,10,Yes,Ana,Silva,10000.00,400.00,Swedish Krona - SEK\n"
        "2026-08-05,Dala AB,Site,Design,Menu,5,Yes,Ana,Silva,5000.00,200.00,Swedish Krona - SEK\n"
    )
    path = write(tmp_path, "sek.csv", sek)
    store = open_store(empty_copy(tmp_path / "s.duckdb"))
    message = str(refused(store, path, money=Money()))
    assert message.startswith(
        "import of sek.csv refused: it has 2 time entries with amounts in SEK, and the settings "
        "give no rate to convert it to EUR"
    )
    assert (
        "  SEK = ?  # how many EUR one SEK is worth" in message and "Nothing was changed" in message
    )
    assert amounts(store) == []

    load(store, path, money=Money(rates={"SEK": 0.1}))
    dala = by_name(
        score_portfolio(store, AS_OF, Settings(money={"rates": {"SEK": 0.1}})), "Dala AB"
    )
    assert dala.revenue_estimated and dala.revenue_12m == 1500  # SEK 15,000
    assert dala.margin == 0.6  # 1 - €600 / €1,500 (SEK 15,000): the costs are in the account's
    with pytest.raises(ConfigError, match="holds 2 time entries with amounts in SEK"):
        score_portfolio(store, AS_OF, Settings())  # the rate was removed from the settings
    store.close()


def test_amounts_that_do_not_read_refuse_the_import_at_their_line(
    store: Store, tmp_path: Path
) -> None:
    bad = HEAD + (
        "2026-08-04,Acme Ltd,Site,Design,Hero,10,Yes,Ana,Silva,1000.00,abc,EUR\n"
        "2026-08-05,Acme Ltd,Site,Design,Menu,5,Yes,Ana,Silva,-5.00,200.00,Dollars\n"
    )
    assert problems(store, write(tmp_path, "bad.csv", bad)) == [
        "bad.csv:2: Cost Amount: not an amount (like 1250.00): 'abc'",
        "bad.csv:3: Billable Amount: must not be negative: '-5.00'",
        "bad.csv:3: Currency: not a currency (like EUR or Euro - EUR): 'Dollars'",
    ]


def test_a_schema_5_database_keeps_its_rows_and_gains_empty_amounts(tmp_path: Path) -> None:
    from health_tui.store.migrations import CURRENT_VERSION

    path = older_db(
        tmp_path / "v5.duckdb",
        5,
        """
        INSERT INTO client_rows (client_id, name, started_on, source)
            VALUES ('northwind', 'Northwind Outfitters', DATE '2025-07-01', 'folder');
        INSERT INTO time_entries VALUES
            ('northwind', DATE '2025-07-02', 2.0, true, 'delivery', 'Ana', 'Hero', 'folder', 'northwind'),
            ('northwind', DATE '2025-07-03', 1.0, true, 'revision', 'Ana', 'Again', 'harvest-time', 'k1');
    """,
    )
    store = open_store(path)
    assert store.rows("schema_version_get") == [(CURRENT_VERSION,)]
    assert store.con.execute(
        "SELECT date, hours, source, billable_amount, cost_amount, amount_currency "
        "FROM time_entries ORDER BY date"
    ).fetchall() == [
        (date(2025, 7, 2), 2.0, "folder", None, None, None),
        (date(2025, 7, 3), 1.0, "harvest-time", None, None, None),
    ]
    store.close()


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_backup_and_restore_keep_the_amounts(books: Store, tmp_path: Path, fmt: str) -> None:
    backup_folder(books, tmp_path / "backup", fmt, at=datetime(2026, 10, 1, 9, 0))
    restored = open_store(empty_copy(tmp_path / "restored.duckdb"))
    restore_folder(restored, tmp_path / "backup")
    assert amounts(restored) == amounts(books)
    assert by_name(score_portfolio(restored, AS_OF), "Cedar Studio").reasons == (
        by_name(score_portfolio(books, AS_OF), "Cedar Studio").reasons
    )
    restored.close()


def test_the_folder_format_carries_the_amounts_both_ways(books: Store, tmp_path: Path) -> None:
    export_import_format(books, tmp_path / "folder")
    header = (tmp_path / "folder" / "time_entries.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header.endswith(",note,billable_amount,cost_amount,currency,cost_currency")
    again = open_store(empty_copy(tmp_path / "again.duckdb"))
    import_folder(again, tmp_path / "folder")
    assert amounts(again) == amounts(books)
    again.close()


def test_a_folder_with_amounts_is_checked_like_any_number(tmp_path: Path) -> None:
    folder = acme_folder(
        tmp_path,
        time_entries=(
            "client_id,date,hours,billable,activity,billable_amount,cost_amount,currency\n"
            "acme,2026-08-04,2,true,delivery,200.00,80.00,usd\n"
            "acme,2026-08-05,1,true,delivery,1O0,,EUR\n"
        ),
    )
    store = open_store(empty_copy(tmp_path / "s.duckdb"))
    with pytest.raises(ImportFailed) as info:
        import_folder(store, folder, money=Money(rates={"USD": 0.9}))
    assert [str(p) for p in info.value.problems] == [
        "time_entries.csv:3: billable_amount: not an amount (like 1250.00): '1O0'"
    ]
    (folder / "time_entries.csv").write_text(
        "client_id,date,hours,billable,activity,billable_amount,cost_amount,currency\n"
        "acme,2026-08-04,2,true,delivery,200.00,80.00,usd\n",
        encoding="utf-8",
    )
    with pytest.raises(ImportFailed, match="1 time entry with amounts in USD"):
        import_folder(store, folder, money=Money())
    import_folder(store, folder, money=Money(rates={"USD": 0.9}))
    assert amounts(store) == [
        ("Acme Ltd", date(2026, 8, 4), Decimal("200.00"), Decimal("80.00"), "USD")
    ]
    store.close()


def test_an_invoice_in_another_currency_fits_its_row_and_says_both_amounts() -> None:
    """The client screen's invoice rows fill the panel at 120 columns: what an invoice counts for
    in the portfolio's currency and what is still owed go on a line under its amount (they
    wrapped mid-figure, "  25d  =" then "€4,600" on a line of its own)."""
    from rich.cells import cell_len

    from health_tui.app.widgets.client_panels import invoices_content
    from health_tui.history import ClientHistory, InvoiceLine

    def line(n: int, currency: str | None, paid: date | None, days: int) -> InvoiceLine:
        return InvoiceLine(
            invoice_id=f"i{n}", issued_on=date(2026, 8, 1), due_on=date(2026, 8, 31), paid_on=paid,
            amount=5000, currency=currency, converted=4600 if currency else 5000, days_late=days,
            unpaid=0 if paid else 5000, unpaid_converted=0 if paid else (4600 if currency else 5000),
        )  # fmt: skip

    history = ClientHistory(client_id="c", as_of=date(2026, 9, 30), events=[], invoices=[
        line(1, "USD", None, 30), line(2, "USD", date(2026, 9, 25), 25), line(3, None, None, 30),
    ])  # fmt: skip
    text = invoices_content(history, "EUR").plain.splitlines()
    header = next(t for t in text if t.startswith("issued"))
    assert max(cell_len(t) for t in text[1:]) <= cell_len(header)
    assert text[2:] == [  # a US dollar beside euros reads US$
        "2026-08-01 2026-08-31 US$5,000.00  overdue     30d",
        "                         = €4,600",
        "                                  owes US$5,000.00",
        "2026-08-01 2026-08-31 US$5,000.00  paid late   25d",
        "                         = €4,600",
        "2026-08-01 2026-08-31   €5,000.00  overdue     30d",
        "                                   owes €5,000.00",
    ]


def test_an_amount_with_no_currency_keeps_the_portfolios_when_it_changes(tmp_path: Path) -> None:
    """Invoices imported with no currency were stored with none, and counted in whatever the
    portfolio's currency was later: switched to USD, €5,000 became $5,000 beside converted
    invoices, and the import's own "taken as EUR" was no longer true."""
    from tests.test_connectors import EXPORTS

    folder = acme_folder(
        tmp_path,
        invoices=(
            "invoice_id,client_id,issued_on,due_on,paid_on,amount,currency\n"
            "P-1,acme,2026-07-01,2026-07-31,2026-07-20,2500.00,\n"
            "P-2,acme,2026-08-01,2026-08-31,2026-08-20,2500.00,\n"
            "U-1,acme,2026-09-01,2026-09-30,2026-09-20,1000.00,USD\n"
        ),
    )
    store = open_store(empty_copy(tmp_path / "s.duckdb"))
    import_folder(store, folder, money=Money(rates={"USD": 0.9}))
    sheet = EXPORTS / "invoices_sheet.csv"  # a mapped sheet with no currency column
    load(store, sheet, mapping=sheet.with_suffix(".toml"), money=Money(rates={"USD": 0.9}))
    stored = store.con.execute("SELECT DISTINCT currency FROM invoices ORDER BY 1").fetchall()
    assert stored == [("EUR",), ("USD",)]
    in_dollars = Settings(money={"currency": "USD", "rates": {"EUR": 1.1}})
    acme = by_name(score_portfolio(store, AS_OF, in_dollars), "Acme Ltd")
    assert acme.lifetime_value == pytest.approx(5000 * 1.1 + 1000)
    store.close()


def test_a_missing_rate_counts_the_owners_invoices_not_the_rows(tmp_path: Path) -> None:
    """An invoice paid in part is stored as two rows (ID and ID-unpaid): "the database holds 2
    invoices in USD" named one invoice twice."""
    path = write(
        tmp_path,
        "inv.csv",
        "Status,Issue Date,Due Date,ID,Client,Subject,Invoice Amount,Paid Amount,Balance,"
        "Currency,Paid Date\n"
        'Partial,2026-08-01,2026-08-31,1001,Acme,Work,"1,000.00",400.00,600.00,'
        "US Dollar - USD,2026-08-20\n",
    )
    store = open_store(empty_copy(tmp_path / "s.duckdb"))
    load(store, path, money=Money(rates={"USD": 0.9}))
    assert store.con.execute("SELECT count(*) FROM invoices").fetchone() == (2,)
    with pytest.raises(ConfigError, match="holds 1 invoice in USD"):
        score_portfolio(store, AS_OF, Settings())
    store.close()


def test_amounts_an_earlier_version_left_with_no_currency_are_marked_at_the_next_import(
    tmp_path: Path,
) -> None:
    """Rows an earlier health-tui stored with no currency still followed the portfolio's currency
    wherever it went (reviewer): the next import marks them with the currency they were counted
    in, and says so."""
    folder = acme_folder(
        tmp_path,
        time_entries=(
            "client_id,date,hours,billable,activity,billable_amount\n"
            "acme,2026-08-04,2,true,delivery,200.00\n"
        ),
        invoices=(
            "invoice_id,client_id,issued_on,due_on,paid_on,amount\n"
            "P-1,acme,2026-07-01,2026-07-31,2026-07-20,2500.00\n"
        ),
    )
    store = open_store(empty_copy(tmp_path / "s.duckdb"))
    import_folder(store, folder, money=Money())
    with store.transaction() as con:  # as an earlier version left them (the rollups in step)
        con.execute("UPDATE invoices SET currency = NULL")
        con.execute("UPDATE time_entries SET amount_currency = NULL")
    summary = load(store, write(tmp_path, "t.csv", TIME), money=Money())
    assert summary.notes[0] == (
        "Marked 1 invoice and 1 time entry with amounts an earlier health-tui stored with no "
        "currency as EUR, the currency set now, which they were counted in: a later change of "
        "[money] currency converts them. If they were in another (the currency was changed "
        "since they were imported), import their file again, with --replace if it was a folder."
    )
    assert store.con.execute(
        "SELECT count(*) FROM invoices WHERE currency IS NULL "
        "UNION ALL SELECT count(*) FROM time_entries WHERE amount_currency IS NULL "
        "AND billable_amount IS NOT NULL"
    ).fetchall() == [(0,), (0,)]
    store.close()


def test_a_margin_on_too_few_hours_is_shown_as_the_rate_is(scored: PortfolioScore) -> None:
    """A 6-hour client's screen said "margin 55%" as a fact while its rate said "on 6 h: too few
    hours to weigh" (thin-data hunt): the margin stands on the same hours, and says so too."""
    acme = by_name(scored, "Acme Ltd")
    shown = str(effort_content(acme, "EUR"))
    assert re.search(r"margin +64%\n", shown)
    few = acme.model_copy(update={"rate_weighed": False, "hours_12m": 6.0})
    shown = str(effort_content(few, "EUR"))
    assert re.search(r"margin +64%  on 6 h: too few hours to weigh\n", shown), shown


def test_invoices_read_to_the_cent_halves_rounded_alike_and_a_credit_note_never_late() -> None:
    """An owner's hunt: the invoice list showed £1,312.50 as "£1,312" and £1,237.50 as "£1,238"
    (Python rounds halves to the even digit), beside "owes £1,312.50" in the checklist, and a
    credit note "0d" late, as if it had been due."""
    from health_tui.app.widgets.client_panels import invoices_content
    from health_tui.formatting import money
    from health_tui.history import ClientHistory, InvoiceLine

    assert [money(v, "GBP") for v in (1312.5, 1237.5, -1312.5, -0.4)] == [
        "£1,313", "£1,238", "-£1,313", "£0"
    ]  # fmt: skip
    assert money(2.675, "EUR", cents=True) == "€2.68"  # as written, not as the float holds it

    def line(n: int, amount: float, paid: date | None, days: int) -> InvoiceLine:
        return InvoiceLine(
            invoice_id=f"i{n}", issued_on=date(2026, 11, 1), due_on=date(2026, 12, 1), paid_on=paid,
            amount=amount, currency="GBP", converted=amount, days_late=days,
            unpaid=0 if paid else amount, unpaid_converted=0 if paid else amount,
        )  # fmt: skip

    history = ClientHistory(client_id="c", as_of=date(2026, 12, 5), events=[], invoices=[
        line(1, 1312.5, None, 4), line(2, 1237.5, date(2026, 11, 20), 0),
        line(3, -300, date(2026, 11, 1), 0),
    ])  # fmt: skip
    text = invoices_content(history, "GBP").plain.splitlines()
    assert all(len(t) <= len(text[1]) for t in text[2:])  # under the header's columns
    assert text[0] == "Invoices   unpaid £1,312.50"
    # a wider figure widens its column, the header with it: every row still under its title
    wide = ClientHistory(client_id="c", as_of=date(2026, 12, 5), events=[], invoices=[
        line(1, 125_000, None, 1204), line(2, 5000, None, 3).model_copy(update={"currency": "CHF"}),
    ])  # fmt: skip
    rows = invoices_content(wide, "GBP").plain.splitlines()
    assert rows[1].endswith("late") and all(len(t) <= len(rows[1]) for t in rows[2:])
    assert rows[2] == "2026-11-01 2026-12-01  £125,000.00  overdue    1204d"
    assert text[2:] == [
        "2026-11-01 2026-12-01  £1,312.50  overdue      4d",
        "                                  owes £1,312.50",
        "2026-11-01 2026-12-01  £1,237.50  paid         0d",
        "2026-11-01 2026-12-01   -£300.00  credit note   —",
    ]


def test_the_margin_reads_the_same_in_the_reasons_and_on_the_client_screen(tmp_path: Path) -> None:
    """A hunt's design agency: a margin of 81.498% read "margin 81%" in the reasons and "82%" in
    the effort panel (the record kept 0.8150, rounded again for the screen)."""
    store = open_store(empty_copy(tmp_path / "m.duckdb"))
    time_csv = HEAD + (
        "2026-07-03,Acme Ltd,Site,Design,Hero,10,Yes,Ana,Silva,1000.00,400.00,EUR\n"
        "2026-08-04,Acme Ltd,Site,Design,Footer,10,Yes,Ana,Silva,1000.00,62.55,EUR\n"
    )
    load(store, write(tmp_path, "time.csv", time_csv))
    load(store, write(tmp_path, "invoices.csv", INVOICES))
    acme = by_name(score_portfolio(store, AS_OF, Settings()), "Acme Ltd")
    store.close()
    # 1 - 462.55 / 2,500 = 0.81498
    said = re.search(r"margin (\d+)%\.", " ".join(acme.reasons))
    shown = re.search(r"margin +(\d+)%\n", str(effort_content(acme, "EUR")))
    assert said and shown and said.group(1) == shown.group(1) == "81"


def test_a_us_dollar_beside_another_currency_reads_us_dollar() -> None:
    """A Toronto freelancer (CAD) read "$2,300.00" under "unpaid CAD 14,205.80" on the client
    screen and in the exit checklist as Canadian dollars."""
    from health_tui.formatting import money

    assert money(2300, "USD", cents=True, home="CAD") == "US$2,300.00"
    assert money(2300, "USD", cents=True, home="EUR") == "US$2,300.00"
    assert money(2300, "USD", cents=True, home="USD") == "$2,300.00"
    assert money(2300, "USD", cents=True) == "$2,300.00"  # the letter to a US client
    assert money(2300, "CAD", cents=True, home="CAD") == "CAD\xa02,300.00"


def test_a_clients_cost_amount_is_in_the_accounts_currency_not_the_clients(tmp_path: Path) -> None:
    """Harvest keeps one cost rate a person, in the account's currency, and a client's billable
    rates in the client's: the export's Currency is the client's. A Bristol agency's euro client's
    costs, in pounds, were converted as euros (its margin read 60% where it was 53%)."""
    gbp = Money(currency="GBP", rates={"EUR": 0.85})
    euro = HEAD + (
        "2026-08-04,Liffey Ltd,Site,Design,Hero,10,Yes,Ana,Silva,1000.00,400.00,Euro - EUR\n"
        "2026-08-05,Wye Ltd,Site,Design,Menu,10,Yes,Ana,Silva,900.00,400.00,British Pound - GBP\n"
    )
    store = open_store(empty_copy(tmp_path / "s.duckdb"))
    summary = load(store, write(tmp_path, "time.csv", euro), money=gbp)
    assert (
        "1 entry of clients billed in EUR: Cost Amount read in GBP, the portfolio's currency, not "
        "theirs (Harvest keeps one cost rate a person, in the account's currency, taken to be the "
        "portfolio's)."
    ) in summary.notes
    scored = score_portfolio(store, AS_OF, Settings(money=gbp))
    liffey = by_name(scored, "Liffey Ltd")
    assert liffey.revenue_12m == 850  # €1,000 at 0.85
    assert liffey.margin == pytest.approx(1 - 400 / 850)  # £400 of cost, not €400 (£340)
    assert by_name(scored, "Wye Ltd").margin == pytest.approx(1 - 400 / 900)
    # the folder format and a backup carry the cost's own currency, and give the same margin
    export_import_format(store, tmp_path / "folder")
    again = open_store(empty_copy(tmp_path / "again.duckdb"))
    import_folder(again, tmp_path / "folder", money=gbp)
    rows = "SELECT amount_currency, cost_currency FROM time_entries ORDER BY ALL"
    assert again.con.execute(rows).fetchall() == [("EUR", "GBP"), ("GBP", None)]
    assert by_name(score_portfolio(again, AS_OF, Settings(money=gbp)), "Liffey Ltd").margin == (
        liffey.margin
    )
    again.close()
    store.close()


def test_an_upgrade_says_when_stored_harvest_costs_are_in_a_clients_currency(
    tmp_path: Path,
) -> None:
    """Schema 17 reads Harvest's Cost Amount in the account's currency; the entries an earlier
    version stored keep their costs in the client's until imported again, and the upgrade says so
    (the reviewer's find: a EUR client's margin stayed 60% where 53%, nothing said)."""
    from health_tui.store.migrations import on_upgrade

    path = older_db(
        tmp_path / "v16.duckdb",
        16,
        """
        INSERT INTO client_rows (client_id, name, started_on, source)
            VALUES ('liffey', 'Liffey Ltd', DATE '2025-07-01', 'harvest-time'),
                   ('wye', 'Wye Ltd', DATE '2025-07-01', 'harvest-time');
        INSERT INTO time_entries (client_id, date, hours, billable, activity, source, source_key,
                                  cost_amount, amount_currency)
            VALUES ('liffey', DATE '2025-07-02', 2.0, true, 'delivery', 'harvest-time', 'k1', 80, 'EUR'),
                   ('wye', DATE '2025-07-03', 1.0, true, 'delivery', 'harvest-time', 'k2', 40, 'GBP');
    """,
    )
    said: list[str] = []
    on_upgrade(said.append)
    try:
        open_store(path).close()
    finally:
        on_upgrade(None)
    assert any(
        s.startswith(
            "2 Harvest time entries have a Cost Amount, for clients billed in 2 currencies"
        )
        and "until you import the Harvest time export again" in s
        for s in said
    ), said
