"""The portfolio table without the widget: columns, sort and filter as plain lists of row indices.

Kept apart from the widget so that sorting and filtering 10,000 clients is ordinary Python that can be
tested and timed on its own, and so the widget only ever renders the rows on screen.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from itertools import pairwise
from os.path import commonprefix
from typing import Any, NamedTuple, cast

from rich.cells import cell_len

from health_tui.app import format as fmt
from health_tui.app.roster import ClientStub
from health_tui.app.text import safe_text
from health_tui.formatting import estimated, months_label
from health_tui.scoring.models import ClientScore, Recommendation
from health_tui.text import unaccented

# Most urgent first, so an ascending sort on the action column reads as a to-do list.
_ACTION_ORDER = {
    r: i
    for i, r in enumerate(
        [
            Recommendation.exit,
            Recommendation.recover,
            Recommendation.listen,
            Recommendation.reprice,
            Recommendation.support,
            Recommendation.watch,
            Recommendation.keep,
        ]
    )
}


def _trend_change(c: ClientScore) -> float | None:
    known = [q.health for q in c.trend if q.health is not None]
    return known[-1] - known[0] if len(known) >= 2 else None


@dataclass(frozen=True, slots=True)
class Column:
    """One table column: how to show a client in it and how to sort by it."""

    key: str
    title: str
    width: int
    cell: Callable[[ClientScore, str], str]
    sort: Callable[[ClientScore], Any]  # anything comparable; None sorts last
    right: bool = False
    descending: bool = False  # the first sort on this column puts the largest first
    min_width: int | None = None  # may shrink to this when the terminal is narrow
    flex: bool = False  # takes the width the others leave
    drop: int = 0  # left out when narrow: the highest first; 0 = always kept


COLUMNS: tuple[Column, ...] = (
    Column("mark", "✖", 1, lambda c, _: "✖" if c.fire_candidate else " ",
           lambda c: 0 if c.fire_candidate else 1),
    Column("name", "Client", 16, lambda c, _: safe_text(c.name), lambda c: c.name.casefold(),
           min_width=10, flex=True),
    Column("health", "Health", 6, lambda c, _: fmt.score(c.health), lambda c: c.health, right=True),
    Column("trend", "Trend", 5, lambda c, _: fmt.sparkline([q.health for q in c.trend]),
           _trend_change, drop=3),
    Column("effort_return", "E/R", 4, lambda c, _: fmt.score(c.effort_return),
           lambda c: c.effort_return, right=True, drop=2),
    Column("effective_rate", "Rate", 6,
           lambda c, cur: estimated(fmt.rate(c.known_rate, cur), c.revenue_estimated),
           lambda c: c.known_rate, right=True, drop=4),
    Column("revenue_12m", "Rev 12m", 7,
           lambda c, cur: estimated(fmt.money_short(c.known_revenue_12m, cur), c.revenue_estimated),
           lambda c: c.revenue_12m, right=True, descending=True, drop=5),
    Column("lifetime_value", "LTV", 7,
           lambda c, cur: fmt.money_short(c.known_revenue(c.lifetime_value), cur),
           lambda c: c.lifetime_value, right=True, descending=True, drop=6),
    Column("archetype", "Archetype", 16, lambda c, _: fmt.ARCHETYPE_LABELS[c.archetype],
           lambda c: fmt.ARCHETYPE_LABELS[c.archetype], min_width=11, drop=1),
    Column("recommendation", "Action", 7, lambda c, _: c.recommendation.value,
           lambda c: _ACTION_ORDER[c.recommendation]),
)  # fmt: skip
COLUMN_KEYS = tuple(c.key for c in COLUMNS)
BY_KEY = {c.key: c for c in COLUMNS}
GAP = 1  # cells between columns


def decision_column(labels: Mapping[str, str]) -> Column:
    """The owner's decision for the quarter ("keep", "exit 4/10"); undecided clients sort last."""
    return Column("decision", "Decision", 10, lambda c, _: labels.get(c.client_id, ""),
                  lambda c: labels.get(c.client_id), min_width=9)  # fmt: skip


MONEY_KEYS = frozenset({"effective_rate", "revenue_12m", "lifetime_value"})
ESTIMATED_KEYS = frozenset({"effective_rate", "revenue_12m"})  # may carry formatting.ESTIMATE


