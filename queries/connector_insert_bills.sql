-- connector (inside the write transaction): the export's invoices (a partly paid one as two rows),
-- each saying it came from $source under its key. An invoice with no currency is in the portfolio's
-- ($home) and says so, so that a later change of the portfolio's currency converts it rather than
-- reading it as the new one. An unpaid row keeps the day of this import ($today, the command
-- line's: the export said it was unpaid then; NULL where no day is given). A row paid with no
-- payment date in the file is read as paid on its due date, but no earlier than the day an earlier
-- import saw it unpaid (connector_seen_open_bills): Xero's invoice list has no payment date, and a
-- payment five months late read as one on time, in the quarters it stood unpaid too.
-- A paid row whose invoice an earlier export said was partly paid before this payment's day keeps
-- those parts on their days, and the rest is paid on this one (ID-YYYY-MM-DD): Harvest's export
-- gives one Last Payment Date, and half an invoice paid in August read as unpaid until December,
-- the quarter already reviewed rewritten.
INSERT INTO invoices (invoice_id, client_id, issued_on, due_on, paid_on, amount, currency, source,
                      source_key, open_seen_on)
WITH r AS (
    SELECT r.*,
           CASE WHEN r.paid_on_assumed AND o.seen_open > r.paid THEN o.seen_open ELSE r.paid END AS paid_day,
           o.seen_open
    FROM src_bill_rows r
    LEFT JOIN bills_seen_open o USING (source_key)
),
-- the parts paid before, on an invoice now paid further on a later day: kept
before AS (
    SELECT r.line, b.invoice_id, r.client_id, r.issued, r.due, b.paid_on, b.amount, r.currency,
           r.source_key, r.amount AS paid_now, r.invoice_id AS now_id, r.paid_day
    FROM r
    JOIN bills_paid_before b ON b.source_key = r.source_key AND b.paid_on < r.paid_day
    WHERE r.paid_day IS NOT NULL AND r.amount > 0 AND r.paid_day > r.issued
),
kept AS (
    SELECT source_key, now_id, sum(amount) AS paid_before
    FROM before
    GROUP BY ALL
    HAVING sum(amount) < any_value(paid_now)
)
SELECT invoice_id, client_id, issued, due, paid_day, amount, currency, $source, source_key, open_seen
FROM (
    SELECT r.line, r.invoice_id || CASE WHEN k.paid_before IS NOT NULL THEN '-' || r.paid_day ELSE '' END
               AS invoice_id,
           r.client_id, r.issued, r.due, r.paid_day, r.amount - coalesce(k.paid_before, 0) AS amount,
           coalesce(r.currency, $home) AS currency, r.source_key,
           CASE WHEN r.paid IS NULL THEN coalesce(CAST($today AS DATE), r.seen_open) END AS open_seen
    FROM r
    LEFT JOIN kept k ON k.source_key = r.source_key AND k.now_id = r.invoice_id
    UNION ALL
    SELECT b.line, b.invoice_id, b.client_id, b.issued, b.due, b.paid_on, b.amount,
           coalesce(b.currency, $home), b.source_key, NULL
    FROM before b
    JOIN kept k ON k.source_key = b.source_key AND k.now_id = b.now_id
)
ORDER BY line, paid_day NULLS LAST, invoice_id;
