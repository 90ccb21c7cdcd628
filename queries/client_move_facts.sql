-- Re-pointing clients: the moved client's remaining facts move to the kept client.
UPDATE client_facts SET client_id = m.new_id
FROM client_moves m
WHERE client_facts.client_id = m.old_id;
