-- A journal note the owner wrote (in the app or with `health-tui note`): kept, never scored.
INSERT INTO client_notes (client_id, noted_at, note, source, source_key)
VALUES ($client_id, $noted_at, $note, 'app', $key);
