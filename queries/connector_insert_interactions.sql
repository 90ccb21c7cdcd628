-- connector (inside the write transaction): the export's interactions, typed and matched to their
-- clients, each saying it came from $source under its key.
INSERT INTO interactions (client_id, "at", channel, kind, sentiment, note, source, source_key)
SELECT client_id, "at", channel, kind, sentiment, note, $source, source_key
FROM src_touch_rows
ORDER BY line;
