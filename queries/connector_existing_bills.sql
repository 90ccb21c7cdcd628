-- connector: how many of the invoices about to be written this $source already wrote (by source_key):
-- they replace their earlier rows (with the payment state of this export) rather than add to them.
SELECT count(DISTINCT source_key)
FROM src_bill_rows
WHERE source_key IN (SELECT source_key FROM invoices WHERE source IN ($source, 'export'));
