"""`health-tui import FILE.csv`: one export from a time tracker, an invoice list, a helpdesk or a
mapped spreadsheet.

The file goes the native import's way (staging.py): its header is matched to the source, DuckDB
reads every column as text into a temp table, set-based queries type and check every row, and only
when nothing is wrong is anything written, in one transaction. Problems read
`file:line: column: reason`, the column as the header wrote it.

A source is data (source.py): its header, its parse query and its target. The target decides the
kind of rows (KINDS): time entries and invoices, which may make clients, and interactions and
feedback scores (tickets, survey answers), which only land on clients there are.

Identity and re-imports. An export is a window onto the tool, not the full history of a client,
so rows are merged rather than replaced per client:
- a client is its normalised name (case, accents and spacing aside), or one of its aliases. A name
  already in the database is that client; for time and invoices a new one gets a client_id derived
  from the name (`connector_client_id`), the same in every export, with started_on its first
  activity (or invoice) date, and a client whose export shows work before its started_on starts then
  instead. Tickets and answers find their client by name, else by the requester's web domain (a
  client's `domain`); rows no client answers to are left out with a warning naming who.
- a time entry is identified by what the export says about it (source, client, date, person,
  project, task, notes, hours; Toggl and Clockify add the start time), plus its number among
  identical lines. The md5 of that is stored as `source_key`; importing an entry whose key is
  already there replaces the row instead of adding one, so overlapping exports never count an hour
  twice. A second md5 leaves the client out (`work_key`), and the entry keeps the name it came
  under: a name the file no longer writes whose every entry in the file's days is the same work as
  the file's on that client is a rename (connector_renamed_entries), so once the owner merges the
  renamed client into its old self, importing the export again counts each of its hours once.
- an invoice by its source and ID, a ticket by its source and ticket id, a mapped row by its id
  field or else its content: a later export replaces it with its new state.
Rows from the folder format or the app are never matched by an export.

Python only orchestrates here: it decides, from counts the queries return, the date order and the
decimal separator of the whole file, and gathers problems; it never loops over rows.
"""

from __future__ import annotations

import json
import re
import shlex
import tempfile
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import duckdb

from health_tui.errors import ImportFailed
from health_tui.formatting import plural, some_of
from health_tui.ingest.days import DATE_HINTS, format_hint
from health_tui.ingest.detect import (
    SOURCES,
    layout,
    report_footer,
    unknown_header_hint,
)
from health_tui.ingest.evidence import (
    date_format_hint,
    date_order,
    date_setting,
    decimal_separator,
)
from health_tui.ingest.mapping import load_mapping, net_named
from health_tui.ingest.mapping_draft import CURRENCY_HEADERS, payment_method_column, tax_named
from health_tui.ingest.models import LABELS, ExportSummary, ImportSummary, Problem
from health_tui.ingest.native import import_folder
from health_tui.ingest.notes import (
    after_merge,
    classify_entries,
    describe_money,
    describe_touches,
    due_days,
    future_rows,
    left_out_bills,
    left_out_entries,
    left_out_signals,
    named_by_project,
    nothing_to_load,
    same_work,
    stale_rows,
)
from health_tui.ingest.owner_repeats import SIGNAL_TABLES, owner_repeats
from health_tui.ingest.source import ClientFrom, HeaderMatch, Source, match_header
from health_tui.ingest.staging import (
    MACROS,
    Progress,
    duckdb_reason,
    encoding_name,
    install_macros,
    read_csv_raw,
    refuse,
    replaces_demo,
    size,
    table_part,
    utf8_copy,
    where_of,
)
from health_tui.money import (
    ENTRY_AMOUNTS,
    INVOICES,
    check_import_currencies,
    mark_home_currency,
    missing_rates,
)
from health_tui.settings import Activities, Money
from health_tui.store import Store, load_query
from health_tui.store.tables import clear_imported, wipe_all

CONNECTOR_MACROS = (
    "connector_macro_plain",
    "connector_macro_loose",
    "connector_macro_signed",
    "connector_macro_decimal_text",
    "connector_macro_amount",
    "connector_macro_duration",
    "connector_macro_when",
    "connector_macro_clock_of",
    "connector_macro_clock",
    "connector_macro_date_of",
    "connector_macro_months",
    "connector_macro_date",
    "connector_macro_zone",
    "connector_macro_timestamp",
    "connector_macro_time_of",
    "connector_macro_clock_text",
    "connector_macro_clock_12h",
    "connector_macro_span",
    "connector_macro_client_name",
    "connector_macro_norm",
    "connector_macro_client_id",
    "connector_macro_currency",
    "connector_macro_filled",
    "connector_macro_domain",
    "connector_macro_line_breaks",
    "connector_macro_kind",
)


@dataclass(frozen=True)
class Kind:
    """The rows one target makes: the name its staging and check queries carry, the table its
    write queries carry, and whether an export of them may make clients."""

    name: str
    table: str
    makes_clients: bool


KINDS: dict[str, Kind] = {
    "time_entries": Kind("entries", "time_entries", True),
    "invoices": Kind("bills", "bills", True),
    "interactions": Kind("touches", "interactions", False),
    "feedback": Kind("answers", "feedback", False),
}


