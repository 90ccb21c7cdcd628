-- Re-pointing clients: a client referred by a moved client was referred by the kept one.
UPDATE client_rows SET referred_by = m.new_id
FROM client_moves m
WHERE client_rows.referred_by = m.old_id;
