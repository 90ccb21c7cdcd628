"""What the import needs to know about one kind of export: which header names hold which field.

A `Source` is a description, not code: harvest.py, toggl.py, clockify.py, helpdesk.py and a mapping
file each make one (its header, its parse query and its target), and one pipeline (connector.py)
reads them all. Matching a header to a source gives every column a
name of ours (or `unknown_N`), which DuckDB then reads the file under as a bound parameter, so no
name from a file or a mapping ever becomes part of an SQL statement.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

from health_tui.formatting import plural
from health_tui.ingest.models import Problem
from health_tui.ingest.staging import show

Target = Literal["time_entries", "invoices", "interactions", "feedback"]
ClientFrom = Literal["auto", "client", "project"]  # --client-from: which column names a client


@dataclass(frozen=True)
class Source:
    """One kind of export: its fields, how each is spelled in a header, and how it is parsed."""

    name: str  # as --source takes it, e.g. "harvest-time"
    label: str  # for messages: "Harvest detailed time report"
    target: Target
    fields: Mapping[str, tuple[str, ...]]  # our name -> header spellings, preferred first
    required: tuple[str, ...]  # our names the header must have
    parse: str  # the query turning the staged text into typed rows
    # and at least one of these groups, each complete (e.g. Duration, or Start time and Stop time)
    one_of: tuple[tuple[str, ...], ...] = ()
    fixed: Mapping[str, str] = field(default_factory=dict)  # a mapping's [fixed]: one value a field
    ignored: tuple[str, ...] = ()  # headers the export writes that we read past silently
    ignored_prefixes: tuple[str, ...] = ()  # e.g. Clockify's "Billable Rate (USD)"
    # fields whose header is titled with the currency, by prefixes: Toggl's "Amount (EUR)" is
    # {"billable_amount": ("Amount (",)}; the code in the title is the amounts' currency
    titled: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    # amount fields read only when the file says their currency (a `currency` column or a titled
    # amount): an amount in a currency nobody named is read past, with a note, not guessed
    priced: tuple[str, ...] = ()
    params: Mapping[str, object] = field(default_factory=dict)  # bound for `parse` only
    delimiter: str | None = None  # None: found from the header
    date_format: str | None = None  # None: found from the dates (or --date-format)
    decimal: str | None = None  # None: found from the numbers
    encoding: str | None = None  # a mapping's: the sheet's text encoding when not UTF-8
    billable_default: bool = True  # when the export has no billable column
    provenance: str | None = None  # the rows' `source` in the store; None: `name`
    # headers read past that the summary should mention when the file has them, with what to say
    noted: Mapping[str, str] = field(default_factory=dict)
    mapping_file: str | None = None  # the mapping file it was read from, for advice to edit it
    # invoices: a row per line item and no total of the invoice (FreshBooks' Invoice Details): an
    # invoice's lines are summed; else lines repeat their invoice's figures and are read once
    lines_summed: bool = False

    @property
    def origin(self) -> str:
        """What the rows this source writes say they came from: "harvest-time", "mapping:Sheet"."""
        return self.provenance or self.name

    def spelled(self, name: str) -> str:
        """The header name we expect for one of our fields, for messages."""
        return self.fields[name][0]

    def needs(self) -> str:
        """E.g. 'Date, Client, Hours', or 'Start date, Duration (or Start time and Stop time)'."""
        groups = [
            " or ".join(" and ".join(self.spelled(n) for n in group) for group in self.one_of)
        ]
        # a mapping may read one column as two fields (task and note): named once
        named: dict[str, str] = {}  # header names match in any case: each named once
        for n in [*(self.spelled(n) for n in self.required), *filter(None, groups)]:
            named.setdefault(_key(n), n)
        return ", ".join(named.values())


@dataclass
class HeaderMatch:
    """A header read against a source: the names DuckDB reads each column under, and what is off."""

    columns: dict[str, str] = field(default_factory=dict)  # our name or unknown_N -> type
    written: dict[str, str] = field(default_factory=dict)  # that name -> as the header wrote it
    read: list[str] = field(default_factory=list)  # our names read from a column of the file
    copies: dict[str, str] = field(
        default_factory=dict
    )  # a field -> the field whose column it shares
    present: list[str] = field(default_factory=list)  # our names with a value: read, copied, fixed
    missing: list[str] = field(default_factory=list)  # required names it lacks
    problems: list[Problem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # the source's word on columns it reads past
    currency: str | None = None  # the currency a titled amount column names ("Amount (EUR)")

    def shown(self, name: str) -> str:
        """A column in a problem: the header as the user wrote it, else our name."""
        return self.written.get(name, name)


def _key(name: str) -> str:
    """A header name as it is matched: any case and spacing, and without the asterisk a required
    column carries in Xero's template (*ContactName, *InvoiceNumber), which its exports repeat."""
    return " ".join(name.strip().lstrip("*").lower().split())


