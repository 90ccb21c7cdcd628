-- connector (inside the write transaction): the export's invoices (a partly paid one as two rows),
-- each saying it came from $source under its key.
INSERT INTO invoices (invoice_id, client_id, issued_on, due_on, paid_on, amount, currency, source, source_key)
SELECT invoice_id, client_id, issued, due, paid, amount, currency, $source, source_key
FROM src_bill_rows
ORDER BY line, paid NULLS LAST;
