-- connector: how many of the entries about to be written this $source already wrote (by source_key):
-- they replace themselves rather than add to the hours. Also by the key an earlier version gave
-- an entry (legacy_key, connector_classify_entries).
SELECT count(*)
FROM src_rows
WHERE source_key IN (SELECT source_key FROM time_entries WHERE source IN ($source, 'export'))
   OR legacy_key IN (SELECT source_key FROM time_entries WHERE source IN ($source, 'export'));
