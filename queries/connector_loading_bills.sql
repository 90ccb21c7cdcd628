-- connector: how many invoices the import would write; none at all refuses it.
SELECT count(*) FROM src_bill_rows;
