-- connector (inside the write transaction): the export's feedback scores, typed and matched to their
-- clients, each saying it came from $source under its key.
INSERT INTO feedback (client_id, "date", score, "comment", source, source_key)
SELECT client_id, day, score, "comment", $source, source_key
FROM src_answer_rows
ORDER BY line;
