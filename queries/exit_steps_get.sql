-- The saved checklist steps of the given clients (one or many: a report reads all exits at once).
SELECT client_id, step, status, done_on, note, updated_at
FROM exit_steps
WHERE list_contains($client_ids, client_id);
