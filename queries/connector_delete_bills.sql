-- connector (inside the write transaction): make room for the export's invoices: the rows an earlier
-- import of the same invoices wrote (same source_key, both parts of a split invoice) go.
DELETE FROM invoices
WHERE source_key IN (SELECT source_key FROM src_bill_rows);
