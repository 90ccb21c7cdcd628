"""`health-tui import DIR`: load an agency's own history from a folder of CSV or Parquet files.

The folder holds `clients.csv` (or `.parquet`) and, optionally, `time_entries`, `invoices`,
`interactions` and `feedback` in the same way. Python here only orchestrates tables and gathers
problems; it never loops over rows.

A clean folder is imported in one pass (`_streamed`): the clients file is staged and checked, then
each other file goes from disk straight into its table inside one transaction, checked as it is
typed, so memory stays flat whatever the folder's size. The first thing wrong stops that pass, which
is rolled back, and the checked import (`_checked`) runs: every file is read by DuckDB into a temp
table of text, every row is checked by one set-based query per table, and all problems are listed.

What stops a file being read at all (a malformed line, a missing column, an empty file) is listed
with the faults of every value of the files that could be read, so that one fix sees them all; only
a clients file that cannot be read (or has no client) stops the values being checked, since every
other file's rows are checked against it. All problems found are listed, by file then line.

Line numbers in problems are CSV lines (1 = the header, 2 = the first record), exact as long as no
value spans several lines and the file has no blank lines; for Parquet they are row numbers (1 = the
first row).
"""

from __future__ import annotations

import csv
import shlex
from collections.abc import Container
from datetime import date, datetime, time
from pathlib import Path
from typing import NamedTuple, NoReturn

import duckdb

from health_tui.domains import MAILBOX_DOMAINS
from health_tui.errors import StoreError
from health_tui.formatting import plural
from health_tui.ingest.models import (
    BACKUP_MANIFEST,
    DATE_COLUMN,
    LABELS,
    TABLES,
    ImportSummary,
    Problem,
    future_dated,
    paid_before_issued,
)
from health_tui.ingest.owner_repeats import owner_repeats
from health_tui.ingest.staging import (
    MACROS,
    Progress,
    duckdb_reason,
    excel_separator,
    install_macros,
    point_at_csv,
    read_csv_raw,
    read_header,
    refuse,
    replaces_demo,
    show,
    size,
    where_of,
)
from health_tui.money import (
    ENTRY_AMOUNTS,
    INVOICES,
    mark_home_currency,
    missing_rates,
    unrated,
)
from health_tui.settings import Money
from health_tui.store import Store, load_query
from health_tui.store.tables import HISTORY_TABLES, clear_imported, move_clients, wipe_all
from health_tui.text import safe_text

# The import format: every column each file may have, in the order of the table.
COLUMNS: dict[str, tuple[str, ...]] = {
    "clients": (
        "client_id",
        "name",
        "started_on",
        "ended_on",
        "referred_by",
        "industry",
        "notice_days",
        "domain",
    ),
    "time_entries": (
        "client_id",
        "date",
        "hours",
        "billable",
        "activity",
        "person",
        "note",
        "billable_amount",
        "cost_amount",
        "currency",
        "cost_currency",
    ),
    "invoices": ("invoice_id", "client_id", "issued_on", "due_on", "paid_on", "amount", "currency"),
    "interactions": ("client_id", "at", "channel", "kind", "sentiment", "note"),
    "feedback": ("client_id", "date", "score", "comment"),
}
# Columns a file must have (a missing optional column is all NULL, or notice_days' default of 30).
REQUIRED: dict[str, frozenset[str]] = {
    "clients": frozenset({"client_id", "name", "started_on"}),
    "time_entries": frozenset({"client_id", "date", "hours", "billable", "activity"}),
    "invoices": frozenset({"invoice_id", "client_id", "issued_on", "due_on", "amount"}),
    "interactions": frozenset({"client_id", "at", "channel", "kind"}),
    "feedback": frozenset({"client_id", "date", "score"}),
}


