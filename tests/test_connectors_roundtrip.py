"""One history, four ways in: the native folder; Harvest with Zendesk tickets and Typeform answers;
Toggl with Freshdesk tickets and a Google Forms sheet; and mapped spreadsheets (time, invoices, a
contact log, a survey) must give the same scores. The history is written from the same literal rows
in each format, with the interactions each helpdesk can say (its channels, kinds and ratings), and
compared per client name (client ids differ by design)."""

from __future__ import annotations

import csv
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from health_tui.clients import set_domain
from health_tui.ingest.connector import import_path
from health_tui.scoring.engine import score_portfolio
from health_tui.store import open_store
from tests.portfolio_builder import AS_OF, Book

TASKS = {"delivery": "Design", "revision": "Revisions", "admin": "Internal admin"}
KINDS = {"delivery": "Dev", "revision": "Fixes", "admin": "Office"}


def history() -> Book:
    """Four clients that score differently: steady, revision-heavy, late and complaining,
    under-priced, new; with tickets and survey scores a helpdesk and a survey tool can carry."""
    book = Book()
    start = AS_OF - timedelta(days=500)
    book.client("acme", "Acme Ltd", start).work("acme", start, AS_OF, rate=100, late_days=2)
    book.events("acme", "request", start, AS_OF, per_quarter=4)
    book.events("acme", "praise", start, AS_OF, per_quarter=1, channel="chat", sentiment=1.0)
    book.feedback("acme", start, AS_OF, 9)
    book.client("bolt", "Bolt & Co", start).work(
        "bolt", start, AS_OF, rate=70, revision=0.35, nonbillable=0.2, late_days=25, unpaid_last=2
    )
    book.events("bolt", "complaint", start, AS_OF, per_quarter=3, channel="phone", sentiment=-1.0)
    book.events("bolt", "urgent_request", start, AS_OF, per_quarter=2, hour=21)
    book.events("bolt", "revision_request", start, AS_OF, per_quarter=2)
    book.events("bolt", "scope_change", start, AS_OF, per_quarter=1, sentiment=-1.0)
    book.events("bolt", "escalation", AS_OF - timedelta(days=120), AS_OF, per_quarter=1,
                channel="phone")  # fmt: skip
    book.feedback("bolt", start, AS_OF, 4)
    book.client("cedar", "Cédar Dental", start).work("cedar", start, AS_OF, rate=50)
    book.events("cedar", "request", start, AS_OF, per_quarter=2, channel="social")
    book.feedback("cedar", start, AS_OF, 8)
    new = AS_OF - timedelta(days=60)
    book.client("dune", "Dune Studio", new).work("dune", new, AS_OF, rate=120)
    book.events("dune", "request", new, AS_OF, per_quarter=3, sentiment=1.0)
    book.feedback("dune", new, AS_OF, 10, every_days=30)
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
    return [{"path": book.write(folder)}]


# What each helpdesk says for one of our kinds: (tags, priority, ticket type).
ZENDESK_KINDS = {
    "request": ("", "normal", "question"),
    "urgent_request": ("", "urgent", "question"),
    "complaint": ("", "normal", "incident"),
    "escalation": ("escalation vip", "high", "problem"),
    "revision_request": ("revision", "normal", "task"),
    "scope_change": ("scope", "low", "question"),
    "praise": ("praise", "low", "question"),
}
ZENDESK_VIA = {
    "email": "Mail",
    "phone": "Phone call (incoming)",
    "chat": "Chat",
    "social": "Twitter",
}
FRESHDESK_SOURCE = {"email": "Email", "phone": "Phone", "chat": "Chat", "social": "Twitter"}


def _when(at: str) -> datetime:
    return datetime.strptime(at, "%Y-%m-%d %H:%M")


