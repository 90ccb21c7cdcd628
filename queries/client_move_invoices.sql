-- Re-pointing clients (a folder taking over a client an export made, or `clients merge`): every
-- invoices row of each client_moves.old_id moves to its new_id, whatever its source.
UPDATE invoices SET client_id = m.new_id
FROM client_moves m
WHERE invoices.client_id = m.old_id;
