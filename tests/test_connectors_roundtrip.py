"""One history, four ways in: the native folder, Harvest, Toggl, and a mapped spreadsheet must give
the same scores. The history is time and invoices only (what the exports carry), written from the
same literal rows in each format, and compared per client name (client ids differ by design)."""

from __future__ import annotations

import csv
from datetime import date, timedelta
from pathlib import Path

import pytest

from health_tui.ingest.connector import import_path
from health_tui.scoring.engine import score_portfolio
from health_tui.store import open_store
from tests.portfolio_builder import AS_OF, Book

TASKS = {"delivery": "Design", "revision": "Revisions", "admin": "Internal admin"}
KINDS = {"delivery": "Dev", "revision": "Fixes", "admin": "Office"}


def history() -> Book:
    """Four clients that score differently: steady, revision-heavy and late, under-priced, new."""
    book = Book()
    start = AS_OF - timedelta(days=500)
    book.client("acme", "Acme Ltd", start).work("acme", start, AS_OF, rate=100, late_days=2)
    book.client("bolt", "Bolt & Co", start).work(
        "bolt", start, AS_OF, rate=70, revision=0.35, nonbillable=0.2, late_days=25, unpaid_last=2
    )
    book.client("cedar", "Cédar Dental", start).work("cedar", start, AS_OF, rate=50)
    new = AS_OF - timedelta(days=60)
    book.client("dune", "Dune Studio", new).work("dune", new, AS_OF, rate=120)
    first = {}
    for cid, day, *_ in book.rows["time_entries"]:
        first[cid] = min(first.get(cid, day), day)
    for row in book.rows["clients"]:  # an export knows a client from its first entry
        row[2] = first[row[0]]
    return book


def names(book: Book) -> dict[str, str]:
    return {row[0]: row[1] for row in book.rows["clients"]}


def _csv(path: Path, header: list[str], rows: list[list], delimiter: str = ",") -> Path:
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh, delimiter=delimiter)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def native(book: Book, folder: Path) -> list[dict]:
    book.rows["interactions"], book.rows["feedback"] = [], []
    return [{"path": book.write(folder)}]


def harvest(book: Book, folder: Path) -> list[dict]:
    folder.mkdir()
    who = names(book)
    time = [
        [d.isoformat(), who[cid], "Retainer", TASKS[act], note, h, "Yes" if b else "No", person, ""]
        for cid, d, h, b, act, person, note in book.rows["time_entries"]
    ]
    header = ["Date", "Client", "Project", "Task", "Notes", "Hours", "Billable?", "First Name",
              "Last Name"]  # fmt: skip
    return [{"path": _csv(folder / "time.csv", header, time)}, *harvest_invoices(book, folder)]


def harvest_invoices(book: Book, folder: Path) -> list[dict]:
    who = names(book)
    rows = [
        [
            "Paid" if paid else "Open",
            issued.isoformat(),
            due.isoformat(),
            iid,
            who[cid],
            f"{amount:,.2f}",
            f"{amount:.2f}" if paid else "0.00",
            "Euro - EUR",
            paid.isoformat() if paid else "",
        ]
        for iid, cid, issued, due, paid, amount, _cur in book.rows["invoices"]
    ]
    header = ["Status", "Issue Date", "Due Date", "ID", "Client", "Invoice Amount", "Paid Amount",
              "Currency", "Paid Date"]  # fmt: skip
    return [{"path": _csv(folder / "invoices.csv", header, rows)}]


def toggl(book: Book, folder: Path) -> list[dict]:
    folder.mkdir()
    who = names(book)
    rows = []
    for cid, d, h, b, act, person, note in book.rows["time_entries"]:
        s = round(h * 3600)
        duration = f"{s // 3600:02d}:{s % 3600 // 60:02d}:{s % 60:02d}"
        rows.append([person, "sam@studio.example", who[cid], "Retainer", TASKS[act], note,
                     "Yes" if b else "No", d.isoformat(), "09:00:00", d.isoformat(), "",
                     duration, ""])  # fmt: skip
    header = ["User", "Email", "Client", "Project", "Task", "Description", "Billable",
              "Start date", "Start time", "End date", "End time", "Duration", "Tags"]  # fmt: skip
    return [{"path": _csv(folder / "toggl.csv", header, rows)}, *harvest_invoices(book, folder)]


