"""Keeping Python's garbage collector from stopping the screen after a big scoring.

Scoring 50,000 clients leaves about 1.5 million objects behind (the scores the screens show). Left to
the collector, each is walked again as it ages: a young-generation pass of half a second the moment
scoring ends, and later full passes over everything of more than a second, run on whichever thread
allocates next, holding the interpreter lock: a key pressed then waited that long. The scoring worker
pauses the collector while it scores (the engine does too) and then freezes what it made: frozen
objects are never walked again, and are still freed as soon as nothing refers to them (the scores
hold no reference cycles), so replacing a quarter's scores returns their memory as before. Freeing
them is slow too, so a replaced quarter is freed piece by piece on a thread of its own.
"""

from __future__ import annotations

import gc
import queue
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_paused = 0  # scorings under way: a late one that was cancelled may still be running


@contextmanager
def scoring_memory() -> Iterator[None]:
    """Pause the collector for the block; freeze what it made if the block succeeds."""
    global _paused
    with _lock:
        _paused += 1
        gc.disable()
    ok = False
    try:
        yield
        ok = True
    finally:
        with _lock:
            if ok:
                gc.freeze()
            _paused -= 1
            if _paused == 0:
                gc.enable()


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