def import_folder(
    store: Store,
    folder: Path,
    *,
    replace: bool = False,
    money: Money | None = None,
    today: date | None = None,
    progress: Progress | None = None,
) -> ImportSummary:
    """Load `folder` into `store`, all or nothing; raise ImportFailed listing what is wrong.
    `today` (the command line's): rows dated after it are kept and said.

    Provenance: the folder is the full history of the clients it lists. The rows an earlier folder
    brought for them (source 'folder', keyed by the folder's client_id) are replaced by this
    folder's; rows any other source brought (an export, the app) are never touched, nor are the
    owner's facts, aliases and decisions. A client an export made under the same name is taken over
    (its rows re-pointed to the folder's client_id, said in the summary); a client_id the owner
    merged into another lands on that client. `replace=True` first empties everything imports
    brought; importing over the demo portfolio empties everything. Importing the same folder twice
    leaves identical tables.
    """
    say: Progress = progress or (lambda _message: None)
    money = money or Money()
    where = where_of(store)
    files = _find_files(Path(folder), where)
    wipe_demo = replaces_demo(store, replace, where)

    con = store.cursor()  # temp tables, macros and variables live on this connection only
    try:
        install_macros(store, con, MACROS)
        # the day the import runs, for what it records (an alias it makes): the command line's
        made_at = datetime.combine(today or EPOCH, time())
        written = _streamed(store, con, files, replace, wipe_demo, money, where, say, made_at)
        if written is None:  # something is wrong: the checked import lists what
            say("something needs a closer look: checking every file whole…")
            written = _checked(
                store, con, folder, files, replace, wipe_demo, money, where, say, made_at
            )
        counts, warnings, notes, removed = written
        if today is not None:
            warnings += _future_warnings(store, con, files, today)
    finally:
        con.close()
    warnings = _unread_warnings(Path(folder), files) + warnings
    return ImportSummary(
        counts=counts,
        warnings=warnings,
        notes=notes,
        replaced_demo=wipe_demo,
        replaced=removed,
        folder=str(folder),
        database=where,
    )


# rows written per table, warnings, notes, and the rows --replace removed first (None: no --replace)
Written = tuple[dict[str, int], list[str], list[str], dict[str, int] | None]


def _client_checks(clients_file: str) -> dict[str, object]:
    """What the clients file's checks (import_validate_clients.sql) are given: its name for
    messages, and the mailbox providers' domains, which no client's domain may be."""
    return {"clients_file": clients_file, "mailbox_domains": sorted(MAILBOX_DOMAINS)}


class _NotClean(Exception):
    """The streamed import met something to check: roll it back and run the checked import."""


def _streamed(
    store: Store,
    con: duckdb.DuckDBPyConnection,
    files: dict[str, Path],
    replace: bool,
    wipe_demo: bool,
    money: Money,
    where: str,
    say: Progress,
    made_at: datetime,
) -> Written | None:
    """Import a clean folder in one pass: each history file goes straight from disk into its table.

    Only the clients file is staged (it is small and the checks of names and referrals need it
    whole); every other file is read once, by the INSERT that writes it (import_stream_*), so
    memory stays flat whatever the folder's size. Those statements stop at the first row the
    checked import would find fault with, and what cannot be seen row by row (a client_id not in the
    clients file, an invoice_id given twice, a malformed line) is counted afterwards. Anything at
    all: None, with nothing changed, and the checked import says what is wrong. A currency with no
    rate is refused here as the checked import refuses it.
    """
    if any(_skip(path) for path in files.values()):
        # read past Excel's sep= line by the checked import, which also reads such a file saved
        # with mixed line endings (DuckDB reads no row of one, and says nothing)
        return None
    problems: list[Problem] = []
    warnings: list[str] = []
    notes: list[str] = []
    known: dict[str, list[str]] = {}
    clients = 0
    for table in TABLES:
        store.run(f"import_create_stg_{table}", con=con)
        path = files.get(table)
        if path is None:
            continue
        if table == "clients":
            say(f"reading {path.name} ({size(path)})…")
            rows = _stage(store, con, table, path, problems, warnings)
            if rows is None or rows == 0:
                return None
            clients = rows
        else:
            source = _source(store, con, table, path, problems, warnings)
            if source is None:
                return None
            known[table] = source.present
    if problems:
        return None

    counts: dict[str, int] = {}
    removed: dict[str, int] | None = None
    clients_file = files["clients"].name
    try:
        with store.transaction(con) as tx:
            if wipe_demo:
                wipe_all(store, tx)
            elif replace:
                removed = clear_imported(store, tx)
            say(f"checking clients ({plural(clients, 'row')})…")
            if store.rows("import_validate_clients", _client_checks(clients_file), con=tx):
                raise _NotClean
            store.run("import_folder_clients", con=tx)
            if store.rows("import_validate_folder_names", con=tx):
                raise _NotClean
            store.run("import_merged_map", con=tx)
            _make_room(store, tx, known, notes, warnings, made_at)
            counts["clients"] = clients  # listed first, as the checked import lists them
            for table in HISTORY_TABLES:
                if table in known:
                    path = files[table]
                    say(f"checking and writing {path.name} ({size(path)})…")
                    _source(store, tx, table, path, [], [])  # import_src reads this file now
                    counts[table] = _stream(store, tx, table, path, known[table], money)
                else:
                    counts[table] = 0
            _seen(store, tx, made_at)
            found = _currencies(store, tx, known, files, streamed=True)
            if any(unrated(rows, money) for _file, _noun, rows in found):
                raise _NotClean  # the checked import says on which lines
            if marked := mark_home_currency(store, tx, money.currency):
                notes.append(marked)
            _after_write(store, tx, counts, notes, warnings)
            store.set_setting("portfolio_kind", "imported", con=tx)
    except _NotClean:
        return None
    return counts, warnings, notes, removed


