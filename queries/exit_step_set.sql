-- One checklist step's state; written on its own so it is committed the moment it is shown saved.
INSERT OR REPLACE INTO exit_steps (client_id, step, status, done_on, note, updated_at)
VALUES ($client_id, $step, $status, $done_on, $note, $updated_at);
