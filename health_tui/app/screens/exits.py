"""Exits in progress: every client decided exit that still needs following, one row each.

The quarter's exits and earlier ones whose checklist is not finished, with steps settled, the
earliest end date, what is still unpaid (in the portfolio's currency) and the next step to do.
Enter opens the client's checklist, where `n` and `b` walk the same list.
"""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from rich.cells import cell_len
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widgets import DataTable, Static

from health_tui.app import format as fmt
from health_tui.app.screens.base import HealthScreen
from health_tui.app.styles import HEADING, MUTED
from health_tui.app.text import safe_text
from health_tui.app.widgets.footer import KeyFooter
from health_tui.review.exits import ExitProgress, exits_in_force, exits_in_progress
from health_tui.text import cut, wrap_cells

COLUMNS = ("Client", "Decided", "Steps", "Earliest end", "Unpaid", "Next step")


class ExitsScreen(HealthScreen):
    """The exits under way as of the quarter on screen; Escape goes back."""

    CSS_PATH = "exits.tcss"
    AUTO_FOCUS = "#exits"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "open", "Checklist"),
        Binding("escape,backspace", "back", "Back"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.exits: list[ExitProgress] = []
        self._loading_for: object = None  # the (portfolio, review) the last load was asked for
        self._today: date | None = None  # the clock's day of that load

    def compose(self) -> ComposeResult:
        yield Static(Content.styled("Reading the exits…", MUTED), id="exits-head")
        table: DataTable[Text] = DataTable(id="exits", cursor_type="row", zebra_stripes=True)
        yield table
        yield Static(id="exits-hint")
        yield KeyFooter()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        for title in COLUMNS:
            table.add_column(title, key=title)
        self.watch(self.app, "portfolio", self._reload)
        self.watch(self.app, "review", self._reload)

    @property
    def order(self) -> list[str]:
        """The clients listed, in order: what next and previous follow inside a checklist."""
        return [e.client_id for e in self.exits]

    def _reload(self, _: object = None) -> None:
        """Read the exits again: on opening, and whenever a decision or a step was saved."""
        app = self.health_app
        portfolio, review = app.portfolio, app.review
        if portfolio is None or review is None or review.quarter != portfolio.quarter:
            return
        key = (portfolio, review)
        if key == self._loading_for:
            return
        self._loading_for = key
        store, settings, as_of = app.store, app.settings, app.latest
        today = app.clock().date()  # the notice of a client not told yet runs from today
        self._today = today  # and what is unpaid is read on it (or as of a later as-of date)

        def job(con) -> list[ExitProgress]:
            found = exits_in_force(store, portfolio, as_of, settings, today=today, con=con)
            return exits_in_progress(found, portfolio.quarter)

        def done(exits: list[ExitProgress]) -> None:
            if self.is_attached and self._loading_for is key:
                self._show(exits, portfolio.quarter, portfolio.currency)

        app.run_job(job, done, what="read the exits in progress")

    def _show(
        self, exits: list[ExitProgress], quarter: str, currency: str, *, again: bool = True
    ) -> None:
        """The rows, the client and the next step sharing the room the other columns leave
        (`_layout`); once laid out (the hint under it takes its lines, a scrollbar may come), laid
        out again if that room has changed."""
        self.exits = exits
        table = self.query_one(DataTable)
        keep = table.cursor_row
        rows = [_cells(e, quarter, currency) for e in exits]
        widths = _layout(table, rows)
        if again:
            self.call_after_refresh(self._refit, exits, quarter, currency, widths)
        # the columns too: a column only ever widens as rows come, so one list's long name
        # (another quarter's) pushed this list's step past the edge: "Fulfil outstanding"
        table.clear(columns=True)
        given = dict(zip((NAME, STEP), widths, strict=True)) if widths else {}
        for i, title in enumerate(COLUMNS):
            table.add_column(title, key=title, width=given.get(i))
        for e, cells in zip(exits, rows, strict=True):
            height = 1
            for i, width in given.items():  # wrapped at words to the width given
                lines = _wrapped(cells[i].plain, width)
                cells[i] = Text("\n".join(lines), style=cells[i].style)
                height = max(height, len(lines))
            table.add_row(*cells, key=e.client_id, height=height)
        if exits:
            table.move_cursor(row=min(keep, len(exits) - 1))
        unpaid = sum(e.unpaid_amount for e in exits)
        head: list[str | tuple[str, str]] = [
            ("Exits in progress  ", HEADING),
            (f"as of {quarter} · ", MUTED),
            fmt.count(len(exits), "client"),
        ]
        if unpaid > 0:  # read today (by the as-of date where it is later): what is owed now
            on = exits[0].unpaid_on
            when = " today" if on == self._today else f" as of {on}"
            head += [(" · unpaid ", MUTED), (fmt.money(unpaid, currency), "bold $text-error")]
            seen = [e.unpaid_seen_on for e in exits if e.unpaid_amount > 0]
            if seen and all(seen):  # none of it newer than an import weeks old: said
                imported = f"(as imported {max(d for d in seen if d)})"
                # one phrase, on the next line where the head has no room for it (at 80 columns
                # it broke after "imported")
                line = sum(len(p if isinstance(p, str) else p[0]) for p in head) + len(when)
                room = line + len(imported) + 2 <= self.size.width
                when += (" " if room else "\n") + imported
            head.append((when, MUTED))
        self.query_one("#exits-head", Static).update(Content.assemble(*head))
        hint = (
            f"No client decided exit in {quarter} or still leaving from an earlier quarter. "
            "Decide exits in the review (r on the portfolio)."
            if not exits
            else "Enter opens the checklist; n / b there go to the next / previous client here. "
            "Earlier quarters' exits show until every step is settled."
        )
        self.query_one("#exits-hint", Static).update(Content.styled(hint, MUTED))

    def _refit(
        self,
        exits: list[ExitProgress],
        quarter: str,
        currency: str,
        widths: tuple[int, int] | None,
    ) -> None:
        if self.is_attached and self.exits is exits:
            rows = [_cells(e, quarter, currency) for e in exits]
            if _layout(self.query_one(DataTable), rows) != widths:
                self._show(exits, quarter, currency, again=False)

    def on_resize(self) -> None:
        if self.exits and self.health_app.portfolio is not None:
            portfolio = self.health_app.portfolio
            self._show(self.exits, portfolio.quarter, portfolio.currency)

    def action_open(self) -> None:
        from health_tui.app.screens.checklist import ChecklistScreen

        table = self.query_one(DataTable)
        if self.exits and 0 <= table.cursor_row < len(self.exits):
            client_id = self.exits[table.cursor_row].client_id
            self.app.push_screen(ChecklistScreen(client_id, order=self.order))

    @on(DataTable.RowSelected)
    def _selected(self) -> None:
        self.action_open()

    def action_back(self) -> None:
        self.dismiss()


NAME, STEP = 0, len(COLUMNS) - 1  # the columns that share what the others leave
ROW_LINES = 3  # a row's most lines: a name or a step that needs more ends in "…" on the last


def _layout(table: DataTable[Text], rows: list[list[Text]]) -> tuple[int, int] | None:
    """The widths of the client and next-step columns where the two do not both fit whole in
    what the other columns (as wide as their widest cell or title) leave: `_split`. None where
    they fit, or before the table has a size: each column as wide as its widest."""
    width = table.content_region.width
    if not width or not rows:
        return None
    pad = 2 * table.cell_padding
    others = sum(
        max(cell_len(title), *(cell_len(r[i].plain) for r in rows)) + pad
        for i, title in enumerate(COLUMNS)
        if i not in (NAME, STEP)
    )
    room = width - others - 2 * pad
    names, steps = [r[NAME].plain for r in rows], [r[STEP].plain for r in rows]
    if len(rows) + 1 > table.content_region.height:  # the header and the rows: a scrollbar comes
        room -= table.styles.scrollbar_size_vertical
    if _widest(NAME, names) + _widest(STEP, steps) <= room:
        return None
    widths = _split(names, steps, room)
    lines = sum(_height(n, s, widths) for n, s in zip(names, steps, strict=True))
    if lines + 1 > table.content_region.height >= len(rows) + 1:  # wrapped, they scroll after all
        widths = _split(names, steps, room - table.styles.scrollbar_size_vertical)
    return widths


def _split(names: list[str], steps: list[str], room: int) -> tuple[int, int]:
    """The client and next-step columns' widths sharing `room` cells, each wrapped at words: both
    whole where they fit; else the split that cuts fewest words, then whose rows take the fewest
    lines (the tallest row, then all of them, then the steps'), the name's column the wider of
    equals but never wider than the longest name. The client column was as wide as the longest
    name, and the step read "Read the…" at 80 columns."""
    least_name, least_step = cell_len(COLUMNS[NAME]), cell_len(COLUMNS[STEP])  # the titles
    widest_name, widest_step = _widest(NAME, names), _widest(STEP, steps)
    if widest_name + widest_step <= room:
        return widest_name, widest_step
    choices = range(least_step, room - least_name + 1) or range(1, max(room, 2))

    def cost(step: int) -> tuple[int, int, int, int, int]:
        name_lines = [_wrapped(n, max(room - step, 1)) for n in names]
        step_lines = [_wrapped(s, step) for s in steps]
        heights = [max(len(n), len(s)) for n, s in zip(name_lines, step_lines, strict=True)]
        cuts = sum(line.count("…") for lines in (*name_lines, *step_lines) for line in lines)
        return cuts, max(heights), sum(heights), sum(map(len, step_lines)), step

    step = max(min(choices, key=cost), room - widest_name)  # what the names leave, the step's
    return max(room - step, 1), step


def _widest(column: int, texts: list[str]) -> int:
    """The cells a column needs for its widest text or its title, whichever is wider."""
    return max(cell_len(COLUMNS[column]), *map(cell_len, texts))


def _height(name: str, step: str, widths: tuple[int, int]) -> int:
    return max(len(_wrapped(name, widths[0])), len(_wrapped(step, widths[1])))


def _wrapped(text: str, width: int) -> list[str]:
    """`text` in lines of `width` cells, broken between words (a word wider than a line is cut
    with "…", not broken where it reads as two), at most ROW_LINES: the last cut with "…" where
    more would follow."""
    lines = wrap_cells(" ".join(cut(word, width) for word in text.split(" ")), width, width)
    if len(lines) > ROW_LINES:
        lines = [*lines[: ROW_LINES - 1], cut(" ".join(lines[ROW_LINES - 1 :]), width)]
    return lines


def _cells(e: ExitProgress, quarter: str, currency: str) -> list[Text]:
    """One exit as table cells; the client's name is the imported text, never markup."""
    done = "bold green" if e.finished else ""
    earlier = "" if e.quarter == quarter else "dim"
    unpaid = Text(fmt.money(e.unpaid_amount, currency), justify="right")
    if e.overdue_amount > 0:
        unpaid.stylize("bold red")
    return [
        Text(safe_text(e.name), style="bold"),
        Text(e.quarter, style=earlier),
        Text(f"{e.settled}/{e.total}", style=done, justify="right"),
        Text(e.earliest_end.isoformat()),
        unpaid if e.unpaid_invoices else Text("—", justify="right", style="dim"),
        Text(e.next_step or "all settled", style="" if e.next_step else "dim"),
    ]


def open_checklist(screen: HealthScreen, client_id: str, name: str) -> None:
    """`e` anywhere: the client's exit checklist, or a word on why there is none."""
    from health_tui.app.screens.checklist import ChecklistScreen

    app = screen.health_app
    review = app.review
    if review is None or client_id not in review.exits:
        app.notify(
            safe_text(
                f"{name} has no exit decision in force, so no exit checklist. Decide exit in "
                "the review (x), or press E for the exits in progress."
            ),
            title="No exit checklist",
            markup=False,
            timeout=6,
        )
        return
    app.push_screen(ChecklistScreen(client_id))


def open_exits(screen: HealthScreen) -> None:
    """`E` anywhere it is bound, and the palette: the exits in progress."""
    if not isinstance(screen.app.screen, ExitsScreen):
        screen.app.push_screen(ExitsScreen())