def _stream(
    store: Store,
    con: duckdb.DuckDBPyConnection,
    table: str,
    path: Path,
    known: list[str],
    money: Money,
) -> int:
    """Write the file import_src reads into `table`; its row count, or _NotClean. Through the
    store like every write, so that the rollups follow the rows it writes."""
    try:
        (written,) = store.row(
            f"import_stream_{table}", {"known": known, **_home(table, money)}, con=con
        )
    except StoreError as exc:  # a row to check, or a file DuckDB could not read as it streamed
        raise _NotClean from exc
    if path.suffix.lower() != ".parquet":
        (rejected,) = store.row("import_source_rejects", {"path": str(path)}, con=con)
        if rejected:
            raise _NotClean
    listed, repeated = store.row(f"import_streamed_{table}", con=con)
    if listed != written or repeated:
        raise _NotClean
    return int(written)


def _checked(
    store: Store,
    con: duckdb.DuckDBPyConnection,
    folder: Path,
    files: dict[str, Path],
    replace: bool,
    wipe_demo: bool,
    money: Money,
    where: str,
    say: Progress,
    made_at: datetime,
) -> Written:
    """Import `files` after staging every one whole and checking every row: all problems found are
    listed (ImportFailed), by file then line, and nothing is changed; else the rows are written."""
    problems: list[Problem] = []
    warnings: list[str] = []
    notes: list[str] = []
    staged: dict[str, int] = {}
    for table in TABLES:
        store.run(f"import_create_stg_{table}", con=con)
        path = files.get(table)
        if path is not None:
            say(f"reading {path.name} ({size(path)})…")
            rows = _stage(store, con, table, path, problems, warnings)
            if rows is not None:
                staged[table] = rows
    clients_file = files["clients"].name
    if staged.get("clients") == 0:
        problems.append(Problem(file=clients_file, line=1, column="(file)", reason="no clients"))
    if problems and not staged.get("clients"):  # nothing to check the other files' rows against
        _refuse(problems, folder, where)
    unread, problems = problems, []  # files that could not be read: their own lines already

    counts: dict[str, int] = {}
    removed: dict[str, int] | None = None
    # One transaction from here: the checks that read the database see it as the write will.
    with store.transaction(con) as tx:
        if wipe_demo:
            wipe_all(store, tx)
        elif replace:
            removed = clear_imported(store, tx)
        for table in TABLES:
            if table not in staged:
                continue
            say(f"checking {table} ({plural(staged[table], 'row')})…")
            params: dict[str, object] = {"clients_file": clients_file}
            if table == "clients":
                params = _client_checks(clients_file)
            else:
                params["first_line"] = _first_line(files[table])
            found = store.rows(f"import_validate_{table}", params, con=tx)
            problems.extend(
                Problem.model_construct(
                    file=files[table].name, line=line, column=column, reason=reason
                )
                for line, column, reason in found
            )
        store.run("import_folder_clients", con=tx)
        problems.extend(
            Problem.model_construct(file=clients_file, line=line, column=column, reason=reason)
            for line, column, reason in store.rows("import_validate_folder_names", con=tx)
        )
        problems += _unrated_lines(store, tx, files, money)
        if problems or unread:
            problems = unread + _on_file_lines(problems, {f.name: f for f in files.values()})
            # with what to add to the settings for a currency with no rate, if it is no typo
            found = _currencies(store, tx, staged, files, streamed=False)
            rates = missing_rates(
                ((rows, noun) for _file, noun, rows in found), money, what=None
            )  # each said on its first line above (_unrated_lines)
            refuse(sorted(problems, key=_in_file_order), folder, where, rates)

        say("writing…")
        counts["clients"] = _make_room(store, tx, staged, notes, warnings, made_at)
        for table in HISTORY_TABLES:
            (counts[table],) = store.row(f"import_insert_{table}", _home(table, money), con=tx)
        _seen(store, tx, made_at)
        counts["clients"] = staged["clients"]
        if marked := mark_home_currency(store, tx, money.currency):
            notes.append(marked)
        _after_write(store, tx, counts, notes, warnings)
        store.set_setting("portfolio_kind", "imported", con=tx)
    return counts, warnings, notes, removed


