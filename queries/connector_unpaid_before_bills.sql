-- connector (inside the write transaction, before an import --replace empties what imports brought
-- and before the invoices an earlier import of $source wrote are replaced), for
-- connector_bill_rows: the last day an earlier export showed each of this export's invoices unpaid
-- (queries/migrate_013.sql), so that one this export says is paid without a payment day is paid
-- after it, and the bound is kept for the next import.
CREATE OR REPLACE TEMP TABLE bills_unpaid_before AS
SELECT source_key, max(unpaid_on) AS unpaid_on
FROM invoices
WHERE source IN ($source, 'export') AND unpaid_on IS NOT NULL
  AND source_key IN (SELECT md5(key_base) FROM src_bills WHERE skip IS NULL)
GROUP BY source_key;
