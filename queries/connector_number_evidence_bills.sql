-- connector: what the amounts of a staged invoice export say about their decimal separator (as
-- connector_number_evidence_entries does for hours), over its invoice, paid and balance amounts.
WITH nums AS (
    SELECT line, 'amount' AS col, amount AS v, connector_plain(amount) AS x FROM stg_bills WHERE amount IS NOT NULL
    UNION ALL
    SELECT line, 'paid_amount', paid_amount, connector_plain(paid_amount) FROM stg_bills WHERE paid_amount IS NOT NULL
    UNION ALL
    SELECT line, 'balance', balance, connector_plain(balance) FROM stg_bills WHERE balance IS NOT NULL
),
kinds AS (
    SELECT line, col, v,
           CASE WHEN NOT regexp_full_match(x, '[+-]?[\d.,]*\d[\d.,]*') THEN NULL
                WHEN contains(x, '.') AND contains(x, ',')
                    THEN CASE WHEN regexp_full_match(x, '.*,[^.]*\.[^,]*') THEN 'dot' ELSE 'comma' END
                WHEN contains(x, '.')
                    THEN CASE WHEN regexp_full_match(x, '[+-]?[1-9]\d{0,2}(\.\d{3})+') THEN 'ambiguous' ELSE 'dot' END
                WHEN contains(x, ',')
                    THEN CASE WHEN regexp_full_match(x, '[+-]?[1-9]\d{0,2}(,\d{3})+') THEN 'ambiguous' ELSE 'comma' END
           END AS kind
    FROM nums
)
SELECT kind, count(*) AS n, min(line) AS line, arg_min(col, line) AS col, arg_min(v, line) AS v
FROM kinds
WHERE kind IS NOT NULL
GROUP BY kind
ORDER BY kind;
