"""The termination letter: drafted from the client's data, calm and without blame, editable and saved.

It is built only from facts the owner controls (name, dates, notice, invoices); nothing from the
interactions table, so no complaint is ever quoted back to the client.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path

import duckdb

from health_tui.formatting import money
from health_tui.review.checklist import Checklist, StepStatus, UnpaidInvoice
from health_tui.store import Store
from health_tui.text import markdown_text, safe_lines


def draft_letter(
    *,
    client_name: str,
    started_on: date,
    end_date: date,
    notice_days: int,
    unpaid: list[UnpaidInvoice],
    currency: str = "EUR",
    signature: str = "[Your name]\n[Your agency]",
    skipped: frozenset[str] = frozenset(),
) -> str:
    """A first draft the owner edits: the end date, the work to finish, the handover, the final
    invoice, a pointer to other providers, thanks. A promise whose checklist step the owner marked
    not applicable (`skipped`: "obligations", "handover", "revoke", "final_invoice", "referrals")
    is left out, so the letter never promises what the checklist says will not happen."""
    years = (end_date - started_on).days / 365.25
    since = f" since {started_on:%B %Y}" if years >= 0.5 else ""
    last_day = f"{end_date:%d %B %Y}"
    work = (
        ""
        if "obligations" in skipped
        else " Until then we will complete the work in progress as agreed."
    )
    handover = (
        ""
        if "handover" in skipped
        else "By that date we will hand over all project files and source assets, the accounts we "
        "manage for you with their credentials, and the documentation you need to carry on "
        "without us."
    )
    revoke = (
        ""
        if "revoke" in skipped
        else "Once the handover is confirmed, we will remove our access to your systems."
        if handover
        else f"By {last_day} we will remove our access to your systems."
    )
    open_items = ""
    if unpaid and "final_invoice" not in skipped:
        listed = "; ".join(
            f"{u.invoice_id} ({money(u.amount, u.currency or currency, cents=True)}, due {u.due_on})"
            for u in unpaid
        )
        open_items = f" For your records, these invoices are still open: {listed}."
    invoice = (
        ""
        if "final_invoice" in skipped
        else f"Our final invoice will cover the work up to {last_day}."
    )
    pointer = (
        "If it helps, we would be glad to suggest other providers who may suit what you need better."
        if "referrals" not in skipped
        else ""
    )
    paragraphs = [
        f"Dear {client_name} team,",
        f"Thank you for working with us{since}. After careful thought, we have concluded that we "
        "are not the right fit for what you need next, and we would like to bring our work "
        "together to a close.",
        f"In line with our agreement's notice period of {notice_days} days, our last working day "
        f"for you will be {last_day}.{work}",
        " ".join(filter(None, (handover, revoke))),
        f"{invoice}{open_items}".strip(),
        pointer,
        "Thank you for the trust you have placed in us. We wish you every success.",
        f"Kind regards,\n{signature}\n",
    ]
    return "\n\n".join(p for p in paragraphs if p)


def draft_for(
    checklist: Checklist,
    *,
    client_name: str,
    started_on: date,
    currency: str,
    signature: str,
) -> str:
    """`draft_letter` from a client's exit checklist as it stands: its end date, notice and open
    invoices, and none of the promises whose step is marked not applicable."""
    skipped = frozenset(s.spec.key for s in checklist.steps if s.status is StepStatus.na)
    return draft_letter(
        client_name=client_name,
        started_on=started_on,
        end_date=checklist.earliest_end,
        notice_days=checklist.notice_days,
        unpaid=checklist.unpaid,
        currency=currency,
        signature=signature,
        skipped=skipped,
    )


# The draft's two sentences that carry the facts a correction moves (draft_letter's wording).
_NOTICE = re.compile(r"notice period of (\d+) days")
_LAST_DAY = re.compile(r"last working day for you will be (\d{1,2} [A-Z][a-z]+ \d{4})")


def out_of_date(body: str, checklist: Checklist) -> list[str]:
    """Where a letter, in the draft's own sentences, gives another notice or end date than the
    checklist now does: one saved before a correction (a notice of 30 days made 60), or before the
    day the client is told moved the end. A letter whose owner rewrote those sentences (or wrote it
    in another language) is not second-guessed: nothing is said of it."""
    stale = []
    notice = _NOTICE.search(body)
    if notice and int(notice.group(1)) != checklist.notice_days:
        stale.append(f"a notice of {notice.group(1)} days")
    last = _LAST_DAY.search(body)
    end = checklist.earliest_end
    if last and last.group(1) not in (f"{end:%d %B %Y}", f"{end.day} {end:%B %Y}"):
        stale.append(f"an end on {last.group(1)}")
    return stale


def load_letter(
    store: Store, client_id: str, *, con: duckdb.DuckDBPyConnection | None = None
) -> str | None:
    row = store.run("exit_letter_get", {"client_id": client_id}, con=con).fetchone()
    return row[0] if row else None


def save_letter(
    store: Store,
    client_id: str,
    body: str,
    *,
    at: datetime,
    con: duckdb.DuckDBPyConnection | None = None,
) -> None:
    """Commit the letter as it stands now."""
    store.run("exit_letter_set", {"client_id": client_id, "body": body, "updated_at": at}, con=con)


def export_letter(body: str, client_name: str, path: Path, *, force: bool = False) -> Path:
    """Write the letter as plain text (`.txt`, the default: what goes into an email or a word
    processor) or as Markdown (`.md`); never overwrite a file unless asked.

    Plain text is the letter as the owner wrote it, control characters and escape sequences
    removed: nothing in it is markup, so nothing needs escaping ("[Your name]" stays as typed).
    As Markdown it is escaped, so it renders as written and a client's name like `<script>` or
    `[x](javascript:...)` stays text in whatever shows the file.
    """
    if path.exists() and not force:
        raise FileExistsError(f"{path} exists; choose another name or pass force")
    if path.suffix.lower() in (".md", ".markdown"):
        text = f"# Letter to {markdown_text(client_name, inline=True)}\n\n{markdown_text(body)}"
    else:
        text = safe_lines(body).rstrip("\n") + "\n"
    path.write_text(text, encoding="utf-8")
    return path
