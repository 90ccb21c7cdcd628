"""A text box whose every key takes effect in the order it was typed, however busy the screen.

Every text box of the app is one: the filter, the record forms, the corrections, the dialogs.

Textual inserts a typed character in the box's own message queue, but runs the box's bindings
(backspace, delete, the arrows) only once the key has bubbled up through the screen to the app.
While the screen is busy, say filtering 10,000 clients after the previous key, a backspace then
comes back after the characters typed behind it: "law", three backspaces and "champ" gave "lawch"
or "lhamp". This box runs its own bindings where the key arrives, so nothing can overtake it.
"""

from __future__ import annotations

from typing import Any

from textual import events
from textual.widgets import Input

from health_tui.app.typed_ahead import TypedAhead


class OrderedInput(Input):
    """An `Input` that handles its own keys (characters and bindings alike) in arrival order."""

    def __init__(self, *args: Any, answers: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.answers = answers
        """Enter gives its box's answer (a note box): keys typed behind it are not the box's."""
        self._answered = False

    async def _on_key(self, event: events.Key) -> None:
        app = self.app
        if self._answered and isinstance(app, TypedAhead):  # typed behind the answer
            event.stop()
            event.prevent_default()
            app.hand_back(event)
            return
        if self.screen is not app.screen and isinstance(app, TypedAhead):
            # typed behind a key that closed or covered this box (Escape): for what is on top
            event.stop()
            event.prevent_default()
            await app.hand_on(event)
            return
        for binding in self._bindings.key_to_bindings.get(event.key, ()):
            if binding.action == "submit" and self.answers and isinstance(app, TypedAhead):
                self._answered = True
                app.hold_keys(self.screen)
            if not binding.priority and await self.app.run_action(binding.action, self):
                event.stop()  # done here: it must not bubble up and run a second time
                event.prevent_default()
                return
        if not event.is_printable:  # the box's own keys (Escape: cancel), here, in order too
            screen = self.screen
            for binding in screen._bindings.key_to_bindings.get(event.key, ()):
                if not binding.priority and await self.app.run_action(binding.action, screen):
                    event.stop()
                    event.prevent_default()
                    return
