"""The track record's table cells, as the Markdown and HTML reports both write them (plain text;
each renderer escapes client names with its own function)."""

from __future__ import annotations

from collections.abc import Callable

from health_tui.formatting import share as percent
from health_tui.report.format import health, money, signed
from health_tui.review.track_record import ExitTaken, FollowedRecord, KeptAgainstExit, TrackRecord

FOLLOWED_HEADER = ["recommended", "decided", "followed", "share", "overridden by", "deferred"]


def followed_cells(f: FollowedRecord) -> list[str]:
    share = "—" if f.followed_share is None else percent(f.followed_share)
    deferred = f"{f.deferred:,}" if f.deferred else "—"
    return [f.recommendation.value, f"{f.decided:,}", f"{f.followed:,}", share,
            f.overrides_text or "—", deferred]  # fmt: skip


def kept_header(t: TrackRecord) -> list[str]:
    return ["client", "since", "quarters", "decision", "health then", "now", "moved",
            "effort/return then", "now", "moved", f"recommended in {t.quarter}"]  # fmt: skip


def _moved(move: float | None) -> str:
    return "—" if move is None else signed(move)


def kept_cells(k: KeptAgainstExit, name: Callable[[str], str]) -> list[str]:
    if not k.scored_now:
        now = "not scored"
    elif not k.active_now:
        now = "former client"
    else:
        now = k.recommendation_now.value if k.recommendation_now else "—"
    return [name(k.name), k.since, str(k.times), k.decision.value,
            health(k.health_then), health(k.health_now), _moved(k.health_move),
            health(k.effort_then), health(k.effort_now), _moved(k.effort_move), now]  # fmt: skip


def exit_header(t: TrackRecord) -> list[str]:
    return ["client", "decided for", "revenue 12m", "hours 12m", f"in {t.quarter}"]


def exit_cells(e: ExitTaken, t: TrackRecord, name: Callable[[str], str]) -> list[str]:
    if e.active_now is None:
        now = "not scored"
    elif e.active_now:
        now = "still a client"
    else:
        now = f"ended {e.ended_on}" if e.ended_on else "ended"
    return [
        name(e.name),
        e.quarter,
        money(e.revenue_12m, t.currency),
        "—" if e.hours_12m is None else f"{e.hours_12m:,.0f}",
        now,
    ]
