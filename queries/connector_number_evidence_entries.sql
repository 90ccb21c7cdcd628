-- connector: what the hours of a staged time export say about their decimal separator, one row per
-- kind found: 'dot' (1.5, 1,234.5), 'comma' (1,5, 1.234,5), 'ambiguous' (1,250 or 1.250: a group of
-- three digits could be thousands or decimals), with how many and the first (line, column, value).
-- Durations written as 1:30:00 say nothing.
WITH nums AS (
    SELECT line, 'hours' AS col, hours AS v, connector_plain(hours) AS x FROM stg_entries WHERE hours IS NOT NULL
    UNION ALL
    SELECT line, 'duration', duration, connector_plain(duration) FROM stg_entries WHERE duration IS NOT NULL
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
