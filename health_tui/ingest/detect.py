"""Which export a CSV file is, from its header row alone, and which separator it uses.

A file is read as each known export in turn (Zendesk, Freshdesk, Xero and Stripe invoices, Harvest invoices,
Clockify, Toggl, Harvest time) with each separator (comma, semicolon, tab); the first whose required columns are all
in the header wins.
`--source` skips the guessing, and `--mapping` describes a file no known export matches. A first
line `sep=;`, which Excel writes to name the separator, is followed: the file is read with that
separator, from the header below it. A report saved with its title above the table (QuickBooks'
report name, company and dates) is read from its header, and its totals row and footer below the
table are read past (`report_footer`); the import says both.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from health_tui.formatting import plural
from health_tui.ingest.clockify import CLOCKIFY
from health_tui.ingest.harvest import HARVEST_INVOICES, HARVEST_TIME
from health_tui.ingest.helpdesk import FRESHDESK, ZENDESK
from health_tui.ingest.mapping import EXAMPLE
from health_tui.ingest.mapping_draft import draft_text
from health_tui.ingest.models import Problem
from health_tui.ingest.source import Source, match_header
from health_tui.ingest.staging import excel_separator, read_header
from health_tui.ingest.stripe import STRIPE_INVOICES
from health_tui.ingest.toggl import TOGGL, toggl_report, toggl_report_reason
from health_tui.ingest.xero import XERO_INVOICES

# Recognised in this order: the most specific headers first (Clockify's Start Date and Start Time
# would do for Toggl's; Harvest time needs only three columns).
KNOWN: tuple[Source, ...] = (
    ZENDESK, FRESHDESK, XERO_INVOICES, STRIPE_INVOICES, HARVEST_INVOICES, CLOCKIFY, TOGGL,
    HARVEST_TIME,
)  # fmt: skip
SOURCES: dict[str, Source] = {s.name: s for s in KNOWN}
DELIMITERS: tuple[str, ...] = (",", ";", "\t")


@dataclass(frozen=True)
class Layout:
    """How to read one file: as which source, with which separator, under which header, and how
    many lines above the header to read past (1 for Excel's `sep=` line, and a report's `title`)."""

    source: Source
    delimiter: str
    header: list[str]
    skip: int = 0
    title: int = 0  # lines of a report's title among `skip`


def unknown_header_hint(path: Path | None = None) -> str:
    """What the user is told when no known export matches: the sources, and a mapping to copy,
    drafted from the file's own header where it suggests one (mapping_draft)."""
    known = "\n".join(f"  {s.name:<17} {s.label}: needs {s.needs()}" for s in KNOWN)
    drafted = _drafted(path) if path is not None else None
    example = "\n".join(f"    {line}" for line in EXAMPLE.splitlines())
    tail = drafted or (
        "Any other CSV can be imported with a mapping file, `--mapping FILE.toml`, that says which\n"
        f"column holds what, for example:\n{example}"
    )
    return (
        "health-tui recognises these exports by their header row (--source NAME forces one):\n"
        f"{known}\n"
        "  native            a folder of clients.csv, time_entries.csv, ... (see the README)\n"
        + tail
    )


def _drafted(path: Path) -> str | None:
    """A mapping drafted from the first record, within TITLE_LINES, that reads as a header (a
    QuickBooks report's title lines above it: a Denver studio's was shown the example instead)."""
    for _line, _delimiter, record in _first_records(path, DELIMITERS):
        if len(record) > 1 and (drafted := draft_text(record, path.stem)):
            return drafted
    return None


def headers(
    path: Path, problems: list[Problem], delimiters: tuple[str, ...] = DELIMITERS, skip: int = 0
) -> dict[str, list[str]]:
    """The header as each separator splits it; empty (with problems) when the file is unreadable.

    Whatever stops the first reading (no file, empty, not UTF-8) stops them all, so it is reported
    once; a separator that cannot split the header is just not a candidate.
    """
    found: dict[str, list[str]] = {}
    for i, delimiter in enumerate(delimiters):
        seen: list[Problem] = []
        header = read_header(path, seen, delimiter, skip)
        if header is not None:
            found[delimiter] = header
        elif i == 0:
            problems.extend(seen)
            return {}
    return found


