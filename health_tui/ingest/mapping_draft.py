"""A first mapping for a file no known export matches, drafted from its own header.

An owner refused "not an export I know" was shown a timesheet's mapping for an invoice list
(a Bristol agency's Xero file), and had to work out which of its 36 columns was which field. Here
the header's names are matched, by the words tools use for them, to the fields of the target they
suggest most (invoices for InvoiceNumber and Total, feedback for a score...), and the mapping is
written with the file's own names. It is a draft, said as one: a field nothing matched is left to
the owner, with a `?`.
"""

from __future__ import annotations

import json
import re
import unicodedata

from health_tui.ingest.mapping import TARGETS, net_named


# Per target, its fields and the words a header uses for each, most telling first; the fields whose
# words are most particular come first, so that "InvoiceAmountDue" is the balance before "amount"
# can take it. A header matches a word when its letters and digits (lower-cased, without accents)
# are the word, or, failing any such column, contain it (a word of five letters or more).
def _key(name: str) -> str:
    plain = unicodedata.normalize("NFKD", name.lower())
    return re.sub(r"[^0-9a-z]", "", plain.encode("ascii", "ignore").decode())


# Headers that name a currency column, in the languages the imports read: a draft maps one, and a
# mapping that leaves one unread is refused (connector._currency_unread)
CURRENCY_HEADERS = frozenset(
    {
        "currency",
        "currency code",
        "devise",
        "monnaie",
        "währung",
        "waehrung",
        "moneda",
        "valuta",
        "moeda",
    }
)

