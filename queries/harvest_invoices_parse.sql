-- harvest-invoices: the staged Harvest invoice report (stg_bills) as typed invoices, one per line; a
-- mapped invoice spreadsheet is read the same way, its columns named by the mapping. A value that does
-- not read is NULL here and named by connector_validate_bills. Dates read in $date_order or
-- $date_format, amounts with $decimal, as the caller decided for the whole file.
-- What is assumed, where the export does not say (the summary counts each):
--   * status (through the mapping's [values.status], $status_keys -> $status_values, first):
--     'draft' invoices were never sent and are skipped (Xero's submitted and deleted too); 'paid'
--     means paid in full; open, sent, viewed, late, overdue, pending, unpaid, partial and Xero's
--     authorised mean paid only as far as 'Paid Amount' says; closed means paid as far as it says and the rest written off, and so do void, voided,
--     cancelled and canceled (an invoice cancelled after it was issued: what was not paid is not
--     owed). Without a status, an invoice with a payment date is paid in full. 'paid' outranks
--     a paid amount that says otherwise (a credit balance, a discount, a late fee), not a
--     balance above 0: what a balance says is still owed is owed.
--   * paid amount: 'Paid Amount', else (but for a closed invoice with a Balance of 0 and no payment
--     date: nothing) 'Invoice Amount' less 'Balance', else from the status.
--   * a mapping's amount_with_tax (a French invoice list's Montant TTC beside its Montant HT): the
--     paid amount and the balance are on that basis (Reste à payer is with tax) and are read as
--     their share of it, on the amount's basis: revenue and what is owed stay without tax. A
--     mapping's tax (Xero's TaxTotal beside its Total, and no total without tax) says the amount
--     is with tax: the amount without is the amount less the tax, and the total the one with.
--   * still owed (open_amt): nothing for a closed invoice; else 'Balance' when the export gives it
--     with 'Paid Amount' (Harvest's own export: Paid 0 and Balance 0 is an invoice written off, not
--     one unpaid), else what is not paid. What is neither paid nor owed is written off: it is
--     neither revenue nor unpaid (written_off); an invoice written off whole is skipped.
--   * due date: 'Due Date', else the issue date plus $due_days days (due_assumed).
--   * payment date: 'Paid Date' (or 'Last Payment Date'), else, for an invoice with money paid,
--     its due date, as if paid on time (paid_on_assumed).
-- key_base, the identity of an invoice: the source ($source_name) and the invoice's ID.
CREATE OR REPLACE TEMP TABLE src_bills AS
WITH s AS (
    -- an invoice's number and its instalment (a mapping's invoice_id = ["Nº", "Parcela"]): one id
    -- a client with no name, its email address (Stripe's Customer Email, where a customer has none)
    SELECT * REPLACE (CASE WHEN invoice_part IS NOT NULL AND invoice_id IS NOT NULL
                           THEN invoice_id || ' ' || invoice_part ELSE invoice_id END AS invoice_id,
                      coalesce(client, client_email) AS client),
           connector_norm(coalesce(client, client_email)) AS client_key,
           coalesce(map_extract_value(MAP($status_keys::VARCHAR[], $status_values::VARCHAR[]), lower(status)),
                    lower(status)) AS st,
           connector_date(issued_on, $date_order, $date_format::VARCHAR) AS issued,
           connector_date(due_on, $date_order, $date_format::VARCHAR) AS due_given,
           connector_date(paid_on, $date_order, $date_format::VARCHAR) AS paid_given,
           -- amounts in cents (a mapping's amounts_in_cents: Stripe's API) are divided exactly
           -- a second tax (a mapping's tax = ["GST", "QST"]: Québec's two) is taken off as well
           connector_amount(amount, $decimal, $cents)
               - CASE WHEN tax IS NOT NULL THEN coalesce(connector_amount(tax, $decimal, $cents), 0) ELSE 0 END
               - CASE WHEN tax2 IS NOT NULL THEN coalesce(connector_amount(tax2, $decimal, $cents), 0) ELSE 0 END
               AS amt,
           connector_amount(tax, $decimal, $cents)
               + CASE WHEN tax2 IS NOT NULL THEN connector_amount(tax2, $decimal, $cents) ELSE 0 END AS tax_amt,
           connector_amount(tax, $decimal, $cents) AS tax1_amt,
           connector_amount(tax2, $decimal, $cents) AS tax2_amt,
           connector_amount(paid_amount, $decimal, $cents) AS paid_amt_given,
           connector_amount(balance, $decimal, $cents) AS balance_given,
           CASE WHEN tax IS NOT NULL THEN connector_amount(amount, $decimal, $cents)
                ELSE connector_amount(amount_with_tax, $decimal, $cents) END AS with_tax,
           -- the currency an amount's own sign names (R$ reais); $ alone is a dollar of some country
           connector_sign(amount) AS sign
    FROM stg_bills
),
-- A mapping's line_items = "summed" ($summed: FreshBooks' Invoice Details, a row per line item and
-- no total of the invoice): the lines of one invoice (its number, client, dates, status and
-- currency) are summed, exactly, before anything is read from the amounts, into its first line
-- (the others skipped as its lines; a line with no tax counts whole in the total with tax). An
-- invoice with a line whose amount does not read is left as lines, for the check to name the line.
l AS (
    SELECT *, false AS lines_whole, false AS summed_line FROM s WHERE NOT coalesce(CAST($summed AS BOOLEAN), false)
    UNION ALL BY NAME
    SELECT * REPLACE (
               CASE WHEN lines_whole THEN sum(amt) OVER w ELSE amt END AS amt,
               CASE WHEN lines_whole THEN sum(tax_amt) OVER w ELSE tax_amt END AS tax_amt,
               CASE WHEN lines_whole THEN sum(tax1_amt) OVER w ELSE tax1_amt END AS tax1_amt,
               CASE WHEN lines_whole THEN sum(tax2_amt) OVER w ELSE tax2_amt END AS tax2_amt,
               CASE WHEN NOT lines_whole THEN with_tax
                    WHEN bool_or(with_tax IS NOT NULL) OVER w THEN sum(coalesce(with_tax, amt)) OVER w
               END AS with_tax),
           lines_whole AND line > min(line) OVER w AS summed_line
    FROM (
        SELECT *,
               invoice_id IS NOT NULL
                   AND bool_and(amt IS NOT NULL AND (tax IS NULL OR tax1_amt IS NOT NULL)
                                AND (tax2 IS NULL OR tax2_amt IS NOT NULL)
                                AND (amount_with_tax IS NULL OR with_tax IS NOT NULL)) OVER w
                   AS lines_whole
        FROM s
        WHERE coalesce(CAST($summed AS BOOLEAN), false)
        WINDOW w AS (PARTITION BY invoice_id, CASE WHEN invoice_id IS NULL THEN line END, client_key,
                                  issued, due_given, paid_given, currency, st)
    )
    WINDOW w AS (PARTITION BY invoice_id, CASE WHEN invoice_id IS NULL THEN line END, client_key,
                              issued, due_given, paid_given, currency, st)
),
k AS (
    SELECT *,
           -- marked paid in part (open, paid as far as the file says: connector_notes_bills warns
           -- where it says nothing of how much)
           st IN ('partial', 'partially paid', 'partial payment', 'partiellement payée',
                  'teilweise bezahlt', 'teilbezahlt', 'parcial', 'recebido parcial',
                  'parcialmente pagada', 'parcialmente pago', 'parcialmente cobrada',
                  'cobrada parcialmente') AS said_partial,
           -- Xero's: SUBMITTED and DELETED were never sent (awaiting approval, a draft deleted),
           -- AUTHORISED is sent and awaiting payment
           -- and French and German invoicing tools' (Pennylane, sevDesk...)
           -- and Brazilian and Spanish ones' (Conta Azul, Omie, Holded...)
           CASE WHEN st IN ('draft', 'submitted', 'awaiting approval', 'deleted', 'brouillon',
                            'entwurf', 'rascunho', 'borrador') THEN 'draft'
                WHEN st IN ('paid', 'payée', 'payé', 'réglée', 'bezahlt', 'pago', 'paga', 'recebido',
                            'recebida', 'quitado', 'liquidado', 'pagado', 'pagada', 'cobrado',
                            'cobrada') THEN 'paid'
                WHEN said_partial
                  OR st IN ('open', 'sent', 'viewed', 'late', 'overdue', 'pending', 'unpaid', 'due',
                            'authorised', 'authorized', 'awaiting payment', 'envoyée', 'en attente',
                            'en retard', 'impayée', 'offen', 'überfällig', 'em aberto', 'aberto',
                            'aberta', 'vencido', 'vencida', 'atrasado', 'atrasada', 'pendente',
                            'pendiente', 'emitida') THEN 'open'
                -- Stripe's uncollectible: given up on, written off
                WHEN st IN ('closed', 'written off', 'written-off', 'write-off', 'write off', 'void',
                            'voided', 'cancelled', 'canceled', 'annulée', 'storniert',
                            'uncollectible', 'cancelado', 'cancelada', 'anulada', 'anulado')
                THEN 'closed'
           END AS kind,
           coalesce(due_given, issued + CAST($due_days AS INTEGER)) AS due
    FROM l
),
-- the basis the paid amount and the balance are written on: the amount, or with tax; paid_whole,
-- an invoice a status says is paid and no balance says is still owed (a balance above 0 is: read
-- as the balance says, and warned of)
t0 AS (
    SELECT *, CASE WHEN with_tax > 0 AND amt > 0 THEN with_tax ELSE amt END AS gross,
           kind = 'paid' AND coalesce(balance_given, 0) <= 0 AS paid_whole
    FROM k
),
-- a balance above the invoice's own total holds a debt carried onto it ($balance_capped: Stripe's
-- Amount Remaining): only the total is owed on this invoice
t AS (
    SELECT * REPLACE (CASE WHEN $balance_capped AND balance_given > gross AND gross > 0 THEN gross
                           ELSE balance_given END AS balance_given),
           coalesce($balance_capped AND balance_given > gross AND gross > 0, false) AS balance_over
    FROM t0
),
p AS (
    SELECT *,
           -- a status that says paid is paid in full, whatever amount paid is written beside it:
           -- Stripe's Amount Paid is short of the Total where a credit balance paid the rest and
           -- over it where an earlier debt was paid too, a Brazilian "Recebido" with a discount
           -- for paying early or a late fee (multa e juros); neither is left owed nor refused
           CASE WHEN paid_whole THEN gross
                WHEN paid_amount IS NOT NULL THEN paid_amt_given
                -- a cancelled invoice's balance is 0 because nothing is owed, not because it was
                -- paid (French tools' "Reste à payer 0,00 €" on an "Annulée"): nothing paid, unless
                -- a payment date says otherwise (a balance left over was written off: paid the rest)
                WHEN kind = 'closed' AND balance_given = 0 AND paid_given IS NULL THEN 0
                WHEN balance IS NOT NULL THEN gross - balance_given
                WHEN kind = 'paid' THEN gross
                WHEN kind IS NOT NULL THEN 0
                WHEN status IS NULL AND paid_on IS NOT NULL THEN gross
                ELSE 0
           END AS paid_gross
    FROM t
),
s2 AS (
    -- on the amount's basis, to the cent; what is owed is the rest where the two make the whole
    SELECT *,
           CASE WHEN gross = amt THEN paid_gross ELSE round(paid_gross * amt / gross, 2) END AS paid_amt,
           CASE WHEN gross = amt THEN balance_given
                WHEN paid_gross + balance_given = gross THEN amt - round(paid_gross * amt / gross, 2)
                ELSE round(balance_given * amt / gross, 2) END AS balance_net
    FROM p
),
o AS (
    SELECT *,
           CASE WHEN kind = 'closed' OR paid_whole OR amt < 0 THEN 0
                WHEN paid_amount IS NOT NULL AND balance IS NOT NULL THEN balance_net
                ELSE amt - paid_amt
           END AS open_amt,
           -- the same on the basis with tax, where the export gives it (what the client owes)
           CASE WHEN gross = amt OR amt < 0 THEN NULL
                WHEN kind = 'closed' OR paid_whole THEN 0
                WHEN paid_amount IS NOT NULL AND balance IS NOT NULL THEN balance_given
                ELSE gross - paid_gross
           END AS open_gross
    FROM s2
)
SELECT line,
       invoice_id,
       regexp_replace(client, '\s+', ' ', 'g') AS client,
       client_key,
       status, kind, st AS status_word, said_partial,
       issued, issued_on AS issued_text,
       due, due_on AS due_text, due_on IS NULL AS due_assumed,
       CASE WHEN paid_amt > 0 THEN coalesce(paid_given, due) END AS paid,
       paid_on AS paid_text,
       paid_amt > 0 AND paid_on IS NULL AS paid_on_assumed,
       amt AS amount, amount AS amount_text,
       paid_amt,
       open_amt,
       CASE WHEN amt > 0 THEN greatest(amt - paid_amt - open_amt, 0) ELSE 0 END AS written_off,
       paid_amt_given, paid_amount AS paid_amount_text,
       balance_given, balance AS balance_text,
       with_tax, amount_with_tax AS with_tax_text, gross, paid_gross, open_gross, paid_whole, balance_over,
       tax AS tax_text, tax_amt, tax1_amt, tax2 AS tax2_text, tax2_amt,
       -- no currency column: an amount's sign gives it (a $ only where the portfolio is in dollars)
       coalesce(connector_currency(currency),
                CASE WHEN sign <> '$' THEN sign
                     WHEN sign = '$' AND connector_dollar($home) THEN $home END)
           AS currency,
       currency AS currency_text, sign,
       concat_ws(chr(31), $source_name, coalesce(invoice_id, '')) AS key_base,
       lines_whole,
       CASE WHEN summed_line THEN 'line item'
            WHEN kind = 'draft' THEN 'draft' WHEN client_key IS NULL THEN 'no client'
            WHEN amt > 0 AND paid_amt = 0 AND open_amt = 0 THEN 'written off' END AS skip
FROM o;
