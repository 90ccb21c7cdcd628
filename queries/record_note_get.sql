-- One journal note, as it is now, for editing.
SELECT client_id, noted_at, note AS text
FROM client_notes
WHERE source = 'app' AND source_key = $key AND client_id = $client_id;
