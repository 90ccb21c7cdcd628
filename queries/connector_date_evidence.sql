-- connector: what the dates of a staged export (connector_date_values) say about their order, one row
-- per kind found: 'day_first' (the first number is above 12: 31/03/2025), 'month_first' (the second
-- is: 03/31/2025, 8/14/18), 'ambiguous' (both 12 or less and different: 03/04/2025), with how many,
-- and the first (line, column, value) of each for the message. A time of day after the date is not
-- part of it (connector_when). ISO dates and 05/05/2025 say nothing and are not counted.
WITH parts AS (
    SELECT line, col, v, regexp_extract(connector_when(v).d, '^(\d{1,2})[-/.](\d{1,2})[-/.](?:\d{2}|\d{4})$', ['a', 'b']) AS p
    FROM connector_date_values
),
kinds AS (
    SELECT line, col, v,
           CASE WHEN p.a = '' THEN NULL
                WHEN CAST(p.a AS INTEGER) > 12 AND CAST(p.b AS INTEGER) <= 12 THEN 'day_first'
                WHEN CAST(p.b AS INTEGER) > 12 AND CAST(p.a AS INTEGER) <= 12 THEN 'month_first'
                WHEN CAST(p.a AS INTEGER) <> CAST(p.b AS INTEGER) AND CAST(p.a AS INTEGER) <= 12
                     AND CAST(p.b AS INTEGER) <= 12 THEN 'ambiguous'
           END AS kind
    FROM parts
)
-- the first of each kind by line, then column name: two on one line (an invoice's issue and paid dates)
-- gave either, and a value of one column with the name of the other, from run to run
SELECT kind, count(*) AS n, min(line) AS line, arg_min(col, (line, col)) AS col, arg_min(v, (line, col)) AS v
FROM kinds
WHERE kind IS NOT NULL
GROUP BY kind
ORDER BY kind;
