"""A file no known export matches is answered with a mapping drafted from its own header."""

from __future__ import annotations

from pathlib import Path

import pytest

from health_tui.errors import ImportFailed
from health_tui.ingest.mapping_draft import draft
from health_tui.settings import Money
from health_tui.store import Store
from tests.test_connectors import load, write


def test_an_invoice_lists_columns_are_drafted_with_the_most_particular_first() -> None:
    """A Xero-like list: InvoiceAmountDue is the balance, not the amount ("amount" is in it)."""
    header = ["ContactName", "InvoiceNumber", "InvoiceDate", "DueDate", "Total",
              "InvoiceAmountPaid", "InvoiceAmountDue", "Currency", "Status"]  # fmt: skip
    assert draft(header) == (
        "invoices",
        {
            "invoice_id": "InvoiceNumber",
            "client": "ContactName",
            "due_on": "DueDate",
            "paid_amount": "InvoiceAmountPaid",
            "balance": "InvoiceAmountDue",
            "issued_on": "InvoiceDate",
            "amount": "Total",
            "currency": "Currency",
            "status": "Status",
        },
    )


def test_french_and_survey_headers_are_drafted_in_their_own_words() -> None:
    french = ["Numéro", "Client", "Date", "Échéance", "Montant HT", "Montant TTC", "Statut",
              "Reste à payer"]  # fmt: skip
    target, found = draft(french)
    assert target == "invoices"
    assert (found["invoice_id"], found["due_on"], found["balance"]) == (
        "Numéro", "Échéance", "Reste à payer",
    )  # fmt: skip
    assert (found["amount"], found["amount_with_tax"]) == ("Montant HT", "Montant TTC")
    survey = ["Timestamp", "Which company are you with?",
              "How likely are you to recommend us? (0-10)", "Anything we could do better?"]  # fmt: skip
    assert draft(survey) == (
        "feedback",
        {"date": survey[0], "client": survey[1], "score": survey[2], "comment": survey[3]},
    )
    assert draft(["Foo", "Bar", "Baz"]) is None  # nothing to draft from: the example is shown


def test_a_total_with_its_tax_beside_it_is_drafted_with_the_tax_taken_off() -> None:
    """A reviewer's find: Invoice #, Client Name, Invoice Date, Total, Tax drafted amount = Total
    and left the tax out, putting it in revenue; a net amount beside a tax takes none off."""
    _target, found = draft(["Invoice #", "Client Name", "Invoice Date", "Total", "Tax", "Status"])
    assert (found["amount"], found["tax"]) == ("Total", "Tax")
    _target, found = draft(["Invoice #", "Client", "Date", "Subtotal", "VAT", "Total"])
    assert found["amount"] == "Subtotal" and "tax" not in found


def test_a_refused_file_is_offered_its_own_mapping(store: Store, tmp_path: Path) -> None:
    """A Bristol agency's Xero-like list, refused, was shown a timesheet's mapping to copy."""
    sheet = write(
        tmp_path,
        "invoices.csv",
        "Customer,Invoice No,Invoice Date,Due Date,Amount,Open Balance\n"
        "Acme,1,2026-09-01,2026-09-30,100.00,0.00\n",
    )
    with pytest.raises(ImportFailed) as refusal:
        load(store, sheet)
    said = str(refusal.value)
    assert "A mapping drafted from its header" in said and "save it as invoices.toml" in said
    drafted = said.split("`):\n", 1)[1].split("\nNothing was changed")[0]
    mapping = write(tmp_path, "invoices.toml", "\n".join(x[4:] for x in drafted.splitlines()))
    summary = load(store, sheet, mapping=mapping)  # as drafted, it reads the file
    assert summary.rows == 1