def import_path(
    store: Store,
    path: Path,
    *,
    source: str | None = None,
    mapping: Path | None = None,
    date_format: str | None = None,
    decimal: str | None = None,
    encoding: str | None = None,
    client_from: ClientFrom | None = None,
    activities: Activities | None = None,
    money: Money | None = None,
    replace: bool = False,
    today: date | None = None,
    progress: Progress | None = None,
    timezone: str | None = None,
) -> ImportSummary | ExportSummary:
    """`health-tui import PATH`: a folder is the native format, a file an export of some source."""
    path = Path(path)
    if path.is_dir() or source == "native":
        if (
            source not in (None, "native")
            or mapping is not None
            or date_format is not None
            or decimal is not None
            or encoding is not None
            or client_from is not None
        ):
            raise ImportFailed(
                f"{path} is a folder, read in the native format; --source, --mapping, "
                "--date-format, --decimal-separator, --encoding and --client-from are for a single "
                "exported CSV file."
            )
        return import_folder(
            store, path, replace=replace, money=money, today=today, progress=progress
        )
    if source is not None and mapping is not None:
        raise ImportFailed("give --source or --mapping, not both.")
    if source is not None and source not in SOURCES:
        raise ImportFailed(f"unknown source {source!r}; known: {', '.join(SOURCES)}, native.")
    forced = load_mapping(mapping).source(str(mapping)) if mapping else SOURCES.get(source or "")
    with _readable(store, path, encoding or (forced.encoding if forced else None)) as (
        readable,
        read_as,
    ):
        summary = import_export(
            store,
            path,
            readable=readable,
            forced=forced,
            date_format=date_format,
            decimal=decimal,
            client_from=client_from,
            activities=activities,
            money=money,
            replace=replace,
            today=today,
            progress=progress,
            timezone=timezone,
        )
    if read_as:
        summary.notes.insert(
            0, f"{path.name}: read as {read_as} text, as --encoding or the mapping says."
        )
    return summary


@contextmanager
def _readable(store: Store, path: Path, encoding: str | None) -> Iterator[tuple[Path, str | None]]:
    """`path` as DuckDB can read it: itself, or where its encoding is said (--encoding, a
    mapping's) and it is not UTF-8 (Excel's CSV in Western Europe: Windows-1252), a UTF-8 copy,
    line for line; with the encoding's name where a copy was read."""
    if encoding is None or not path.is_file():
        yield path, None
        return
    try:
        name = encoding_name(encoding)
    except ValueError as exc:
        raise ImportFailed(
            f"--encoding: {exc}\nNothing was changed in {where_of(store)}."
        ) from None
    with tempfile.TemporaryDirectory(prefix="health-tui-") as tmp:
        readable, problems = utf8_copy(path, name, Path(tmp))
        if problems:
            refuse(problems, path, where_of(store))
        yield readable, (name if readable != path else None)


