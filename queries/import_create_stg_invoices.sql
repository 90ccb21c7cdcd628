-- import: the invoices file as the user wrote it (trimmed text, '' as NULL), with its line number.
CREATE OR REPLACE TEMP TABLE stg_invoices (
    line BIGINT, invoice_id VARCHAR, client_id VARCHAR, issued_on VARCHAR, due_on VARCHAR,
    paid_on VARCHAR, amount VARCHAR, currency VARCHAR
);
