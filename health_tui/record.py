"""The owner's record of a relationship: interactions, feedback and journal notes, logged by hand.

Most agencies keep no interaction log and no feedback file, so their health scores rest on invoices
alone; this is how the owner keeps one, from the app or the command line. What is logged goes into
the history tables with source 'app' and a key of its own (a uuid): no import ever replaces it
(README, "Where your data comes from"), and only these rows can be edited or deleted. Journal notes
(`client_notes`) are kept but never scored. Every write commits before its function returns, so
whatever a caller reports as saved is on disk. No UI here, and no clock: callers pass the time.
"""

from __future__ import annotations

import re
import uuid
from datetime import date, datetime, time
from enum import StrEnum
from typing import Annotated, Literal, TypeVar

import duckdb
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from health_tui.clients import ClientNotFound, find_client
from health_tui.errors import HealthTuiError
from health_tui.store import Store
from health_tui.text import safe_text, unaccented

MAX_NOTE = 2000  # an interaction's note or a feedback comment
MAX_JOURNAL = 4000  # a journal note
NOON = time(12, 0)  # a date given alone: midday, so it never reads as an after-hours demand


class Kind(StrEnum):
    """What happened, as the import format and the scoring rules name it."""

    request = "request"
    urgent_request = "urgent_request"
    revision_request = "revision_request"
    scope_change = "scope_change"
    complaint = "complaint"
    escalation = "escalation"
    praise = "praise"
    other = "other"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ")


class Channel(StrEnum):
    email = "email"
    phone = "phone"
    meeting = "meeting"
    chat = "chat"
    letter = "letter"
    sms = "sms"
    social = "social"


TONES: dict[int, str] = {
    -2: "very negative",
    -1: "negative",
    0: "neutral",
    1: "positive",
    2: "very positive",
}
"""The owner's five steps of tone; stored as sentiment tone/2 (−1..1, the import format's scale)."""

What = Literal["interaction", "feedback", "note"]
M = TypeVar("M", bound=BaseModel)


class EntryRefused(HealthTuiError):
    """What the owner typed cannot be recorded as it is; the message says what would be."""

    exit_code = 2


class EntryGone(HealthTuiError):
    """The entry to edit or delete is no longer there (deleted from another window, or merged)."""

    exit_code = 2


def _clean(value: object) -> str | None:
    """Owner's text as one inert line: control characters and escapes out, trimmed; '' is None."""
    text = safe_text(value).strip() if value is not None else ""
    return text or None


class InteractionEntry(BaseModel):
    """A call, a message, a meeting: what kind, by which channel, in what tone, and a note."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    what: Literal["interaction"] = "interaction"
    client_id: str
    happened_at: datetime
    kind: Kind
    channel: Channel
    tone: int | None = Field(default=None, ge=-2, le=2)
    note: str | None = Field(default=None, max_length=MAX_NOTE)

    _note = field_validator("note", mode="before")(_clean)

    @property
    def when(self) -> datetime:
        return self.happened_at

    @property
    def sentiment(self) -> float | None:
        return None if self.tone is None else self.tone / 2

    def label(self) -> str:
        tone = f", {TONES[self.tone]}" if self.tone is not None else ""
        return f"{self.kind.label} ({self.channel.value}{tone})"


class FeedbackEntry(BaseModel):
    """A score the client gave, 0 (would not recommend) to 10, with what they said."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    what: Literal["feedback"] = "feedback"
    client_id: str
    on: date
    score: int = Field(ge=0, le=10)
    comment: str | None = Field(default=None, max_length=MAX_NOTE)

    _comment = field_validator("comment", mode="before")(_clean)

    @property
    def when(self) -> datetime:
        return datetime.combine(self.on, NOON)

    def label(self) -> str:
        return f"feedback {self.score}/10"


