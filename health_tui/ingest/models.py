"""What an import reports back: the problems that refused it, or a summary of what it loaded."""

from __future__ import annotations

from pydantic import BaseModel, Field

# Table order is the order files are read, checked, reported and summarised in.
TABLES: tuple[str, ...] = ("clients", "time_entries", "invoices", "interactions", "feedback")

_LABELS: dict[str, tuple[str, str]] = {
    "clients": ("client", "clients"),
    "time_entries": ("time entry", "time entries"),
    "invoices": ("invoice", "invoices"),
    "interactions": ("interaction", "interactions"),
    "feedback": ("feedback score", "feedback scores"),
}


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
    replaced_demo: bool = False
    replaced: bool = False
    folder: str
    database: str = "the in-memory database"

    def line(self) -> str:
        """E.g. `Loaded 12 clients, 8,112 time entries, … from ./mydata into /path/db.duckdb.`"""
        parts = []
        for table in TABLES:
            n = self.counts.get(table, 0)
            one, many = _LABELS[table]
            parts.append(f"{n:,} {one if n == 1 else many}")
        text = f"Loaded {', '.join(parts)} from {self.folder} into {self.database}."
        if self.replaced_demo:
            text += " The demo portfolio was replaced."
        elif self.replaced:
            text += " Everything that was there before was replaced."
        return text