def import_export(
    store: Store,
    path: Path,
    *,
    readable: Path | None = None,
    forced: Source | None = None,
    date_format: str | None = None,
    decimal: str | None = None,
    client_from: ClientFrom | None = None,
    activities: Activities | None = None,
    money: Money | None = None,
    replace: bool = False,
    today: date | None = None,
    progress: Progress | None = None,
    timezone: str | None = None,
) -> ExportSummary:
    """Load one export file into `store`, all or nothing; raise ImportFailed listing what is wrong.

    `forced` is the source (--source, or a mapping's); without it the header decides; `decimal`
    (--decimal-separator) wins over a mapping's and over what the numbers say. See the
    module docstring for how clients, entries and invoices are identified on re-import. `today`
    (the command line's): rows dated after it are kept and said. `readable`: the file read, where
    it is not `path` (a UTF-8 copy, `_readable`); messages name `path`.
    """
    say: Progress = progress or (lambda _message: None)
    where = where_of(store)
    path = Path(path)
    readable = readable or path  # a UTF-8 copy of a file in another encoding (`_readable`)
    problems: list[Problem] = []
    if not path.is_file():
        reason = "no such file" if not path.exists() else "not a file"
        refuse([Problem(file=str(path), line=1, column="(file)", reason=reason)], path, where)
    found = layout(readable, problems, forced)
    if found is None:
        header_unknown = any(p.column == "(header)" for p in problems)
        refuse(problems, path, where, unknown_header_hint(readable) if header_unknown else None)
    source = found.source
    if client_from is not None and source.target != "time_entries":
        raise ImportFailed(
            f"--client-from is for time exports; {path.name} is a {source.label}.\n"
            f"Nothing was changed in {where}."
        )
    match = match_header(source, found.header, path.name, 1 + found.skip)
    header_problems = match.problems + _payment_unknown(source, match, path.name, 1 + found.skip)
    header_problems += _currency_unread(source, match, path.name, 1 + found.skip)
    header_problems += _transactions_mixed(source, match, path.name, 1 + found.skip)
    if header_problems:
        refuse(header_problems, path, where)
    order, fmt = date_setting(date_format or source.date_format)
    kind = KINDS[source.target]
    demo = store.setting("portfolio_kind") == "demo"
    if demo and not kind.makes_clients:
        # tickets and answers make no client, and the demo's clients go with the demo (said
        # first: over a demo the owner recorded on, --replace would not make them land either)
        many = LABELS[source.target][1]
        reason = (
            f"its {many} land only on clients already in the database, and this one holds the "
            "demo portfolio, which an import replaces, clients and all: none would land. Import "
            "your own clients first (a folder with clients.csv, or a time or invoice export from "
            "Harvest, Toggl or Clockify), then this file"
        )
        refuse([Problem(file=path.name, line=1, column="(file)", reason=reason)], path, where)
    wipe_demo = replaces_demo(store, replace, where)
    summary = ExportSummary(
        file=str(path),
        source=source.name,
        label=source.label,
        target=source.target,
        database=where,
        replaced_demo=wipe_demo,
        warnings=list(match.warnings),
        notes=list(match.notes),
    )
    summary.warnings += filter(
        None, (_taxes_unread(source, match), _payments(source, match, path.name))
    )
    money = money or Money()
    con = store.cursor()  # temp tables and macros live on this connection only
    try:
        install_macros(store, con, MACROS + CONNECTOR_MACROS)
        say(f"reading {path.name} ({size(path)})…")
        if found.title:
            summary.notes.append(
                f"{path.name}: read from its header on line {1 + found.skip}, past "
                f"{plural(found.title, 'line')} of the report's title above it."
            )
        footer = report_footer(readable, found.delimiter, len(found.header))
        if footer is not None:
            summary.notes.append(
                f"{path.name}: read past line {footer.line} on, below the table: {footer.said}."
            )
        with table_part(readable, footer.offset if footer else None) as table:
            read = read_csv_raw(
                store,
                con,
                table,
                match.columns,
                match.written,
                problems,
                found.delimiter,
                skip=found.skip,
            )
        if read is None:
            refuse(problems, path, where)
        rows = _stage(store, con, kind.name, source, match, 1 + found.skip)
        if rows == 0:
            problem = Problem(
                file=path.name, line=1, column="(file)", reason="no rows below the header"
            )
            refuse([problem], path, where)

        say(f"checking {plural(rows, *LABELS[source.target])}…")
        undecided: set[str] = set()  # columns read with an order or separator not settled
        if fmt is None and order is None:
            order = date_order(store, con, kind.name, path.name, match, problems)
            if order is None:  # refused, saying why: the row checks of its dates would repeat it
                undecided |= _evidence_columns(store, con, "connector_date_columns")
        settled = len(problems)
        decimal = (
            decimal
            or source.decimal
            or decimal_separator(
                store,
                con,
                kind.name,
                path.name,
                match,
                found.delimiter,
                problems,
                source.mapping_file,
            )
        )
        numbers_undecided = len(problems) > settled
        if numbers_undecided:  # numbers that disagree: so would every number's check
            undecided |= _evidence_columns(store, con, "connector_number_columns")
        # "any": no date said which order, and every date that reads, reads the same either way
        dates = {"date_order": "dmy" if order in ("any", None) else order, "date_format": fmt}
        terms = due_days(source, money)
        common = {
            **dates,
            "decimal": decimal,
            "client_from": client_from or "auto",
            "home": money.currency,  # an amount in $ with no currency is in it, if it is dollars
            "timezone": timezone,  # a time written with its zone is read at the agency's clock
        }
        _parse(store, con, source, match, {**common, "due_days": terms}, path, where)
        if kind.name == "bills":
            if not source.lines_summed:  # line items repeating their invoice's figures: read once
                store.run("connector_line_items_bills", con=con)  # (summed ones: by the parse)
            store.run("connector_cancellations_bills", con=con)
        hint = format_hint(fmt) if fmt else DATE_HINTS.get(order, DATE_HINTS[None])
        params: dict[str, object] = {"date_hint": hint}
        if kind.name == "bills":
            params |= {
                **dates,
                "status_hint": _status_hint(source),
                "mapped": source.mapping_file is not None,
                "summed": source.lines_summed,
            }
        elif kind.name == "entries":
            params["billable_hint"] = _billable_hint(source)
        checks = store.rows(f"connector_validate_{kind.name}", params, con=con)
        if problems:
            # The file is refused for its dates or numbers as a whole; its other faults are said
            # with it, so one fix-and-retry sees them all (the columns the undecided order or
            # separator was read with would only repeat the same fault on every line).
            # So are its clients' (a name two clients share) and the rates its currencies lack,
            # which the write would find next; not when the numbers of time or invoices are in
            # doubt: they decide which rows are left out (an entry of 0 hours, an invoice written
            # off), and so which clients and amounts there are.
            # A file of interactions or feedback none of whose rows answers to a client would
            # then be refused for loading nothing: said now, with who was left out.
            kept = [c for c in checks if c[1] not in undecided]
            hints: list[str] = []
            # an interaction's or answer's number (a sentiment, a score) decides neither its
            # client nor whether it is left out
            if not numbers_undecided or not kind.makes_clients:
                faults, left_out = _client_checks_undone(
                    store, con, kind, replace, wipe_demo, summary
                )
                kept += faults
                later, said = _refused_next(store, con, kind, money, source, path, left_out)
                problems += later
                hints += said
            row_problems = [
                Problem.model_construct(file=path.name, line=line, column=match.shown(col),
                                        reason=reason)
                for line, col, reason in kept
            ]  # fmt: skip
            refuse(
                sorted([*problems, *row_problems], key=lambda p: p.line),
                path,
                where,
                "\n".join(hints) or None,
            )
        _client_rows(store, con, kind)
        if not kind.makes_clients:
            store.run(f"connector_skipped_rows_{kind.name}", con=con)
        # One transaction from here: clients are matched against the database as it will be written.
        with store.transaction(con) as tx:
            if wipe_demo:
                wipe_all(store, tx)
            if kind.makes_clients:  # who was there: one made again keeps its id, and is not "new"
                store.run("connector_clients_before_replace", con=tx)
            if kind.name == "bills":  # what earlier imports said of these invoices, before a
                # --replace empties them: said, and their earlier payments kept on their days
                _paid_since(store, tx, source.origin, summary, today)
                store.run("connector_paid_before_bills", {"source": source.origin}, con=tx)
                store.run("connector_unpaid_before_bills", {"source": source.origin}, con=tx)
            if replace and not wipe_demo:
                summary.replaced = clear_imported(store, tx)
            checks += _client_checks(store, tx, kind)
            if checks:
                problems = [
                    Problem.model_construct(
                        file=path.name, line=line, column=match.shown(col), reason=reason
                    )
                    for line, col, reason in sorted(checks, key=lambda c: c[0])
                ]
                hints = [h for h in (date_format_hint(problems),) if h]
                left_out = _nothing_would_load(store, tx, kind, summary)
                later, said = _refused_next(store, tx, kind, money, source, path, left_out)
                problems[:0] = later
                hints += said
                refuse(problems, path, where, "\n".join(hints) or None)
            if marked := mark_home_currency(store, tx, money.currency):
                summary.notes.append(marked)

            # the clients whose entries come again under another name (same_work)
            twice: dict[str, bool] = {}
            if kind.name == "entries":
                if "billable" not in match.present:
                    state = "billable" if source.billable_default else "not billable"
                    summary.notes.append(
                        f"{path.name} has no billable column: all of it counts as {state}."
                    )
                classify_entries(store, con, activities or Activities(), summary)
                amounts = store.rows("connector_entry_currencies", con=tx)
                check_import_currencies(
                    amounts, money, file=path.name, where=where, noun=ENTRY_AMOUNTS
                )
                describe_money(store, con, path.name, match, summary, origin=source.origin)
                named_by_project(store, con, path.name, match, client_from, summary)
                left_out_entries(store, con, path.name, match.present, summary)
                store.run("connector_renamed_entries", {"source": source.origin}, con=tx)
                stale_rows(store, tx, "entries", source, path.name, summary)
                twice = same_work(store, tx, source, path.name, summary)
            elif kind.name == "bills":
                store.run("connector_bill_rows", {"today": today}, con=tx)
                currencies = store.rows("connector_currencies", con=tx)
                check_import_currencies(currencies, money, file=path.name, where=where)
                left_out_bills(store, con, source, path.name, terms, summary, money.currency)
                stale_rows(store, tx, "bills", source, path.name, summary)
            else:
                store.run(f"connector_rows_{kind.name}", con=tx)
                if kind.name == "touches":
                    describe_touches(store, con, path.name, summary)
                    _zoned(store, con, path.name, timezone, summary)
                if kind.name == "answers":
                    _small_scale(store, tx, source, path.name, summary)
                left_out_signals(store, con, source.target, path.name, summary)
                stale_rows(store, tx, kind.name, source, path.name, summary)
            (loading,) = store.row(f"connector_loading_{kind.name}", con=tx)
            if not loading:
                refuse(
                    [
                        Problem(
                            file=path.name,
                            line=1,
                            column="(file)",
                            reason=nothing_to_load(source.target),
                        )
                    ],
                    path,
                    where,
                    "\n".join(f"  {w}" for w in summary.warnings) or None,
                )
            if today is not None:
                future_rows(store, tx, kind.name, source.target, match, path.name, summary, today)
            counts = "connector_client_counts" + ("" if kind.makes_clients else f"_{kind.name}")
            summary.clients_new, summary.clients_matched = store.row(counts, con=tx)
            if summary.replaced is not None and kind.makes_clients:
                (summary.clients_replaced,) = store.row("connector_clients_remade", con=tx)
                summary.clients_new -= summary.clients_replaced

            say("writing…")
            _write(store, tx, kind, source.origin, summary, money.currency, twice, today)
    finally:
        con.close()
    return summary


