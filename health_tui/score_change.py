"""What moved in a client's score between two readings: "health 74 → 62: friction −9, satisfaction −3".

Health is the sum of each component's score times its share (`effective_weight`), so the change in
health splits exactly into the change of each component's part. `ClientScore.component_changes`
compares a quarter with the one before; this compares two readings of the same quarter (before and
after the owner logs something), so the app can say what that entry moved. No UI here.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from health_tui.scoring.models import ClientScore

MINUS = "−"


class ScoreChange(BaseModel):
    """Health before and after, and each component's part of the difference, largest first."""

    model_config = ConfigDict(frozen=True)

    client_id: str
    health_before: float | None
    health_after: float | None
    parts: list[tuple[str, float]]

    def sentence(self) -> str:
        """ "health 74 → 62: friction −9, satisfaction −3": the parts that moved by half a point or
        more, in whole points; when none did, the ones that moved at all, to a tenth."""
        head = f"health {_points(self.health_before)} → {_points(self.health_after)}"
        shown = [(name, _signed(delta, 0)) for name, delta in self.parts if abs(delta) >= 0.5]
        if not shown:
            shown = [(name, _signed(delta, 1)) for name, delta in self.parts if abs(delta) >= 0.05]
        if not shown:
            return f"{head}: no component moved"
        return f"{head}: " + ", ".join(f"{name} {delta}" for name, delta in shown)


def _points(value: float | None) -> str:
    return "not enough data" if value is None else f"{value:.0f}"


def _signed(delta: float, digits: int) -> str:
    text = f"{abs(delta):.{digits}f}"
    return f"+{text}" if delta > 0 else f"{MINUS}{text}"


def _parts(score: ClientScore) -> dict[str, float]:
    """Each component's contribution to health: its score times its share (0 without data)."""
    return {
        c.name: c.score * c.effective_weight if c.score is not None else 0.0
        for c in score.components
    }


def score_change(before: ClientScore, after: ClientScore) -> ScoreChange:
    """The difference between two scores of one client, component by component."""
    old, new = _parts(before), _parts(after)
    names = list(dict.fromkeys([*old, *new]))
    deltas = [(name, new.get(name, 0.0) - old.get(name, 0.0)) for name in names]
    deltas.sort(key=lambda item: -abs(item[1]))
    return ScoreChange(
        client_id=after.client_id,
        health_before=getattr(before, "health", None),
        health_after=getattr(after, "health", None),
        parts=[(name, round(delta, 2)) for name, delta in deltas],
    )
