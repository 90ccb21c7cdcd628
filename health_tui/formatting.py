"""Money, signed changes and counts as every surface writes them: the app, the CLI and the report.

One formatter so a rate reads "€83/h" in a reason, a column and a report alike, a count is never
"1 days" or "client(s)", and a change that rounds to zero is "0", never "-0" or "-0.0".
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from functools import cache

from health_tui.dates import quarter_end, quarter_of, year_months, year_start
from health_tui.text import NBSP, safe_text

NO_VALUE = "—"


_SYMBOLS = {"EUR": "€", "USD": "$", "GBP": "£", "JPY": "¥", "CHF": f"CHF{NBSP}"}


@cache
def symbol(currency: str) -> str:
    """The currency's sign, or its code (from the data, so made safe) followed by a no-break
    space; worked out once per currency (every amount a scoring and a report write asks for it)."""
    return _SYMBOLS.get(currency.upper()) or f"{safe_text(currency)[:3]}{NBSP}"


def money(
    value: float | None, currency: str = "EUR", *, cents: bool = False, home: str | None = None
) -> str:
    """'€12,345' (or '€1,234.50' with cents); an amount that rounds to zero has no minus sign.
    Beside a portfolio in another currency (`home`), a US dollar is 'US$': a Toronto freelancer
    read "$2,300.00" under "unpaid CAD 14,205.80" as Canadian dollars."""
    if value is None:
        return NO_VALUE
    shown = half_up(value, 2 if cents else 0)
    sign = "-" if shown.is_signed() and shown != 0 else ""  # never "-€0"
    mark = (
        "US$" if home and home.upper() != "USD" and currency.upper() == "USD" else symbol(currency)
    )
    return f"{sign}{mark}{abs(shown):,}"


def half_up(value: float, digits: int = 0) -> Decimal:
    """`value` rounded to `digits` places, halves away from zero, from the figure as written
    (str): Python's own rounding sends halves to the even digit, and £1,312.50 read "£1,312"
    beside £1,237.50 as "£1,238" in one list. Not a finite number, or past 28 digits: as it is."""
    exact = Decimal(str(value))
    try:
        return exact.quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)
    except InvalidOperation:
        return exact


def money_short(value: float | None, currency: str = "EUR") -> str:
    """At most seven cells with a one-cell sign, for table columns: '€850', '€12.3k', '€1.2M' (a
    code takes three more: 'CHF 1.2k'; app/table_model.py `columns_for` widens the columns)."""
    if value is None:
        return NO_VALUE
    whole = half_up(value)
    sign = "-" if whole.is_signed() and whole != 0 else ""
    amount = abs(value)  # each form rounded as money() rounds: halves away from zero
    if amount >= 999_500:
        body = f"{half_up(amount / 1_000_000, 1)}M"
    elif amount >= 9_995:
        body = f"{half_up(amount / 1000)}k"
    elif amount >= 1000:
        body = f"{half_up(amount / 1000, 1)}k"
    else:
        body = f"{half_up(amount)}"
    return f"{sign}{symbol(currency)}{body}"


def rate(value: float | None, currency: str = "EUR") -> str:
    """An hourly rate: '€85/h'."""
    return NO_VALUE if value is None else f"{money(value, currency)}/h"


def signed(value: float, digits: int = 0) -> str:
    """'+3', '-2', '0', '+0.4', '+1,287': a change, with its sign always shown, and never '-0'
    or '-0.0'."""
    text = f"{value:+,.{digits}f}"
    return f"{0:.{digits}f}" if float(text.replace(",", "")) == 0 else text


def money_change(value: float | None, currency: str = "EUR") -> str:
    """'+€1,200', '-€300', '€0'; the no-value mark where either side is not known."""
    if value is None:
        return NO_VALUE
    if half_up(value) == 0:
        return money(0, currency)
    return ("+" if value > 0 else "-") + money(abs(value), currency)


def plural(n: int, word: str, many: str | None = None) -> str:
    """'1 day', '3 days', '1,204 clients': never '1 days' or 'client(s)'."""
    return f"{n:,} {word if n == 1 else many or word + 's'}"


def some_of(shown: Sequence[str], total: int) -> str:
    """The first few of a list and how many more: 'Acme, Birch and 3 more'; all of it: 'Acme,
    Birch and Cedar' ('Acme, Birch' read as a list cut short)."""
    if total > len(shown):
        return ", ".join(shown) + f" and {total - len(shown):,} more"
    return " and ".join([", ".join(shown[:-1]), shown[-1]]) if len(shown) > 1 else "".join(shown)


def hours(value: float | None) -> str:
    """'1,234 h', '176.5 h', '358.75 h' (`hour_count`); the no-value mark where hours are not
    known."""
    return NO_VALUE if value is None else f"{hour_count(value)} h"


def hour_count(value: float) -> str:
    """'1,234', '176.5', '358.75': to the hundredth, trailing zeros dropped, so the figures add up
    as written (hours come in quarters: at tenths, 317.25 + 41.5 read 317.2 + 41.5 = 358.8)."""
    return f"{round(value, 2):,.2f}".rstrip("0").rstrip(".")


def rate_not_weighed(hours_12m: float) -> str:
    """Beside a rate that is not weighed (`ClientScore.rate_weighed`): what it stands on, so the
    figure does not read as the client's rate (the app's screens and the what-if say it alike)."""
    return f"on {hours(hours_12m)}: too few hours to weigh"


def share(value: float | None, who: str | None = None, *, tight: bool = False) -> str:
    """'23%', '18% (Meridian Health Partners)', 'under 1%' for a share too small to show as a
    whole percent but not none ('<1%' where a column is `tight`), or the no-value mark without
    revenue to divide by; `who` is written as given (made safe by the caller for where it goes)."""
    if value is None:
        return NO_VALUE
    text = f"{value:.0%}"
    if value > 0 and text == "0%":  # the largest of 10,000 clients read "0% of revenue"
        text = "<1%" if tight else "under 1%"
    return text + (f" ({who})" if who else "")


def months_label(as_of: date | None) -> str:
    """The "12m" of Rev 12m as the figures stand as of the day: "11m" on 30 November, when the last
    four quarters hold eleven months (`dates.year_months`); "12m" without a day."""
    return f"{12 if as_of is None else year_months(as_of)}m"


def months_said(as_of: date | None) -> str:
    """The span of the 12-month figures in words: "last 12 months" at a quarter's end (or without
    a day), "since 2026-01-01, 11 months" within a quarter."""
    if as_of is None or as_of == quarter_end(*quarter_of(as_of)):
        return "last 12 months"
    return f"since {year_start(as_of).isoformat()}, {year_months(as_of)} months"


ESTIMATE = "~"  # before a figure estimated from a client's billable amounts
ESTIMATED = (
    f"{ESTIMATE} estimated from billable amounts: no invoice of the client's in the last four "
    "quarters"
)


def estimated(shown: str, yes: bool) -> str:
    """`shown` with ESTIMATE before it where the figure is estimated (a client's revenue, and so
    its rate, from billable amounts: ClientScore.revenue_estimated); read unmarked, it passes for
    money invoiced. The no-value mark stays as it is."""
    return ESTIMATE + shown if yes and shown != NO_VALUE else shown
