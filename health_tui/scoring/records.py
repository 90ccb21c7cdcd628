"""The parts of the score records that one scoring builds once and every client shares."""

from __future__ import annotations

from health_tui.scoring import verdicts
from health_tui.scoring.deferred import trusted
from health_tui.scoring.facts import ClientFacts
from health_tui.scoring.measures import Measures, whole
from health_tui.scoring.models import (
    COMPONENTS,
    ActivityHours,
    ClientScore,
    Component,
    QuarterHealth,
)

_DETAIL = {
    "satisfaction": "feedback scores, tone of messages, praise against complaints",
    "friction": "complaints, escalations, letters, revision requests, urgent and scope-change "
    "demands, requests or complaints after hours",
    "payment": "days late and unpaid overdue share of invoices due",
    "scope": "revision share, non-billable share, revision requests",
    "trend": "this quarter's satisfaction against earlier quarters, kind by kind",
}


# a component's name, weight, effective weight, detail, and its records made so far by score
_Layout = tuple[str, float, float, str, dict[float | None, Component]]


class RecordParts:
    """What the records of one scoring share, worked out once rather than for every client: the
    quarter labels, the rounded target rate, a dormant client's components, the effective weights
    of each pattern of components with data, the trend points (frozen records, shared)."""

    def __init__(self, ctx: verdicts.Context, labels: list[str]) -> None:
        self.weights = ctx.weights
        self.shown = labels[1:]  # labels[0] is the quarter before the oldest shown
        # a client's current quarter is `current_k` quarters before the review quarter
        self.previous = [labels[len(labels) - 2 - k] for k in range(len(labels) - 1)]
        self.target_rate = None if ctx.target_rate is None else round(ctx.target_rate, 2)
        self.dormant = tuple(
            _component(name, None, self.weights[name], 0.0,
                       f"not scored while dormant ({_DETAIL[name]})")
            for name in COMPONENTS
        )  # fmt: skip
        self._patterns: dict[tuple[bool, ...], list[_Layout]] = {}
        self._points: list[dict[float | None, QuarterHealth]] = [{} for _ in self.shown]

    def components(self, c: ClientScore, m: Measures) -> list[Component]:
        """A client's component records (`ClientScore.components`). A dormant client's are not
        shown: older data would read as a satisfaction or a calm that nothing shows. The same
        component with the same score is one shared (frozen) record."""
        if m.facts.dormant:
            return list(self.dormant)
        scores = m.components.values()
        pattern = tuple(v is not None for v in scores)
        layout = self._patterns.get(pattern) or self._pattern(pattern)
        out = []
        for (name, weight, share, detail, made), score in zip(layout, scores, strict=True):
            shown = None if score is None else round(score, 1)
            component = made.get(shown) if shown != 0 else None  # -0.0 would find 0.0
            if component is None:
                component = made[shown] = _component(name, shown, weight, share, detail)
            out.append(component)
        return out

    def _pattern(self, pattern: tuple[bool, ...]) -> list[_Layout]:
        """Name, weight, effective weight and detail of each component, for those with data, and
        the records made so far."""
        w = self.weights
        have = sum(w[name] for name, has in zip(COMPONENTS, pattern, strict=True) if has)
        layout = self._patterns[pattern] = [
            (name, w[name], round(w[name] / have, 4) if has and have > 0 else 0.0,
             _DETAIL[name] if has else f"no data ({_DETAIL[name]})", {})
            for name, has in zip(COMPONENTS, pattern, strict=True)
        ]  # fmt: skip
        return layout

    def trend(self, m: Measures) -> list[QuarterHealth]:
        """Health per shown quarter, oldest first; the same point is one shared (frozen) record."""
        out = []
        for points, label, h in zip(
            self._points, self.shown, reversed(m.health_by_quarter), strict=True
        ):
            health = None if h is None else whole(h)
            point = points.get(health)
            if point is None:
                point = points[health] = trusted(
                    QuarterHealth, {"quarter": label, "health": health}, _POINT_FIELDS
                )
            out.append(point)
        return out


def hours_by_activity(c: ClientScore, f: ClientFacts) -> ActivityHours:
    """Hours by activity over the last four quarters (`ClientScore.hours_by_activity`)."""
    return trusted(
        ActivityHours,
        {
            "delivery": round(f.delivery_12m, 2),
            "revision": round(f.revision_12m, 2),
            "meeting": round(f.meeting_12m, 2),
            "support": round(f.support_12m, 2),
            "admin": round(f.admin_12m, 2),
        },
        _HOURS_FIELDS,
    )


_COMPONENT_FIELDS = set(Component.model_fields)
_POINT_FIELDS = set(QuarterHealth.model_fields)
_HOURS_FIELDS = set(ActivityHours.model_fields)
CLIENT_FIELDS = set(ClientScore.model_fields)


def _component(
    name: str, score: float | None, weight: float, share: float, detail: str
) -> Component:
    return trusted(
        Component,
        {"name": name, "score": score, "weight": weight, "effective_weight": share,
         "detail": detail},
        _COMPONENT_FIELDS,
    )  # fmt: skip
