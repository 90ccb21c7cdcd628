-- connector: how many of the entries about to be written this $source already wrote (by source_key):
-- they replace themselves rather than add to the hours.
SELECT count(*)
FROM src_rows
WHERE source_key IN (SELECT source_key FROM time_entries WHERE source IN ($source, 'export'));
