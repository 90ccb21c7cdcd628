"""The Textual app: screens and widgets over a scored portfolio. The core never imports this package."""

from __future__ import annotations

from health_tui.app.run import run_app

__all__ = ["run_app"]
