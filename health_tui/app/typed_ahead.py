"""Keys typed ahead reach the screen they were typed for, in the order typed.

A terminal sends keys in bursts (a paste, a lagging connection, tmux): `k ⏎ k ⏎` arrives at
once. Textual hands each key to the screen on top *when it reads the key*, into that screen's
own queue, and only then does the screen act on it: here the first `k` opens a note box, but the
`⏎ k ⏎` behind it had already been handed to the review under the box, where they did nothing;
and keys handed to a note box after its Enter went into the box being closed. The second client
was left without a decision, nothing said.

So, the two rules here:
- a key that comes back to the app unhandled from a screen no longer on top was typed after the
  key that changed the screen: it is handed again, to the screen now on top;
- a box that has taken its answer (`hold_keys_for`) holds the keys that reach it until its
  answer has been taken by the screen under it (`release_keys`), then they are handed on.
"""

from __future__ import annotations

from collections import deque
from functools import partial

from textual import events, on
from textual.app import App
from textual.screen import Screen

HOLD_AT_MOST = 2.0  # seconds a box's answer may take before its keys go on anyway
_TYPED_ON = "_health_typed_on"  # the screen on top when the app handed the key on


class TypedAhead(App[None]):
    """The App's half: remembers where each key was handed, hands it again where it belongs."""

    def __init__(self) -> None:
        super().__init__()
        self._waiting: deque[tuple[str, str | None]] = deque()  # keys held, in the order typed
        self._holding: Screen | None = None  # the box whose answer is being taken
        self._taken_back = 0  # keys a box handed back: before the ones held here since

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key) and not event.is_forwarded:
            await self._hand_on(event.key, event.character)
            return
        await super().on_event(event)

    async def _hand_on(self, key: str, character: str | None) -> None:
        """The key to what is on top now, as Textual would; behind the keys held, if any."""
        if self._holding is not None or self._waiting:
            self._waiting.append((key, character))
            return
        await self._hand(key, character)

    async def _hand(self, key: str, character: str | None) -> None:
        event = events.Key(key, character)
        setattr(event, _TYPED_ON, self.screen)
        await super().on_event(event)

    @on(events.Key)
    async def _key_came_back(self, event: events.Key) -> None:
        """A key no screen handled: if the screen it was handed to is no longer on top, the key
        belongs to the one that is."""
        typed_on = getattr(event, _TYPED_ON, None)
        if typed_on is None or typed_on is self.screen:
            return  # the app's own bindings take it, as always
        event.prevent_default()
        event.stop()
        await self._hand_on(event.key, event.character)

    async def hand_on(self, event: events.Key) -> None:
        """A key a box received after it was closed or covered: to what is on top now."""
        await self._hand_on(event.key, event.character)

    def hold_keys(self, box: Screen) -> None:
        """`box` has its answer: keys typed from now on wait until the answer has been taken."""
        self._holding = box
        self._taken_back = 0
        # a box that never has its answer taken must not keep the keyboard: after a while, the
        # keys go on as they are
        self.set_timer(HOLD_AT_MOST, partial(self.release_keys, box))

    def hand_back(self, event: events.Key) -> None:
        """A key handed to the box before it had its answer: it goes before those held since."""
        self._waiting.insert(self._taken_back, (event.key, event.character))
        self._taken_back += 1

    async def release_keys(self, box: Screen) -> None:
        """`box`'s answer has been taken: the keys held are handed on, in order, to what is on
        top. A key that opens another box that answers holds the rest again, behind it."""
        if self._holding is not box:
            return  # not holding, or for another box
        self._holding = None
        while self._waiting and self._holding is None:
            await self._hand(*self._waiting.popleft())
