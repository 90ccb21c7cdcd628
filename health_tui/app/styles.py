"""Theme-aware style names for `Content` spans, so colours follow the light and dark themes."""

from __future__ import annotations

from health_tui.scoring.models import Band

BAND_STYLE: dict[Band | None, str] = {
    Band.healthy: "$text-success",
    Band.watch: "$text-warning",
    Band.at_risk: "$text-error",
    Band.critical: "bold $text-error",
    None: "$text-muted",  # not enough data to score health
}
CANDIDATE_STYLE = "bold $text-error"
MUTED = "$text-muted"
HEADING = "bold $text-accent"
