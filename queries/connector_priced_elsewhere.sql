-- connector: the clients of a time export with no billable amounts whose time already on record
-- carries some (from another export): this file's billable hours have none, so their revenue is no
-- longer estimated from the amounts (it is only where every billable hour has one).
WITH here AS (
    SELECT r.client_id, arg_min(c.name, c.first_line) AS name
    FROM src_rows r JOIN src_clients c USING (client_id)
    WHERE r.billable
    GROUP BY r.client_id
)
SELECT coalesce(list(h.name ORDER BY h.name), [])
FROM here h
WHERE EXISTS (
    SELECT 1 FROM time_entries t
    WHERE t.client_id = h.client_id AND t.billable_amount > 0
      -- not the entries this import replaces (connector_delete_time_entries)
      AND NOT (t.source IN ($source, 'export')
               AND t.source_key IN (SELECT source_key FROM src_rows UNION ALL SELECT unnest(legacy_keys) FROM src_rows))
);
