"""The only code that opens DuckDB: connection, migrations and the query loader."""

from health_tui.store.connection import Store, open_store, opened_store
from health_tui.store.queries import load_query

__all__ = ["Store", "load_query", "open_store", "opened_store"]
