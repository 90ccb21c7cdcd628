-- connector (inside the write transaction): make room for the export's invoices: the rows an earlier
-- import of the same invoices by this $source wrote (same source_key, both parts of a split invoice)
-- go; rows from before schema 4 ('export') are matched by key alone. Other sources are untouched.
-- An invoice written off whole since (skipped, no row of its own) takes its earlier rows with it.
DELETE FROM invoices
WHERE source IN ($source, 'export')
  AND source_key IN (SELECT source_key FROM src_bill_rows
                     UNION ALL
                     SELECT md5(key_base) FROM src_bills WHERE skip = 'written off');