def layout(path: Path, problems: list[Problem], forced: Source | None = None) -> Layout | None:
    """The source and separator to read `path` with; None (with problems added) if there is none.

    With `forced` (--source or a mapping) only the separator is looked for: the one under which
    the header has the source's required columns, else the mapping's `delimiter`, else a comma.
    Excel's `sep=` line, when the file starts with one, decides the separator instead.
    """
    sep = excel_separator(path)
    if sep is not None and sep not in DELIMITERS:
        problems.append(
            Problem(
                file=path.name,
                line=1,
                column="(file)",
                reason=f"Excel's separator line says the values are separated by {sep!r}; "
                "health-tui reads commas, semicolons or tabs: save the file from Excel as "
                '"CSV UTF-8 (Comma delimited)"',
            )
        )
        return None
    skip = 0 if sep is None else 1
    wanted = (sep,) if sep else (forced.delimiter,) if forced and forced.delimiter else DELIMITERS
    split = headers(path, problems, wanted, skip)
    if not split:
        return None
    candidates = (forced,) if forced else KNOWN
    for source in candidates:
        for delimiter, header in split.items():
            if not match_header(source, header, path.name).missing:
                return Layout(source, delimiter, header, skip)
    if below := header_below(path, candidates, tuple(split), skip):
        line, source, delimiter, header = below
        return Layout(source, delimiter, header, line - 1, title=line - 1 - skip)
    delimiter = max(split, key=lambda d: len(split[d]))
    report = toggl_report(split[delimiter]) if forced in (None, TOGGL) else None
    if report:
        reason = toggl_report_reason(report)
        problems.append(Problem(file=path.name, line=1 + skip, column="(file)", reason=reason))
        return None
    if forced:  # report its missing columns as the most plausible separator splits the header
        return Layout(forced, delimiter, split[delimiter], skip)
    line, header, title = 1 + skip, split[delimiter], ""
    if (under := _header_under_title(path, tuple(split), skip)) is not None:
        # a report's title above its table (Conta Azul's "Contas a receber", the period): the
        # refusal named the title as the header
        title = f"line {line} is a title ({_names(split[delimiter])}), and the header under it "
        line, header = under
    problems.append(
        Problem(
            file=path.name,
            line=line,
            column="(header)",
            reason=f"not an export health-tui knows: {title or 'the header '}has {_names(header)}",
        )
    )
    return None


def _names(header: list[str]) -> str:
    return ", ".join(repr(h.strip()) for h in header[:8]) + (", ..." if len(header) > 8 else "")


def _header_under_title(
    path: Path, delimiters: tuple[str, ...], skip: int
) -> tuple[int, list[str]] | None:
    """Where the first line is a title (one cell), the first record below it, within
    TITLE_LINES, of three cells or more, and its line: a report's header under its title (as the
    separator that splits it into the most cells reads it)."""
    found: list[tuple[int, int, list[str]]] = []  # (-cells, line, record) for each separator
    for delimiter in delimiters:
        records = list(_first_records(path, (delimiter,), skip))
        if not records or sum(1 for c in records[0][2] if c.strip()) > 1:
            return None
        for line, _, record in records[1:]:
            if (cells := sum(1 for c in record if c.strip())) >= 3:
                found.append((-cells, line, record))
                break
    return (min(found)[1], min(found)[2]) if found else None


TITLE_LINES = 12  # how far down a report's title may push its header (QuickBooks: four lines)


def header_below(
    path: Path, sources: tuple[Source, ...], delimiters: tuple[str, ...], skip: int = 0
) -> tuple[int, Source, str, list[str]] | None:
    """The line of the first record after the first (after `skip` lines: Excel's `sep=` line),
    within TITLE_LINES, that is a header of one of `sources`, that source, the separator and the
    header: a report saved with its title above the table ("Invoice List", the company, the dates,
    a blank line). None when there is none."""
    for line, delimiter, record in _first_records(path, delimiters, skip):
        if line == skip + 1:
            continue  # the first: read as a header already
        for source in sources:
            if not match_header(source, record, path.name).missing:
                return line, source, delimiter, record
    return None


