"""A virtual table of clients: only the rows on screen are rendered, each line cached.

Textual's DataTable builds every row up front (1.6 s for 10,000 here); this widget renders lines on
demand through the Line API (`render_line` returning a `Strip`), keeps an LRU of rendered rows keyed by
client and cursor state, and leaves sorting and filtering to `ClientView`, a list of indices.
"""

from __future__ import annotations

from typing import ClassVar

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Region, Size, Spacing
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from health_tui.app.format import fit_name
from health_tui.app.roster import ClientStub
from health_tui.app.table_model import GAP, ClientView, Column, Row, layout, table_width
from health_tui.app.text import safe_text
from health_tui.scoring.models import Band, ClientScore
from health_tui.text import fit

_BAND_CLASS: dict[Band | None, str] = {
    Band.healthy: "client-table--healthy",
    Band.watch: "client-table--watch",
    Band.at_risk: "client-table--at-risk",
    Band.critical: "client-table--critical",
    None: "client-table--no-data",  # not enough data to score health
}


class ClientTable(ScrollView, can_focus=True):
    """The portfolio's clients, one per line under a fixed header; Enter or a click opens one."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "client-table--header",
        "client-table--header-sorted",
        "client-table--cursor",
        "client-table--cursor-blurred",
        "client-table--healthy",
        "client-table--watch",
        "client-table--at-risk",
        "client-table--critical",
        "client-table--no-data",
        "client-table--candidate",
        "client-table--former",
        "client-table--decision",
        "client-table--decision-exit",
        "client-table--marked",
    }

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up,k", "cursor(-1)", "Up", show=False),
        Binding("down,j", "cursor(1)", "Down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("home", "jump(0)", "First", show=False),
        Binding("end", "jump(-1)", "Last", show=False),
        Binding("enter", "select", "Open client"),
    ]

    class Highlighted(Message):
        """The cursor moved to another client (or to none: an empty view)."""

        def __init__(self, client: ClientScore | None) -> None:
            self.client = client
            super().__init__()

    class Selected(Message):
        """The user asked to open a client."""

        def __init__(self, client: ClientScore) -> None:
            self.client = client
            super().__init__()

    class HeaderClicked(Message):
        """A click on a column title: the screen decides how to sort."""

        def __init__(self, column: str) -> None:
            self.column = column
            super().__init__()

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.view = ClientView([])
        self.currency = "EUR"
        self.cursor = 0
        self._widths: list[int] = layout(80)
        self._generation = 0
        self._lines: LRUCache[tuple[int, int, bool, bool, bool], Strip] = LRUCache(1024)
        self._header: Strip | None = None
        self._styles: dict[tuple[str, ...], Style] = {}
        self.marked: frozenset[str] = frozenset()  # clients marked for a what-if

    # -- data -------------------------------------------------------------------------------------

    @property
    def current_row(self) -> Row | None:
        """The row under the cursor: a scored client, or one listed while scoring."""
        if not self.view.order:
            return None
        return self.view.clients[self.view.order[self.cursor]]

    @property
    def current(self) -> ClientScore | None:
        """The scored client under the cursor; None before the quarter's scores arrive."""
        row = self.current_row
        return row if isinstance(row, ClientScore) else None

    @property
    def current_id(self) -> str | None:
        row = self.current_row
        return row.client_id if row is not None else None

    @property
    def columns(self) -> tuple[Column, ...]:
        return self.view.columns

    def show(self, view: ClientView, currency: str, keep_id: str | None = None) -> None:
        """Display a new set of clients (a new quarter, or the scores of the clients listed while
        scoring), keeping the cursor on client `keep_id` if present."""
        self.view = view
        self.currency = currency
        self.columns_changed(keep_id)

    def columns_changed(self, keep_id: str | None = None) -> None:
        """The view's columns or their content changed (decisions recorded): lay out and redraw."""
        width = self.scrollable_content_region.width
        self._widths = layout(width if width > 0 else 80, self.columns, self.view.names.floor)
        self._invalidate()
        self.reordered(keep_id)

    def reordered(self, keep_id: str | None = None) -> None:
        """The view's order changed: resize, and keep the cursor on the same client if it is shown."""
        row = (self.view.row_of(keep_id) if keep_id is not None else None) or 0
        self._header = None
        self.virtual_size = Size(table_width(self._widths), len(self.view.order) + 1)
        self.refresh()
        self._move(row, force=True)

    def set_marked(self, client_ids: tuple[str, ...] | frozenset[str]) -> None:
        """Show a mark (●) before each of these clients: the what-if's marked set."""
        marked = frozenset(client_ids)
        if marked != self.marked:
            self.marked = marked
            self.refresh()

    def _invalidate(self) -> None:
        self._generation += 1
        self._lines.clear()
        self._header = None
        self._styles.clear()

    def _style(self, *components: str) -> Style:
        """The widget's style with components' on top, cached: computing styles is not cheap."""
        style = self._styles.get(components)
        if style is None:
            # Full component styles: Textual blends colours that have alpha (like $text-muted)
            # over the background, which a partial style would leave raw.
            style = self.get_component_rich_style(*components) if components else self.rich_style
            self._styles[components] = style
        return style

    # -- cursor -----------------------------------------------------------------------------------

    def _move(self, row: int, *, force: bool = False) -> None:
        count = len(self.view.order)
        row = max(0, min(row, count - 1)) if count else 0
        old = self.cursor
        self.cursor = row
        if old != row:
            self.refresh_line(old + 1)
        self.refresh_line(row + 1)
        if count:
            self.scroll_to_region(
                Region(0, row + 1, 1, 1), spacing=Spacing(top=1), animate=False, force=True
            )
        if old != row or force:
            self.post_message(self.Highlighted(self.current))

    def action_cursor(self, delta: int) -> None:
        self._move(self.cursor + delta)

    def action_page(self, direction: int) -> None:
        page = max(1, self.scrollable_content_region.height - 1)
        self.scroll_to(y=self.scroll_y + direction * page, animate=False, immediate=True)
        self._move(self.cursor + direction * page)

    def action_jump(self, row: int) -> None:
        self._move(row if row >= 0 else len(self.view.order) - 1)

    def action_select(self) -> None:
        if (client := self.current) is not None:
            self.post_message(self.Selected(client))
        elif (row := self.current_row) is not None:
            self.app.notify(
                safe_text(f"{row.name} opens once the quarter is scored."), markup=False, timeout=3
            )

    async def _on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        if offset.y == 0:
            x = offset.x + round(self.scroll_x)
            for column, width in zip(self.columns, self._widths, strict=True):
                if not width:
                    continue
                if x < width + GAP:
                    self.post_message(self.HeaderClicked(column.key))
                    return
                x -= width + GAP
            return
        row = round(self.scroll_y) + offset.y - 1
        if 0 <= row < len(self.view.order):
            again = row == self.cursor
            self._move(row)
            if again or event.chain > 1:
                self.action_select()

    def _on_focus(self, event: events.Focus) -> None:
        self.refresh_line(self.cursor + 1)

    def _on_blur(self, event: events.Blur) -> None:
        self.refresh_line(self.cursor + 1)

    # -- rendering --------------------------------------------------------------------------------

    def notify_style_update(self) -> None:
        """A theme or CSS change: every cached line carries old colours."""
        super().notify_style_update()
        self._invalidate()
        self.refresh()

    def _on_resize(self, event: events.Resize) -> None:
        widths = layout(self.scrollable_content_region.width, self.columns, self.view.names.floor)
        if widths != self._widths:
            self._widths = widths
            self._invalidate()
            self.virtual_size = Size(table_width(widths), len(self.view.order) + 1)

    def _cells(
        self, cells: list[tuple[str, Style]], base: Style, mark: Segment | None = None
    ) -> Strip:
        """The row's cells, a gap before each; `mark` takes the place of the first gap."""
        segments: list[Segment] = []
        gap = Segment(" " * GAP, base)
        for (text, style), column, width in zip(cells, self.columns, self._widths, strict=True):
            if not width:
                continue  # a column left out at this width
            if column.right:
                text = text.rjust(width)
            segments.append(mark if mark is not None and not segments else gap)
            differs = self.view.names.twins.get(text) if column.flex else None
            segments.append(Segment(fit_name(text, width, differs), style))
        return Strip(segments)

    def _header_strip(self) -> Strip:
        """Column titles; the sorted one is highlighted, with its arrow in a free cell against its
        own title: before a right-aligned title and after a left-aligned one where that cell is
        free, else on its other side (the gap between two columns), never touching another title."""
        if self._header is None:
            base = self._style("client-table--header")
            shown = [(c, w) for c, w in zip(self.columns, self._widths, strict=True) if w]
            line, x = "", 0
            title_at: dict[str, tuple[int, int, int, int, bool]] = {}
            for column, width in shown:
                title = fit(column.title.rjust(width) if column.right else column.title, width)
                size = min(cell_len(column.title), width)
                x += GAP
                title_at[column.key] = (
                    x,
                    x + width - size if column.right else x,
                    width,
                    size,
                    column.right,
                )
                line += " " * GAP + title
                x += width
            placed = title_at.get(self.view.sort_key)
            if placed is None or self.view.names_only:
                self._header = Strip([Segment(line, base)])
                return self._header
            cell, start, width, size, right = placed
            spot = arrow_spot(line, start, start + size, first_before=right)
            line = line[:spot] + ("▼" if self.view.descending else "▲") + line[spot + 1 :]
            low, high = min(cell - GAP, spot), max(cell + width, spot + 1)
            sorted_style = self._style("client-table--header", "client-table--header-sorted")
            parts = [(line[:low], base), (line[low:high], sorted_style), (line[high:], base)]
            self._header = Strip([Segment(text, style) for text, style in parts])
        return self._header

    def _row_strip(self, index: int, is_cursor: bool) -> Strip:
        focused = self.has_focus
        client = self.view.clients[index]
        marked = client.client_id in self.marked
        key = (self._generation, index, is_cursor, focused, marked)
        strip = self._lines.get(key)
        if strip is not None:
            return strip
        columns = self.columns
        if isinstance(client, ClientStub):  # listed while scoring: the name, nothing else yet
            texts = [safe_text(client.name) if c.key == "name" else "" for c in columns]
        else:
            texts = [column.cell(client, self.currency) for column in columns]
        if is_cursor:
            style = self._style(
                "client-table--cursor" if focused else "client-table--cursor-blurred"
            )
            cells = [(text, style) for text in texts]
        else:
            former = () if client.active else ("client-table--former",)
            style = self._style(*former)
            cells = [
                (text, self._cell_style(column.key, text, client, former))
                if isinstance(client, ClientScore)
                else (text, style)
                for column, text in zip(columns, texts, strict=True)
            ]
        mark = None
        if marked:
            mark_style = style if is_cursor else self._style("client-table--marked")
            mark = Segment("●".rjust(GAP), mark_style)
        strip = self._cells(cells, style, mark)
        self._lines[key] = strip
        return strip

    def _cell_style(
        self, key: str, text: str, client: ClientScore, former: tuple[str, ...]
    ) -> Style:
        if key == "mark" or (key == "recommendation" and client.fire_candidate):
            return self._style(*former, "client-table--candidate")
        if key in ("health", "trend"):
            return self._style(*former, _BAND_CLASS[client.band])
        if key == "decision":
            exit_ = "-exit" if text.startswith("exit") else ""
            return self._style(*former, f"client-table--decision{exit_}")
        return self._style(*former)

    def render_line(self, y: int) -> Strip:
        """Line `y` of the widget: the header, or the client at that row of the current view."""
        width = self.scrollable_content_region.width
        scroll_x, scroll_y = self.scroll_offset
        if y == 0:
            strip = self._header_strip()
            style = self._style("client-table--header")
        else:
            row = scroll_y + y - 1
            style = self._style()
            if row >= len(self.view.order):
                return Strip.blank(width, style)
            strip = self._row_strip(self.view.order[row], row == self.cursor)
        return strip.crop_extend(scroll_x, scroll_x + width, style)


def arrow_spot(line: str, start: int, end: int, *, first_before: bool) -> int:
    """Where the sort arrow goes in the header `line` for the title at [start, end): a blank cell
    against the title with a blank (or the line's end) on its far side, so that the arrow touches
    no other title; before the title first when `first_before` (a right-aligned one). A header
    with no such cell loses the title's last letter to the arrow rather than a neighbour's."""

    def blank(i: int) -> bool:
        return 0 <= i < len(line) and line[i] == " "

    before, after = start - 1, end
    fits_before = blank(before) and (before == 0 or blank(before - 1))
    fits_after = blank(after) and (after + 1 == len(line) or blank(after + 1))
    for spot, fits in ((before, fits_before), (after, fits_after))[:: 1 if first_before else -1]:
        if fits:
            return spot
    return end - 1
