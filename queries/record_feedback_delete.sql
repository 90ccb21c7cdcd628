-- The owner deletes a feedback score they recorded; imported rows are never matched.
DELETE FROM feedback
WHERE source = 'app' AND source_key = $key AND client_id = $client_id
RETURNING source_key;