def _unknown_columns(source: Source, unknown: list[str], file: str, found: HeaderMatch) -> None:
    """The columns no field reads, said once: one line for them all (an export of 21 columns read
    through a mapping buried the warnings that mattered under 21 lines). A mapping names what it
    reads, so the rest is a note; an export we know should not hold columns we do not, a warning."""
    if not unknown:
        return
    names = ", ".join(show(raw) for raw in unknown[:5])
    names += f" and {len(unknown) - 5} more" if len(unknown) > 5 else ""
    if source.name == "mapping":
        found.notes.append(
            f"{file}: read past {plural(len(unknown), 'column')} the mapping does not name: {names}."
        )
    elif len(unknown) == 1:
        found.warnings.append(f"{file}: ignoring unknown column {names}")
    else:
        found.warnings.append(f"{file}: ignoring {len(unknown)} unknown columns: {names}")


def match_header(source: Source, header: list[str], file: str, line: int = 1) -> HeaderMatch:
    """Give each header column one of the source's names; note what is missing, repeated or unknown.

    `line` is the header's line in the file, for its problems. Header names match in any case and
    spacing. When a field has several spellings in the header
    (e.g. an invoice report with both ID and Number), the preferred one is read, the other ignored.
    """
    found = HeaderMatch()
    first: dict[str, int] = {}
    for i, raw in enumerate(header, start=1):
        first.setdefault(_key(raw), i)
    chosen: dict[int, str] = {}  # column position -> our name
    for name, spellings in source.fields.items():
        for spelling in spellings:
            position = first.get(_key(spelling))
            if position is not None and position not in chosen:
                chosen[position] = name
                break
            if position is not None and source.name == "mapping":  # one column, two fields
                found.copies[name] = chosen[position]
                break
    _titled(source, header, chosen, found, file, line)
    _titled_mapped(source, header, chosen, found, file, line)
    spelled = {_key(s) for spellings in source.fields.values() for s in spellings}
    unknown: list[str] = []  # columns no field reads
    silent = {_key(s) for s in source.ignored}
    unpriced = _unpriced(source, chosen, found)
    for position in unpriced:
        raw = header[position - 1]
        del chosen[position]
        found.notes.append(
            f"{file}: {show(raw)} has no {source.spelled('currency')} column beside it: read past "
            f"(with one, or titled like '{raw.strip()} (EUR)', it would be read)."
        )
    prefixes = tuple(_key(p) for p in source.ignored_prefixes)
    for i, raw in enumerate(header, start=1):
        key = _key(raw)
        ours = chosen.get(i)
        internal = ours or f"unknown_{i}"
        if ours is None and i not in unpriced:
            if key in spelled and first[key] != i:
                found.problems.append(
                    Problem(
                        file=file,
                        line=line,
                        column=raw.strip(),
                        reason="appears twice in the header",
                    )
                )
            elif key in spelled:
                used = next(n for n, sp in source.fields.items() if key in {_key(s) for s in sp})
                found.warnings.append(
                    f"{file}: ignoring column {show(raw)}: {source.spelled(used)!r} is read instead"
                )
            elif not key:
                found.warnings.append(
                    f"{file}: ignoring column {i}, which has no name in the header"
                )
            elif key not in silent and not key.startswith(prefixes):
                unknown.append(raw)
        found.columns[internal] = "VARCHAR"
        found.written[internal] = raw.strip() or f"column {i}"
    _unknown_columns(source, unknown, file, found)
    keys = {_key(raw) for raw in header}
    found.notes += list(dict.fromkeys(n for h, n in source.noted.items() if _key(h) in keys))
    found.read = [n for n in (*source.fields, *source.titled) if n in found.columns]
    for name, shared in found.copies.items():
        found.written[name] = found.written[shared]
    for name in source.fixed:
        found.written[name] = f"[fixed] {name}"
    found.present = [
        n for n in (*source.fields, *source.titled) if n in found.columns or n in found.copies
    ]
    found.present += [n for n in source.fixed if n not in found.present]
    found.missing = [n for n in source.required if n not in found.present]
    if source.one_of and not any(all(n in found.present for n in g) for g in source.one_of):
        found.missing.append(source.one_of[0][0])
    said: set[str] = set()  # one problem per missing column, however many fields read it
    for name in found.missing:
        if _key(source.spelled(name)) in said:
            continue
        said.add(_key(source.spelled(name)))
        spelled_as = " or ".join(repr(s) for s in source.fields[name])
        found.problems.append(
            Problem(
                file=file,
                line=line,
                column=source.spelled(name),
                reason=f"missing column ({spelled_as}; {source.label} needs {source.needs()})",
            )
        )
    return found


