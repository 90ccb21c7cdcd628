"""The forms that keep the record: an interaction, a feedback score, a journal note.

Keyboard first: Tab moves between fields, arrows choose in the lists, Enter saves from anywhere,
Escape cancels (asking first when something was typed). A form stays open until its store job has
committed, so "saved" always means on disk; a refused or failed save keeps what was typed.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from health_tui.app.jobs import Job
from health_tui.app.screens.saving_form import SavingForm
from health_tui.app.styles import HEADING, MUTED
from health_tui.app.text import safe_text
from health_tui.app.widgets.ordered_input import OrderedInput
from health_tui.record import (
    TONES,
    Channel,
    EntryRefused,
    FeedbackEntry,
    InteractionEntry,
    Kind,
    LoggedEntry,
    NoteEntry,
    build_entry,
    check_day_not_future,
    parse_day,
    parse_score,
    when_of,
)

AnyEntry = InteractionEntry | FeedbackEntry | NoteEntry
SaveJob = Callable[[AnyEntry], Job[LoggedEntry]]
"""Turns the entry the form built into the store job that commits it (a new one, or an edit)."""

HINT = "tab next field · enter saves · esc cancels"
LISTS_HINT = "tab next field · ↑↓ choose · enter saves · esc cancels"
TONE_CHOICES: list[int | None] = [None, *TONES]


class EntryForm(SavingForm[LoggedEntry]):
    """What the three forms share: the title, the hint, arrows in the lists, Enter from a list."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down", "choose(1)", "Next choice", show=False, priority=True),
        Binding("up", "choose(-1)", "Previous choice", show=False, priority=True),
    ]

    heading = "Log"
    hint = HINT  # the interaction form's lists add their arrows

    def __init__(self, client_id: str, client_name: str, save: SaveJob, *, editing: bool) -> None:
        super().__init__()
        self.client_id = client_id
        self.client_name = client_name
        self.save_job = save
        self.editing = editing

    # what each form provides
    def fields(self) -> ComposeResult:
        raise NotImplementedError

    def build(self, now: datetime) -> AnyEntry:
        """The entry from the fields, or EntryRefused saying which field is wrong."""
        raise NotImplementedError

    # the shared frame
    def compose(self) -> ComposeResult:
        verb = "Edit" if self.editing else self.heading
        with Vertical(classes="record-box"):
            yield Static(
                Content.assemble((f"{verb}: ", HEADING), (safe_text(self.client_name), "bold")),
                classes="record-title",
            )
            yield from self.fields()
            yield Static(id="record-error")
            yield Static(Content.styled(self.hint, MUTED), classes="record-hint")

    @on(Input.Submitted)
    @on(OptionList.OptionSelected)
    def _enter(self, event: Input.Submitted | OptionList.OptionSelected) -> None:
        event.stop()
        self.action_save()

    def action_choose(self, step: int) -> None:
        """Arrows move in the list that has focus, handled as they arrive (like Tab), so keys
        typed ahead always reach the field they were meant for."""
        focused = self.focused
        if isinstance(focused, OptionList):
            if step > 0:
                focused.action_cursor_down()
            else:
                focused.action_cursor_up()

    def action_save(self) -> None:
        if self.saving:
            return
        app = self.app
        try:
            entry = self.build(app.clock())  # type: ignore[attr-defined]
        except EntryRefused as exc:
            self._error(str(exc))
            return
        self.submit(self.save_job(entry), what=f"save the {entry.what}")


def _choices(id: str, labels: list[str], selected: int) -> OptionList:
    options = OptionList(*[Option(Content(label)) for label in labels], id=id, markup=False)
    options.highlighted = selected
    return options


def _label(text: str) -> Static:
    return Static(Content(text), classes="record-label")


def _row(label: str, field: Input) -> Horizontal:
    return Horizontal(_label(label), field, classes="record-row")


