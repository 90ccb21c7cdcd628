"""The effort-versus-return map without the widget: clients bucketed into terminal cells.

x is effort/return (0-100, left to right), y is health (100 at the top). Each cell holds the clients
that fall in it, so 10,000 clients draw as fast as 10 and the cursor steps between occupied cells.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from health_tui.scoring.models import ClientScore

HEALTH_SPLIT = 55.0  # the scoring rules' default: health below this is poor
EFFORT_SPLIT = 45.0  # and effort/return below this is poor; both poor = exit

Cell = tuple[int, int]  # (column, row), row 0 at the top

QUADRANTS = {
    (True, True): "KEEP",
    (False, True): "REPRICE",
    (True, False): "RECOVER / LISTEN",
    (False, False): "EXIT",
}
"""(effort/return above split, health above split) -> what to do."""

_DIRECTIONS = {"left": (-1, 0), "right": (1, 0), "up": (0, -1), "down": (0, 1)}
_ASPECT = 2.0  # a terminal cell is about twice as tall as it is wide


@dataclass
class MapGrid:
    """Clients placed in a `cols` x `rows` grid of cells."""

    clients: list[ClientScore]
    cols: int
    rows: int
    health_split: float = HEALTH_SPLIT
    effort_split: float = EFFORT_SPLIT
    cells: dict[Cell, list[int]] = field(default_factory=dict)
    where: dict[str, Cell] = field(default_factory=dict)

    def quadrant(self, client: ClientScore) -> str:
        """What to do with a client, by which side of each split it falls."""
        return QUADRANTS[
            (
                (client.effort_return or 0) >= self.effort_split,
                (client.health or 0) >= self.health_split,
            )
        ]

    def column_of(self, effort_return: float) -> int:
        return min(self.cols - 1, max(0, int(effort_return / 100 * self.cols)))

    def row_of(self, health: float) -> int:
        return min(self.rows - 1, max(0, int((100 - health) / 100 * self.rows)))

    def split_column(self) -> int:
        return self.column_of(self.effort_split)

    def split_row(self) -> int:
        return self.row_of(self.health_split)

    def ranges(self, cell: Cell) -> tuple[tuple[float, float], tuple[float, float]]:
        """The effort/return and health ranges a cell covers, for the side panel."""
        col, row = cell
        x0, x1 = col * 100 / self.cols, (col + 1) * 100 / self.cols
        y1, y0 = 100 - row * 100 / self.rows, 100 - (row + 1) * 100 / self.rows
        return (x0, x1), (y0, y1)

    def at(self, cell: Cell) -> list[ClientScore]:
        return [self.clients[i] for i in self.cells.get(cell, ())]

    def step(self, cell: Cell, direction: str) -> Cell | None:
        """The nearest occupied cell in `direction`, favouring cells straight ahead."""
        dx, dy = _DIRECTIONS[direction]
        best: tuple[float, Cell] | None = None
        for other in self.cells:
            ox, oy = other[0] - cell[0], (other[1] - cell[1]) * _ASPECT
            ahead = ox * dx + oy * dy
            if ahead <= 0:
                continue
            aside = abs(ox * dy) + abs(oy * dx)
            cost = ahead + 2 * aside
            if best is None or (cost, other) < best:
                best = (cost, other)
        return best[1] if best else None

    def worst(self) -> Cell | None:
        """The occupied cell nearest the bottom-left corner: where exits are."""
        if not self.cells:
            return None
        return min(self.cells, key=lambda c: (c[0] + (self.rows - 1 - c[1]) * _ASPECT, c))


def placeable(c: ClientScore) -> bool:
    """An active client with both a health and an effort versus return: without either, no place
    on the map (a made-up one would read as a verdict)."""
    return c.active and c.health is not None and c.effort_return is not None


def build_grid(
    clients: Sequence[ClientScore],
    cols: int,
    rows: int,
    splits: tuple[float, float] = (EFFORT_SPLIT, HEALTH_SPLIT),
) -> MapGrid:
    """Bucket active clients; each cell's clients are ordered worst health first.

    `splits` are the effort/return and health below which the scoring rules call a client poor.
    """
    placed = [c for c in clients if placeable(c)]
    grid = MapGrid(placed, max(1, cols), max(1, rows), *splits[::-1])
    for i, c in enumerate(grid.clients):
        cell = (grid.column_of(c.effort_return or 0), grid.row_of(c.health or 0))
        grid.cells.setdefault(cell, []).append(i)
        grid.where[c.client_id] = cell
    for members in grid.cells.values():
        members.sort(key=lambda i: (grid.clients[i].health or 0, grid.clients[i].name.casefold()))
    return grid
