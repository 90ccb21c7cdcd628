SELECT step, status, done_on, note, updated_at
FROM exit_steps
WHERE client_id = $client_id;
