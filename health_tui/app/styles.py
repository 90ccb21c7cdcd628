"""Theme-aware style names for `Content` spans, so colours follow the light and dark themes."""

from __future__ import annotations

from health_tui.scoring.models import Band

BAND_STYLE = {
    Band.healthy: "$text-success",
    Band.watch: "$text-warning",
    Band.at_risk: "$text-error",
    Band.critical: "bold $text-error",
}
CANDIDATE_STYLE = "bold $text-error"
MUTED = "$text-muted"
HEADING = "bold $text-accent"
