-- connector: how many of the entries about to be written this $source already wrote (by source_key):
-- they replace themselves rather than add to the hours. Also by the key an earlier version gave
-- an entry (legacy_keys, connector_classify_entries), and by the work_key on the same client under
-- a name it was renamed from (connector_renamed_entries, connector_delete_time_entries).
SELECT count(*)
FROM src_rows
WHERE source_key IN (SELECT source_key FROM time_entries WHERE source IN ($source, 'export'))
   OR line IN (SELECT k.line
               FROM (SELECT line, unnest(legacy_keys) AS key FROM src_rows) k
               JOIN time_entries t ON t.source_key = k.key AND t.source IN ($source, 'export'))
   OR EXISTS (SELECT 1 FROM time_entries t
              JOIN renamed_entries r ON r.client_id = t.client_id AND r.source_client = t.source_client
              WHERE t.source = $source AND t.client_id = src_rows.client_id AND t.work_key = src_rows.work_key);
