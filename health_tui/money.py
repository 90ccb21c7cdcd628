"""Money in one currency: amounts of two currencies are never added unconverted.

Each invoice keeps its own currency, and so do the billable and cost amounts of a time entry (none,
in a file an earlier health-tui wrote, means the portfolio's: the next import marks them so).
`[money] currency` is the portfolio's; `[money.rates]` says how many portfolio units one unit of
each other currency is worth. An import that brings a currency with no
rate is refused, and so is scoring when the settings lose one later: nothing is ever summed across
currencies on a guess.
"""

from __future__ import annotations

from collections.abc import Iterable

import duckdb

from health_tui.errors import ConfigError, ImportFailed
from health_tui.formatting import plural
from health_tui.settings import Money
from health_tui.store import Store


def rate_params(money: Money) -> dict[str, object]:
    """The conversion as bound parameters: `$currency`, `$rate_codes` and `$rate_values`."""
    codes = sorted(money.rates)
    return {
        "currency": money.currency,
        "rate_codes": codes,
        "rate_values": [float(money.rates[c]) for c in codes],
    }


INVOICES = ("invoice", "invoices")
ENTRY_AMOUNTS = ("time entry with amounts", "time entries with amounts")


def unrated(found: Iterable[tuple[str, int]], money: Money) -> list[tuple[str, int]]:
    """The currencies among `found` (code, rows) that have no rate to the portfolio's."""
    return [(code, n) for code, n in found if code != money.currency and code not in money.rates]


def counted(missing: list[tuple[str, int]], noun: tuple[str, str]) -> list[tuple[str, str]]:
    """Each (code, rows) as (code, '3 invoices in SEK'), `noun` being the singular and plural."""
    return [(code, f"{n:,} {noun[0] if n == 1 else noun[1]} in {code}") for code, n in missing]


def missing_rates_message(missing: list[tuple[str, str]], money: Money, *, what: str | None) -> str:
    """What to add to the settings, e.g. for SEK: `SEK = 0.0877` under `[money.rates]`.

    `missing` is (code, what is in it) as `counted` words it; a code may come more than once.
    `what` leads the sentence that lists them; None where the problems above said each, on its
    line: the fix is then offered for a currency that is no typo."""
    listed = ", ".join(said for _code, said in missing)
    codes = list(dict.fromkeys(code for code, _said in missing))
    add = (
        f"add how many {money.currency} one unit is worth to your settings file "
        "(`health-tui config` says where it is; `health-tui config --write` makes it), e.g.:"
    )
    lines = (
        [
            f"{what} {listed}, and the settings give no rate to convert "
            f"{'it' if len(codes) == 1 else 'them'} to {money.currency} (the portfolio's currency).",
            add[0].upper() + add[1:],
        ]
        if what
        else [f"If {' or '.join(codes)} is no typo, {add}"]
    )
    lines.append("  [money.rates]")
    # a placeholder, not a number: a pasted 0.0 was refused as a rate, which read as a contradiction
    lines += [f"  {code} = ?  # how many {money.currency} one {code} is worth" for code in codes]
    inline = ", ".join(f"{code} = ?" for code in codes)
    lines.append(
        f"(A settings file `config --write` made has `rates = {{}}` under [money]: write them there "
        f"instead, `rates = {{ {inline} }}`.)"
    )
    lines.append(
        f'(If {codes[0]} is your own currency, set `currency = "{codes[0]}"` under [money] instead.)'
    )
    return "\n".join(lines)


def check_import_currencies(
    found: Iterable[tuple[str, int]],
    money: Money,
    *,
    file: str,
    where: str,
    noun: tuple[str, str] = INVOICES,
) -> None:
    """Refuse (exit 2) an import bringing invoices (or time entries with amounts, `noun`) in a
    currency the settings cannot convert."""
    missing = unrated(found, money)
    if missing:
        message = missing_rates_message(
            counted(missing, noun), money, what=f"import of {file} refused: it has"
        )
        raise ImportFailed(f"{message}\nNothing was changed in {where}.")


def missing_rates(
    found: Iterable[tuple[Iterable[tuple[str, int]], tuple[str, str]]],
    money: Money,
    *,
    what: str | None = "It also has",
) -> str | None:
    """What `check_import_currencies` would refuse an import for, said below the problems of an
    import refused for its rows (so that one fix sees both): each (currency, rows) found with what
    the rows are, all in one message (one `[money.rates]` to paste, each code once); None when
    every currency converts."""
    missing = [said for rows, noun in found for said in counted(unrated(rows, money), noun)]
    return missing_rates_message(missing, money, what=what) if missing else None


def check_store_currencies(
    store: Store, money: Money, *, con: duckdb.DuckDBPyConnection | None = None
) -> None:
    """Refuse to score (exit 2) when stored invoices, or the amounts of stored time entries, are in
    a currency with no rate any more."""
    missing = counted(unrated(store.rows("invoice_currencies", con=con), money), INVOICES)
    missing += counted(unrated(store.rows("time_amount_currencies", con=con), money), ENTRY_AMOUNTS)
    if missing:
        raise ConfigError(
            missing_rates_message(missing, money, what="cannot score: the database holds")
        )


def mark_home_currency(store: Store, con: duckdb.DuckDBPyConnection, home: str) -> str | None:
    """Inside an import's transaction: mark the amounts an earlier health-tui stored with no
    currency (counted then in whatever the portfolio's currency was) with the portfolio's of the
    day, as they have been counted, and say so; None when there were none. Without it, a later
    change of [money] currency read them as the new currency (EUR 5,000 became USD 5,000)."""
    invoices, entries = store.row("currency_unmarked", con=con)
    if invoices:
        store.run("currency_mark_invoices", {"home": home}, con=con)
    if entries:  # only then: an update of time entries refreshes every client's rollups
        store.run("currency_mark_entries", {"home": home}, con=con)
    if not invoices and not entries:
        return None
    what = " and ".join(
        plural(n, *noun) for n, noun in ((invoices, INVOICES), (entries, ENTRY_AMOUNTS)) if n
    )
    return (
        f"Marked {what} an earlier health-tui stored with no currency as {home}, the currency "
        "set now, which they were counted in: a later change of [money] currency converts them. "
        "If they were in another (the currency was changed since they were imported), import "
        "their file again, with --replace if it was a folder."
    )
