"""The professional exit, step by step (domain.md, "A professional exit"), saved as the owner goes."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from enum import StrEnum

import duckdb
from pydantic import BaseModel, ConfigDict

from health_tui.formatting import money, plural
from health_tui.money import rate_params
from health_tui.settings import Agency, Money
from health_tui.store import Store
from health_tui.text import safe_text
from health_tui.workdays import next_working_day


class StepStatus(StrEnum):
    todo = "todo"
    done = "done"
    na = "na"  # not applicable


class StepSpec(BaseModel):
    model_config = ConfigDict(frozen=True)

    key: str
    title: str
    guidance: str


STEPS: tuple[StepSpec, ...] = (
    StepSpec(key="record", title="Record the decision and the evidence",
             guidance="The verdict, its reasons and the counter-signals weighed are saved with the decision."),
    StepSpec(key="contract", title="Read the contract",
             guidance="Notice period, termination clause, and what is still owed each way."),
    StepSpec(key="obligations", title="Fulfil outstanding obligations",
             guidance="Finish deliverables in flight and promised work before stopping."),
    StepSpec(key="final_invoice", title="Send the final invoice and settle what is unpaid",
             guidance="Invoice the work done to the end date; chase what is still open."),
    StepSpec(key="handover", title="Hand over files, assets, accounts and credentials",
             guidance="Everything that is theirs, in a form they can use without you."),
    StepSpec(key="revoke", title="Revoke the agency's access",
             guidance="Remove your accounts from their systems and theirs from yours."),
    StepSpec(key="referrals", title="Point them to other providers",
             guidance="Name providers who may suit what they need better."),
    StepSpec(key="tell", title="Tell the client, calmly",
             guidance='No blame, no insults: "we are not the right fit for what you need", the end date '
                      "and what will be handed over."),
    StepSpec(key="close", title="Close the record",
             guidance="Marking this done sets the client's end date (ended_on) to the day it was "
                      "done, unless you gave the day they left yourself (c on the client screen)."),
    StepSpec(key="lookback", title="Look back internally",
             guidance="Which expectation was not set at first contact, and what to change next time."),
)  # fmt: skip
STEP_KEYS = tuple(s.key for s in STEPS)


class UnpaidInvoice(BaseModel):
    model_config = ConfigDict(frozen=True)

    invoice_id: str
    issued_on: date
    due_on: date
    amount: float  # in the invoice's own currency: what it says, with tax where that is known
    currency: str | None
    converted: float  # in the portfolio's: what totals add up
    days_overdue: int
    with_tax: bool = False  # the amount is with tax (the export gave both)
    seen_on: date | None = None  # the day the import showing it unpaid ran (None: not known)

    @property
    def number(self) -> str:
        """The invoice's number as the client knows it: the part still owed of one paid in part
        is stored as `ID-unpaid`, a name the letter gave the client (a freelancer's hunt)."""
        return self.invoice_id.removesuffix("-unpaid")

    @property
    def part(self) -> bool:
        """The rest of an invoice paid in part."""
        return self.invoice_id.endswith("-unpaid")


class Step(BaseModel):
    spec: StepSpec
    status: StepStatus = StepStatus.todo
    done_on: date | None = None
    note: str | None = None
    detail: list[str] = []  # facts from the data shown beside the step


class Checklist(BaseModel):
    client_id: str
    decided_on: date
    notice_days: int
    earliest_end: date
    told_on: date | None = None  # the "tell" step's day once done: the notice runs from it
    notice_from: date  # told_on, or while not told, today (never before the decision)
    unpaid: list[UnpaidInvoice]
    owed_on: date  # the day `unpaid` is read on: today, or the as-of date where it is later
    invoiced: bool = True  # an invoice of theirs is on record by owed_on: "nothing unpaid" then
    face_to_face: bool
    steps: list[Step]

    @property
    def unpaid_seen_on(self) -> date | None:
        """Where every invoice unpaid on record was last imported before `owed_on`, the latest
        such day: what is owed is as that import showed it (a Denver studio's exits read
        "unpaid $12,000 today" from an export two months old)."""
        days = [u.seen_on for u in self.unpaid]
        if not days or any(d is None or d >= self.owed_on for d in days):
            return None
        return max(d for d in days if d is not None)

    @property
    def settled(self) -> int:
        return sum(1 for s in self.steps if s.status is not StepStatus.todo)

    @property
    def progress(self) -> str:
        """ "exit 4/10": the mark the portfolio and client screens show."""
        return f"exit {self.settled}/{len(self.steps)}"


def progress_label(settled: int) -> str:
    return f"exit {settled}/{len(STEPS)}"


class ExitCase(BaseModel):
    """A client decided exit: what a checklist needs to know besides the saved steps."""

    model_config = ConfigDict(frozen=True)

    client_id: str
    notice_days: int
    decided_on: date


def load_checklist(
    store: Store,
    *,
    client_id: str,
    notice_days: int,
    decided_on: date,
    as_of: date,
    today: date,
    currency: str = "EUR",
    agency: Agency | None = None,
    money: Money | None = None,
    con: duckdb.DuckDBPyConnection | None = None,
) -> Checklist:
    """One client's checklist as saved, with the contract, unpaid invoices and channel facts."""
    case = ExitCase(client_id=client_id, notice_days=notice_days, decided_on=decided_on)
    found = load_checklists(
        store,
        [case],
        as_of=as_of,
        today=today,
        currency=currency,
        agency=agency,
        money=money,
        con=con,
    )
    return found[client_id]


def load_checklists(
    store: Store,
    cases: list[ExitCase],
    *,
    as_of: date,
    today: date,
    currency: str = "EUR",
    agency: Agency | None = None,
    money: Money | None = None,
    con: duckdb.DuckDBPyConnection | None = None,
) -> dict[str, Checklist]:
    """Every given client's checklist, in four set-based queries whatever their number. The
    earliest end date is the first working day after the notice (`agency` says whose holidays).

    `today` (the caller's clock) is the day the notice runs from while the client is not told: a
    client told today can leave no earlier, whatever quarter is being looked at (as of
    2026-09-30, an exit not told by 5 December could not end on 19 October). The unpaid invoices
    and formal complaints are read as of today too, or `as_of` where it is later: a checklist and
    its letter are what the owner does now, and a letter written on 5 December for a review as
    of 30 November told the client an invoice paid on 2 December was "still open"."""
    agency = agency or Agency()
    owed_on = max(as_of, today)  # a later as-of scores what falls due by then as if it had come
    params = {"client_ids": [c.client_id for c in cases]}
    saved: dict[str, dict[str, dict]] = {}
    for r in store.dicts("exit_steps_get", params, con=con):
        saved.setdefault(r["client_id"], {})[r["step"]] = r
    unpaid: dict[str, list[UnpaidInvoice]] = {}
    rates = rate_params(money or Money(currency=currency))
    for r in store.dicts("client_unpaid_invoices", {**params, **rates, "as_of": owed_on}, con=con):
        unpaid.setdefault(r.pop("client_id"), []).append(UnpaidInvoice(**r))
    formal = {
        cid: (esc, letters)
        for cid, esc, letters in store.rows(
            "client_formal_complaints", {**params, "as_of": owed_on}, con=con
        )
    }
    invoiced = {
        cid
        for (cid,) in store.rows("client_invoices_on_record", {**params, "as_of": owed_on}, con=con)
    }
    return {
        c.client_id: _checklist(
            c,
            saved.get(c.client_id, {}),
            unpaid.get(c.client_id, []) if c.client_id in invoiced else None,
            formal.get(c.client_id, (0, 0)),
            currency,
            agency,
            today,
            owed_on,
        )
        for c in cases
    }


def _checklist(
    case: ExitCase,
    saved: dict[str, dict],
    unpaid: list[UnpaidInvoice] | None,  # None: no invoice of theirs on record at all
    formal: tuple[int, int],
    currency: str,
    agency: Agency,
    today: date,
    owed_on: date,  # the day `unpaid` was read on
) -> Checklist:
    escalations, letters = formal
    # The notice runs from the day the client is told: the "tell" step's date once it is done;
    # until then, the decision's day or, if that has passed, today at the earliest.
    told = saved.get("tell")
    told_on = told["done_on"] if told and told["status"] == "done" and told["done_on"] else None
    notice_from = told_on or max(case.decided_on, today)
    notice_ends = notice_from + timedelta(days=case.notice_days)
    earliest_end = next_working_day(notice_ends, agency.country, agency.subdivision)
    face_to_face = bool(escalations or letters)
    moved = f" (the first working day from {notice_ends})" if earliest_end != notice_ends else ""
    contract = (
        f"Notice period {case.notice_days} days from {told_on}, when they were told: the "
        f"earliest end date is {earliest_end}{moved}."
        if told_on
        else f"Notice period {case.notice_days} days, from the day they are told (not told yet): "
        f"if told on {notice_from}, the earliest end date is {earliest_end}{moved}."
    )
    details = {
        "contract": [contract],
        "final_invoice": [
            f"{u.number}: {money(u.amount, u.currency or currency, cents=True, home=currency)}"
            + (" with tax" if u.with_tax else "")
            + (" still owed (paid in part)" if u.part else "")
            + f", due {u.due_on}"
            + (f", {plural(u.days_overdue, 'day')} overdue" if u.days_overdue else ", not yet due")
            for u in unpaid or []
        ]
        or [
            "Nothing is unpaid."
            if unpaid is not None
            else "No invoice of theirs is on record: check what is still owed in your accounting "
            "tool before the final invoice."
        ],
        "tell": [
            f"Meet face to face: {plural(letters, 'formal letter')} and "
            f"{plural(escalations, 'escalation')} on record."
            if face_to_face
            else "A call or a calm e-mail is enough: no formal letters or escalations on record."
        ],
    }
    steps = []
    for spec in STEPS:
        row = saved.get(spec.key)
        steps.append(
            Step(
                spec=spec,
                status=StepStatus(row["status"]) if row else StepStatus.todo,
                done_on=row["done_on"] if row else None,
                note=row["note"] if row else None,
                detail=details.get(spec.key, []),
            )
        )
    return Checklist(
        client_id=case.client_id,
        decided_on=case.decided_on,
        notice_days=case.notice_days,
        earliest_end=earliest_end,
        told_on=told_on,
        notice_from=notice_from,
        unpaid=unpaid or [],
        owed_on=owed_on,
        invoiced=unpaid is not None,
        face_to_face=face_to_face,
        steps=steps,
    )


def set_step(
    store: Store,
    *,
    client_id: str,
    step: str,
    status: StepStatus | str,
    note: str | None,
    on: date,
    at: datetime,
    con: duckdb.DuckDBPyConnection | None = None,
) -> None:
    """Save one step, committed before returning. Closing the record records the client's end date
    as the owner's fact (no import can erase it); un-ticking it removes that fact, so the end date
    is the imported one again."""
    if step not in STEP_KEYS:
        raise ValueError(f"unknown exit step {step!r}")
    status = StepStatus(status)
    params = {
        "client_id": client_id,
        "step": step,
        "status": status.value,
        "done_on": on if status is StepStatus.done else None,
        "note": safe_text(note).strip() or None,  # stored as every export shows it: inert
        "updated_at": at,
    }
    with store.transaction(con) as tx:
        if step == "close" and status is not StepStatus.done:  # before the step forgets its date
            store.run("client_reopen_record", {"client_id": client_id}, con=tx)
        store.run("exit_step_set", params, con=tx)
        if step == "close" and status is StepStatus.done:
            store.run(
                "client_close_record",
                {"client_id": client_id, "ended_on": on, "recorded_at": at},
                con=tx,
            )


def exit_progress(store: Store, *, con: duckdb.DuckDBPyConnection | None = None) -> dict[str, int]:
    """Steps settled (done or not applicable) per client that has started an exit checklist."""
    return dict(store.rows("exit_progress", con=con))
