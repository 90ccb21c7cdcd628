"""Textual's footer, leaving out the keys that do not fit whole instead of cutting one mid-word."""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.widgets import Footer


class KeyFooter(Footer):
    """The screen's keys, as many as fit whole: Textual's footer clips the row at the window's edge,
    so at 120 columns the portfolio's showed "f F" before the palette key, and at 80 columns a
    screen's footer often ended in half a word. The last keys go first; `?` lists every key and the
    command palette finds every action, and a wider window shows them again."""

    def compose(self) -> ComposeResult:
        yield from super().compose()
        self.call_after_refresh(self._fit)  # measured once laid out, after every recompose

    def on_resize(self, event: events.Resize) -> None:
        for key in self.children:
            key.display = True  # laid out again whole, then measured
        self.call_after_refresh(self._fit)

    def _fit(self) -> None:
        """Hide every key from the first that would end past the palette key (or the edge)."""
        palette = [k for k in self.children if k.has_class("-command-palette")]
        limit = palette[0].region.x if palette else self.content_region.right
        cut = False
        for key in self.children:
            if key in palette or not key.display:
                continue
            cut = cut or key.region.right > limit
            if cut:
                key.display = False
