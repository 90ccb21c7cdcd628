"""The termination letter: drafted from the client's data, calm and without blame, editable and saved.

It is built only from facts the owner controls (name, dates, notice, invoices); nothing from the
interactions table, so no complaint is ever quoted back to the client.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path

import duckdb

from health_tui.formatting import half_up, money
from health_tui.review.checklist import Checklist, StepStatus, UnpaidInvoice
from health_tui.store import Store
from health_tui.text import NBSP, markdown_text, safe_lines


@dataclass(frozen=True)
class Wording:
    """The draft's sentences in one language; `{}` fields are filled by `draft_letter`."""

    since: str  # " since {month}"
    month: Callable[[date], str]
    day: Callable[[date], str]
    amount: Callable[[float, str], str]
    open_item: str  # "{id} ({amount}, due {due})"
    due: Callable[[date], str]
    salutation: str
    thanks_since: str
    notice: str
    work: str
    handover: str
    revoke_after: str
    revoke_by: str
    invoice: str
    open_items: str
    item_sep: str
    pointer: str
    thanks: str
    thanks_years: str
    closing: str


_MONTHS_FR = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
              "septembre", "octobre", "novembre", "décembre")  # fmt: skip


def _day_fr(day: date) -> str:
    """4 janvier 2027 (1er for the first of a month, as French writes it)."""
    first = "1er" if day.day == 1 else str(day.day)
    return f"{first} {_MONTHS_FR[day.month - 1]} {day.year}"


def _written_amount(thousands: str, signs: dict[str, str]) -> Callable[[float, str], str]:
    """Amounts as a language writes them: `thousands` between groups, a decimal comma, the sign
    after ("1 800,00 €", "1.570,80 €"), to the cent, halves rounded up as `money` rounds them."""

    def written(amount: float, currency: str) -> str:
        shown = half_up(amount, 2)
        whole, cents = f"{abs(shown):,.2f}".split(".")
        sign = signs.get(currency, currency)
        minus = "-" if shown.is_signed() and shown != 0 else ""
        return f"{minus}{whole.replace(',', thousands)},{cents}{NBSP}{sign}"

    return written


_MONTHS_DE = ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
              "September", "Oktober", "November", "Dezember")  # fmt: skip


def _day_en(day: date) -> str:
    """4 January 2027."""
    return f"{day.day} {day:%B %Y}"


def _day_us(day: date) -> str:
    """January 4, 2027."""
    return f"{day:%B} {day.day}, {day.year}"


def _day_de(day: date) -> str:
    """4. Januar 2027."""
    return f"{day.day}. {_MONTHS_DE[day.month - 1]} {day.year}"