def _after_write(
    store: Store,
    con: duckdb.DuckDBPyConnection,
    counts: dict[str, int],
    notes: list[str],
    warnings: list[str],
) -> None:
    """Leave out the folder's rows that repeat what the owner logged in the app, and say so; and
    say an invoices file that never says which invoices were paid."""
    dropped, said, like = owner_repeats(store, con, "folder", "folder", counts, drop=True)
    for table, n in dropped.items():
        counts[table] -= n
    notes += said
    warnings += like
    invoices, paid, early, first = store.row("import_invoices_never_paid", con=con)
    if invoices and not paid:  # a list of invoices that never says which were paid
        warnings.append(
            f"invoices.csv gives no paid_on for any of its {plural(invoices, 'invoice')}: every one "
            "counts as unpaid, and as overdue once due. If some were paid, give their paid_on and "
            "import the folder again."
        )
    if early:
        warnings.append(paid_before_issued("invoices.csv", early, *first))


def _seen(store: Store, con: duckdb.DuckDBPyConnection, made_at: datetime) -> None:
    """The invoices just written are as they are on the import's day (migrate_014.sql); an import
    with no day of its own (EPOCH: a test's, a library caller's) says nothing of it."""
    if made_at.date() != EPOCH:
        store.run("invoices_seen_folder", {"today": made_at.date()}, con=con)


def _home(table: str, money: Money) -> dict[str, str]:
    """The portfolio's currency for the tables holding amounts: one with none is in it, and is
    stored as such, so that a later change of the portfolio's currency converts it rather than
    reading it as the new one."""
    return {"home": money.currency} if table in ("invoices", "time_entries") else {}


EPOCH = date(1970, 1, 1)  # an import given no day (a library caller): what its aliases are dated


def _rename_note(old: str, client_id: str) -> str:
    """A client the folder renamed: its old name stays an alias (queries/import_rename_aliases.sql)."""
    return (
        f"Client {client_id} is renamed in clients.csv; its old name {safe_text(old)!r} is kept as "
        "an alias, so an export that still names it lands on this client (`health-tui clients` "
        "lists it)."
    )


