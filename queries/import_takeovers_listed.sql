-- import: the clients the folder is about to take over (client_moves), for the summary: the id an
-- export gave each, the folder's id, and the name.
SELECT m.old_id, m.new_id, r.name
FROM client_moves m
JOIN client_rows r ON r.client_id = m.old_id
ORDER BY m.old_id;
