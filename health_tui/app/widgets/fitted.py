"""A panel whose content is made for its width, and made again whenever that width changes."""

from __future__ import annotations

from collections.abc import Callable

from textual.content import Content
from textual.widgets import Static

Make = Callable[[int], Content]
"""The content for a width in cells (0: not laid out yet)."""


class Fitted(Static):
    """Shows `make(width)`: text wrapped under its own columns (app/format.py `wrap_under`) reads
    right only at the width it was wrapped to. Made again at every new width, the first layout
    after the panel was hidden included (its width is 0 until then)."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._make: Make | None = None
        self._width = -1

    def show(self, make: Make) -> None:
        self._make = make
        self._width = self.content_region.width
        self.update(make(self._width))

    def on_resize(self) -> None:
        width = self.content_region.width
        if self._make is not None and width != self._width:
            self._width = width
            self.update(self._make(width))
