-- connector: how many invoices the export's rows are, as its lines count them: an invoice paid in part
-- is two rows (src_bill_rows) but one invoice, so "Loaded N invoices" matches the file.
SELECT count(DISTINCT source_key) FROM src_bill_rows;
