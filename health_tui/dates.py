"""Quarters and as-of dates. Only the command line reads today's date; everything else is given one."""

from __future__ import annotations

import re
from datetime import date, timedelta

_QUARTER = re.compile(r"^\s*(\d{4})\s*-?\s*[Qq]([1-4])\s*$")


def quarter_of(day: date) -> tuple[int, int]:
    return day.year, (day.month - 1) // 3 + 1


def quarter_start(year: int, q: int) -> date:
    return date(year, 3 * (q - 1) + 1, 1)


def quarter_end(year: int, q: int) -> date:
    if q == 4:
        return date(year, 12, 31)
    return quarter_start(year, q + 1) - timedelta(days=1)


def shift_quarter(year: int, q: int, by: int) -> tuple[int, int]:
    index = year * 4 + (q - 1) + by
    return index // 4, index % 4 + 1


def year_start(as_of: date) -> date:
    """The first day of "the last four quarters" as of the day (the quarter under way and the three
    before it), which every 12-month figure (revenue, hours, paid, the rate) reads from."""
    return quarter_start(*shift_quarter(*quarter_of(as_of), -3))


def year_months(as_of: date) -> int:
    """The whole months the last four quarters hold as of the day: 12 at a quarter's end, 11 from
    1 December to the 30th, 9 on 1 October. "Rev 12m" read nine months' revenue as a year's on 1
    October (an owner's hunt)."""
    start = year_start(as_of)
    month_done = (as_of + timedelta(days=1)).month != as_of.month  # its last day
    return (as_of.year - start.year) * 12 + as_of.month - start.month + month_done


def quarter_label(year: int, q: int) -> str:
    return f"{year}Q{q}"


def parse_quarter(text: str) -> date:
    """'2026Q3' (or '2026-Q3') -> the quarter's last day, the as-of date it stands for."""
    match = _QUARTER.match(text)
    if not match:
        raise ValueError(f"{text!r} is not a quarter; write it like 2026Q3")
    return quarter_end(int(match.group(1)), int(match.group(2)))


def parse_date(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise ValueError(f"{text!r} is not a date; write it as YYYY-MM-DD") from None