def test_a_receivable_report_and_a_two_tax_pivot_are_drafted_as_they_read() -> None:
    """Xero's Receivable Invoice Detail (Gross, Tax, Net, Paid, Due) was drafted `amount = ?` and
    `tax = "Tax"`, Paid and Due left out (a part-paid invoice read wholly unpaid); a FreshBooks
    pivot's two tax columns were not drafted at all, and "Invoice #" was not an invoice id."""
    from health_tui.ingest.mapping_draft import draft_text

    header = ["Invoice Date", "Invoice Number", "Contact", "Reference", "Due Date",
              "Last Payment Date", "Status", "Currency", "Gross", "Tax", "Net", "Paid", "Due"]  # fmt: skip
    _target, found = draft(header)
    assert (found["amount"], found["amount_with_tax"]) == ("Net", "Gross") and "tax" not in found
    assert (found["paid_amount"], found["balance"], found["due_on"]) == ("Paid", "Due", "Due Date")
    header = ["Client Name", "Invoice #", "Date Issued", "Sum of Line Total",
              "Sum of Tax 1 Amount", "Sum of Tax 2 Amount"]  # fmt: skip
    text = draft_text(header, "pivot")
    assert text is not None
    assert 'tax        = ["Sum of Tax 1 Amount", "Sum of Tax 2 Amount"]' in text
    assert 'invoice_id = "Invoice #"' in text and 'name = "pivot"' in text


def test_survey_answers_call_notes_and_a_french_timesheet_are_drafted_as_what_they_are() -> None:
    """A Montréal shop's Delighted answers (a 0-10 Score) were drafted as messages with no kind,
    and its Clockify report in French as invoices; a Sydney firm's HubSpot call notes as time
    entries whose task was the activity's date."""
    header = ["Response ID", "Created", "Updated", "Email", "Name", "Score", "Comment", "Tags",
              "Notes", "Delighted Source", "Company"]  # fmt: skip
    assert draft(header) == ("feedback", {"date": "Created", "client": "Company", "domain": "Email",
                                          "score": "Score", "comment": "Comment"})  # fmt: skip
    header = ["Record ID", "Activity date", "Activity type", "Body", "Call outcome",
              "Activity assigned to", "Associated Company"]  # fmt: skip
    assert draft(header) == ("interactions", {"at": "Activity date", "client": "Associated Company",
                                              "channel": "Activity type", "note": "Body"})  # fmt: skip
    header = ["Projet", "Client", "Description", "Tâche", "Utilisateur", "Facturable",
              "Date de début", "Durée (décimale)", "Montant facturable (CAD)"]  # fmt: skip
    target, found = draft(header)
    assert target == "time_entries"
    assert (found["date"], found["hours"]) == ("Date de début", "Durée (décimale)")


def test_a_list_of_payments_is_said_to_be_one_not_drafted_as_invoices(
    store: Store, tmp_path: Path
) -> None:
    """A Montréal shop's "Payments collected" report was drafted as invoices (issued on the day
    paid, the amount with tax) and imported beside its invoices: every client's revenue twice."""
    sheet = write(
        tmp_path,
        "payments.csv",
        "Date,Client,Invoice #,Method,Notes,Amount,Currency\n"
        "2026-08-20,Boulangerie Saint-Léon,0001041,Interac,,1379.70,CAD\n",
    )
    with pytest.raises(ImportFailed) as refusal:
        load(store, sheet)
    said = str(refusal.value)
    assert "It reads as a list of payments ('Method'), not of invoices" in said
    assert "[columns]" not in said
    # mapped as invoices all the same: said
    mapping = write(
        tmp_path,
        "p.toml",
        'target = "invoices"\n[columns]\ninvoice_id = "Invoice #"\nclient = "Client"\n'
        'issued_on = "Date"\npaid_on = "Date"\namount = "Amount"\ncurrency = "Currency"\n',
    )
    summary = load(store, sheet, mapping=mapping, money=Money(currency="CAD"))
    assert any("has a 'Method' column and no due date: a list of payments?" in w
               for w in summary.warnings)  # fmt: skip


def test_invoice_alone_is_a_number_and_inside_a_name_is_not() -> None:
    """ "Invoice #" is the number; "Invoice Date" and "Invoice Status" are not (the reviewer's find:
    the draft made them the invoice's number and lost the date and the status)."""
    _target, found = draft(["Client", "Invoice Date", "Due Date", "Amount", "Reference"])
    assert found["issued_on"] == "Invoice Date" and found.get("invoice_id") != "Invoice Date"
    _target, found = draft(["Invoice Status", "Invoice Total", "Client", "Invoice Date"])
    assert found["status"] == "Invoice Status" and found["issued_on"] == "Invoice Date"


