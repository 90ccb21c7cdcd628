-- connector (inside the write transaction, before connector_delete_time_entries): per client, how
-- many of its entries from this $source go as imported under a name it was renamed from in the
-- tracker (connector_renamed_entries), beyond those the file's own keys replace: "already there"
-- counts the file's rows, and these are rows the file does not hold under their old name.
SELECT c.name, count(*) AS gone
FROM time_entries t
JOIN clients c ON c.client_id = t.client_id
WHERE t.source = $source
  AND EXISTS (SELECT 1 FROM renamed_entries r
              WHERE r.client_id = t.client_id AND r.source_client = t.source_client
                AND r.work_key = t.work_key)
  AND t.source_key NOT IN (SELECT source_key FROM src_rows
                           UNION ALL SELECT unnest(legacy_keys) FROM src_rows)
GROUP BY c.client_id, c.name
ORDER BY c.name, c.client_id;