class NoteEntry(BaseModel):
    """A dated line in the relationship journal: kept, shown in the timeline, never scored."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    what: Literal["note"] = "note"
    client_id: str
    noted_at: datetime
    text: str = Field(min_length=1, max_length=MAX_JOURNAL)

    _text = field_validator("text", mode="before")(lambda v: _clean(v) or "")

    @property
    def when(self) -> datetime:
        return self.noted_at

    def label(self) -> str:
        return "note"


Entry = Annotated[InteractionEntry | FeedbackEntry | NoteEntry, Field(discriminator="what")]


class LoggedEntry(BaseModel):
    """An entry as committed, with the key that edits or deletes it."""

    model_config = ConfigDict(frozen=True)

    key: str
    entry: Entry
    # other entries that look like this one (same client, day and kind or score), said where it
    # was saved: the same call logged twice, or a survey's answer the import brought already
    alike: str | None = None


def build_entry(model: type[M], **fields: object) -> M:
    """An entry from what the owner typed, or EntryRefused naming the first field that is wrong."""
    try:
        return model(**fields)
    except ValidationError as exc:
        error = exc.errors()[0]
        field = ".".join(str(part) for part in error["loc"]) or "entry"
        raise EntryRefused(f"{field}: {error['msg'].lower()}.") from None


# -- writing ---------------------------------------------------------------------------------------


def _params(entry: InteractionEntry | FeedbackEntry | NoteEntry, key: str) -> dict[str, object]:
    base: dict[str, object] = {"client_id": entry.client_id, "key": key}
    if isinstance(entry, InteractionEntry):
        base.update(happened_at=entry.happened_at, kind=entry.kind.value,
                    channel=entry.channel.value, sentiment=entry.sentiment, note=entry.note)  # fmt: skip
    elif isinstance(entry, FeedbackEntry):
        base.update(on=entry.on, score=entry.score, comment=entry.comment)
    else:
        base.update(noted_at=entry.noted_at, note=entry.text)
    return base


def log_entry(
    store: Store,
    entry: InteractionEntry | FeedbackEntry | NoteEntry,
    *,
    con: duckdb.DuckDBPyConnection | None = None,
) -> LoggedEntry:
    """Record `entry` for its client (which must exist), committed before returning."""
    key = uuid.uuid4().hex
    params = _params(entry, key)
    with store.transaction(con) as tx:
        _require_client(store, entry.client_id, tx)
        store.run(f"record_{entry.what}_insert", params, con=tx)
        found = (
            store.rows(
                f"record_{entry.what}_alikes", {k: params[k] for k in ALIKE[entry.what]}, con=tx
            )
            if entry.what in ALIKE
            else []
        )
    return LoggedEntry(key=key, entry=entry, alike=_alike(entry, found))


# What makes two entries look alike, by kind of entry (a note is never compared).
ALIKE = {
    "interaction": ("client_id", "key", "happened_at", "kind"),
    "feedback": ("client_id", "key", "on", "score"),
}


def _alike(entry: InteractionEntry | FeedbackEntry | NoteEntry, found: list[tuple]) -> str | None:
    """'Another complaint on 2026-09-20 is on record (imported from zendesk): if it is the same,
    delete one in the client's timeline.' None where there is none."""
    if not found:
        return None
    n = sum(count for _source, count in found)
    whence = ", ".join(
        (f"{count} you logged" if source == "app" else f"{count} imported from {source}")
        for source, count in found
    )
    if isinstance(entry, InteractionEntry):
        what = entry.kind.value.replace("_", " ")
        day = entry.happened_at.date()
    else:
        assert isinstance(entry, FeedbackEntry)
        what, day = f"feedback {entry.score}/10", entry.on
    other = "Another" if n == 1 else f"{n} other"
    return (
        f"{other} {what}{'' if n == 1 else 's'} of this client on {day} "
        f"{'is' if n == 1 else 'are'} on record ({whence}): both count; if they are the same, "
        "delete one in the client's timeline."
    )


def update_entry(
    store: Store,
    key: str,
    entry: InteractionEntry | FeedbackEntry | NoteEntry,
    *,
    con: duckdb.DuckDBPyConnection | None = None,
) -> LoggedEntry:
    """Replace what the owner logged under `key` with `entry`; an imported row is never matched."""
    with store.transaction(con) as tx:
        changed = store.rows(f"record_{entry.what}_update", _params(entry, key), con=tx)
        if not changed:
            raise EntryGone(f"that {entry.what} is no longer there; nothing was changed.")
    return LoggedEntry(key=key, entry=entry)


def delete_entry(
    store: Store,
    what: What,
    client_id: str,
    key: str,
    *,
    con: duckdb.DuckDBPyConnection | None = None,
) -> None:
    """Remove one entry the owner logged; an imported row is never matched."""
    with store.transaction(con) as tx:
        gone = store.rows(f"record_{what}_delete", {"client_id": client_id, "key": key}, con=tx)
        if not gone:
            raise EntryGone(f"that {what} is no longer there; nothing was deleted.")


def get_entry(
    store: Store,
    what: What,
    client_id: str,
    key: str,
    *,
    con: duckdb.DuckDBPyConnection | None = None,
) -> LoggedEntry:
    """One entry the owner logged, as it is in the store now (for the edit form)."""
    rows = store.dicts(f"record_{what}_get", {"client_id": client_id, "key": key}, con=con)
    if not rows:
        raise EntryGone(f"that {what} is no longer there.")
    row = rows[0]
    if what == "interaction":
        sentiment = row.pop("sentiment")
        row["tone"] = None if sentiment is None else max(-2, min(2, round(sentiment * 2)))
    return LoggedEntry.model_validate({"key": key, "entry": {"what": what, **row}})


def _require_client(store: Store, client_id: str, con: duckdb.DuckDBPyConnection) -> None:
    ref = find_client(store, client_id, con=con)
    if ref.client_id != client_id:
        raise ClientNotFound(f"no client with id {client_id!r}.")


# -- reading what the owner typed on the command line ------------------------------------------------


def _word(text: str) -> str:
    return "_".join(text.strip().lower().replace("-", " ").split())


def parse_kind(text: str) -> Kind:
    """A kind as typed: `complaint`, `urgent request`, `urgent-request` or `urgent_request`."""
    try:
        return Kind(_word(text))
    except ValueError:
        allowed = ", ".join(k.value for k in Kind)
        raise EntryRefused(f"unknown kind {text!r}: one of {allowed}.") from None


# A channel as people say it, in the languages the imports read: `log --channel` and a mapped log
# (queries/mapping_interactions_parse.sql) both read these (`log --channel call` was refused while
# a sheet's "call" was read). Keys as `said` writes a word: lower case, no accents, words apart by
# one space.
CHANNEL_WORDS = {
    "call": "phone", "phone call": "phone", "telephone": "phone", "telefono": "phone",
    "llamada": "phone", "ligacao": "phone", "appel": "phone", "telefonat": "phone",
    "anruf": "phone",
    "e mail": "email", "mail": "email", "correo": "email", "courriel": "email",
    "video call": "meeting", "in person": "meeting", "teams": "meeting", "reunion": "meeting",
    "reuniao": "meeting", "videollamada": "meeting", "videochamada": "meeting",
    "visio": "meeting", "besprechung": "meeting", "termin": "meeting",
    "whatsapp": "chat", "slack": "chat",
    "text": "sms",
    "carta": "letter", "lettre": "letter", "brief": "letter",
}  # fmt: skip


def said(text: str) -> str:
    """A word as CHANNEL_WORDS keys it: "Video-call" -> "video call", "Teléfono" -> "telefono"
    (queries/mapping_interactions_parse.sql reads a cell the same way)."""
    return " ".join(unaccented(text).lower().replace("-", " ").replace("_", " ").split())


def parse_channel(text: str) -> Channel:
    """A channel as typed: `email`, `phone`, or as said: `call`, `e-mail`, `video call`."""
    word = said(text)
    try:
        return Channel(CHANNEL_WORDS.get(word, word))
    except ValueError:
        allowed = ", ".join(c.value for c in Channel)
        raise EntryRefused(f"unknown channel {text!r}: one of {allowed}.") from None


def parse_score(text: str) -> int:
    """A feedback score: a whole number from 0 to 10."""
    try:
        score = int(text.strip())
    except ValueError:
        score = -1
    if not 0 <= score <= 10:
        raise EntryRefused(f"score {text!r}: a whole number from 0 to 10.")
    return score


def parse_tone(text: str) -> int | None:
    """A tone: −2 (very negative) to 2 (very positive), or empty/none for no tone."""
    word = text.strip().lower().replace("−", "-")
    if word in ("", "none", "-"):
        return None
    try:
        tone = int(word)
    except ValueError:
        tone = 99
    if tone not in TONES:
        steps = ", ".join(f"{k} {v}" for k, v in TONES.items())
        raise EntryRefused(f"tone {text!r}: one of {steps}, or none.")
    return tone


def parse_when(text: str) -> datetime:
    """`2026-09-20 14:30` (or with a T, or seconds); a date alone is noon of that day. The date may
    also be written with slashes or dots, day or month first, where only one reading is a date."""
    cleaned = text.strip()
    if (day := _day_alone(cleaned)) is not None:
        return datetime.combine(day, NOON)
    if (match := _WRITTEN_DAY.match(cleaned)) is not None:  # a written day, then its time
        cleaned = f"{_written_day(match).isoformat()} {cleaned[match.end() :].lstrip(' T')}"
    if (match := _TWELVE_HOUR.search(cleaned)) is not None:
        cleaned = cleaned[: match.start()] + _twenty_four(text, match)
    try:
        return datetime.fromisoformat(cleaned).replace(tzinfo=None, microsecond=0)
    except ValueError:
        raise EntryRefused(
            f"{text!r} is not a date and time: write it as 2026-09-20 14:30 (or a date alone)."
        ) from None


# 10:30 PM, 9pm, 9:05:30 a.m.: a time of day as the US and UK write it (imports read it too).
_TWELVE_HOUR = re.compile(
    r"(?<=[ T])(\d{1,2})(?::(\d{2}))?(?::(\d{2}))?\s*([ap])\.?m\.?$", re.IGNORECASE
)


def _twenty_four(text: str, match: re.Match[str]) -> str:
    """A 12-hour time as ISO's 24-hour one: 12 AM is midnight, 12 PM noon."""
    hour, minute, second, half = match.groups()
    if not 1 <= int(hour) <= 12:
        raise EntryRefused(f"{text!r}: a 12-hour time runs from 1 to 12 (or write 14:30).")
    hour24 = int(hour) % 12 + (12 if half.lower() == "p" else 0)
    return f"{hour24:02d}:{minute or '00'}:{second or '00'}"