def test_brazilian_exports_are_drafted_in_their_own_words(store: Store, tmp_path: Path) -> None:
    """A São Paulo agency's four files: Conta Azul's receivables got no draft (a timesheet's
    example was shown), Clockify's and Zendesk's in Portuguese left the date, the hours and the
    kind to the owner, Google Forms' got no draft. A receivables list of instalments is drafted
    with the number and its instalment, and imports, statuses and all, as drafted."""
    receivables = ["Nº do documento", "Parcela", "Cliente", "Descrição", "Categoria",
                   "Data de emissão", "Data de competência", "Data de vencimento",
                   "Data do recebimento", "Valor", "Valor recebido", "Situação"]  # fmt: skip
    assert draft(receivables) == (
        "invoices",
        {
            "invoice_id": "Nº do documento",
            "client": "Cliente",
            "invoice_part": "Parcela",
            "paid_on": "Data do recebimento",
            "due_on": "Data de vencimento",
            "paid_amount": "Valor recebido",
            "issued_on": "Data de emissão",
            "amount": "Valor",
            "status": "Situação",
        },
    )
    clockify = ["Projeto", "Cliente", "Descrição", "Tarefa", "Usuário", "Grupo", "E-mail", "Tags",
                "Faturável", "Data de início", "Hora de início", "Data de término",
                "Hora de término", "Duração (h)", "Duração (decimal)"]  # fmt: skip
    target, found = draft(clockify)
    assert (target, found["date"], found["hours"], found["billable"], found["task"]) == (
        "time_entries", "Data de início", "Duração (decimal)", "Faturável", "Tarefa"
    )  # fmt: skip
    zendesk = ["Id", "Solicitante", "E-mail do solicitante", "Assunto", "Tags", "Status", "Via",
               "Tipo de ticket", "Criado em", "Organização"]  # fmt: skip
    target, found = draft(zendesk)
    assert (target, found["at"], found["client"], found["kind"]) == (
        "interactions", "Criado em", "Organização", "Tipo de ticket"
    )  # fmt: skip
    forms = ["Carimbo de data/hora", "Endereço de e-mail", "Empresa",
             "Em uma escala de 0 a 10, qual a probabilidade de você recomendar a Órbita?",
             "Qual o principal motivo da sua nota?"]  # fmt: skip
    target, found = draft(forms)
    assert (target, found["date"], found["client"], found["score"]) == (
        "feedback", "Carimbo de data/hora", "Empresa", forms[3]
    )  # fmt: skip
    sheet = write(tmp_path, "receber.csv", ";".join(receivables) + "\n"
                  "1140;1/2;Padaria;Site;Web;01/07/2026;01/07/2026;31/07/2026;30/07/2026;1.000,00;1.000,00;Recebido\n"
                  "1140;2/2;Padaria;Site;Web;01/07/2026;01/07/2026;31/08/2026;;1.000,00;;Vencido\n"
                  "1141;;Padaria;Posts;Social;15/07/2026;15/07/2026;14/08/2026;;500,00;;Cancelado\n")  # fmt: skip
    with pytest.raises(ImportFailed) as refused:
        load(store, sheet, money=Money(currency="BRL"))
    text = str(refused.value)
    drafted = text[text.index('target = "invoices"') :].splitlines()
    mapping = "\n".join(line.strip() for line in drafted if "=" in line or "[" in line)
    mapping = mapping.replace("[columns]", 'date_format = "day-first"\n[columns]')
    load(
        store, sheet, mapping=write(tmp_path, "receber.toml", mapping), money=Money(currency="BRL")
    )
    rows = store.con.execute("SELECT invoice_id, paid_on FROM invoices ORDER BY 1").fetchall()
    assert [r[0] for r in rows] == ["1140 1/2", "1140 2/2"]  # the cancelled one left out


def test_a_refused_reports_header_is_named_under_its_title(store: Store, tmp_path: Path) -> None:
    """A São Paulo agency's receivables report, its title above the table: the refusal said
    "the header has 'Contas a receber'", the title, on line 1."""
    sheet = write(tmp_path, "receber.csv", "Contas a receber\nPeríodo: 01/10/2025 a 30/09/2026\n\n"
                  "Nº do documento;Cliente;Data de emissão;Valor;Situação\n"
                  "1006;Academia;01/10/2025;R$ 2.900,00;Recebido\n")  # fmt: skip
    with pytest.raises(ImportFailed) as refused:
        load(store, sheet)
    assert str(refused.value).splitlines()[1] == (
        "receber.csv:4: (header): not an export health-tui knows: line 1 is a title ('Contas a "
        "receber'), and the header under it has 'Nº do documento', 'Cliente', 'Data de emissão', "
        "'Valor', 'Situação'"
    )
