"""Shared fixtures: every test database is built from checked-in data through the real code paths."""

from __future__ import annotations

from pathlib import Path

import pytest

from health_tui.store import open_store

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "portfolio.duckdb"


@pytest.fixture
def store(db_path: Path):
    s = open_store(db_path)
    yield s
    s.close()
