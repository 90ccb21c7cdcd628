"""A date refused because its day does not exist (31 September, 29 February 2026) is said so.

The checks say "not a date (in the format %d.%m.%Y): '31.09.2026'", and the advice after them is to
pass another --date-format: for a typo in a date written the right way, that sends the owner to the
wrong fix. The value and the way dates read are both in the reason the query wrote (the pattern,
or the order its example shows), so the problem is reread here, for every import, just before it is
shown.
"""

from __future__ import annotations

import calendar
import re

from health_tui.ingest.models import Problem

# How the checks say which dates read (connector_validate_*'s $date_hint): ISO only, or day or
# month first as the file's dates settled, or a pattern (format_hint). Read back below to tell
# which day a refused value meant.
DATE_HINTS: dict[str | None, str] = {
    None: "(like 2025-03-31)",
    "dmy": "(like 2025-03-31 or 31/03/2025)",
    "mdy": "(like 2025-03-31 or 03/31/2025)",
}
_FORMAT = "in the format "


def format_hint(fmt: str) -> str:
    """The hint for dates read by a strptime pattern (--date-format, a mapping's date_format)."""
    return f"({_FORMAT}{fmt})"


_ORDER_OF = {hint[1:-1]: order for order, hint in DATE_HINTS.items()}
_REASON = re.compile(r"not a date(?: and time)?(?: \((?P<how>.*)\))?: '(?P<value>.*)'", re.S)
_ISO = re.compile(r"(?P<y>\d{4})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})(?![\d])")
_DAY_FIRST = re.compile(r"(?P<d>\d{1,2})[-/.](?P<m>\d{1,2})[-/.](?P<y>\d{4}|\d{2})(?![\d])")
_MONTH_FIRST = re.compile(r"(?P<m>\d{1,2})[-/.](?P<d>\d{1,2})[-/.](?P<y>\d{4}|\d{2})(?![\d])")
# a strptime pattern's fields, as a regular expression (the other fields match anything short)
_FIELDS = {"%d": r"(?P<d>\d{1,2})", "%m": r"(?P<m>\d{1,2})", "%Y": r"(?P<y>\d{4})",
           "%y": r"(?P<y>\d{2})"}  # fmt: skip
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")  # fmt: skip


def no_such_day(problem: Problem) -> Problem:
    """The problem said as "no such day" where its date has a month and a day past its end;
    otherwise as it was."""
    found = _REASON.fullmatch(problem.reason)
    if found is None:
        return problem
    value = found.group("value").strip()
    parts = _parts(value, found.group("how") or "")
    if parts is None:
        return problem
    year, month, day = parts
    if not 1 <= month <= 12 or not 28 < day <= 31:
        return problem
    last = calendar.monthrange(year, month)[1]
    if day <= last:
        return problem
    month_of = f"{_MONTHS[month - 1]} {year}" if month == 2 else _MONTHS[month - 1]
    return problem.model_copy(
        update={"reason": f"no such day: '{value}' ({month_of} has {last} days)"}
    )


def _parts(value: str, how: str) -> tuple[int, int, int] | None:
    """Year, month and day as the reason says dates read (DATE_HINTS, format_hint): a pattern,
    day or month first, else ISO."""
    if how.startswith(_FORMAT):
        pattern = _pattern(how.removeprefix(_FORMAT))
        found = pattern.match(value) if pattern else None
    else:
        found = _ISO.match(value)
        order = _ORDER_OF.get(how)
        if found is None and order == "dmy":
            found = _DAY_FIRST.match(value)
        elif found is None and order == "mdy":
            found = _MONTH_FIRST.match(value)
    if found is None:
        return None
    year = int(found.group("y"))
    return year + 2000 if year < 100 else year, int(found.group("m")), int(found.group("d"))


def _pattern(fmt: str) -> re.Pattern[str] | None:
    """A strptime pattern with a day, a month and a year as a regular expression, or None."""
    if not all(any(f in fmt for f in group) for group in (("%d",), ("%m",), ("%Y", "%y"))):
        return None
    out, i = [], 0
    while i < len(fmt):
        code = fmt[i : i + 2]
        if code in _FIELDS:
            out.append(_FIELDS[code])
            i += 2
        elif fmt[i] == "%" and i + 1 < len(fmt):
            out.append(r".+?")
            i += 2
        else:
            out.append(re.escape(fmt[i]))
            i += 1
    try:
        return re.compile("".join(out))
    except re.error:  # a field twice (%d ... %d): not a pattern to reread by
        return None
