-- connector: what the numbers of a staged export (connector_number_values) say about their decimal
-- separator, one row per kind found: 'dot' (1.5, 1,234.5, 1,250,000), 'comma' (1,5, 1.234,5,
-- 1.250.000), 'ambiguous' (1,250 or 1.250: one group of three digits could be thousands or
-- decimals; two such groups can only be thousands), with how many and the first (line, column,
-- value). Durations written as 1:30:00 say nothing.
WITH nums AS (
    SELECT line, col, v, connector_signed(v) AS x FROM connector_number_values
),
kinds AS (
    SELECT line, col, v,
           CASE WHEN NOT regexp_full_match(x, '[+-]?[\d.,]*\d[\d.,]*') THEN NULL
                WHEN contains(x, '.') AND contains(x, ',')
                    THEN CASE WHEN regexp_full_match(x, '.*,[^.]*\.[^,]*') THEN 'dot' ELSE 'comma' END
                WHEN contains(x, '.')
                    THEN CASE WHEN regexp_full_match(x, '[+-]?[1-9]\d{0,2}\.\d{3}') THEN 'ambiguous'
                              WHEN regexp_full_match(x, '[+-]?[1-9]\d{0,2}(\.\d{3}){2,}') THEN 'comma'
                              ELSE 'dot' END
                WHEN contains(x, ',')
                    THEN CASE WHEN regexp_full_match(x, '[+-]?[1-9]\d{0,2},\d{3}') THEN 'ambiguous'
                              WHEN regexp_full_match(x, '[+-]?[1-9]\d{0,2}(,\d{3}){2,}') THEN 'dot'
                              ELSE 'comma' END
           END AS kind
    FROM nums
)
-- the first of each kind by line, then column name: two on one line (an invoice's issue and paid dates)
-- gave either, and a value of one column with the name of the other, from run to run
SELECT kind, count(*) AS n, min(line) AS line, arg_min(col, (line, col)) AS col, arg_min(v, (line, col)) AS v
FROM kinds
WHERE kind IS NOT NULL
GROUP BY kind
ORDER BY kind;
