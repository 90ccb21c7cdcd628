"""What an import reports back: the problems that refused it, or a summary of what it loaded."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, Field

from health_tui.formatting import plural, some_of
from health_tui.text import safe_text

# Table order is the order files are read, checked, reported and summarised in.
TABLES: tuple[str, ...] = ("clients", "time_entries", "invoices", "interactions", "feedback")

LABELS: dict[str, tuple[str, str]] = {
    "clients": ("client", "clients"),
    "time_entries": ("time entry", "time entries"),
    "invoices": ("invoice", "invoices"),
    "interactions": ("interaction", "interactions"),
    "feedback": ("feedback score", "feedback scores"),
}


# The column each table's rows are dated by, as the import format names it (a mapping's field too).
DATE_COLUMN: dict[str, str] = {
    "time_entries": "date",
    "invoices": "issued_on",
    "interactions": "at",
    "feedback": "date",
}


def future_dated(where: str, n: int, table: str, today: date, latest: date) -> str:
    """The warning for rows dated after `today` (the command line's), `where` being the file and
    column (and line) they were read from: kept, as the owner may mean them, but a score as of
    today leaves them out (and `log` refuses such a date)."""
    return (
        f"{where}: {plural(n, *LABELS[table])} dated after today ({today}), the latest {latest}: kept, but a "
        f"score counts {'it' if n == 1 else 'them'} only as of a later date. A typo in the year?"
    )


def paid_before_issued(
    where: str, n: int, invoice_id: str, paid_on: object, issued_on: object
) -> str:
    """The warning for invoices paid before they were issued, `where` being the file (and line of
    the first): kept (a deposit is paid ahead) and counted as paid on time, but a mistyped date
    would hide a late payer."""
    which = "the first" if n > 1 else "invoice"
    return (
        f"{where}: {plural(n, 'invoice')} paid before {'it was' if n == 1 else 'they were'} issued "
        f"({which} {safe_text(invoice_id)!r}: paid {paid_on}, issued {issued_on}): counted as "
        "paid on time, as a deposit paid ahead is. If a date is mistyped, fix it and import again."
    )


def replaced_text(removed: dict[str, int]) -> str:
    """What `--replace` took away before loading, counted, and what it kept."""
    gone = [
        f"{n:,} {LABELS[table][0] if n == 1 else LABELS[table][1]}"
        for table in TABLES
        if (n := removed.get(table, 0))
    ]
    kept = removed.get("clients_kept", 0)
    with_them = f", with the {plural(kept, 'client')} it is about" if kept else ""
    if not gone:
        return (
            " There was nothing from earlier imports to remove; what you recorded in the app was "
            f"kept{with_them}."
        )
    return (
        f" It first removed everything earlier imports had brought ({', '.join(gone)}); what you "
        f"recorded in the app was kept{with_them}."
    )


# The file `health-tui export` writes beside a backup's tables (backup.py): an import refuses a
# backup's folder, and the import format is never written into one (export.py).
BACKUP_MANIFEST = "health-tui-backup.json"


class Problem(BaseModel):
    """One reason an import was refused, pointing at the spot the user has to fix.

    `line` is the line in a CSV file (1 = the header), or the row number in a Parquet file.
    `column` is a column name, or `(file)` / `(row)` / `(folder)` when no single column is at fault.
    """

    file: str
    line: int
    column: str
    reason: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.column}: {self.reason}"


class ImportSummary(BaseModel):
    """What a successful import loaded, for the one line the command prints."""

    counts: dict[str, int] = Field(default_factory=dict)
    warnings: list[str] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list)  # what happened besides loading: take-overs
    replaced_demo: bool = False
    replaced: dict[str, int] | None = None  # --replace: the rows it removed first, per table
    folder: str
    database: str = "the in-memory database"

    def line(self) -> str:
        """E.g. `Loaded 12 clients, 8,112 time entries, … from ./mydata into /path/db.duckdb.`"""
        parts = []
        for table in TABLES:
            n = self.counts.get(table, 0)
            one, many = LABELS[table]
            parts.append(f"{n:,} {one if n == 1 else many}")
        text = f"Loaded {', '.join(parts)} from {self.folder} into {self.database}."
        if self.replaced_demo:
            text += " The demo portfolio was replaced."
        elif self.replaced is not None:
            text += replaced_text(self.replaced)
        return "\n".join([text, *self.notes])


class WordShare(BaseModel):
    """One word (or phrase, or mapped activity value) that gave entries their activity."""

    field: str  # task, tag, note, or activity (a mapped activity column)
    word: str
    entries: int
    hours: float

    def __str__(self) -> str:
        what = {"task": "task word", "tag": "tag", "note": "note phrase"}.get(self.field, "value")
        return (
            f"{what} {self.word!r} {self.hours:,.2f} h "
            f"({self.entries:,} entr{'y' if self.entries == 1 else 'ies'})"
        )


class ActivityShare(BaseModel):
    """One activity's share of an imported time export, how much of it no word matched, and which
    words matched the rest."""

    activity: str
    entries: int
    hours: float
    unmatched: int = 0
    unmatched_hours: float = 0.0
    words: list[WordShare] = Field(default_factory=list)


class ExportSummary(BaseModel):
    """What an import of one export (a tracker's, an invoice list, a helpdesk's, a mapped sheet)
    loaded, for the lines the command prints.

    `already` counts the rows an earlier import of the same source had written: they were replaced,
    not added. `clients_replaced` counts the clients a --replace removed and the export made again
    (by id or name): they were there before, so they are not new. `notes` says what was assumed
    where the export was silent; `warnings` what was left out.
    """

    file: str
    source: str
    label: str
    target: str
    database: str = "the in-memory database"
    rows: int = 0
    already: int = 0
    clients_new: int = 0
    clients_matched: int = 0
    clients_replaced: int = 0
    activities: list[ActivityShare] = Field(default_factory=list)
    default_activity: str = "delivery"
    notes: list[str] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)
    replaced_demo: bool = False
    replaced: dict[str, int] | None = None  # --replace: the rows it removed first, per table
    # per client, its entries imported under the name it had before a rename in the tracker,
    # replaced by the file's (beyond `already`, which counts the file's rows)
    renamed: dict[str, int] = Field(default_factory=dict)

    def line(self) -> str:
        """E.g. `Loaded 1,204 time entries for 7 clients (2 new) from toggl.csv (...) into db.`"""
        what, many = LABELS[self.target]
        clients = self.clients_new + self.clients_matched + self.clients_replaced
        replaced = f", {self.clients_replaced:,} replaced" if self.clients_replaced else ""
        text = (
            f"Loaded {self.rows:,} {what if self.rows == 1 else many} for {clients:,} "
            f"client{'' if clients == 1 else 's'} ({self.clients_new:,} new{replaced}) from {self.file} "
            f"({self.label}) into {self.database}."
        )
        if self.already:
            text += (
                f" {self.already:,} of them {'was' if self.already == 1 else 'were'} already there "
                "from an earlier import and replaced, not added."
            )
        if self.renamed:
            names = list(self.renamed)
            text += (
                f" With them went {plural(sum(self.renamed.values()), 'entry', 'entries')} of "
                f"{some_of(names[:3], len(names))} imported under the name "
                f"{'it' if len(names) == 1 else 'each'} had before in the tracker: the same work, "
                "now counted once."
            )
        if self.replaced_demo:
            text += " The demo portfolio was replaced."
        elif self.replaced is not None:
            text += replaced_text(self.replaced)
        lines = [text]
        if self.activities:
            parts = ", ".join(f"{a.activity} {a.hours:,.2f}" for a in self.activities)
            unmatched = sum(a.unmatched for a in self.activities)
            hours = sum(a.unmatched_hours for a in self.activities)
            lines.append(
                f"Hours by activity: {parts}; {unmatched:,} "
                f"entr{'y' if unmatched == 1 else 'ies'} ({hours:,.2f} h) matched no activity "
                f"word and count as {self.default_activity}."
            )
            decided = [
                f"  {a.activity}: {', '.join(str(w) for w in a.words)}"
                for a in self.activities
                if a.words
            ]
            if decided:
                lines += [
                    "What gave entries their activity (the [activities] words and phrases of "
                    "the settings; `health-tui config` shows them):",
                    *decided,
                ]
        lines += self.notes
        return "\n".join(lines)
