"""The file-wide decisions an export needs before its rows can be typed: date order and decimal mark.

A date like 03/04/2025 or a number like 1,250 reads two ways. Rather than guess per value, the
import asks DuckDB for counts over every value in the file (`connector_*_evidence_*` queries) and
decides once here: from a value that can only read one way, else refuses, saying what to pass.
Python sees a few counts, never the rows.
"""

from __future__ import annotations

import re

import duckdb

from health_tui.errors import ImportFailed
from health_tui.ingest.days import no_such_day
from health_tui.ingest.models import Problem
from health_tui.ingest.source import HeaderMatch, parse_date_format
from health_tui.store import Store


def date_order(
    store: Store,
    con: duckdb.DuckDBPyConnection,
    kind: str,
    file: str,
    match: HeaderMatch,
    problems: list[Problem],
) -> str | None:
    """Day-first or month-first for the whole file, from every date in it; refuse what cannot tell.

    Any date with a first number above 12 (31/03/2025) makes the file day-first; any with a
    second number above 12, month-first. Both is a contradiction; neither, while some date reads
    differently each way (03/04/2025), is ambiguous: both are refused, never guessed.
    """
    store.run(f"connector_date_values_{kind}", con=con)
    seen = {
        k: (n, line, col, v)
        for k, n, line, col, v in store.rows("connector_date_evidence", con=con)
    }
    day, month, unsure = seen.get("day_first"), seen.get("month_first"), seen.get("ambiguous")
    if day and month:
        _n, line, col, value = month
        problems.append(
            Problem(
                file=file,
                line=line,
                column=match.shown(col),
                reason=f"dates disagree: {value!r} has the month first, but line {day[1]} has "
                f"{day[3]!r} with the day first; make them agree",
            )
        )
        return None
    if day:
        return "dmy"
    if month:
        return "mdy"
    if unsure:
        n, line, col, value = unsure
        others = f" (and {n - 1:,} more like it)" if n > 1 else ""
        problems.append(
            Problem(
                file=file,
                line=line,
                column=match.shown(col),
                reason=f"ambiguous date {value!r}{others}: no date in the file has a day above 12 "
                "to tell day-first from month-first; pass --date-format day-first (or "
                "month-first, or a pattern like %d/%m/%Y), or set date_format in a mapping",
            )
        )
        return None
    return "any"  # only ISO dates, or ones like 05/05/2025 that read the same either way


def decimal_separator(
    store: Store,
    con: duckdb.DuckDBPyConnection,
    kind: str,
    file: str,
    match: HeaderMatch,
    delimiter: str,
    problems: list[Problem],
    mapping_file: str | None = None,
) -> str:
    """The decimal separator of the whole file, from every number in it.

    '1.5' or '1,234.5' says a point, '1,5' or '1.234,5' a comma; both is refused. When every
    number with a separator is like '1,250' or '1.250' (thousands, or decimals?), the file is
    refused too, never guessed, naming the setting to give: `decimal_separator` in the mapping in
    use (`mapping_file`), else --decimal-separator. Without any separator, either reads the same.
    """
    store.run(f"connector_number_values_{kind}", con=con)
    seen = {
        k: (n, line, col, v)
        for k, n, line, col, v in store.rows("connector_number_evidence", con=con)
    }
    dot, comma, unsure = seen.get("dot"), seen.get("comma"), seen.get("ambiguous")
    if dot and comma:
        _n, line, col, value = comma
        problems.append(
            Problem(
                file=file,
                line=line,
                column=match.shown(col),
                reason=f"numbers disagree: {value!r} has a decimal comma, but line {dot[1]} has "
                f"{dot[3]!r} with a decimal point; make them agree",
            )
        )
        return "."
    if dot:
        return "."
    if comma:
        return ","
    if unsure:
        n, line, col, value = unsure
        others = f" (and {n - 1:,} more like it)" if n > 1 else ""
        fix = (
            f'add decimal_separator = "," or "." to {mapping_file} (at the top, above [columns])'
            if mapping_file
            else "pass --decimal-separator ',' or '.'"
        )
        problems.append(
            Problem(
                file=file,
                line=line,
                column=match.shown(col),
                reason=f"ambiguous number {value!r}{others}: {as_read(value, ',')} with a decimal "
                f"comma, {as_read(value, '.')} with a decimal point, and no number in the file "
                f"says which (as 1.250,00 or 1.5 would); {fix}",
            )
        )
    return "," if delimiter == ";" else "."