def _make_room(
    store: Store,
    tx: duckdb.DuckDBPyConnection,
    present: Container[str],
    notes: list[str],
    warnings: list[str],
    made_at: datetime,
) -> int:
    """In the import's transaction, before its rows are written: the folder takes over the clients
    an export made under its names, the rows it brought last time go (a table it no longer has is
    said), a client it renames keeps its old name as an alias (made `made_at`), and its clients are
    written; returns how many clients were new."""
    store.run("import_folder_takeovers", con=tx)
    notes.extend(_takeover_notes(store, tx))
    for table in HISTORY_TABLES:
        (removed,) = store.row(f"import_delete_{table}", con=tx)
        if table not in present and removed:
            warnings.append(_removed_warning(table, int(removed)))
    renamed = store.rows("import_rename_aliases", {"now": made_at}, con=tx)
    notes.extend(_rename_note(old, client_id) for old, client_id in sorted(renamed))
    store.run("import_update_client_rows", con=tx)
    (inserted,) = store.row("import_insert_clients", con=tx)
    move_clients(store, tx)
    return int(inserted)


def _unrated_lines(
    store: Store, tx: duckdb.DuckDBPyConnection, files: dict[str, Path], money: Money
) -> list[Problem]:
    """A problem on the first row of each currency the settings give no rate for, in the invoices
    and the time entries with an amount: "invoices.csv:83: currency: EUR: no rate to GBP ...".
    Said only as "1 invoice in EUR", a typo among GBP invoices had no line to find it by."""
    lines = {table: _first_line(files[table]) if table in files else 2 for table in TABLES}
    params = {"invoices_line": lines["invoices"], "entries_line": lines["time_entries"]}
    problems = []
    for table, code, line, n in store.rows("import_currency_lines", params, con=tx):
        if not unrated([(code, n)], money):
            continue
        noun = INVOICES if table == "invoices" else ENTRY_AMOUNTS
        what = f"{n:,} {noun[0] if n == 1 else noun[1]} in {code}"
        first = "" if n == 1 else ", this the first"
        problems.append(
            Problem.model_construct(
                file=files[table].name,
                line=line,
                column="currency",
                reason=f"{code} has no rate to {money.currency} in the settings ({what}{first})",
            )
        )
    return problems


def _currencies(
    store: Store,
    tx: duckdb.DuckDBPyConnection,
    present: Container[str],
    files: dict[str, Path],
    *,
    streamed: bool,
) -> list[tuple[str, tuple[str, str], list[tuple]]]:
    """Per file with amounts: its name, what its rows are called, and (currency, rows) for each
    currency they are in."""
    prefix = "import_streamed" if streamed else "import"
    out = []
    if "invoices" in present:
        found = store.rows(f"{prefix}_currencies", con=tx)
        out.append((files["invoices"].name, INVOICES, found))
    if "time_entries" in present:
        found = store.rows(f"{prefix}_entry_currencies", con=tx)
        out.append((files["time_entries"].name, ENTRY_AMOUNTS, found))
    return out


def _in_file_order(p: Problem) -> tuple[int, str, int]:
    return (
        TABLES.index(Path(p.file).stem.lower()) if Path(p.file).stem.lower() in TABLES else 9,
        p.file,
        p.line,
    )


def _takeover_notes(store: Store, con: duckdb.DuckDBPyConnection) -> list[str]:
    """One line per client the folder took over or that landed on a client it was merged into."""
    notes = []
    for old_id, new_id, name in store.rows("import_takeovers_listed", con=con):
        notes.append(
            f"Took over {safe_text(name)}: the client an export had made ({old_id}) is now "
            f"{new_id}, with all its rows."
        )
    for folder_id, client_id in store.rows("import_merged_listed", con=con):
        notes.append(
            f"{folder_id} was merged into {client_id}: its rows in this folder land on {client_id}."
        )
    return notes


def _removed_warning(table: str, removed: int) -> str:
    one, many = LABELS[table]
    return (
        f"the folder has no {table} file: the {removed:,} {one if removed == 1 else many} an "
        "earlier folder brought for the clients it lists were removed (rows from exports and the "
        "app stay)"
    )


# Files an owner may mean as data; anything else in the folder (a README, a spreadsheet's lock
# file) is not worth a word.
_DATA_SUFFIXES = (".csv", ".parquet", ".tsv", ".txt", ".xlsx", ".xls", ".json")


