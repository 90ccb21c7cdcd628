-- Re-pointing clients: the moved client's letter moves to the kept client.
UPDATE exit_letters SET client_id = m.new_id
FROM client_moves m
WHERE exit_letters.client_id = m.old_id;
