-- connector (inside the write transaction): make room for the export's entries: the rows an earlier
-- import of the same entries by this $source wrote (same source_key) go, so re-importing replaces
-- instead of adding; rows from before schema 4 ('export') are matched by key alone. So do this
-- source's rows on the same client with the same work_key (the key without the client's name): the
-- entries a client had under its old name in the tracker, once the owner merged the two clients.
DELETE FROM time_entries
WHERE source IN ($source, 'export')
  AND (source_key IN (SELECT source_key FROM src_rows UNION ALL SELECT unnest(legacy_keys) FROM src_rows)
       OR (source = $source AND EXISTS (SELECT 1 FROM src_rows s
                                        WHERE s.client_id = time_entries.client_id
                                          AND s.work_key = time_entries.work_key)));
