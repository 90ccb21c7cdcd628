-- rollup scope: client_id (only that client's rows are written)
-- An interaction the owner logged (in the app or with `health-tui log`): source 'app', keyed by its
-- own uuid, so no import ever replaces it and it can be edited or deleted by that key.
INSERT INTO interactions (client_id, "at", channel, kind, sentiment, note, source, source_key)
VALUES ($client_id, $happened_at, $channel, $kind, $sentiment, $note, 'app', $key);
