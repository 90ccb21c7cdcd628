-- Re-pointing clients (a folder taking over a client an export made, or `clients merge`): the moved
-- client's journal notes move to the kept client.
UPDATE client_notes SET client_id = m.new_id
FROM client_moves m
WHERE client_notes.client_id = m.old_id;
