-- connector: the parsed invoice export (src_bills, skipped lines left out) as rows ready for invoices.
-- An invoice paid in part becomes two rows: the paid part (paid_on set) under its own ID, and the
-- part still owed (open_amt) under ID-unpaid with no paid_on, so payment and unpaid amounts score as
-- they stand. What was written off (neither paid nor owed) has no row.
-- Both rows carry the invoice's source_key (md5 of key_base): re-importing replaces them together,
-- so an invoice paid since the last export loses its unpaid row. A credit note (a negative amount)
-- is one row, settled on its issue date: it reduces revenue and is never due, late or unpaid.
CREATE OR REPLACE TEMP TABLE src_bill_rows AS
WITH b AS (
    SELECT b.*, c.client_id, md5(b.key_base) AS source_key
    FROM src_bills b
    JOIN src_clients c USING (client_key)
    WHERE b.skip IS NULL
)
SELECT line, invoice_id, client_id, issued, due, paid, paid_amt AS amount, currency, source_key
FROM b
WHERE amount >= 0 AND (paid_amt > 0 OR amount = 0)
UNION ALL
SELECT line, invoice_id || CASE WHEN paid_amt > 0 THEN '-unpaid' ELSE '' END, client_id, issued, due,
       NULL, open_amt, currency, source_key
FROM b
WHERE amount >= 0 AND open_amt > 0
UNION ALL
SELECT line, invoice_id, client_id, issued, issued, issued, amount, currency, source_key
FROM b
WHERE amount < 0;
