"""What an import of one export says besides "Loaded ...": the activity of time entries and the
words that decided it, whose project named a client, what was left out (warnings) and what was
assumed (notes). Every figure comes from a query over the parsed rows; Python only words them.
"""

from __future__ import annotations

import shlex
from datetime import date

import duckdb

from health_tui.domains import MAILBOX_DOMAINS
from health_tui.errors import ImportFailed
from health_tui.formatting import plural, some_of
from health_tui.ingest.models import (
    DATE_COLUMN,
    LABELS,
    ActivityShare,
    ExportSummary,
    WordShare,
    future_dated,
    paid_before_issued,
)
from health_tui.ingest.source import ClientFrom, HeaderMatch, Source
from health_tui.ingest.staging import show
from health_tui.settings import Activities, Money
from health_tui.store import Store

# The order the activity word lists are tried in, within one field (see settings.Activities).
WORD_LISTS = ("admin", "revision", "support", "meeting")


def classify_entries(
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


def named_by_project(
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
    n = sum(count for _project, count, _new in projects)
    listed = some_of(
        [
            f"{show(p)} ({count:,}{'' if new else ', a client you have'})"
            for p, count, new in projects[:5]
        ],
        len(projects),
    )
    entries = f"{n:,} entr{'y' if n == 1 else 'ies'}"
    if client_from == "project":
        summary.notes.append(
            f"{entries}: the client is the Project (--client-from project): {listed}."
        )
        return
    why = "has no Client column" if "client" not in match.present else "left their Client empty"
    advice = (
        " To put a project's entries on a client you have, `health-tui clients merge CLIENT "
        '"PROJECT"` (later imports of it land there too; `health-tui clients ignore` one that is '
        "your own time); --client-from client leaves such entries out instead."
        if any(new for _project, _count, new in projects)  # a project made a client of its own
        else ""
    )
    summary.notes.append(
        f"{file} {why}, so the Project names the client of {entries}: {listed}.{advice}"
    )


def describe_money(
    store: Store,
    con: duckdb.DuckDBPyConnection,
    file: str,
    match: HeaderMatch,
    summary: ExportSummary,
    *,
    origin: str,
) -> None:
    """Say what a time export's amounts are used for (Harvest's Cost Amount and Billable Amount,
    Toggl's Amount (EUR) or Billable amount, Clockify's Billable and Cost Amount (USD)), under the
    names the file gives them, and which costs are unknown: a cost of 0 is a cost rate never set,
    not free work."""
    present = match.present
    if "billable_amount" not in present:
        _priced_elsewhere(store, con, file, origin, summary)
    if "cost_amount" not in present and "billable_amount" not in present:
        return
    cost_col, value_col = match.shown("cost_amount"), match.shown("billable_amount")
    (costed, costed_h, zero, zero_h, valued, valued_h, unpriced, unpriced_h, clients, own_cost,
     cost_currency, billed_in) = store.row("connector_money_entries", con=con)  # fmt: skip
    used = []
    if "cost_amount" in present:
        used.append(
            f"{cost_col} gives each client's cost ({_entries(costed)}, {costed_h:,.2f} h), "
            "so its margin needs no [money] cost_per_hour"
        )
    if "billable_amount" in present and valued:
        used.append(
            f"{value_col} ({_entries(valued, 'billable')}, "
            f"{valued_h:,.2f} h) estimates revenue where no invoice exists in the last four "
            "quarters"
        )
    elif "billable_amount" in present:
        used.append(f"{value_col} is 0 or empty on every billable entry: it estimates no revenue")
    summary.notes.append(f"{file}: " + "; ".join(used) + ".")
    if "billable_amount" in present and unpriced:
        named = some_of(clients[:5], len(clients))
        summary.notes.append(
            f"{_entries(unpriced)} ({unpriced_h:,.2f} h) {'is' if unpriced == 1 else 'are'} "
            f"billable with no {value_col} (or one of 0: no rate set in the time tracker), for "
            f"{named}: a client with no invoice in the last four quarters has its revenue "
            "estimated from the amounts only where every billable hour has one."
        )
    if own_cost:
        summary.notes.append(
            f"{_entries(own_cost)} of clients billed in {', '.join(billed_in)}: {cost_col} read "
            f"in {cost_currency}, the portfolio's currency, not theirs (Harvest keeps one cost "
            "rate a person, in the account's currency, taken to be the portfolio's)."
        )
    if zero:
        summary.notes.append(
            f"{_entries(zero)} ({zero_h:,.2f} h) {'has' if zero == 1 else 'have'} a {cost_col} "
            "of 0 (no cost rate set in the time tracker): their cost is unknown, priced at [money] "
            "cost_per_hour if you set one, else their clients' margin is not known."
        )


def _priced_elsewhere(
    store: Store, con: duckdb.DuckDBPyConnection, file: str, origin: str, summary: ExportSummary
) -> None:
    """A time export with no billable amounts for clients whose other time carries some: their
    revenue estimate from the amounts no longer stands, and the import says so (the score did
    alone, after the fact)."""
    (clients,) = store.row("connector_priced_elsewhere", {"source": origin}, con=con)
    if clients:
        named = some_of(clients[:5], len(clients))
        summary.notes.append(
            f"{file} has no billable amounts, and the time of {named} already on record has some: "
            "their billable hours here have none, so where they have no invoice in the last four "
            "quarters their revenue is no longer estimated from the amounts."
        )


def _entries(n: int, kind: str = "") -> str:
    """'1 entry', '3 billable entries'."""
    return f"{n:,} {kind + ' ' if kind else ''}entr{'y' if n == 1 else 'ies'}"


def due_days(source: Source, money: Money) -> int:
    """Days from issue to due for an invoice without a due date: the mapping's `due_days`, else the
    settings' [money] payment_terms_days."""
    days = source.params.get("due_days")
    return days if isinstance(days, int) else money.payment_terms_days


def _lines(lines: list[int], n: int) -> str:
    return (
        "line"
        + ("s" if n > 1 else "")
        + " "
        + ", ".join(str(x) for x in lines)
        + (", ..." if n > len(lines) else "")
    )


def left_out_entries(
    store: Store,
    con: duckdb.DuckDBPyConnection,
    file: str,
    present: list[str],
    summary: ExportSummary,
) -> None:
    """Warn about the time entries left out: no client (nor project), or no time."""
    for reason, n, hours, lines in store.rows("connector_skipped_entries", con=con):
        what = "of 0 hours"
        if reason == "no client":
            what = "with no client" + (" or project" if "project" in present else "")
        summary.warnings.append(
            f"{file}: left out {n:,} entr{'y' if n == 1 else 'ies'} {what} "
            f"({hours:,.2f} h; {_lines(lines, n)})"
        )


def left_out_bills(
    store: Store,
    con: duckdb.DuckDBPyConnection,
    source: Source,
    file: str,
    due_days: int,
    summary: ExportSummary,
    currency: str,
) -> None:
    """Warn about the invoices left out (drafts) and note what was assumed: due dates,
    payment dates, invoices split into paid and unpaid rows, what was written off, and the
    portfolio's `currency` for amounts the file gives none."""
    (drafts, due, paid_on, partly, written_off, off_lines, no_currency, line_items, cancellations,
     cancellation_lines, maybe_cents, median, partial_unknown, partial_line, paid_differs,
     paid_differs_lines, paid_owing, paid_owing_line, balance_over, balance_over_lines) = store.row(
        "connector_notes_bills", con=con)  # fmt: skip
    if maybe_cents and source.mapping_file and not source.params.get("cents_said"):
        # refused rather than guessed either way: read as units, Stripe's API export made every
        # invoice 100 times its amount (a freelancer's revenue at risk read CAD 1,209,000)
        raise ImportFailed(
            f"import of {file} refused: every amount is a whole number, the median {median:,.0f}: "
            "in cents (as Stripe's API writes them) or in whole units? Say which at the top of "
            f"{source.mapping_file}, above [columns]: amounts_in_cents = true, or "
            "amounts_in_cents = false, and import it again.\nNothing was changed."
        )
    if line_items and source.lines_summed:
        summary.notes.append(
            f"Summed {plural(line_items, 'line')} into the invoice on an earlier line (the same "
            "number, client, dates and status): each invoice is the sum of its lines."
        )
    elif line_items:
        summary.notes.append(
            f"Read {plural(line_items, 'line')} as "
            f"{'a line item' if line_items == 1 else 'line items'} of an invoice on an earlier line "
            "(the same number, client, dates and figures): each invoice is counted once."
        )
    if drafts:
        summary.warnings.append(f"{file}: left out {plural(drafts, 'draft invoice')}, never sent")
    if partial_unknown:
        summary.warnings.append(
            f"{file}:{partial_line}: {plural(partial_unknown, 'invoice')} marked paid in part, with "
            "no amount paid or owed in its row: how much was paid is not in the file, so each "
            "counts as wholly unpaid; give the amount paid or the balance (in the file, or by "
            "mapping its column) to count what was paid."
        )
    if cancellations:
        summary.notes.append(
            f"Left out {plural(cancellations, 'credit note')} cancelling an invoice the file "
            f"gives as cancelled, of the same client and amount (a Stornorechnung; "
            f"{_lines(cancellation_lines, cancellations)}): with the invoice, not loaded, they are "
            "nothing, where the credit note alone would take the amount off revenue twice."
        )
    early, line, invoice_id, paid, issued = store.row("connector_paid_before_issued", con=con)
    if early:
        summary.warnings.append(
            paid_before_issued(f"{file}:{line}", early, invoice_id, paid, issued)
        )
    if due:
        origin = (
            "the mapping's due_days"
            if source.name == "mapping" and isinstance(source.params.get("due_days"), int)
            else "[money] payment_terms_days"
        )
        summary.notes.append(
            f"Assumed {plural(due, 'invoice')} without a due date: due {due_days} days after issue "
            f"({origin})."
        )
    if paid_on:
        summary.notes.append(
            f"{plural(paid_on, 'paid invoice')} without a payment date: each counts as paid from "
            "its due date (or the day after an earlier export last showed it unpaid), and how late "
            "it was paid as not known, neither late nor on time (one an earlier export showed "
            "unpaid past its due day: late at least until then); an export with payment dates "
            "scores how the client pays."
        )
    if partly:
        summary.notes.append(
            f"{plural(partly, 'invoice')} paid in part: each is stored as a paid row and an unpaid row "
            "(ID-unpaid), so the unpaid amount counts as unpaid."
        )
    if paid_differs:
        summary.notes.append(
            f"{plural(paid_differs, 'invoice')} marked paid with an amount paid that says "
            f"otherwise ({_lines(paid_differs_lines, paid_differs)}): each counts as paid in "
            "full, its amount as revenue; what was paid beyond it or short of it (a credit "
            "balance, a discount for paying early, a late fee) is neither revenue nor owed."
        )
    if balance_over:
        summary.notes.append(
            f"{plural(balance_over, 'invoice')} with more remaining than its total "
            f"({_lines(balance_over_lines, balance_over)}): a debt from before carried onto it; "
            "only its own total counts as owed on it."
        )
    if paid_owing:
        summary.warnings.append(
            f"{file}:{paid_owing_line}: {plural(paid_owing, 'invoice')} marked paid with a "
            "balance still owed: each counts as owing what its balance says, paid only the rest; "
            "if it was paid in full, correct the balance in the export."
        )
    if written_off:
        summary.notes.append(
            f"{plural(written_off, 'invoice')} written off in whole or in part (Closed or Void, or "
            f"Paid Amount and Balance short of the Invoice Amount; {_lines(off_lines, written_off)}): what was written off "
            "counts as neither paid nor unpaid, and an invoice written off whole is not loaded."
        )
    if no_currency:
        # a sheet in pounds with no currency column would otherwise count as euros unsaid
        fix = (
            'name it in the mapping under [fixed] (currency = "GBP", say)'
            if source.name == "mapping"
            else "export them with the Currency column"
        )
        summary.notes.append(
            f"Took the amounts of {plural(no_currency, 'invoice')} with no currency as {currency} "
            f"(the portfolio's currency); if they are in another, {fix} and import the file again."
        )


def left_out_signals(
    store: Store,
    con: duckdb.DuckDBPyConnection,
    target: str,
    file: str,
    summary: ExportSummary,
) -> None:
    """Warn about the interactions or feedback scores left out: those that name no client, partial
    survey answers, and those whose organization (or domain) is no client, listed: no client is
    ever made from a ticket or an answer."""
    one, many = LABELS[target]
    why = {
        "no client": "that name no client (no organization, client or email)",
        "partial": "answered only in part (no score or no date)",
    }
    for reason, n, lines in store.rows("connector_skipped_signals", con=con):
        summary.warnings.append(
            f"{file}: left out {n:,} {one if n == 1 else many} {why[reason]} ({_lines(lines, n)})"
        )
    unmatched = store.rows("connector_unmatched_signals", con=con)
    if not unmatched:
        return
    n = sum(count for _who, _domain, count, _line in unmatched)
    # a name close to a client's (a typo in a survey's free-text company: "Cherry Creek Yogo")
    close = dict(store.rows("connector_unmatched_close", con=con))
    listed = some_of(
        [
            f"{show(who)}{' (a domain)' if is_domain else ''} ({count:,}, line {line}"
            + (f"; close to the client {show(close[who])})" if who in close else ")")
            for who, is_domain, count, line in unmatched[:10]
        ],
        len(unmatched),
    )
    mailbox = [
        who for who, is_domain, _n, _line in unmatched if is_domain and who in MAILBOX_DOMAINS
    ]
    names = sum(not is_domain for _who, is_domain, _n, _line in unmatched)
    domains = len(unmatched) - names - len(mailbox)  # a client's own, for `clients domain`
    first = next((who for who, *_ in unmatched if who in close), None)
    example = (
        f" (for the first close one: `health-tui clients alias {shlex.quote(close[first])} "
        f"{shlex.quote(first)}`)"
        if first is not None
        else ""
    )
    summary.warnings.append(
        f"{file}: left out {n:,} {one if n == 1 else many} from organizations that are no client: "
        f"{listed}. No client is made from them{_match_advice(names, domains)}{example}."
        + _mailbox_note(mailbox)
    )


def _match_advice(names: int, domains: int) -> str:
    """How to make the rows left out land on a client: an alias for a name, a domain for a
    domain; none for public mail domains, which `clients domain` refuses."""
    alias = '`health-tui clients alias CLIENT "NAME"`'
    domain = "`health-tui clients domain CLIENT DOMAIN`"
    if names and domains:
        return f"; if one is a client under another name, {alias} (or {domain}) and import again"
    if names:
        return f"; if one is a client under another name, {alias} and import again"
    if domains:
        return f"; if one is a client's, {domain} and import again"
    return ""


def _mailbox_note(mailbox: list[str]) -> str:
    """Why rows from public mail domains (gmail.com) are left out, and what would count them."""
    if not mailbox:
        return ""
    named = some_of([show(d) for d in mailbox[:3]], len(mailbox))
    what = "is a public mail domain" if len(mailbox) == 1 else "are public mail domains"
    it = "it" if len(mailbox) == 1 else "one"
    return (
        f" {named} {what}, no one client's: a row from {it} counts only when the file names its "
        "client, or when the sender's address is a client's alias (`health-tui clients alias "
        "CLIENT ADDRESS`)."
    )


def describe_touches(
    store: Store, con: duckdb.DuckDBPyConnection, file: str, summary: ExportSummary
) -> None:
    """Note the interactions by kind (and what decided it) and by channel, how many carry a
    rating, and what was assumed: channels taken as the default, ratings with no sentiment."""
    kinds: dict[str, int] = {}
    decided: dict[str, dict[str, int]] = {}
    channels: dict[str, int] = {}
    rated = 0
    for kind, kind_from, channel, _assumed, n, r in store.rows(
        "connector_summary_touches", con=con
    ):
        kinds[kind] = kinds.get(kind, 0) + n
        if kind_from:
            by = decided.setdefault(kind, {})
            by[kind_from] = by.get(kind_from, 0) + n
        channels[channel] = channels.get(channel, 0) + n
        rated += r

    named_by = {"tags": "tag", "priority": "priority", "type": "ticket type"}

    def said(kind: str) -> str:
        why = ", ".join(
            f"{n:,} by {named_by[how]}" for how, n in sorted(decided.get(kind, {}).items())
        )
        return f"{kind} {kinds[kind]:,}" + (f" ({why})" if why else "")

    order = sorted(kinds, key=lambda k: (-kinds[k], k))
    summary.notes.append(
        f"By kind: {', '.join(said(k) for k in order)}; by channel: "
        + ", ".join(f"{c} {n:,}" for c, n in sorted(channels.items(), key=lambda x: (-x[1], x[0])))
        + f"; {rated:,} with a sentiment."
    )
    assumed = store.rows("connector_notes_touches", con=con)
    channel_words = [(v, n) for what, v, n in assumed if what == "channel"]
    if channel_words:
        n = sum(k for _v, k in channel_words)
        listed = ", ".join(f"{show(v)} ({k:,})" for v, k in channel_words[:5])
        summary.notes.append(
            f"Assumed email for {plural(n, file + ' row')} whose channel is not one I know: {listed}."
        )
    rating_words = [(v, n) for what, v, n in assumed if what == "rating"]
    if rating_words:
        n = sum(k for _v, k in rating_words)
        listed = ", ".join(f"{show(v)} ({k:,})" for v, k in rating_words[:5])
        summary.notes.append(
            f"{plural(n, 'satisfaction rating')} I do not know left without a sentiment: {listed}."
        )


def nothing_to_load(target: str) -> str:
    """Why an import that would load no row is refused."""
    what = LABELS[target][0]
    return (
        f"nothing to load: every {what} was left out (see the reasons below); "
        "fix the export or pick another file"
    )


# How to count only what the sources hold now, where both versions of some rows count.
REIMPORT_ALL = (
    "import all your data again, the first with --replace: your import folder, if you use one, "
    "and every export (--replace empties what every import brought; what you logged in the app "
    "stays)."
)


def stale_rows(
    store: Store,
    con: duckdb.DuckDBPyConnection,
    kind: str,
    source: Source,
    file: str,
    summary: ExportSummary,
) -> None:
    """Say which rows an earlier import of this source wrote for the file's clients, within its
    days (any day for a mapped sheet, read as their whole sheet), that the file does not hold: an
    entry edited in the tracker, or a line fixed in a sheet, is another key, so the old row stayed
    and both count. Only said, never removed: an export filtered to some projects or people, a
    client merged with another name, or a line this import left out look the same from here, and
    removing those would lose real work."""
    whole, origin, target = source.mapping_file is not None, source.origin, source.target
    stale = store.rows(f"connector_stale_{kind}", {"source": origin, "whole": whole}, con=con)
    if not stale:
        return
    n = sum(count for _name, count, _h, _first, _last in stale)
    first, last = stale[0][3], stale[0][4]

    def counted(count: int, h: float | None) -> str:
        return f"{count:,}" if h is None else f"{count:,}, {h:,.2f} h"

    listed = some_of(
        [f"{show(name)} ({counted(count, h)})" for name, count, h, _f, _l in stale[:3]], len(stale)
    )
    rows = plural(n, *LABELS[target])
    it, was = ("It", "it was") if n == 1 else ("They", "they were")
    scope = (
        "for its clients (a mapped sheet is read as their whole sheet)"
        if whole
        else f"for its clients within its days ({first} to {last})"
    )
    # a sheet kept by hand: a line fixed in it is another row unless the line has an id to keep
    by_id = (
        f" Or, for a sheet you keep by hand, give each line an id that stays when the line is "
        f"fixed (a column named under [columns] as id in {source.mapping_file}): a fixed line "
        "then replaces its old self."
        if whole
        and target in ("interactions", "feedback")
        and not {"ticket_id", "response_id"} & set(source.fields)
        else ""
    )
    summary.warnings.append(
        f"{file} does not hold {rows} that earlier {origin} imports wrote {scope}: {listed}. "
        f"{it} {'is' if n == 1 else 'are'} kept and still counted. If that is because {was} edited or deleted at the source since (not "
        "because the export is filtered to some projects or people, or this import left lines "
        f"out), {REIMPORT_ALL}{by_id}"
    )


def same_work(
    store: Store, con: duckdb.DuckDBPyConnection, source: Source, file: str, summary: ExportSummary
) -> dict[str, bool]:
    """Say which other clients hold, as an earlier import of this source wrote them, exactly the
    entries this file puts on its own clients: the client named after a Toggl Project while the
    Client was empty, now that Toggl names it, or a client renamed in the tracker. Both count
    until one goes; only said (an export of the same hours for two clients looks alike from
    here). Returns those clients' names, each with whether a merge and this file imported again
    are enough (every one of its entries has the work_key of one of the file's) rather than
    everything again."""
    found = store.rows("connector_same_work_entries", {"source": source.origin}, con=con)
    if not found:
        return {}
    listed = some_of(
        [f"{show(name)} ({count:,}, {h:,.2f} h)" for name, count, h, _ in found[:3]], len(found)
    )
    origin = source.origin
    summary.warnings.append(
        f"{file} puts on its own clients entries with the day, hours, person and note of every "
        f"entry earlier {origin} imports wrote for {listed} in these days: the same work, under "
        "the client the tracker names now (a client renamed in the tracker, or one made from a "
        "Project while the Client was empty)? Both count, and a merge of the two clients would "
        f"count them twice under one. If so, merge them if they are one client, then "
        f"{after_merge(file, all(keyed for *_, keyed in found))}"
    )
    return {name: keyed for name, _, _, keyed in found}


def after_merge(file: str, keyed: bool) -> str:
    """What counts a renamed client's entries once after the merge: importing this file again,
    where every entry of the old name has the work_key of one of the file's (imported since schema
    12, the project and task unchanged); else all of it again."""
    if keyed:
        return f"import {file} again: its entries replace the ones imported under the old name."
    return REIMPORT_ALL


def future_rows(
    store: Store,
    con: duckdb.DuckDBPyConnection,
    kind: str,
    target: str,
    match: HeaderMatch,
    file: str,
    summary: ExportSummary,
    today: date,
) -> None:
    """Say how many lines are dated after `today`, where the first is and the latest date."""
    n, line, latest = store.row(f"connector_future_{kind}", {"today": today}, con=con)
    if n:
        where = f"{file}:{line}: {match.shown(DATE_COLUMN[target])}"
        summary.warnings.append(future_dated(where, n, target, today, latest))
