-- connector (before the invoices an earlier import of $source wrote are replaced): the invoices that
-- import wrote unpaid, already due on $today (the command line's day; every one where it is not
-- given: one paid before its due date lost nothing), that this export says are paid without a
-- payment date. Where the earlier import kept the day it saw them unpaid (open_seen_on, schema 13)
-- they are read as paid no earlier than that day (connector_insert_bills), said in a note; where it
-- did not (rows from before), as paid on their due date, on time, which rewrites the lateness of
-- the quarters they stood unpaid in: a warning. How many of each and their first five IDs.
WITH paid_since AS (
    SELECT b.line, b.invoice_id,
           (SELECT max(i.open_seen_on) FROM invoices i
            WHERE i.source IN ($source, 'export') AND i.source_key = md5(b.key_base)
              AND i.paid_on IS NULL) AS seen_open
    FROM src_bills b
    WHERE b.skip IS NULL AND b.paid_on_assumed AND b.amount > 0
      AND EXISTS (SELECT 1 FROM invoices i
                  WHERE i.source IN ($source, 'export') AND i.source_key = md5(b.key_base)
                    AND i.paid_on IS NULL AND ($today IS NULL OR i.due_on < CAST($today AS DATE)))
)
SELECT count(*) FILTER (WHERE seen_open IS NULL) AS unknown,
       coalesce(list(invoice_id ORDER BY line) FILTER (WHERE seen_open IS NULL), [])[1:5] AS unknown_ids,
       count(*) FILTER (WHERE seen_open IS NOT NULL) AS floored,
       coalesce(list(invoice_id || ' (' || seen_open || ')' ORDER BY line)
                FILTER (WHERE seen_open IS NOT NULL), [])[1:5] AS floored_ids
FROM paid_since;