def zendesk(book: Book, folder: Path) -> list[dict]:
    """The interactions as Zendesk's ticket export: kind from tags, priority and type."""
    who = names(book)
    rows = []
    for n, (cid, at, channel, kind, sentiment, _note) in enumerate(book.rows["interactions"]):
        tags, priority, ticket_type = ZENDESK_KINDS[kind]
        rating = {"": "Unoffered", 1.0: "Good", -1.0: "Bad"}[sentiment]
        rows.append([n + 1, 1000 + n, f"someone@{cid}.example", "A ticket", tags, priority,
                     ZENDESK_VIA[channel], ticket_type, _when(at).strftime("%Y-%m-%d %H:%M:%S +0100"),
                     who[cid], rating])  # fmt: skip
    header = ["Summation column", "Id", "Requester email", "Subject", "Tags", "Priority", "Via",
              "Ticket type", "Created at", "Organization", "Satisfaction Score"]  # fmt: skip
    return [{"path": _csv(folder / "zendesk.csv", header, rows)}]


def freshdesk(book: Book, folder: Path) -> list[dict]:
    """The interactions as Freshdesk's ticket export; the company left out where the requester's
    domain says who it is."""
    who = names(book)
    rows = []
    for n, (cid, at, channel, kind, sentiment, _note) in enumerate(book.rows["interactions"]):
        tags, priority, ticket_type = ZENDESK_KINDS[kind]
        rating = {"": "", 1.0: "Awesome", -1.0: "Not Good"}[sentiment]
        company = "" if cid == "cedar" else who[cid]  # cedar's tickets: by domain
        rows.append([500 + n, "A ticket", priority.title(), FRESHDESK_SOURCE[channel],
                     ticket_type.title(), _when(at).strftime("%Y-%m-%d %H:%M:%S"),
                     ",".join(tags.split()), rating, f"someone@{cid}.example", company])  # fmt: skip
    header = ["Ticket ID", "Subject", "Priority", "Source", "Type", "Created time", "Tags",
              "Survey results", "Email", "Company Name"]  # fmt: skip
    return [{"path": _csv(folder / "freshdesk.csv", header, rows)}]


def typeform(book: Book, folder: Path) -> list[dict]:
    """The feedback as a Typeform download, through a mapping; a partial response among them."""
    who = names(book)
    question = "How likely are you to recommend us?"
    rows = [[f"tok{n:04d}", score, who[cid], d.strftime("%Y-%m-%d 12:00:00"), "completed"]
            for n, (cid, d, score, _c) in enumerate(book.rows["feedback"])]  # fmt: skip
    rows.append(["tok9999", "", who["acme"], "", "partial"])
    mapping = folder / "typeform.toml"
    mapping.write_text(
        f'target = "feedback"\nname = "nps"\n[columns]\nid = "#"\nscore = "{question}"\n'
        'client = "Company"\ndate = "Submit Date (UTC)"\n',
        encoding="utf-8",
    )
    header = ["#", question, "Company", "Submit Date (UTC)", "Response Type"]
    return [{"path": _csv(folder / "typeform.csv", header, rows), "mapping": mapping}]


def google_forms(book: Book, folder: Path) -> list[dict]:
    """The feedback as a Google Form's sheet: month-first timestamps, the email's domain decides."""
    rows = [[d.strftime("%-m/%-d/%Y 9:30:00"), f"someone@{cid}.example", score]
            for cid, d, score, _c in book.rows["feedback"]]  # fmt: skip
    mapping = folder / "forms.toml"
    mapping.write_text(
        'target = "feedback"\nname = "forms"\ndate_format = "month-first"\n[columns]\n'
        'date = "Timestamp"\ndomain = "Email Address"\nscore = "Score"\n',
        encoding="utf-8",
    )
    header = ["Timestamp", "Email Address", "Score"]
    return [{"path": _csv(folder / "forms.csv", header, rows), "mapping": mapping}]


def domains(book: Book) -> list[dict]:
    """Each client's web domain, the way the owner gives it."""
    return [{"domain": (cid, f"{cid}.example")} for cid in names(book)]