def _future_warnings(
    store: Store, con: duckdb.DuckDBPyConnection, files: dict[str, Path], today: date
) -> list[str]:
    """The rows just written dated after `today`, per file (no line: the rows streamed in)."""
    return [
        future_dated(f"{files[table].name}: {DATE_COLUMN[table]}", n, table, today, latest)
        for table, n, latest in store.rows("import_future_rows", {"today": today}, con=con)
        if n and table in files
    ]


def _unread_warnings(folder: Path, files: dict[str, Path]) -> list[str]:
    """A data file in the folder that no table reads, named: `time-entries.csv` was once skipped
    without a word while the time entries an earlier import brought were removed."""
    read = set(files.values())
    unread = sorted(
        p.name
        for p in folder.iterdir()
        if p.is_file()
        and p.suffix.lower() in _DATA_SUFFIXES
        and p not in read
        and not p.name.startswith((".", "~$"))  # a Mac's ._ twins, a spreadsheet's lock file
    )
    if not unread:
        return []
    names = ", ".join(safe_text(n) for n in unread[:5]) + (", …" if len(unread) > 5 else "")
    return [
        f"not read: {names}. The import reads only {', '.join(TABLES)} (each .csv or .parquet); "
        "rename a file to be read"
    ]


def _find_files(folder: Path, where: str) -> dict[str, Path]:
    """Map each table to its file in `folder`, refusing a folder that cannot be imported at all."""
    try:
        if not folder.exists():
            _refuse([_folder_problem(folder, "no such folder")], folder, where)
        if not folder.is_dir():
            reason = "not a folder; give the folder that holds clients.csv"
            _refuse([_folder_problem(folder, reason)], folder, where)
        entries = sorted(p for p in folder.iterdir() if p.is_file())
    except OSError as exc:
        _refuse([_folder_problem(folder, f"cannot read it: {exc.strerror or exc}")], folder, where)
    by_name: dict[str, list[Path]] = {}
    for path in entries:  # names match in any case: Clients.CSV is clients.csv
        by_name.setdefault(path.name.lower(), []).append(path)
    files: dict[str, Path] = {}
    problems: list[Problem] = []
    for table in TABLES:
        found = by_name.get(f"{table}.csv", []) + by_name.get(f"{table}.parquet", [])
        if len(found) > 1:
            names = " and ".join(p.name for p in found)
            problems.append(
                Problem(
                    file=found[0].name,
                    line=1,
                    column="(file)",
                    reason=f"{names} are both here; keep one",
                )
            )
        elif found:
            files[table] = found[0]
    if (folder / BACKUP_MANIFEST).is_file():
        reason = "a backup written by `health-tui export`: restore it with `health-tui restore`"
        _refuse([_folder_problem(folder, reason)], folder, where)
    if "clients" not in files and not problems:
        seen = ", ".join(p.name for p in entries[:5]) + (", …" if len(entries) > 5 else "")
        problems.append(
            Problem(
                file="clients.csv",
                line=1,
                column="(file)",
                reason="the folder has no clients.csv or clients.parquet"
                + (f" (it has {seen})" if seen else " (it is empty)")
                + (
                    # exports of a tool dropped in one folder: the first-run hint said "DIR"
                    "; a folder is read in health-tui's own format (see the README's Import "
                    "format). Exports from Harvest, Toggl, Clockify, Xero, Stripe, Zendesk, Freshdesk, or a "
                    "sheet with a mapping, are imported one file at a time: "
                    f"`health-tui import {shlex.quote(str(folder / exports[0].name))}`"
                    if (exports := [p for p in entries if _an_export(p)])
                    else ""
                ),
            )
        )
    if problems:
        _refuse(problems, folder, where)
    return files


def _an_export(path: Path) -> bool:
    """A CSV not named for a table of the import format: a tool's export, or a sheet."""
    return path.suffix.lower() == ".csv" and path.stem.lower() not in TABLES


def _folder_problem(folder: Path, reason: str) -> Problem:
    return Problem(file=str(folder), line=1, column="(folder)", reason=reason)


