-- connector: an invoice export as the user wrote it (trimmed text, '' as NULL), with its line number,
-- under the names harvest.py and mapping.py give its columns; a column the export lacks stays NULL.
CREATE OR REPLACE TEMP TABLE stg_bills (
    line BIGINT, invoice_id VARCHAR, client VARCHAR, status VARCHAR, issued_on VARCHAR,
    due_on VARCHAR, paid_on VARCHAR, amount VARCHAR, paid_amount VARCHAR, balance VARCHAR,
    currency VARCHAR, amount_with_tax VARCHAR, tax VARCHAR, tax2 VARCHAR, invoice_part VARCHAR,
    client_email VARCHAR
);
