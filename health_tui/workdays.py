"""Working days: an exit's end date never falls on a weekend or a public holiday of the agency's
country (the `holidays` package knows them; `[agency] country` says which)."""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache


@cache
def _holidays(country: str, subdivision: str | None, year: int) -> frozenset[date]:
    import holidays  # a third of a second to import: only when a country is set

    found = holidays.country_holidays(country, subdiv=subdivision, years=[year, year + 1])
    return frozenset(found)


# Without `[agency] country`, the two days off almost everywhere the product is used.
_EVERYWHERE = ((1, 1), (12, 25))


def is_working_day(day: date, country: str | None = None, subdivision: str | None = None) -> bool:
    if day.weekday() >= 5:
        return False
    if country:
        return day not in _holidays(country, subdivision, day.year)
    return (day.month, day.day) not in _EVERYWHERE


def next_working_day(day: date, country: str | None = None, subdivision: str | None = None) -> date:
    """`day` itself if it is a working day, else the next one (Monday to Friday, not a public
    holiday of `country`; without one, not 1 January or 25 December)."""
    while not is_working_day(day, country, subdivision):
        day += timedelta(days=1)
    return day


def known_country(code: str, subdivision: str | None = None) -> bool:
    """Whether the holidays package has public holidays for `code` (and its subdivision)."""
    import holidays

    try:
        holidays.country_holidays(code, subdiv=subdivision, years=[2026])
    except (NotImplementedError, KeyError):
        return False
    return True
