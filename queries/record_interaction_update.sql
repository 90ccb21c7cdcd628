-- rollup scope: client_id (only that client's rows are written)
-- The owner edits an interaction they logged; imported rows (any other source) are never matched.
UPDATE interactions
SET "at" = $happened_at, channel = $channel, kind = $kind, sentiment = $sentiment, note = $note
WHERE source = 'app' AND source_key = $key AND client_id = $client_id
RETURNING source_key;
