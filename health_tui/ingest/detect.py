"""Which export a CSV file is, from its header row alone, and which separator it uses.

A file is read as each known export in turn (Zendesk, Freshdesk, Harvest invoices, Clockify, Toggl,
Harvest time) with each separator (comma, semicolon, tab); the first whose required columns are all
in the header wins.
`--source` skips the guessing, and `--mapping` describes a file no known export matches. A first
line `sep=;`, which Excel writes to name the separator, is followed: the file is read with that
separator, from the header below it.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from health_tui.formatting import plural
from health_tui.ingest.clockify import CLOCKIFY
from health_tui.ingest.harvest import HARVEST_INVOICES, HARVEST_TIME
from health_tui.ingest.helpdesk import FRESHDESK, ZENDESK
from health_tui.ingest.mapping import EXAMPLE
from health_tui.ingest.models import Problem
from health_tui.ingest.source import Source, match_header
from health_tui.ingest.staging import excel_separator, read_header
from health_tui.ingest.toggl import TOGGL, toggl_report, toggl_report_reason

# Recognised in this order: the most specific headers first (Clockify's Start Date and Start Time
# would do for Toggl's; Harvest time needs only three columns).
KNOWN: tuple[Source, ...] = (ZENDESK, FRESHDESK, HARVEST_INVOICES, CLOCKIFY, TOGGL, HARVEST_TIME)
SOURCES: dict[str, Source] = {s.name: s for s in KNOWN}
DELIMITERS: tuple[str, ...] = (",", ";", "\t")


@dataclass(frozen=True)
class Layout:
    """How to read one file: as which source, with which separator, under which header, and how
    many lines above the header to read past (1 for Excel's `sep=` line)."""

    source: Source
    delimiter: str
    header: list[str]
    skip: int = 0


def unknown_header_hint() -> str:
    """What the user is told when no known export matches: the sources, and a mapping to copy."""
    known = "\n".join(f"  {s.name:<17} {s.label}: needs {s.needs()}" for s in KNOWN)
    example = "\n".join(f"    {line}" for line in EXAMPLE.splitlines())
    return (
        "health-tui recognises these exports by their header row (--source NAME forces one):\n"
        f"{known}\n"
        "  native            a folder of clients.csv, time_entries.csv, ... (see the README)\n"
        "Any other CSV can be imported with a mapping file, `--mapping FILE.toml`, that says which\n"
        f"column holds what, for example:\n{example}"
    )


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
        line, source = below
        title = line - 1 - skip
        problems.append(
            Problem(
                file=path.name,
                line=1,
                column="(file)",
                reason=f"the header ({source.needs()}) is on line {line}, under "
                f"{plural(title, 'line')} of title: delete {'it' if title == 1 else 'them'} "
                "and import the file again",
            )
        )
        return None
    delimiter = max(split, key=lambda d: len(split[d]))
    report = toggl_report(split[delimiter]) if forced in (None, TOGGL) else None
    if report:
        reason = toggl_report_reason(report)
        problems.append(Problem(file=path.name, line=1 + skip, column="(file)", reason=reason))
        return None
    if forced:  # report its missing columns as the most plausible separator splits the header
        return Layout(forced, delimiter, split[delimiter], skip)
    names = ", ".join(repr(h.strip()) for h in split[delimiter][:8])
    more = ", ..." if len(split[delimiter]) > 8 else ""
    problems.append(
        Problem(
            file=path.name,
            line=1 + skip,
            column="(header)",
            reason=f"not an export health-tui knows: the header has {names}{more}",
        )
    )
    return None


TITLE_LINES = 12  # how far down a report's title may push its header (QuickBooks: four lines)


def header_below(
    path: Path, sources: tuple[Source, ...], delimiters: tuple[str, ...], skip: int = 0
) -> tuple[int, Source] | None:
    """The line of the first record after the first (after `skip` lines: Excel's `sep=` line),
    within TITLE_LINES, that is a header of one of `sources`, and that source: a report saved with
    its title above the table ("Invoice List", the company, the dates, a blank line). None when
    there is none."""
    for delimiter in delimiters:
        with path.open(encoding="utf-8-sig", errors="replace", newline="") as handle:
            for _ in range(skip):
                handle.readline()
            reader = csv.reader(handle, delimiter=delimiter)
            try:
                next(reader, None)
                for record in reader:
                    line = reader.line_num + skip
                    if line > TITLE_LINES:
                        break
                    for source in sources:
                        if not match_header(source, record, path.name).missing:
                            return line, source
            except csv.Error:
                continue
    return None