def _day_alone(text: str) -> date | None:
    """The day `text` names when it is a date without a time, in any form ISO allows (2026-12-03,
    20261203) or a written one (03/12/2026): such a date stands for noon, not midnight (an
    after-hours escalation)."""
    if (match := _WRITTEN_DAY.fullmatch(text)) is not None:
        return _written_day(match)
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


# 28/11/2026, 11/28/2026, 28.11.2026, 28-11-2026: how owners write a date in a form, day or month
# first as their country does; an import reads the same forms through --date-format.
_WRITTEN_DAY = re.compile(r"(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?=$|[ T])")


def _written_day(match: re.Match[str]) -> date:
    """The one date a written day can be, day first or month first; refused where both are dates
    (03/04/2026 is 3 April in Paris and March 4 in New York) or neither is."""
    first, second, year = int(match[1]), int(match[3]), int(match[4])
    readings: dict[date, str] = {}
    for day, month in ((first, second), (second, first)):
        try:
            reading = date(year, month, day)
        except ValueError:
            continue
        readings.setdefault(reading, f"{day} {reading:%B}")  # as the letter writes a month
    if len(readings) == 1:
        return next(iter(readings))
    if not readings:
        raise EntryRefused(f"{match[0]!r} is not a date: write it as 2026-09-20.")
    (a, said_a), (b, said_b) = readings.items()
    raise EntryRefused(
        f"{match[0]!r} could be {said_a} or {said_b}: write it as {a.isoformat()} or"
        f" {b.isoformat()}."
    )


