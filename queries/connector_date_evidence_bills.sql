-- connector: what the dates of a staged invoice export say about their order (as
-- connector_date_evidence_entries does for time), over its issue, due and payment dates together.
WITH dates AS (
    SELECT line, 'issued_on' AS col, issued_on AS v FROM stg_bills WHERE issued_on IS NOT NULL
    UNION ALL
    SELECT line, 'due_on', due_on FROM stg_bills WHERE due_on IS NOT NULL
    UNION ALL
    SELECT line, 'paid_on', paid_on FROM stg_bills WHERE paid_on IS NOT NULL
),
parts AS (
    SELECT line, col, v, regexp_extract(v, '^(\d{1,2})[-/.](\d{1,2})[-/.]\d{4}$', ['a', 'b']) AS p
    FROM dates
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
SELECT kind, count(*) AS n, min(line) AS line, arg_min(col, line) AS col, arg_min(v, line) AS v
FROM kinds
WHERE kind IS NOT NULL
GROUP BY kind
ORDER BY kind;
