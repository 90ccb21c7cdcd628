"""The termination letter in the app: drafted, edited, saved in the database, exported as Markdown."""

from __future__ import annotations

from pathlib import Path

import pytest

from health_tui.app.screens.checklist import ChecklistScreen
from health_tui.app.screens.letter import LetterScreen
from health_tui.app.screens.review_modals import AskText, Confirm, SaveOrDiscard
from health_tui.review.letter import load_letter
from health_tui.store import open_store
from tests.test_app_review_support import decide, go_to, running, small_db, text
from tests.test_app_support import settle


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return small_db(tmp_path)


async def open_letter(pilot) -> LetterScreen:
    """Castell's letter (a notice of 30 days), decided exit in the review."""
    await go_to(pilot, "castell")  # the second exit candidate, after brightline
    await decide(pilot, "x")
    # the review went on to the client still undecided, brightline: back to castell
    assert pilot.app.screen.current.client_id == "brightline"
    await go_to(pilot, "castell")
    await pilot.press("e")
    await settle(pilot)
    assert isinstance(pilot.app.screen, ChecklistScreen)
    assert pilot.app.screen.client_id == "castell"
    await pilot.press("t")  # the letter, for step 8: tell the client
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, LetterScreen)
    return screen


async def test_the_letter_is_drafted_edited_and_saved(db: Path) -> None:
    async with running(db) as (app, pilot):
        screen = await open_letter(pilot)
        body = screen.text
        assert body.startswith("Dear Castell & Rowe Solicitors team,")
        assert (
            "30 days" in body and "2 November 2026" in body
        )  # decided 2026-10-02; 1 Nov is a Sunday
        assert "not saved yet" in text(screen.query_one("#letter-status"))
        editor = screen.query_one("#letter")
        editor.move_cursor(editor.document.end)
        editor.insert("P.S. Thank you, Anna")
        await pilot.press(".")  # typed, like the owner would
        assert "unsaved changes" in text(screen.query_one("#letter-status"))
        await pilot.press("escape")
        assert isinstance(app.screen, SaveOrDiscard)
        await pilot.press("escape")  # keep editing
        await pilot.press("ctrl+s")
        await settle(pilot)
        # no [agency] in the settings: the signature's placeholders are said, not sent unseen
        assert text(screen.query_one("#letter-status")) == (
            "saved · [Your name] and [Your agency] to fill in ([agency] signer and name in the "
            "settings sign every letter)"
        )
        await pilot.press("escape")  # nothing unsaved: leaves at once
        assert isinstance(app.screen, ChecklistScreen)
        await pilot.press("t")
        await settle(pilot)
        await pilot.press("!", "ctrl+q")  # quitting asks too; discarding quits
        assert isinstance(app.screen, SaveOrDiscard)
        await pilot.press("d")
        await settle(pilot)
        assert not app.is_running
    store = open_store(db)
    saved = load_letter(store, "castell")
    store.close()
    assert saved is not None and saved.endswith("P.S. Thank you, Anna.")


async def test_export_refuses_to_overwrite_unless_confirmed(
    db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    existing = tmp_path / "letter-castell.txt"
    existing.write_text("the owner's own notes")
    async with running(db) as (app, pilot):
        await open_letter(pilot)
        await pilot.press("ctrl+o")
        assert isinstance(app.screen, AskText)
        # beside the database, not wherever the app was started
        assert app.screen.query_one("#ask-input").value == str(db.parent / "letter-castell.txt")
        assert db.parent == tmp_path
        await pilot.press("enter")
        assert isinstance(app.screen, Confirm)  # it exists: asked, not overwritten
        await pilot.press("n")
        assert existing.read_text() == "the owner's own notes"
        await pilot.press("ctrl+o", "enter", "y")
        written = existing.read_text()  # plain text, for an email: the letter as written
        assert written.startswith("Dear Castell & Rowe Solicitors team,")
        assert written.endswith("Kind regards,\n[Your name]\n[Your agency]\n")
        await pilot.press("ctrl+o")
        app.screen.query_one("#ask-input").value = "elsewhere.md"
        await pilot.press("enter")
        assert (tmp_path / "elsewhere.md").exists() and isinstance(app.screen, LetterScreen)
        assert (tmp_path / "elsewhere.md").read_text().startswith("# Letter to Castell")
        assert "Exported: elsewhere.md" in [n.message for n in app._notifications]


async def test_a_letter_saved_before_a_correction_says_it_is_out_of_date(db: Path) -> None:
    """A letter saved with a notice of 30 days, then the notice corrected to 60: the checklist
    ends a month later but the letter gave the old date and said "saved". Now it says it is out of
    date, and ctrl+r drafts it again from the facts in force (saved by ctrl+s as any change)."""
    from datetime import datetime

    from health_tui.clients import set_fact

    async with running(db) as (app, pilot):
        screen = await open_letter(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert text(screen.query_one("#letter-status")).startswith("saved · [Your name]")
    store = open_store(db)
    set_fact(store, "castell", "notice_days", "60", at=datetime(2026, 10, 3, 9))
    store.close()
    async with running(db, start="portfolio") as (app, pilot):
        await pilot.press("E")  # the exits in progress: castell's checklist, then its letter
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("t")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, LetterScreen)
        assert "30 days" in screen.text  # the saved letter, as saved
        status = text(screen.query_one("#letter-status"))
        assert (
            status.startswith("saved")
            and "it gives a notice of 30 days and an end on 2 November 2026; now 60 days, "
            "ends 2026-12-01 if told today"
            in status
        )
        await pilot.press("ctrl+r")
        assert isinstance(app.screen, Confirm)
        await pilot.press("y")
        await settle(pilot)
        assert "60 days" in screen.text and "1 December 2026" in screen.text
        status = text(screen.query_one("#letter-status"))
        assert status.startswith("unsaved changes") and "it gives" not in status