def _first_records(
    path: Path, delimiters: tuple[str, ...], skip: int = 0
) -> Iterator[tuple[int, str, list[str]]]:
    """The records of the file's first TITLE_LINES lines (after `skip`), with the line each starts
    on, as each separator splits them in turn; a separator the file cannot be read with yields
    what it read before failing."""
    for delimiter in delimiters:
        with path.open(encoding="utf-8-sig", errors="replace", newline="") as handle:
            for _ in range(skip):
                handle.readline()
            reader = csv.reader(handle, delimiter=delimiter)
            line = skip + 1
            try:
                for record in reader:
                    if line > TITLE_LINES:
                        break
                    yield line, delimiter, record
                    line = reader.line_num + skip + 1
            except csv.Error:
                continue


# What the first cell of a report's totals row says (QuickBooks' TOTAL, a sheet's Total, in the
# languages owners write): exactly, so a client named "Total Wine & More" is never one.
TOTAL_WORDS = frozenset({"total", "totals", "grand total", "total général", "total general",
                         "totaux", "gesamt", "summe", "totale", "totales"})  # fmt: skip
_TAIL_BYTES = 64 * 1024  # how much of a file's end is looked at for a footer


@dataclass(frozen=True)
class Footer:
    """A report's last lines below its table: read past, not refused (`report_footer`)."""

    line: int  # the first of them, as the file numbers its lines
    offset: int  # the byte it starts at: the table is the file up to it
    said: str  # what they are, for the import's summary


def report_footer(path: Path, delimiter: str, width: int) -> Footer | None:
    """The lines below a report's table, read from its end: lines of one cell (QuickBooks'
    "Accrual Basis Thursday, October 1, 2026 08:05 AM"), blank lines, and above them at most one
    totals row (a first cell of TOTAL_WORDS). None when the file ends on a row of its table."""
    size = path.stat().st_size
    with path.open("rb") as handle:
        start = max(0, size - _TAIL_BYTES)
        handle.seek(start)
        tail = handle.read()
    if start:  # from the first whole line
        cut = tail.find(b"\n") + 1
        tail, start = tail[cut:], start + cut
    pieces = tail.split(b"\n")
    offsets = [start]
    for piece in pieces[:-1]:
        offsets.append(offsets[-1] + len(piece) + 1)
    at, footers, total = None, [], None
    for i in range(len(pieces) - 1, -1, -1):
        fields = _fields(pieces[i], delimiter)
        filled = [f.strip() for f in fields if f.strip()]
        if not filled:
            continue  # a blank line (or the end of the last line) belongs to whatever is around it
        if filled[0].lower() in TOTAL_WORDS:
            at, total = i, filled[0]
            break  # one totals row, and the table above it
        if len(filled) == 1 and len(fields) < width:
            at = i
            footers.append(filled[0])
            continue
        break
    if at is None:
        return None
    while at > 0 and not _filled(pieces[at - 1], delimiter):  # the empty rows above it too
        at -= 1
    with path.open("rb") as handle:  # the line it starts on: the newlines before it, counted
        before, quotes, left = 0, 0, offsets[at]
        while left > 0 and (chunk := handle.read(min(left, 1 << 20))):
            before += chunk.count(b"\n")
            quotes += chunk.count(b'"')
            left -= len(chunk)
    if quotes % 2:  # inside a quoted value: the last lines of a note written over several lines
        return None
    parts = [f"a totals row ({total})"] if total else []
    if footers:
        quoted = repr(footers[-1][:60] + ("…" if len(footers[-1]) > 60 else ""))
        parts.append(f"{plural(len(footers), 'line')} of footer ({quoted})")
    return Footer(line=before + 1, offset=offsets[at], said=" and ".join(parts))


def _fields(line: bytes, delimiter: str) -> list[str]:
    """One line of a CSV file as its fields."""
    text = line.decode("utf-8-sig", errors="replace").rstrip("\r")
    try:
        return next(csv.reader([text], delimiter=delimiter), [])
    except csv.Error:  # lines ending in a bare CR (an old Mac's) hold rows, not a footer
        return text.split(delimiter)


def _filled(line: bytes, delimiter: str) -> bool:
    """Whether a line has a field with something in it."""
    return any(f.strip() for f in _fields(line, delimiter))
