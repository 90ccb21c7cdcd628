-- import (inside the write transaction): the invoices file, read through import_src, straight into
-- invoices: typed as import_insert_invoices types it, in file order, nothing kept in memory. Any
-- row import_validate_invoices would find fault with stops the statement (error()), and the caller
-- then runs the checked import, which says what is wrong. A client_id not in the clients file, and
-- an invoice_id given twice, are caught afterwards (import_streamed_invoices).
INSERT INTO invoices (invoice_id, client_id, issued_on, due_on, paid_on, amount, currency, source, source_key)
WITH src AS (
    SELECT *
    FROM (SELECT NULL::VARCHAR AS invoice_id, NULL::VARCHAR AS client_id, NULL::VARCHAR AS issued_on,
                 NULL::VARCHAR AS due_on, NULL::VARCHAR AS paid_on, NULL::VARCHAR AS amount,
                 NULL::VARCHAR AS currency
          WHERE false)
    UNION ALL BY NAME  -- a column the file lacks is NULL
    SELECT import_text(CAST(COLUMNS(lambda c: list_contains($known, c)) AS VARCHAR)) FROM import_src
),
i AS (
    SELECT *, import_date(issued_on) AS issued, import_date(due_on) AS due,
           import_date(paid_on) AS paid, import_amount(amount) AS amt
    FROM src
)
SELECT invoice_id,
       CASE WHEN invoice_id IS NULL OR client_id IS NULL OR issued IS NULL OR due IS NULL
                 OR due < issued OR (paid_on IS NOT NULL AND paid IS NULL) OR amt IS NULL
                 OR (currency IS NOT NULL AND NOT regexp_full_match(currency, '[A-Za-z]{3}'))
            THEN error('import: a row to check')
            ELSE coalesce(getvariable('import_merged')[client_id], client_id) END,
       issued, due, paid, amt, coalesce(upper(currency), $home), 'folder', client_id
FROM i;
