"""The review's small reads and writes: one at a time, in the order asked, on one thread and cursor.

Scoring reads a whole quarter in its own worker; everything the owner records (a decision, a checklist
step, a letter) goes through this queue instead. One thread keeps the writes in the order they were
made, so two quick presses on the same step can never be committed the other way round, and a read
queued after a write always sees it. Each job commits before it returns, so what a screen shows as
saved (it does so when the job's result arrives) is on disk.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TypeVar

import duckdb

from health_tui.store import Store

T = TypeVar("T")
Job = Callable[[duckdb.DuckDBPyConnection], T]
"""A job takes the queue's own cursor and returns what the screen needs to show the result."""


class StoreJobs:
    """A single-thread queue of store jobs; `close` waits for every job already queued."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="health-tui-store")
        self._cursor: duckdb.DuckDBPyConnection | None = None  # made and used only on that thread
        self._closed = False

    def submit(self, job: Job[T]) -> Future[T]:
        if self._closed:
            raise RuntimeError("the store queue is closed")
        return self._pool.submit(self._run, job)

    def _run(self, job: Job[T]) -> T:
        if self._cursor is None:
            self._cursor = self.store.cursor()
        return job(self._cursor)

    def _close_cursor(self) -> None:
        if self._cursor is not None:
            self._cursor.close()
            self._cursor = None

    def close(self) -> None:
        """Finish the jobs already queued (nothing recorded is dropped), then stop the thread."""
        if self._closed:
            return
        self._closed = True
        self._pool.submit(self._close_cursor)
        self._pool.shutdown(wait=True)
