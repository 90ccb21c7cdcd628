"""Textual's footer, leaving out the keys that do not fit whole instead of cutting one mid-word."""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.widget import Widget
from textual.widgets import Footer

_TRIES = 5  # refreshes to wait for new keys to be laid out before measuring them


class KeyFooter(Footer):
    """The screen's keys, as many as fit whole: Textual's footer clips the row at the window's edge,
    so at 120 columns the portfolio's showed "f F" before the palette key, and at 80 columns a
    screen's footer often ended in half a word. The last keys go first; `?` lists every key and the
    command palette finds every action, and a wider window shows them again."""

    def compose(self) -> ComposeResult:
        # Composed again whenever the screen's keys change (a dialog closed, the focus moved): each
        # time, the new keys are measured once laid out.
        yield from super().compose()
        self.call_after_refresh(self._fit)

    def on_resize(self, event: events.Resize) -> None:
        for key in self.children:
            key.display = True  # laid out again whole, then measured
        self.call_after_refresh(self._fit)

    def _fit(self, tries: int = _TRIES) -> None:
        """Hide every key from the first that would end past the palette key (or the edge)."""
        keys = list(self.children)
        if all(k.region.width == 0 for k in keys if k.display):
            if tries > 1:  # not mounted or not laid out yet
                self.call_after_refresh(self._fit, tries - 1)
            return
        palette = [k for k in keys if k.has_class("-command-palette")]
        limit = palette[0].region.x if palette else self.content_region.right
        cut = False
        for key in keys:
            if key in palette or not key.display:
                continue
            cut = cut or key.region.right - _blank_end(key) > limit
            if cut:
                key.display = False


def _blank_end(key: Widget) -> int:
    """The blank cells a key ends in (its description's right padding): they may go under the
    palette key's edge, the words still whole ("t Timeline" right up against it at 80 columns)."""
    if not getattr(key, "description", ""):
        return 0
    return key.get_component_styles("footer-key--description").padding.right