def _client_rows(store: Store, con: duckdb.DuckDBPyConnection, kind: Kind) -> None:
    """The clients the parsed rows name (connector_client_rows or connector_signal_rows)."""
    if kind.makes_clients:
        store.run(f"connector_client_rows_{kind.name}", con=con)
    else:
        store.run(f"connector_signal_rows_{kind.name}", con=con)


def _client_checks(store: Store, tx: duckdb.DuckDBPyConnection, kind: Kind) -> list[tuple]:
    """The rows' clients matched against the database as it will be written (inside the write
    transaction), and what is wrong with them as (line, column, reason): a name two clients in
    the database answer to, an id taken by a client of another name, a domain two clients have."""
    if kind.makes_clients:
        store.run("connector_clients", con=tx)
        return store.rows("connector_validate_clients", con=tx)
    store.run("connector_match_signals", con=tx)
    return store.rows("connector_validate_matches", con=tx)


def _refused_next(
    store: Store,
    con: duckdb.DuckDBPyConnection,
    kind: Kind,
    money: Money,
    source: Source,
    path: Path,
    left_out: list[str] | None,
) -> tuple[list[Problem], list[str]]:
    """What the import would be refused for next, once the problems being listed are fixed, to
    say with them: loading nothing (`_nothing_would_load`'s warnings) and the rates the settings
    lack. The problem to list with the others, and the lines to add below them."""
    if left_out is None:
        problems, lines = [], []
    else:
        reason = f"once the values below are fixed, {nothing_to_load(source.target)}"
        problems = [Problem(file=path.name, line=1, column="(file)", reason=reason)]
        lines = [f"  {w}" for w in left_out]
    rates = _rates_lacking(store, con, kind, money)
    return problems, lines + ([rates] if rates else [])


class _Undo(Exception):
    """Ends a transaction that only looked: everything it did is rolled back."""