WORDS: dict[str, dict[str, tuple[str, ...]]] = {
    "invoices": {
        "invoice_id": (
            "invoicenumber",
            "invoiceno",
            "invoiceid",
            "invoice",  # FreshBooks' "Invoice #"
            "numero",
            "rechnungsnummer",
            # Portuguese and Spanish (Conta Azul's "Nº do documento": º reads as o)
            "nododocumento",
            "numerododocumento",
            "numerodocumento",
            "numerofactura",
            "nfactura",
            "number",
            "num",
            "no",
            "id",
        ),
        "client": (
            "contactname",
            "customername",
            "clientname",
            "customer",
            "client",
            "company",
            "kunde",
            "contact",
            "cliente",
            "name",
        ),
        # an instalment of a sale ("Parcela" 1/3): read with the number, each its own invoice
        "invoice_part": ("parcela", "cuota", "installment", "instalment"),
        "paid_on": (
            "paiddate",
            "paymentdate",
            "datepaid",
            "lastpaymentdate",
            "paidon",
            "datadepagamento",
            "datapagamento",
            "datadorecebimento",
            "datarecebimento",
            "fechadepago",
            "fechapago",
            "fechadecobro",
            "fechacobro",
        ),
        "due_on": (
            "duedate",
            "dateecheance",
            "echeance",
            "faelligkeit",
            "due",
            "datadevencimento",
            "vencimento",
            "fechadevencimento",
            "vencimiento",
        ),
        "paid_amount": (
            "amountpaid",
            "paidamount",
            "invoiceamountpaid",
            "paid",
            "valorrecebido",
            "valorpago",
            "importepagado",
            "montopagado",
            "cobrado",
            "importecobrado",
        ),
        # (Xero's Receivable Invoice Detail: Paid and Due beside Due Date, which due_on took)
        "balance": (
            "amountremaining",
            "amountdue",
            "openbalance",
            "balance",
            "resteapayer",
            "offen",
            "due",
            "valoremaberto",
            "saldo",
            "pendiente",
            "importependiente",
        ),
        "amount_with_tax": (
            "montantttc",
            "totalttc",
            "brutto",
            "grossamount",
            "amountwithtax",
            "gross",
        ),
        "issued_on": (
            "invoicedate",
            "issuedate",
            "dateissued",
            "datefacture",
            "rechnungsdatum",
            "datadeemissao",
            "emissao",
            "fechadeemision",
            "fechaemision",
            "fechafactura",
            "fecha",
            "issued",
            "date",
            "datum",
        ),
        # the tax in a total, where the total is the only amount (Xero's TaxTotal beside Total):
        # found by the shape of a tax's name (TAX_NAME), before amount can take "Tax Amount"
        "tax": (),
        "amount": (
            "subtotal",
            "netamount",
            "net",
            "montantht",
            "netto",
            "invoiceamount",
            "total",
            "amount",
            "montant",
            "betrag",
            "valor",
            "importe",
            "monto",
        ),
        "currency": tuple(sorted({_key(h) for h in CURRENCY_HEADERS})),
        "status": ("status", "statut", "situacao", "situacion", "estado"),
    },
    "time_entries": {
        "client": ("client", "customer", "kunde", "company", "cliente"),
        "date": (
            "date",
            "day",
            "datum",
            "startdate",
            "datededebut",
            "jour",
            "when",
            "data",
            "datadeinicio",
            "fecha",
            "fechadeinicio",
        ),
        "hours": (
            "hours",
            "duration",
            "timespent",
            "heures",
            "stunden",
            "dauer",
            "duree",  # a French Clockify's "Durée (décimale)"
            "horas",
            "duracaodecimal",  # a Brazilian Clockify's, before its "Duração (h)"
            "duraciondecimal",  # a Spanish one's
            "dureedecimale",
            "dauerdezimal",
            "duracao",
            "duracion",
            "time",
        ),
        "billable": ("billable", "facturable", "abrechenbar", "faturavel"),
        "task": ("task", "activity", "tache", "taetigkeit", "tarefa", "tarea"),
        "note": ("description", "notes", "note", "comment", "descricao", "descripcion"),
        "person": ("user", "person", "member", "employee", "mitarbeiter", "usuario"),
        "project": ("project", "projet", "projekt", "projeto", "proyecto"),
        # (Clockify's "Billable Amount (EUR)"; in Spanish "Importe facturable (EUR)")
        "billable_amount": (
            "billableamount",
            "importefacturable",
            "valorfaturavel",
            "montantfacturable",
        ),
    },
    "interactions": {
        # (HubSpot's activities: Activity date, Activity type a call or a note, Body)
        "at": (
            "createdat",
            "activitydate",
            "timestamp",
            "datetime",
            "created",
            "when",
            "criadoem",  # a Brazilian Zendesk's "Criado em"
            "datadecriacao",
            "fechadecreacion",
            "date",
            "datum",
            "data",
            "fecha",
        ),
        "client": (
            "organization",
            "organisation",
            "company",
            "client",
            "customer",
            "who",
            "organizacao",
            "organizacion",
            "empresa",
            "cliente",
        ),
        "domain": ("requesteremail", "customeremail", "email", "emailaddress", "domain"),
        "channel": ("channel", "activitytype", "via", "source", "canal", "medium", "how"),
        "kind": (
            "type",
            "kind",
            "category",
            "nature",
            "what",
            "whathappened",
            "tickettype",
            "tipo",
            "tipodeticket",
            "categoria",
            "quepaso",
        ),
        "sentiment": ("sentiment", "tone", "mood", "tono", "tom", "humeur", "stimmung"),
        "note": (
            "subject",
            "summary",
            "description",
            "body",
            "note",
            "notes",
            "objet",
            "assunto",
            "asunto",
            "descricao",
            "notas",
        ),
    },
    "feedback": {
        # (Delighted's answers: Created, Score, Comment, Email, Company)
        # (Typeform's "Submit Date (UTC)", Google Forms' "Carimbo de data/hora" in Portuguese)
        "date": (
            "timestamp",
            "submittedat",
            "submitdate",
            "date",
            "created",
            "createdat",
            "horodateur",
            "carimbodedatahora",
            "marcatemporal",
        ),
        "client": (
            "company",
            "organisation",
            "organization",
            "client",
            "entreprise",
            "firma",
            "empresa",
            "cliente",
        ),
        "domain": ("email", "emailaddress", "respondentemail", "domain", "enderecodeemail"),
        "score": (
            "howlikely",
            "recommend",
            "nps",
            "score",
            "rating",
            "note",
            "recomendaria",
            "recomendar",
            "recomiend",
            "probabilidad",
            "escala",
        ),
        "comment": (
            "anything",
            "comment",
            "why",
            "feedback",
            "suggestion",
            "remarque",
            "comentario",
            "motivo",
        ),
    },
}


def _column(header: list[str], taken: set[str], words: tuple[str, ...]) -> str | None:
    """The column a field's words name: one that is a word, the most telling first; else one
    that holds a word of five letters or more."""
    free = [(h, _key(h)) for h in header if h not in taken]
    for word in words:
        if column := next((h for h, key in free if key == word), None):
            return column
    for word in words:
        if (
            len(word) >= 5
            and word not in WHOLE_ONLY
            and (column := next((h for h, key in free if word in key), None))
        ):
            return column
    return None


# Words a header must be whole: "invoice" (FreshBooks' "Invoice #") inside "Invoice Date" made the
# date the invoice's number (the reviewer's find); and an instalment's number ("Valor da parcela" is
# its amount)
WHOLE_ONLY = frozenset({"invoice", "parcela", "cuota", "installment", "instalment"})


# A tax column by its name: "Tax", "Tax 1 Amount", "TaxTotal", "Total Tax", "Sum of Tax 2 Amount" (a
# pivot's), "GST", "QST"
TAX_NAME = re.compile(
    r"(sumof)?(total)?(tax|gst|hst|pst|qst|tps|tvq|vat|tva|mwst|ust|iva|igic|btw|moms)\d?(amount|total)?\d?"
)


def tax_named(column: str) -> bool:
    """Whether a column's name is a tax's: "Tax", "Tax 1 Amount", "GST", "MwSt"."""
    return TAX_NAME.fullmatch(_key(column)) is not None


