-- Re-pointing clients: the moved client's remaining checklist steps move to the kept client.
UPDATE exit_steps SET client_id = m.new_id
FROM client_moves m
WHERE exit_steps.client_id = m.old_id;