WORDING = {
    "en": Wording(
        since=" since {month}",
        month=lambda d: f"{d:%B %Y}",
        day=_day_en,
        amount=lambda amount, currency: money(amount, currency, cents=True),
        open_item="{id} ({amount}, due {due})",
        due=_day_en,
        salutation="Dear {client} team,",
        thanks_since="Thank you for working with us{since}. After careful thought, we have "
        "concluded that we are not the right fit for what you need next, and we would like to "
        "bring our work together to a close.",
        notice="In line with our agreement's notice period of {notice} days, our last working "
        "day for you will be {last_day}.{work}",
        work=" Until then we will complete the work in progress as agreed.",
        handover="By that date we will hand over all project files and source assets, the "
        "accounts we manage for you with their credentials, and the documentation you need to "
        "carry on without us.",
        revoke_after="Once the handover is confirmed, we will remove our access to your systems.",
        revoke_by="By {last_day} we will remove our access to your systems.",
        invoice="Our final invoice will cover the work up to {last_day}.",
        open_items=" For your records, these invoices are still open: {listed}.",
        item_sep="; ",
        pointer="If it helps, we would be glad to suggest other providers who may suit what you "
        "need better.",
        thanks="Thank you for the trust you have placed in us. We wish you every success.",
        thanks_years="Thank you for the trust you have placed in us. We wish you every success.",
        closing="Kind regards,\n{signature}\n",
    ),
    # the formal register a French client expects (a Lyon agency rewrote every English draft)
    "fr": Wording(
        since=" depuis {month}",
        month=lambda d: f"{_MONTHS_FR[d.month - 1]} {d.year}",
        day=_day_fr,
        # a narrow no-break space between thousands
        amount=_written_amount("\u202f", {"EUR": "€", "CHF": "CHF", "GBP": "£", "USD": "$ US"}),
        open_item="{id} ({amount}, échéance le {due})",
        due=lambda d: f"{d:%d/%m/%Y}",
        salutation="Madame, Monsieur,",
        thanks_since="Nous vous remercions pour la confiance que vous nous accordez{since}. Après "
        "mûre réflexion, nous avons conclu que nous ne sommes plus les mieux placés pour répondre "
        "à vos besoins à venir, et nous souhaitons mettre fin à notre collaboration avec {client}.",
        notice="Conformément au préavis de {notice} jours prévu par notre accord, notre dernier "
        "jour de travail pour vous sera le {last_day}.{work}",
        work=" D'ici là, nous terminerons les travaux en cours comme convenu.",
        handover="D'ici cette date, nous vous remettrons l'ensemble des fichiers et sources des "
        "projets, les comptes que nous gérons pour vous avec leurs identifiants, et la "
        "documentation nécessaire pour poursuivre sans nous.",
        revoke_after="Une fois la passation confirmée, nous supprimerons nos accès à vos systèmes.",
        revoke_by="D'ici le {last_day}, nous supprimerons nos accès à vos systèmes.",
        invoice="Notre facture finale couvrira les travaux jusqu'au {last_day}.",
        open_items=" Pour mémoire, ces factures restent à régler : {listed}.",
        item_sep=" ; ",
        pointer="Si cela peut vous être utile, nous vous recommanderons volontiers d'autres "
        "prestataires mieux à même de répondre à vos besoins.",
        thanks="Nous vous remercions encore et vous souhaitons pleine réussite.",
        thanks_years="Nous vous remercions encore pour ces années de travail commun et vous "
        "souhaitons pleine réussite.",
        closing="Nous vous prions d'agréer, Madame, Monsieur, nos salutations distinguées.\n\n"
        "{signature}\n",
    ),
    # a Berlin studio could not draft its letter in German
    "de": Wording(
        since=" seit {month}",
        month=lambda d: f"{_MONTHS_DE[d.month - 1]} {d.year}",
        day=_day_de,
        amount=_written_amount(".", {"EUR": "€", "CHF": "CHF", "GBP": "£", "USD": "US$"}),
        open_item="{id} ({amount}, fällig am {due})",
        due=lambda d: f"{d:%d.%m.%Y}",
        salutation="Sehr geehrte Damen und Herren,",
        thanks_since="vielen Dank für die Zusammenarbeit{since}. Nach reiflicher Überlegung sind "
        "wir zu dem Schluss gekommen, dass wir für Ihre künftigen Anforderungen nicht mehr der "
        "richtige Partner sind, und möchten unsere Zusammenarbeit mit {client} beenden.",
        notice="Gemäß der in unserer Vereinbarung vorgesehenen Kündigungsfrist von {notice} Tagen "
        "ist unser letzter Arbeitstag für Sie der {last_day}.{work}",
        work=" Bis dahin schließen wir die laufenden Arbeiten wie vereinbart ab.",
        handover="Bis zu diesem Datum übergeben wir Ihnen alle Projektdateien und Quelldaten, die "
        "von uns verwalteten Konten mit ihren Zugangsdaten sowie die Dokumentation, die Sie "
        "brauchen, um ohne uns weiterzuarbeiten.",
        revoke_after="Sobald die Übergabe bestätigt ist, entfernen wir unsere Zugänge zu Ihren "
        "Systemen.",
        revoke_by="Bis zum {last_day} entfernen wir unsere Zugänge zu Ihren Systemen.",
        invoice="Unsere Schlussrechnung umfasst die Arbeiten bis zum {last_day}.",
        open_items=" Zur Information: Folgende Rechnungen sind noch offen: {listed}.",
        item_sep="; ",
        pointer="Gern empfehlen wir Ihnen andere Dienstleister, die besser zu Ihren Anforderungen "
        "passen.",
        thanks="Wir danken Ihnen für Ihr Vertrauen und wünschen Ihnen weiterhin viel Erfolg.",
        thanks_years="Wir danken Ihnen für Ihr Vertrauen in all den Jahren und wünschen Ihnen "
        "weiterhin viel Erfolg.",
        closing="Mit freundlichen Grüßen\n\n{signature}\n",
    ),
}

WORDING["en-US"] = replace(WORDING["en"], day=_day_us, due=_day_us)


