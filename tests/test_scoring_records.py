"""Score records built without validation read exactly as validated ones, and the fields worked out
on first read (why health moved, the reasons) read the same whatever reads them first."""

from __future__ import annotations

import pickle
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

from health_tui.demo import generate_demo
from health_tui.output import render_scores
from health_tui.scoring.engine import score_portfolio
from health_tui.scoring.models import ClientScore, PortfolioScore
from health_tui.store import Store, open_store
from tests.conftest import small_copy

AS_OF = date(2026, 9, 30)


@pytest.fixture(scope="module", params=["small", "demo"])
def store(request, tmp_path_factory) -> Store:
    path = tmp_path_factory.mktemp("records") / "portfolio.duckdb"
    if request.param == "small":
        s = open_store(small_copy(path))
    else:
        s = open_store(path)
        generate_demo(s, clients=60, seed=7, as_of=AS_OF)
    yield s
    s.close()


def _typed(value: Any) -> Any:
    """A value with the exact type of everything in it: 1 and 1.0 differ (JSON writes them so)."""
    if isinstance(value, BaseModel):
        return (type(value).__name__, [(k, _typed(v)) for k, v in vars(value).items()])
    if isinstance(value, list):
        return [_typed(v) for v in value]
    if isinstance(value, dict):
        return [(k, _typed(v)) for k, v in value.items()]
    return (type(value).__name__, value)


def test_a_scored_record_is_what_validating_it_gives(store: Store) -> None:
    """Every field in field order, of its declared type, within its bounds: JSON, CSV and the
    screens read the same record as if pydantic had checked it."""
    p = score_portfolio(store, AS_OF)
    assert p.clients
    for c in p.clients:
        validated = ClientScore.model_validate(c.model_dump())
        assert list(vars(c)) == list(ClientScore.model_fields)
        assert _typed(c) == _typed(validated), c.client_id
        assert c == validated


def _scored(store: Store) -> PortfolioScore:
    return score_portfolio(store, AS_OF)


def test_reasons_read_the_same_whatever_reads_them_first(store: Store) -> None:
    """The JSON written straight after scoring, after the screens read each client's reasons, or
    after a copy of each record was read: the same bytes."""
    direct = render_scores(_scored(store), "json")

    shown = _scored(store)
    for c in reversed(shown.clients):
        assert isinstance(c.reasons, list) and all(isinstance(r, str) for r in c.reasons)
        assert c.moved_text is None or c.moved_text.startswith("since ")
    assert render_scores(shown, "json") == direct

    copied = _scored(store)
    copies = [c.model_copy() for c in copied.clients]
    assert [c.reasons for c in copies] == [c.reasons for c in copied.clients]
    assert render_scores(copied.model_copy(update={"clients": copies}), "json") == direct


def test_a_record_compares_and_prints_with_its_reasons(store: Store) -> None:
    """Two scorings of the same data are equal records, read or not, copied or pickled; a record's
    repr quotes its reasons (as a test failure or a log shows it)."""
    a, b = _scored(store), _scored(store)
    first = a.clients[0]
    assert "Later" not in repr(b.clients[0])
    assert f"reasons={first.reasons!r}" in repr(b.clients[0])
    assert a.clients == b.clients
    assert all(c == c.model_copy() for c in _scored(store).clients)
    fresh = _scored(store).clients[1]
    assert pickle.loads(pickle.dumps(fresh)) == a.clients[1]


def test_reasons_given_to_the_constructor_are_kept(tmp_path: Path) -> None:
    """A record made from values (a test's, an import's) keeps the reasons it was given."""
    p = _scored_small(tmp_path)
    c = p.clients[0]
    made = ClientScore(**{**c.model_dump(), "reasons": ["Given."]})
    assert made.reasons == ["Given."]
    assert made.model_dump()["reasons"] == ["Given."]
    assert list(vars(made)) == list(ClientScore.model_fields)


def _scored_small(tmp_path: Path) -> PortfolioScore:
    s = open_store(small_copy(tmp_path / "small.duckdb"))
    try:
        return score_portfolio(s, AS_OF)
    finally:
        s.close()
