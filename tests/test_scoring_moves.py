"""Why health moved: whatever the components and weights, the per-component changes add up to the
change of the whole-point health shown, and the waterfall's whole points do too."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from health_tui.scoring.measures import component_changes, contributions, whole
from health_tui.scoring.models import COMPONENTS, whole_moves

score = st.one_of(st.none(), st.floats(0, 100, allow_nan=False))
scores = st.fixed_dictionaries({name: score for name in COMPONENTS})
weights = st.fixed_dictionaries({name: st.floats(0.01, 5, allow_nan=False) for name in COMPONENTS})


def health(components: dict[str, float | None], w: dict[str, float]) -> float | None:
    """Health as the facts query computes it: the weighted mean of the components with data."""
    if all(v is None for v in components.values()):
        return None
    return whole(sum(contributions(components, w).values()))


@given(now=scores, before=scores, w=weights)
def test_component_changes_add_up_to_the_health_change(now, before, w) -> None:
    h_now, h_before = health(now, w), health(before, w)
    if h_now is None or h_before is None:
        return
    change = h_now - h_before
    changes = component_changes(now, before, w, change)
    assert abs(sum(changes.values()) - change) < 1e-9
    assert all(round(v, 1) == v for v in changes.values())  # tenths of a point
    # each stays within rounding of its true contribution (the two healths' rounding is spread)
    a, b = contributions(now, w), contributions(before, w)
    assert all(abs(v - (a[k] - b[k])) <= 1.3 for k, v in changes.items())
    moves = whole_moves(changes, change)
    assert sum(v for _, v in moves) == change
    assert all(v != 0 for _, v in moves)
    assert [abs(v) for _, v in moves] == sorted((abs(v) for _, v in moves), reverse=True)


def test_a_component_that_lost_its_data_gives_its_weight_back() -> None:
    w = dict.fromkeys(COMPONENTS, 0.2)
    before = dict.fromkeys(COMPONENTS, 80.0)
    now = {**before, "trend": None}
    change = health(now, w) - health(before, w)
    assert change == 0
    assert component_changes(now, before, w, change) == {
        "satisfaction": 4.0, "friction": 4.0, "payment": 4.0, "scope": 4.0, "trend": -16.0,
    }  # fmt: skip