def _unpriced(source: Source, chosen: dict[int, str], found: HeaderMatch) -> list[int]:
    """The positions of the `priced` amounts the header gives no currency for (neither a currency
    column nor a title naming one)."""
    if "currency" in chosen.values() or found.currency is not None:
        return []
    return [i for i, name in chosen.items() if name in source.priced]


def _titled(
    source: Source,
    header: list[str],
    chosen: dict[int, str],
    found: HeaderMatch,
    file: str,
    line: int,
) -> None:
    """Read the amount columns titled with their currency ("Amount (EUR)"): each field its first
    such column, the currency the title's code; one file has one currency."""
    for name, prefixes in source.titled.items():
        for i, raw in enumerate(header, start=1):
            text = raw.strip()
            prefix = next((p for p in prefixes if _key(text).startswith(_key(p))), None)
            if i in chosen or prefix is None or not text.endswith(")"):
                continue
            code = text[len(prefix) : -1].strip().upper()
            if not _CODE.fullmatch(code):
                found.warnings.append(
                    f"{file}: ignoring column {show(raw)}: {code!r} is not a currency code"
                )
            elif name in chosen.values() and found.currency in (None, code):
                found.warnings.append(f"{file}: ignoring column {show(raw)}: it appears twice")
            elif _one_currency(found, code, file, line, text, "export the report in one currency"):
                chosen[i] = name


def _titled_mapped(
    source: Source,
    header: list[str],
    chosen: dict[int, str],
    found: HeaderMatch,
    file: str,
    line: int,
) -> None:
    """A mapping's time amounts in a column titled with their currency (a Spanish Clockify's
    "Importe facturable (EUR)"), where no currency column or [fixed] currency says one: the
    title's code is theirs. Read as the portfolio's, a GBP agency's euros counted as pounds."""
    if source.name != "mapping" or "currency" in chosen.values() or "currency" in source.fixed:
        return
    for i, name in sorted(chosen.items()):
        title = _TITLE_CODE.search(header[i - 1]) if name in TIME_AMOUNTS else None
        if title is None:
            continue
        _one_currency(found, title.group(1).upper(), file, line, header[i - 1].strip(),
                      "give the amounts one currency, or a currency column")  # fmt: skip


def _one_currency(
    found: HeaderMatch, code: str, file: str, line: int, column: str, fix: str
) -> bool:
    """The file's amounts are in `code`, as a column's title says; a problem (and False) where
    another title said another: one file has one currency."""
    if found.currency not in (None, code):
        reason = f"amounts in {code} beside amounts in {found.currency}: {fix}"
        found.problems.append(Problem(file=file, line=line, column=column, reason=reason))
        return False
    found.currency = code
    return True


TIME_AMOUNTS = ("billable_amount", "cost_amount")
_TITLE_CODE = re.compile(r"\(\s*([A-Za-z]{3})\s*\)\s*$")
_CODE = re.compile(r"[A-Z]{3}")
DATE_ORDERS = {"day-first": "dmy", "month-first": "mdy"}


def parse_date_format(value: str) -> tuple[str | None, str | None]:
    """`--date-format` or a mapping's `date_format` as (date order, strptime pattern).

    'day-first' and 'month-first' set the order of 03/04/2025-style dates (ISO dates still read);
    a pattern with % codes, like '%d.%m.%Y', is the only format that reads.
    """
    text = value.strip()
    if text.lower() in DATE_ORDERS:
        return DATE_ORDERS[text.lower()], None
    if "%" in text and any(code in text for code in ("%d", "%e", "%j")):
        return None, text
    raise ValueError(
        f"date format {value!r}: give day-first, month-first, or a pattern like %d/%m/%Y"
    )