def draft_letter(
    *,
    client_name: str,
    started_on: date | None,
    end_date: date,
    notice_days: int,
    unpaid: list[UnpaidInvoice],
    currency: str = "EUR",
    signature: str = "[Your name]\n[Your agency]",
    skipped: frozenset[str] = frozenset(),
    language: str = "en",
) -> str:
    """A first draft the owner edits: the end date, the work to finish, the handover, the final
    invoice, a pointer to other providers, thanks. A promise whose checklist step the owner marked
    not applicable (`skipped`: "obligations", "handover", "revoke", "final_invoice", "referrals")
    is left out, so the letter never promises what the checklist says will not happen. In the
    `language` of WORDING ([agency] language)."""
    w = WORDING[language]
    # no "since" where the start is not known: an export's first row is not when the work began
    years = 0.0 if started_on is None else (end_date - started_on).days / 365.25
    since = w.since.format(month=w.month(started_on)) if started_on and years >= 0.5 else ""
    last_day = w.day(end_date)
    work = "" if "obligations" in skipped else w.work
    handover = "" if "handover" in skipped else w.handover
    revoke = (
        ""
        if "revoke" in skipped
        else w.revoke_after
        if handover
        else w.revoke_by.format(last_day=last_day)
    )
    open_items = ""
    if unpaid and "final_invoice" not in skipped:
        listed = w.item_sep.join(
            w.open_item.format(
                id=u.number,
                amount=w.amount(u.amount, u.currency or currency),
                due=w.due(u.due_on),
            )
            for u in unpaid
        )
        open_items = w.open_items.format(listed=listed)
    invoice = "" if "final_invoice" in skipped else w.invoice.format(last_day=last_day)
    paragraphs = [
        w.salutation.format(client=client_name),
        w.thanks_since.format(since=since, client=client_name),
        w.notice.format(notice=notice_days, last_day=last_day, work=work),
        " ".join(filter(None, (handover, revoke))),
        f"{invoice}{open_items}".strip(),
        "" if "referrals" in skipped else w.pointer,
        w.thanks_years if years >= 1 else w.thanks,
        w.closing.format(signature=signature),
    ]
    return "\n\n".join(p for p in paragraphs if p)


def wording_for(language: str, country: str | None = None) -> str:
    """The WORDING a letter is drafted in: an American agency's English writes its days the
    American way ("January 4, 2027"; a Denver studio's read "04 January 2027")."""
    return "en-US" if language == "en" and country == "US" else language


def draft_for(
    checklist: Checklist,
    *,
    client_name: str,
    started_on: date | None,
    currency: str,
    signature: str,
    language: str = "en",
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
        language=language,
    )


def _found(template: str, *fields: str) -> re.Pattern[str]:
    """Where a letter holds a WORDING sentence, from the few words before its first field to the
    end of its last, each field a group: the patterns are the wording itself, so rewording a
    draft cannot silently stop `out_of_date` finding it."""
    start = template.index("{" + fields[0] + "}")
    lead = " ".join(template[:start].split(" ")[-4:])  # "notice period of "
    end = template.index("}", template.index("{" + fields[-1] + "}")) + 1
    pattern = re.escape(lead + template[start:end])
    for name in fields:
        pattern = pattern.replace(re.escape("{" + name + "}"), f"(?P<{name}>{_FIELDS[name]})")
    return re.compile(pattern + r"\.(?=\s|$)")


# what each field of a sentence `out_of_date` reads looks like: every day's form ends in its year
_FIELDS = {"notice": r"\d+", "last_day": r".+?\d{4}", "listed": r".+?"}
# per language: the notice and last day, and the invoices still open
_SENTENCES = [
    (w, _found(w.notice, "notice", "last_day"), _found(w.open_items, "listed"))
    for w in WORDING.values()
]


def out_of_date(body: str, checklist: Checklist) -> list[str]:
    """Where a letter, in the draft's own sentences, gives another notice, end date or open
    invoices than the checklist now does: one saved before a correction (a notice of 30 days made
    60), before the day the client is told moved the end, or before an import paid an invoice it
    lists or brought one now owed (a studio would have asked for an invoice paid since). A letter
    whose owner rewrote those sentences is not second-guessed: nothing is said of it."""
    stale: list[str] = []
    end = checklist.earliest_end
    # the end day as any wording writes it (English and American English share their sentences),
    # and as an English draft saved before wrote it, with a leading zero
    ends = {v.day(end) for v in WORDING.values()} | {f"{end:%d %B %Y}"}
    for w, notice, open_items in _SENTENCES:
        if (said := notice.search(body)) is not None:
            if int(said["notice"]) != checklist.notice_days:
                stale.append(f"a notice of {said['notice']} days")
            if said["last_day"] not in ends:
                stale.append(f"an end on {said['last_day']}")
        if (listed := open_items.search(body)) is not None:
            items = listed["listed"].split(w.item_sep.strip())
            named = {item.split(" (")[0].strip() for item in items}
            owed = {u.number for u in checklist.unpaid or []}
            if gone := sorted(named - owed):
                stale.append(f"as open {', '.join(gone)}, paid since")
            if new := sorted(owed - named):
                stale.append(f"not {', '.join(new)}, owed now")
    return list(dict.fromkeys(stale))  # English sentences are found by both Englishes


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
