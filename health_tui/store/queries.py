"""Loads SQL from `queries/NAME.sql`: every statement the app runs lives there, named for what it returns."""

from __future__ import annotations

from functools import cache
from pathlib import Path

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
