-- connector (inside the write transaction): the export's invoices (a partly paid one as two rows),
-- each saying it came from $source under its key. An invoice with no currency is in the portfolio's
-- ($home) and says so, so that a later change of the portfolio's currency converts it rather than
-- reading it as the new one. An unpaid row keeps the day of this import ($today, the command
-- line's: the export said it was unpaid then; NULL where no day is given). A row paid with no
-- payment date in the file is read as paid on its due date, but no earlier than the day an earlier
-- import saw it unpaid (connector_seen_open_bills): Xero's invoice list has no payment date, and a
-- payment five months late read as one on time, in the quarters it stood unpaid too.
INSERT INTO invoices (invoice_id, client_id, issued_on, due_on, paid_on, amount, currency, source,
                      source_key, open_seen_on)
SELECT r.invoice_id, r.client_id, r.issued, r.due,
       CASE WHEN r.paid_on_assumed AND o.seen_open > r.paid THEN o.seen_open ELSE r.paid END,
       r.amount, coalesce(r.currency, $home), $source, r.source_key,
       CASE WHEN r.paid IS NULL THEN coalesce(CAST($today AS DATE), o.seen_open) END
FROM src_bill_rows r
LEFT JOIN bills_seen_open o USING (source_key)
ORDER BY r.line, r.paid NULLS LAST;
