-- export: the invoices table in the import format, in a stable order, to $path as $fmt (csv or parquet).
COPY (
    SELECT invoice_id, client_id, issued_on, due_on, paid_on, amount, currency
    FROM invoices
    ORDER BY client_id, issued_on, invoice_id
) TO $path (FORMAT $fmt);
