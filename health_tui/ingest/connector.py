"""`health-tui import FILE.csv`: one export from Harvest, Toggl or a mapped spreadsheet.

The file goes the native import's way (staging.py): its header is matched to the source, DuckDB
reads every column as text into a temp table, set-based queries type and check every row, and only
when nothing is wrong is anything written, in one transaction. Problems read
`file:line: column: reason`, the column as the header wrote it.

Identity and re-imports. An export is a window onto the tracker, not the full history of a client,
so rows are merged rather than replaced per client:
- a client is its normalised name (case, accents and spacing aside). A name already in the database
  is that client; a new one gets a client_id derived from the name (`connector_client_id`), the
  same in every export, with started_on its first activity (or invoice) date. A client whose
  export shows work before its started_on starts then instead.
- a time entry is identified by what the export says about it (source, client, date, person,
  project, task, notes, hours; Toggl adds the start time), plus its number among identical lines.
  The md5 of that is stored as `source_key`; importing an entry whose key is already there
  replaces the row instead of adding one, so overlapping exports never count an hour twice.
- an invoice is identified by its source and ID: a later export replaces it with its new state.
Rows from the native folder format carry no source_key and are never matched by an export.

Python only orchestrates here: it decides, from counts the queries return, the date order and the
decimal separator of the whole file, and gathers problems; it never loops over rows.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from health_tui.errors import ImportFailed
from health_tui.ingest.detect import SOURCES, layout, unknown_header_hint
from health_tui.ingest.evidence import (
    date_format_hint,
    date_order,
    date_setting,
    decimal_separator,
)
from health_tui.ingest.mapping import load_mapping
from health_tui.ingest.models import (
    ActivityShare,
    ExportSummary,
    ImportSummary,
    Problem,
    WordShare,
)
from health_tui.ingest.native import import_folder
from health_tui.ingest.source import ClientFrom, HeaderMatch, Source, match_header
from health_tui.ingest.staging import (
    MACROS,
    Progress,
    duckdb_reason,
    install_macros,
    read_csv_raw,
    refuse,
    show,
    size,
    where_of,
)
from health_tui.money import check_import_currencies
from health_tui.settings import Activities, Money
from health_tui.store import Store, load_query
from health_tui.store.tables import clear_imported, wipe_all

CONNECTOR_MACROS = (
    "connector_macro_plain",
    "connector_macro_decimal_text",
    "connector_macro_duration",
    "connector_macro_when",
    "connector_macro_clock_of",
    "connector_macro_clock",
    "connector_macro_date_of",
    "connector_macro_date",
    "connector_macro_timestamp",
    "connector_macro_time_of",
    "connector_macro_span",
    "connector_macro_client_name",
    "connector_macro_norm",
    "connector_macro_words",
    "connector_macro_client_id",
    "connector_macro_currency",
)
# The order the activity word lists are tried in, within one field (see settings.Activities).
WORD_LISTS = ("admin", "revision", "support", "meeting")
_DATE_HINTS = {
    None: "(like 2025-03-31)",
    "dmy": "(like 2025-03-31 or 31/03/2025)",
    "mdy": "(like 2025-03-31 or 03/31/2025)",
}


def import_path(
    store: Store,
    path: Path,
    *,
    source: str | None = None,
    mapping: Path | None = None,
    date_format: str | None = None,
    client_from: ClientFrom | None = None,
    activities: Activities | None = None,
    money: Money | None = None,
    replace: bool = False,
    progress: Progress | None = None,
) -> ImportSummary | ExportSummary:
    """`health-tui import PATH`: a folder is the native format, a file an export of some source."""
    path = Path(path)
    if path.is_dir() or source == "native":
        if (
            source not in (None, "native")
            or mapping is not None
            or date_format is not None
            or client_from is not None
        ):
            raise ImportFailed(
                f"{path} is a folder, read in the native format; --source, --mapping, "
                "--date-format and --client-from are for a single exported CSV file."
            )
        return import_folder(store, path, replace=replace, money=money, progress=progress)
    if source is not None and mapping is not None:
        raise ImportFailed("give --source or --mapping, not both.")
    if source is not None and source not in SOURCES:
        raise ImportFailed(f"unknown source {source!r}; known: {', '.join(SOURCES)}, native.")
    forced = load_mapping(mapping).source() if mapping else SOURCES.get(source or "")
    return import_export(
        store,
        path,
        forced=forced,
        date_format=date_format,
        client_from=client_from,
        activities=activities,
        money=money,
        replace=replace,
        progress=progress,
    )


def import_export(
    store: Store,
    path: Path,
    *,
    forced: Source | None = None,
    date_format: str | None = None,
    client_from: ClientFrom | None = None,
    activities: Activities | None = None,
    money: Money | None = None,
    replace: bool = False,
    progress: Progress | None = None,
) -> ExportSummary:
    """Load one export file into `store`, all or nothing; raise ImportFailed listing what is wrong.

    `forced` is the source (--source, or a mapping's); without it the header decides. See the
    module docstring for how clients, entries and invoices are identified on re-import.
    """
    say: Progress = progress or (lambda _message: None)
    where = where_of(store)
    path = Path(path)
    problems: list[Problem] = []
    if not path.is_file():
        reason = "no such file" if not path.exists() else "not a file"
        refuse([Problem(file=str(path), line=1, column="(file)", reason=reason)], path, where)
    found = layout(path, problems, forced)
    if found is None:
        header_unknown = any(p.column == "(header)" for p in problems)
        refuse(problems, path, where, unknown_header_hint() if header_unknown else None)
    source = found.source
    if client_from is not None and source.target != "time_entries":
        raise ImportFailed(
            f"--client-from is for time exports; {path.name} is a {source.label}. "
            f"Nothing was changed in {where}."
        )
    match = match_header(source, found.header, path.name)
    if match.problems:
        refuse(match.problems, path, where)
    order, fmt = date_setting(date_format or source.date_format)
    wipe_demo = store.setting("portfolio_kind") == "demo"
    kind = "entries" if source.target == "time_entries" else "bills"
    summary = ExportSummary(
        file=str(path),
        source=source.name,
        label=source.label,
        target=source.target,
        database=where,
        replaced_demo=wipe_demo,
        replaced=replace and not wipe_demo,
        warnings=list(match.warnings),
    )
    con = store.cursor()  # temp tables and macros live on this connection only
    try:
        install_macros(store, con, MACROS + CONNECTOR_MACROS)
        say(f"reading {path.name} ({size(path)})…")
        ok = read_csv_raw(store, con, path, match.columns, match.written, problems, found.delimiter)
        if not ok:
            refuse(problems, path, where)
        rows = _stage(store, con, kind, source, match)
        if rows == 0:
            problem = Problem(
                file=path.name, line=1, column="(file)", reason="no rows below the header"
            )
            refuse([problem], path, where)

        say(f"checking {rows:,} {'time entries' if kind == 'entries' else 'invoices'}…")
        if fmt is None and order is None:
            order = date_order(store, con, kind, path.name, match, problems)
        decimal = source.decimal or decimal_separator(
            store, con, kind, path.name, match, found.delimiter, problems, summary
        )
        if problems:
            refuse(problems, path, where)
        # "any": no date said which order, and every date that reads, reads the same either way
        dates = {"date_order": "dmy" if order == "any" else order, "date_format": fmt}
        common = {**dates, "decimal": decimal, "client_from": client_from or "auto"}
        terms = _due_days(source, money or Money())
        _parse(store, con, source, match, {**common, "due_days": terms}, path, where)
        hint = f"(in the format {fmt})" if fmt else _DATE_HINTS.get(order, _DATE_HINTS[None])
        params = {**dates, "date_hint": hint} if kind == "bills" else {"date_hint": hint}
        checks = store.rows(f"connector_validate_{kind}", params, con=con)
        store.run(f"connector_client_rows_{kind}", con=con)
        # One transaction from here: clients are matched against the database as it will be written.
        with store.transaction(con) as tx:
            if wipe_demo:
                wipe_all(store, tx)
            elif replace:
                clear_imported(store, tx)
            store.run("connector_clients", con=tx)
            checks += store.rows("connector_validate_clients", con=tx)
            if checks:
                problems = [
                    Problem.model_construct(
                        file=path.name, line=line, column=match.shown(col), reason=reason
                    )
                    for line, col, reason in sorted(checks, key=lambda c: c[0])
                ]
                refuse(problems, path, where, date_format_hint(problems))

            if kind == "entries":
                if "billable" not in match.present:
                    state = "billable" if source.billable_default else "not billable"
                    summary.notes.append(
                        f"{path.name} has no billable column: all of it counts as {state}."
                    )
                _classify(store, con, activities or Activities(), summary)
                _named_by_project(store, con, path.name, match, client_from, summary)
            else:
                store.run("connector_bill_rows", con=tx)
                found = store.rows("connector_currencies", con=tx)
                check_import_currencies(found, money or Money(), file=path.name, where=where)
            _left_out(store, con, source, path.name, match.present, terms, summary)
            (loading,) = store.run(f"connector_loading_{kind}", con=tx).fetchone()
            if not loading:
                refuse(
                    [Problem(file=path.name, line=1, column="(file)", reason=_nothing(kind))],
                    path,
                    where,
                    "\n".join(f"  {w}" for w in summary.warnings) or None,
                )
            summary.clients_new, summary.clients_matched = store.run(
                "connector_client_counts", con=tx
            ).fetchone()

            say("writing…")
            _write(store, tx, kind, source.origin, summary)
    finally:
        con.close()
    return summary


def _stage(
    store: Store, con: duckdb.DuckDBPyConnection, kind: str, source: Source, match: HeaderMatch
) -> int:
    """import_raw into stg_entries / stg_bills as trimmed text with true line numbers; then a
    mapping's [fixed] values and the fields sharing another's column are filled in."""
    store.run(f"connector_create_stg_{kind}", con=con)
    try:
        (rows,) = store.run(f"connector_stage_{kind}", {"known": match.read}, con=con).fetchone()
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


def _parse(
    store: Store,
    con: duckdb.DuckDBPyConnection,
    source: Source,
    match: HeaderMatch,
    common: dict[str, object],
    path: Path,
    where: str,
) -> None:
    """Run the source's parse query: the staged text as typed src_entries / src_bills."""
    params: dict[str, object] = {**source.params, **common}
    if source.target == "time_entries":
        params["billable_missing"] = "billable" not in match.present
        params["billable_default"] = source.billable_default
        del params["due_days"]
    else:
        del params["client_from"]
    try:
        con.execute(load_query(source.parse), params)
    except duckdb.Error as exc:  # a strptime pattern DuckDB cannot use
        if common["date_format"] is None:
            raise
        reason = f"date format {common['date_format']!r}: {duckdb_reason(exc)}"
        refuse([Problem(file=path.name, line=1, column="(file)", reason=reason)], path, where)


def _classify(
    store: Store, con: duckdb.DuckDBPyConnection, activities: Activities, summary: ExportSummary
) -> None:
    """Give every entry its activity from the settings' words (Task, Tags) and phrases (notes);
    summarise hours per activity and the words that decided them."""
    words = [
        (name, rank, word, in_notes)
        for rank, name in enumerate(WORD_LISTS)
        for in_notes, listed in (
            (False, getattr(activities, name)),
            (True, getattr(activities, f"{name}_phrases")),
        )
        for word in listed
    ]
    store.run(
        "connector_create_activity_words",
        {
            "activities": [w[0] for w in words],
            "ranks": [w[1] for w in words],
            "words": [w[2] for w in words],
            "in_notes": [w[3] for w in words],
            "non_billable": [w[0] == "admin" for w in words],
        },
        con=con,
    )
    store.run("connector_classify_entries", {"default_activity": activities.default}, con=con)
    summary.default_activity = activities.default
    matched: dict[str, list[WordShare]] = {}
    for activity, field, word, n, hours in store.rows("connector_summary_words", con=con):
        matched.setdefault(activity, []).append(
            WordShare(field=field, word=word, entries=n, hours=round(hours, 2))
        )
    summary.activities = [
        ActivityShare(
            activity=a,
            entries=n,
            hours=round(h, 2),
            unmatched=u,
            unmatched_hours=round(uh, 2),
            words=matched.get(a, []),
        )
        for a, n, h, u, uh in store.rows("connector_summary_entries", con=con)
    ]


def _named_by_project(
    store: Store,
    con: duckdb.DuckDBPyConnection,
    file: str,
    match: HeaderMatch,
    client_from: ClientFrom | None,
    summary: ExportSummary,
) -> None:
    """Say which entries their Project gave a client, and how to have it otherwise."""
    projects = store.rows("connector_client_from_project", con=con)
    if not projects:
        return
    n = sum(count for _project, count in projects)
    listed = ", ".join(f"{show(p)} ({count:,})" for p, count in projects[:5])
    more = f" and {len(projects) - 5:,} more" if len(projects) > 5 else ""
    entries = f"{n:,} entr{'y' if n == 1 else 'ies'}"
    if client_from == "project":
        summary.notes.append(
            f"{entries}: the client is the Project (--client-from project): {listed}{more}."
        )
        return
    why = "has no Client column" if "client" not in match.present else "left their Client empty"
    summary.notes.append(
        f"{file} {why}, so the Project names the client of {entries}: {listed}{more}. "
        "To put a project's entries on a client you have, `health-tui clients alias CLIENT "
        '"PROJECT"` and import again (`health-tui clients ignore` one that is your own time); '
        "--client-from client leaves such entries out instead."
    )


def _due_days(source: Source, money: Money) -> int:
    """Days from issue to due for an invoice without a due date: the mapping's `due_days`, else the
    settings' [money] payment_terms_days."""
    days = source.params.get("due_days")
    return days if isinstance(days, int) else money.payment_terms_days


def _left_out(
    store: Store,
    con: duckdb.DuckDBPyConnection,
    source: Source,
    file: str,
    present: list[str],
    due_days: int,
    summary: ExportSummary,
) -> None:
    """Say what was skipped (warnings) and what was assumed (notes), from counts, not rows."""
    if source.target == "time_entries":
        for reason, n, hours, lines in store.rows("connector_skipped_entries", con=con):
            where = ", ".join(str(x) for x in lines) + (", ..." if n > len(lines) else "")
            what = "of 0 hours"
            if reason == "no client":
                what = "with no client" + (" or project" if "project" in present else "")
            summary.warnings.append(
                f"{file}: left out {n:,} entr{'y' if n == 1 else 'ies'} {what} "
                f"({hours:,.2f} h; line{'s' if n > 1 else ''} {where})"
            )
        return
    drafts, no_client, lines, due, paid_on, partly, written_off, off_lines = store.run(
        "connector_notes_bills", con=con
    ).fetchone()
    if drafts:
        summary.warnings.append(f"{file}: left out {drafts:,} draft invoice(s), never sent")
    if no_client:
        where = ", ".join(str(x) for x in lines) + (", ..." if no_client > len(lines) else "")
        summary.warnings.append(
            f"{file}: left out {no_client:,} invoice(s) with no client (lines {where})"
        )
    if due:
        origin = (
            "the mapping's due_days"
            if source.name == "mapping" and isinstance(source.params.get("due_days"), int)
            else "[money] payment_terms_days"
        )
        summary.notes.append(
            f"Assumed {due:,} invoice(s) without a due date fall due {due_days} days after issue "
            f"({origin})."
        )
    if paid_on:
        summary.notes.append(
            f"Assumed {paid_on:,} paid invoice(s) without a payment date were paid on their "
            "due date."
        )
    if partly:
        summary.notes.append(
            f"{partly:,} invoice(s) paid in part are stored as a paid row and an unpaid row "
            "(ID-unpaid), so the unpaid amount counts as unpaid."
        )
    if written_off:
        where = ", ".join(str(x) for x in off_lines) + (", ..." if written_off > 5 else "")
        summary.notes.append(
            f"{written_off:,} invoice(s) were written off in whole or in part (Closed, or Paid "
            f"Amount and Balance short of the Invoice Amount; lines {where}): what was written off "
            "counts as neither paid nor unpaid, and an invoice written off whole is not loaded."
        )


def _nothing(kind: str) -> str:
    what = "time entry" if kind == "entries" else "invoice"
    return (
        f"nothing to load: every {what} was left out (see the reasons below); "
        "fix the export or pick another file"
    )


def _write(
    store: Store, con: duckdb.DuckDBPyConnection, kind: str, origin: str, summary: ExportSummary
) -> None:
    """Inside the caller's transaction: clients first, then the rows, replacing those this source
    brought before under the same keys; no other source's rows are touched."""
    table = "time_entries" if kind == "entries" else "bills"
    keys = {"source": origin}
    (summary.already,) = store.run(f"connector_existing_{kind}", keys, con=con).fetchone()
    store.run("connector_insert_clients", keys, con=con)
    store.run("connector_update_client_starts", con=con)
    store.run(f"connector_delete_{table}", keys, con=con)
    (summary.rows,) = store.run(f"connector_insert_{table}", keys, con=con).fetchone()
    store.set_setting("portfolio_kind", "imported", con=con)
