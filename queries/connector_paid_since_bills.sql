-- connector (before the invoices an earlier import of $source wrote are replaced): the invoices that
-- import wrote unpaid and this export says are paid, without a payment date, so read as paid on
-- their due date: on time, which rewrites the lateness of the quarters they stood unpaid in (a
-- client who paid five months late in December read as one who paid on time). How many, and the
-- first five IDs in file order, for a warning; only those already due on $today (the command
-- line's day; every one where it is not given): one paid before its due date lost nothing.
WITH paid_since AS (
    SELECT b.line, b.invoice_id
    FROM src_bills b
    WHERE b.skip IS NULL AND b.paid_on_assumed AND b.amount > 0
      AND EXISTS (SELECT 1 FROM invoices i
                  WHERE i.source IN ($source, 'export') AND i.source_key = md5(b.key_base)
                    AND i.paid_on IS NULL AND ($today IS NULL OR i.due_on < CAST($today AS DATE)))
)
SELECT count(*) AS n, coalesce(list(invoice_id ORDER BY line)[1:5], []) AS ids FROM paid_since;
