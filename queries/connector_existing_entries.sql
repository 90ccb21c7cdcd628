-- connector: how many of the entries about to be written this $source already wrote (by source_key):
-- they replace themselves rather than add to the hours. Also by the key an earlier version gave
-- an entry (legacy_keys, connector_classify_entries), and the entries of a name the client was
-- renamed from (connector_renamed_entries).
SELECT count(*)
FROM src_rows
WHERE source_key IN (SELECT source_key FROM time_entries WHERE source IN ($source, 'export'))
   OR line IN (SELECT k.line
               FROM (SELECT line, unnest(legacy_keys) AS key FROM src_rows) k
               JOIN time_entries t ON t.source_key = k.key AND t.source IN ($source, 'export'))
   OR EXISTS (SELECT 1 FROM renamed_entries r
              WHERE r.client_id = src_rows.client_id AND r.work_key = src_rows.work_key);