def columns_for(
    labels: Mapping[str, str],
    currency: str = "EUR",
    *,
    estimated: bool = False,
    as_of: date | None = None,
) -> tuple[Column, ...]:
    """The table's columns: the decision column joins once the quarter has a decision. The money
    columns are as wide as their currency's sign needs: sized for "€128/h", they cut a code's
    ("CHF 128/h" read "CHF 1…"). Rev 12m says the months its figures hold `as_of` (Rev 11m on
    30 November)."""
    extra = max(cell_len(fmt.symbol(currency)) - 1, 0)
    columns = tuple(
        replace(c, width=c.width + extra + (1 if estimated and c.key in ESTIMATED_KEYS else 0))
        if c.key in MONEY_KEYS
        else c
        for c in COLUMNS
    )
    if (months := months_label(as_of)) != "12m":
        columns = tuple(
            replace(c, title=f"Rev {months}") if c.key == "revenue_12m" else c for c in columns
        )
    return (*columns, decision_column(labels)) if labels else columns


NAME_FLOOR = 16  # the name column is not cut below this to make room...
NAME_CAP = 28  # ...nor needs more than this to tell clients apart


class NameCuts(NamedTuple):
    """How the name column cuts names so that no two read the same once cut."""

    floor: int  # cells the column keeps (`layout`): enough to show where two names differ
    twins: dict[str, int]  # names alike past NAME_CAP: where each starts to differ (a character)


def name_cuts(names: Sequence[str], cap: int = NAME_CAP) -> NameCuts:
    """One pass over the names in order (case aside). The floor is the start two names share, the
    first character that differs (two cells for a wide one) and the ellipsis: "Willowbrook F…" and
    "Willowbrook W…", not "Willowbroo…" twice; at least NAME_FLOOR, at most NAME_CAP. Names alike
    for longer than that ("Zoë Müller-Lüdenscheidt Arc…" for the GmbH and the AG) are the twins,
    which the table cuts in the middle, keeping what differs (`format.fit_apart`). `cap`: the
    cells names are cut to, where not the table's (the effort map's list)."""
    ordered = sorted({n.casefold(): n for n in names}.items())
    need = 0
    twins: dict[str, int] = {}
    for (a, name_a), (b, name_b) in pairwise(ordered):
        shared = len(commonprefix([a, b]))  # noqa: RUF071
        cells = max(cell_len(name_a[: shared + 1]), cell_len(name_b[: shared + 1])) + 1
        need = max(need, cells)
        if cells > cap:
            for name in (name_a, name_b):
                twins[name] = max(shared, twins.get(name, 0))
    return NameCuts(max(NAME_FLOOR, min(cap, need)), twins)


def layout(width: int, columns: Sequence[Column] = COLUMNS, floor: int = NAME_FLOOR) -> list[int]:
    """Column widths for a table `width` cells wide: the name column takes what the others leave.

    When the columns do not fit, the narrowable ones shrink to their minimum, then columns are left
    out (width 0, no gap) by priority, LTV first, until the name column keeps `floor` cells (see
    `name_cuts`); name, health, action and decision always stay.
    """
    widths = [c.width for c in columns]
    flex = next(i for i, c in enumerate(columns) if c.flex)
    widths[flex] = 0

    def spare() -> int:
        return width - sum(widths) - GAP * sum(1 for w, c in zip(widths, columns, strict=True)
                                               if w or c.flex)  # fmt: skip

    for i in [i for i, c in enumerate(columns) if c.min_width and not c.flex]:
        short = floor - spare()
        if short <= 0:
            break
        widths[i] -= min(short, widths[i] - (columns[i].min_width or widths[i]))
    for i in sorted((i for i, c in enumerate(columns) if c.drop), key=lambda i: -columns[i].drop):
        if spare() >= floor:
            break
        widths[i] = 0
    for i, c in enumerate(columns):  # room again: shrunk columns get their width back first
        if widths[i] and widths[i] < c.width and (room := spare() - floor) > 0:
            widths[i] += min(c.width - widths[i], room)
    widths[flex] = max(floor, spare())
    return widths


def table_width(widths: Sequence[int]) -> int:
    """Cells the table needs: the columns shown and a gap before each."""
    return sum(w + GAP for w in widths if w)


