-- import: the invoices file as the user wrote it (trimmed text, '' as NULL), in file order: a row's
-- rowid is its place in the file.
CREATE OR REPLACE TEMP TABLE stg_invoices (
    invoice_id VARCHAR, client_id VARCHAR, issued_on VARCHAR, due_on VARCHAR,
    paid_on VARCHAR, amount VARCHAR, currency VARCHAR
);
