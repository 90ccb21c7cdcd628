"""Untrusted text made safe to show: one helper every screen, report and CLI table uses.

Client names, notes and comments come from files the owner imported; they may hold Rich/Textual markup,
escape sequences or control characters. The screens never parse data as markup (they build `Text`
objects from plain strings), and `safe_text` removes whatever a terminal could act on. No UI here:
the report and the command line use it too.
"""

from __future__ import annotations

import re

# CSI, OSC (ended by BEL or ST), DCS/SOS/PM/APC strings, then any other two-byte ESC sequence.
_ESCAPE_SEQUENCE = re.compile(
    r"\x1b(?:\[[0-?]*[ -/]*[@-~]?|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[PX^_][^\x1b]*(?:\x1b\\)?|.?)",
    re.DOTALL,
)
# C0 and C1 controls, DEL, and the bidi overrides that can make text read differently than it is.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_WHITESPACE_CONTROL = frozenset("\t\n\r\x0b\x0c")


def _replace_control(match: re.Match[str]) -> str:
    return " " if match.group() in _WHITESPACE_CONTROL else ""


def safe_text(value: object) -> str:
    """Return `value` as one line of inert text: escape sequences and control characters removed.

    Tabs and line breaks become spaces so a note cannot push the rest of a table line down.
    """
    if value is None:
        return ""
    text = value if isinstance(value, str) else str(value)
    if text.isprintable():  # the common case, and cheap: nothing to strip
        return text
    return _CONTROL.sub(_replace_control, _ESCAPE_SEQUENCE.sub("", text))


def safe_lines(value: str) -> str:
    """Like `safe_text`, but keeping line breaks: for a letter the owner edits as a whole."""
    return "\n".join(safe_text(line) for line in value.replace("\r\n", "\n").split("\n"))
