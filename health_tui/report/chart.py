"""The HTML report's chart: health (y) against effort versus return (x) as an inline SVG.

The same picture as the app's effort map: four quadrants split at the settings' thresholds, so a
client's place says what the rules would do with it. Hand-written SVG (no dependency, no script);
every label placed here is escaped, and each point carries a <title> tooltip.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from health_tui.report.model import ClientLine, ReviewReport
from health_tui.scoring.models import Band

WIDTH, HEIGHT = 760, 550
LEFT, RIGHT, TOP, BOTTOM = 72, 740, 20, 460  # the plot area inside the picture
MAX_LABELLED = 25  # above this many, only exit candidates and troubled clients are named
CHAR_WIDTH = 6.4  # average width of a character at 11px, to keep labels apart

BAND_COLOURS = {
    Band.healthy: "#2e7d32",
    Band.watch: "#b58900",
    Band.at_risk: "#e65100",
    Band.critical: "#b71c1c",
}
# (effort/return good, health good) -> label, tint, label colour; the same split as the app's map
QUADRANTS = {
    (True, True): ("Keep", "#eaf5eb", "#2e6b32"),
    (False, True): ("Reprice", "#fbf3df", "#7a5a00"),
    (True, False): ("Recover or listen", "#e7eefa", "#27508f"),
    (False, False): ("Exit", "#f9e5e5", "#8e1c1c"),
}

Box = tuple[float, float, float, float]  # x0, y0, x1, y1


def x_of(effort_return: float) -> float:
    return LEFT + max(0.0, min(100.0, effort_return)) / 100 * (RIGHT - LEFT)


def y_of(health: float) -> float:
    return BOTTOM - max(0.0, min(100.0, health)) / 100 * (BOTTOM - TOP)


def _f(v: float) -> str:
    """Coordinates with one decimal: enough for the eye, and stable from run to run."""
    return f"{v:.1f}".rstrip("0").rstrip(".")


@dataclass
class _Placer:
    """Greedy label placement: the first spot around a point that overlaps nothing placed yet."""

    taken: list[Box]

    def place(
        self, x: float, y: float, text: str, gap: float = 10
    ) -> tuple[float, float, str] | None:
        """Right, left, above, below, then the four diagonals; `gap` clears the marker."""
        w, d = len(text) * CHAR_WIDTH, gap * 0.8
        spots = [  # (text x, baseline y, anchor, box)
            (x + gap, y + 4, "start", (x + gap, y - 8, x + gap + w, y + 4)),
            (x - gap, y + 4, "end", (x - gap - w, y - 8, x - gap, y + 4)),
            (x, y - gap - 1, "middle", (x - w / 2, y - gap - 13, x + w / 2, y - gap - 1)),
            (x, y + gap + 10, "middle", (x - w / 2, y + gap - 2, x + w / 2, y + gap + 10)),
            (x + d, y - d, "start", (x + d, y - d - 12, x + d + w, y - d)),
            (x + d, y + d + 9, "start", (x + d, y + d - 3, x + d + w, y + d + 9)),
            (x - d, y - d, "end", (x - d - w, y - d - 12, x - d, y - d)),
            (x - d, y + d + 9, "end", (x - d - w, y + d - 3, x - d, y + d + 9)),
        ]
        for tx, ty, anchor, box in spots:
            # within the plot: a name left of it ran over the health axis's title and ticks
            inside = (
                box[0] >= LEFT + 2 and box[2] <= WIDTH - 2 and box[1] >= TOP and box[3] <= BOTTOM
            )
            if inside and not any(_overlap(box, t) for t in self.taken):
                self.taken.append(box)
                return tx, ty, anchor
        return None


def _overlap(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _short(name: str, limit: int = 26) -> str:
    return name if len(name) <= limit else name[: limit - 1].rstrip() + "…"


def _tooltip(c: ClientLine) -> str:
    s = c.score
    parts = [
        s.name,
        s.health_text,
        s.effort_said("effort versus return"),
        f"recommended: {s.recommendation.value}"
        + (" (exit candidate)" if s.fire_candidate else ""),
    ]
    if c.decision:
        parts.append(f"decided: {c.decision.decision.value}")
    return " · ".join(parts)


def charted(c: ClientLine) -> bool:
    """A client is a point only with both a health and an effort versus return: not enough data
    for either leaves it off (the caption counts it) rather than at a made-up place."""
    return c.score.health is not None and c.score.effort_return is not None


def chart_svg(r: ReviewReport) -> str:
    """The chart as an <svg> element for the report page."""
    ex, hy = x_of(r.effort_split), y_of(r.health_split)
    out = [
        # no xmlns: inline in HTML it is implied, and the page then names no URL at all
        f'<svg viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'width="{WIDTH}" height="{HEIGHT}" role="img" aria-labelledby="chart-title chart-desc" '
        'font-family="system-ui, -apple-system, Segoe UI, Roboto, sans-serif" font-size="11">',
        f'<title id="chart-title">Health against effort versus return, {escape(r.quarter)}</title>',
        f'<desc id="chart-desc">Each active client is a point: health up, effort versus return to '
        f"the right. Health below {r.health_split:g} and effort versus return below "
        f"{r.effort_split:g} is the exit quadrant.</desc>",
    ]
    taken: list[Box] = []
    # the quadrants, tinted, each named in its outer top or bottom corner
    for (good_effort, good_health), (label, tint, ink) in QUADRANTS.items():
        x0, x1 = (ex, RIGHT) if good_effort else (LEFT, ex)
        y0, y1 = (TOP, hy) if good_health else (hy, BOTTOM)
        out.append(
            f'<rect x="{_f(x0)}" y="{_f(y0)}" width="{_f(x1 - x0)}" height="{_f(y1 - y0)}" '
            f'fill="{tint}"/>'
        )
        tx, ty = x0 + 8, (y0 + 18 if good_health else y1 - 8)
        out.append(
            f'<text x="{_f(tx)}" y="{_f(ty)}" fill="{ink}" font-size="14" font-weight="700" '
            f'letter-spacing="0.5">{escape(label.upper())}</text>'
        )
        taken.append((tx, ty - 13, tx + len(label) * 10.5, ty + 3))
    out.append(_axes(r, ex, hy))

    active = [c for c in r.active if charted(c)]
    placer = _Placer(taken)
    for c in active:  # every point is kept clear of labels
        x, y = x_of(c.score.effort_return or 0), y_of(c.score.health or 0)
        r_ = 11 if c.score.fire_candidate else 7
        placer.taken.append((x - r_, y - r_, x + r_, y + r_))
    labels: list[str] = []
    # names where space allows: candidates first, then critical and at risk, then the rest
    troubled = (Band.critical, Band.at_risk)
    named = [
        c
        for c in active
        if c.score.fire_candidate or c.score.band in troubled or len(active) <= MAX_LABELLED
    ]
    priority: dict[Band | None, int] = {Band.critical: 1, Band.at_risk: 2}
    named.sort(key=lambda c: 0 if c.score.fire_candidate else priority.get(c.score.band, 3))
    for c in named:
        x, y = x_of(c.score.effort_return or 0), y_of(c.score.health or 0)
        text = _short(c.score.name)
        spot = placer.place(x, y, text, 15 if c.score.fire_candidate else 10)
        if spot:
            tx, ty, anchor = spot
            weight = ' font-weight="700"' if c.score.fire_candidate else ""
            at = f'x="{_f(tx)}" y="{_f(ty)}" text-anchor="{anchor}"{weight}'
            labels.append(  # a white halo first (paint-order is not drawn everywhere), then ink
                f'<text {at} fill="none" stroke="#fff" stroke-width="3" stroke-opacity="0.85" '
                f'stroke-linejoin="round" aria-hidden="true">{escape(text)}</text>'
                f'<text {at} fill="#222">{escape(text)}</text>'
            )
    # points last, healthiest first, so the clients that matter most are drawn on top
    for c in sorted(active, key=lambda c: (c.score.fire_candidate, -(c.score.health or 0))):
        x, y = x_of(c.score.effort_return or 0), y_of(c.score.health or 0)
        ring = (
            f'<circle cx="{_f(x)}" cy="{_f(y)}" r="10" fill="none" stroke="#111" stroke-width="2"/>'
            if c.score.fire_candidate
            else ""
        )
        out.append(
            f'<g class="point"><title>{escape(_tooltip(c))}</title>{ring}'
            f'<circle cx="{_f(x)}" cy="{_f(y)}" r="6" fill="{BAND_COLOURS[c.score.band or Band.watch]}" '
            f'stroke="#fff" stroke-width="1.5"/></g>'
        )
    out += labels
    out.append(_legend())
    out.append("</svg>")
    return "\n".join(out)


def _axes(r: ReviewReport, ex: float, hy: float) -> str:
    parts = [
        f'<rect x="{LEFT}" y="{TOP}" width="{RIGHT - LEFT}" height="{BOTTOM - TOP}" fill="none" '
        'stroke="#888"/>',
        f'<line x1="{_f(ex)}" y1="{TOP}" x2="{_f(ex)}" y2="{BOTTOM}" stroke="#555" '
        'stroke-dasharray="5 4"/>',
        f'<line x1="{LEFT}" y1="{_f(hy)}" x2="{RIGHT}" y2="{_f(hy)}" stroke="#555" '
        'stroke-dasharray="5 4"/>',
    ]
    for v in (0, 25, 50, 75, 100):
        x, y = x_of(v), y_of(v)
        parts.append(
            f'<line x1="{_f(x)}" y1="{BOTTOM}" x2="{_f(x)}" y2="{BOTTOM + 5}" stroke="#888"/>'
            f'<text x="{_f(x)}" y="{BOTTOM + 18}" text-anchor="middle" fill="#444">{v}</text>'
            f'<line x1="{LEFT - 5}" y1="{_f(y)}" x2="{LEFT}" y2="{_f(y)}" stroke="#888"/>'
            f'<text x="{LEFT - 8}" y="{_f(y + 4)}" text-anchor="end" fill="#444">{v}</text>'
        )
    # the thresholds, named where their lines meet the axes
    parts.append(
        f'<text x="{_f(ex)}" y="{BOTTOM + 32}" text-anchor="middle" fill="#222" '
        f'font-weight="700">{r.effort_split:g}</text>'
        f'<text x="{LEFT - 30}" y="{_f(hy + 4)}" text-anchor="end" fill="#222" '
        f'font-weight="700">{r.health_split:g}</text>'
    )
    mid_x, mid_y = (LEFT + RIGHT) / 2, (TOP + BOTTOM) / 2
    parts.append(
        f'<text x="{_f(mid_x)}" y="{BOTTOM + 52}" text-anchor="middle" fill="#222" '
        'font-size="12">effort versus return →</text>'
        f'<text transform="translate(16 {_f(mid_y)}) rotate(-90)" text-anchor="middle" '
        'fill="#222" font-size="12">health →</text>'
    )
    return "\n".join(parts)


def _legend() -> str:
    y = HEIGHT - 10
    x: float = LEFT
    parts = []
    for band, colour in BAND_COLOURS.items():
        label = band.label
        parts.append(
            f'<circle cx="{_f(x + 6)}" cy="{y - 4}" r="6" fill="{colour}"/>'
            f'<text x="{_f(x + 16)}" y="{y}" fill="#222">{label}</text>'
        )
        x += 30 + len(label) * CHAR_WIDTH
    parts.append(
        f'<circle cx="{_f(x + 10)}" cy="{y - 4}" r="10" fill="none" stroke="#111" '
        'stroke-width="2"/>'
        f'<text x="{_f(x + 26)}" y="{y}" fill="#222">exit candidate</text>'
    )
    return "\n".join(parts)
