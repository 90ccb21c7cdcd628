"""The app's name for the core's text screening (health_tui/text.py), kept for the screens' imports."""

from health_tui.text import safe_lines, safe_text

__all__ = ["safe_lines", "safe_text"]
