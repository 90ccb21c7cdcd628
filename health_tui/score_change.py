"""What moved in a client's score between two readings: "health 74 → 62: friction −9, satisfaction −3".

It is the scoring's own arithmetic (`component_changes`, `whole_moves`): the quarter-on-quarter
waterfall compares a quarter with the one before, this compares two readings of the same quarter
(before and after the owner logs something), so the app can say what that entry moved. The parts
add up to the change shown. No UI here.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from health_tui.scoring.measures import component_changes, contributions, whole
from health_tui.scoring.models import (
    ClientScore,
    DataChange,
    data_changes,
    signed_points,
    whole_moves,
)

MINUS = "−"


class ScoreChange(BaseModel):
    """Health before and after, and each component's part of the difference, largest first."""

    model_config = ConfigDict(frozen=True)

    client_id: str
    health_before: float | None
    health_after: float | None
    parts: list[tuple[str, float]]
    # where a health does not stand on one side: each component that moved, its score before and
    # after (None: no data), largest move first; points of a health that is not there add up to
    # nothing ("not enough data → 86: trend +15, satisfaction +11" summed to 18)
    scores: list[tuple[str, float | None, float | None]] = []
    # the components that gained or lost their data between the readings: their part is the
    # weight they took or gave ("friction −5" for a first message read as a fall of friction)
    data: dict[str, DataChange] = {}

    def sentence(self) -> str:
        """ "health 74 → 62: friction −9, satisfaction −3": whole points adding up to the change
        shown; when no part reaches a point, the parts that moved at all, to a tenth."""
        head = f"health {_points(self.health_before)} → {_points(self.health_after)}"
        if self.health_before is None or self.health_after is None:
            moved = [f"{name} {_score(a)} → {_score(b)}" for name, a, b in self.scores[:3]]
            return f"{head}" + (f"; components: {', '.join(moved)}" if moved else "")
        total = sum(delta for _, delta in self.parts)
        shown = [(name, signed_points(v)) for name, v in whole_moves(dict(self.parts), total)]
        if not shown:
            shown = [(name, _tenths(delta)) for name, delta in self.parts if abs(delta) >= 0.05]
        if not shown:
            return f"{head}: no component moved"
        notes = {"gained": " (no data before)", "lost": " (no data now)"}
        return f"{head}: " + ", ".join(
            f"{name} {delta}{notes[d] if (d := self.data.get(name)) else ''}"
            for name, delta in shown
        )


def _points(value: float | None) -> str:
    return "not enough data" if value is None else f"{value:.0f}"


def _score(value: float | None) -> str:
    return "no data" if value is None else f"{whole(value):.0f}"


def _tenths(delta: float) -> str:
    return f"+{delta:.1f}" if delta > 0 else f"{MINUS}{-delta:.1f}"


def score_change(before: ClientScore, after: ClientScore) -> ScoreChange:
    """The difference between two scores of one client, component by component: in tenths adding
    up to the change of the whole-point healths shown when both stand, else as measured."""
    now = {c.name: c.score for c in after.components}
    then = {c.name: c.score for c in before.components}
    weights = {c.name: c.weight for c in after.components}
    if before.health is not None and after.health is not None:
        change = round(after.health) - round(before.health)
        deltas = component_changes(now, then, weights, change)
    else:
        a, b = contributions(now, weights), contributions(then, weights)
        deltas = {k: round(a[k] - b[k], 2) for k in now}
    parts = sorted(deltas.items(), key=lambda item: (-abs(item[1]), item[0]))
    moved = [
        (name, was, new)
        for name, new in now.items()
        if ((was := then.get(name)) is None) != (new is None)
        or (was is not None and new is not None and whole(new) != whole(was))
    ]

    def size(move: tuple[str, float | None, float | None]) -> tuple[bool, float, str]:
        name, a, b = move
        gained_or_lost = (a is None) != (b is None)
        return (not gained_or_lost, -abs((b or 0.0) - (a or 0.0)), name)

    return ScoreChange(
        client_id=after.client_id,
        health_before=before.health,
        health_after=after.health,
        parts=parts,
        scores=sorted(moved, key=size),
        data=data_changes(now, then),
    )
