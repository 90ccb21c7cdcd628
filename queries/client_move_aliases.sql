-- Re-pointing clients: the names and ids the moved client was known by now name the kept client.
UPDATE client_aliases SET client_id = m.new_id
FROM client_moves m
WHERE client_aliases.client_id = m.old_id;