def _stage(
    store: Store,
    con: duckdb.DuckDBPyConnection,
    table: str,
    path: Path,
    problems: list[Problem],
    warnings: list[str],
) -> int | None:
    """Read one file into stg_{table} as text; its row count, or None when it cannot be read whole.

    The history files go from the file into their staging table; the clients file goes through
    import_raw, whose rowids number its lines for the checks of names and referrals."""
    source = _source(store, con, table, path, problems, warnings)
    if source is None:
        return None
    if table == "clients":
        query, params = "import_read_raw", None
    else:
        query, params = f"import_stage_{table}", {"known": source.present}
    if source.columns is None:  # Parquet
        try:
            ((rows, *_),) = con.execute(load_query(query), params).fetchall()
        except duckdb.Error as exc:  # e.g. a Parquet column whose type will not turn into text
            reason = duckdb_reason(exc)
            problems.append(Problem(file=path.name, line=1, column="(file)", reason=reason))
            return None
    else:
        fresh = None if table == "clients" else f"import_create_stg_{table}"  # it adds rows
        read = read_csv_raw(
            store, con, path, source.columns, source.written, problems, query=query, params=params,
            fresh=fresh, skip=_skip(path),
        )  # fmt: skip
        if read is None:
            return None
        rows = read
    if table == "clients":
        try:
            numbered = {"first_line": _first_line(path), "known": source.present}
            (rows,) = store.row("import_stage_clients", numbered, con=con)
        finally:
            store.run("import_drop_raw", con=con)
    return int(rows)


def _on_file_lines(problems: list[Problem], paths: dict[str, Path]) -> list[Problem]:
    """The checks number a row by its place (the header's line plus its row number), which a
    value written over several lines (a note in quotes) leaves short of the line the row is on
    in the file: `interactions.csv:4` for a row on line 6. Here, on the refusal path only, each
    CSV file with a problem is read as far as its last one to put each on its own line."""
    wanted: dict[str, set[int]] = {}
    for p in problems:
        if p.line > 1 and p.file in paths and paths[p.file].suffix.lower() == ".csv":
            wanted.setdefault(p.file, set()).add(p.line)
    moved = {name: _record_lines(paths[name], lines) for name, lines in wanted.items()}
    return [
        p.model_copy(update={"line": moved[p.file].get(p.line, p.line)}) if p.file in moved else p
        for p in problems
    ]


def _record_lines(path: Path, records: set[int]) -> dict[int, int]:
    """The file line each of `records` starts on (record 1 is the header), read as CSV; a blank
    line is no record (the reader passes it)."""
    found: dict[int, int] = {}
    last, n, end = max(records), 0, 0
    with path.open(encoding="utf-8-sig", errors="replace", newline="") as handle:
        reader = csv.reader(handle)
        for row in reader:
            if row:
                n += 1
                if n in records:
                    found[n] = end + 1
                if n >= last:
                    break
            end = reader.line_num
    return found


def _first_line(path: Path) -> int:
    """The line of a file's first row in problems: 2 in a CSV file (1 is the header; 3 below
    Excel's `sep=,` line), 1 in Parquet."""
    return 1 if path.suffix.lower() == ".parquet" else 2 + _skip(path)


def _skip(path: Path) -> int:
    """Lines above a CSV file's header: 1 for Excel's `sep=,` line (the file is comma-separated
    all the same, and read past it as a mapped sheet is), else 0."""
    return 1 if path.suffix.lower() == ".csv" and excel_separator(path) == "," else 0


class _Source(NamedTuple):
    present: list[str]  # the format's columns the file has, in file order
    columns: dict[str, str] | None  # a CSV file's layout (name -> type); None for Parquet
    written: dict[str, str]  # each CSV name as the header wrote it, for messages


