"""Loads SQL from `queries/NAME.sql`: every statement the app runs lives there, named for what it returns."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import duckdb

_PACKAGED = Path(__file__).resolve().parent.parent / "queries"  # inside an installed wheel
_SOURCE = Path(__file__).resolve().parent.parent.parent / "queries"  # in a source checkout


def queries_dir() -> Path:
    return _PACKAGED if _PACKAGED.is_dir() else _SOURCE


@cache
def load_query(name: str) -> str:
    """Return the text of `queries/{name}.sql`; an unknown name is a programming error and fails loudly."""
    path = queries_dir() / f"{name}.sql"
    if not path.is_file():
        raise KeyError(f"no query named {name!r} in {queries_dir()}")
    return path.read_text(encoding="utf-8")


# Each query file's statement as DuckDB parsed it the first time it ran. Parsing is paid on every
# `execute` of a text (22 ms for the facts query, a fifth of what scoring 8 clients costs); a parsed
# statement is copied for each run, so one parse serves every connection and thread.
_PARSED: dict[str, duckdb.Statement | str] = {}


def statement(name: str, con: duckdb.DuckDBPyConnection) -> duckdb.Statement | str:
    """`queries/{name}.sql` parsed once (by `con`); a file of several statements stays text, and
    DuckDB runs them in turn. A parse keeps the parser settings of the connection that made it
    (`integer_division`, say): every connection is opened with the same config and none changes
    them, so one parse reads the same everywhere."""
    found = _PARSED.get(name)
    if found is None:
        text = load_query(name)
        parsed = con.extract_statements(text)
        found = _PARSED[name] = parsed[0] if len(parsed) == 1 else text
    return found