def _client_checks_undone(
    store: Store,
    con: duckdb.DuckDBPyConnection,
    kind: Kind,
    replace: bool,
    wipe_demo: bool,
    summary: ExportSummary,
) -> tuple[list[tuple], list[str] | None]:
    """`_client_checks` for a file already refused (for its dates or numbers), so that the refusal
    says its clients' faults too, and `_nothing_would_load`: in a transaction that empties what
    the write would (what a replace clears, or the whole demo), then is rolled back."""
    _client_rows(store, con, kind)
    if not kind.makes_clients:  # what `_nothing_would_load` says was left out, and why
        store.run(f"connector_skipped_rows_{kind.name}", con=con)
    found: list[tuple] = []
    left_out: list[str] | None = None
    try:
        with store.transaction(con) as tx:
            if wipe_demo:
                wipe_all(store, tx)
            if kind.makes_clients:
                store.run("connector_clients_before_replace", con=tx)
            if replace and not wipe_demo:
                clear_imported(store, tx)
            found = _client_checks(store, tx, kind)
            left_out = _nothing_would_load(store, tx, kind, summary)
            raise _Undo
    except _Undo:
        pass
    return found, left_out


def _nothing_would_load(
    store: Store, tx: duckdb.DuckDBPyConnection, kind: Kind, summary: ExportSummary
) -> list[str] | None:
    """For a file of interactions or feedback refused for its values, once its rows are matched
    to clients (`_client_checks`): None if any row answers to a client; else, since the file, its
    values fixed, would be refused for loading nothing (a row's client does not depend on its
    date or score), the warnings that refusal lists: the header's, then who was left out."""
    if kind.makes_clients or store.row("connector_matched_signals", con=tx) != (0,):
        return None
    said = summary.model_copy(update={"warnings": list(summary.warnings)})  # as that refusal says
    left_out_signals(store, tx, summary.target, Path(summary.file).name, said)
    return said.warnings


def _rates_lacking(
    store: Store, con: duckdb.DuckDBPyConnection, kind: Kind, money: Money
) -> str | None:
    """For a file refused for its rows: the rates its amounts' currencies lack in the settings,
    which would be its next refusal once the rows are fixed; None when all convert."""
    if kind.name == "entries":
        found = store.rows("connector_refused_entry_currencies", con=con)
        return missing_rates([(found, ENTRY_AMOUNTS)], money)
    if kind.name == "bills":
        found = store.rows("connector_refused_bill_currencies", con=con)
        return missing_rates([(found, INVOICES)], money)
    return None


# What tells whether an invoice was paid: without any of them, every invoice would read as unpaid.
PAYMENT_FIELDS = ("status", "paid_on", "paid_amount", "balance")


def _payment_unknown(source: Source, match: HeaderMatch, file: str, line: int) -> list[Problem]:
    """An invoice file with nothing to say whether an invoice was paid (no status, payment date,
    paid amount or balance, in a column or a mapping's [fixed]): refused, as it would make every
    invoice unpaid, and overdue once due, with nothing said. Empty when the file can say it."""
    if source.target != "invoices" or any(f in match.present for f in PAYMENT_FIELDS):
        return []
    if source.mapping_file is not None:
        missing = "the mapping names no status, paid_on, paid_amount or balance column"
        fix = (
            f"name the column that says it under [columns] in {source.mapping_file} (status, "
            "with [values.status] for the sheet's words, or paid_on, paid_amount, balance), or, "
            'if no invoice in the file is paid, add status = "open" under [fixed] '
            '(status = "paid" if every one is)'
        )
    else:
        names = ", ".join(source.spelled(f) for f in PAYMENT_FIELDS[:-1])
        missing = f"the file has no {names} or {source.spelled('balance')} column"
        fix = (
            "export it again with one of them (Harvest's Invoices › Export › CSV has Paid "
            "Amount and Balance), or import it with a mapping (--mapping) that names one, or "
            "gives the status under [fixed]"
        )
    reason = (
        f"nothing says which invoices were paid: {missing}, so every invoice would count as "
        f"unpaid, and as overdue once due; {fix}"
    )
    return [Problem(file=file, line=line, column="(file)", reason=reason)]


def _unread(match: HeaderMatch) -> list[str]:
    """The file's columns read past, as its header writes them."""
    return [h for n, h in match.written.items() if n.startswith("unknown_")]


def _unread_column(match: HeaderMatch, headers: frozenset[str]) -> str | None:
    """The first column read past whose header is one of `headers` (in any case and spacing)."""
    return next((h for h in _unread(match) if " ".join(h.lower().split()) in headers), None)


def _currency_unread(source: Source, match: HeaderMatch, file: str, line: int) -> list[Problem]:
    """A mapping that reads amounts and not the file's Currency column: refused. A Denver studio's
    CAD invoices were read as dollars, and the advice was one [fixed] currency for them all."""
    if source.mapping_file is None or "currency" in match.present:
        return []
    if not any(f in match.present for f in ("amount", "billable_amount", "cost_amount")):
        return []
    if (named := _unread_column(match, CURRENCY_HEADERS)) is None:
        return []
    reason = (
        f"the file has a {named!r} column the mapping does not name, so its amounts would all be "
        f'taken in the portfolio\'s currency: add currency = "{named}" under [columns] in '
        f"{source.mapping_file} (or, if every amount is in one currency, give it under [fixed], "
        'currency = "USD")'
    )
    return [Problem(file=file, line=line, column=named, reason=reason)]


