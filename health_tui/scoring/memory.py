"""Keeping Python's garbage collector out of the way of a big scoring, for the CLI and the app alike.

Scoring builds hundreds of thousands of objects that hold no reference cycles (about 300k at 10,000
clients, 1.5 million at 50,000). The cyclic collector's passes over them cost a third of the
scoring time, and once scoring ends every later pass walks them again: a young-generation pass of
half a second at 50k the moment it ends, then full passes of over a second, on whichever thread
allocates next and holding the interpreter lock (a key pressed in the app waits that long). So the
collector waits while scoring runs, and what is alive at the end is frozen (`gc.freeze`): never
walked again, yet still freed by reference counting as soon as nothing refers to it.

Scorings may overlap (the app's worker and a report written from the app): a count of those under
way re-enables the collector only when the last one ends. Whatever is alive at a freeze stays
unvisited by the collector; objects with cycles made before it (a closed screen, say) are then only
reclaimed at exit, a small cost against pauses of a second.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_under_way = 0  # scorings in progress, in any thread
_was_enabled = True


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the collector for the block; freeze what it made if the block succeeds."""
    global _under_way, _was_enabled
    with _lock:
        if _under_way == 0:
            _was_enabled = gc.isenabled()
        _under_way += 1
        gc.disable()
    ok = False
    try:
        yield
        ok = True
    finally:
        with _lock:
            if ok:
                gc.freeze()
            _under_way -= 1
            if _under_way == 0 and _was_enabled:
                gc.enable()