Row = ClientScore | ClientStub
"""A table row: a scored client, or one listed by name while the quarter is being scored."""


def search_text(c: Row) -> str:
    """What the filter searches: the name, and once scored the archetype (as shown, and its
    name: "not known" is shown "—") and the action."""
    if isinstance(c, ClientStub):
        return unaccented(safe_text(c.name)).casefold()
    shown, named = fmt.ARCHETYPE_LABELS[c.archetype], c.archetype.value.replace("_", " ")
    labels = (safe_text(c.name), shown if shown == named else f"{shown} {named}",
              c.recommendation.value)  # fmt: skip
    return unaccented(" ".join(labels)).casefold()


class RowIndex:
    """What every view of one set of rows shares, built once: search text, name order, the filter
    masks and each column's sort order (see `warm`).

    The app builds it in the scoring worker, so that a 50,000-client quarter arriving does not stop
    the screen for the half second this takes. Rows listed before scoring (`ClientStub`) keep name
    order whatever the sort: there is nothing else to sort them by yet.
    """

    def __init__(self, clients: Sequence[Row]) -> None:
        self.clients = list(clients)
        self.names_only = any(isinstance(c, ClientStub) for c in self.clients)
        self.haystack = [search_text(c) for c in self.clients]
        self.position = {c.client_id: i for i, c in enumerate(self.clients)}
        self.names = name_cuts([safe_text(c.name) for c in self.clients])  # as the cells show
        self.active = bytes(c.active for c in self.clients)
        self.candidate = bytes(c.fire_candidate for c in self.clients)
        names = [c.name.casefold() for c in self.clients]
        self.by_name = sorted(range(len(self.clients)), key=names.__getitem__)
        self._sorted: dict[tuple[str, bool], list[int]] = {}

    def sorted_indices(self, column: Column, descending: bool) -> list[int]:
        """All rows ordered by `column`; rows without a value go last either way, in name order."""
        if self.names_only:
            return self.by_name
        cached = self._sorted.get((column.key, descending))
        if cached is None:
            clients = cast(list[ClientScore], self.clients)
            values = [column.sort(c) for c in clients]
            present = [i for i in self.by_name if values[i] is not None]
            missing = [i for i in self.by_name if values[i] is None]
            present.sort(key=values.__getitem__, reverse=descending)
            cached = self._sorted[(column.key, descending)] = present + missing
        return cached

    def warm(self, columns: Sequence[Column] = COLUMNS) -> RowIndex:
        """Sort by every column both ways now, so that no sort key has to later."""
        for column in columns:
            for descending in (False, True):
                self.sorted_indices(column, descending)
        return self

    def forget_sorts(self, keep: Callable[[str], bool]) -> None:
        """Drop the orders by columns whose values may have changed (the decision column)."""
        self._sorted = {k: v for k, v in self._sorted.items() if keep(k[0])}


