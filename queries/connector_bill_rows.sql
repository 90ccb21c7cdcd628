-- connector: the parsed invoice export (src_bills, skipped lines left out) as rows ready for invoices.
-- An invoice paid in part becomes two rows: the paid part (paid_on set) under its own ID, and the
-- part still owed (open_amt) under ID-unpaid with no paid_on, so payment and unpaid amounts score as
-- they stand. What was written off (neither paid nor owed) has no row.
-- Both rows carry the invoice's source_key (md5 of key_base): re-importing replaces them together,
-- so an invoice paid since the last export loses its unpaid row. A credit note (a negative amount)
-- is one row, settled on its issue date: it reduces revenue and is never due, late or unpaid.
-- A payment the export gives no day for (paid_on_assumed) is on the due date, or the day after an
-- earlier export last showed the invoice unpaid (bills_unpaid_before) where that is later, and no
-- later than $today (the command line's day: this export, which says it is paid, was made by
-- then). Every row keeps that last day (unpaid_on), this export's own where it shows the invoice
-- unpaid: the latest day the export shows to have passed when it was made (an issue or payment
-- day, the day after a due date its status calls overdue or late), as it was made no earlier (but
-- no later than $today, where an invoice is issued ahead).
CREATE OR REPLACE TEMP TABLE src_bill_rows AS
WITH made AS (
    SELECT least(max(greatest(issued, CASE WHEN NOT paid_on_assumed THEN paid END,
                              CASE WHEN status_word IN ('late', 'overdue')
                                   THEN due + 1 END)),
                 CAST($today AS DATE)) AS day
    FROM src_bills
    WHERE skip IS NULL
),
b AS (
    SELECT b.*, c.client_id, md5(b.key_base) AS source_key, u.unpaid_on AS unpaid_before,
           CASE WHEN b.amount >= 0 AND b.open_amt > 0 THEN greatest(u.unpaid_on, made.day)
                ELSE u.unpaid_on END AS unpaid_on
    FROM src_bills b
    JOIN src_clients c USING (client_key)
    CROSS JOIN made
    LEFT JOIN bills_unpaid_before u ON u.source_key = md5(b.key_base)
    WHERE b.skip IS NULL
)
SELECT line, invoice_id, client_id, issued, due,
       -- (greatest and least read past a NULL: no earlier day, no command line's day)
       CASE WHEN paid_on_assumed THEN least(greatest(paid, unpaid_before + 1), CAST($today AS DATE))
            ELSE paid END AS paid,
       paid_amt AS amount, currency, source_key, paid_on_assumed AS assumed, unpaid_on,
       CASE WHEN open_gross IS NOT NULL THEN paid_gross END AS with_tax
FROM b
WHERE amount >= 0 AND (paid_amt > 0 OR amount = 0)
UNION ALL
SELECT line, invoice_id || CASE WHEN paid_amt > 0 THEN '-unpaid' ELSE '' END, client_id, issued, due,
       NULL, open_amt, currency, source_key, false, unpaid_on, open_gross
FROM b
WHERE amount >= 0 AND open_amt > 0
UNION ALL
SELECT line, invoice_id, client_id, issued, issued, issued, amount, currency, source_key, false,
       unpaid_on, CASE WHEN with_tax < 0 THEN with_tax END
FROM b
WHERE amount < 0;