def parse_day(text: str) -> date:
    """A day: 2026-09-20, or written with slashes or dots where only one reading is a date."""
    cleaned = text.strip()
    if (day := _day_alone(cleaned)) is not None:
        return day
    raise EntryRefused(f"{text!r} is not a date: write it as 2026-09-20.")


def when_of(text: str, now: datetime) -> datetime:
    """`text` read by `parse_when`, refused if it is after `now`: to the minute when a time is
    written (an escalation at 23:59 typed at noon has not happened yet); a date alone, which stands
    for noon, only when the day is after today. A typo in the year would hide it from every score."""
    when = parse_when(text)
    day_only = _day_alone(text.strip()) is not None
    # to the minute: the command line's `now` has no seconds, and a time typed this minute is now
    if (when.date() > now.date()) if day_only else (when.replace(second=0) > now):
        shown = f"{when:%Y-%m-%d}" if day_only else f"{when:%Y-%m-%d %H:%M}"
        raise EntryRefused(
            f"{shown} is in the future (now is {now:%Y-%m-%d %H:%M}); log what has happened."
        )
    return when


def check_day_not_future(day: date, now: datetime) -> None:
    """Refuse a feedback score dated after today."""
    if day > now.date():
        raise EntryRefused(
            f"{day:%Y-%m-%d} is in the future (today is {now:%Y-%m-%d}); log what has happened."
        )


__all__ = [
    "TONES",
    "Channel",
    "Entry",
    "EntryGone",
    "EntryRefused",
    "FeedbackEntry",
    "InteractionEntry",
    "Kind",
    "LoggedEntry",
    "NoteEntry",
    "build_entry",
    "check_day_not_future",
    "delete_entry",
    "get_entry",
    "log_entry",
    "parse_channel",
    "parse_day",
    "parse_kind",
    "parse_score",
    "parse_tone",
    "parse_when",
    "update_entry",
    "when_of",
]
