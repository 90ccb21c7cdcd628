-- connector (inside the write transaction): the export's invoices (a partly paid one as two rows),
-- each saying it came from $source under its key. An invoice with no currency is in the portfolio's
-- ($home) and says so, so that a later change of the portfolio's currency converts it rather than
-- reading it as the new one.
INSERT INTO invoices (invoice_id, client_id, issued_on, due_on, paid_on, amount, currency, source, source_key)
SELECT invoice_id, client_id, issued, due, paid, amount, coalesce(currency, $home), $source, source_key
FROM src_bill_rows
ORDER BY line, paid NULLS LAST;
