-- The owner edits a journal note.
UPDATE client_notes
SET noted_at = $noted_at, note = $note
WHERE source = 'app' AND source_key = $key AND client_id = $client_id
RETURNING source_key;
