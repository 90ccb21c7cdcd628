"""Exits in progress: every client decided exit that still needs following, one line each.

The quarter's exits and earlier ones whose checklist is not finished, with steps settled, the
earliest end date, what is still unpaid (in the portfolio's currency) and the next step to do.
Enter opens the client's checklist, where `n` and `b` walk the same list.
"""

from __future__ import annotations

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
from health_tui.text import cut

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
        """The rows, each step cut to the room the table has; once laid out (the hint under it
        takes its lines, a scrollbar may come), cut again if that room has changed."""
        self.exits = exits
        table = self.query_one(DataTable)
        keep = table.cursor_row
        # the columns too: a column only ever widens as rows come, so one list's long name
        # (another quarter's) pushed this list's cut step past the edge: "Fulfil outstanding"
        table.clear(columns=True)
        for title in COLUMNS:
            table.add_column(title, key=title)
        rows = [_cells(e, quarter, currency) for e in exits]
        room = _room_for_last(table, rows)
        if again:
            self.call_after_refresh(self._refit, exits, quarter, currency, room)
        for e, cells in zip(exits, rows, strict=True):
            if room is not None:  # a step too long is cut with "…", not at the table's edge
                cells[-1] = Text(cut(cells[-1].plain, room), style=cells[-1].style)
            table.add_row(*cells, key=e.client_id)
        if exits:
            table.move_cursor(row=min(keep, len(exits) - 1))
        unpaid = sum(e.unpaid_amount for e in exits)
        head: list[str | tuple[str, str]] = [
            ("Exits in progress  ", HEADING),
            (f"as of {quarter} · ", MUTED),
            fmt.count(len(exits), "client"),
        ]
        if unpaid > 0:
            head += [(" · unpaid ", MUTED), (fmt.money(unpaid, currency), "bold $text-error")]
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
        self, exits: list[ExitProgress], quarter: str, currency: str, room: int | None
    ) -> None:
        if self.is_attached and self.exits is exits:
            rows = [_cells(e, quarter, currency) for e in exits]
            if _room_for_last(self.query_one(DataTable), rows) != room:
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


def _room_for_last(table: DataTable[Text], rows: list[list[Text]]) -> int | None:
    """The cells the last column (the next step) has once the others are as wide as their widest
    cell or title: a step longer than that is cut with "…" instead of at the table's edge. None
    before the table has a size."""
    width = table.content_region.width
    if not width or not rows:
        return None
    if len(rows) + 1 > table.content_region.height:  # the header and the rows: a scrollbar comes
        width -= table.styles.scrollbar_size_vertical
    pad = 2 * table.cell_padding
    others = sum(
        max(cell_len(title), *(cell_len(r[i].plain) for r in rows)) + pad
        for i, title in enumerate(COLUMNS[:-1])
    )
    return max(2, width - others - pad)  # even "R…" reads as cut, where a clipped edge does not


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
        Text(e.remaining[0] if e.remaining else "all settled", style="" if e.remaining else "dim"),
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
