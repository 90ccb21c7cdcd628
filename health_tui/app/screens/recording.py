"""Keeping the record from a screen that shows one client: the client screen and the review.

`i`, `f` and `n` open a form; the entry is committed by the store queue before the screen says
"saved"; then the quarter is scored again in the scoring worker and the screen's status line says
what moved ("health 74 → 62: friction −9, satisfaction −3"). Edits and deletions (from the client's
timeline) go the same way, and only for what the owner logged.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.content import Content
from textual.widgets import Static

from health_tui.app.messages import RecordedChange
from health_tui.app.screens.base import HealthScreen
from health_tui.app.screens.record_forms import AnyEntry, EntryForm, form_for
from health_tui.app.screens.review_modals import Confirm
from health_tui.app.styles import MUTED
from health_tui.app.text import safe_text
from health_tui.app.widgets.timeline import entry_summary
from health_tui.history import TimelineEvent
from health_tui.record import LoggedEntry, delete_entry, get_entry, log_entry, update_entry
from health_tui.scoring.facts import first_day_read

if TYPE_CHECKING:
    from health_tui.app.jobs import Job

SAVED_STYLE = "bold $text-success"


class RecordKeeping(HealthScreen):
    """A screen about one client that can log for it; it has a `#record-status` line."""

    _status_client: str | None = None  # the client the status line speaks of

    def record_target(self) -> tuple[str, str] | None:
        """(client_id, name) of the client the keys log for; None when there is none."""
        raise NotImplementedError

    def record_saved(self, client_id: str, key: str | None = None) -> None:
        """Something was committed for the client (`key`: the entry saved, None once deleted): the
        client screen reads its timeline again."""

    # -- the status line ----------------------------------------------------------------------------

    def watch_record_changes(self) -> None:
        """Call from on_mount: show what moved when the app has scored again."""
        self.watch(self.app, "last_change", self._show_change, init=False)

    def show_record_status(self, *parts: str | tuple[str, str]) -> None:
        target = self.record_target()
        self._status_client = target[0] if target else None
        for line in self.query("#record-status").results(Static):
            line.update(Content.assemble(*parts))
            line.display = True

    def clear_record_status(self) -> None:
        self._status_client = None
        for line in self.query("#record-status").results(Static):
            line.display = False

    def sync_record_status(self) -> None:
        """Hide the status line once the screen shows another client than the one it is about."""
        target = self.record_target()
        if self._status_client != (target[0] if target else None):
            self.clear_record_status()

    def _show_change(self, recorded: RecordedChange | None) -> None:
        target = self.record_target()
        if recorded is None or target is None or recorded.client_id != target[0]:
            return
        self.show_record_status(
            (f"✓ {safe_text(recorded.what)}", SAVED_STYLE),
            ("  ·  ", MUTED),
            (recorded.change.sentence(), "bold"),
        )

    # -- logging ------------------------------------------------------------------------------------

    def action_log(self, what: str) -> None:
        target = self.record_target()
        if target is None:
            return
        client_id, name = target
        store = self.health_app.store

        def save(entry: AnyEntry) -> Job[LoggedEntry]:
            return lambda con: log_entry(store, entry, con=con)

        self._open(form_for(what, client_id, name, save, now=self._now()), "logged")

    def edit_entry(self, event: TimelineEvent, client_id: str, name: str) -> None:
        """Open the form on an entry the owner logged, as it is in the store now."""
        key = event.entry_key
        if key is None:
            self._imported(event)
            return
        app, store = self.health_app, self.health_app.store

        def loaded(logged: LoggedEntry) -> None:
            if not self.is_attached:
                return

            def save(entry: AnyEntry) -> Job[LoggedEntry]:
                return lambda con: update_entry(store, key, entry, con=con)

            self._open(
                form_for(event.entry, client_id, name, save, now=self._now(), entry=logged.entry),
                "edited",
            )

        app.run_job(
            lambda con: get_entry(store, event.entry, client_id, key, con=con),
            loaded,
            what="read the entry",
        )

    def remove_entry(self, event: TimelineEvent, client_id: str) -> None:
        """Delete an entry the owner logged, after a confirmation naming it."""
        key = event.entry_key
        if key is None:
            self._imported(event)
            return
        app, store = self.health_app, self.health_app.store
        kind = safe_text(event.kind).replace("_", " ")

        def done(_: None) -> None:
            app.notify(f"Deleted: {kind} of {event.happened_at:%Y-%m-%d}", markup=False, timeout=4)
            self.record_saved(client_id)
            if event.entry == "note":
                self.show_record_status(
                    (f"✓ deleted the note of {event.happened_at:%Y-%m-%d}", SAVED_STYLE)
                )
                return
            self.show_record_status(
                (f"✓ deleted {kind} of {event.happened_at:%Y-%m-%d}", SAVED_STYLE),
                ("  ·  scoring again…", MUTED),
            )
            app.rescore_after(client_id, f"deleted {kind} of {event.happened_at:%Y-%m-%d}")

        def answered(yes: bool | None) -> None:
            if yes:
                app.run_job(
                    lambda con: delete_entry(store, event.entry, client_id, key, con=con),
                    done,
                    what=f"delete the {kind}",
                )

        app.push_screen(Confirm(entry_summary(event), "Delete it?", "Delete", "Keep it"), answered)

    def _imported(self, event: TimelineEvent) -> None:
        self.notify(
            safe_text(
                f"This {event.kind.replace('_', ' ')} came from an import ({event.source}): change "
                "it at its source and import again. Only what you logged here can be edited."
            ),
            severity="warning",
            markup=False,
        )

    def _now(self):
        return self.health_app.clock().replace(second=0, microsecond=0)

    def _open(self, form: EntryForm, verb: str) -> None:
        """Push `form`; what it saved is said and scored even if ctrl+p took the owner elsewhere
        before the save ended (the form, and this screen, gone with their callbacks)."""

        def gone(logged: LoggedEntry | None) -> None:
            if self.is_attached:
                self._saved(logged, verb)
            elif logged is not None:
                label = self._announce(logged, verb)
                if self._scored_again(logged, verb):
                    self.health_app.rescore_after(logged.entry.client_id, label)

        form.when_gone = gone
        self.app.push_screen(form, lambda logged: self._saved(logged, verb))

    def _scored_again(self, logged: LoggedEntry, verb: str) -> bool:
        """Whether the entry can move the scores on screen: a note never does, and a new entry
        dated after the day on screen or before every quarter read does not yet."""
        entry, portfolio = logged.entry, self.health_app.portfolio
        if entry.what == "note":
            return False
        if portfolio is None or verb != "logged":  # an edit may take an entry out: scored again
            return True
        day = entry.when.date()
        return portfolio.as_of >= day >= first_day_read(portfolio.as_of, self.health_app.settings)

    def _announce(self, logged: LoggedEntry, verb: str) -> str:
        """Say "Saved", and warn of an entry alike already on record (the same call logged twice,
        or brought by the helpdesk's import); the label said."""
        app = self.health_app
        label = f"{verb} {logged.entry.label()}"
        app.notify(safe_text(f"Saved: {label}"), markup=False, timeout=4)
        if logged.alike:
            app.notify(safe_text(logged.alike), markup=False, severity="warning", timeout=10)
        return label

    def _saved(self, logged: LoggedEntry | None, verb: str) -> None:
        """The form's job has committed: say so, then score the quarter again (not for a note)."""
        if logged is None:
            return
        app, entry = self.health_app, logged.entry
        label = self._announce(logged, verb)
        self.record_saved(entry.client_id, logged.key)
        portfolio = app.portfolio
        # dated after the day the screens stand on (--as-of): saved, but shown and scored only by
        # a later date; said, or the owner takes it for lost
        later = (
            f"after {portfolio.as_of}, the date on screen: shown "
            + ("" if entry.what == "note" else "and counted ")  # a note is never scored
            + f"from {entry.when.date()} (a later --as-of)"
            if portfolio is not None and entry.when.date() > portfolio.as_of
            else None
        )
        if entry.what == "note":
            self.show_record_status(
                (f"✓ {verb} a note", SAVED_STYLE),
                (f"  ·  {later}" if later else "  ·  kept in the timeline, never scored", MUTED),
            )
        elif later and verb == "logged":
            self.show_record_status((f"✓ {label}", SAVED_STYLE), (f"  ·  {later}", MUTED))
        elif (
            portfolio is not None
            and verb == "logged"  # an edit may take an entry out of the quarters: scored again
            and entry.when.date() < (oldest := first_day_read(portfolio.as_of, app.settings))
        ):
            self.show_record_status(
                (f"✓ {label}", SAVED_STYLE),
                (
                    f"  ·  dated before {oldest}, older than every quarter scored: check the year",
                    MUTED,
                ),
            )
        else:  # an edit that moved an entry past the date on screen: scored again without it
            if later:  # said again with the score's change, which replaces this line
                label += f", now after the date on screen ({entry.when.date()}: a later --as-of)"
            self.show_record_status((f"✓ {label}", SAVED_STYLE), ("  ·  scoring again…", MUTED))
            app.rescore_after(entry.client_id, label)
