-- One interaction the owner logged, as it is now, for editing.
SELECT client_id, "at" AS happened_at, kind, channel, sentiment, note
FROM interactions
WHERE source = 'app' AND source_key = $key AND client_id = $client_id;
