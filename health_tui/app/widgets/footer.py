"""Textual's footer, leaving out the keys that do not fit whole instead of cutting one mid-word."""

from __future__ import annotations

from collections.abc import Hashable

from textual import events
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer
from textual.widgets._footer import FooterKey  # not exported; the keys the footer yields

_TRIES = 5  # refreshes to wait for new keys to be laid out before measuring them


class KeyFooter(Footer):
    """The screen's keys, as many as fit whole: Textual's footer clips the row at the window's edge,
    so at 120 columns the portfolio's showed "f F" before the palette key, and at 80 columns a
    screen's footer often ended in half a word. The last keys go first; `?` lists every key and the
    command palette finds every action, and a wider window shows them again."""

    _shown: Hashable = None  # the keys as last composed (`_keys`)

    def compose(self) -> ComposeResult:
        # Composed again whenever the screen's keys change (a dialog closed, a key disabled): each
        # time, the new keys are measured once laid out.
        self._shown = self._keys()
        for widget in super().compose():
            if isinstance(widget, FooterKey) and not widget.has_class("-command-palette"):
                _settled(widget, self.compact)
            yield widget
        self.call_after_refresh(self._fit)

    def bindings_changed(self, screen: Screen) -> None:
        """Textual composes the footer again, every key a new widget, whenever the screen says its
        keys may have changed: at every move of the focus, most often to the same keys (nine
        tenths of the widgets an app test mounted were footer keys). Composed only when what it
        shows changed."""
        self._bindings_ready = True
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen:
            self.call_after_refresh(self._compose_if_changed)

    async def _compose_if_changed(self) -> None:
        if self.is_attached and self._keys() != self._shown:
            await self.recompose()

    def _keys(self) -> Hashable:
        """What `Footer.compose` draws from: each binding (a frozen dataclass: key, label,
        action, group...) with whether it is enabled and its tooltip, and the footer's options."""
        if not self._bindings_ready:
            return None
        bindings = tuple(
            (key, binding, enabled, tooltip)
            for key, (_, binding, enabled, tooltip) in self.screen.active_bindings.items()
        )
        return (self.compact, self.show_command_palette, bindings)

    def on_resize(self, event: events.Resize) -> None:
        for key in self.children:
            key.display = True  # laid out again whole, then measured
        self.call_after_refresh(self._fit)

    def _fit(self, tries: int = _TRIES) -> None:
        """Hide every key from the first that would end past the palette key (or the edge)."""
        keys = list(self.children)
        if any(k.region.width == 0 for k in keys if k.display):
            # not mounted or not laid out yet: keys shown again after a resize behind another
            # screen are laid out a refresh after the others
            if tries > 1:
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


def _settled(key: FooterKey, compact: bool) -> None:
    """Give each new key the footer's `compact` before it is mounted. A key starts compact and is
    bound to the footer's (not compact): mounted as it comes, each key had its styles worked out
    again twice, once for each change of class, and the footer is composed again at every move of
    the focus (a sixth of an app test's time went there). The palette key is not bound: it stays
    compact, as Textual shows it."""
    key.set_reactive(FooterKey.compact, compact)
    key.set_class(compact, "-compact", update=False)


def _blank_end(key: Widget) -> int:
    """The blank cells a key ends in (its description's right padding): they may go under the
    palette key's edge, the words still whole ("t Timeline" right up against it at 80 columns)."""
    if not getattr(key, "description", ""):
        return 0
    return key.get_component_styles("footer-key--description").padding.right