class ClientView:
    """Which clients show, in which order: a list of indices into `clients`, rebuilt on demand.

    Sorting and the text to filter on come from a `RowIndex` (built here from a list of rows, or
    handed in ready); the filters are byte masks, and a longer query only searches the rows the
    shorter one kept, so typing stays cheap at 10,000 rows.
    """

    def __init__(
        self, clients: Sequence[Row] | RowIndex, columns: Sequence[Column] = COLUMNS
    ) -> None:
        rows = clients if isinstance(clients, RowIndex) else RowIndex(clients)
        self.rows = rows
        self.clients = rows.clients
        self.names_only = rows.names_only
        self.names = rows.names
        self.columns = tuple(columns)
        self._by_key = {c.key: c for c in self.columns}
        self.sort_key = "health"
        self.reversed = False
        self.query = ""
        self.candidates_only = False
        self.show_former = False
        self._mask_key: tuple[str, bool, bool] | None = None
        self._mask: bytes = b""
        self._matches: tuple[str, list[int]] | None = None  # last query and the rows it kept
        self.order: list[int] = []
        self.apply()

    def follow(self, old: ClientView) -> None:
        """Take the sort and the filters of the view this one replaces (a new quarter, or the
        scores arriving for the clients listed by name); a sort by a column gone falls back."""
        if old.sort_key in self._by_key:
            self.sort_key, self.reversed = old.sort_key, old.reversed
        self.set_filters(
            query=old.query, candidates_only=old.candidates_only, show_former=old.show_former
        )

    @property
    def descending(self) -> bool:
        return self._by_key[self.sort_key].descending != self.reversed

    def set_columns(self, columns: Sequence[Column]) -> None:
        """New columns (the decisions changed): forget orders by columns that may differ, re-apply."""
        self.columns = tuple(columns)
        self._by_key = {c.key: c for c in self.columns}
        self.rows.forget_sorts(BY_KEY.__contains__)
        if self.sort_key not in self._by_key:
            self.sort_key, self.reversed = "health", False
        self.apply()

    def row_of(self, client_id: str) -> int | None:
        """Where a client is in the current order, or None if it is filtered out."""
        index = self.rows.position.get(client_id)
        if index is None:
            return None
        try:
            return self.order.index(index)
        except ValueError:
            return None

    def sorted_indices(self, key: str, descending: bool) -> list[int]:
        """All clients ordered by column `key`; clients without a value go last either way."""
        return self.rows.sorted_indices(self._by_key[key], descending)

    def _text_matches(self, query: str) -> list[int] | None:
        """Rows whose text holds every word of `query`; None when there is no query."""
        query = unaccented(query).casefold()  # as the rows' text is: "cafe" finds "Café"
        words = query.split()
        if not words:
            self._matches = None
            return None
        pool: Sequence[int] = range(len(self.clients))
        if self._matches is not None and query.startswith(self._matches[0]):
            pool = self._matches[1]  # typing on: only what the shorter query kept can match
        hay = self.rows.haystack
        for word in words:
            pool = [i for i in pool if word in hay[i]]
        self._matches = (query, list(pool))
        return self._matches[1]

    def _visible(self) -> bytes:
        key = (self.query, self.candidates_only, self.show_former)
        if key != self._mask_key:
            n = len(self.clients)
            allowed = b"\x01" * n if self.show_former else self.rows.active
            if self.candidates_only:
                allowed = bytes(a & b for a, b in zip(allowed, self.rows.candidate, strict=True))
            matches = self._text_matches(self.query)
            if matches is not None:
                mask = bytearray(n)
                for i in matches:
                    mask[i] = allowed[i]
                allowed = bytes(mask)
            self._mask, self._mask_key = allowed, key
        return self._mask

    def apply(self) -> None:
        """Rebuild `order` from the current sort and filters."""
        mask = self._visible()
        self.order = [i for i in self.sorted_indices(self.sort_key, self.descending) if mask[i]]

    def set_filters(
        self,
        *,
        query: str | None = None,
        candidates_only: bool | None = None,
        show_former: bool | None = None,
    ) -> None:
        """Change any of the filters and rebuild the order."""
        if query is not None:
            self.query = query
        if candidates_only is not None:
            self.candidates_only = candidates_only
        if show_former is not None:
            self.show_former = show_former
        self.apply()

    def sort_by(self, key: str) -> None:
        """Sort by `key`; choosing the column already sorted on flips its direction."""
        if key == self.sort_key:
            self.reversed = not self.reversed
        else:
            self.sort_key, self.reversed = key, False
        self.apply()

    def cycle_sort(self) -> None:
        keys = [c.key for c in self.columns]
        i = keys.index(self.sort_key)
        self.sort_key, self.reversed = keys[(i + 1) % len(keys)], False
        self.apply()

    def reverse(self) -> None:
        self.reversed = not self.reversed
        self.apply()

    def describe(self) -> list[tuple[int, str]]:
        """The view in words, for the status line: what is sorted, filtered and hidden, each part
        with its rank (the lowest goes first where the line is too narrow): the count last."""
        arrow = "↓" if self.descending else "↑"
        parts = [(2, f"sorted by {self._by_key[self.sort_key].title.lower()} {arrow}")]
        if self.names_only:
            parts = [(2, "names only until scored, in name order")]
        if self.query:
            parts.append((4, f"filter “{safe_text(self.query)}”"))
        if self.candidates_only:
            parts.append((4, "exit candidates only"))
        parts.append((1, "former shown" if self.show_former else "former hidden"))
        parts.append((5, f"{len(self.order):,} of {len(self.clients):,} clients"))
        return parts
