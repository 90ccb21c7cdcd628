-- Re-pointing clients: a fact the owner recorded for the kept client wins over the moved client's.
DELETE FROM client_facts
WHERE (client_id, fact) IN (
    SELECT m.old_id, f.fact FROM client_moves m JOIN client_facts f ON f.client_id = m.new_id
);
