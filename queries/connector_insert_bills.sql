-- connector (inside the write transaction): the export's invoices (a partly paid one as two rows),
-- each saying it came from $source under its key. An invoice with no currency is in the portfolio's
-- ($home) and says so, so that a later change of the portfolio's currency converts it rather than
-- reading it as the new one.
-- A paid row whose invoice an earlier export said was partly paid before this payment's day keeps
-- those parts on their days, the earliest first, as far as the paid amount goes, and the rest is
-- paid on this one (ID-YYYY-MM-DD): Harvest's export gives one Last Payment Date, and half an
-- invoice paid in August read as unpaid until December, the quarter already reviewed rewritten.
-- (connector_paid_before_bills: read before the earlier rows go, and before a --replace.)
-- A payment with no day of its own (assumed, queries/migrate_013.sql) says so, and every row keeps the
-- last day an export showed its invoice unpaid (unpaid_on).
INSERT INTO invoices (invoice_id, client_id, issued_on, due_on, paid_on, amount, currency, source,
                      source_key, paid_on_assumed, unpaid_on, amount_with_tax)
WITH
-- the parts paid before, on an invoice now paid on a later day: the earliest first, while they
-- stay within what the export says is paid now
earlier AS (
    SELECT r.line, b.invoice_id, r.client_id, r.issued, r.due, b.paid_on, b.amount, r.currency,
           r.source_key, r.invoice_id AS now_id, r.amount AS paid_now, b.assumed, r.unpaid_on,
           b.amount_with_tax AS with_tax,
           sum(b.amount) OVER (PARTITION BY r.source_key, r.invoice_id
                               ORDER BY b.paid_on, b.invoice_id) AS running
    FROM src_bill_rows r
    JOIN bills_paid_before b ON b.source_key = r.source_key AND b.paid_on < r.paid
    WHERE r.paid IS NOT NULL AND r.amount > 0 AND r.paid > r.issued
),
kept AS (SELECT * FROM earlier WHERE running <= paid_now),
before AS (
    SELECT source_key, now_id, sum(amount) AS paid_before FROM kept GROUP BY ALL
)
SELECT invoice_id, client_id, issued, due, paid, amount, currency, $source, source_key, assumed,
       unpaid_on, with_tax
FROM (
    -- the rest on this payment's day (none left: the earlier parts were all of it)
    SELECT r.line, r.invoice_id || CASE WHEN k.paid_before IS NOT NULL THEN '-' || r.paid ELSE '' END
               AS invoice_id,
           r.client_id, r.issued, r.due, r.paid, r.amount - coalesce(k.paid_before, 0) AS amount,
           coalesce(r.currency, $home) AS currency, r.source_key, r.assumed, r.unpaid_on,
           -- the rest with tax: what the export says, less the parts kept (their share)
           CASE WHEN r.with_tax IS NOT NULL AND k.paid_before IS NOT NULL
                THEN round(r.with_tax * (r.amount - k.paid_before) / r.amount, 2)
                ELSE r.with_tax END AS with_tax
    FROM src_bill_rows r
    LEFT JOIN before k ON k.source_key = r.source_key AND k.now_id = r.invoice_id
    WHERE k.paid_before IS NULL OR r.amount > k.paid_before
    UNION ALL
    SELECT line, invoice_id, client_id, issued, due, paid_on, amount, coalesce(currency, $home),
           source_key, assumed, unpaid_on, with_tax
    FROM kept
)
ORDER BY line, paid NULLS LAST, invoice_id;
