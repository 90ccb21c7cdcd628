"""The client's timeline as a list the owner can move through: what they logged is marked "you" and
can be edited (Enter) or deleted (Delete); imported rows are shown, never changed here.

Every line is built as `Content` from plain strings that went through `safe_text`: a note can never
be read as markup.
"""

from __future__ import annotations

from datetime import datetime, time

from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from health_tui.app.format import end_column, wrap_under
from health_tui.app.styles import MUTED
from health_tui.app.text import safe_text
from health_tui.history import ClientHistory, TimelineEvent

Part = str | tuple[str, str]

KIND_STYLE = {
    "complaint": "$text-error",
    "escalation": "bold $text-error",
    "praise": "$text-success",
    "revision_request": "$text-warning",
    "urgent_request": "$text-warning",
    "scope_change": "$text-warning",
    "feedback": "$text-accent",
    "note": "italic",
}
OWNER_MARK = "you"
OWNER_STYLE = "bold $text-accent"


KIND_COLUMN = 11  # after the date: where a note too narrow in its own column wraps instead


def event_prompt(e: TimelineEvent, width: int = 0) -> Content:
    """One line: date, who logged it, kind, channel, tone or score, and the words verbatim,
    wrapped under their own column to `width` cells (the list's, once it is known)."""
    kind = safe_text(e.kind)
    parts: list[Part] = [(f"{e.happened_at:%Y-%m-%d} ", MUTED)]
    parts.append((f"{OWNER_MARK} ", OWNER_STYLE) if e.logged_by_owner else "    ")
    parts.append((f"{kind.replace('_', ' '):<17}", KIND_STYLE.get(kind, "")))
    parts.append((f"{safe_text(e.channel):<9}", MUTED))
    if e.score is not None:
        parts.append((f"{e.score:>2}/10 ", MUTED))
    elif e.sentiment is not None:
        parts.append((f"{tone_shown(e.sentiment):>5} ", MUTED))
    elif e.entry != "note":
        parts.append("      ")
    if e.note:
        parts.append(wrap_under(safe_text(e.note), width, end_column(parts), KIND_COLUMN))
    return Content.assemble(*parts)


def tone_shown(sentiment: float) -> str:
    """A message's tone on the scale the owner logs it on, −2 (very negative) to +2 (very
    positive): stored as half of it (−1..1, the import format's), it read "1.0" for a message
    logged "+2 very positive". A step the form offers is shown as the form shows it ("+2", " 0");
    an imported tone between steps keeps a decimal ("+0.6")."""
    tone = round(2 * sentiment, 1)
    if tone == int(tone):
        return f"{int(tone):+d}" if tone else "0"
    return f"{tone:+.1f}"


def day_and_time(at: datetime) -> str:
    """'2026-09-20 14:30'; the day alone for a row that came with no time (stored as
    midnight), so an import's dates do not read as messages sent at 00:00."""
    return f"{at:%Y-%m-%d}" if at.time() == time(0) else f"{at:%Y-%m-%d %H:%M}"


def entry_summary(e: TimelineEvent) -> Content:
    """The entry as a confirmation names it: kind, date and time, and its words."""
    parts: list[Part] = [
        (safe_text(e.kind).replace("_", " "), "bold"),
        f" of {day_and_time(e.happened_at)}",
    ]
    if e.score is not None:
        parts.append(f", score {e.score}/10")
    if e.note:
        parts.append(("\n" + safe_text(e.note), MUTED))
    return Content.assemble(*parts)


class Timeline(OptionList):
    """Recent interactions, feedback and journal notes, newest first; `current` is the one
    highlighted (None on a placeholder line)."""

    DEFAULT_CSS = """
    Timeline {
        height: auto;
        max-height: 16;
        scrollbar-gutter: stable;  /* the notes are wrapped to a width that does not move */
        border: none;
        padding: 0;
        background: transparent;
    }
    Timeline:focus {
        border: none;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        self.events: list[TimelineEvent] = []

    def show(self, history: ClientHistory | None, *, select_key: str | None = None) -> None:
        """Fill the list from `history` (None: still loading), highlighting the owner's entry
        `select_key` if given (the one just saved), else keeping the highlighted entry."""
        keep = self.current
        self.clear_options()
        if history is None:
            self.events = []
            self.add_option(Option(Content.styled("loading…", MUTED), disabled=True))
            return
        self.events = list(history.events)
        if not self.events:
            self.add_option(Option(Content.styled("nothing recorded", MUTED), disabled=True))
            return
        self.add_options(self._prompts())
        index = 0
        chosen = [i for i, e in enumerate(self.events) if select_key and e.entry_key == select_key]
        if chosen:
            index = chosen[0]
        elif keep is not None:
            same = [i for i, e in enumerate(self.events) if _same(e, keep)]
            index = same[0] if same else 0
        self.highlighted = index

    def _prompts(self) -> list[Option]:
        width = self.scrollable_content_region.width
        return [Option(event_prompt(e, width)) for e in self.events]

    def on_resize(self) -> None:
        """The notes are wrapped to the list's width: again at the new one."""
        if self.events:
            keep = self.highlighted
            self.set_options(self._prompts())
            self.highlighted = keep

    @property
    def current(self) -> TimelineEvent | None:
        index = self.highlighted
        if index is None or not 0 <= index < len(self.events):
            return None
        return self.events[index]


def _same(a: TimelineEvent, b: TimelineEvent) -> bool:
    if a.entry_key is not None or b.entry_key is not None:
        return a.entry_key == b.entry_key
    return (a.happened_at, a.kind, a.channel, a.note) == (b.happened_at, b.kind, b.channel, b.note)
