-- import: every problem in the staged invoices file as (line, column, reason), in file order; none = valid.
-- $first_line: the line of the first row (2 for CSV, whose line 1 is the header; 1 for Parquet).
WITH i AS (
    SELECT *,
           rowid + $first_line AS line,
           import_date(issued_on) AS issued,
           import_date(due_on) AS due,
           import_date(paid_on) AS paid,
           import_amount(amount) AS amt,
           min(rowid) OVER (PARTITION BY invoice_id) + $first_line AS first_line
    FROM stg_invoices
    WHERE coalesce(*COLUMNS(*)) <> ''  -- a row of empty fields (Excel's ',,,') is no row
),
problems (line, k, col, reason) AS (
    SELECT line, 1, 'invoice_id', 'required' FROM i WHERE invoice_id IS NULL
    UNION ALL
    SELECT line, 2, 'invoice_id', 'duplicate id ' || import_show(invoice_id) || ' (first on line ' || first_line || ')'
    FROM i WHERE invoice_id IS NOT NULL AND line > first_line
    UNION ALL
    SELECT line, 3, 'client_id', 'required' FROM i WHERE client_id IS NULL
    UNION ALL
    SELECT line, 4, 'client_id', 'no client ' || import_show(client_id) || ' in ' || $clients_file
    FROM i WHERE client_id IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM stg_clients s WHERE s.client_id = i.client_id)
    UNION ALL
    SELECT line, 5, 'issued_on', coalesce('not a date: ' || import_show(issued_on), 'required') FROM i WHERE issued IS NULL
    UNION ALL
    SELECT line, 6, 'due_on', coalesce('not a date: ' || import_show(due_on), 'required') FROM i WHERE due IS NULL
    UNION ALL
    SELECT line, 7, 'due_on', 'before issued_on (' || issued || ')' FROM i WHERE due < issued
    UNION ALL
    SELECT line, 8, 'paid_on', 'not a date: ' || import_show(paid_on) FROM i WHERE paid_on IS NOT NULL AND paid IS NULL
    UNION ALL
    -- a negative amount is a credit note: it reduces revenue and is never due
    SELECT line, 9, 'amount', CASE WHEN amount IS NULL THEN 'required'
                                   ELSE 'not an amount (like 1250.00, or -200.00 for a credit note): '
                                        || import_show(amount) END
    FROM i WHERE amt IS NULL
    UNION ALL
    SELECT line, 10, 'currency', 'not a 3-letter currency code: ' || import_show(currency)
    FROM i WHERE currency IS NOT NULL AND NOT regexp_full_match(currency, '[A-Za-z]{3}')
)
SELECT line, col AS "column", reason FROM problems ORDER BY line, k;
