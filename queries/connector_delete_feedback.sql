-- connector (inside the write transaction): make room for the export's feedback scores: the rows an
-- earlier import of the same answers by this $source wrote (same source_key) go. Other sources are
-- untouched.
DELETE FROM feedback
WHERE source = $source
  AND source_key IN (SELECT source_key FROM src_answer_rows);
