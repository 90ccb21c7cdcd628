-- connector (inside the write transaction, before an import --replace empties what imports brought
-- and before the invoices an earlier import of $source wrote are replaced), for
-- connector_insert_bills: the parts of the export's invoices an earlier export said were paid,
-- with their days: an export that now says an invoice is paid in full on its last payment's day
-- (Harvest's Last Payment Date) keeps the parts paid before on the days they were paid.
CREATE OR REPLACE TEMP TABLE bills_paid_before AS
SELECT source_key, invoice_id, paid_on, amount, coalesce(paid_on_assumed, false) AS assumed,
       amount_with_tax
FROM invoices
WHERE source IN ($source, 'export') AND paid_on IS NOT NULL AND amount > 0
  AND source_key IN (SELECT md5(key_base) FROM src_bills WHERE skip IS NULL);
