"""The exit checklist of one client decided exit: ten steps, each saved the moment it changes.

A change shows "saving…" until its job has committed; only then does the step show its new status,
so whatever the screen shows as done survives the process being killed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from functools import partial
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from health_tui.app import format as fmt
from health_tui.app.screens.base import HealthScreen
from health_tui.app.screens.review_modals import AskText, Confirm
from health_tui.app.styles import HEADING, MUTED
from health_tui.app.text import safe_text
from health_tui.app.widgets import review_panels as rp
from health_tui.app.widgets.fitted import Fitted
from health_tui.app.widgets.footer import KeyFooter
from health_tui.review.checklist import (
    Checklist,
    StepStatus,
    exit_progress,
    load_checklist,
    set_step,
)
from health_tui.review.decisions import Decision, DecisionRecord, decision_history

if TYPE_CHECKING:
    pass

MONEY_STEP = "final_invoice"  # the step that settles what is unpaid: not applicable asks first


class ChecklistScreen(HealthScreen):
    """Arrows move between steps; space, a and N change the one highlighted."""

    CSS_PATH = "checklist.tcss"
    AUTO_FOCUS = "#steps"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "toggle_step", "Done/to do", key_display="space"),
        Binding("a", "not_applicable", "Not applicable"),
        Binding("N", "note", "Note", key_display="N"),
        Binding("t", "letter", "Letter"),
        Binding("n,right", "other(1)", "Next exit", key_display="n"),
        Binding("b,left", "other(-1)", "Prev exit", key_display="b"),
        Binding("escape,backspace", "back", "Back"),
    ]

    def __init__(self, client_id: str, order: Sequence[str] | None = None) -> None:
        super().__init__()
        self.client_id = client_id
        self.order = list(order) if order is not None else None  # the exits n and b walk
        self.checklist: Checklist | None = None
        self.saving: dict[str, tuple[StepStatus, str | None]] = {}  # step -> what is being saved

    def compose(self) -> ComposeResult:
        yield Fitted(Content.styled("Loading the checklist…", MUTED), id="checklist-head")
        yield OptionList(id="steps")
        yield Static(id="step-guidance")
        yield Static(id="checklist-status")
        yield KeyFooter()

    def on_mount(self) -> None:
        app = self.health_app
        client = app.portfolio.by_id(self.client_id) if app.portfolio else None
        if client is None:
            app.notify("This client is not in the quarter on screen.", severity="warning")
            self.dismiss()
            return
        self.client_name = client.name
        self.notice_days = client.notice_days
        self.currency = app.portfolio.currency if app.portfolio else "EUR"
        self.as_of = app.latest
        self.today = app.clock().date()  # the notice of a client not told yet runs from today
        self.store = app.store  # the jobs below run on the store thread: no app lookups there
        store, client_id = app.store, self.client_id

        def job(con):
            history = decision_history(store, client_id, con=con)
            if not history or history[0].decision is not Decision.exit:
                return history[0] if history else None  # said: what replaced the exit
            return self._load(con, history[0].decided_at.date())

        app.run_job(job, self._loaded, what="read the exit checklist")

    def _load(self, con, decided_on: date) -> Checklist:
        """Runs on the store thread: the checklist as committed."""
        return load_checklist(
            self.store,
            client_id=self.client_id,
            notice_days=self.notice_days,
            decided_on=decided_on,
            as_of=self.as_of,
            today=self.today,
            currency=self.currency,
            agency=self.health_app.settings.agency,
            money=self.health_app.settings.money,
            con=con,
        )

    def _loaded(self, checklist: Checklist | DecisionRecord | None) -> None:
        if not self.is_attached:
            return
        if not isinstance(checklist, Checklist):
            # An earlier quarter's list shows the exit in force then; a later decision replaced it
            why = "has no exit decision in force: decide exit first."
            if checklist is not None:
                why = (
                    f"has no exit in force: the latest decision is {checklist.decision.value}, "
                    f"on {checklist.decided_at:%Y-%m-%d} ({checklist.quarter}), so no checklist."
                )
            self.notify(safe_text(f"{self.client_name} {why}"), severity="warning", markup=False)
            self.dismiss()
            return
        self.checklist = checklist
        self._show_steps()

    # -- showing ----------------------------------------------------------------------------------

    def _show_steps(self) -> None:
        checklist = self.checklist
        if checklist is None:
            return
        self.query_one("#checklist-head", Fitted).show(
            partial(rp.checklist_head, self.client_name, checklist, self.currency)
        )
        steps = self.query_one("#steps", OptionList)
        highlighted = steps.highlighted or 0
        width = steps.scrollable_content_region.width
        prompts = [
            rp.step_prompt(i, step, self.saving.get(step.spec.key, (None,))[0], width)
            for i, step in enumerate(checklist.steps, 1)
        ]
        if steps.option_count != len(prompts):
            steps.set_options(
                Option(p, id=s.spec.key) for p, s in zip(prompts, checklist.steps, strict=True)
            )
        else:
            for i, prompt in enumerate(prompts):
                steps.replace_option_prompt_at_index(i, prompt)
        steps.highlighted = highlighted
        self._show_guidance()

    def on_resize(self) -> None:
        """The steps' facts are wrapped to the list's width: again at the new one."""
        self.call_after_refresh(self._show_steps)

    @on(OptionList.OptionHighlighted)
    def _show_guidance(self) -> None:
        step = self._step()
        if step is None:
            return
        parts: list[str | tuple[str, str]] = [
            (f"{step.spec.title}: ", HEADING),
            (step.spec.guidance, ""),
        ]
        if step.spec.key == "tell":
            parts.append(("  t opens the letter.", "bold $text-accent"))
        self.query_one("#step-guidance", Static).update(Content.assemble(*parts))

    def _step(self):
        highlighted = self.query_one("#steps", OptionList).highlighted
        if self.checklist is None or highlighted is None:
            return None
        return self.checklist.steps[highlighted]

    # -- changing ---------------------------------------------------------------------------------

    def _intended(self, key: str) -> tuple[StepStatus, str | None]:
        """What the step will be once queued saves land: the base for the next change."""
        step = next(s for s in self.checklist.steps if s.spec.key == key)  # type: ignore[union-attr]
        return self.saving.get(key, (step.status, step.note))

    def action_toggle_step(self) -> None:
        if (step := self._step()) is None or self.checklist is None:
            return
        key = step.spec.key
        status, note = self._intended(key)
        new = StepStatus.todo if status is StepStatus.done else StepStatus.done
        if new is StepStatus.done and key == MONEY_STEP and self.checklist.unpaid:
            self._ask_money(key, new, step.spec.title, "Mark it done", "Done")
        elif new is StepStatus.done and key == "close" and self._before_the_end():
            self._ask_close(key, new)
        else:
            self._save(key, new, note)

    def action_not_applicable(self) -> None:
        if (step := self._step()) is None or self.checklist is None:
            return
        key = step.spec.key
        status, note = self._intended(key)
        new = StepStatus.todo if status is StepStatus.na else StepStatus.na
        if new is not StepStatus.na or key != MONEY_STEP or not self.checklist.unpaid:
            self._save(key, new, note)
            return
        self._ask_money(key, new, step.spec.title, "Mark it not applicable", "Not applicable")

    def _confirmed(self, key: str, new: StepStatus) -> Callable[[bool | None], None]:
        def answered(yes: bool | None) -> None:
            if yes:
                self._save(key, new, self._intended(key)[1])

        return answered

    def _ask_money(self, key: str, new: StepStatus, title: str, ask: str, yes: str) -> None:
        """Settling the money step (done, or not applicable) while invoices are unpaid: asked first,
        so that "settled" is never read as "the money is in" by mistake."""
        assert self.checklist is not None
        unpaid = self.checklist.unpaid
        open_money = sum(u.converted for u in unpaid)
        overdue = sum(u.converted for u in unpaid if u.days_overdue > 0)
        body = Content.assemble(
            ("Money is still open  ", HEADING),
            (safe_text(self.client_name), "bold"),
            "\n\n",
            f"{fmt.plural(len(unpaid), 'invoice')} unpaid: ",
            (fmt.money(open_money, self.currency), "bold $text-error"),
            (f" ({fmt.money(overdue, self.currency)} overdue)" if overdue > 0 else "", MUTED),
            f"\n“{title}” is the step that settles it.",
        )
        question = f"{ask} with {fmt.money(open_money, self.currency)} unpaid?"
        self.app.push_screen(
            Confirm(body, question, yes, "Keep it to do"), self._confirmed(key, new)
        )

    def _before_the_end(self) -> bool:
        """Today comes before the relationship's earliest end (the notice still runs)."""
        assert self.checklist is not None
        return self.health_app.clock().date() < self.checklist.earliest_end

    def _ask_close(self, key: str, new: StepStatus) -> None:
        """Closing the record ends the client on the day it is ticked: asked first while the notice
        still runs, so that the record does not end months before the letter's last day."""
        assert self.checklist is not None
        today, end = self.health_app.clock().date(), self.checklist.earliest_end
        body = Content.assemble(
            ("The notice still runs  ", HEADING),
            (safe_text(self.client_name), "bold"),
            "\n\n",
            "The earliest end date is ",
            (end.isoformat(), "bold"),
            f".\nClosed today, the client reads as a former client from {today.isoformat()}.",
        )
        question = f"Close the record today, before {end.isoformat()}?"
        self.app.push_screen(
            Confirm(body, question, "Close today", "Keep it to do"), self._confirmed(key, new)
        )

    def action_note(self) -> None:
        step = self._step()
        if step is None:
            return
        key, title = step.spec.key, step.spec.title

        def noted(note: str | None) -> None:
            if note is not None:
                status, _ = self._intended(key)
                self._save(key, status, note)

        self.app.push_screen(
            AskText(f"Note: {title}", "What was done, when, by whom (empty clears it).",
                    self._intended(key)[1] or ""),
            noted,
        )  # fmt: skip

    def _save(self, key: str, status: StepStatus, note: str | None) -> None:
        app, store = self.health_app, self.health_app.store
        assert self.checklist is not None
        step = next(s for s in self.checklist.steps if s.spec.key == key)
        now = app.clock()
        self.today = now.date()  # un-ticking "tell" runs the notice from today again
        # A note on a step already done keeps the day it was done.
        on = step.done_on if step.status is StepStatus.done and step.done_on else now.date()
        decided_on, wanted = self.checklist.decided_on, (status, note)
        was_closed = self._intended(key)[0] is StepStatus.done  # as the queued saves leave it
        self.saving[key] = wanted
        self._show_steps()

        def job(con):
            set_step(store, client_id=self.client_id, step=key, status=status, note=note,
                     on=on, at=now, con=con)  # fmt: skip
            return self._load(con, decided_on), exit_progress(store, con=con)

        def done(result) -> None:
            checklist, progress = result
            app.progress_saved(progress)
            closed = status is StepStatus.done
            if key == "close" and closed != was_closed:  # an end date set, or taken back
                app.rescore_after(self.client_id, "record closed" if closed else "record reopened")
            if self.saving.get(key) == wanted:
                del self.saving[key]
            self.checklist = checklist
            if self.is_attached:
                self._show_steps()
                self._status(f"Saved: {step.spec.title} — {rp.STATUS_WORD[status]}")

        def failed(_: BaseException) -> None:
            if self.saving.get(key) == wanted:
                del self.saving[key]
            if self.is_attached:
                self._show_steps()

        app.run_job(job, done, failed=failed, what=f"save the step “{step.spec.title}”")

    def _status(self, text: str) -> None:
        self.query_one("#checklist-status", Static).update(Content.styled(safe_text(text), MUTED))

    def action_letter(self) -> None:
        from health_tui.app.screens.letter import LetterScreen

        app = self.health_app
        client = app.portfolio.by_id(self.client_id) if app.portfolio else None
        if self.checklist is not None and client is not None:
            app.push_screen(LetterScreen(client, self.checklist, self.currency))

    def action_other(self, step: int) -> None:
        """Go to the next or previous exit of the list this checklist was opened from (or of
        every exit in force, oldest decision first)."""
        review = self.health_app.review
        order = self.order
        if order is None:
            order = review.exit_order() if review is not None else []
        if self.client_id not in order or len(order) < 2:
            self.notify("No other client is leaving.", timeout=3)
            return
        target = order[(order.index(self.client_id) + step) % len(order)]
        self.app.switch_screen(ChecklistScreen(target, order=order))

    def action_back(self) -> None:
        self.dismiss()
