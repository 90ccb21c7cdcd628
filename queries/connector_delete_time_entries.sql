-- connector (inside the write transaction): make room for the export's entries: the rows an earlier
-- import of the same entries by this $source wrote (same source_key) go, so re-importing replaces
-- instead of adding; rows from before schema 4 ('export') are matched by key alone.
DELETE FROM time_entries
WHERE source IN ($source, 'export')
  AND source_key IN (SELECT source_key FROM src_rows UNION ALL SELECT unnest(legacy_keys) FROM src_rows);
