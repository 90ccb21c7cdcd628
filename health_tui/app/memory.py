"""Freeing a replaced quarter's scores without stopping the screen.

The scoring worker keeps the collector paused while it scores and builds the table's indexes, then
freezes what it made (`scoring.memory.collector_paused`, shared with the CLI). Freeing 50,000 scores
at once is slow too, so a replaced quarter is freed piece by piece on a thread of its own.
"""

from __future__ import annotations

import queue
import threading
import time

_lock = threading.Lock()


_graveyard: queue.SimpleQueue[list[object]] = queue.SimpleQueue()
_reaper: threading.Thread | None = None
CHUNK = 256  # objects freed between two chances for the screen's thread to run
SETTLE = 0.5  # seconds for the screens to let go of a replaced quarter first


def release_later(objects: list[object]) -> None:
    """Free `objects` (a replaced quarter's scores) a few at a time on a thread of their own.

    Freeing 50,000 scores at once is one uninterruptible C call of a third of a second wherever the
    last reference goes, the screen's thread included. Handed here (a list of references of our
    own), they are freed in small pieces; anything still in use elsewhere simply lives on.
    """
    global _reaper
    _graveyard.put(objects)
    with _lock:
        if _reaper is None:
            _reaper = threading.Thread(target=_reap, name="health-tui-release", daemon=True)
            _reaper.start()


def _reap() -> None:
    while True:
        objects = _graveyard.get()
        time.sleep(SETTLE)
        while objects:
            del objects[-CHUNK:]
