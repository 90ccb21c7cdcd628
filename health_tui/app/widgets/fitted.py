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
    after the panel was hidden included (its width is 0 until then). A plain `Content` (a line
    while loading, a message) is shown as it is, whatever the width."""

    def __init__(
        self, content: Content | Make | None = None, *, id: str | None = None,
        classes: str | None = None,
    ) -> None:  # fmt: skip
        self._make = _maker(content if content is not None else Content(""))
        self._width = 0
        super().__init__(self._make(0), id=id, classes=classes)

    def show(self, content: Content | Make) -> None:
        self._make = _maker(content)
        self._width = self.content_region.width
        self.update(self._make(self._width))

    def on_resize(self) -> None:
        width = self.content_region.width
        if width != self._width:
            self._width = width
            self.update(self._make(width))


def _maker(content: Content | Make) -> Make:
    if isinstance(content, Content):
        return lambda _width: content
    return content
