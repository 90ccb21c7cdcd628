-- connector (inside the write transaction, before connector_delete_time_entries): per client with
-- entries imported under a name it was renamed from in the tracker (connector_renamed_entries),
-- how many of the rows about to go are not the file's own rows again: "already there" counts the
-- file's rows that replace a row (by key, or as the same work under the old name), and a client
-- merged after both names were imported has a row under each name for one entry. With an alias
-- given before the file came again, each old row is the file's row and none is extra.
WITH renamed AS (SELECT DISTINCT client_id FROM renamed_entries),
gone AS (
    SELECT t.client_id, count(*) AS n
    FROM time_entries t
    WHERE t.source IN ($source, 'export')
      AND t.client_id IN (SELECT client_id FROM renamed)
      AND (t.source_key IN (SELECT source_key FROM src_rows
                            UNION ALL SELECT unnest(legacy_keys) FROM src_rows)
           OR (t.source = $source
               AND EXISTS (SELECT 1 FROM renamed_entries r
                           WHERE r.client_id = t.client_id AND r.source_client = t.source_client
                             AND r.work_key = t.work_key)))
    GROUP BY t.client_id
),
again AS (
    SELECT s.client_id, count(*) AS n
    FROM src_rows s
    WHERE s.client_id IN (SELECT client_id FROM renamed)
      AND (s.source_key IN (SELECT source_key FROM time_entries WHERE source IN ($source, 'export'))
           OR EXISTS (SELECT 1 FROM renamed_entries r
                      WHERE r.client_id = s.client_id AND r.work_key = s.work_key))
    GROUP BY s.client_id
)
SELECT c.name, g.n - coalesce(a.n, 0) AS extra
FROM gone g
JOIN clients c ON c.client_id = g.client_id
LEFT JOIN again a ON a.client_id = g.client_id
WHERE g.n > coalesce(a.n, 0)
ORDER BY c.name, c.client_id;
