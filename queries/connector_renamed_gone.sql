-- connector (inside the write transaction, before connector_delete_time_entries): per client, the
-- entries it had under a name it was renamed from in the tracker (connector_renamed_entries) that
-- go beyond the file's own rows: their work is on record under the new name too (the file's row
-- is already there by its key), as when both names were imported and then merged; "already there"
-- counts the file's rows, so these are said apart. Given as an alias before the file came again,
-- an old row is the file's row again, and nothing goes beyond it.
SELECT c.name, count(*) AS extra
FROM time_entries t
JOIN clients c ON c.client_id = t.client_id
WHERE t.source = $source
  AND EXISTS (SELECT 1 FROM renamed_entries r
              WHERE r.client_id = t.client_id AND r.source_client = t.source_client
                AND r.work_key = t.work_key)
  AND t.source_key NOT IN (SELECT source_key FROM src_rows)
  AND EXISTS (SELECT 1 FROM src_rows s
              JOIN time_entries n ON n.source_key = s.source_key AND n.source IN ($source, 'export')
              WHERE s.client_id = t.client_id AND s.work_key = t.work_key)
GROUP BY c.client_id, c.name
ORDER BY c.name, c.client_id;