def mapped(book: Book, folder: Path) -> list[dict]:
    """A European spreadsheet: semicolons, day-first dates, decimal commas, its own activity words."""
    folder.mkdir()
    who = names(book)

    def eu(x: float) -> str:
        return f"{x:,.2f}".replace(",", " ").replace(".", ",").replace(" ", ".")

    time = [
        [who[cid], d.strftime("%d/%m/%Y"), eu(h), "j" if b else "n", KINDS[act]]
        for cid, d, h, b, act, _person, _note in book.rows["time_entries"]
    ]
    time_map = folder / "time.toml"
    time_map.write_text(
        'name = "hours"\n[columns]\nclient = "Kunde"\ndate = "Tag"\nhours = "Stunden"\n'
        'billable = "Abrechenbar"\nactivity = "Art"\n'
        '[values.billable]\n"j" = true\n"n" = false\n'
        '[values.activity]\n"Dev" = "delivery"\n"Fixes" = "revision"\n"Office" = "admin"\n',
        encoding="utf-8",
    )
    bills = [
        [
            iid,
            who[cid],
            issued.strftime("%d/%m/%Y"),
            due.strftime("%d/%m/%Y"),
            paid.strftime("%d/%m/%Y") if paid else "",
            eu(amount),
        ]
        for iid, cid, issued, due, paid, amount, _cur in book.rows["invoices"]
    ]
    bill_map = folder / "bills.toml"
    bill_map.write_text(
        'target = "invoices"\nname = "bills"\n[columns]\ninvoice_id = "Nr"\nclient = "Kunde"\n'
        'issued_on = "Datum"\ndue_on = "Fällig"\npaid_on = "Bezahlt"\namount = "Betrag"\n',
        encoding="utf-8",
    )
    return [
        {"path": _csv(folder / "time.csv", ["Kunde", "Tag", "Stunden", "Abrechenbar", "Art"], time, ";"),
         "mapping": time_map},
        {"path": _csv(folder / "bills.csv", ["Nr", "Kunde", "Datum", "Fällig", "Bezahlt", "Betrag"], bills, ";"),
         "mapping": bill_map},
    ]  # fmt: skip


def scores(tmp_path: Path, name: str, imports: list[dict]) -> dict[str, tuple]:
    store = open_store(tmp_path / f"{name}.duckdb")
    try:
        for kwargs in imports:
            import_path(store, **kwargs)
        portfolio = score_portfolio(store, AS_OF)
        return {  # the scores, and the sums they are made of (scores are rounded)
            c.name: (
                # time and invoices alone are not enough data for health: the parts they give
                tuple(comp.score for comp in c.components),
                round(c.effort_return, 6),
                c.archetype,
                c.started_on,
                c.recommendation,
                {k: round(v, 6) for k, v in c.hours_by_activity.model_dump().items()},
                round(c.lifetime_value, 2),
                round(c.unpaid_overdue, 2),
                c.avg_days_late and round(c.avg_days_late, 6),
            )
            for c in portfolio.clients
        }
    finally:
        store.close()


@pytest.fixture(scope="module")
def expected(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple]:
    tmp = tmp_path_factory.mktemp("native")
    return scores(tmp, "native", native(history(), tmp / "folder"))


def test_the_history_tells_clients_apart(expected: dict[str, tuple]) -> None:
    assert len(expected) == 4
    # payment and scope have data for every established client: the exports' sums reach them
    assert all(None not in v[0][2:4] for v in expected.values() if str(v[2]) != "new")
    assert len({v[:3] for v in expected.values()}) == 4
    assert str(expected["Dune Studio"][2]) == "new"
    assert expected["Dune Studio"][3] == date(2026, 8, 3)


@pytest.mark.parametrize("writer", [harvest, toggl, mapped], ids=["harvest", "toggl", "mapping"])
def test_each_source_gives_the_native_scores(
    tmp_path: Path, expected: dict[str, tuple], writer
) -> None:
    assert scores(tmp_path, writer.__name__, writer(history(), tmp_path / "in")) == expected