def _taxes(header: list[str], taken: set[str]) -> list[str]:
    """The columns holding taxes, in the header's order: FreshBooks writes two (Tax 1 Amount, Tax
    2 Amount: Québec's GST and QST), and a total read with only one of them off kept the other
    in revenue."""
    return [h for h in header if h not in taken and tax_named(h)]


def draft(header: list[str]) -> tuple[str, dict[str, str]] | None:
    """The target the header suggests most and its fields' columns; None when it suggests none
    (fewer than two of a target's fields, or none of the fields it needs)."""
    best: tuple[tuple[bool, int, int], str, dict[str, str]] | None = None
    for target, fields in WORDS.items():
        found: dict[str, str] = {}
        taken: set[str] = set()
        for field, words in fields.items():  # each column for one field
            if field == "tax":
                column = next(iter(_taxes(header, taken)), None)
            else:
                column = _column(header, taken, words)
            if column is not None:
                found[field] = column
                taken.add(column)
        # a plain Total beside a net amount (Holded's Subtotal, IVA, Total) is the total with tax,
        # what is paid and owed is read on; only beside a net amount: a Total beside a "Total
        # Paid" or a "Discount Amount" is the amount, as before (the reviewer's find)
        total = next((h for h in header if h not in taken and _key(h) == "total"), None)
        if (
            target == "invoices"
            and total
            and "amount_with_tax" not in found
            and net_named(found.get("amount"))
        ):
            found["amount_with_tax"] = total
            taken.add(total)
        if "tax" in found:
            if "amount_with_tax" in found or net_named(found.get("amount")):
                del found["tax"]  # the amount is without tax already: the tax is not taken off it
            elif more := _taxes(header, taken | {found["tax"]}):
                found["tax2"] = more[0]
        needs = TARGETS[target].needs
        met = sum(any(set(n.split("+")) <= set(found) for n in need) for need in needs)
        # a target whose every need a column meets first (Delighted's answers, Created, Score
        # and Company, read as messages with no kind), then the most needs met, then columns
        rank = (met == len(needs), met, len(found))
        if len(found) >= 2 and met and (best is None or rank > best[0]):
            best = (rank, target, found)
    return None if best is None else (best[1], best[2])


# A column that says how a payment was made: a list of payments, not of invoices
PAYMENT_METHOD = frozenset(
    {
        "method",
        "paymentmethod",
        "paymenttype",
        "modedepaiement",
        "moyendepaiement",
        "zahlungsart",
        "formadepagamento",
        "formadepago",
        "metododepago",
    }
)


def payment_method_column(header: list[str]) -> str | None:
    """The header's payment-method column (Method, Payment Method, Mode de paiement), if any."""
    return next((h for h in header if _key(h) in PAYMENT_METHOD), None)


def draft_text(header: list[str], file_stem: str) -> str | None:
    """The drafted mapping as a file's text, each unmatched field it needs as `?`; None if no
    target fits. A list of payments is said to be one, not drafted as invoices."""
    drafted = draft(header)
    if drafted is None:
        return None
    target, found = drafted
    if target == "invoices" and (method := payment_method_column(header)) and "due_on" not in found:
        # a Montréal shop's "Payments collected" report, drafted as invoices and imported as
        # such beside its invoices: every client's revenue twice, its tax in it
        return (
            f"It reads as a list of payments ({method!r}), not of invoices: health-tui reads a "
            "payment as the day its invoice was paid. Export the list of invoices, with the day "
            "each was paid, instead (its mapping's paid_on)."
        )
    unfilled = [
        need[0].split("+")[0]
        for need in TARGETS[target].needs
        if not any(set(n.split("+")) <= set(found) for n in need)
    ]
    shown: dict[str, str] = {}
    for f, column in found.items():
        if f == "tax2":  # two taxes in the amount: one line, tax = ["Tax 1", "Tax 2"]
            shown["tax"] = json.dumps([found["tax"], column], ensure_ascii=False)
        elif f == "invoice_part":  # the number and its instalment: invoice_id = ["Nº", "Parcela"]
            if "invoice_id" in found:
                shown["invoice_id"] = json.dumps([found["invoice_id"], column], ensure_ascii=False)
        else:
            shown[f] = json.dumps(column, ensure_ascii=False)
    width = max(len(f) for f in [*shown, *unfilled])
    # a name of its own: two drafts left "sheet" shared their rows, and the second import said
    # the first's were gone from the source
    name = json.dumps(file_stem[:40] or "sheet", ensure_ascii=False)
    lines = [f"target = {json.dumps(target)}", f"name = {name}", "[columns]"]
    lines += [f"{f:<{width}} = {text}" for f, text in shown.items()]
    lines += [f"{f:<{width}} = ?  # which column holds it" for f in unfilled]
    return (
        f"A mapping drafted from its header (check each line, fill any ?, save it as "
        f"{file_stem}.toml and import with `--mapping {file_stem}.toml`):\n"
        + "\n".join(f"    {line}" for line in lines)
    )
