-- connector (inside the write transaction, before the invoices an earlier import of $source wrote
-- are replaced), for connector_insert_bills: the parts of them an earlier export said were paid,
-- with their days: an export that now says an invoice is paid in full on its last payment's day
-- (Harvest's Last Payment Date) keeps the part paid before on the day it was paid.
CREATE OR REPLACE TEMP TABLE bills_paid_before AS
SELECT source_key, invoice_id, paid_on, amount
FROM invoices
WHERE source IN ($source, 'export') AND paid_on IS NOT NULL AND amount > 0
  AND source_key IN (SELECT source_key FROM src_bill_rows);
