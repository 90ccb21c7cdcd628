-- connector (inside the write transaction): make room for the export's entries: the rows an earlier
-- import of the same entries wrote (same source_key) go, so re-importing replaces instead of adding.
DELETE FROM time_entries
WHERE source_key IN (SELECT source_key FROM src_rows);
