-- Re-pointing clients: a letter the kept client already has wins over the moved client's.
DELETE FROM exit_letters
WHERE client_id IN (
    SELECT m.old_id FROM client_moves m JOIN exit_letters l ON l.client_id = m.new_id
);
