-- import: every problem in the staged feedback file as (line, column, reason), in file order; none = valid.
-- $first_line: the line of the first row (2 for CSV, whose line 1 is the header; 1 for Parquet).
WITH f AS (
    SELECT *, rowid + $first_line AS line, import_date("date") AS d, import_int(score) AS sc FROM stg_feedback
    WHERE coalesce(*COLUMNS(*)) <> ''  -- a row of empty fields (Excel's ',,,') is no row
),
problems (line, k, col, reason) AS (
    SELECT line, 1, 'client_id', 'required' FROM f WHERE client_id IS NULL
    UNION ALL
    SELECT line, 2, 'client_id', 'no client ' || import_show(client_id) || ' in ' || $clients_file
    FROM f WHERE client_id IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM stg_clients c WHERE c.client_id = f.client_id)
    UNION ALL
    SELECT line, 3, 'date', coalesce('not a date: ' || import_show("date"), 'required') FROM f WHERE d IS NULL
    UNION ALL
    SELECT line, 4, 'score', coalesce('not a whole number from 0 to 10: ' || import_show(score), 'required')
    FROM f WHERE sc IS NULL OR sc NOT BETWEEN 0 AND 10
)
SELECT line, col AS "column", reason FROM problems ORDER BY line, k;