def _zoned(
    store: Store,
    con: duckdb.DuckDBPyConnection,
    file: str,
    timezone: str | None,
    summary: ExportSummary,
) -> None:
    """Say at which clock times written with their zone were read: the agency's, or, where the
    settings name none, the clock they show (a request at 16:30 in Montréal written 20:30Z reads
    after hours: [agency] timezone reads it at 16:30)."""
    zoned, utc = store.row("connector_zoned_touches", con=con)
    if timezone and zoned:
        times = f"{plural(zoned, 'time')} written with {'its' if zoned == 1 else 'their'} zone"
        summary.notes.append(
            f"{file}: {times}, read at the agency's clock: {timezone} ([agency] timezone)."
        )
    elif utc:  # an offset of the agency's own (Zendesk's +0200) is its clock: said for UTC only
        summary.notes.append(
            f"{file}: {plural(utc, 'time')} written in UTC, read at the clock "
            f"{'it shows' if utc == 1 else 'they show'}: if the agency's is another, name it "
            'under [agency] timezone (timezone = "America/Toronto") and import again, so that '
            "after hours is the agency's."
        )


def _taxes_unread(source: Source, match: HeaderMatch) -> str | None:
    """A mapping's invoice amount not said to be without tax, beside tax columns it reads past:
    said, as the tax may be in the amount (a Montréal shop's totals counted GST and QST in
    revenue, 15% more for its Québec clients, nothing said)."""
    if source.mapping_file is None or source.target != "invoices":
        return None
    if "amount_with_tax" in match.present or net_named(match.shown("amount")):
        return None
    unread = [h for h in _unread(match) if tax_named(h)]
    if not unread:
        return None
    if "tax" in match.present:  # a third tax beside the two a mapping takes off (GST, PST, HST)
        return (
            f"{', '.join(repr(h) for h in unread)} read past, named as a tax: if "
            f"{match.shown('amount')!r} holds it too, revenue counts it (a mapping takes off two "
            "taxes at most: where a row has three, give the amount without tax instead)."
        )
    named = ", ".join(repr(h) for h in unread[:2])
    listed = ", ".join(json.dumps(h, ensure_ascii=False) for h in unread[:2])
    return (
        f"{named} read past: if {match.shown('amount')!r} holds {'them' if len(unread) > 1 else 'it'}, "
        f"revenue counts the tax; name {'them' if len(unread) > 1 else 'it'} under [columns] in "
        f"{source.mapping_file}, tax = [{listed}]."
    )


def _payments(source: Source, match: HeaderMatch, file: str) -> str | None:
    """An invoice mapping over a list of payments (a Method column read past, no due date): said,
    as each payment would count in revenue again beside the invoice it paid (a Montréal shop's)."""
    if source.mapping_file is None or source.target != "invoices" or "due_on" in match.present:
        return None
    if (method := payment_method_column(_unread(match))) is None:
        return None
    return (
        f"{file} has a {method!r} column and no due date: a list of payments? Each row is read as "
        "an invoice, its amount revenue, beside the invoices it paid."
    )


TRANSACTION_TYPES = frozenset(
    {"transaction type", "type de transaction", "transaktionstyp", "transaktionsart", "txn type"}
)


def _transactions_mixed(source: Source, match: HeaderMatch, file: str, line: int) -> list[Problem]:
    """An invoice mapping over a transaction list (QuickBooks' Transaction List: invoices,
    payments and credit memos, told apart by a Transaction Type column it does not read): refused.
    A Denver studio's payments were loaded as invoices, every client's revenue doubled, the column
    named only among those read past."""
    if source.mapping_file is None or source.target != "invoices":
        return []
    if (named := _unread_column(match, TRANSACTION_TYPES)) is None:
        return []
    reason = (
        f"the file lists transactions of several types (its {named!r} column), and every row "
        "would be read as an invoice: payments too, counted as revenue. Export the invoices "
        "alone (QuickBooks: Reports › Invoice List, or Sales › Invoices › Export) and import "
        "that (or, where this list holds invoices alone, delete that column); how late each was "
        "paid needs a payment date column"
    )
    return [Problem(file=file, line=line, column=named, reason=reason)]


def _status_hint(source: Source) -> str:
    """Where a mapping gives the sheet's own status words, for an invoice status not known."""
    if source.mapping_file is None:
        return ""
    return f"; give the sheet's words their status under [values.status] in {source.mapping_file}"


def _billable_hint(source: Source) -> str:
    """Where a mapping gives the sheet's own words for billable, for a word (or an empty cell) not
    known."""
    if source.mapping_file is None or "billable" in source.fixed:  # [fixed]: true or false
        return ""
    return (
        f"; give the sheet's words their value under [values.billable] in {source.mapping_file} "
        '("" = false for an empty cell)'
    )


def _stage(
    store: Store,
    con: duckdb.DuckDBPyConnection,
    kind: str,
    source: Source,
    match: HeaderMatch,
    header_line: int,
) -> int:
    """import_raw into stg_<kind> as trimmed text with true line numbers (the header is on
    `header_line`); then a mapping's [fixed] values and the fields sharing another's column are
    filled in."""
    store.run(f"connector_create_stg_{kind}", con=con)
    params = {"known": match.read, "header_line": header_line}
    try:
        store.run("connector_stage_rows", params, con=con)
        (rows,) = store.row(f"connector_stage_{kind}", con=con)
    finally:
        store.run("import_drop_raw", con=con)
    if source.fixed or match.copies:
        fills = {
            "fixed_keys": list(source.fixed),
            "fixed_values": list(source.fixed.values()),
            "copy_to": list(match.copies),
            "copy_from": list(match.copies.values()),
        }
        store.run(f"connector_fill_{kind}", fills, con=con)
    return int(rows)


