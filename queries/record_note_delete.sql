-- The owner deletes a journal note.
DELETE FROM client_notes
WHERE source = 'app' AND source_key = $key AND client_id = $client_id
RETURNING source_key;