class InteractionForm(EntryForm):
    """Date and time, kind, channel, tone (five steps or none) and a note."""

    hint = LISTS_HINT

    AUTO_FOCUS = "#kind"
    heading = "Log an interaction with"

    def __init__(
        self,
        client_id: str,
        client_name: str,
        save: SaveJob,
        *,
        now: datetime,
        entry: InteractionEntry | None = None,
    ) -> None:
        super().__init__(client_id, client_name, save, editing=entry is not None)
        self.entry = entry
        self.now = now

    def fields(self) -> ComposeResult:
        e = self.entry
        # A new entry starts on today's date alone (noon): the time the owner happens to log it
        # (in the evening, at a weekend review) is not when the client called, and would count
        # as an after-hours demand. A time typed here counts.
        when = e.happened_at.strftime("%Y-%m-%d %H:%M") if e else self.now.date().isoformat()
        yield _row("When", OrderedInput(when, id="when", compact=True, max_length=19))
        kinds, channels = list(Kind), list(Channel)
        with Horizontal(id="record-lists"):
            with Vertical(classes="record-choice"):
                yield _label("Kind")
                yield _choices("kind", [k.label for k in kinds], kinds.index(e.kind) if e else 0)
            with Vertical(classes="record-choice"):
                yield _label("Channel")
                selected = channels.index(e.channel) if e else 0
                yield _choices("channel", [c.value for c in channels], selected)
            with Vertical(classes="record-choice"):
                yield _label("Tone")
                labels = ["none", *(f"{k:+d} {v}" if k else f" 0 {v}" for k, v in TONES.items())]
                yield _choices("tone", labels, TONE_CHOICES.index(e.tone) if e else 0)
        note = OrderedInput((e.note or "") if e else "", id="note", compact=True, max_length=2000,
                     select_on_focus=False)  # fmt: skip
        note.placeholder = "what was said or done"
        yield _row("Note", note)

    def values(self) -> tuple[Any, ...]:
        return (
            self.query_one("#when", Input).value,
            self.query_one("#kind", OptionList).highlighted,
            self.query_one("#channel", OptionList).highlighted,
            self.query_one("#tone", OptionList).highlighted,
            self.query_one("#note", Input).value,
        )

    def build(self, now: datetime) -> InteractionEntry:
        when_text, kind, channel, tone, note = self.values()
        when = when_of(when_text, now)
        return build_entry(
            InteractionEntry,
            client_id=self.client_id,
            happened_at=when,
            kind=list(Kind)[kind or 0],
            channel=list(Channel)[channel or 0],
            tone=TONE_CHOICES[tone or 0],
            note=note,
        )


class FeedbackForm(EntryForm):
    """A score from 0 to 10 the client gave, on a day, with what they said."""

    AUTO_FOCUS = "#score"
    heading = "Feedback from"

    def __init__(
        self,
        client_id: str,
        client_name: str,
        save: SaveJob,
        *,
        now: datetime,
        entry: FeedbackEntry | None = None,
    ) -> None:
        super().__init__(client_id, client_name, save, editing=entry is not None)
        self.entry = entry
        self.now = now

    def fields(self) -> ComposeResult:
        e = self.entry
        on = (e.on if e else self.now.date()).isoformat()
        yield _row("Date", OrderedInput(on, id="on", compact=True, max_length=10))
        score = OrderedInput(str(e.score) if e else "", id="score", compact=True, max_length=2,
                      restrict=r"[0-9]*")  # fmt: skip
        score.placeholder = "0 to 10"
        yield _row("Score", score)
        comment = OrderedInput((e.comment or "") if e else "", id="comment", compact=True,
                        max_length=2000, select_on_focus=False)  # fmt: skip
        comment.placeholder = "what they said (optional)"
        yield _row("Comment", comment)

    def values(self) -> tuple[Any, ...]:
        return tuple(self.query_one(f"#{name}", Input).value for name in ("on", "score", "comment"))

    def build(self, now: datetime) -> FeedbackEntry:
        on_text, score_text, comment = self.values()
        on = parse_day(on_text)
        check_day_not_future(on, now)
        return build_entry(FeedbackEntry, client_id=self.client_id, on=on,
                           score=parse_score(score_text), comment=comment)  # fmt: skip


class NoteForm(EntryForm):
    """A dated line in the relationship journal: kept, never scored."""

    AUTO_FOCUS = "#text"
    heading = "Journal note on"

    def __init__(
        self,
        client_id: str,
        client_name: str,
        save: SaveJob,
        *,
        now: datetime,
        entry: NoteEntry | None = None,
    ) -> None:
        super().__init__(client_id, client_name, save, editing=entry is not None)
        self.entry = entry
        self.now = now

    def fields(self) -> ComposeResult:
        e = self.entry
        when = (e.noted_at if e else self.now).strftime("%Y-%m-%d %H:%M")
        yield _row("When", OrderedInput(when, id="when", compact=True, max_length=19))
        text = OrderedInput(e.text if e else "", id="text", compact=True, max_length=4000,
                     select_on_focus=False)  # fmt: skip
        text.placeholder = "kept in the timeline, never scored"
        yield _row("Note", text)

    def values(self) -> tuple[Any, ...]:
        return (self.query_one("#when", Input).value, self.query_one("#text", Input).value)

    def build(self, now: datetime) -> NoteEntry:
        when_text, text = self.values()
        when = when_of(when_text, now)
        if not text.strip():
            raise EntryRefused("Write the note first (or Escape to leave).")
        return build_entry(NoteEntry, client_id=self.client_id, noted_at=when, text=text)


def form_for(
    what: str,
    client_id: str,
    client_name: str,
    save: SaveJob,
    *,
    now: datetime,
    entry: AnyEntry | None = None,
) -> EntryForm:
    """The form for an entry kind, empty or filled with `entry` to edit it."""
    if what == "interaction":
        assert entry is None or isinstance(entry, InteractionEntry)
        return InteractionForm(client_id, client_name, save, now=now, entry=entry)
    if what == "feedback":
        assert entry is None or isinstance(entry, FeedbackEntry)
        return FeedbackForm(client_id, client_name, save, now=now, entry=entry)
    assert entry is None or isinstance(entry, NoteEntry)
    return NoteForm(client_id, client_name, save, now=now, entry=entry)
