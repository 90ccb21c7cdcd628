-- connector: how many of the feedback scores about to be written this $source already wrote (by
-- source_key): they replace themselves rather than add to the scores.
SELECT count(*)
FROM src_answer_rows
WHERE source_key IN (SELECT source_key FROM feedback WHERE source = $source);
