-- connector: how many of the interactions about to be written this $source already wrote (by
-- source_key: a ticket exported again): they replace themselves rather than add to the history.
SELECT count(*)
FROM src_touch_rows
WHERE source_key IN (SELECT source_key FROM interactions WHERE source = $source);