def _source(
    store: Store,
    con: duckdb.DuckDBPyConnection,
    table: str,
    path: Path,
    problems: list[Problem],
    warnings: list[str],
) -> _Source | None:
    """Point the view import_src at `path`; None (problems added) if it cannot be read or lacks a
    required column. Nothing is read but a CSV file's header or a Parquet file's schema."""
    columns: dict[str, str] | None = None
    written: dict[str, str] = {}
    if path.suffix.lower() == ".parquet":
        try:
            store.run(
                "import_source_file",
                {"path": str(path), "columns": None, "delim": None, "skip": 0},
                con=con,
            )
            con.execute(load_query("import_source_parquet"))
        except duckdb.Error as exc:
            reason = f"not a readable Parquet file: {duckdb_reason(exc)}"
            problems.append(Problem(file=path.name, line=1, column="(file)", reason=reason))
            return None
        found = [name for (name,) in store.rows("import_source_columns", con=con)]
        warnings.extend(  # Parquet names are matched as written
            f"{path.name}: ignoring unknown column {show(name)}"
            for name in found
            if name not in COLUMNS[table]
        )
    else:
        layout = _csv_layout(table, path, problems, warnings)
        if layout is None:
            return None
        columns, written = layout
        point_at_csv(con, path, columns, ",", _skip(path))
        found = list(columns)
    present = [name for name in found if name in COLUMNS[table]]
    missing = [name for name in COLUMNS[table] if name in REQUIRED[table] and name not in present]
    if missing:
        problems.extend(
            Problem(file=path.name, line=1, column=name, reason="missing column")
            for name in missing
        )
        return None
    return _Source(present, columns, written)


def _csv_layout(
    table: str, path: Path, problems: list[Problem], warnings: list[str]
) -> tuple[dict[str, str], dict[str, str]] | None:
    """How to read a CSV file, from its header: the name DuckDB reads each column as (every one
    text), and each name as the header wrote it (for messages); None if the header is unusable.

    Header names are trimmed and lower-cased. Names outside the format (and repeats, and unnamed
    columns) are read as `unknown_N` so nothing in the file can clash with the names the SQL uses.
    """
    header = read_header(path, problems, skip=_skip(path))
    if header is None:
        return None
    known = COLUMNS[table]
    if other := _other_separator(path, header, known):
        problems.append(Problem(file=path.name, line=1, column="(file)", reason=other))
        return None
    columns: dict[str, str] = {}  # name DuckDB reads the column as -> type
    written: dict[str, str] = {}  # that name -> as the header wrote it, for messages
    repeated = False
    for i, raw in enumerate(header, start=1):
        name = raw.strip().lower()
        if name in known and name not in columns:
            internal = name
        else:
            internal = f"unknown_{i}"
            if name in known:
                repeated = True
                problems.append(
                    Problem(
                        file=path.name, line=1, column=name, reason="appears twice in the header"
                    )
                )
            elif name:
                warnings.append(f"{path.name}: ignoring unknown column {show(raw)}")
            else:
                warnings.append(
                    f"{path.name}: ignoring column {i}, which has no name in the header"
                )
        columns[internal] = "VARCHAR"
        written[internal] = raw.strip() or f"column {i}"
    return None if repeated else (columns, written)


_SEPARATORS = {";": "semicolons", "\t": "tabs", "|": "vertical bars"}


def _other_separator(path: Path, header: list[str], known: tuple[str, ...]) -> str | None:
    """Why a file whose columns another character separates cannot be read (a spreadsheet saved
    as CSV in a language that writes decimal commas separates them with semicolons), instead of a
    "missing column" for every column; None for a comma-separated file."""
    excel = excel_separator(path)
    found = excel if excel != "," else None  # commas all the same: read past that line (_skip)
    if found is None and len(header) == 1:
        found = next((sep for sep in _SEPARATORS if sep in header[0]), None)
        if found and not any(name.strip().lower() in known for name in header[0].split(found)):
            found = None
    if found is None:
        return None
    name = _SEPARATORS.get(found, repr(found))
    return (
        f"the columns are separated by {name}, but the import format separates them with commas "
        'and writes decimals with a point (README, "Import format"); a spreadsheet saved with '
        f"{name} can be imported file by file through a mapping "
        "(`health-tui import SHEET.csv --mapping MAP.toml`, which reads either)"
    )


def _refuse(problems: list[Problem], folder: Path, where: str) -> NoReturn:
    """Raise ImportFailed listing the problems; the database was not touched."""
    refuse(problems, folder, where)
