"""The home screen: the quarter in two lines, then every client in a sortable, filterable table."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widgets import Input, Static

from health_tui.app import format as fmt
from health_tui.app.review_state import ReviewState
from health_tui.app.screens.whatif import WhatIfMarking
from health_tui.app.styles import MUTED
from health_tui.app.table_model import ClientView, Column, RowIndex, columns_for
from health_tui.app.text import safe_text
from health_tui.app.widgets.client_table import ClientTable
from health_tui.app.widgets.fitted import Fitted
from health_tui.app.widgets.footer import KeyFooter
from health_tui.app.widgets.ordered_input import OrderedInput
from health_tui.app.widgets.summary import PortfolioSummary
from health_tui.app.widgets.whatif_panel import WhatIfPanel
from health_tui.scoring.models import ClientScore, PortfolioScore

if TYPE_CHECKING:
    pass


class PortfolioScreen(WhatIfMarking):
    """Every client of the scored quarter; Enter opens one, `m` shows the effort map."""

    CSS_PATH = "portfolio.tcss"
    AUTO_FOCUS = "#clients"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r", "review", "Review"),
        Binding("e", "checklist", "Exit checklist"),
        Binding("E", "exits", "Exits in progress", key_display="E"),
        # A priority binding runs as the app reads the key, so the box has the focus before the
        # next key is read: nothing typed right after "/" goes to the table and is lost.
        Binding("slash", "filter", "Filter", key_display="/", priority=True),
        Binding("s", "sort", "Sort"),
        Binding("S", "reverse", "Reverse", show=False),
        Binding("c", "candidates", "Candidates"),
        Binding("f", "former", "Former"),
        Binding("m", "map", "Map"),
        Binding("t", "track_record", "Track record", show=False),
        Binding("x", "dismiss_note", "Hide demo note", show=False),
        Binding("escape", "clear_filter", "Clear filter", show=False),
    ]

    def __init__(self, demo_note: str | None = None) -> None:
        super().__init__()
        self.demo_note = demo_note
        self.view = ClientView([])
        self._names_only = False  # the clients listed by name while the first quarter is scored

    def compose(self) -> ComposeResult:
        if self.demo_note:
            note = Static(Content(safe_text(self.demo_note)), id="demo-note")
            note.tooltip = "Press x or click to hide"
            yield note
        yield PortfolioSummary(id="summary")
        yield Fitted(id="status")
        table = ClientTable(id="clients")
        table.loading = True
        yield table
        yield WhatIfPanel()
        box = OrderedInput(placeholder="filter: name, archetype or action", id="filter")
        box.disabled = True  # out of the focus chain until `/` opens it
        yield box
        yield KeyFooter()

    def on_mount(self) -> None:
        self.watch(self.app, "portfolio", self._show_portfolio)
        self.watch(self.app, "roster", self._show_roster)
        self.watch(self.app, "working", self._show_working)
        self.watch(self.app, "review", self._show_review)
        self.query_one(ClientTable).focus()
        if self.demo_note:
            self._note_seen()

    def _note_seen(self) -> None:
        """Shown once: the next launch opens without the demo note."""
        from health_tui.app.run import DEMO_NOTE_SEEN

        store = self.health_app.store
        self.health_app.run_job(
            lambda con: store.set_setting(DEMO_NOTE_SEEN, "yes", con=con),
            lambda _: None,
            what="remember that the demo note was shown",
        )

    # -- data -------------------------------------------------------------------------------------

    def _show_portfolio(self, portfolio: PortfolioScore | None) -> None:
        if portfolio is None:
            return
        rows = self.health_app.row_index(portfolio)
        # Scores replacing the names: the cursor follows the client the owner moved to; one who
        # has not moved starts at the top of the sorted list, like any first paint.
        table = self.query_one(ClientTable)
        keep = None if self._names_only and table.cursor == 0 else table.current_id
        self._names_only = False
        self._show_rows(
            rows,
            columns_for(
                self._labels(),
                portfolio.currency,
                estimated=portfolio.revenue_estimated,
                as_of=portfolio.as_of,
            ),
            portfolio.currency,
            keep,
        )

    def _show_roster(self, roster: RowIndex | None) -> None:
        """The clients by name while the first quarter is scored; its scores replace them."""
        if roster is None or self.health_app.portfolio is not None:
            return
        self._names_only = True
        table = self.query_one(ClientTable)
        columns = columns_for({}, table.currency, as_of=self.health_app.latest)  # the first scored
        self._show_rows(roster, columns, table.currency, table.current_id)

    def _show_rows(
        self, rows: RowIndex, columns: tuple[Column, ...], currency: str, keep: str | None
    ) -> None:
        """New rows in the table with the sort and the filters kept, the cursor on `keep`."""
        table = self.query_one(ClientTable)
        view = ClientView(rows, columns)
        view.follow(self.view)
        self.view = view
        table.loading = False
        table.show(view, currency, keep)
        if not self.query_one("#filter", Input).has_class("-open"):
            table.focus()
        self._update_header()

    def _labels(self) -> dict[str, str]:
        """Each decided client's label for the quarter on screen, or none before they load."""
        app = self.health_app
        review, portfolio = app.review, app.portfolio
        if review is None or portfolio is None or review.quarter != portfolio.quarter:
            return {}
        return review.labels()

    def _show_review(self, review: ReviewState | None) -> None:
        """Decisions changed (or loaded): the decision column follows, the cursor stays put."""
        portfolio = self.health_app.portfolio
        if review is None or portfolio is None or review.quarter != portfolio.quarter:
            return
        table = self.query_one(ClientTable)
        current = table.current
        self.view.set_columns(
            columns_for(
                review.labels(),
                portfolio.currency,
                estimated=portfolio.revenue_estimated,
                as_of=portfolio.as_of,
            )
        )
        table.columns_changed(current.client_id if current else None)
        self._update_status()

    def _show_working(self, working: str | None) -> None:
        if working is None and self.health_app.portfolio is None:
            # The first scoring failed (the notification says why): stop the spinner, say so.
            self.query_one(ClientTable).loading = False
            # Why, when the settings say it (a rate missing: no quarter would score), else how
            # to try another quarter; the notification that said it is gone in ten seconds.
            why = self.health_app.scoring_error
            self.query_one(PortfolioSummary).failed(
                f"Nothing scored. {why}\nFix it, then quit (q) and open health-tui again."
                if why
                else "Nothing scored yet. Press [ or ] to try another quarter, g to pick one."
            )
            return
        self._update_header()

    def _update_header(self) -> None:
        app = self.health_app
        listed = self.view.rows.active.count(1) if self.view.names_only else 0
        self.query_one(PortfolioSummary).show(app.portfolio, app.working, listed, app.first_start)
        self._update_status()

    def _update_status(self) -> None:
        app = self.health_app
        shown = app.portfolio is not None or self.view.names_only
        parts = self.view.describe() if shown else []
        review = app.review
        if (
            parts
            and app.portfolio is not None
            and review
            and review.decisions
            and review.quarter == app.portfolio.quarter
        ):
            parts.append((3, f"{len(review.decisions):,} decided in {review.quarter}"))
        self.query_one("#status", Fitted).show(
            lambda width: Content.styled(fmt.fit_parts(parts, width), MUTED)
        )

    def _change(self, change: Callable[[ClientView], object]) -> None:
        """Apply `change` to the view, keeping the cursor on the client it was on."""
        table = self.query_one(ClientTable)
        current = table.current
        change(self.view)
        table.reordered(current.client_id if current else None)
        self._update_status()

    def whatif_current(self) -> ClientScore | None:
        return self.query_one(ClientTable).current

    # -- actions ----------------------------------------------------------------------------------

    def action_sort(self) -> None:
        self._change(ClientView.cycle_sort)

    def action_reverse(self) -> None:
        self._change(ClientView.reverse)

    def action_candidates(self) -> None:
        self._change(lambda v: v.set_filters(candidates_only=not v.candidates_only))

    def action_former(self) -> None:
        self._change(lambda v: v.set_filters(show_former=not v.show_former))

    def action_filter(self) -> None:
        box = self.query_one("#filter", Input)
        box.disabled = False
        box.add_class("-open")
        self.set_focus(box)  # now, not after a refresh: the next key must land in the box

    def action_clear_filter(self) -> None:
        box = self.query_one("#filter", Input)
        if self.view.query or box.has_class("-open"):
            box.value = ""
            self._close_filter()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """`x` only while the demo note is there: `?` listed it on every portfolio."""
        if action == "dismiss_note":
            return bool(self.query("#demo-note"))
        return True

    def action_dismiss_note(self) -> None:
        for note in self.query("#demo-note"):
            note.remove()
        self.refresh_bindings()

    def action_review(self) -> None:
        from health_tui.app.screens.review import ReviewScreen

        self.app.push_screen(ReviewScreen())

    def action_checklist(self) -> None:
        from health_tui.app.screens.exits import open_checklist

        current = self.query_one(ClientTable).current
        if current is not None:
            open_checklist(self, current.client_id, current.name)

    def action_exits(self) -> None:
        from health_tui.app.screens.exits import open_exits

        open_exits(self)

    def action_map(self) -> None:
        from health_tui.app.screens.effort_map import MapScreen

        if self.health_app.portfolio is not None:
            current = self.query_one(ClientTable).current
            self.app.push_screen(MapScreen(current.client_id if current else None))

    def action_track_record(self) -> None:
        from health_tui.app.screens.track_record import TrackRecordScreen

        self.app.push_screen(TrackRecordScreen())

    def _close_filter(self) -> None:
        box = self.query_one("#filter", Input)
        box.remove_class("-open")
        box.disabled = True
        self.set_focus(self.query_one(ClientTable))

    @on(Input.Changed, "#filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        # Keys typed while the table was being filtered have each queued a change: only the
        # latest text is filtered on, once, so a burst of keys costs one filtering, not one each.
        if event.value != event.input.value or event.value == self.view.query:
            return
        self._change(lambda v: v.set_filters(query=event.value))

    @on(Input.Submitted, "#filter")
    def _filter_done(self) -> None:
        self._close_filter()

    def on_click(self, event) -> None:
        if getattr(event.widget, "id", None) == "demo-note":
            self.action_dismiss_note()

    @on(ClientTable.HeaderClicked)
    def _header_clicked(self, event: ClientTable.HeaderClicked) -> None:
        self._change(lambda v: v.sort_by(event.column))

    @on(ClientTable.Selected)
    def _open_client(self, event: ClientTable.Selected) -> None:
        from health_tui.app.screens.client import ClientScreen

        self.app.push_screen(ClientScreen(event.client.client_id))