def _evidence_columns(store: Store, con: duckdb.DuckDBPyConnection, query: str) -> set[str]:
    """The columns the dates or numbers a file was judged by came from (the evidence views list
    each value's column)."""
    return {col for (col,) in store.rows(query, con=con)}


def _parse(
    store: Store,
    con: duckdb.DuckDBPyConnection,
    source: Source,
    match: HeaderMatch,
    common: dict[str, object],
    path: Path,
    where: str,
) -> None:
    """Run the source's parse query: the staged text as typed src_entries, src_bills,
    src_touches or src_answers."""
    params: dict[str, object] = {**source.params, **common}
    if source.target == "invoices":
        params["summed"] = source.lines_summed  # a row per line item, no total: summed
    if source.target == "time_entries":
        params["billable_missing"] = "billable" not in match.present
        params["billable_default"] = source.billable_default
        params["amount_currency"] = match.currency  # titled amounts ("Amount (EUR)"), else None
    query = load_query(source.parse)
    # DuckDB refuses a parameter the query does not use; each parse query uses the ones it needs
    used = {k: v for k, v in params.items() if re.search(rf"\${k}\b", query)}
    try:
        con.execute(query, used)
    except duckdb.Error as exc:  # a strptime pattern DuckDB cannot use
        if common["date_format"] is None:
            raise
        reason = f"date format {common['date_format']!r}: {duckdb_reason(exc)}"
        refuse([Problem(file=path.name, line=1, column="(file)", reason=reason)], path, where)


def _same_invoices(
    store: Store, con: duckdb.DuckDBPyConnection, keys: dict[str, str], summary: ExportSummary
) -> None:
    """Warn when another source holds the invoices just loaded: a time tracker's invoices synced
    to the accounting tool, imported from both, counted twice in revenue with nothing said."""
    n, sources, numbers = store.row("connector_same_bills", keys, con=con)
    if not n:
        return
    listed = ", ".join(repr(x) for x in numbers) + (", ..." if n > len(numbers) else "")
    named = [f"mapping {s[8:]!r}" if s.startswith("mapping:") else s for s in sources]
    summary.warnings.append(
        f"{Path(summary.file).name}: {plural(n, 'invoice')} ({listed}) "
        f"{'is' if n == 1 else 'are'} on record from {', '.join(named)} too (the same client and "
        "number, or the same client, date and amount): both count in revenue. If one tool feeds the other, import only one of them "
        "(start again with `health-tui import --replace` on the one you keep)."
    )


def _near_clients(
    store: Store, con: duckdb.DuckDBPyConnection, summary: ExportSummary, twice: Mapping[str, bool]
) -> None:
    """Say the new clients whose names are close to a client's already there ("Acme Retail,
    Inc." beside "Acme Retail Inc"): each became a client of its own with half the history.
    Where the export holds again the entries an earlier one wrote for the other client (`twice`:
    a client renamed in the tracker), a merge alone would count them twice: the advice says what
    else it takes, as `same_work`'s warning does."""
    near = store.rows("connector_near_clients", con=con)
    if not near:
        return
    again = sorted({old for _, old in near} & set(twice))
    then = (
        f"; and as the warning above says, the entries of {' and '.join(map(repr, again))} are in "
        f"this file again under the new name: after the merge, "
        f"{after_merge(Path(summary.file).name, all(twice[n] for n in again))[:-1]}, or they "
        "count twice"
        if again
        else ""
    )
    pairs, merge = _close_pairs(near)
    summary.warnings.append(
        f"{Path(summary.file).name}: {plural(len(near), 'new client')} with a name close to one on "
        f"record ({pairs}): if one is the same client, merge it into the other: {merge} (later "
        f"imports under its name then land there too){then}."
    )


def _close_pairs(near: list[tuple]) -> tuple[str, str]:
    """Pairs of close names (new, other) as the warnings list them, the first three and how many
    more, and the command that merges the first new one into its other."""
    pairs = "; ".join(f"{new!r} beside {other!r}" for new, other in near[:3])
    more = f" and {len(near) - 3} more" if len(near) > 3 else ""
    new, other = near[0]
    return pairs + more, f"`health-tui clients merge {shlex.quote(other)} {shlex.quote(new)}`"


def _own_time(store: Store, con: duckdb.DuckDBPyConnection, summary: ExportSummary) -> None:
    """Say the clients of the file with no billable hour and no invoice: the agency's own time
    (an "Internal" client in Harvest) was scored as a new client to import invoices for."""
    own = store.rows("connector_own_time", con=con)
    if not own:
        return
    shown = [f"{name} ({hours:,.2f} h)" for name, hours in own[:3]]
    named = some_of(shown, len(own))
    # the command for the one named; with several, which of them is the agency's is the owner's call
    client = shlex.quote(own[0][0]) if len(own) == 1 else "CLIENT"
    summary.warnings.append(
        f"{Path(summary.file).name}: {plural(len(own), 'client')} with hours, none of them "
        f"billable, and no invoice: {named}. If {'it is' if len(own) == 1 else 'one is'} the "
        "agency's own time (admin, pitches, training), mark it not a client: "
        f"`health-tui clients ignore {client}` (its hours are kept, never scored)."
    )


