-- rollup scope: client_id (only that client's rows are written)
-- The owner deletes an interaction they logged; imported rows are never matched.
DELETE FROM interactions
WHERE source = 'app' AND source_key = $key AND client_id = $client_id
RETURNING source_key;
