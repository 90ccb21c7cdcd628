-- connector (inside the write transaction): make room for the export's entries: the rows an earlier
-- import of the same entries by this $source wrote (same source_key) go, so re-importing replaces
-- instead of adding; rows from before schema 4 ('export') are matched by key alone. So do the
-- entries the client had under a name it was renamed from in the tracker (connector_renamed_entries).
DELETE FROM time_entries
WHERE source IN ($source, 'export')
  AND (source_key IN (SELECT source_key FROM src_rows UNION ALL SELECT unnest(legacy_keys) FROM src_rows)
       OR (source = $source
           AND EXISTS (SELECT 1 FROM renamed_entries r
                       WHERE r.client_id = time_entries.client_id
                         AND r.source_client = time_entries.source_client
                         AND r.work_key = time_entries.work_key)));