def _near_new_clients(store: Store, con: duckdb.DuckDBPyConnection, summary: ExportSummary) -> None:
    """Say the new clients whose names are close to another new one of the same file ("Acme
    Retail, Inc." on one line, "Acme Retail Inc" on another): two clients, each with part of the
    history, where the export most likely means one."""
    near = store.rows("connector_near_new_clients", con=con)
    if not near:
        return
    pairs, merge = _close_pairs(near)
    summary.warnings.append(
        f"{Path(summary.file).name}: {plural(len(near), 'new client')} with a name close to "
        f"another in this file ({pairs}): each is a client of its own with part of the history. "
        f"If one is the same client, merge it into the other: {merge} (later imports under its "
        "name then land there too)."
    )


# A survey whose every score is this or under, with this many answers, is on a scale to 5.
SMALL_SCALE, SMALL_SCALE_ANSWERS = 5, 5


def _small_scale(
    store: Store,
    con: duckdb.DuckDBPyConnection,
    source: Source,
    name: str,
    summary: ExportSummary,
) -> None:
    """Warn where every score of a survey read as out of 10 is 5 or under: a 1-5 survey (common
    in France) read so makes every happy client a detractor, and a mapping's score_out_of says so."""
    n, top, scale = store.row("connector_scale_answers", con=con)
    if scale != 10 or n < SMALL_SCALE_ANSWERS or top is None or top > SMALL_SCALE:
        return
    where = f"in {source.mapping_file}" if source.mapping_file else "in the mapping"
    summary.warnings.append(
        f"{name}: all {n} scores are {SMALL_SCALE} or under, read as out of 10 (a 5 is a "
        f"detractor's score). If the survey asks 1 to 5, set score_out_of = 5 {where} and import "
        "it again: 4 of 5 then reads 8."
    )


def _paid_since(
    store: Store,
    con: duckdb.DuckDBPyConnection,
    origin: str,
    summary: ExportSummary,
    today: date | None,
) -> None:
    """Say what becomes of the invoices an earlier import wrote unpaid that this export says are
    paid without a payment date: paid after the last day an export showed them unpaid, where that
    import kept it; else read as paid on their due date, which rewrites the quarters they stood
    unpaid in (the export says nothing better, so it is said, not guessed)."""
    n, ids, kept, last = store.row(
        "connector_paid_since_bills", {"source": origin, "today": today}, con=con
    )
    name = Path(summary.file).name
    if kept:
        summary.notes.append(
            f"{name}: {plural(kept, 'invoice')} an earlier export showed unpaid "
            f"{'is' if kept == 1 else 'are'} now paid with no payment date: each stays unpaid up "
            f"to the latest day that export shows to have passed when it was made (the latest "
            f"{last}), and is paid on a day not known after it: one overdue by then counts as late "
            "as that, at least; how late the others were is not counted."
        )
    if not n:
        return
    one = n == 1
    listed = ", ".join(repr(x) for x in ids) + (", ..." if n > len(ids) else "")
    summary.warnings.append(
        f"{name}: {plural(n, 'invoice')} an earlier import wrote unpaid "
        f"{'is' if one else 'are'} now paid with no payment date ({listed}): read as paid on "
        f"{'its' if one else 'their'} due date, which rewrites the quarters "
        f"{'it' if one else 'they'} stood unpaid in (that import was made by an older "
        "health-tui, which kept no day it was seen unpaid). Give the day each was paid (a "
        "payment date column; in a mapping, paid_on under [columns]) for it to count."
    )


def _write(
    store: Store,
    con: duckdb.DuckDBPyConnection,
    kind: Kind,
    origin: str,
    summary: ExportSummary,
    home: str,
    twice: Mapping[str, bool],
    today: date | None,
) -> None:
    """Inside the caller's transaction: clients first (for the kinds that make them), then the rows,
    replacing those this source brought before under the same keys; no other source's rows are
    touched. `twice`: the clients whose entries this file holds again under another (`same_work`);
    `today`: the import's day, to which the invoices written are known as they are."""
    keys = {"source": origin}
    (summary.already,) = store.row(f"connector_existing_{kind.name}", keys, con=con)
    if kind.name == "entries":
        summary.renamed = dict(store.rows("connector_renamed_gone", keys, con=con))
    if kind.makes_clients:
        _near_new_clients(store, con, summary)
        _near_clients(store, con, summary, twice)
        store.run("connector_insert_clients", keys, con=con)
        store.run("connector_update_client_starts", con=con)
    store.run(f"connector_delete_{kind.table}", keys, con=con)
    # an amount with no currency is in the portfolio's, stored as such
    priced = {"home": home} if kind.table in ("bills", "time_entries") else {}
    (summary.rows,) = store.row(f"connector_insert_{kind.table}", {**keys, **priced}, con=con)
    if kind.name == "entries":
        _own_time(store, con, summary)
    if kind.table in SIGNAL_TABLES:  # rows repeating what the owner logged in the app
        dropped, notes, warnings = owner_repeats(
            store, con, origin, kind.name, (kind.table,), drop=False
        )
        summary.rows -= dropped.get(kind.table, 0)
        summary.notes += notes
        summary.warnings += warnings
    if (
        kind.name == "bills"
    ):  # an invoice paid in part is two rows: counted once, as the file has it
        (summary.rows,) = store.row("connector_loaded_bills", con=con)
        _same_invoices(store, con, keys, summary)
        if today is not None:
            store.run("invoices_seen", {**keys, "today": today}, con=con)
    store.set_setting("portfolio_kind", "imported", con=con)
