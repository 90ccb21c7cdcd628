-- The owner edits a feedback score they recorded; imported rows are never matched.
UPDATE feedback
SET "date" = $on, score = $score, "comment" = $comment
WHERE source = 'app' AND source_key = $key AND client_id = $client_id
RETURNING source_key;
