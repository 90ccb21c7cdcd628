-- connector (before the invoices an earlier import of $source wrote are replaced): the invoices that
-- import wrote unpaid and this export says are paid, without a payment date. Where that import
-- kept the last day its export showed them unpaid (unpaid_on, queries/migrate_013.sql) they stay
-- unpaid up to it (connector_bill_rows): how many, for a note. Where it did not (imported before
-- schema 13), they would read as paid on their due date, which rewrites the quarters they stood
-- unpaid in (a client who paid five months late in December read as one who paid on time): how
-- many, and the first five IDs in file order, for a warning. Only those already due on $today
-- (the command line's day; every one where it is not given): one paid before its due date lost
-- nothing.
WITH paid_since AS (
    SELECT b.line, b.invoice_id,
           max(i.unpaid_on) AS unpaid_on
    FROM src_bills b
    JOIN invoices i ON i.source IN ($source, 'export') AND i.source_key = md5(b.key_base)
                   AND i.paid_on IS NULL AND ($today IS NULL OR i.due_on < CAST($today AS DATE))
    -- paid in full now: one still owing part is not "now paid"
    WHERE b.skip IS NULL AND b.paid_on_assumed AND b.amount > 0 AND b.open_amt = 0
    GROUP BY b.line, b.invoice_id
)
SELECT count(*) FILTER (WHERE unpaid_on IS NULL) AS n,
       coalesce(list(invoice_id ORDER BY line) FILTER (WHERE unpaid_on IS NULL), [])[1:5] AS ids,
       count(*) FILTER (WHERE unpaid_on IS NOT NULL) AS kept,
       max(unpaid_on) AS last_unpaid
FROM paid_since;
