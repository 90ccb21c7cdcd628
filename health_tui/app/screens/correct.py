"""Correcting a client: notice days, the day they began and the day they left, who referred them,
industry, domain, and "not a client".

What the owner types here is recorded as their own facts (client_facts), which win over whatever
imports say and survive every re-import. Each field shows the imported value beside it; typing that
value back hands the field back to imports. Enter saves all fields in one transaction; the form
stays open until it has committed, and keeps what was typed if the save is refused.
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
from textual.widgets import Checkbox, Input, Static

from health_tui.app.screens.saving_form import SavingForm
from health_tui.app.styles import HEADING, MUTED
from health_tui.app.text import safe_text
from health_tui.app.widgets.ordered_input import OrderedInput
from health_tui.clients import EDITABLE, ClientProfile, correct_client, plan_corrections

LABELS = {
    "notice_days": "Notice",
    "started_on": "Started on",
    "ended_on": "Ended on",
    "referred_by": "Referred by",
    "industry": "Industry",
    "domain": "Domain",
}
PLACEHOLDERS = {
    "notice_days": "days",
    "started_on": "YYYY-MM-DD; empty: as imported",
    "ended_on": "YYYY-MM-DD; empty: still a client",
    "referred_by": "a client's id or name; empty: nobody",
    "industry": "empty: none",
    "domain": "example.com",
}
HINT = "tab next field · space ticks · enter saves · esc cancels"


class Tick(Checkbox):
    """A checkbox that space ticks; Enter saves the form, as it does from every field."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "toggle_button", "Toggle", show=False),
        Binding("enter", "screen.save", "Save", show=False),
    ]


class CorrectForm(SavingForm[ClientProfile]):
    """The client's correctable facts; dismisses with the client as it now reads, once committed."""

    AUTO_FOCUS = "#fact-notice_days"
    unsaved = "The corrections you typed are not saved yet."
    discard = "Discard them?"

    def __init__(self, profile: ClientProfile, now: Callable[[], datetime]) -> None:
        super().__init__()
        self.profile = profile
        self.now = now

    def compose(self) -> ComposeResult:
        p = self.profile
        with Vertical(classes="record-box"):
            yield Static(
                Content.assemble(("Correct: ", HEADING), (safe_text(p.name), "bold"),
                                 (f"  {safe_text(p.client_id)}", MUTED)),
                classes="record-title",
            )  # fmt: skip
            for fact in EDITABLE:
                field = OrderedInput(safe_text(p.value(fact) or ""), id=f"fact-{fact}", compact=True,
                              max_length=200, placeholder=PLACEHOLDERS[fact])  # fmt: skip
                yield Horizontal(
                    Static(Content(LABELS[fact]), classes="record-label"),
                    field,
                    classes="record-row record-fact",
                )
                yield Static(self._whose(fact), id=f"whose-{fact}", classes="record-fact-hint")
            yield Tick(
                Content("not a client (the agency's own time: kept, never scored)"),
                p.ignored,
                id="fact-ignored",
                compact=True,
            )
            yield Static(id="record-error")
            yield Static(
                Content.styled(
                    "Your values win over imports; typing the imported value back hands a field "
                    "back to them (a start: empty it; typed, it is yours).",
                    MUTED,
                )
            )
            yield Static(Content.styled(HINT, MUTED), classes="record-hint")

    def _whose(self, fact: str) -> Content:
        p = self.profile
        imported = p.imported.get(fact)
        shown = safe_text(imported) if imported else "none"
        if fact == "referred_by" and p.value(fact) and p.referrer_name:
            lead = f"{safe_text(p.referrer_name)} · "
        else:
            lead = ""
        if fact in p.owner:
            return Content.assemble((lead, ""), ("yours", "bold $text-accent"),
                                    (f" · imported: {shown}", ""))  # fmt: skip
        if fact == "started_on" and not p.start_known:
            # an export's first row: the day they began is the owner's to give
            return Content.styled(
                "only the first day on record: type the day they began", "$text-warning"
            )
        return Content(f"{lead}as imported")

    @on(Input.Submitted)
    def _enter(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def values(self) -> tuple[Any, ...]:
        typed = tuple(self.query_one(f"#fact-{f}", Input).value for f in EDITABLE)
        return (*typed, self.query_one("#fact-ignored", Checkbox).value)

    def action_save(self) -> None:
        if self.saving:
            return
        *typed, ignored = self.values()
        plan = plan_corrections(self.profile, dict(zip(EDITABLE, typed, strict=True)), ignored)
        if not plan:
            self.dismiss(None)
            return
        store, client_id, at = self.app.store, self.profile.client_id, self.now()  # type: ignore[attr-defined]
        self.submit(
            lambda con: correct_client(store, client_id, plan, at=at, con=con),
            what="save the corrections",
        )
