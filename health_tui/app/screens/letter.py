"""The termination letter: the saved one, or a calm first draft from the client's data, to edit.

Ctrl+S commits it; leaving with changes asks whether to save them; Ctrl+O writes it as Markdown to a
file, never over an existing one unless the owner says so.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widgets import Static, TextArea

from health_tui.app.screens.base import HealthScreen
from health_tui.app.screens.review_modals import AskText, Confirm, SaveOrDiscard
from health_tui.app.styles import HEADING, MUTED
from health_tui.app.text import safe_lines, safe_text
from health_tui.app.widgets.footer import KeyFooter
from health_tui.review.checklist import Checklist
from health_tui.review.letter import (
    draft_for,
    export_letter,
    load_letter,
    out_of_date,
    save_letter,
    wording_for,
)
from health_tui.scoring.models import ClientScore
from health_tui.settings import UNSIGNED

if TYPE_CHECKING:
    pass


def default_export_name(client_id: str) -> str:
    """letter-<client_id>.txt (plain text, for an email), with anything a file name should not
    hold replaced."""
    return f"letter-{re.sub(r'[^A-Za-z0-9._-]+', '-', client_id).strip('.-') or 'client'}.txt"


# The signature's placeholders (settings.Agency.signature) a draft keeps until the settings give them.
PLACEHOLDERS = tuple(p for pair in UNSIGNED.values() for p in pair)


class LetterScreen(HealthScreen):
    """An editor over the letter; the status line says whether what is shown is saved."""

    CSS_PATH = "letter.tcss"
    AUTO_FOCUS = "#letter"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save", priority=True),
        Binding("ctrl+o", "export", "Export", priority=True),
        Binding("ctrl+r", "redraft", "Draft again", priority=True),
        Binding("escape", "back", "Back"),
    ]

    def __init__(self, client: ClientScore, checklist: Checklist, currency: str) -> None:
        super().__init__()
        self.client = client
        self.checklist = checklist
        self.currency = currency
        self.baseline: str | None = None  # the text as last saved or drafted; None while loading
        self.saved = False  # whether `baseline` is what the database holds

    @property
    def text(self) -> str:
        return self.query_one("#letter", TextArea).text

    @property
    def dirty(self) -> bool:
        return self.baseline is not None and self.text != self.baseline

    def compose(self) -> ComposeResult:
        yield Static(
            Content.assemble(
                ("Letter to ", HEADING),
                (safe_text(self.client.name), "bold"),
                (f"  ends {self.checklist.earliest_end.isoformat()}", MUTED),
            ),
            id="letter-head",
        )
        editor = TextArea(id="letter", soft_wrap=True, show_line_numbers=False)
        editor.read_only = True  # until the saved letter or the draft is in
        yield editor
        yield Static(Content.styled("Loading…", MUTED), id="letter-status")
        yield KeyFooter()

    def on_mount(self) -> None:
        store, client_id = self.health_app.store, self.client.client_id
        self.health_app.run_job(
            lambda con: load_letter(store, client_id, con=con), self._loaded, what="read the letter"
        )

    def _loaded(self, body: str | None) -> None:
        if not self.is_attached:
            return
        self.saved = body is not None
        body = safe_lines(self._draft() if body is None else body)
        editor = self.query_one("#letter", TextArea)
        editor.load_text(body)
        editor.read_only = False
        self.baseline = body
        self._show_status()

    def _draft(self) -> str:
        agency = self.health_app.settings.agency
        return draft_for(
            self.checklist,
            client_name=safe_text(self.client.name),
            started_on=self.client.known_started_on,
            currency=self.currency,
            signature=self.health_app.settings.agency.signature(),
            language=wording_for(agency.language, agency.country),
        )

    def _show_status(self) -> None:
        if self.baseline is None:
            return
        if self.dirty:
            text, style = "unsaved changes · ctrl+s saves", "bold $text-warning"
        elif self.saved:
            text, style = "saved", "$text-success"
        else:
            text, style = "a fresh draft, not saved yet · ctrl+s saves it", MUTED
        status = Content.styled(text, style)
        # a letter saved before a correction (the notice) or before today (the end moves with the
        # day the client is told, until that step is done) gives facts no longer in force
        if stale := out_of_date(self.text, self.checklist):
            c = self.checklist
            now = f"ends {c.earliest_end.isoformat()}" + ("" if c.told_on else " if told today")
            status = Content.assemble(
                status,
                (f" · it gives {' and '.join(stale)}; now {c.notice_days} days, {now} · ctrl+r "
                 "redrafts", "bold $text-error"),
            )  # fmt: skip
        placeholders = [p for p in PLACEHOLDERS if p in self.text]
        if placeholders:  # exported and sent as written: say where the signature comes from
            status = Content.assemble(
                status,
                (f" · {' and '.join(placeholders)} to fill in ([agency] signer and name in the "
                 "settings sign every letter)", "$text-warning"),
            )  # fmt: skip
        self.query_one("#letter-status", Static).update(status)

    def action_redraft(self) -> None:
        """Replace the text with a fresh draft from the facts now in force, after asking: what was
        typed goes (until ctrl+s, the saved letter is still the one in the database)."""
        if self.baseline is None:
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self.query_one("#letter", TextArea).load_text(safe_lines(self._draft()))
                self._show_status()

        question = Content.assemble(
            "A fresh draft from the checklist as it stands (end ",
            (self.checklist.earliest_end.isoformat(), "bold"),
            f", notice {self.checklist.notice_days} days) replaces the text on screen, and what "
            "was typed and not saved is lost; ctrl+s then saves the draft.",
        )
        self.app.push_screen(Confirm(question, "Draft it again?", "Draft again", "Keep"), answered)

    @on(TextArea.Changed)
    def _changed(self) -> None:
        self._show_status()

    # -- saving -----------------------------------------------------------------------------------

    def action_save(self, then: Callable[[], object] | None = None) -> None:
        if self.baseline is None:
            return
        app, body = self.health_app, self.text
        store, client_id, at = app.store, self.client.client_id, app.clock()

        def done(_: None) -> None:
            self.baseline, self.saved = body, True
            app.notify(safe_text(f"Saved: letter to {self.client.name}"), markup=False, timeout=3)
            if self.is_attached:
                self._show_status()
            if then is not None:
                then()

        app.run_job(
            lambda con: save_letter(store, client_id, body, at=at, con=con),
            done,
            what="save the letter",
        )

    def action_back(self) -> None:
        if not self.before_quit(self.dismiss):
            self.dismiss()

    def before_quit(self, leave: Callable[[], object]) -> bool:
        """With unsaved changes, ask to save or discard them before `leave`; False if none."""
        if not self.dirty:
            return False

        def answered(answer: str | None) -> None:
            if answer == "save":
                self.action_save(then=leave)  # leaves once the letter is committed
            elif answer == "discard":
                leave()

        self.app.push_screen(SaveOrDiscard("The letter"), answered)
        return True

    # -- exporting --------------------------------------------------------------------------------

    def action_export(self) -> None:
        if self.baseline is None:
            return
        body = self.text

        def chosen(path: str | None) -> None:
            if path and path.strip():
                self._export(body, Path(path.strip()).expanduser(), force=False)

        # beside the database, as the report goes: the folder the app was started from may be
        # anything (a project's source, the home folder)
        db = self.health_app.store.path
        where = (db.parent if db is not None else Path()) / default_export_name(
            self.client.client_id
        )
        self.app.push_screen(
            AskText("Export the letter", "File to write (.txt is plain text for an email, .md is Markdown; a relative path is from the folder health-tui was started in):",
                    str(where), hint="Enter writes · Escape cancels"),
            chosen,
        )  # fmt: skip

    def _export(self, body: str, path: Path, *, force: bool) -> None:
        name = safe_text(self.client.name)
        try:
            written = export_letter(body, name, path, force=force)
        except FileExistsError:

            def overwrite(yes: bool | None) -> None:
                if yes:
                    self._export(body, path, force=True)

            question = Content.assemble((safe_text(str(path)), "bold"), " already exists.")
            self.app.push_screen(
                Confirm(question, "Overwrite it?", "Overwrite", "Keep it"), overwrite
            )
            return
        except OSError as exc:
            self.notify(
                safe_text(f"Could not write {path}: {exc.strerror or exc}"),
                title="Not exported",
                severity="error",
                markup=False,
            )
            return
        self.notify(safe_text(f"Exported: {written}"), markup=False, timeout=4)