def as_read(value: str, decimal: str) -> str:
    """How an ambiguous number reads with `decimal`, for its refusal (one value, not rows), as a
    plain number: '1.200' with a point is 1.2, with a comma 1200."""
    digits = value.replace("." if decimal == "," else ",", "").replace(",", ".")
    whole, _, fraction = digits.partition(".")
    return f"{whole}.{fraction.rstrip('0')}".rstrip(".")


def date_setting(value: str | None) -> tuple[str | None, str | None]:
    """The date order and pattern a --date-format (or mapping) asks for, refused if unusable."""
    if value is None:
        return None, None
    try:
        return parse_date_format(value)
    except ValueError as exc:
        raise ImportFailed(f"--date-format: {exc}") from None


_NUMBER_DATE = re.compile(r"^not a (?:date|timestamp)\b.*: '(\d+)(\.\d+)?'$")


def _number_date(value: str, fraction: str | None) -> str | None:
    """What a date written as a number is: 'seconds' or 'milliseconds' (a Unix timestamp, from
    1973 on), 'excel' (Excel's day count from 1900, for 1954 to 2118), else None."""
    if not fraction and len(value) in (9, 10):
        return "seconds"
    if not fraction and len(value) in (12, 13):
        return "milliseconds"
    if len(value) == 5 and 20000 <= int(value) < 80000:
        return "excel"
    return None


def date_format_hint(problems: list[Problem]) -> str | None:
    """What to do when dates do not read: the --date-format option, with an example; or, for dates
    written as numbers (Unix timestamps, Excel's day counts), what they are and how to get dates,
    which no pattern reads. None when no problem is about a date."""
    dated = [
        p
        for p in problems
        if p.reason.startswith(("not a date", "not a timestamp")) and no_such_day(p) is p
    ]  # a day past its month's end is a typo: no pattern is the fix
    if not dated:
        return None
    shapes: dict[str, tuple[Problem, str]] = {}
    for p in dated:
        found = _NUMBER_DATE.match(p.reason)
        shape = _number_date(found.group(1), found.group(2)) if found else None
        value = f"'{found.group(1)}{found.group(2) or ''}'" if found else ""
        shapes.setdefault(shape or "other", (p, value))
    hints = []
    for unit, per_day in (("seconds", "86400"), ("milliseconds", "86400000")):
        if unit in shapes:
            p, value = shapes[unit]
            hints.append(
                f"{value} ({p.column}, line {p.line}) is a Unix timestamp, {unit} since 1970, not "
                "a date: no\n--date-format reads it. Export the file again with dates (like "
                "2026-09-20), or in a\nspreadsheet put "
                f"=A2/{per_day}+DATE(1970,1,1) beside the column (A2 its first timestamp),\n"
                "format that as a date and save the file as CSV again."
            )
    if "excel" in shapes:
        p, value = shapes["excel"]
        hints.append(
            f"{value} ({p.column}, line {p.line}) is a date as Excel stores it, a count of days "
            "since 1900:\nno --date-format reads it. In the spreadsheet, format the column as a "
            "date (Format Cells >\nDate, like 2026-07-01) and save the file as CSV again."
        )
    if "other" in shapes:
        hints.append(
            "Dates read as 2025-03-31, or with the day and month first (31/03/2025, 8/14/18) in the\n"
            "order the file's dates settle, with or without a time of day. For dates written any "
            "other\nway, pass their pattern: --date-format '%d %b %Y' reads 31 Mar 2025, "
            "--date-format\n'%m/%d/%y' reads 8/14/18 (in a mapping file: date_format = \"%d %b %Y\")."
        )
    return "\n".join(hints)
