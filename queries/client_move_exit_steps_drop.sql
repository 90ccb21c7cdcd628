-- Re-pointing clients: a checklist step the kept client already has wins over the moved client's.
DELETE FROM exit_steps
WHERE (client_id, step) IN (
    SELECT m.old_id, s.step FROM client_moves m JOIN exit_steps s ON s.client_id = m.new_id
);
