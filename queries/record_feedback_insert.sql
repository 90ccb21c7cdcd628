-- A feedback score the owner recorded (in the app or with `health-tui feedback`): source 'app', keyed
-- by its own uuid.
INSERT INTO feedback (client_id, "date", score, "comment", source, source_key)
VALUES ($client_id, $on, $score, $comment, 'app', $key);
