"""The effort-versus-return scatter, drawn line by line from a `MapGrid` of bucketed clients.

A cell shows ● for one client, a digit for up to nine, and shading for more; the quadrant it sits in
gives its colour and the label in the corner says what to do there.
"""

from __future__ import annotations

from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.strip import Strip
from textual.widget import Widget

from health_tui.app.map_model import EFFORT_SPLIT, HEALTH_SPLIT, Cell, MapGrid, build_grid
from health_tui.scoring.models import ClientScore

GUTTER = 5  # "100 │"
AXIS_NAME = "health"  # written down the gutter, a letter a row, under "100"
_QUADRANT_CLASS = {
    "KEEP": "effort-map--keep",
    "REPRICE": "effort-map--reprice",
    "RECOVER / LISTEN": "effort-map--recover",
    "EXIT": "effort-map--exit",
}


def glyph(count: int) -> str:
    if count == 1:
        return "●"
    if count < 10:
        return str(count)
    return "▒" if count < 50 else "█"


class EffortMap(Widget, can_focus=True):
    """Arrow keys step to the nearest occupied cell; n/p pick a client within it; Enter opens it."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "effort-map--keep",
        "effort-map--reprice",
        "effort-map--recover",
        "effort-map--exit",
        "effort-map--cursor",
        "effort-map--axis",
        "effort-map--label",
    }
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left,h", "move('left')", "Left", show=False),
        Binding("right,l", "move('right')", "Right", show=False),
        Binding("up,k", "move('up')", "Up", show=False),
        Binding("down,j", "move('down')", "Down", show=False),
        Binding("n", "pick(1)", "Next in cell"),
        Binding("p", "pick(-1)", "Prev in cell", show=False),
        Binding("enter", "select", "Open client"),
    ]

    class Moved(Message):
        """The cursor is on another cell, or another client in it."""

        def __init__(self, grid: MapGrid, cell: Cell | None, picked: int) -> None:
            self.grid = grid
            self.cell = cell
            self.picked = picked
            super().__init__()

    class Selected(Message):
        def __init__(self, client: ClientScore) -> None:
            self.client = client
            super().__init__()

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.clients: list[ClientScore] = []
        self.splits = (EFFORT_SPLIT, HEALTH_SPLIT)
        self.grid = build_grid([], 1, 1)
        self.cell: Cell | None = None
        self.picked = 0
        self._labels: dict[Cell, str] = {}

    @property
    def current(self) -> ClientScore | None:
        members = self.grid.at(self.cell) if self.cell else []
        return members[self.picked % len(members)] if members else None

    def show(
        self,
        clients: list[ClientScore],
        keep_id: str | None = None,
        splits: tuple[float, float] = (EFFORT_SPLIT, HEALTH_SPLIT),
    ) -> None:
        """Place `clients`; keep the cursor on client `keep_id` (or the current one) if present."""
        current = self.current
        keep_id = keep_id or (current.client_id if current else None)
        self.clients = clients
        self.splits = splits
        self._rebuild(keep_id)

    def _rebuild(self, keep_id: str | None) -> None:
        cols = max(1, self.size.width - GUTTER)
        rows = max(1, self.size.height - 2)
        self.grid = build_grid(self.clients, cols, rows, self.splits)
        self._labels = self._place_labels()
        self.cell = self.grid.where.get(keep_id or "") or self.grid.worst()
        self.picked = 0
        if keep_id and self.cell:
            ids = [c.client_id for c in self.grid.at(self.cell)]
            self.picked = ids.index(keep_id) if keep_id in ids else 0
        self.refresh()
        self.post_message(self.Moved(self.grid, self.cell, self.picked))

    def _place_labels(self) -> dict[Cell, str]:
        g = self.grid
        labels: dict[Cell, str] = {}
        last = g.rows - 1
        places = {
            "REPRICE": (0, 0, False),
            "KEEP": (g.cols, 0, True),
            "EXIT": (0, last, False),
            "RECOVER / LISTEN": (g.cols, last, True),
        }
        for text, (x, y, right) in places.items():
            start = x - len(text) if right else x
            for i, ch in enumerate(text):
                if 0 <= start + i < g.cols:
                    labels[(start + i, y)] = ch
        return labels

    def on_resize(self, event: events.Resize) -> None:
        current = self.current
        self._rebuild(current.client_id if current else None)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self.refresh()

    # -- actions ----------------------------------------------------------------------------------

    def action_move(self, direction: str) -> None:
        if self.cell is None:
            return
        target = self.grid.step(self.cell, direction)
        if target is not None:
            self.cell, self.picked = target, 0
            self.refresh()
            self.post_message(self.Moved(self.grid, self.cell, self.picked))

    def action_pick(self, step: int) -> None:
        if self.cell is None:
            return
        count = len(self.grid.cells.get(self.cell, ()))
        self.picked = (self.picked + step) % max(1, count)
        self.post_message(self.Moved(self.grid, self.cell, self.picked))

    def action_select(self) -> None:
        if (client := self.current) is not None:
            self.post_message(self.Selected(client))

    async def _on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        cell = (offset.x - GUTTER, offset.y)
        if cell in self.grid.cells:
            again = cell == self.cell
            self.cell, self.picked = cell, 0
            self.refresh()
            self.post_message(self.Moved(self.grid, self.cell, self.picked))
            if again or event.chain > 1:
                self.action_select()

    # -- rendering --------------------------------------------------------------------------------

    def _style(self, name: str) -> Style:
        return self.rich_style + self.get_component_rich_style(name, partial=True)

    def render_line(self, y: int) -> Strip:
        """A row of the map: its health tick and the axis name in the gutter, then its cells;
        under them the effort / return axis."""
        g = self.grid
        axis = self._style("effort-map--axis")
        width = self.size.width
        if y == g.rows:
            return Strip([Segment("    └" + "─" * g.cols, axis)]).adjust_cell_length(width)
        if y == g.rows + 1:
            mid = g.split_column()
            ticks = [" "] * (g.cols + GUTTER)
            split = f"{g.effort_split:.0f}"
            for x, text in ((GUTTER, "0"), (GUTTER + mid, split), (GUTTER + g.cols - 3, "100")):
                ticks[x : x + len(text)] = list(text)
            line = "".join(ticks)
            after_split = GUTTER + mid + len(split) + 1
            spaces = ((GUTTER + 2, GUTTER + mid - 1), (after_split, GUTTER + g.cols - 4))
            placed = False
            for name in (" effort / return →", " E/R →"):  # the axis name, where it fits
                for start, end in spaces:
                    if not placed and start + len(name) <= end:
                        line = line[:start] + name + line[start + len(name) :]
                        placed = True
            return Strip([Segment(line[:width], axis)]).adjust_cell_length(width)
        if y > g.rows:
            return Strip.blank(width, self.rich_style)
        split_row, split_col = g.split_row(), g.split_column()
        label = {0: "100", split_row: f"{g.health_split:>3.0f}", g.rows - 1: "  0"}.get(y, "   ")
        if 0 < y <= len(AXIS_NAME) < split_row:  # the axis named down its gutter, where it fits
            label = f" {AXIS_NAME[y - 1]} "
        segments = [Segment(f"{label} │", axis)]
        label_style = self._style("effort-map--label")
        cursor = self._style("effort-map--cursor")
        for x in range(g.cols):
            members = g.cells.get((x, y))
            if members:
                name = g.quadrant(g.clients[members[0]])
                style = cursor if (x, y) == self.cell else self._style(_QUADRANT_CLASS[name])
                segments.append(Segment(glyph(len(members)), style))
            elif (x, y) in self._labels:
                segments.append(Segment(self._labels[(x, y)], label_style))
            elif x == split_col and y == split_row:
                segments.append(Segment("┼", axis))
            elif x == split_col:
                segments.append(Segment("┆", axis))
            elif y == split_row:
                segments.append(Segment("┄", axis))
            else:
                segments.append(Segment(" ", self.rich_style))
        return Strip(segments).simplify().adjust_cell_length(width, self.rich_style)
