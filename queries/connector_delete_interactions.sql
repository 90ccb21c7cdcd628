-- connector (inside the write transaction): make room for the export's interactions: the rows an
-- earlier import of the same tickets (or rows) by this $source wrote (same source_key) go, so a later
-- export replaces them instead of doubling them. Other sources are untouched.
DELETE FROM interactions
WHERE source = $source
  AND source_key IN (SELECT source_key FROM src_touch_rows);