def harvest(book: Book, folder: Path) -> list[dict]:
    folder.mkdir()
    who = names(book)
    time = [
        [d.isoformat(), who[cid], "Retainer", TASKS[act], note, h, "Yes" if b else "No", person, ""]
        for cid, d, h, b, act, person, note in book.rows["time_entries"]
    ]
    header = ["Date", "Client", "Project", "Task", "Notes", "Hours", "Billable?", "First Name",
              "Last Name"]  # fmt: skip
    return [
        {"path": _csv(folder / "time.csv", header, time)},
        *harvest_invoices(book, folder),
        *zendesk(book, folder),
        *typeform(book, folder),
    ]


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
    return [
        {"path": _csv(folder / "toggl.csv", header, rows)},
        *harvest_invoices(book, folder),
        *domains(book),
        *freshdesk(book, folder),
        *google_forms(book, folder),
    ]


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
    log = [
        [_when(at).strftime("%d/%m/%Y %H:%M"), who[cid], WORDS[channel], WORDS[kind],
         "" if sentiment == "" else str(sentiment).replace(".", ",")]
        for cid, at, channel, kind, sentiment, _note in book.rows["interactions"]
    ]  # fmt: skip
    log_map = folder / "log.toml"
    log_map.write_text(
        'target = "interactions"\nname = "log"\n[columns]\nat = "Wann"\nclient = "Kunde"\n'
        'channel = "Wie"\nkind = "Was"\nsentiment = "Stimmung"\n[values.channel]\n'
        + "".join(f'"{WORDS[c]}" = "{c}"\n' for c in ("email", "phone", "chat", "social"))
        + "[values.kind]\n"
        + "".join(f'"{WORDS[k]}" = "{k}"\n' for k in ZENDESK_KINDS),
        encoding="utf-8",
    )
    survey = [
        [who[cid], d.strftime("%d.%m.%Y"), score] for cid, d, score, _c in book.rows["feedback"]
    ]
    survey_map = folder / "survey.toml"
    survey_map.write_text(
        'target = "feedback"\nname = "umfrage"\ndate_format = "%d.%m.%Y"\n[columns]\n'
        'client = "Kunde"\ndate = "Datum"\nscore = "Note"\n',
        encoding="utf-8",
    )
    return [
        {"path": _csv(folder / "time.csv", ["Kunde", "Tag", "Stunden", "Abrechenbar", "Art"], time, ";"),
         "mapping": time_map},
        {"path": _csv(folder / "bills.csv", ["Nr", "Kunde", "Datum", "Fällig", "Bezahlt", "Betrag"], bills, ";"),
         "mapping": bill_map},
        {"path": _csv(folder / "log.csv", ["Wann", "Kunde", "Wie", "Was", "Stimmung"], log, ";"),
         "mapping": log_map},
        {"path": _csv(folder / "survey.csv", ["Kunde", "Datum", "Note"], survey, ";"),
         "mapping": survey_map},
    ]  # fmt: skip


# A German contact log's words for our channels and kinds.
WORDS = {
    "email": "Mail", "phone": "Anruf", "chat": "Chat", "social": "Twitter",
    "request": "Anfrage", "urgent_request": "Eilig", "complaint": "Beschwerde",
    "escalation": "Eskalation", "revision_request": "Korrektur", "scope_change": "Mehrarbeit",
    "praise": "Lob",
}  # fmt: skip


def scores(tmp_path: Path, name: str, imports: list[dict]) -> dict[str, tuple]:
    store = open_store(tmp_path / f"{name}.duckdb")
    try:
        for kwargs in imports:
            if "domain" in kwargs:  # the owner gives a client its domain
                cid, domain = kwargs["domain"]
                client = store.con.execute(
                    "SELECT client_id FROM clients WHERE name = ?", [names(history())[cid]]
                ).fetchone()
                set_domain(store, client[0], domain, at=datetime(2026, 1, 1))
                continue
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
                {k.name: k.score if k.score is None else round(k.score, 6) for k in c.components},
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
    # tickets and answers count: every client has satisfaction and friction
    assert all(v[-1]["satisfaction"] is not None for v in expected.values())
    assert all(v[-1]["friction"] is not None for v in expected.values())
    assert str(expected["Dune Studio"][2]) == "new"
    assert expected["Dune Studio"][3] == date(2026, 8, 3)


@pytest.mark.parametrize("writer", [harvest, toggl, mapped], ids=["harvest", "toggl", "mapping"])
def test_each_source_gives_the_native_scores(
    tmp_path: Path, expected: dict[str, tuple], writer
) -> None:
    assert scores(tmp_path, writer.__name__, writer(history(), tmp_path / "in")) == expected
